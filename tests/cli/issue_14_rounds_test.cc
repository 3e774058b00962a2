// Issue 14: the round registry travels with the store. `ingest` run from
// any folder finds the built-in registry or the store's rounds, says which
// it uses, and repairs a document whose round assignment changed even when
// its text did not.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "cli/exit_codes.h"
#include "tests/common/temp_dir.h"

namespace negograph::cli {
namespace {

using testing::RunNegograph;
using testing::TempDir;
using testing::WriteFile;

std::string Q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

nlohmann::json Json(const testing::CommandResult& r) {
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == kExitOk);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(j.is_object());
  return j;
}

// The round of the one document in the store.
std::string StoredRound(const std::filesystem::path& db) {
  auto r = RunNegograph("query --list documents --format json --db " + Q(db));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == kExitOk);
  nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json& items = j.is_array() ? j : j["items"];
  REQUIRE(items.size() == 1);
  return items[0].value("round", "");
}

// Sets an environment variable for the commands this test runs.
struct ScopedEnv {
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { ::unsetenv(name_); }
  const char* name_;
};

}  // namespace

TEST_CASE("ingest without --rounds uses the built-in registry from any folder",
          "[cli][ingest][issue14]") {
  TempDir dir;  // the working directory of the test is not the source tree
  WriteFile(dir.path() / "note.txt", "date 2022-01-10\nRussia demanded guarantees in Geneva.");
  auto r = RunNegograph("ingest " + Q(dir.path() / "note.txt") + " --db " + Q(dir.path() / "db") +
                        " --format json");
  nlohmann::json j = Json(r);
  CHECK_THAT(r.err, Catch::Contains("round registry:"));
  CHECK_THAT(r.err, Catch::Contains("built-in default"));
  CHECK(j["unassigned"].empty());
  CHECK(StoredRound(dir.path() / "db") == "2022-01-10-geneva");
}

TEST_CASE("the registry travels with the store and a changed round is repaired",
          "[cli][ingest][issue14]") {
  TempDir dir;
  ScopedEnv no_default("NEGOGRAPH_ROUNDS", (dir.path() / "no-such-registry.yaml").string());
  WriteFile(dir.path() / "note.txt", "date 2022-01-10\nRussia demanded guarantees in Geneva.");
  WriteFile(dir.path() / "rounds.yaml",
            "version: 1\nrounds:\n  - id: r-geneva\n    name: Talks\n    place: Geneva\n"
            "    date_from: 2022-01-10\n");
  auto db = dir.path() / "db";
  std::string ingest = "ingest " + Q(dir.path() / "note.txt") + " --db " + Q(db) +
                       " --format json";

  // No registry anywhere: said on stderr, the document is listed unassigned.
  auto none = RunNegograph(ingest);
  CHECK_THAT(none.err, Catch::Contains("stay unassigned"));
  CHECK(Json(none)["unassigned"].size() == 1);
  CHECK(StoredRound(db) == "");

  // --rounds now assigns it although the text is unchanged.
  auto with = RunNegograph(ingest + " --rounds " + Q(dir.path() / "rounds.yaml"));
  nlohmann::json w = Json(with);
  CHECK(w["replaced"] == 1);
  CHECK(w["unchanged"] == 0);
  CHECK(StoredRound(db) == "r-geneva");

  // Without --rounds again, the store's rounds assign it: nothing changes.
  auto again = RunNegograph(ingest);
  nlohmann::json a = Json(again);
  CHECK_THAT(again.err, Catch::Contains("stored in the store"));
  CHECK(a["unchanged"] == 1);
  CHECK(a["unassigned"].empty());
  CHECK(StoredRound(db) == "r-geneva");
}

}  // namespace negograph::cli
