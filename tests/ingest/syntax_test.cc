// The syntactic layer under the stance frames: clause themes (infinitive,
// gerund, that- and zu-clauses, noun complements), co-holder phrases
// ("supported by", "on behalf of"), progressive vs passive, and the stage
// trace behind `extract --explain`. Example sentences are our own.
#include <catch2/catch.hpp>

#include "ingest/explain.h"
#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {

TEST_CASE("an infinitive theme becomes the issue phrase", "[ingest][theme]") {
  auto ps = Extract("Norway offered to extend the fishing agreement for five years.", "en");
  INFO(Describe(ps));
  const Position* p = FindLabel(ps, "norway", Stance::kOffer, "extend the fishing agreement");
  REQUIRE(p != nullptr);
  CHECK(p->open_issue);
}

TEST_CASE("an addressee before the infinitive is the target, not the theme", "[ingest][theme]") {
  auto ps = Extract("Chile urged Peru to dismantle the border fences.", "en");
  INFO(Describe(ps));
  const Position* p = FindLabel(ps, "chile", Stance::kDemand, "dismantle the border fences");
  REQUIRE(p != nullptr);
  CHECK(p->issue_label.find("Peru") == std::string::npos);
}

TEST_CASE("a German zu-infinitive clause becomes the issue phrase", "[ingest][theme]") {
  auto ps = Extract("Norwegen bot an, die Fangquoten im kommenden Jahr zu senken.", "de");
  INFO(Describe(ps));
  REQUIRE(FindLabel(ps, "norway", Stance::kOffer, "Fangquoten") != nullptr);
}

TEST_CASE("a noun theme keeps its complement", "[ingest][theme]") {
  auto ps = Extract("Chile rejected a Peruvian attempt to create a new customs office.", "en");
  INFO(Describe(ps));
  REQUIRE(FindLabel(ps, "chile", Stance::kReject, "customs office") != nullptr);
}

TEST_CASE("a theme ends at a relative clause or a new predicate", "[ingest][theme]") {
  auto ps = Extract("Chile rejected the harbour plan which Peru had tabled on Monday.", "en");
  INFO(Describe(ps));
  const Position* p = FindLabel(ps, "chile", Stance::kReject, "harbour plan");
  REQUIRE(p != nullptr);
  CHECK(p->issue_label.find("tabled") == std::string::npos);
}

TEST_CASE("an addressee alone is never an issue", "[ingest][theme]") {
  auto ps = Extract("Chile rejected Peru.", "en");
  INFO(Describe(ps));
  CHECK(ps.empty());
}

