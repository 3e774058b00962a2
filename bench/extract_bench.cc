// Extraction throughput (MB/s) against its raw baseline: the same lexicon
// compiled into the same automaton, scanned over the same text with nothing
// else (case folding + Aho-Corasick). The ratio Extract/Scan shows what the
// clause logic costs on top of the one linear pass.
//
// Text: the demo corpus (data/demo), German and English bodies each repeated
// to ~4 MB, extracted as one large document per language.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "ingest/document_reader.h"
#include "ingest/extractor.h"
#include "ingest/rule_pack.h"
#include "ingest/text_util.h"

namespace negograph {
namespace {

constexpr size_t kTargetBytes = 4u << 20;

struct Corpus {
  std::vector<Document> docs;  // one big document per language
  size_t bytes = 0;
};

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::vector<Status> errors;
    auto files = ingest::CollectInputFiles({std::filesystem::path(NEGOGRAPH_SOURCE_DIR) / "data/demo"}, errors);
    std::string de, en;
    for (const auto& f : files) {
      auto doc = ingest::ReadDocumentFile(f);
      if (!doc.ok()) continue;
      (doc->lang == "en" ? en : de) += doc->text + "\n\n";
    }
    for (auto [lang, body] : {std::pair{"de", de}, std::pair{"en", en}}) {
      if (body.empty()) continue;
      Document d;
      d.name = std::string("bench-") + lang;
      d.lang = lang;
      while (d.text.size() < kTargetBytes) d.text += body;
      c.bytes += d.text.size();
      c.docs.push_back(std::move(d));
    }
    return c;
  }();
  return corpus;
}

const ingest::Extractor& BenchExtractor() {
  static const ingest::Extractor* e = [] {
    auto loaded = ingest::Extractor::Load(ingest::Extractor::DefaultRulesDir());
    if (!loaded.ok()) {
      std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new ingest::Extractor(std::move(*loaded));
  }();
  return *e;
}

// Baseline: fold + scan the same text with the same automaton.
void BM_RawLexiconScan(benchmark::State& state) {
  auto pack = ingest::RulePack::Load(ingest::Extractor::DefaultRulesDir());
  if (!pack.ok()) {
    state.SkipWithError(pack.status().ToString().c_str());
    return;
  }
  const Corpus& corpus = LoadCorpus();
  size_t matches = 0;
  for (auto _ : state) {
    for (const Document& d : corpus.docs) {
      std::string folded = ingest::FoldCase(d.text);
      (*pack)->automaton.Scan(folded, [&](size_t, uint32_t) { ++matches; });
    }
  }
  benchmark::DoNotOptimize(matches);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["patterns"] = static_cast<double>((*pack)->automaton.pattern_count());
  state.counters["states"] = static_cast<double>((*pack)->automaton.state_count());
}
BENCHMARK(BM_RawLexiconScan)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  const ingest::Extractor& extractor = BenchExtractor();
  size_t positions = 0;
  for (auto _ : state) {
    for (const Document& d : corpus.docs) {
      auto r = extractor.Extract(d);
      if (!r.ok()) {
        state.SkipWithError(r.status().ToString().c_str());
        return;
      }
      positions += r->positions.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["positions/iter"] =
      static_cast<double>(positions) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace negograph

BENCHMARK_MAIN();
