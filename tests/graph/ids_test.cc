#include "graph/ids.h"

#include <catch2/catch.hpp>

namespace negograph {
namespace {

TEST_CASE("NormalizeKey folds case, umlauts and punctuation", "[graph]") {
  REQUIRE(NormalizeKey("NATO-Osterweiterung") == "nato_osterweiterung");
  REQUIRE(NormalizeKey("  Sicherheitsvorschläge ") == "sicherheitsvorschlaege");
  REQUIRE(NormalizeKey("Straße über ÖL") == "strasse_ueber_oel");
  REQUIRE(NormalizeKey("U.S. arms-control talks") == "u_s_arms_control_talks");
  REQUIRE(NormalizeKey("Genève") == "geneve");
  REQUIRE(NormalizeKey("...") == "");
}

TEST_CASE("ids are content-derived and stable", "[graph]") {
  // Same input, same id, in any process: shards merge without coordination.
  REQUIRE(Hex64(Hash64("russia")) == Hex64(Hash64("russia")));
  REQUIRE(Hash64("russia") != Hash64("russia "));
  REQUIRE(NodeHash(NodeKind::kActor, "nato") != NodeHash(NodeKind::kIssue, "nato"));
  REQUIRE(ContentId("text").size() == 32);
  REQUIRE(ContentId("text") != ContentId("text."));
  // XXH3-64 of the empty input is a published constant; pins the algorithm.
  REQUIRE(Hex64(Hash64("")) == "2d06800538d394c2");
}

TEST_CASE("Hex64 is fixed width and sorts like the number", "[graph]") {
  REQUIRE(Hex64(0) == "0000000000000000");
  REQUIRE(Hex64(0xabc) == "0000000000000abc");
  REQUIRE(Hex64(1) < Hex64(0x10));
}

TEST_CASE("PositionId depends on every identifying field", "[graph]") {
  std::string base = PositionId("d", 1, "usa", Stance::kOffer, "arms_control_talks");
  REQUIRE(base == PositionId("d", 1, "usa", Stance::kOffer, "arms_control_talks"));
  REQUIRE(base != PositionId("e", 1, "usa", Stance::kOffer, "arms_control_talks"));
  REQUIRE(base != PositionId("d", 2, "usa", Stance::kOffer, "arms_control_talks"));
  REQUIRE(base != PositionId("d", 1, "nato", Stance::kOffer, "arms_control_talks"));
  REQUIRE(base != PositionId("d", 1, "usa", Stance::kReject, "arms_control_talks"));
  REQUIRE(base != PositionId("d", 1, "usa", Stance::kOffer, "x"));
}

TEST_CASE("stance names round-trip", "[graph]") {
  for (Stance s : kAllStances) REQUIRE(ParseStance(StanceName(s)) == s);
  REQUIRE_FALSE(ParseStance("agree").has_value());
  REQUIRE_FALSE(ParseStance("Demand").has_value());
}

}  // namespace
}  // namespace negograph
