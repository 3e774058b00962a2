// `negograph ingest --bulk`: extraction on worker threads, writes through the
// bulk path. It must store exactly what the per-document path stores, stay
// idempotent, and still name a bad file and exit 1.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "tests/cli/cli_helpers.h"
#include "tests/common/temp_dir.h"

namespace negograph::cli {
namespace {

using testing::ParseJsonObject;
using testing::Quoted;
using testing::RunNegograph;
using testing::TempDir;

}  // namespace

TEST_CASE("ingest --bulk stores what the per-document path stores", "[cli][ingest]") {
  TempDir dir;
  const auto demo = testing::SourceDir() / "data" / "demo";
  const std::string rounds = " --rounds " + Quoted(testing::SourceDir() / "data" / "rounds.yaml");
  auto single = RunNegograph("ingest --format json --db " + Quoted(dir.path() / "single") + rounds +
                             " " + Quoted(demo));
  REQUIRE(single.exit_code == kExitOk);
  for (const char* jobs : {"1", "3"}) {
    const auto db = dir.path() / (std::string("bulk") + jobs);
    auto bulk = RunNegograph("ingest --bulk --jobs " + std::string(jobs) + " --format json --db " +
                             Quoted(db) + rounds + " " + Quoted(demo));
    REQUIRE(bulk.exit_code == kExitOk);
    CHECK(ParseJsonObject(bulk)["store"] == ParseJsonObject(single)["store"]);
    CHECK(ParseJsonObject(bulk)["unassigned"] == ParseJsonObject(single)["unassigned"]);
    CHECK(ParseJsonObject(bulk)["store"]["positions"].get<int>() > 0);
    // Same positions, same order (position-id order), same fields.
    auto a = RunNegograph("query --format jsonl --limit 0 --db " + Quoted(db));
    auto b = RunNegograph("query --format jsonl --limit 0 --db " + Quoted(dir.path() / "single"));
    REQUIRE(a.exit_code == kExitOk);
    CHECK(a.out == b.out);
    // Idempotent: a second bulk run changes nothing.
    auto again = RunNegograph("ingest --bulk --format json --db " + Quoted(db) + rounds + " " +
                              Quoted(demo));
    REQUIRE(again.exit_code == kExitOk);
    CHECK(ParseJsonObject(again)["store"] == ParseJsonObject(single)["store"]);
  }
}

TEST_CASE("ingest --bulk names a bad file, keeps the good ones and exits 1", "[cli][ingest]") {
  TempDir dir;
  testing::WriteFile(dir.path() / "in" / "good.txt",
                     "Russia demanded an end to NATO enlargement, Ryabkov said.");
  testing::WriteFile(dir.path() / "in" / "bad.txt", std::string("binary\0\x01\x02", 9));
  auto r = RunNegograph("ingest --bulk --format json --db " + Quoted(dir.path() / "db") + " " +
                        Quoted(dir.path() / "in"));
  CHECK(r.exit_code == kExitFailure);
  CHECK_THAT(r.err, Catch::Contains("bad.txt"));
  nlohmann::json j = ParseJsonObject(r);
  CHECK(j["failed"] == 1);
  CHECK(j["store"]["documents"] == 1);
}

}  // namespace negograph::cli
