// The graph projection and the Boost.Graph analyses (graph/analysis.h,
// graph/round_diff.h), serialised by graph/graph_json.h.
#include <nlohmann/json.hpp>

#include "api/handlers.h"
#include "graph/analysis.h"
#include "graph/graph_json.h"
#include "graph/model_json.h"
#include "graph/round_diff.h"

namespace negograph::api {
namespace {

// Neighbourhoods deeper than this cover the whole graph in practice and
// cost a full traversal.
constexpr int kMaxDepth = 5;

ViewFilter ViewFrom(const QueryParams& params) {
  ViewFilter view;
  view.round = params.Get("round");
  return view;
}

}  // namespace

ApiResponse HandleGraph(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(
      params, QueryParams::Parse(req.params, {"node", "depth", "round", "limit"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(depth, params.IntInRange("depth", 1, 1, kMaxDepth));
  ViewFilter view = ViewFrom(params);
  if (!params.Has("node")) {
    if (params.Has("depth")) {
      return Problem(400, "parameter 'depth' needs 'node'");
    }
    // limit caps the edges of the whole graph; absent means all.
    NEGOGRAPH_API_ASSIGN_OR_RETURN(max_edges, params.Limit("limit", 0, SIZE_MAX));
    NEGOGRAPH_API_ASSIGN_OR_RETURN(graph, WholeGraph(ctx.store, view, max_edges));
    return JsonResponse(nlohmann::json(graph));
  }
  if (params.Has("limit")) return Problem(400, "parameter 'limit' applies only without 'node'");
  NEGOGRAPH_API_ASSIGN_OR_RETURN(graph, Neighbourhood(ctx.store, params.Get("node"), depth, view));
  return JsonResponse(nlohmann::json(graph));
}

ApiResponse HandleCompare(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {"from", "to"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(from, params.Required("from"));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(to, params.Required("to"));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(comparison, CompareRounds(ctx.store, from, to));
  return JsonResponse(nlohmann::json(comparison));
}

ApiResponse HandleAlignment(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {"round"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(pairs, Alignment(ctx.store, ViewFrom(params)));
  return JsonResponse(nlohmann::json{{"items", pairs}});
}

ApiResponse HandleContested(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {"round", "limit"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(top, params.Limit("limit", 20, ctx.options.max_limit));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(issues, Contested(ctx.store, ViewFrom(params), top));
  return JsonResponse(nlohmann::json{{"items", issues}});
}

ApiResponse HandlePath(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {"from", "to", "round"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(from, params.Required("from"));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(to, params.Required("to"));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(path, ShortestPath(ctx.store, from, to, ViewFrom(params)));
  return JsonResponse(nlohmann::json(path));
}

}  // namespace negograph::api
