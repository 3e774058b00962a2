// `negograph query` and `negograph compare` against a real store.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

#include "tests/cli/cli_store_fixture.h"

namespace negograph::cli {
namespace {

using testing::BuildCliStore;
using testing::ParseJson;
using testing::Quoted;
using testing::RunNegograph;
using testing::TempDir;

TEST_CASE("query filters positions and prints json, jsonl and a table", "[cli][query]") {
  TempDir dir;
  auto db = BuildCliStore(dir);
  std::string base = "query --db " + Quoted(db);

  nlohmann::json j = ParseJson(RunNegograph(base + " --actor russia --format json"));
  REQUIRE(j["items"].size() == 5);
  for (const auto& p : j["items"]) CHECK(p["actor"] == "russia");
  CHECK(j["next_cursor"].is_null());

  j = ParseJson(RunNegograph(base + " --actor russia --stance reject --round " +
                             testing::kGeneva + " --format json"));
  CHECK(j["items"].size() == 2);

  auto r = RunNegograph(base + " --stance reject --format jsonl");
  REQUIRE(r.exit_code == kExitOk);
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    CHECK(nlohmann::json::parse(line)["stance"] == "reject");
    ++n;
  }
  CHECK(n == 4);

  j = ParseJson(RunNegograph(base + " --doc brussels-report --format json"));
  CHECK(j["items"].size() == 4);
  CHECK(RunNegograph(base + " --doc no-such-report").exit_code == kExitNotFound);

  r = RunNegograph(base + " --text 'never'");
  REQUIRE(r.exit_code == kExitOk);
  CHECK_THAT(r.out, Catch::Contains("rejected NATO enlargement"));
  CHECK_THAT(r.out, Catch::Contains("(1 positions)"));

  SECTION("pages follow the cursor without loss or repeats") {
    std::set<std::string> ids;
    size_t seen = 0, pages = 0;
    std::string cursor;
    do {
      j = ParseJson(RunNegograph(base + " --limit 4 --format json" +
                                 (cursor.empty() ? "" : " --cursor " + cursor)));
      for (const auto& p : j["items"]) ids.insert(p["id"]);
      seen += j["items"].size();
      cursor = j["next_cursor"].is_string() ? j["next_cursor"].get<std::string>() : "";
      REQUIRE(++pages < 10);
    } while (!cursor.empty());
    CHECK(pages == 3);
    CHECK(seen == 11);
    CHECK(ids.size() == 11);
  }
}

TEST_CASE("query lists nodes with counts", "[cli][query]") {
  TempDir dir;
  auto db = BuildCliStore(dir);
  nlohmann::json j = ParseJson(RunNegograph("query --list rounds --format json --db " + Quoted(db)));
  std::map<std::string, int> rounds;
  for (const auto& r : j["items"]) rounds[r["id"]] = r["positions"];
  CHECK(rounds[testing::kGeneva] == 5);
  CHECK(rounds[testing::kBrussels] == 4);
  j = ParseJson(RunNegograph("query --list documents --format json --db " + Quoted(db)));
  CHECK(j["items"].size() == 3);
  CHECK_FALSE(j["items"][0].contains("text"));
}

TEST_CASE("query runs the graph analyses", "[cli][query]") {
  TempDir dir;
  auto db = BuildCliStore(dir);
  std::string base = "query --db " + Quoted(db);

  nlohmann::json g = ParseJson(RunNegograph(base + " --neighbourhood usa --depth 1 --format json"));
  CHECK(g["nodes"].size() == 2);  // usa, arms_control
  CHECK(g["edges"].size() == 2);  // offer (geneva) and reject (brussels)
  g = ParseJson(RunNegograph(base + " --neighbourhood usa --depth 1 --round " +
                             testing::kBrussels + " --format json"));
  CHECK(g["edges"].size() == 1);

  nlohmann::json a = ParseJson(RunNegograph(base + " --alignment --format json"));
  REQUIRE(a["items"].size() == 2);
  CHECK(a["items"][0]["a"] == "nato");  // nato and osce both support dialogue
  CHECK(a["items"][0]["b"] == "osce");
  CHECK(a["items"][0]["shared_issues"] == nlohmann::json::array({"dialogue"}));
  CHECK(a["items"][1]["a"] == "russia");
  CHECK(a["items"][1]["opposed_issues"] == nlohmann::json::array({"nato_enlargement"}));

  nlohmann::json c = ParseJson(RunNegograph(base + " --contested --format json"));
  // usa offered, then rejected arms control: evenly split, no side, not contested.
  REQUIRE(c["items"].size() == 1);
  CHECK(c["items"][0]["id"] == "nato_enlargement");
  CHECK(c["items"][0]["supporters"] == nlohmann::json::array({"ukraine"}));
  CHECK(c["items"][0]["opponents"] == nlohmann::json::array({"russia"}));

  nlohmann::json p = ParseJson(RunNegograph(base + " --path usa arms_control --format json"));
  CHECK(p["nodes"].size() == 2);

  auto table = RunNegograph(base + " --contested");
  CHECK(table.exit_code == kExitOk);
  CHECK_THAT(table.out, Catch::Contains("nato_enlargement"));
}

TEST_CASE("query exit codes name the problem", "[cli][query]") {
  TempDir dir;
  auto db = BuildCliStore(dir);
  std::string base = "query --db " + Quoted(db);
  SECTION("unknown ids are 4") {
    auto r = RunNegograph(base + " --actor atlantis");
    CHECK(r.exit_code == kExitNotFound);
    CHECK_THAT(r.err, Catch::Contains("atlantis"));
    CHECK(RunNegograph(base + " --round 1999-01-01-nowhere").exit_code == kExitNotFound);
    CHECK(RunNegograph(base + " --neighbourhood atlantis").exit_code == kExitNotFound);
    auto path = RunNegograph(base + " --path ukraine usa");
    CHECK(path.exit_code == kExitNotFound);
    CHECK_THAT(path.err, Catch::Contains("no connection"));
  }
  SECTION("bad flags are 2") {
    CHECK(RunNegograph(base + " --stance maybe").exit_code == kExitUsage);
    CHECK(RunNegograph(base + " --alignment --actor usa").exit_code == kExitUsage);
    CHECK(RunNegograph(base + " --alignment --contested").exit_code == kExitUsage);
    CHECK(RunNegograph(base + " --contested --from-date 2022-13").exit_code == kExitUsage);
    CHECK(RunNegograph(base + " --format xml").exit_code == kExitUsage);
  }
  SECTION("a missing store is 3") {
    auto r = RunNegograph("query --db " + Quoted(dir.path() / "nothing"));
    CHECK(r.exit_code == kExitStore);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "nothing" / "CURRENT"));
  }
}

