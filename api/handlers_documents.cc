// Documents: list (without text), one document with its text and positions,
// and removal.
#include <nlohmann/json.hpp>

#include "api/handlers.h"
#include "graph/model_json.h"

namespace negograph::api {

ApiResponse HandleListDocuments(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  NEGOGRAPH_API_ASSIGN_OR_RETURN(docs, ctx.store.ListDocuments());
  nlohmann::json items = nlohmann::json::array();
  for (const Counted<Document>& c : docs) {
    nlohmann::json j = c.item;
    j.erase("text");
    j["positions"] = c.positions;
    items.push_back(std::move(j));
  }
  return JsonResponse(nlohmann::json{{"items", std::move(items)}});
}

ApiResponse HandleGetDocument(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {"limit", "cursor"}));
  NEGOGRAPH_API_ASSIGN_OR_RETURN(doc, ctx.store.GetDocument(req.matches.at(1)));
  nlohmann::json out = doc;
  PositionFilter filter;
  filter.doc = doc.id;
  NEGOGRAPH_API_RETURN_IF_ERROR(AddPositionPage(ctx, std::move(filter), params, out));
  return JsonResponse(out);
}

ApiResponse HandleDeleteDocument(const ApiRequest& req, ApiContext& ctx) {
  NEGOGRAPH_API_ASSIGN_OR_RETURN(params, QueryParams::Parse(req.params, {}));
  (void)params;
  NEGOGRAPH_API_RETURN_IF_ERROR(ctx.store.RemoveDocument(req.matches.at(1)));
  ApiResponse res;
  res.status = 204;
  res.content_type.clear();
  return res;
}

}  // namespace negograph::api
