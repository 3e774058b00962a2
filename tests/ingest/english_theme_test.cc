// English issue phrases: an infinitive after the cue's own "to", a
// subjunctive or passive-infinitive clause as the whole demand, a modified
// stance noun that names its content, narrow issue terms. Example sentences
// are our own.
#include <catch2/catch.hpp>

#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {

TEST_CASE("the infinitive after a cue ending in 'to' is a verb theme", "[ingest][en][theme]") {
  auto ps = Extract("Chile is willing to extend the fishing treaty for two years.", "en");
  INFO(Describe(ps));
  const Position* p = FindLabel(ps, "chile", Stance::kOffer, "extend the fishing treaty");
  REQUIRE(p != nullptr);
  CHECK(p->open_issue);
  auto noun = Extract("Chile is open to talks on the border.", "en");
  INFO(Describe(noun));
  CHECK(Find(noun, "chile", Stance::kOffer, "talks") != nullptr);
}

TEST_CASE("a subjunctive or passive-infinitive clause is the whole demand", "[ingest][en][theme]") {
  auto ps = Extract("Peru insisted the paragraph on copper exports be deleted, angering the other delegates.",
                    "en");
  INFO(Describe(ps));
  CHECK(FindLabel(ps, "peru", Stance::kDemand, "be deleted") != nullptr);
  CHECK(FindLabel(ps, "peru", Stance::kDemand, "angering") == nullptr);
  auto inf = Extract("Peru repeated its demand for its fishing fleet to be admitted to the southern ports to save "
                     "the tuna agreement.", "en");
  INFO(Describe(inf));
  CHECK(FindLabel(inf, "peru", Stance::kDemand, "fishing fleet to be admitted") != nullptr);
}

TEST_CASE("a stance noun with modifiers names its own content", "[ingest][en][theme]") {
  auto ps = Extract("Peru wants the harbour fees lowered. Chile said it would not accept a revised harbour proposal.",
                    "en");
  INFO(Describe(ps));
  CHECK(FindLabel(ps, "chile", Stance::kReject, "revised harbour proposal") != nullptr);
}

TEST_CASE("weapons tests are an issue of their own; a subsidiary is no subsidy", "[ingest][en][issues]") {
  auto ps = Extract("Peru promised not to resume missile testing.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "peru", Stance::kAssure, "weapons_tests") != nullptr);
  CHECK(Find(ps, "peru", Stance::kAssure, "missile_deployment") == nullptr);
  auto sub = Extract("Chile would allow the bank to set up a subsidiary in Lima.", "en");
  INFO(Describe(sub));
  CHECK(Find(sub, "chile", Stance::kAccept, "subsidies") == nullptr);
}

TEST_CASE("a headline in title case still has verbs", "[ingest][en][theme]") {
  auto ps = Extract("Chile Urges Peru to Dismantle Fences Along the Border", "en");
  INFO(Describe(ps));
  CHECK(FindLabel(ps, "chile", Stance::kDemand, "Dismantle Fences") != nullptr);
}

TEST_CASE("a comma and 'which' end the object", "[ingest][en][theme]") {
  auto ps = Extract("Peru opposes the new port fees, which would force Chile to impose sanctions.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "peru", Stance::kReject, "sanctions") == nullptr);
  auto restrictive = Extract("Peru opposed a paragraph which demanded new sanctions.", "en");
  INFO(Describe(restrictive));
  CHECK(Find(restrictive, "peru", Stance::kReject, "sanctions") != nullptr);
}

TEST_CASE("'do so' and 'the idea' take the issue of the sentence before", "[ingest][en][theme]") {
  auto ps = Extract("Chile urged Peru to reopen the northern border crossing. Peru has agreed to do so.", "en");
  INFO(Describe(ps));
  CHECK(FindLabel(ps, "peru", Stance::kAccept, "reopen the northern border crossing") != nullptr);
  auto idea = Extract("Chile proposed to build a joint harbour in Arica. Peru dismissed the idea as naive.", "en");
  INFO(Describe(idea));
  CHECK(FindLabel(idea, "peru", Stance::kReject, "joint harbour") != nullptr);
  auto named = Extract("Chile proposed to build a joint harbour in Arica. Peru dismissed the idea of a toll road.",
                       "en");
  INFO(Describe(named));
  CHECK(FindLabel(named, "peru", Stance::kReject, "joint harbour") == nullptr);
}

TEST_CASE("what follows a colon after the cue is its object", "[ingest][en][theme]") {
  auto ps = Extract("The agenda lists what Peru wants from the talks: a ban on bottom trawling in the south.", "en");
  INFO(Describe(ps));
  CHECK(FindLabel(ps, "peru", Stance::kDemand, "ban on bottom trawling") != nullptr);
  CHECK(FindLabel(ps, "peru", Stance::kDemand, "talks") == nullptr);
}

}  // namespace negograph::testing