TEST_CASE("compare prints one row per pair with its change and the quotes of both rounds",
          "[cli][compare]") {
  TempDir dir;
  auto db = BuildCliStore(dir);
  std::string base = "compare " + std::string(testing::kGeneva) + " " + testing::kBrussels +
                     " --db " + Quoted(db);
  nlohmann::json j = ParseJson(RunNegograph(base + " --format json"));
  CHECK(j["summary"]["new"] == 1);           // osce dialogue
  CHECK(j["summary"]["not_reported"] == 1);  // nato dialogue
  CHECK(j["summary"]["reversed"] == 1);      // usa arms_control: offer -> reject
  CHECK(j["summary"]["softened"] == 1);      // russia guarantees: demand -> offer
  CHECK(j["summary"]["changed"] == 2);
  CHECK(j["summary"]["unchanged"] == 1);  // russia nato_enlargement
  bool reversed = false;
  for (const auto& c : j["changes"]) {
    if (c["actor"] == "usa") {
      reversed = c["note"] == "reversed: offer -> reject";
      CHECK(c["from_evidence"][0]["quote"] == "The US offered talks, on arms control.");
    }
  }
  CHECK(reversed);

  auto table = RunNegograph(base);
  REQUIRE(table.exit_code == kExitOk);
  INFO(table.out);
  CHECK_THAT(table.out, Catch::Contains("1 reversed, 0 hardened, 1 softened"));
  CHECK_THAT(table.out, Catch::Contains("1 not reported in this round"));
  CHECK_THAT(table.out, Catch::Contains("offer -> reject"));
  CHECK_THAT(table.out, Catch::Contains("\"The US offered talks, on arms control.\""));
  CHECK(table.out.find("reversed ") < table.out.find("new "));
  CHECK(table.out.find("dropped") == std::string::npos);

  SECTION("an unchanged pair shows a quote of the earlier round, not only '... more'") {
    // russia rejects nato_enlargement: two quotes in Geneva, one in Brussels.
    size_t row = table.out.find("unchanged    russia");
    REQUIRE(row != std::string::npos);
    std::string rest = table.out.substr(row);
    CHECK_THAT(rest, Catch::Contains("- [geneva-report"));
    CHECK_THAT(rest, Catch::Contains("+ [brussels-report"));
    CHECK_THAT(rest, Catch::Contains("- ... 1 more"));
  }
  SECTION("--quotes 0 prints the table alone") {
    auto bare = RunNegograph(base + " --quotes 0");
    CHECK(bare.out.find("\"") == std::string::npos);
    CHECK(bare.out.find("more") == std::string::npos);
  }

  CHECK(RunNegograph("compare " + std::string(testing::kGeneva) + " 2030-01-01-mars --db " +
                     Quoted(db))
            .exit_code == kExitNotFound);
  CHECK(RunNegograph("compare " + std::string(testing::kGeneva) + " --db " + Quoted(db))
            .exit_code == kExitUsage);
}

}  // namespace
}  // namespace negograph::cli
