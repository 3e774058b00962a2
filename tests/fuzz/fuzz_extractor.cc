// libFuzzer: the whole extractor (language detection, lexer, clause
// analysis, rules) on any text ParseDocument accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "ingest/document_reader.h"
#include "ingest/extractor.h"

using namespace negograph::ingest;

namespace {
const Extractor* extractor = nullptr;
}  // namespace

// Loading the rule packs takes seconds under ASan: done here, outside the
// per-input timeout, not on the first input.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  auto loaded = Extractor::Load(Extractor::DefaultRulesDir());
  if (!loaded.ok()) {
    std::cerr << loaded.status().ToString() << "\n";
    std::abort();
  }
  extractor = new Extractor(std::move(*loaded));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = ParseDocument("fuzz", std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) return 0;
  extractor->Extract(*doc).status().IgnoreError();
  return 0;
}
