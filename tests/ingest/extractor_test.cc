// Behaviour of the extraction engine in German and English: attribution,
// negation, conditions, nesting, lists, open issues, robustness.
#include <catch2/catch.hpp>

#include "graph/ids.h"
#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {
namespace {

TEST_CASE("a speaker in a reported-speech frame attributes to the speaker's party", "[ingest][attribution]") {
  SECTION("German: sagte X") {
    auto ps = Extract("Die USA hätten Abrüstungsgespräche angeboten, sagte Wendy Sherman.", "de");
    const Position* p = Find(ps, "usa", Stance::kOffer, "arms_control");
    INFO(Describe(ps));
    REQUIRE(p != nullptr);
    CHECK(p->speaker == "sherman");
    CHECK(p->speaker_label == "Wendy Sherman");
  }
  SECTION("English: X said, and a person as subject") {
    auto ps = Extract("Blinken rejected any halt to NATO enlargement, officials said.", "en");
    const Position* p = Find(ps, "usa", Stance::kReject, "nato_enlargement");
    INFO(Describe(ps));
    REQUIRE(p != nullptr);
    CHECK(p->speaker == "blinken");
  }
}

TEST_CASE("pronouns and 'we' resolve to the current speaker", "[ingest][attribution]") {
  SECTION("German: Konjunktiv continues the last speaker, wir -> party") {
    auto ps = Extract(
        "Rjabkow sagte am Montag in Genf, die Gespräche seien schwierig gewesen. "
        "„Wir lehnen jede weitere NATO-Osterweiterung ab.“",
        "de");
    INFO(Describe(ps));
    CHECK(Find(ps, "russia", Stance::kReject, "nato_enlargement") != nullptr);
  }
  SECTION("English: 'it' and 'we' after a speaker") {
    auto ps = Extract(
        "Lavrov spoke to reporters in Moscow. \"We demand legally binding guarantees,\" he said.",
        "en");
    INFO(Describe(ps));
    CHECK(Find(ps, "russia", Stance::kDemand, "guarantees") != nullptr);
  }
}

TEST_CASE("genitive and possessive holders hold the demand", "[ingest][attribution]") {
  SECTION("German: Forderungen Moskaus, nested under a rejection") {
    auto ps = Extract(
        "Sherman sprach mit Journalisten. Forderungen Moskaus nach einem Ende der "
        "NATO-Osterweiterung wies sie zurück.",
        "de");
    INFO(Describe(ps));
    CHECK(Find(ps, "russia", Stance::kDemand, "nato_enlargement") != nullptr);
    CHECK(Find(ps, "usa", Stance::kReject, "nato_enlargement") != nullptr);
    CHECK(Find(ps, "russia", Stance::kReject, "nato_enlargement") == nullptr);
  }
  SECTION("English: Russia's demand, nested under a rejection") {
    auto ps = Extract("The United States rejected Russia's demand for an end to NATO enlargement.", "en");
    INFO(Describe(ps));
    CHECK(Find(ps, "russia", Stance::kDemand, "nato_enlargement") != nullptr);
    CHECK(Find(ps, "usa", Stance::kReject, "nato_enlargement") != nullptr);
  }
}

TEST_CASE("a threatened party becomes the target, not the actor", "[ingest][attribution]") {
  auto de = Extract("Sherman drohte Russland mit massiven Konsequenzen.", "de");
  auto en = Extract("Biden warned Russia of severe sanctions.", "en");
  INFO(Describe(de) << Describe(en));
  const Position* p = Find(de, "usa", Stance::kThreaten, "sanctions");
  const Position* q = Find(en, "usa", Stance::kThreaten, "sanctions");
  REQUIRE(p != nullptr);
  REQUIRE(q != nullptr);
  CHECK(p->target == "russia");
  CHECK(q->target == "russia");
}

TEST_CASE("negation folds the stance", "[ingest][negation]") {
  SECTION("German: nicht verzichten -> reject; niemandem erlauben -> reject") {
    auto ps = Extract(
        "Washington werde künftig nicht auf bilaterale Zusammenarbeit mit Partnern wie Georgien verzichten. "
        "Man werde keinem Drittstaat erlauben, die Politik der offenen Tür zu beenden, sagte Sherman.",
        "de");
    INFO(Describe(ps));
    const Position* p = Find(ps, "usa", Stance::kReject, "bilateral_cooperation");
    REQUIRE(p != nullptr);
    CHECK(p->negated);
    // A full verb makes the clause the issue: the USA refuses to let the policy be ended.
    p = Find(ps, "usa", Stance::kReject, "open:");
    REQUIRE(p != nullptr);
    CHECK(p->issue_label == "Politik der offenen Tür zu beenden");
    CHECK(Find(ps, "usa", Stance::kAccept, "") == nullptr);
  }
  SECTION("English: not ready -> reject; will not -> assure") {
    auto ps = Extract("Russia is not ready to discuss a troop withdrawal. Russia will not invade Ukraine.", "en");
    INFO(Describe(ps));
    CHECK(Find(ps, "russia", Stance::kReject, "troop_withdrawal") != nullptr);
    CHECK(Find(ps, "russia", Stance::kOffer, "troop_withdrawal") == nullptr);
    CHECK(Find(ps, "russia", Stance::kAssure, "invasion") != nullptr);
  }
  SECTION("a negation inside the object does not negate the cue") {
    auto ps = Extract("Den Vereinigten Staaten sei versichert worden, dass Moskau keinen Einmarsch in die Ukraine vorbereite.", "de");
    INFO(Describe(ps));
    const Position* p = Find(ps, "russia", Stance::kAssure, "invasion");
    REQUIRE(p != nullptr);
    CHECK(p->target == "usa");
    // The same construction in English: the party in the that-clause gives the assurance.
    auto en = Extract("Washington was assured that Moscow had no plans to invade Ukraine.", "en");
    INFO(Describe(en));
    CHECK(Find(en, "russia", Stance::kAssure, "") != nullptr);
  }
}

TEST_CASE("conditions are attached as text", "[ingest][condition]") {
  SECTION("German: wenn-clause and im Fall") {
    auto ps = Extract(
        "Die USA hätten Abrüstungsgespräche angeboten, wenn Russland die gleichen Schritte unternehme. "
        "Sherman drohte Russland im Fall einer Eskalation mit Sanktionen.",
        "de");
    INFO(Describe(ps));
    const Position* offer = Find(ps, "usa", Stance::kOffer, "arms_control");
    const Position* threat = Find(ps, "usa", Stance::kThreaten, "sanctions");
    REQUIRE(offer != nullptr);
    REQUIRE(threat != nullptr);
    CHECK(offer->condition == "wenn Russland die gleichen Schritte unternehme");
    CHECK(threat->condition.rfind("im Fall einer Eskalation", 0) == 0);
  }
  SECTION("English: provided that / if") {
    auto ps = Extract("Washington offered talks on missile deployment if Moscow took reciprocal steps.", "en");
    INFO(Describe(ps));
    const Position* p = Find(ps, "usa", Stance::kOffer, "missile");
    REQUIRE(p != nullptr);
    CHECK(p->condition == "if Moscow took reciprocal steps");
  }
  SECTION("a cue inside a condition is not a position") {
    auto ps = Extract("Wenn Russland Garantien fordere, werde man reden.", "de");
    INFO(Describe(ps));
    CHECK(Find(ps, "russia", Stance::kDemand, "") == nullptr);
  }
}

TEST_CASE("list continuations yield one position per item", "[ingest][lists]") {
  SECTION("German: Dazu zählten A und B") {
    auto ps = Extract(
        "Moskau habe klar gemacht, dass es Forderungen gebe. Dazu zählten ein Stopp der "
        "NATO-Osterweiterung und ein Verzicht des Bündnisses auf Angriffswaffen in Osteuropa.",
        "de");
    INFO(Describe(ps));
    CHECK(Find(ps, "russia", Stance::kDemand, "nato_enlargement") != nullptr);
    const Position* p = Find(ps, "russia", Stance::kDemand, "offensive_weapons");
    REQUIRE(p != nullptr);
    CHECK(p->target == "nato");
    CHECK(Find(ps, "nato", Stance::kOffer, "") == nullptr);
  }
  SECTION("English: These included A and B") {
    auto ps = Extract(
        "Russia made several demands of NATO. These included an end to NATO enlargement and a "
        "withdrawal of troops.",
        "en");
    INFO(Describe(ps));
    CHECK(Find(ps, "russia", Stance::kDemand, "nato_enlargement") != nullptr);
    CHECK(Find(ps, "russia", Stance::kDemand, "troop_withdrawal") != nullptr);
  }
}

TEST_CASE("unknown issues become open-vocabulary issues with normalised ids", "[ingest][open]") {
  auto de = Extract("Die USA lehnten die Sicherheitsvorschläge ab.", "de");
  auto en = Extract("Russia rejected the security proposals.", "en");
  INFO(Describe(de) << Describe(en));
  const Position* p = Find(de, "usa", Stance::kReject, "open:");
  const Position* q = Find(en, "russia", Stance::kReject, "open:");
  REQUIRE(p != nullptr);
  REQUIRE(q != nullptr);
  // Ids fold number and inflection (Snowball stems, ingest/open_issue.h).
  CHECK(p->issue == "open:sicherheitsvorschlag");
  CHECK(q->issue == "open:secur_propos");
  CHECK(p->open_issue);
  CHECK(q->issue_label.find("proposals") != std::string::npos);
}

TEST_CASE("neutral reporting and mere mentions yield nothing", "[ingest][precision]") {
  CHECK(Extract("Die Begegnung der Delegationen der USA und Russlands in Wien endete am Abend.", "de").empty());
  CHECK(Extract("Ryabkov described the talks with the United States as long and professional.", "en").empty());
}

TEST_CASE("one position per actor, stance and issue per sentence", "[ingest][precision]") {
  auto ps = Extract("Russland forderte und verlangte ein Ende der NATO-Osterweiterung.", "de");
  INFO(Describe(ps));
  CHECK(std::count_if(ps.begin(), ps.end(), [](const Position& p) {
          return p.issue == "nato_enlargement";
        }) == 1);
}

TEST_CASE("evidence points at the sentence, the cue and the issue", "[ingest][evidence]") {
  std::string text = "Einleitung ohne Inhalt. Russland forderte ein Ende der NATO-Osterweiterung.";
  auto ps = Extract(text, "de");
  REQUIRE(ps.size() == 1);
  const Evidence& e = ps[0].evidence;
  CHECK(e.sentence == 1);
  CHECK(text.substr(e.span.start, e.span.end - e.span.start) == e.quote);
  CHECK(text.substr(e.cue.start, e.cue.end - e.cue.start) == "forderte");
  CHECK(text.substr(e.issue_span.start, e.issue_span.end - e.issue_span.start) == "NATO-Osterweiterung");
  CHECK(ps[0].id == PositionId("0123456789abcdef0123456789abcdef", 1, "russia", Stance::kDemand,
                               "nato_enlargement"));
  CHECK(ps[0].rule == "de.demand.fordern");
}

TEST_CASE("the extraction lists every referenced actor, issue and person", "[ingest][evidence]") {
  auto r = BundledExtractor().Extract(MakeDocument("Sherman drohte Russland mit Sanktionen.", "de"));
  REQUIRE(r.ok());
  REQUIRE(r->positions.size() == 1);
  CHECK(r->actors.size() == 2);
  CHECK(r->issues.size() == 1);
  REQUIRE(r->people.size() == 1);
  CHECK(r->people[0].party == "usa");
  CHECK(r->document.rules_version == BundledExtractor().rules_version());
  CHECK(r->document.lang == "de");
}

TEST_CASE("every position carries the document's round", "[ingest][evidence]") {
  Document doc = MakeDocument("Sherman drohte Russland mit Sanktionen.", "de");
  doc.round = "2022-01-10-geneva";
  auto r = BundledExtractor().Extract(doc);
  REQUIRE(r.ok());
  REQUIRE_FALSE(r->positions.empty());
  CHECK(r->document.round == "2022-01-10-geneva");
  for (const Position& p : r->positions) CHECK(p.round == "2022-01-10-geneva");
}

}  // namespace
}  // namespace negograph::testing
