// `negograph export` against a real store, plus compare on the demo corpus
// through the real extractor.
#include <catch2/catch.hpp>

#include <sstream>

#include "tests/cli/cli_store_fixture.h"

namespace negograph::cli {
namespace {

using testing::BuildCliStore;
using testing::ParseJson;
using testing::Quoted;
using testing::ReadFile;
using testing::RunNegograph;
using testing::TempDir;

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// Fields per CSV record, honouring quotes (commas and newlines inside them).
std::vector<size_t> CsvFieldCounts(const std::string& csv) {
  std::vector<size_t> counts;
  size_t fields = 1;
  bool in_quotes = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (c == '"') {
      in_quotes = !in_quotes;  // a doubled quote toggles twice
    } else if (!in_quotes && c == ',') {
      ++fields;
    } else if (!in_quotes && c == '\n') {
      counts.push_back(fields);
      fields = 1;
    }
  }
  return counts;
}

TEST_CASE("export writes GraphML to a file and JSON formats to stdout", "[cli][export]") {
  TempDir dir;
  auto db = BuildCliStore(dir);
  auto out = dir.path() / "graph.graphml";
  auto r = RunNegograph("export --format graphml --db " + Quoted(db) + " --out " + Quoted(out));
  INFO(r.err);
  REQUIRE(r.exit_code == kExitOk);
  std::string xml = ReadFile(out);
  CHECK(xml.starts_with("<?xml"));
  CHECK(Count(xml, "<edge ") == 11);
  CHECK(Count(xml, "<node ") == 10);  // 5 actors, 5 issues
  CHECK(Count(xml, "<key ") >= 11);
  CHECK_FALSE(std::filesystem::exists(out.string() + ".tmp"));

  nlohmann::json ld = ParseJson(RunNegograph("export --format jsonld --db " + Quoted(db)));
  CHECK(ld["@context"]["ng"] == "https://negograph.invalid/ns#");
  CHECK(ld["@graph"].size() > 11);

  auto plover = RunNegograph("export --format plover --round " + std::string(testing::kBrussels) +
                             " --db " + Quoted(db));
  REQUIRE(plover.exit_code == kExitOk);
  std::istringstream lines(plover.out);
  int events = 0;
  for (std::string line; std::getline(lines, line); ++events) {
    nlohmann::json e = nlohmann::json::parse(line);  // JSON Lines
    CHECK(e["link"] == testing::kBrussels);
    CHECK(e["date"] == "2022-01-12");
  }
  CHECK(events == 4);
}

TEST_CASE("export --format csv writes nodes.csv and edges.csv with equal columns per row",
          "[cli][export]") {
  TempDir dir;
  auto db = BuildCliStore(dir);
  auto out = dir.path() / "neo4j";
  auto r = RunNegograph("export --format csv --db " + Quoted(db) + " --out " + Quoted(out));
  INFO(r.err);
  REQUIRE(r.exit_code == kExitOk);
  std::string nodes = ReadFile(out / "nodes.csv");
  std::string edges = ReadFile(out / "edges.csv");
  CHECK(nodes.starts_with("id:ID,label,kind,"));
  CHECK(edges.starts_with(":START_ID,:END_ID,:TYPE,"));
  auto node_rows = CsvFieldCounts(nodes);
  auto edge_rows = CsvFieldCounts(edges);
  REQUIRE(node_rows.size() == 11);
  REQUIRE(edge_rows.size() == 12);
  for (size_t n : node_rows) CHECK(n == node_rows[0]);
  for (size_t n : edge_rows) CHECK(n == edge_rows[0]);
  // The quote with a comma and quotes is one quoted field.
  CHECK_THAT(edges, Catch::Contains("\"Ryabkov said: \"\"never\"\", and rejected NATO enlargement.\""));
  CHECK_FALSE(std::filesystem::exists(out / "edges.csv.tmp"));
}

TEST_CASE("export exit codes", "[cli][export]") {
  TempDir dir;
  auto db = BuildCliStore(dir);
  CHECK(RunNegograph("export --format xlsx --db " + Quoted(db)).exit_code == kExitUsage);
  CHECK(RunNegograph("export --db " + Quoted(db)).exit_code == kExitUsage);
  CHECK(RunNegograph("export --format graphml --round 1999-01-01-nowhere --db " + Quoted(db))
            .exit_code == kExitNotFound);
  CHECK(RunNegograph("export --format graphml --db " + Quoted(dir.path() / "none")).exit_code ==
        kExitStore);
  CHECK(RunNegograph("export --format plover --from-date 2022-01-99x --db " + Quoted(db))
            .exit_code == kExitUsage);
}

TEST_CASE("compare on the demo corpus shows a change between the Geneva and Brussels rounds",
          "[cli][compare][demo]") {
  TempDir dir;
  auto db = dir.path() / "db";
  auto src = testing::SourceDir();
  auto ingest = RunNegograph("ingest " + Quoted(src / "data" / "demo") + " --rounds " +
                             Quoted(src / "data" / "rounds.yaml") + " --db " + Quoted(db));
  INFO(ingest.out << ingest.err);
  REQUIRE(ingest.exit_code == kExitOk);
  nlohmann::json j = ParseJson(RunNegograph(
      "compare 2022-01-10-geneva 2022-01-12-brussels --format json --db " + Quoted(db)));
  CHECK(j["from"]["place"] == "Geneva");
  const auto& s = j["summary"];
  INFO(s.dump());
  CHECK(s["new"].get<int>() + s["not_reported"].get<int>() + s["changed"].get<int>() > 0);
  for (const auto& c : j["changes"]) {
    if (c["kind"] != "not_reported") CHECK_FALSE(c["to_evidence"].empty());
    if (c["kind"] != "new") CHECK_FALSE(c["from_evidence"].empty());
  }
}

}  // namespace
}  // namespace negograph::cli
