// Downloads: GraphML, CSV (neo4j-admin headers), JSON-LD, PLOVER events.
#include <sstream>

#include "api/handlers.h"
#include "graph/export.h"
#include "ingest/actor_codes.h"

namespace negograph::api {

ApiResponse HandleExport(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {"format", "round"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(name, params.Required("format"));
  std::optional<ExportFormat> format = ParseExportFormat(name);
  if (!format) {
    return Problem(400,
                   "parameter 'format' must be one of graphml, csv-nodes, csv-edges, jsonld, "
                   "plover");
  }
  ViewFilter view;
  view.round = params.Get("round");
  // Buffered so that a store error still becomes a problem response (a
  // streamed body cannot change its status half way).
  std::ostringstream out;
  if (*format == ExportFormat::kPlover) {
    // Read once; without iso-codes the events carry no country codes.
    static const std::map<std::string, std::string> codes = [] {
      auto loaded = ingest::LoadActorCountryCodes();
      return loaded.ok() ? *loaded : std::map<std::string, std::string>{};
    }();
    NEGOGRAPH_API_RETURN_IF_ERROR(ExportPlover(ctx.store, view, codes, out));
  } else {
    NEGOGRAPH_API_RETURN_IF_ERROR(Export(ctx.store, *format, view, out));
  }
  ApiResponse res;
  res.content_type = std::string(ExportContentType(*format));
  res.body = std::move(out).str();
  res.SetHeader("Content-Disposition",
                "attachment; filename=\"" + std::string(ExportFileName(*format)) + "\"");
  return res;
}

}  // namespace negograph::api
