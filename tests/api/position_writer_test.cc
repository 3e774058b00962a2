// The direct position writer prints what nlohmann prints for the model's
// to_json, byte for byte.
#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "api/position_writer.h"
#include "graph/model_json.h"

namespace negograph::api {
namespace {

std::string Reference(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Position Sample() {
  Position p;
  p.id = "0123456789abcdef";
  p.actor = "russia";
  p.actor_label = "Russland";
  p.stance = Stance::kThreaten;
  p.issue = "open:schriftliche_antworten";
  p.issue_label = "schriftliche Antworten \xE2\x80\x9E" "zitiert\xE2\x80\x9C";
  p.open_issue = true;
  p.speaker = "lavrov";
  p.speaker_label = "Sergej Lawrow";
  p.target = "usa";
  p.condition = "if \"NATO\" \\ moves\n\ttroops\r\b\f\x01\x1f\x7f";
  p.negated = true;
  p.round = "2022-01-21-geneva";
  p.evidence.doc_id = "0123456789abcdef0123456789abcdef";
  p.evidence.doc_name = "2022-01-21-geneva-de";
  p.evidence.sentence = 4294967295u;
  p.evidence.span = {452, 608};
  p.evidence.quote = "Moskau erwarte \xF0\x9F\x98\x80 Antworten \xC3\xA4\xC3\xB6\xC3\xBC\xC3\x9F.";
  p.evidence.cue = {527, 534};
  p.evidence.actor_span = {520, 526};
  p.evidence.issue_span = {550, 572};
  p.rule = "de.demand.fordern";
  p.confidence = 0.72f;
  return p;
}

TEST_CASE("positions print as nlohmann prints them", "[api][json]") {
  Position p = Sample();
  float confidence = GENERATE(0.72f, 1.0f, 0.0f, 0.8f, 0.5f, 1e-7f, 0.333333f);
  p.confidence = confidence;
  std::string out;
  AppendPositionJson(out, p);
  REQUIRE(out == Reference(nlohmann::json(p)));

  PositionPage page;
  page.items = {p, Position{}};
  page.next_cursor = p.id;
  nlohmann::json ref = {{"items", page.items}, {"next_cursor", page.next_cursor}};
  REQUIRE(PositionPageJson(page) == Reference(ref));
  page.next_cursor.clear();
  ref["next_cursor"] = nullptr;
  REQUIRE(PositionPageJson(page) == Reference(ref));
  REQUIRE(PositionPageJson(PositionPage{}) == R"({"items":[],"next_cursor":null})");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD and the output stays valid JSON", "[api][json]") {
  for (std::string bad : {std::string("a\xFF" "b"), std::string("\xC3"), std::string("\xE0\x80\x80"),
                          std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"),
                          std::string("\xC0\xAF")}) {
    std::string out;
    AppendJsonString(out, bad);
    INFO(out);
    nlohmann::json parsed = nlohmann::json::parse(out);  // throws on invalid UTF-8
    REQUIRE(parsed.get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
  }
  std::string out;
  AppendJsonString(out, "\xE2\x82\xAC ok");
  REQUIRE(out == "\"\xE2\x82\xAC ok\"");
}

}  // namespace
}  // namespace negograph::api
