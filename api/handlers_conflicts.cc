// GET /api/v1/conflicts: conflicting reports (graph/conflicts.h).
#include <nlohmann/json.hpp>

#include "api/handlers.h"
#include "graph/conflicts.h"
#include "graph/graph_json.h"

namespace negograph::api {

ApiResponse HandleConflicts(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params,
                                 QueryParams::Parse(req.params, {"round", "actor", "issue"}));
  ConflictFilter filter;
  filter.round = params.Get("round");
  filter.actor = params.Get("actor");
  filter.issue = params.Get("issue");
  if (!filter.round.empty()) {
    // A misspelt round would look like "no conflicts": say it is unknown.
    NEGOGRAPH_API_ASSIGN_OR_RETURN(rounds, ctx.store.ListRounds());
    bool known = false;
    for (const Counted<Round>& r : rounds) known = known || r.item.id == filter.round;
    if (!known) return Problem(404, "no round '" + filter.round + "'");
  }
  NEGOGRAPH_API_ASSIGN_OR_RETURN(conflicts, FindConflicts(ctx.store, filter));
  return JsonResponse(nlohmann::json{{"items", conflicts}});
}

}  // namespace negograph::api
