// The language a read answers in: `?lang=de|en`, else the first of de/en in
// Accept-Language (by q-value), else English. Labels of nodes and positions
// follow it (graph/labels.h); ids never do.
#pragma once

#include <string>
#include <string_view>

#include "api/http_types.h"
#include "graph/status.h"

namespace negograph::api {

// InvalidArgument naming `lang` for a value other than de or en.
StatusOr<std::string> RequestLang(const ApiRequest& req);

// "de" or "en" from an Accept-Language header; "" when it names neither.
std::string AcceptLanguage(std::string_view header);

}  // namespace negograph::api
