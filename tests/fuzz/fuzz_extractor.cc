// libFuzzer: the whole extractor (language detection, lexer, clause
// analysis, rules) on any text ParseDocument accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "ingest/document_reader.h"
#include "ingest/extractor.h"
#include "ingest/open_issue.h"

using namespace negograph::ingest;

namespace {
const Extractor* extractor = nullptr;
}  // namespace

// Loading the rule packs takes seconds under ASan, and the German-English
// dictionary (open issues, loaded on first use) over 30 s on a busy
// machine: both are done here, outside the per-input timeout, not on the
// first input that happens to need them.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  auto loaded = Extractor::Load(Extractor::DefaultRulesDir());
  if (!loaded.ok()) {
    std::cerr << loaded.status().ToString() << "\n";
    std::abort();
  }
  extractor = new Extractor(std::move(*loaded));
  DictionaryAvailable();
  // Any other state loaded on first use: one document in each language.
  for (std::string_view text :
       {std::string_view("lang: en\n\nRussia rejected the demand of NATO on missiles.\n"),
        std::string_view("lang: de\n\nRussland lehnte die Forderung der NATO ab.\n")}) {
    if (auto doc = ParseDocument("warm-up", text); doc.ok()) {
      extractor->Extract(*doc).status().IgnoreError();
    }
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = ParseDocument("fuzz", std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) return 0;
  extractor->Extract(*doc).status().IgnoreError();
  return 0;
}
