// Runs the scorer on the extractor's output: the seed sample (F1 >= 0.90),
// the bundled demo corpus (F1 >= 0.85; needs only the scorer, so it runs in
// a clone without ../shared through tests/ingest/score.py) and the real-text
// development set ../shared/devset (a floor against regressions).
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <regex>

#include "graph/model_json.h"
#include "tests/common/temp_dir.h"
#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {
namespace {

// Raised whenever the development set improves; never lowered to let a change pass.
constexpr double kDevsetF1Floor = 0.67;
constexpr double kDevsetPrecisionFloor = 0.78;

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

struct Score {
  double precision = 0, recall = 0, f1 = 0;
};

// ../shared/eval/score.py when ../shared is there, else the copy in the tree.
std::filesystem::path Scorer() {
  auto shared = SharedDir();
  if (shared && std::filesystem::exists(*shared / "eval/score.py")) return *shared / "eval/score.py";
  return SourceDir() / "tests/ingest/score.py";
}

Score RunScorer(const std::filesystem::path& gold, const std::filesystem::path& predicted,
                const std::filesystem::path& aliases) {
  std::string cmd = "python3 '" + Scorer().string() + "' '" + gold.string() + "' '" + predicted.string() + "'";
  if (std::filesystem::exists(aliases)) cmd += " --actors '" + aliases.string() + "'";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  REQUIRE(pclose(pipe) == 0);
  std::smatch m;
  INFO(out);
  REQUIRE(std::regex_search(out, m, std::regex(R"(precision ([0-9.]+).*recall ([0-9.]+).*F1 ([0-9.]+))")));
  WARN(gold.string() << ": " << out);
  return Score{std::stod(m[1]), std::stod(m[2]), std::stod(m[3])};
}

TEST_CASE("the sample corpus scores F1 >= 0.90 against its gold", "[ingest][score]") {
  NEGOGRAPH_REQUIRE_SHARED(shared);
  TempDir tmp;
  auto predicted = ExtractCorpus(shared / "corpus", tmp);
  CHECK(RunScorer(shared / "gold", predicted, {}).f1 >= 0.90);
}

TEST_CASE("the demo corpus scores F1 >= 0.85 against its gold", "[ingest][score]") {
  TempDir tmp;
  auto demo = SourceDir() / "data/demo";
  auto predicted = ExtractCorpus(demo, tmp);
  CHECK(RunScorer(demo / "gold", predicted, demo / "actors.json").f1 >= 0.85);
}

// Real reports (../shared/devset, 30 texts, 20 negotiations). The issue's
// target is F1 >= 0.60 with precision >= 0.70; until it is met this floor
// guards what has been reached (see docs/rules.md, "Measuring").
TEST_CASE("the real-text development set does not fall below its floor", "[ingest][score]") {
  NEGOGRAPH_REQUIRE_SHARED(shared);
  TempDir tmp;
  auto predicted = ExtractCorpus(shared / "devset/texts", tmp);
  Score score = RunScorer(shared / "devset/gold", predicted, shared / "devset/actors.json");
  CHECK(score.f1 >= kDevsetF1Floor);
  CHECK(score.precision >= kDevsetPrecisionFloor);
}

}  // namespace
}  // namespace negograph::testing
