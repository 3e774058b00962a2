#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "graph/graph_json.h"
#include "graph/round_diff.h"
#include "tests/graph/graph_fixture.h"

namespace negograph {
namespace {

using testing::Add;
using testing::MakeDoc;

std::unique_ptr<GraphStore> TwoRounds() {
  auto store = NewMemoryStore();
  Round geneva;
  geneva.id = "geneva";
  geneva.name = "Strategic Stability Dialogue";
  geneva.place = "Geneva";
  REQUIRE(store->PutRound(geneva).ok());
  Add(*store, MakeDoc("g", "geneva", "2022-01-10",
                      {{"usa", Stance::kOffer, "arms_control"},
                       {"russia", Stance::kDemand, "guarantees"},
                       {"nato", Stance::kDemand, "withdrawal"},
                       {"russia", Stance::kReject, "nato_enlargement"},
                       {"usa", Stance::kOffer, "transparency"},
                       {"usa", Stance::kDemand, "missiles"}}));
  Add(*store, MakeDoc("b", "brussels", "2022-01-12",
                      {{"usa", Stance::kReject, "arms_control"},
                       {"russia", Stance::kOffer, "guarantees"},
                       {"russia", Stance::kReject, "nato_enlargement"},
                       {"usa", Stance::kAssure, "transparency"},
                       {"osce", Stance::kAccept, "dialogue"},
                       {"usa", Stance::kThreaten, "missiles"}}));
  return store;
}

const RoundChange* Find(const RoundComparison& c, const std::string& actor,
                        const std::string& issue) {
  for (const RoundChange& ch : c.changes) {
    if (ch.actor == actor && ch.issue == issue) return &ch;
  }
  return nullptr;
}

TEST_CASE("comparing rounds sorts each pair into reversed, hardened, softened, shifted, new, "
          "not reported and unchanged",
          "[graph][compare]") {
  auto store = TwoRounds();
  StatusOr<RoundComparison> c = CompareRounds(*store, "geneva", "brussels");
  REQUIRE(c.ok());
  CHECK(c->from.place == "Geneva");  // from the registry
  CHECK(c->to.id == "brussels");     // known through its positions only
  REQUIRE(c->changes.size() == 7);

  // offer (support) -> reject (oppose): the side flipped.
  const RoundChange* reversed = Find(*c, "usa", "arms_control");
  REQUIRE(reversed);
  CHECK(reversed->kind == ChangeKind::kReversed);
  CHECK(reversed->note == "reversed: offer -> reject");
  REQUIRE(reversed->from_evidence.size() == 1);
  CHECK(reversed->from_evidence[0].stance == Stance::kOffer);
  REQUIRE(reversed->to_evidence.size() == 1);
  CHECK(reversed->to_evidence[0].round == "brussels");

  // demand -> threaten: a threat takes no side, so no reversal; harder.
  const RoundChange* hardened = Find(*c, "usa", "missiles");
  REQUIRE(hardened);
  CHECK(hardened->kind == ChangeKind::kHardened);
  CHECK(hardened->note == "hardened: demand -> threaten");

  const RoundChange* softened = Find(*c, "russia", "guarantees");
  REQUIRE(softened);
  CHECK(softened->kind == ChangeKind::kSoftened);
  CHECK(softened->note == "softened: demand -> offer");

  const RoundChange* shifted = Find(*c, "usa", "transparency");
  REQUIRE(shifted);
  CHECK(shifted->kind == ChangeKind::kShifted);
  CHECK(shifted->note == "shifted: offer -> assure");

  const RoundChange* same = Find(*c, "russia", "nato_enlargement");
  REQUIRE(same);
  CHECK(same->kind == ChangeKind::kUnchanged);
  CHECK(same->note.empty());
  CHECK_FALSE(same->from_evidence.empty());  // both rounds' quotes, also when unchanged
  CHECK_FALSE(same->to_evidence.empty());

  const RoundChange* gone = Find(*c, "nato", "withdrawal");
  REQUIRE(gone);
  CHECK(gone->kind == ChangeKind::kNotReported);
  CHECK(ChangeKindLabel(gone->kind) == "not reported in this round");
  CHECK(gone->to_evidence.empty());
  CHECK(gone->from_stances == std::vector<Stance>{Stance::kDemand});

  const RoundChange* added = Find(*c, "osce", "dialogue");
  REQUIRE(added);
  CHECK(added->kind == ChangeKind::kNew);
  CHECK(added->from_evidence.empty());

  // Sorted by kind as declared: what moved first.
  std::vector<ChangeKind> kinds;
  for (const RoundChange& ch : c->changes) kinds.push_back(ch.kind);
  CHECK(kinds == std::vector<ChangeKind>{ChangeKind::kReversed, ChangeKind::kHardened,
                                         ChangeKind::kSoftened, ChangeKind::kShifted,
                                         ChangeKind::kNew, ChangeKind::kNotReported,
                                         ChangeKind::kUnchanged});
}

TEST_CASE("a round diff in the other direction swaps new and not reported and the kinds",
          "[graph][compare]") {
  auto store = TwoRounds();
  StatusOr<RoundComparison> c = CompareRounds(*store, "brussels", "geneva");
  REQUIRE(c.ok());
  CHECK(Find(*c, "nato", "withdrawal")->kind == ChangeKind::kNew);
  CHECK(Find(*c, "osce", "dialogue")->kind == ChangeKind::kNotReported);
  CHECK(Find(*c, "usa", "arms_control")->note == "reversed: reject -> offer");
  CHECK(Find(*c, "usa", "missiles")->kind == ChangeKind::kSoftened);
  CHECK(Find(*c, "russia", "guarantees")->kind == ChangeKind::kHardened);
}

TEST_CASE("sides decide reversals: accept <-> reject reverses, a tie or a threat does not",
          "[graph][compare]") {
  auto pos = [](Stance s) {
    Position p;
    p.stance = s;
    return p;
  };
  using V = std::vector<Position>;
  CHECK(ClassifyChange(V{pos(Stance::kAccept)}, V{pos(Stance::kReject)}) == ChangeKind::kReversed);
  CHECK(ClassifyChange(V{pos(Stance::kReject)}, V{pos(Stance::kAccept)}) == ChangeKind::kReversed);
  CHECK(ClassifyChange(V{pos(Stance::kOffer)}, V{pos(Stance::kDemand)}) == ChangeKind::kHardened);
  CHECK(ClassifyChange(V{pos(Stance::kDemand)}, V{pos(Stance::kThreaten)}) ==
        ChangeKind::kHardened);
  // One offer and one rejection: no side, so a later rejection hardens.
  CHECK(ClassifyChange(V{pos(Stance::kOffer), pos(Stance::kReject)}, V{pos(Stance::kReject)}) ==
        ChangeKind::kHardened);
  CHECK(ClassifyChange(V{pos(Stance::kThreaten)}, V{pos(Stance::kOffer)}) ==
        ChangeKind::kSoftened);
  CHECK(StanceSide(V{pos(Stance::kDemand), pos(Stance::kReject), pos(Stance::kReject)}) == -1);
}

TEST_CASE("unknown rounds are NotFound and empty ids are invalid", "[graph][compare]") {
  auto store = TwoRounds();
  CHECK(CompareRounds(*store, "geneva", "vienna").status().code() == StatusCode::kNotFound);
  CHECK(CompareRounds(*store, "", "geneva").status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("hardening follows accept < offer = assure < demand < reject < threaten",
          "[graph][compare]") {
  CHECK(StanceHardness(Stance::kAccept) < StanceHardness(Stance::kOffer));
  CHECK(StanceHardness(Stance::kOffer) == StanceHardness(Stance::kAssure));
  CHECK(StanceHardness(Stance::kAssure) < StanceHardness(Stance::kDemand));
  CHECK(StanceHardness(Stance::kDemand) < StanceHardness(Stance::kReject));
  CHECK(StanceHardness(Stance::kReject) < StanceHardness(Stance::kThreaten));
  CHECK(ChangeNote({Stance::kDemand}, {Stance::kDemand, Stance::kThreaten}) ==
        "hardened: demand -> demand+threaten");
  CHECK(ChangeNote({Stance::kAccept, Stance::kReject}, {Stance::kOffer, Stance::kReject}) ==
        "hardened: accept+reject -> offer+reject");
  CHECK(ChangeNote({Stance::kThreaten}, {Stance::kAccept}) == "softened: threaten -> accept");
}

TEST_CASE("the comparison JSON carries the changes and a summary", "[graph][compare][json]") {
  auto store = TwoRounds();
  StatusOr<RoundComparison> c = CompareRounds(*store, "geneva", "brussels");
  REQUIRE(c.ok());
  nlohmann::json j = *c;
  CHECK(j["from"]["id"] == "geneva");
  CHECK(j["summary"]["new"] == 1);
  CHECK(j["summary"]["not_reported"] == 1);
  CHECK(j["summary"]["unchanged"] == 1);
  CHECK(j["summary"]["reversed"] == 1);
  CHECK(j["summary"]["hardened"] == 1);
  CHECK(j["summary"]["softened"] == 1);
  CHECK(j["summary"]["shifted"] == 1);
  CHECK(j["summary"]["changed"] == 4);
  REQUIRE(j["changes"].size() == 7);
  const nlohmann::json& ch = j["changes"][0];
  CHECK(ch["kind"] == "reversed");
  CHECK(ch["from_stances"] == nlohmann::json::array({"offer"}));
  CHECK(ch["to_stances"] == nlohmann::json::array({"reject"}));
  CHECK(ch["note"] == "reversed: offer -> reject");
  CHECK(ch["from_evidence"][0]["quote"].is_string());
  CHECK(ch["to_evidence"][0]["round"] == "brussels");
  CHECK(j["changes"][5]["kind_label"] == "not reported in this round");
}

}  // namespace
}  // namespace negograph
