// Holder resolution: people introduced with their party and named later by
// surname, German verb-final speech frames, fronted pronominal objects, the
// proposal inside a rejection, coordinated and grouped holders. Example
// sentences are our own; the people in them are invented.
#include <catch2/catch.hpp>

#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {
namespace {

[[maybe_unused]] bool Has(const std::vector<Position>& ps, std::string_view actor, Stance stance) {
  return std::any_of(ps.begin(), ps.end(), [&](const Position& p) { return p.actor == actor && p.stance == stance; });
}

}  // namespace

TEST_CASE("a person introduced with title and party is that party by surname later", "[ingest][holder]") {
  auto de = Extract(
      "Der polnische Außenminister Jan Nowak traf am Montag ein. Nowak forderte neue Gespräche.", "de");
  INFO(Describe(de));
  CHECK(Find(de, "poland", Stance::kDemand, "talks") != nullptr);

  auto en = Extract("Jan Nowak, the Polish envoy, arrived on Monday. Nowak rejected the tariffs.", "en");
  INFO(Describe(en));
  CHECK(Find(en, "poland", Stance::kReject, "tariffs") != nullptr);
}

TEST_CASE("a surname before its introduction, or without a title, names no party", "[ingest][holder]") {
  auto before = Extract("Nowak forderte neue Gespräche. Der polnische Außenminister Jan Nowak traf ein.", "de");
  INFO(Describe(before));
  CHECK_FALSE(Has(before, "poland", Stance::kDemand));
  // A lone capitalised noun after a side noun is no name in German ("Anfang Mai").
  auto nouns = Extract("Die polnische Delegation reiste Anfang Mai ab. Anfang forderte Gespräche.", "de");
  INFO(Describe(nouns));
  CHECK_FALSE(Has(nouns, "poland", Stance::kDemand));
}

