// "die Regierung in Kiew" (ingest/seats.h): a seat noun before a seat of
// government names the party; a seat after any other noun is a place.
// Example sentences are our own.
#include <catch2/catch.hpp>

#include <algorithm>

#include "ingest/rule_pack.h"
#include "tests/common/temp_dir.h"
#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {
namespace {

std::vector<std::string> Actors(std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (const Position& p : Extract(text, lang)) {
    if (std::find(out.begin(), out.end(), p.actor) == out.end()) out.push_back(p.actor);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("a seat noun and a seat of government name that party", "[ingest][seats]") {
  CHECK(Actors("Die Regierung in Kiew lehnte den Vorschlag einer Waffenruhe ab.", "de") == V{"ukraine"});
  CHECK(Actors("Die Führung im Kreml lehnte den Vorschlag einer Waffenruhe ab.", "de") == V{"russia"});
  // Minsk is listed only as a seat: on its own it is no party.
  CHECK(Actors("Die Regierung in Minsk lehnte den Vorschlag einer Waffenruhe ab.", "de") == V{"belarus"});
  CHECK(Actors("The government in Beijing rejected the proposal for a ceasefire.", "en") == V{"china"});
  CHECK(Actors("Officials in Tehran rejected the proposal for a ceasefire.", "en") == V{"iran"});
  CHECK(Actors("The leadership in Pyongyang rejected the proposal for a ceasefire.", "en") == V{"north_korea"});
}

TEST_CASE("a seat after another noun or preposition stays a place", "[ingest][seats]") {
  // Talks in a city, a visit to it, a party named before the noun.
  CHECK(Actors("Nach Gesprächen in Minsk lehnte die Delegation den Vorschlag einer Waffenruhe ab.", "de").empty());
  CHECK(Actors("Bei Gesprächen in Genf lehnten alle den Vorschlag einer Waffenruhe ab.", "de").empty());
  CHECK(Actors("After a visit to Minsk, the delegation rejected the proposal for a ceasefire.", "en").empty());
  CHECK(Actors("Ukrainian officials in Moscow rejected the proposal for a ceasefire.", "en") == V{"ukraine"});
  // A seat that is also the party's name keeps naming it.
  CHECK(Actors("Kiew lehnte den Vorschlag einer Waffenruhe ab.", "de") == V{"ukraine"});
}

TEST_CASE("seats load as data; a starred seat is refused", "[ingest][seats][rulepack]") {
  const char* cue =
      "version: 1\nlang: en\ncues:\n  - id: en.reject.x\n    stance: reject\n    terms: [rejected]\n"
      "    examples: {fires: [\"Ruritania rejected talks.\"], not: [\"Nothing.\"]}\n";
  TempDir dir;
  WriteFile(dir.path() / "cues.yaml", cue);
  WriteFile(dir.path() / "a.yaml",
            "version: 1\nseat_nouns: [court]\nseat_prepositions: [at]\nactors:\n"
            "  - {id: ruritania, label: {en: Ruritania}, terms: [Ruritania, Strelsau], seats: [Strelsau, Zenda]}\n");
  auto pack = ingest::RulePack::Load(dir.path());
  REQUIRE(pack.ok());
  CHECK((*pack)->seat_forms.size() == 2);
  CHECK((*pack)->seat_nouns.Has("court", ingest::kLangEn));
  CHECK_FALSE((*pack)->seat_nouns.Has("palace", ingest::kLangEn));
  WriteFile(dir.path() / "a.yaml",
            "version: 1\nactors:\n  - {id: ruritania, label: {en: Ruritania}, terms: [Ruritania],\n"
            "     seats: [\"Strel*\"]}\n");
  auto bad = ingest::RulePack::Load(dir.path());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("a.yaml:4:") != std::string::npos);
}

}  // namespace negograph::testing
