// One function per route (docs/api.md); the table that maps routes to them
// is api/routes.cc. Handlers validate their parameters strictly (400 naming
// the parameter), call the store or an analysis, and serialise with the
// model's and the analyses' JSON (graph/model_json.h, graph/graph_json.h).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "api/context.h"
#include "api/http_types.h"
#include "api/query_params.h"
#include "graph/graph_store.h"

namespace negograph::api {

// handlers_meta.cc
ApiResponse HandleHealth(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleMetrics(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleOpenApi(const ApiRequest& req, ApiContext& ctx);

// handlers_nodes.cc: actors, issues, rounds
ApiResponse HandleListActors(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleGetActor(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleListIssues(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleGetIssue(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleListRounds(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleGetRound(const ApiRequest& req, ApiContext& ctx);

// handlers_positions.cc
// Page size when a request gives no `limit`.
inline constexpr size_t kDefaultPageSize = 100;
// Sets out["items"] and out["next_cursor"] (null on the last page) to the
// positions matching `filter`, paged by the request's `limit` and `cursor`.
Status AddPositionPage(ApiContext& ctx, PositionFilter filter, const QueryParams& params,
                       nlohmann::json& out);
ApiResponse HandleFindPositions(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleGetPosition(const ApiRequest& req, ApiContext& ctx);

// handlers_documents.cc
ApiResponse HandleListDocuments(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleGetDocument(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleDeleteDocument(const ApiRequest& req, ApiContext& ctx);
// handlers_upload.cc
ApiResponse HandlePostDocument(const ApiRequest& req, ApiContext& ctx);

// handlers_graph.cc: graph, compare, analyses
ApiResponse HandleGraph(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleCompare(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleAlignment(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandleContested(const ApiRequest& req, ApiContext& ctx);
ApiResponse HandlePath(const ApiRequest& req, ApiContext& ctx);

// handlers_conflicts.cc
ApiResponse HandleConflicts(const ApiRequest& req, ApiContext& ctx);

// handlers_export.cc
ApiResponse HandleExport(const ApiRequest& req, ApiContext& ctx);

// static_files.cc: the viewer; every other path is a 404 problem.
ApiResponse HandleStatic(const ApiRequest& req, ApiContext& ctx);

}  // namespace negograph::api