TEST_CASE("a lexicon speaker named in full is found by surname and in the German genitive", "[ingest][holder]") {
  auto ps = Extract(
      "Wladimir Putin traf in Paris ein. Der Vorschlag Putins sieht neue Gespräche vor. Putin lehnte Sanktionen ab.",
      "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "russia", Stance::kOffer, "talks") != nullptr);
  CHECK(Find(ps, "russia", Stance::kReject, "sanction") != nullptr);
}

TEST_CASE("a German speech verb at the end of its clause finds its subject", "[ingest][holder]") {
  auto ps = Extract("Wladimir Putin hatte am Montag überraschend erklärt, neuen Sanktionen nicht zustimmen zu können.",
                    "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "russia", Stance::kReject, "sanction") != nullptr);
}

TEST_CASE("a fronted pronominal object refers to the issue before", "[ingest][holder]") {
  auto ps = Extract("Russland fordert neue Sanktionen gegen Polen. Dazu ist der Westen jedoch nicht bereit.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "west", Stance::kReject, "sanction") != nullptr);
  // Without an issue before, "dazu" names nothing.
  auto alone = Extract("Dazu ist der Westen jedoch nicht bereit.", "de");
  INFO(Describe(alone));
  CHECK(alone.empty());
}

TEST_CASE("rejecting a proposal rejects what it proposes", "[ingest][holder]") {
  auto de = Extract("Polen wies den Vorschlag Moskaus, die Sanktionen aufzuheben, zurück.", "de");
  INFO(Describe(de));
  CHECK(Find(de, "poland", Stance::kReject, "sanctions_relief") != nullptr);
  CHECK(Find(de, "russia", Stance::kOffer, "sanctions_relief") != nullptr);
  auto en = Extract("Poland rejected the Russian proposal to lift sanctions.", "en");
  INFO(Describe(en));
  CHECK(Find(en, "poland", Stance::kReject, "sanctions_relief") != nullptr);
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("coordinated holders named by title and name each hold the cue", "[ingest][holder]") {
  auto ps = Extract(
      "In Genf haben der französische Präsident Jean Dupont und der russische Präsident Wladimir Putin eine "
      "Waffenruhe vereinbart.",
      "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "france", Stance::kAccept, "ceasefire") != nullptr);
  CHECK(Find(ps, "russia", Stance::kAccept, "ceasefire") != nullptr);
  auto skip = Extract("Polen sowie weitere Staaten und die EU-Kommission drängen auf neue Sanktionen.", "de");
  INFO(Describe(skip));
  CHECK(Find(skip, "poland", Stance::kDemand, "sanction") != nullptr);
  CHECK(Find(skip, "eu", Stance::kDemand, "sanction") != nullptr);
}

TEST_CASE("parties named right after a group hold the cue, not the group", "[ingest][holder]") {
  auto ps = Extract("Die kleinen Inselstaaten Fidschi und Tuvalu lehnen neue Sanktionen ab.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "fiji", Stance::kReject, "sanction") != nullptr);
  CHECK(Find(ps, "tuvalu", Stance::kReject, "sanction") != nullptr);
  CHECK_FALSE(Has(ps, "aosis", Stance::kReject));
  // Separated by a verb, the group is the subject.
  auto verb = Extract("Die kleinen Inselstaaten lehnen Sanktionen gegen Fidschi ab.", "de");
  INFO(Describe(verb));
  CHECK_FALSE(Has(verb, "fiji", Stance::kReject));
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("a sanction promised under a condition is a threat", "[ingest][holder]") {
  auto de = Extract("Polen werde Sanktionen verhängen, falls Russland die Grenze schließe.", "de");
  INFO(Describe(de));
  CHECK(Find(de, "poland", Stance::kThreaten, "sanction") != nullptr);
  // A neutral promise under the same condition says too little.
  auto neutral = Extract("Polen werde Gespräche führen, falls Russland die Grenze schließe.", "de");
  INFO(Describe(neutral));
  CHECK_FALSE(Has(neutral, "poland", Stance::kThreaten));
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("\"beide Länder\" and \"both countries\" are the parties named together last", "[ingest][holder]") {
  auto de = Extract("Spanien und Portugal lehnen Sanktionen ab; beide Länder fordern neue Gespräche.", "de");
  INFO(Describe(de));
  CHECK(Find(de, "spain", Stance::kDemand, "talks") != nullptr);
  CHECK(Find(de, "portugal", Stance::kDemand, "talks") != nullptr);
  auto en = Extract("Spain and Portugal rejected sanctions. Both countries demanded new talks.", "en");
  INFO(Describe(en));
  CHECK(Find(en, "portugal", Stance::kDemand, "talks") != nullptr);
  // With no parties named together, "both" names nobody.
  auto none = Extract("Spain rejected sanctions. Both countries demanded new talks.", "en");
  INFO(Describe(none));
  CHECK_FALSE(Has(none, "portugal", Stance::kDemand));
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("\"we\" in a statement with no speaker is its issuer, not the last party named", "[ingest][holder]") {
  auto ps = Extract(
      "PRESS RELEASE. Chile is deeply disappointed with the draft. Peru receives little support. "
      "We demand an end to fishing subsidies.",
      "en");
  INFO(Describe(ps));
  CHECK(Has(ps, "chile", Stance::kDemand));
  CHECK_FALSE(Has(ps, "peru", Stance::kDemand));
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("a dateline before the article is no subject", "[ingest][holder]") {
  auto ps = Extract(
      "Warschau/Vilnius Die Regierungen Polens und Litauens lehnten am Freitag neue Sanktionen ab.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "poland", Stance::kReject, "sanction") != nullptr);
  CHECK(Find(ps, "lithuania", Stance::kReject, "sanction") != nullptr);
}

TEST_CASE("an adverb before the object does not hide it", "[ingest][theme]") {
  auto ps = Extract("Polen und Litauen lehnten gegenseitig am Freitag die Pläne der anderen Seite ab.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "lithuania", Stance::kReject, "plan_der_and") != nullptr);
}

TEST_CASE("a truncated compound keeps the whole coordination in the theme", "[ingest][theme]") {
  auto ps = Extract("Polen habe zugesagt, auf weitere Atom- und Raketentests zu verzichten.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "poland", Stance::kAssure, "weapons_tests") != nullptr);
  // Tests are no deployment.
  CHECK(Find(ps, "poland", Stance::kOffer, "missile_deployment") == nullptr);
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("an agreement not reached is nobody's rejection", "[ingest][holder]") {
  auto ps = Extract("Polen fordert Gespräche. Ein weiteres Treffen sei nicht vereinbart worden, hieß es.", "de");
  INFO(Describe(ps));
  CHECK_FALSE(Has(ps, "poland", Stance::kReject));
  // An explicit subject that did not agree does reject.
  auto subj = Extract("Polen hat einem weiteren Treffen nicht zugestimmt.", "de");
  INFO(Describe(subj));
  CHECK(Find(subj, "poland", Stance::kReject, "talks") != nullptr);
}

TEST_CASE("the German object before a final verb is no prepositional noun", "[ingest][theme]") {
  auto ps = Extract("Polen hatte am Freitag eine Verlängerung um ein Jahr ohne Bedingungen vorgeschlagen.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "poland", Stance::kOffer, "verlanger") != nullptr);
  // A preposition that marks the verb's own object keeps its noun.
  auto appeal = Extract("Der Generalsekretär der OSZE hat die Mitglieder zur Geschlossenheit aufgerufen.", "de");
  INFO(Describe(appeal));
  CHECK(Find(appeal, "osce", Stance::kDemand, "geschloss") != nullptr);
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("a German title with its party in the genitive names that party", "[ingest][holder]") {
  auto ps = Extract("Der Präsident der Ukraine lehnte neue Gespräche ab.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "ukraine", Stance::kReject, "talks") != nullptr);
  // A party after a preposition is the object, not the title's party.
  auto prep = Extract("Der Präsident lehnte Gespräche mit der Ukraine ab.", "de");
  INFO(Describe(prep));
  CHECK_FALSE(Has(prep, "ukraine", Stance::kReject));
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("examples inserted after a common-noun subject hold its verb", "[ingest][holder]") {
  auto ps = Extract(
      "While rich economies, including Norway and Japan, have advocated that all states end fishing subsidies, "
      "Chile disagreed.",
      "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "norway", Stance::kDemand, "subsid") != nullptr);
  CHECK(Find(ps, "japan", Stance::kDemand, "subsid") != nullptr);
}

TEST_CASE("the speaker for a bloc is not one of the bloc's names", "[ingest][holder]") {
  auto ps = Extract("Speaking for the G77 and China, South Africa demanded a new fund for losses.", "en");
  INFO(Describe(ps));
  CHECK(Has(ps, "g77", Stance::kDemand));
  // A list after a bare comma goes on when no verb follows its item.
  auto list = Extract("On behalf of Norway, Chile and Peru, Iceland demanded a new fund for losses.", "en");
  INFO(Describe(list));
  CHECK(Has(list, "norway", Stance::kDemand));
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("a German object pronoun before the final verb refers to the issue before", "[ingest][holder]") {
  auto ps = Extract("Polen lehnte den Vorschlag zur Deeskalation ab. Litauen hingegen hätte ihn mitgetragen.", "de");
  INFO(Describe(ps));
  CHECK(Find(ps, "lithuania", Stance::kAccept, "de_escalation") != nullptr);
  auto alone = Extract("Litauen hingegen hätte ihn mitgetragen.", "de");
  INFO(Describe(alone));
  CHECK(alone.empty());
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("a German promise under an adverse condition is a threat with its verb phrase", "[ingest][theme]") {
  auto ps = Extract("Wenn Polen nicht zustimme, werde Litauen härter vorgehen.", "de");
  INFO(Describe(ps));
  const Position* p = Find(ps, "lithuania", Stance::kThreaten, "hart_vorgeh");
  REQUIRE(p != nullptr);
  CHECK(p->condition.find("nicht zustimme") != std::string::npos);
  // Without a condition a bare verb phrase is no position.
  auto plain = Extract("Litauen werde härter vorgehen.", "de");
  INFO(Describe(plain));
  CHECK(plain.empty());
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("a possessive party in a speech frame and \"we must\" in the quote after it", "[ingest][holder]") {
  auto ps = Extract("In the hall, Norway’s envoy Kari Holm said: “Let us be clear. We must phase out coal.”", "en");
  INFO(Describe(ps));
  CHECK(Has(ps, "norway", Stance::kDemand));
  // "we need not" demands nothing.
  auto need_not = Extract("In the hall, Norway’s envoy Kari Holm said: “Let us be clear. We do not need to phase out coal.”",
                          "en");
  INFO(Describe(need_not));
  CHECK_FALSE(Has(need_not, "norway", Stance::kDemand));
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("an adverb before an adjective stays inside the German noun phrase", "[ingest][theme]") {
  auto ps = Extract("Polen und Litauen lehnten die Vorschläge der jeweils anderen Seite ab.", "de");
  INFO(Describe(ps));
  const Position* p = Find(ps, "lithuania", Stance::kReject, "vorschlag_der_jeweil");
  REQUIRE(p != nullptr);
  CHECK(p->issue_label.find("jeweils anderen") != std::string::npos);
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("a titled person introduced as 'X of Country' is that party by surname, name particles included",
          "[ingest][holder]") {
  auto ps = Extract("President Omar al-Rashid of Chile met reporters in Lima. Later al-Rashid rejected the tariffs.", "en");
  INFO(Describe(ps));
  CHECK(Find(ps, "chile", Stance::kReject, "tariffs") != nullptr);
  // A lexicon speaker's surname with a particle ("al-Thani") names the speaker later.
  auto speaker = Extract("Emir Tamim bin Hamad al-Thani arrived in Paris. Later al-Thani rejected the tariffs.", "en");
  INFO(Describe(speaker));
  CHECK(Find(speaker, "qatar", Stance::kReject, "tariffs") != nullptr);

  SECTION("an institution 'of Country' is no person") {
    auto bank = Extract("The Central Bank of Chile met on Monday. Bank officials rejected the tariffs.", "en");
    INFO(Describe(bank));
    CHECK(bank.empty());
  }
}

}  // namespace negograph::testing
