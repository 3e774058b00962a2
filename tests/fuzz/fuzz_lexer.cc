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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace negograph::ingest;
  static const RulePack* pack = [] {
    auto loaded = RulePack::Load(Extractor::DefaultRulesDir());
    if (!loaded.ok()) {
      std::cerr << loaded.status().ToString() << "\n";
      std::abort();
    }
    return loaded->release();
  }();
  auto doc = ParseDocument("fuzz", std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) return 0;
  LexedText lexed = Lex(*pack, doc->text);
  for (const Sentence& s : lexed.sentences) (void)s;
  return 0;
}
