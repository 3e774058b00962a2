// Actors, issues and rounds: lists with position counts, and one item with
// a page of its positions.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/handlers.h"
#include "graph/model_json.h"

namespace negograph::api {
namespace {

// The list shape: {"items":[{...item, "positions":N}]}.
template <typename T>
ApiResponse ListResponse(const std::vector<Counted<T>>& counted) {
  nlohmann::json items = nlohmann::json::array();
  for (const Counted<T>& c : counted) {
    nlohmann::json j = c.item;
    j["positions"] = c.positions;
    items.push_back(std::move(j));
  }
  return JsonResponse(nlohmann::json{{"items", std::move(items)}});
}

// One item with a page of its positions. `what` names the kind in a 404.
template <typename T>
ApiResponse DetailResponse(const ApiRequest& req, ApiContext& ctx,
                           const StatusOr<std::vector<Counted<T>>>& listed, const char* what,
                           std::string PositionFilter::*field) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {"limit", "cursor"}));
  if (!listed.ok()) return ProblemFromStatus(listed.status());
  const std::string& id = req.matches.at(1);
  auto it = std::find_if(listed->begin(), listed->end(),
                         [&](const Counted<T>& c) { return c.item.id == id; });
  if (it == listed->end()) return Problem(404, std::string("no ") + what + " '" + id + "'");
  nlohmann::json out = it->item;
  out["positions"] = it->positions;
  PositionFilter filter;
  filter.*field = id;
  NEGOGRAPH_API_RETURN_IF_ERROR(AddPositionPage(ctx, std::move(filter), params, out));
  return JsonResponse(out);
}

}  // namespace

ApiResponse HandleListActors(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  NEGOGRAPH_API_ASSIGN_OR_RETURN(actors, ctx.store.ListActors());
  return ListResponse(actors);
}

ApiResponse HandleGetActor(const ApiRequest& req, ApiContext& ctx) {
  return DetailResponse(req, ctx, ctx.store.ListActors(), "actor", &PositionFilter::actor);
}

ApiResponse HandleListIssues(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  NEGOGRAPH_API_ASSIGN_OR_RETURN(issues, ctx.store.ListIssues());
  return ListResponse(issues);
}

ApiResponse HandleGetIssue(const ApiRequest& req, ApiContext& ctx) {
  return DetailResponse(req, ctx, ctx.store.ListIssues(), "issue", &PositionFilter::issue);
}

ApiResponse HandleListRounds(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  NEGOGRAPH_API_ASSIGN_OR_RETURN(rounds, ctx.store.ListRounds());
  return ListResponse(rounds);
}

ApiResponse HandleGetRound(const ApiRequest& req, ApiContext& ctx) {
  return DetailResponse(req, ctx, ctx.store.ListRounds(), "round", &PositionFilter::round);
}

}  // namespace negograph::api