TEST_CASE("supported by and opposed by add co-holders", "[ingest][attribution][coholder]") {
  auto ps = Extract("Iceland, supported by Uruguay and Ghana, proposed a ban on bottom trawling.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "iceland", Stance::kOffer, "open:") != nullptr);
  CHECK(Find(ps, "uruguay", Stance::kAccept, "open:") != nullptr);
  CHECK(Find(ps, "ghana", Stance::kAccept, "open:") != nullptr);

  ps = Extract("Iceland, opposed by Japan, proposed a ban on bottom trawling.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "iceland", Stance::kOffer, "open:") != nullptr);
  CHECK(Find(ps, "japan", Stance::kReject, "open:") != nullptr);
  CHECK(Find(ps, "japan", Stance::kOffer, "open:") == nullptr);

  ps = Extract("Island schlug, unterstützt von Uruguay, ein Verbot der Grundschleppnetze vor.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "uruguay", Stance::kAccept, "open:") != nullptr);
}

TEST_CASE("a delegate speaking on behalf of a party gives the position to that party", "[ingest][attribution][coholder]") {
  auto ps = Extract("Iceland, on behalf of Norway, rejected the harbour plan.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "norway", Stance::kReject, "open:") != nullptr);
  CHECK(Find(ps, "iceland", Stance::kReject, "open:") == nullptr);
}

TEST_CASE("a progressive form is not a passive", "[ingest][attribution]") {
  auto ps = Extract("Chile has been demanding additional harbour berths from Peru.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kDemand, "open:") != nullptr);
  CHECK(Find(ps, "peru", Stance::kDemand, "") == nullptr);
}

TEST_CASE("the stage trace shows tags, clauses, frames, cues and positions", "[ingest][explain]") {
  ingest::ExtractionTrace trace;
  auto r = BundledExtractor().Extract(
      MakeDocument("Iceland, supported by Ghana, proposed to ban bottom trawling, the minister said.", "en"), &trace);
  REQUIRE(r.ok());
  REQUIRE(trace.sentences.size() == 1);
  const ingest::SentenceTrace& s = trace.sentences[0];
  CHECK(s.tokens.find("Iceland/ACT:iceland") != std::string::npos);
  CHECK(s.tokens.find("supported/SUPPORTED-BY") != std::string::npos);
  CHECK(s.tokens.find("said/SPEECH") != std::string::npos);
  CHECK(s.clauses.size() >= 3);
  REQUIRE(!s.frames.empty());
  CHECK(s.frames.back() == "supported by: ghana");
  REQUIRE(!s.cues.empty());
  CHECK(s.cues[0].find("holder=iceland") != std::string::npos);
  CHECK(s.cues[0].find("theme=\"ban bottom trawling\"") != std::string::npos);
  CHECK(s.drafts.size() == r->positions.size());
}

TEST_CASE("a named organisation the lexicon does not know becomes an open actor", "[ingest][open-actor]") {
  auto ps = Extract("Die Gewerkschaft Verdi lehnte das Angebot der Arbeitgeber ab.", "de");
  INFO(Describe(ps));
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].actor == "open:gewerkschaft_verdi");
  CHECK(ps[0].actor_label == "Gewerkschaft Verdi");
  CHECK(ps[0].stance == Stance::kReject);
  CHECK(ps[0].issue_label == "Angebot der Arbeitgeber");

  ps = Extract("The Labour party rejected the plan to raise tuition fees.", "en");
  INFO(Describe(ps));
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].actor == "open:labour_party");

  ps = Extract("Die Lokführergewerkschaft GDL fordert eine kürzere Wochenarbeitszeit.", "de");
  INFO(Describe(ps));
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].actor == "open:lokfuehrergewerkschaft_gdl");
  CHECK(ps[0].issue_label.find("GDL") == std::string::npos);  // the holder is never its own issue
}

TEST_CASE("common nouns, codes and governed names never become open actors", "[ingest][open-actor]") {
  CHECK(Extract("Experts rejected the plan to raise tuition fees.", "en").empty());
  CHECK(Extract("The negotiators demanded a pay rise.", "en").empty());
  // An event code and a name governed by a preposition.
  for (const Position& p : Extract("A draft at the COP28 summit proposed a levy on shipping.", "en")) {
    CHECK(p.actor.rfind("open:", 0) != 0);
  }
  for (const Position& p : Extract("On the sidelines of the ASEAN meeting, delegates proposed a levy.", "en")) {
    CHECK(p.actor.rfind("open:", 0) != 0);
  }
}

