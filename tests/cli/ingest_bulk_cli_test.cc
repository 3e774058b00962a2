// `negograph ingest --bulk`: extraction on worker threads, writes through the
// bulk path. It must store exactly what the per-document path stores, stay
// idempotent, and still name a bad file and exit 1.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "tests/common/temp_dir.h"

namespace negograph::cli {
namespace {

using testing::RunNegograph;
using testing::TempDir;

std::string Q(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

nlohmann::json Json(const testing::CommandResult& r) {
  INFO(r.out << r.err);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(j.is_object());
  return j;
}

}  // namespace

TEST_CASE("ingest --bulk stores what the per-document path stores", "[cli][ingest]") {
  TempDir dir;
  const auto demo = testing::SourceDir() / "data" / "demo";
  const std::string rounds = " --rounds " + Q(testing::SourceDir() / "data" / "rounds.yaml");
  auto single = RunNegograph("ingest --format json --db " + Q(dir.path() / "single") + rounds + " " + Q(demo));
  REQUIRE(single.exit_code == kExitOk);
  for (const char* jobs : {"1", "3"}) {
    const auto db = dir.path() / (std::string("bulk") + jobs);
    auto bulk = RunNegograph("ingest --bulk --jobs " + std::string(jobs) + " --format json --db " + Q(db) +
                             rounds + " " + Q(demo));
    REQUIRE(bulk.exit_code == kExitOk);
    CHECK(Json(bulk)["store"] == Json(single)["store"]);
    CHECK(Json(bulk)["unassigned"] == Json(single)["unassigned"]);
    CHECK(Json(bulk)["store"]["positions"].get<int>() > 0);
    // Same positions, same order (position-id order), same fields.
    auto a = RunNegograph("query --format jsonl --limit 0 --db " + Q(db));
    auto b = RunNegograph("query --format jsonl --limit 0 --db " + Q(dir.path() / "single"));
    REQUIRE(a.exit_code == kExitOk);
    CHECK(a.out == b.out);
    // Idempotent: a second bulk run changes nothing.
    auto again = RunNegograph("ingest --bulk --format json --db " + Q(db) + rounds + " " + Q(demo));
    REQUIRE(again.exit_code == kExitOk);
    CHECK(Json(again)["store"] == Json(single)["store"]);
  }
}

TEST_CASE("ingest --bulk names a bad file, keeps the good ones and exits 1", "[cli][ingest]") {
  TempDir dir;
  testing::WriteFile(dir.path() / "in" / "good.txt",
                     "Russia demanded an end to NATO enlargement, Ryabkov said.");
  testing::WriteFile(dir.path() / "in" / "bad.txt", std::string("binary\0\x01\x02", 9));
  auto r = RunNegograph("ingest --bulk --format json --db " + Q(dir.path() / "db") + " " +
                        Q(dir.path() / "in"));
  CHECK(r.exit_code == kExitFailure);
  CHECK_THAT(r.err, Catch::Contains("bad.txt"));
  nlohmann::json j = Json(r);
  CHECK(j["failed"] == 1);
  CHECK(j["store"]["documents"] == 1);
}

}  // namespace negograph::cli
