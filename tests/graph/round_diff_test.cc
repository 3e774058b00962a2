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
                       {"usa", Stance::kOffer, "transparency"}}));
  Add(*store, MakeDoc("b", "brussels", "2022-01-12",
                      {{"usa", Stance::kReject, "arms_control"},
                       {"russia", Stance::kOffer, "guarantees"},
                       {"russia", Stance::kReject, "nato_enlargement"},
                       {"usa", Stance::kAssure, "transparency"},
                       {"osce", Stance::kAccept, "dialogue"}}));
  return store;
}

const RoundChange* Find(const RoundComparison& c, const std::string& actor,
                        const std::string& issue) {
  for (const RoundChange& ch : c.changes) {
    if (ch.actor == actor && ch.issue == issue) return &ch;
  }
  return nullptr;
}

TEST_CASE("comparing rounds sorts each actor-issue pair into new, dropped, unchanged, changed",
          "[graph][compare]") {
  auto store = TwoRounds();
  StatusOr<RoundComparison> c = CompareRounds(*store, "geneva", "brussels");
  REQUIRE(c.ok());
  CHECK(c->from.place == "Geneva");  // from the registry
  CHECK(c->to.id == "brussels");     // known through its positions only
  REQUIRE(c->changes.size() == 6);

  const RoundChange* hardened = Find(*c, "usa", "arms_control");
  REQUIRE(hardened);
  CHECK(hardened->kind == ChangeKind::kChanged);
  CHECK(hardened->note == "hardened: offer -> reject");
  REQUIRE(hardened->from_evidence.size() == 1);
  CHECK(hardened->from_evidence[0].stance == Stance::kOffer);
  REQUIRE(hardened->to_evidence.size() == 1);
  CHECK(hardened->to_evidence[0].round == "brussels");

  const RoundChange* softened = Find(*c, "russia", "guarantees");
  REQUIRE(softened);
  CHECK(softened->note == "softened: demand -> offer");

  const RoundChange* shifted = Find(*c, "usa", "transparency");
  REQUIRE(shifted);
  CHECK(shifted->kind == ChangeKind::kChanged);
  CHECK(shifted->note == "shifted: offer -> assure");

  const RoundChange* same = Find(*c, "russia", "nato_enlargement");
  REQUIRE(same);
  CHECK(same->kind == ChangeKind::kUnchanged);
  CHECK(same->note.empty());

  const RoundChange* dropped = Find(*c, "nato", "withdrawal");
  REQUIRE(dropped);
  CHECK(dropped->kind == ChangeKind::kDropped);
  CHECK(dropped->to_evidence.empty());
  CHECK(dropped->from_stances == std::vector<Stance>{Stance::kDemand});

  const RoundChange* added = Find(*c, "osce", "dialogue");
  REQUIRE(added);
  CHECK(added->kind == ChangeKind::kNew);
  CHECK(added->from_evidence.empty());

  // Sorted by kind, then actor, then issue.
  CHECK(c->changes.front().kind == ChangeKind::kNew);
  CHECK(c->changes[1].kind == ChangeKind::kDropped);
  CHECK(c->changes[2].kind == ChangeKind::kUnchanged);
  CHECK(c->changes[3].actor == "russia");
  CHECK(c->changes[4].issue == "arms_control");
  CHECK(c->changes[5].issue == "transparency");
}

TEST_CASE("a round diff in the other direction swaps new and dropped and the notes",
          "[graph][compare]") {
  auto store = TwoRounds();
  StatusOr<RoundComparison> c = CompareRounds(*store, "brussels", "geneva");
  REQUIRE(c.ok());
  CHECK(Find(*c, "nato", "withdrawal")->kind == ChangeKind::kNew);
  CHECK(Find(*c, "osce", "dialogue")->kind == ChangeKind::kDropped);
  CHECK(Find(*c, "usa", "arms_control")->note == "softened: reject -> offer");
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
  CHECK(j["summary"]["dropped"] == 1);
  CHECK(j["summary"]["unchanged"] == 1);
  CHECK(j["summary"]["changed"] == 3);
  REQUIRE(j["changes"].size() == 6);
  const nlohmann::json& ch = j["changes"][4];
  CHECK(ch["kind"] == "changed");
  CHECK(ch["from_stances"] == nlohmann::json::array({"offer"}));
  CHECK(ch["to_stances"] == nlohmann::json::array({"reject"}));
  CHECK(ch["note"] == "hardened: offer -> reject");
  CHECK(ch["from_evidence"][0]["quote"].is_string());
  CHECK(ch["to_evidence"][0]["round"] == "brussels");
}

}  // namespace
}  // namespace negograph
