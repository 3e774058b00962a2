#include "api/routes.h"

#include "api/handlers.h"

namespace negograph::api {

std::span<const Route> ApiRoutes() {
  // An id is one path segment; a percent-encoded '/' decodes into two
  // segments and so never matches (404).
#define NEGOGRAPH_ID "([^/]+)"
  static const Route kRoutes[] = {
      {"GET", "/healthz", "/healthz", HandleHealth},
      {"GET", "/metrics", "/metrics", HandleMetrics},
      {"GET", "/api/v1/openapi\\.json", "/api/v1/openapi.json", HandleOpenApi},
      {"GET", "/api/v1/actors", "/api/v1/actors", HandleListActors},
      {"GET", "/api/v1/actors/" NEGOGRAPH_ID, "/api/v1/actors/{id}", HandleGetActor},
      {"GET", "/api/v1/issues", "/api/v1/issues", HandleListIssues},
      {"GET", "/api/v1/issues/" NEGOGRAPH_ID, "/api/v1/issues/{id}", HandleGetIssue},
      {"GET", "/api/v1/rounds", "/api/v1/rounds", HandleListRounds},
      {"GET", "/api/v1/rounds/" NEGOGRAPH_ID, "/api/v1/rounds/{id}", HandleGetRound},
      {"GET", "/api/v1/documents", "/api/v1/documents", HandleListDocuments},
      {"GET", "/api/v1/documents/" NEGOGRAPH_ID, "/api/v1/documents/{id}", HandleGetDocument},
      {"POST", "/api/v1/documents", "/api/v1/documents", HandlePostDocument, true, true},
      {"DELETE", "/api/v1/documents/" NEGOGRAPH_ID, "/api/v1/documents/{id}",
       HandleDeleteDocument, true},
      {"GET", "/api/v1/positions", "/api/v1/positions", HandleFindPositions},
      {"GET", "/api/v1/positions/" NEGOGRAPH_ID, "/api/v1/positions/{id}", HandleGetPosition},
      {"GET", "/api/v1/graph", "/api/v1/graph", HandleGraph},
      {"GET", "/api/v1/compare", "/api/v1/compare", HandleCompare},
      {"GET", "/api/v1/conflicts", "/api/v1/conflicts", HandleConflicts},
      {"GET", "/api/v1/analysis/alignment", "/api/v1/analysis/alignment", HandleAlignment},
      {"GET", "/api/v1/analysis/contested", "/api/v1/analysis/contested", HandleContested},
      {"GET", "/api/v1/analysis/path", "/api/v1/analysis/path", HandlePath},
      {"GET", "/api/v1/export", "/api/v1/export", HandleExport},
  };
#undef NEGOGRAPH_ID
  return kRoutes;
}

}  // namespace negograph::api
