#include <nlohmann/json.hpp>

#include "api/handlers.h"
#include "api/position_writer.h"
#include "graph/model_json.h"

namespace negograph::api {

Status AddPositionPage(ApiContext& ctx, PositionFilter filter, const QueryParams& params,
                       nlohmann::json& out) {
  StatusOr<size_t> limit = params.Limit("limit", kDefaultPageSize, ctx.options.max_limit);
  if (!limit.ok()) return limit.status();
  filter.limit = *limit;
  filter.cursor = params.Get("cursor");
  StatusOr<PositionPage> page = ctx.store.FindPositions(filter);
  if (!page.ok()) return page.status();
  out["items"] = page->items;
  out["next_cursor"] =
      page->next_cursor.empty() ? nlohmann::json(nullptr) : nlohmann::json(page->next_cursor);
  return Status::Ok();
}

ApiResponse HandleFindPositions(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(
      params, QueryParams::Parse(req.params, {"actor", "stance", "issue", "round", "doc", "q",
                                              "limit", "cursor"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(stance, params.StanceParam("stance"));
  PositionFilter filter;
  filter.actor = params.Get("actor");
  filter.stance = stance;
  filter.issue = params.Get("issue");
  filter.round = params.Get("round");
  filter.doc = params.Get("doc");
  filter.text = params.Get("q");
  NEGOGRAPH_API_ASSIGN_OR_RETURN(limit,
                                 params.Limit("limit", kDefaultPageSize, ctx.options.max_limit));
  filter.limit = limit;
  filter.cursor = params.Get("cursor");
  NEGOGRAPH_API_ASSIGN_OR_RETURN(page, ctx.store.FindPositions(filter));
  // The hot path: written directly, not through a json tree.
  ApiResponse res;
  res.body = PositionPageJson(page);
  return res;
}

ApiResponse HandleGetPosition(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  NEGOGRAPH_API_ASSIGN_OR_RETURN(position, ctx.store.GetPosition(req.matches.at(1)));
  return JsonResponse(nlohmann::json(position));
}

}  // namespace negograph::api
