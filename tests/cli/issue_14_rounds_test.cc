// Issue 14: the round registry travels with the store. `ingest` run from
// any folder finds the built-in registry or the store's rounds, says which
// it uses, and repairs a document whose round assignment changed even when
// its text did not.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "tests/cli/cli_helpers.h"
#include "tests/common/temp_dir.h"

namespace negograph::cli {
namespace {

using testing::ParseJson;
using testing::Quoted;
using testing::RunNegograph;
using testing::TempDir;
using testing::WriteFile;

// The round of the one document in the store.
std::string StoredRound(const std::filesystem::path& db) {
  auto r = RunNegograph("query --list documents --format json --db " + Quoted(db));
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
  auto r = RunNegograph("ingest " + Quoted(dir.path() / "note.txt") + " --db " +
                        Quoted(dir.path() / "db") + " --format json");
  nlohmann::json j = ParseJson(r);
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
  std::string ingest =
      "ingest " + Quoted(dir.path() / "note.txt") + " --db " + Quoted(db) + " --format json";

  // No registry anywhere: said on stderr, the document is listed unassigned.
  auto none = RunNegograph(ingest);
  CHECK_THAT(none.err, Catch::Contains("stay unassigned"));
  CHECK(ParseJson(none)["unassigned"].size() == 1);
  CHECK(StoredRound(db) == "");

  // --rounds now assigns it although the text is unchanged.
  auto with = RunNegograph(ingest + " --rounds " + Quoted(dir.path() / "rounds.yaml"));
  nlohmann::json w = ParseJson(with);
  CHECK(w["replaced"] == 1);
  CHECK(w["unchanged"] == 0);
  CHECK(StoredRound(db) == "r-geneva");

  // Without --rounds again, the store's rounds assign it: nothing changes.
  auto again = RunNegograph(ingest);
  nlohmann::json a = ParseJson(again);
  CHECK_THAT(again.err, Catch::Contains("stored in the store"));
  CHECK(a["unchanged"] == 1);
  CHECK(a["unassigned"].empty());
  CHECK(StoredRound(db) == "r-geneva");
}

}  // namespace negograph::cli
