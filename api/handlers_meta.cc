// Liveness, metrics, and the OpenAPI document.
#include <nlohmann/json.hpp>

#include "api/handlers.h"
#include "api/openapi.h"

namespace negograph::api {

ApiResponse HandleHealth(const ApiRequest& req, ApiContext&) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  return JsonResponse(nlohmann::json{{"status", "ok"}});
}

ApiResponse HandleMetrics(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  StatusOr<StoreStats> stats = ctx.store.Stats();
  ApiResponse res;
  res.content_type = "text/plain; version=0.0.4; charset=utf-8";
  res.body = ctx.metrics.Render(stats.ok() ? &*stats : nullptr);
  return res;
}

ApiResponse HandleOpenApi(const ApiRequest& req, ApiContext&) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  ApiResponse res;
  res.body = std::string(OpenApiJson());
  return res;
}

}  // namespace negograph::api
