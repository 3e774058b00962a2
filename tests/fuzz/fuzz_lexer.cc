// libFuzzer: the tokenizer and sentence splitter (ingest::Lex) on any text
// ParseDocument accepts, with the bundled rule packs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "ingest/document_reader.h"
#include "ingest/extractor.h"
#include "ingest/lexer.h"
#include "ingest/rule_pack.h"

using namespace negograph::ingest;

namespace {
const RulePack* pack = nullptr;
}  // namespace

// Loading the rule packs takes seconds under ASan: done here, outside the
// per-input timeout, not on the first input.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  auto loaded = RulePack::Load(Extractor::DefaultRulesDir());
  if (!loaded.ok()) {
    std::cerr << loaded.status().ToString() << "\n";
    std::abort();
  }
  pack = loaded->release();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = ParseDocument("fuzz", std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) return 0;
  LexedText lexed = Lex(*pack, doc->text);
  for (const Sentence& s : lexed.sentences) (void)s;
  return 0;
}
