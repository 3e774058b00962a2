// The round registry and the assignment of documents to rounds.
#include <catch2/catch.hpp>

#include "ingest/rounds.h"
#include "tests/common/temp_dir.h"

namespace negograph::ingest {
namespace {

using negograph::testing::TempDir;
using negograph::testing::WriteFile;

constexpr const char* kRegistry = R"(version: 1
rounds:
  - id: 2022-01-10-geneva
    name: Strategic Stability Dialogue
    place: Geneva
    aliases: [Genf, Genève]
    date_from: 2022-01-10
    format: bilateral
    participants: [usa, russia]
  - id: 2022-01-12-brussels
    place: Brussels
    aliases: [Brüssel]
    date_from: 2022-01-12
    date_to: 2022-01-12
  - id: 2022-01-21-geneva
    place: Geneva
    aliases: [Genf]
    date_from: 2022-01-21
)";

std::vector<RoundInfo> Registry() {
  TempDir tmp;
  WriteFile(tmp.path() / "rounds.yaml", kRegistry);
  StatusOr<std::vector<RoundInfo>> r = LoadRoundRegistry(tmp.path() / "rounds.yaml");
  REQUIRE(r.ok());
  return *r;
}

Document Doc(std::string date, std::string text, std::string round = "") {
  Document d;
  d.date = std::move(date);
  d.text = std::move(text);
  d.round = std::move(round);
  return d;
}

}  // namespace

TEST_CASE("the registry loads every field and defaults date_to", "[ingest][rounds]") {
  std::vector<RoundInfo> reg = Registry();
  REQUIRE(reg.size() == 3);
  CHECK(reg[0].round.name == "Strategic Stability Dialogue");
  CHECK(reg[0].round.date_to == "2022-01-10");
  CHECK(reg[0].round.participants == std::vector<std::string>{"usa", "russia"});
  CHECK(reg[0].aliases == std::vector<std::string>{"Genf", "Genève", "Geneva"});
}

TEST_CASE("registry errors name the file and the line", "[ingest][rounds]") {
  TempDir tmp;
  auto path = tmp.path() / "bad.yaml";
  SECTION("bad date") {
    WriteFile(path, "version: 1\nrounds:\n  - id: a\n    date_from: 2022-13-01\n");
    auto r = LoadRoundRegistry(path);
    CHECK(r.status().code() == StatusCode::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::Contains("bad.yaml:3:"));
  }
  SECTION("duplicate id") {
    WriteFile(path, "version: 1\nrounds:\n  - id: a\n    date_from: 2022-01-01\n"
                    "  - id: a\n    date_from: 2022-01-02\n");
    CHECK_THAT(LoadRoundRegistry(path).status().message(), Catch::Contains("bad.yaml:5: duplicate"));
  }
  SECTION("broken YAML") {
    WriteFile(path, "version: 1\nrounds: [\n");
    CHECK(LoadRoundRegistry(path).status().code() == StatusCode::kInvalidArgument);
  }
  SECTION("date_to before date_from") {
    WriteFile(path, "version: 1\nrounds:\n  - id: a\n    date_from: 2022-01-02\n    date_to: 2022-01-01\n");
    CHECK_THAT(LoadRoundRegistry(path).status().message(), Catch::Contains("before"));
  }
  SECTION("missing file") {
    CHECK(LoadRoundRegistry(tmp.path() / "none.yaml").status().code() == StatusCode::kNotFound);
  }
}

TEST_CASE("an explicit round wins, with a warning when the registry lacks it",
          "[ingest][rounds]") {
  auto reg = Registry();
  RoundAssignment a = AssignRound(Doc("2022-01-12", "In Genf ...", "2022-01-12-brussels"), reg);
  CHECK(a.how == RoundAssignment::How::kExplicit);
  CHECK(a.round_id == "2022-01-12-brussels");
  CHECK_FALSE(a.warning);
  RoundAssignment unknown = AssignRound(Doc("", "", "2030-01-01-mars"), reg);
  CHECK(unknown.how == RoundAssignment::How::kExplicit);
  CHECK(unknown.round_id == "2030-01-01-mars");
  CHECK(unknown.warning);
}

TEST_CASE("a date plus one place mention infers the round", "[ingest][rounds]") {
  auto reg = Registry();
  SECTION("same day, German alias") {
    auto a = AssignRound(Doc("2022-01-10", "Die Gespräche in Genf dauerten acht Stunden."), reg);
    CHECK(a.how == RoundAssignment::How::kInferred);
    CHECK(a.round_id == "2022-01-10-geneva");
  }
  SECTION("report the day after, English, upper case") {
    auto a = AssignRound(Doc("2022-01-13", "Talks in BRUSSELS ended without agreement."), reg);
    CHECK(a.round_id == "2022-01-12-brussels");
  }
  SECTION("an earlier round named in passing loses to the round held that day") {
    auto a = AssignRound(Doc("2022-01-12", "Nach den Gesprächen in Genf tagte in Brüssel der Rat."), reg);
    CHECK(a.how == RoundAssignment::How::kInferred);
    CHECK(a.round_id == "2022-01-12-brussels");
  }
  SECTION("non-ASCII alias in other case") {
    auto a = AssignRound(Doc("2022-01-12", "Die Delegation in BRÜSSEL sagte..."), reg);
    CHECK(a.round_id == "2022-01-12-brussels");
  }
}

TEST_CASE("ambiguous or missing clues leave a document unassigned with a reason",
          "[ingest][rounds]") {
  auto reg = Registry();
  SECTION("a month date and a place shared by two rounds") {
    auto a = AssignRound(Doc("2022-01", "Die Runde in Genf ..."), reg);
    CHECK(a.how == RoundAssignment::How::kUnassigned);
    CHECK_THAT(a.reason, Catch::Contains("ambiguous"));
    CHECK_THAT(a.reason, Catch::Contains("2022-01-21-geneva"));
  }
  SECTION("two places named in the lag window") {
    auto a = AssignRound(Doc("2022-01-13", "Nach Genf nun Brüssel."), reg);
    CHECK(a.how == RoundAssignment::How::kUnassigned);
  }
  SECTION("a place only inside a longer word does not count") {
    auto a = AssignRound(Doc("2022-01-10", "Die Genfer Konvention"), reg);
    CHECK(a.how == RoundAssignment::How::kUnassigned);
    CHECK_THAT(a.reason, Catch::Contains("names no place"));
  }
  SECTION("no round near the date") {
    auto a = AssignRound(Doc("2023-05-01", "in Genf"), reg);
    CHECK(a.how == RoundAssignment::How::kUnassigned);
    CHECK_THAT(a.reason, Catch::Contains("no registered round"));
  }
  SECTION("no date") {
    auto a = AssignRound(Doc("", "in Genf"), reg);
    CHECK(a.round_id.empty());
    CHECK_THAT(a.reason, Catch::Contains("no date"));
  }
  SECTION("a malformed date") {
    CHECK_THAT(AssignRound(Doc("Jan 2022", "in Genf"), reg).reason, Catch::Contains("not YYYY"));
  }
}

TEST_CASE("the shipped registry loads", "[ingest][rounds]") {
  auto r = LoadRoundRegistry(negograph::testing::SourceDir() / "data" / "rounds.yaml");
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  CHECK(r->size() >= 3);
}

}  // namespace negograph::ingest
