// Language detection, sentence splitting and hostile input.
#include <catch2/catch.hpp>

#include <string>

#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {
namespace {

TEST_CASE("the language is detected from function words", "[ingest][language]") {
  auto de = BundledExtractor().Extract(MakeDocument(
      "Die Vertreter der beiden Staaten haben sich am Montag in Genf getroffen und über die Lage gesprochen.", ""));
  auto en = BundledExtractor().Extract(MakeDocument(
      "The delegations of the two countries met in Geneva on Monday and talked about the situation.", ""));
  REQUIRE(de.ok());
  REQUIRE(en.ok());
  CHECK(de->document.lang == "de");
  CHECK(en->document.lang == "en");
}

TEST_CASE("other languages are reported as unsupported", "[ingest][language]") {
  auto fr = BundledExtractor().Extract(MakeDocument(
      "Les délégations russe et américaine se sont rencontrées lundi à Genève pendant près de huit heures "
      "pour discuter de la situation en Ukraine.", ""));
  REQUIRE_FALSE(fr.ok());
  CHECK(fr.status().code() == StatusCode::kUnsupported);
  CHECK(fr.status().message().find("language") != std::string::npos);
  auto tagged = BundledExtractor().Extract(MakeDocument("Hola.", "es"));
  REQUIRE_FALSE(tagged.ok());
  CHECK(tagged.status().message().find("'es'") != std::string::npos);
}

TEST_CASE("sentences split at full stops but not at abbreviations, decimals or ordinals", "[ingest][sentences]") {
  auto ps = Extract(
      "Am 10. Januar trafen sich u.a. Vertreter der USA mit Dr. Rjabkow, der 2.5 Stunden sprach. "
      "Russland forderte ein Ende der NATO-Osterweiterung.",
      "de");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].evidence.sentence == 1);
  auto en = Extract("Mr. Blinken met Mr. Lavrov in Geneva at 3.30 p.m. on Friday. The U.S. rejected NATO's closure.", "en");
  INFO(Describe(en));
  REQUIRE_FALSE(en.empty());
  for (const Position& p : en) CHECK(p.evidence.sentence == 1);
}

TEST_CASE("quotes do not break sentences", "[ingest][sentences]") {
  auto ps = Extract("„Wir lehnen die NATO-Osterweiterung ab“, sagte Putin. Danach war Ruhe.", "de");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].actor == "russia");
  CHECK(ps[0].evidence.sentence == 0);
  CHECK(ps[0].speaker == "putin");
}

TEST_CASE("long, punctuation-free and control-character input does not crash", "[ingest][robustness]") {
  std::string words;
  for (int i = 0; i < 60000; ++i) words += i % 7 == 0 ? "Russland forderte Raketen " : "und wieder ";
  auto r1 = BundledExtractor().Extract(MakeDocument(words, "de"));
  REQUIRE(r1.ok());
  std::string control;
  for (int i = 0; i < 5000; ++i) control += std::string("\x01\x02\x1b[31m NATO \x7f\t", 14) + "forderte ";
  auto r2 = BundledExtractor().Extract(MakeDocument(control, "de"));
  REQUIRE(r2.ok());
  auto r3 = BundledExtractor().Extract(MakeDocument("", "en"));
  REQUIRE(r3.ok());
  CHECK(r3->positions.empty());
  std::string mixed = "Россия требует гарантий. 俄罗斯要求保证。 Russia demanded guarantees.";
  auto r4 = BundledExtractor().Extract(MakeDocument(mixed, "en"));
  REQUIRE(r4.ok());
}

}  // namespace
}  // namespace negograph::testing
