// Runs ../shared/eval/score.py on the extractor's output for the sample
// corpus (F1 >= 0.90) and the bundled demo corpus (F1 >= 0.85).
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <regex>

#include "graph/model_json.h"
#include "tests/common/temp_dir.h"
#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {
namespace {

// Extracts every document under `corpus` into a JSONL file.
std::filesystem::path ExtractCorpus(const std::filesystem::path& corpus, const TempDir& tmp) {
  std::vector<Status> errors;
  auto files = ingest::CollectInputFiles({corpus}, errors);
  REQUIRE(errors.empty());
  REQUIRE_FALSE(files.empty());
  auto out = tmp.path() / (corpus.filename().string() + ".jsonl");
  std::ofstream jsonl(out);
  for (const auto& f : files) {
    auto doc = ingest::ReadDocumentFile(f);
    REQUIRE(doc.ok());
    auto r = BundledExtractor().Extract(*doc);
    REQUIRE(r.ok());
    for (const Position& p : r->positions) jsonl << PositionToJsonLine(p) << "\n";
  }
  return out;
}

double ScoreF1(const std::filesystem::path& shared, const std::filesystem::path& gold,
               const std::filesystem::path& predicted, const std::filesystem::path& aliases) {
  std::string cmd = "python3 '" + (shared / "eval/score.py").string() + "' '" + gold.string() +
                    "' '" + predicted.string() + "'";
  if (std::filesystem::exists(aliases)) cmd += " --actors '" + aliases.string() + "'";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  REQUIRE(pclose(pipe) == 0);
  std::smatch m;
  INFO(out);
  REQUIRE(std::regex_search(out, m, std::regex(R"(F1 ([0-9.]+))")));
  WARN(gold.string() << ": " << out);
  return std::stod(m[1]);
}

TEST_CASE("the sample corpus scores F1 >= 0.90 against its gold", "[ingest][score]") {
  NEGOGRAPH_REQUIRE_SHARED(shared);
  TempDir tmp;
  auto predicted = ExtractCorpus(shared / "corpus", tmp);
  CHECK(ScoreF1(shared, shared / "gold", predicted, {}) >= 0.90);
}

TEST_CASE("the demo corpus scores F1 >= 0.85 against its gold", "[ingest][score]") {
  NEGOGRAPH_REQUIRE_SHARED(shared);
  TempDir tmp;
  auto demo = SourceDir() / "data/demo";
  auto predicted = ExtractCorpus(demo, tmp);
  CHECK(ScoreF1(shared, demo / "gold", predicted, demo / "actors.json") >= 0.85);
}

}  // namespace
}  // namespace negograph::testing
