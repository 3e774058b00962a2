// libFuzzer: POST /api/v1/documents with an arbitrary JSON body (first byte
// odd) or text/plain body, against an in-memory store and an extractor
// stand-in that yields no positions.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/context.h"
#include "api/handlers.h"
#include "graph/memory_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace negograph;
  static std::unique_ptr<GraphStore> store = NewMemoryStore();
  static const api::ExtractFn extract = [](const Document& d) -> StatusOr<DocumentExtraction> {
    DocumentExtraction e;
    e.document = d;
    if (e.document.lang.empty()) e.document.lang = "en";
    e.document.rules_version = "fuzz";
    return e;
  };
  static const api::ServerOptions options;
  static api::Metrics metrics;
  api::ApiContext ctx{*store, extract, options, metrics};
  if (size == 0) return 0;
  api::ApiRequest req;
  req.method = "POST";
  req.path = req.target = "/api/v1/documents";
  req.headers.emplace_back("Content-Type",
                           (data[0] & 1) ? "application/json" : "text/plain; charset=utf-8");
  req.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  api::ApiResponse res = api::HandlePostDocument(req, ctx);
  if (res.status >= 500 && res.status != 501) __builtin_trap();  // a 5xx is a bug
  return 0;
}
