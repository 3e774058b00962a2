// Issue 17: the line filter as a cluster stage. Shards of a corpus extracted
// in separate processes merge into the bytes of one run (ids depend on
// content only), and the filter's output finds its way home into a store
// with the counts of a plain ingest, idempotently.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <future>
#include <sstream>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "tests/cli/cli_helpers.h"
#include "tests/common/temp_dir.h"

namespace negograph::cli {
namespace {

namespace fs = std::filesystem;
using testing::RunNegograph;
using testing::TempDir;
const auto& Q = testing::Quoted;

// The demo corpus as line-filter input (what scripts/to-jsonl writes), in
// ingest's order: {"name": stem, "source": path, "text": the file}.
std::vector<std::string> DemoLines() {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(testing::SourceDir() / "data" / "demo")) {
    std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".md" || ext == ".txt")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> lines;
  for (const fs::path& f : files) {
    nlohmann::json j = {{"name", f.stem().string()},
                        {"source", f.filename().string()},
                        {"text", testing::ReadFile(f)}};
    lines.push_back(j.dump() + "\n");
  }
  return lines;
}

std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  std::sort(out.begin(), out.end());
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l;
  return out;
}

nlohmann::json Store(const testing::CommandResult& r) { return testing::ParseJson(r)["store"]; }

}  // namespace

TEST_CASE("demo shards extracted in separate processes merge into the bytes of one run",
          "[cli][scale]") {
  const std::vector<std::string> lines = DemoLines();
  REQUIRE(lines.size() >= 8);
  // Shard 0 holds one document alone; the rest go round-robin to 1..3, so
  // every shard sees other neighbours than in the single run.
  std::vector<std::string> shards(4);
  shards[0] = lines[5];
  for (size_t k = 0, n = 0; k < lines.size(); ++k) {
    if (k != 5) shards[1 + n++ % 3] += lines[k];
  }
  std::vector<std::future<testing::CommandResult>> runs;
  for (const std::string& shard : shards) {
    runs.push_back(std::async(std::launch::async, [shard] {
      return RunNegograph("extract - --format extractions", shard);
    }));
  }
  testing::CommandResult one = RunNegograph("extract - --format extractions", Join(lines));
  REQUIRE(one.exit_code == kExitOk);
  std::string merged;
  for (auto& run : runs) {
    testing::CommandResult r = run.get();
    INFO(r.err);
    REQUIRE(r.exit_code == kExitOk);
    merged += r.out;
  }
  std::vector<std::string> a = SortedLines(one.out), b = SortedLines(merged);
  CHECK(a.size() == lines.size());  // one extraction per document
  CHECK(a == b);
  // The single run keeps input order: line k is document k.
  std::istringstream in(one.out);
  std::string first;
  std::getline(in, first);
  nlohmann::json doc = nlohmann::json::parse(first)["document"];
  CHECK(doc["name"] == nlohmann::json::parse(lines[0])["name"]);
  CHECK(doc["text"].get<std::string>().size() > 0);
}

TEST_CASE("the line filter's extractions load home with the counts of a plain ingest",
          "[cli][scale]") {
  TempDir dir;
  const std::string rounds = " --rounds " + Q(testing::SourceDir() / "data" / "rounds.yaml");
  const auto home = dir.path() / "home";
  auto plain = RunNegograph("ingest --format json --db " + Q(dir.path() / "plain") + rounds + " " +
                            Q(testing::SourceDir() / "data" / "demo"));
  nlohmann::json expected = Store(plain);
  REQUIRE(expected["positions"].get<int>() > 0);

  auto extracted = RunNegograph("extract - --format extractions", Join(DemoLines()));
  REQUIRE(extracted.exit_code == kExitOk);
  auto loaded = RunNegograph("ingest --from-jsonl - --format json --db " + Q(home) + rounds,
                             extracted.out);
  CHECK(Store(loaded) == expected);
  // Rounds are assigned at home from the registry, as a plain ingest does.
  CHECK(nlohmann::json::parse(loaded.out)["unassigned"] ==
        nlohmann::json::parse(plain.out)["unassigned"]);
  auto q_home = RunNegograph("query --format jsonl --limit 0 --db " + Q(home));
  auto q_plain = RunNegograph("query --format jsonl --limit 0 --db " + Q(dir.path() / "plain"));
  REQUIRE(q_home.exit_code == kExitOk);
  CHECK(q_home.out == q_plain.out);

  // Idempotent: the same stream again, now with a broken first line, which is
  // named by its number while the rest (already there) changes nothing.
  std::string again_in = "{\"document\": 1}\n" + extracted.out;
  auto again = RunNegograph("ingest --from-jsonl - --format json --db " + Q(home), again_in);
  CHECK(again.exit_code == kExitFailure);
  CHECK_THAT(again.err, Catch::Contains("-:1"));
  nlohmann::json j = testing::ParseJsonObject(again);
  CHECK(j["store"] == expected);
  CHECK(j["failed"] == 1);
  CHECK(RunNegograph("query --format jsonl --limit 0 --db " + Q(home)).out == q_plain.out);
}

TEST_CASE("the line filter reports a bad line as a JSON record and goes on", "[cli][scale]") {
  std::string in =
      "{\"name\":\"a\",\"text\":\"Russia demanded an end to NATO enlargement, Ryabkov said.\"}\n"
      "{\"name\": oops\n"
      "{\"name\":\"c\",\"text\":\"Russia demanded an end to NATO enlargement, Ryabkov said.\"}\n";
  auto r = RunNegograph("extract - --errors jsonl", in);
  CHECK(r.exit_code == kExitFailure);
  nlohmann::json err = nlohmann::json::parse(r.err.substr(0, r.err.find('\n')), nullptr, false);
  REQUIRE(err.is_object());
  CHECK(err["line"] == 2);
  CHECK(err["input"] == "stdin:2");
  // Both good lines were extracted, in input order.
  std::vector<std::string> docs;
  std::istringstream out(r.out);
  for (std::string line; std::getline(out, line);) {
    docs.push_back(nlohmann::json::parse(line)["doc"].get<std::string>());
  }
  REQUIRE(docs.size() >= 2);
  CHECK(docs.front() == "a");
  CHECK(docs.back() == "c");
}

}  // namespace negograph::cli
