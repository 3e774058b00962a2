// Conflicting reports (graph/conflicts.h): incompatible stances of one actor
// in one round from two documents, and one speaker's stance under two actors.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "graph/conflicts.h"
#include "graph/graph_json.h"
#include "tests/graph/graph_fixture.h"

namespace negograph {
namespace {

using testing::Add;
using testing::MakeDoc;

std::unique_ptr<GraphStore> Reports() {
  auto store = NewMemoryStore();
  Add(*store, MakeDoc("tass", "vienna", "2022-01-13",
                      {{"russia", Stance::kReject, "talks", "Ryabkov rejected new talks."},
                       {"russia", Stance::kDemand, "guarantees"},
                       {"usa", Stance::kDemand, "deescalation", "", "", "", "carpenter"}}));
  Add(*store, MakeDoc("wire", "vienna", "2022-01-13",
                      {{"russia", Stance::kAccept, "talks", "Moscow accepted further talks."},
                       {"russia", Stance::kReject, "guarantees"},  // demand vs reject: no conflict
                       {"nato", Stance::kDemand, "deescalation", "", "", "", "carpenter"}}));
  // Another round: the same disagreement across rounds is a change, not a conflict.
  Add(*store, MakeDoc("later", "geneva-2", "2022-01-21",
                      {{"russia", Stance::kAccept, "talks", "Lavrov agreed to keep talking."}}));
  // No round: never compared.
  Add(*store, MakeDoc("undated", "", "", {{"russia", Stance::kOffer, "talks"}}));
  return store;
}

}  // namespace

TEST_CASE("two documents reporting incompatible stances in one round are a conflict",
          "[graph][conflicts]") {
  auto store = Reports();
  StatusOr<std::vector<Conflict>> all = FindConflicts(*store, {});
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);

  const Conflict& holder = all->at(0);  // issue "deescalation" sorts first
  CHECK(holder.kind == ConflictKind::kHolder);
  CHECK(holder.note == "Carpenter: nato vs usa");
  CHECK(holder.a.speaker == "carpenter");

  const Conflict& stance = all->at(1);
  CHECK(stance.kind == ConflictKind::kStance);
  CHECK(stance.round == "vienna");
  CHECK(stance.actor == "russia");
  CHECK(stance.issue == "talks");
  CHECK(stance.a.evidence.doc_id < stance.b.evidence.doc_id);
  std::set<std::string> quotes = {stance.a.evidence.quote, stance.b.evidence.quote};
  CHECK(quotes == std::set<std::string>{"Ryabkov rejected new talks.",
                                        "Moscow accepted further talks."});
  CHECK((stance.note == "accept vs reject" || stance.note == "reject vs accept"));

  nlohmann::json j = stance;
  CHECK(j["kind"] == "stance");
  CHECK(j["a"]["quote"].is_string());
  CHECK(j["b"]["doc_id"].is_string());
}

TEST_CASE("conflicts filter by round, actor and issue", "[graph][conflicts]") {
  auto store = Reports();
  CHECK(FindConflicts(*store, {"geneva-2", "", ""}).value().empty());
  CHECK(FindConflicts(*store, {"vienna", "", ""}).value().size() == 2);
  CHECK(FindConflicts(*store, {"", "russia", ""}).value().size() == 1);
  CHECK(FindConflicts(*store, {"", "nato", ""}).value().size() == 1);  // holder side
  CHECK(FindConflicts(*store, {"", "", "talks"}).value().size() == 1);
  CHECK(FindConflicts(*store, {"", "", "guarantees"}).value().empty());
}

TEST_CASE("only support against rejection and assurance against threat are incompatible",
          "[graph][conflicts]") {
  CHECK(IncompatibleStances(Stance::kAccept, Stance::kReject));
  CHECK(IncompatibleStances(Stance::kReject, Stance::kOffer));
  CHECK(IncompatibleStances(Stance::kAssure, Stance::kThreaten));
  CHECK_FALSE(IncompatibleStances(Stance::kDemand, Stance::kReject));
  CHECK_FALSE(IncompatibleStances(Stance::kAssure, Stance::kReject));
  CHECK_FALSE(IncompatibleStances(Stance::kOffer, Stance::kAccept));
  CHECK_FALSE(IncompatibleStances(Stance::kReject, Stance::kReject));
}

TEST_CASE("several sentences of the same two reports give one conflict", "[graph][conflicts]") {
  auto store = NewMemoryStore();
  testing::Add(*store, MakeDoc("a", "r", "2022-01-13",
                               {{"russia", Stance::kReject, "talks", "No talks, said one."},
                                {"russia", Stance::kReject, "talks", "No talks, said two."}}));
  testing::Add(*store, MakeDoc("b", "r", "2022-01-13",
                               {{"russia", Stance::kAccept, "talks", "Talks, yes."}}));
  CHECK(FindConflicts(*store, {}).value().size() == 1);
}

}  // namespace negograph
