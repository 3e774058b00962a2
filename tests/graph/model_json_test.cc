#include "graph/model_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace negograph {
namespace {

Position SamplePosition() {
  Position p;
  p.id = "00000000000000aa";
  p.actor = "usa";
  p.actor_label = "United States";
  p.stance = Stance::kThreaten;
  p.issue = "sanctions_consequences";
  p.issue_label = "Sanktionen / Konsequenzen";
  p.speaker = "wendy_sherman";
  p.speaker_label = "Wendy Sherman";
  p.target = "russia";
  p.condition = "im Fall einer Eskalation";
  p.negated = true;
  p.round = "2022-01-10-geneva";
  p.evidence = {"d0c", "geneva-de", 3, {10, 90}, "Sherman drohte „massiv“", {20, 26}, {10, 17},
                {40, 50}};
  p.rule = "de.threaten.drohen";
  p.confidence = 0.75f;
  return p;
}

TEST_CASE("a position survives a JSONL round trip", "[graph]") {
  Position p = SamplePosition();
  std::string line = PositionToJsonLine(p);
  REQUIRE(line.find('\n') == std::string::npos);
  StatusOr<Position> back = PositionFromJsonLine(line);
  REQUIRE(back.ok());
  REQUIRE(*back == p);
}

TEST_CASE("JSONL carries the fields the scorer reads", "[graph]") {
  auto j = nlohmann::json::parse(PositionToJsonLine(SamplePosition()));
  REQUIRE(j["doc"] == "geneva-de");
  REQUIRE(j["actor"] == "usa");
  REQUIRE(j["actor_label"] == "United States");
  REQUIRE(j["stance"] == "threaten");
  REQUIRE(j["issue"] == "sanctions_consequences");
  REQUIRE(j["start"] == 10);
  REQUIRE(j["end"] == 90);
}

TEST_CASE("malformed JSONL is an error, not a crash", "[graph]") {
  REQUIRE(PositionFromJsonLine("{").status().code() == StatusCode::kInvalidArgument);
  REQUIRE(PositionFromJsonLine(R"({"stance":"agree"})").status().code() ==
          StatusCode::kInvalidArgument);
  REQUIRE(PositionFromJsonLine(R"({"stance":"offer","start":"x"})").status().code() ==
          StatusCode::kInvalidArgument);
}

TEST_CASE("every model type round-trips through JSON", "[graph]") {
  DocumentExtraction e;
  e.document = {"id1", "name", "Title", "2022-01-10", "de", "src", "r1", "Text", "v1"};
  e.positions = {SamplePosition()};
  // Labels as the extractor sets them (written out, empty labels read back
  // filled with the display name, which means the same).
  e.actors = {{"usa", "United States", "state", {"USA", "United States"}}};
  e.issues = {{"open:x", "x", true, {"x", "x"}, true}};
  e.people = {{"wendy_sherman", "Wendy Sherman", "usa", "Deputy Secretary of State",
               {"Wendy Sherman", "Wendy Sherman"}}};
  Round r{"r1", "Round", "Geneva", "2022-01-10", "2022-01-10", "bilateral", {"usa", "russia"}, {"Runde", "Round"}};
  nlohmann::json j = e;
  DocumentExtraction back = j.get<DocumentExtraction>();
  REQUIRE(back.document == e.document);
  REQUIRE(back.positions == e.positions);
  REQUIRE(back.actors == e.actors);
  REQUIRE(back.issues == e.issues);
  REQUIRE(back.people == e.people);
  REQUIRE(nlohmann::json(r).get<Round>() == r);
}

}  // namespace
}  // namespace negograph
