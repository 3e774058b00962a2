// libFuzzer: the whole extractor (language detection, lexer, clause
// analysis, rules) on any text ParseDocument accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "ingest/document_reader.h"
#include "ingest/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace negograph::ingest;
  static const Extractor* extractor = [] {
    auto loaded = Extractor::Load(Extractor::DefaultRulesDir());
    if (!loaded.ok()) {
      std::cerr << loaded.status().ToString() << "\n";
      std::abort();
    }
    return new Extractor(std::move(*loaded));
  }();
  auto doc = ParseDocument("fuzz", std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) return 0;
  extractor->Extract(*doc).status().IgnoreError();
  return 0;
}
