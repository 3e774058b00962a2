// Issue 14: a document whose round (or date) assignment changes is stored
// anew even when its text and rules version are unchanged; the same
// document with the same metadata stays a no-op.
#include <catch2/catch.hpp>

#include "tests/store/store_test_util.h"

namespace negograph::testing {

TEMPLATE_TEST_CASE("a changed round or date replaces a document whose text is unchanged",
                   "[store][issue14]", MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  Document unassigned = MakeDoc("same text", "r1", "");
  Position p0 = MakePosition(unassigned, 0, "usa", Stance::kDemand, "missiles");
  REQUIRE(store->Apply(MakeExtraction(unassigned, {p0})).value() == ApplyOutcome::kInserted);
  REQUIRE(store->Apply(MakeExtraction(unassigned, {p0})).value() == ApplyOutcome::kUnchanged);

  SECTION("a round given later is stored, with its positions") {
    Document assigned = MakeDoc("same text", "r1", "2022-01-10-geneva");
    Position p1 = MakePosition(assigned, 0, "usa", Stance::kDemand, "missiles");
    REQUIRE(store->Apply(MakeExtraction(assigned, {p1})).value() == ApplyOutcome::kReplaced);
    CHECK(store->GetDocument(assigned.id).value().round == "2022-01-10-geneva");
    CHECK(store->GetPosition(p1.id).value().round == "2022-01-10-geneva");
    PositionFilter in_round;
    in_round.round = "2022-01-10-geneva";
    CHECK(store->FindPositions(in_round).value().items.size() == 1);
    CHECK(store->Apply(MakeExtraction(assigned, {p1})).value() == ApplyOutcome::kUnchanged);
  }
  SECTION("a new date is stored") {
    Document dated = MakeDoc("same text", "r1", "");
    dated.date = "2022-01-12";
    Position p1 = MakePosition(dated, 0, "usa", Stance::kDemand, "missiles");
    REQUIRE(store->Apply(MakeExtraction(dated, {p1})).value() == ApplyOutcome::kReplaced);
    CHECK(store->GetDocument(dated.id).value().date == "2022-01-12");
  }
  CHECK(store->Stats().value().documents == 1);
  CHECK(store->Stats().value().positions == 1);
}

}  // namespace negograph::testing
