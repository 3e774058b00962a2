#include <nlohmann/json.hpp>

#include <algorithm>

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

namespace {

// A bloc's positions with its members' (include_members=true): one page per
// party with the same cursor, merged in position-id order. Each party's page
// holds its first `limit` ids after the cursor, so the first `limit` of the
// union are exact, and the last of them resumes every party's plan.
StatusOr<PositionPage> WithMembers(ApiContext& ctx, const PositionFilter& filter) {
  StatusOr<std::vector<Counted<Actor>>> actors = ctx.store.ListActors();
  if (!actors.ok()) return actors.status();
  std::vector<std::string> parties = {filter.actor};
  for (const Counted<Actor>& a : *actors) {
    if (a.item.id == filter.actor) parties.insert(parties.end(), a.item.members.begin(), a.item.members.end());
  }
  PositionPage merged;
  bool more = false;
  for (const std::string& party : parties) {
    PositionFilter f = filter;
    f.actor = party;
    StatusOr<PositionPage> page = ctx.store.FindPositions(f);
    if (!page.ok()) return page.status();
    more = more || !page->next_cursor.empty();
    for (Position& p : page->items) merged.items.push_back(std::move(p));
  }
  std::sort(merged.items.begin(), merged.items.end(),
            [](const Position& a, const Position& b) { return a.id < b.id; });
  merged.items.erase(std::unique(merged.items.begin(), merged.items.end(),
                                 [](const Position& a, const Position& b) { return a.id == b.id; }),
                     merged.items.end());
  if (merged.items.size() > filter.limit) {
    merged.items.resize(filter.limit);
    more = true;
  }
  if (more && !merged.items.empty()) merged.next_cursor = merged.items.back().id;
  return merged;
}

}  // namespace

ApiResponse HandleFindPositions(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(
      params, QueryParams::Parse(req.params, {"actor", "stance", "issue", "round", "doc", "q",
                                              "limit", "cursor", "include_members"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(with_members, params.BoolParam("include_members"));
  if (with_members && params.Get("actor").empty()) {
    return ProblemFromStatus(Status::InvalidArgument("include_members needs an actor"));
  }
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
  if (with_members) {
    NEGOGRAPH_API_ASSIGN_OR_RETURN(merged, WithMembers(ctx, filter));
    ApiResponse res;
    res.body = PositionPageJson(merged);
    return res;
  }
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
