// What every handler may use: the store, the extractor, the options and
// the metrics. Owned by the Server; handlers get it by reference.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "api/http_types.h"
#include "api/metrics.h"
#include "api/problem.h"
#include "api/server.h"
#include "graph/graph_store.h"

namespace negograph::api {

struct ApiContext {
  GraphStore& store;
  const ExtractFn& extract;
  const ServerOptions& options;
  Metrics& metrics;
};

using HandlerFn = ApiResponse (*)(const ApiRequest&, ApiContext&);

// A JSON response (application/json). Invalid UTF-8 in stored text is
// replaced (U+FFFD), never an exception.
ApiResponse JsonResponse(const nlohmann::json& j, int status = 200);

// Unwraps a StatusOr in a handler: on error, returns its problem response.
#define NEGOGRAPH_API_ASSIGN_OR_RETURN(lhs, expr)                      \
  auto lhs##_or_ = (expr);                                             \
  if (!lhs##_or_.ok()) return ::negograph::api::ProblemFromStatus(lhs##_or_.status()); \
  auto& lhs = *lhs##_or_

// Returns the problem response of a failed Status from a handler.
#define NEGOGRAPH_API_RETURN_IF_ERROR(expr)                                    \
  do {                                                                         \
    ::negograph::Status api_status_ = (expr);                                  \
    if (!api_status_.ok()) return ::negograph::api::ProblemFromStatus(api_status_); \
  } while (0)

}  // namespace negograph::api
