// The OpenAPI 3.0 document of every route: api/openapi.json, embedded at
// build time (api/CMakeLists.txt). tests/api checks that it and the route
// table (api/routes.cc) agree.
#pragma once

#include <string_view>

namespace negograph::api {

std::string_view OpenApiJson();

}  // namespace negograph::api
