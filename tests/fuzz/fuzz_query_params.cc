// libFuzzer: strict query-parameter parsing. The input is a query string
// ("a=1&b=2"), split the way the server hands parameters to handlers.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "api/query_params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using negograph::api::QueryParams;
  std::string_view q(reinterpret_cast<const char*>(data), size);
  std::multimap<std::string, std::string> params;
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    size_t eq = pair.find('=');
    params.emplace(std::string(pair.substr(0, eq)),
                   eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  auto parsed = QueryParams::Parse(params, {"actor", "stance", "issue", "round", "limit",
                                            "cursor", "depth", "q"});
  if (!parsed.ok()) return 0;
  parsed->Limit("limit", 100, 1000).status().IgnoreError();
  parsed->IntInRange("depth", 1, 0, 5).status().IgnoreError();
  parsed->StanceParam("stance").status().IgnoreError();
  parsed->Required("actor").status().IgnoreError();
  negograph::api::ParseUnsigned(parsed->Get("cursor"));
  return 0;
}
