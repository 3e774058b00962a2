// `negograph conflicts`: both quotes of two reports that disagree.
#include <catch2/catch.hpp>

#include "tests/cli/cli_store_fixture.h"

namespace negograph::cli {
namespace {

using testing::Quoted;
using testing::RunNegograph;
using testing::TempDir;

TEST_CASE("conflicts prints both quotes of two reports that disagree in one round",
          "[cli][conflicts]") {
  TempDir dir;
  auto db = testing::BuildCliStore(dir);
  // geneva-report: usa offers arms_control; this one: usa rejects it.
  std::string line = nlohmann::json(testing::MakeDoc(
      "geneva-wire", testing::kGeneva, "2022-01-10",
      {{"usa", Stance::kReject, "arms_control", "Washington turned arms control down."}})).dump();
  REQUIRE(RunNegograph("ingest --from-jsonl - --db " + Quoted(db), line + "\n").exit_code ==
          kExitOk);

  nlohmann::json j = testing::ParseJson(RunNegograph("conflicts --format json --db " + Quoted(db)));
  REQUIRE(j["items"].size() == 1);
  CHECK(j["items"][0]["note"] == "offer vs reject");

  auto table = RunNegograph("conflicts --db " + Quoted(db));
  REQUIRE(table.exit_code == kExitOk);
  INFO(table.out);
  CHECK_THAT(table.out, Catch::Contains("1 conflicting report"));
  CHECK_THAT(table.out, Catch::Contains("\"The US offered talks, on arms control.\""));
  CHECK_THAT(table.out, Catch::Contains("\"Washington turned arms control down.\""));
  CHECK_THAT(table.out, Catch::Contains("[geneva-wire"));

  CHECK(testing::ParseJson(RunNegograph("conflicts --format json --round " +
                                        std::string(testing::kBrussels) + " --db " + Quoted(db)))
            ["items"].empty());
  CHECK(testing::ParseJson(RunNegograph("conflicts --format json --actor russia --db " +
                                        Quoted(db)))["items"].empty());
  CHECK(RunNegograph("conflicts --round 2030-mars --db " + Quoted(db)).exit_code ==
        kExitNotFound);
  CHECK(RunNegograph("conflicts --format xml --db " + Quoted(db)).exit_code == kExitUsage);
  CHECK(RunNegograph("conflicts --db " + Quoted(dir.path() / "none")).exit_code == kExitStore);
}

}  // namespace
}  // namespace negograph::cli