TEST_CASE("a commitment under a condition is a threat or an offer", "[ingest][condition]") {
  auto ps = Extract("If Peru refuses, Chile will close the border crossings.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kThreaten, "open:") != nullptr);
  ps = Extract("Sollte Peru dem Entwurf zustimmen, werde Chile eine Delegation nach Lima schicken.", "de");
  INFO(Describe(ps));
  const Position* p = Find(ps, "chile", Stance::kOffer, "open:");
  REQUIRE(p != nullptr);
  CHECK(p->issue_label.rfind("Chile", 0) != 0);  // the inverted subject is cut off the theme
  CHECK_FALSE(p->condition.empty());
  ps = Extract("Wenn Peru nicht unterschreibe, werde Chile die Zölle erhöhen.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kThreaten, "") != nullptr);
  // A condition that is neither consent nor refusal says too little.
  ps = Extract("If the weather holds, Chile will send a delegation to Lima.", "en");
  INFO(Describe(ps));
  CHECK(ps.empty());
}

TEST_CASE("an infinitive or that-clause after a cue is its content", "[ingest][theme]") {
  auto ps = Extract("Chile sei bereit, weiter mit Peru zu verhandeln, sagte der Minister.", "de");
  INFO(Describe(ps));
  CHECK(FindLabel(ps, "chile", Stance::kOffer, "verhandeln") != nullptr);
  ps = Extract("Der Minister erinnerte an die Forderung Chiles, alle Zölle auf Kupfer abzuschaffen.", "de");
  INFO(Describe(ps));
  CHECK(FindLabel(ps, "chile", Stance::kDemand, "Kupfer") != nullptr);
}

TEST_CASE("a clause opening with its auxiliary continues the sentence's subject", "[ingest][attribution]") {
  auto ps = Extract("Der Außenminister Chiles, ein erfahrener Diplomat, hat die Nachbarn zu einer Einigung über Kupferzölle aufgerufen.",
                    "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kDemand, "") != nullptr);
  ps = Extract("The foreign minister of Chile, a veteran diplomat, has rejected the harbour plan.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kReject, "") != nullptr);
}

TEST_CASE("'we' in a statement with no named speaker is the party it is about", "[ingest][attribution]") {
  auto ps = Extract("Chile is deeply disappointed with the draft. We cannot agree to a cap on the adaptation fund.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kReject, "") != nullptr);
}

TEST_CASE("a verb cue form heading another cue's object is a noun", "[ingest][theme]") {
  auto ps = Extract("Prime Minister Jan Novak of Chile has rebuffed calls for the creation of a free port.", "en");
  INFO(Describe(ps));
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].actor == "chile");
  CHECK(ps[0].stance == Stance::kReject);
  CHECK(ps[0].issue_label == "calls for the creation of a free port");
}

TEST_CASE("examples after a common noun hold the cue, across commas", "[ingest][attribution]") {
  auto ps = Extract("Die Kupferzölle lehnen vor allem Länder wie Chile, aber auch Peru ab.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kReject, "") != nullptr);
  CHECK(Find(ps, "peru", Stance::kReject, "") != nullptr);
}

TEST_CASE("after 'said that' comes the content, not the speaker", "[ingest][attribution]") {
  auto ps = Extract("Novak said that he offered Kuwait to sign the documents.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "kuwait", Stance::kOffer, "") == nullptr);
}

TEST_CASE("issue terms name their issue, not a word that often stands near it", "[ingest][issues]") {
  auto ps = Extract("Iran forderte, dass die Gespräche wieder aufgenommen werden.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "iran", Stance::kDemand, "talks") != nullptr);
  CHECK(Find(ps, "iran", Stance::kDemand, "nato_enlargement") == nullptr);
  ps = Extract("The United Kingdom agreed to give direct effect to the withdrawal agreement.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "uk", Stance::kAccept, "troop_withdrawal") == nullptr);
  ps = Extract("Chile demanded guarantees that the copper quota would not change.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kDemand, "security_guarantees") == nullptr);
}

TEST_CASE("a list of actions is one position per action, for every coordinated holder", "[ingest][theme]") {
  auto ps = Extract("Chile and Peru stressed the importance of protecting fishing grounds, reopening border crossings "
                    "and lowering copper tariffs.", "en");
  INFO(Describe(ps));
  for (std::string_view actor : {"chile", "peru"}) {
    CHECK(FindLabel(ps, actor, Stance::kDemand, "protecting fishing grounds") != nullptr);
    CHECK(FindLabel(ps, actor, Stance::kDemand, "reopening border crossings") != nullptr);
    CHECK(FindLabel(ps, actor, Stance::kDemand, "lowering copper tariffs") != nullptr);
  }
  // A list of places or parties is no list of issues.
  ps = Extract("Chile will not decide on Peru without Peru, on Bolivia without Bolivia or on Ecuador without Ecuador.", "en");
  INFO(Describe(ps));
  CHECK(ps.size() <= 1);
}

TEST_CASE("a noun cue's holder is never found across the verb before it", "[ingest][attribution]") {
  auto ps = Extract("Lebanese officials rejected the proposal for a ceasefire.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "lebanon", Stance::kReject, "ceasefire") != nullptr);
  CHECK(Find(ps, "lebanon", Stance::kOffer, "") == nullptr);
}

}  // namespace negograph::testing
