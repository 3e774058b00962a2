// English constructions that look like a stance but hold none, or hold
// another one: verb forms used as nouns, relative clauses about things,
// generic "you", passives after "will", "failed to agree". Example sentences
// are our own.
#include <catch2/catch.hpp>

#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {
namespace {

bool Has(const std::vector<Position>& ps, std::string_view actor, Stance stance) {
  for (const Position& p : ps) {
    if (p.actor == actor && p.stance == stance) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a verb cue form after an article or 'of' is a noun, not a stance", "[ingest][en][cue]") {
  auto ps = Extract("Peru said the question of guarantees would come up in May.", "en");
  INFO(Describe(ps));
  CHECK_FALSE(Has(ps, "peru", Stance::kAssure));
  auto verb = Extract("Peru guarantees the loans to Chile.", "en");
  INFO(Describe(verb));
  CHECK(Has(verb, "peru", Stance::kAssure));
}

TEST_CASE("a 'which' clause about a thing holds no position; about a party, the party holds it",
          "[ingest][en][attribution]") {
  auto thing = Extract("Chile described the truce, which will allow food convoys to reach the port.", "en");
  INFO(Describe(thing));
  CHECK_FALSE(Has(thing, "chile", Stance::kAccept));
  auto party = Extract("Peru, which has rejected the harbour plan, will allow inspections.", "en");
  INFO(Describe(party));
  CHECK(Has(party, "peru", Stance::kReject));
  CHECK(Has(party, "peru", Stance::kAccept));
  auto inner = Extract("Talks stalled over a dispute between Chile and Peru, which will have to be settled in May.",
                       "en");
  INFO(Describe(inner));
  CHECK_FALSE(Has(inner, "peru", Stance::kDemand));
}

TEST_CASE("a generic 'you' under a modal obliges nobody", "[ingest][en][modal]") {
  auto ps = Extract("Sometimes you have to leave the table, the Chilean minister said.", "en");
  INFO(Describe(ps));
  CHECK(ps.empty());
  auto we = Extract("We have to reduce the fishing quotas, the Chilean minister said.", "en");
  INFO(Describe(we));
  CHECK(Has(we, "chile", Stance::kDemand));
}

TEST_CASE("a passive or copula after 'will' is no commitment", "[ingest][en][commitment]") {
  auto ps = Extract("We will not be intimidated by a hollow offer, Peru said.", "en");
  INFO(Describe(ps));
  CHECK_FALSE(Has(ps, "peru", Stance::kAssure));
  auto forced = Extract("If Lima refuses, Chile will be forced to impose sanctions, the minister warned.", "en");
  INFO(Describe(forced));
  CHECK(Has(forced, "chile", Stance::kThreaten));
}

TEST_CASE("'failed to agree' is no acceptance", "[ingest][en][negation]") {
  auto ps = Extract("Chile and Peru failed to agree on the new fishing quotas.", "en");
  INFO(Describe(ps));
  CHECK_FALSE(Has(ps, "chile", Stance::kAccept));
  CHECK(Has(ps, "chile", Stance::kReject));
}

}  // namespace negograph::testing
