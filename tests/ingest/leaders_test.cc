// Leaders by date (ingest/leaders.h): a title names whoever held it on the
// document's date; the party stays the country. Example sentences are our own.
#include <catch2/catch.hpp>

#include "ingest/leaders.h"
#include "ingest/office_table.h"
#include "ingest/rule_pack.h"
#include "tests/common/temp_dir.h"
#include "tests/ingest/extract_helpers.h"

namespace negograph::ingest {
namespace {

// The speakers of the positions of `text` written on `date` ("" = undated).
std::vector<std::pair<std::string, std::string>> Holders(std::string_view text, std::string_view lang,
                                                         std::string_view date) {
  Document d = testing::MakeDocument(text, lang);
  d.date = std::string(date);
  auto r = testing::BundledExtractor().Extract(d);
  std::vector<std::pair<std::string, std::string>> out;
  if (!r.ok()) return out;
  for (const Position& p : r->positions) out.emplace_back(p.actor, p.speaker);
  return out;
}

using Pair = std::pair<std::string, std::string>;

const char* kCue = R"(version: 1
lang: en
cues:
  - id: en.reject.x
    stance: reject
    terms: [rejected]
    examples: {fires: ["Ruritania rejected talks."], not: ["Nothing."]}
)";

}  // namespace

TEST_CASE("a title names the holder on the document's date, in both languages", "[ingest][leaders]") {
  const std::string en = "The US president rejected the proposal for a ceasefire.";
  CHECK(Holders(en, "en", "2019-06-03") == std::vector<Pair>{{"usa", "trump"}});
  CHECK(Holders(en, "en", "2023-03") == std::vector<Pair>{{"usa", "biden"}});

  const std::string de = "Der russische Präsident lehnte den Vorschlag einer Waffenruhe ab.";
  CHECK(Holders(de, "de", "2010-05-01") == std::vector<Pair>{{"russia", "medvedev"}});
  CHECK(Holders(de, "de", "2016") == std::vector<Pair>{{"russia", "putin"}});

  SECTION("compounds, possessives and the party after the title") {
    CHECK(Holders("Der US-Außenminister lehnte den Vorschlag einer Waffenruhe ab.", "de", "2018-12-01") ==
          std::vector<Pair>{{"usa", "pompeo"}});
    CHECK(Holders("Britain's prime minister rejected the proposal for a ceasefire.", "en", "2019-01-10") ==
          std::vector<Pair>{{"uk", "theresa_may"}});
    CHECK(Holders("Britain's prime minister rejected the proposal for a ceasefire.", "en", "2020-01-10") ==
          std::vector<Pair>{{"uk", "boris_johnson"}});
    CHECK(Holders("The president of Ukraine rejected the proposal for a ceasefire.", "en", "2018-04-01") ==
          std::vector<Pair>{{"ukraine", "poroshenko"}});
    CHECK(Holders("Der Präsident der Ukraine lehnte den Vorschlag einer Waffenruhe ab.", "de", "2022-04-01") ==
          std::vector<Pair>{{"ukraine", "zelensky"}});
  }
  SECTION("an undated text takes the newest holder") {
    CHECK(Holders("Die deutsche Kanzlerin lehnte den Vorschlag einer Waffenruhe ab.", "de", "") ==
          std::vector<Pair>{{"germany", "merz"}});
  }
}

TEST_CASE("a title stays the party alone when the text names someone else or nobody held it",
          "[ingest][leaders]") {
  // The former holder, a person named with the title, a title nobody held then.
  CHECK(Holders("The former US president rejected the proposal for a ceasefire.", "en", "2023-03-01") ==
        std::vector<Pair>{{"usa", ""}});
  CHECK(Holders("Der ehemalige russische Präsident lehnte den Vorschlag einer Waffenruhe ab.", "de", "2023") ==
        std::vector<Pair>{{"russia", ""}});
  CHECK(Holders("The Russian foreign minister rejected the proposal for a ceasefire.", "en", "2001-01-01") ==
        std::vector<Pair>{{"russia", ""}});
  auto named = Holders("Jan Nowak, the Polish foreign minister, rejected the proposal for a ceasefire.", "en",
                       "2023-03-01");
  for (const auto& [actor, speaker] : named) CHECK(speaker.empty());
  // A deputy is not the minister.
  CHECK(Holders("Der russische Vizeaußenminister lehnte den Vorschlag einer Waffenruhe ab.", "de", "2020") ==
        std::vector<Pair>{{"russia", ""}});
}

TEST_CASE("offices load from the packs; one holder per office at a time", "[ingest][leaders][rulepack]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "cues.yaml", kCue);
  testing::WriteFile(dir.path() / "offices.yaml",
                     "version: 1\noffices:\n  - id: ruler\n    label: {en: ruler}\n"
                     "    titles: {en: [grand ruler], de: [Großherrscher]}\n");
  testing::WriteFile(dir.path() / "people.yaml",
                     "version: 1\nactors:\n  - {id: ruritania, label: {en: Ruritania}, terms: [Ruritania]}\n"
                     "speakers:\n"
                     "  - {id: anna, name: Anna A, party: ruritania, offices: {ruler: \"20100101-20141231\"}, terms: [Anna A]}\n"
                     "  - {id: bert, name: Bert B, party: ruritania, offices: {ruler: \"20150101-\"}, terms: [Bert B]}\n"
                     "  - {id: cora, name: Cora C, party: ruritania, offices: {ruler: \"20140601-20160101\"}, terms: [Cora C]}\n"
                     "  - {id: k1, name: Kay One, party: ruritania, period: 2001-2005, terms: [Kay]}\n"
                     "  - {id: k2, name: Kay Two, party: ruritania, period: 2010-, terms: [Kay]}\n");
  auto pack = RulePack::Load(dir.path());
  REQUIRE(pack.ok());
  const RulePack& p = **pack;
  const OfficeTable& t = p.offices;
  REQUIRE(t.Find("ruler") == 0);
  CHECK(t.Title("grand ruler", kLangEn) == 0);
  CHECK(t.Title("grand ruler", kLangDe) == -1);
  CHECK(t.Title("großherrscher", kLangDe) == 0);
  auto who = [&](uint32_t date) {
    int s = t.Holder("ruritania", 0, date);
    return s < 0 ? std::string("-") : p.speakers[static_cast<size_t>(s)].person.id;
  };
  CHECK(who(20120301) == "anna");
  CHECK(who(20200301) == "bert");
  CHECK(who(20090101) == "-");
  CHECK(who(0) == "bert");  // undated: the newest
  // Cora's tenure overlaps both: reported, and she holds nothing.
  REQUIRE(p.conflicts.size() == 1);
  CHECK(p.conflicts[0].find("'office:ruritania/ruler' of 'cora' is already 'anna'") != std::string::npos);
  // One name, two owners in periods apart: shared, and the date chooses.
  REQUIRE(p.shared_speaker_forms.count("kay") == 1);
  std::string text = "Kay rejected talks.";
  for (auto [date, id] : {std::pair{20030101u, "k1"}, std::pair{20200101u, "k2"}, std::pair{0u, "k2"}}) {
    LexedText lx = Lex(p, text);
    Resolve(p, text, kLangEn, lx);
    LeaderResolver(p, text, kLangEn, date, lx).Run();
    REQUIRE(!lx.mentions.empty());
    CHECK(p.speakers[lx.mentions[0].ref].person.id == id);
  }
}

TEST_CASE("bad offices are refused with file:line", "[ingest][leaders][rulepack]") {
  auto error = [](const std::string& body) {
    testing::TempDir dir;
    testing::WriteFile(dir.path() / "cues.yaml", kCue);
    testing::WriteFile(dir.path() / "bad.yaml", body);
    auto pack = RulePack::Load(dir.path());
    return pack.ok() ? std::string("OK") : pack.status().message();
  };
  std::string unknown = error(
      "version: 1\nactors:\n  - {id: a, label: {en: A}, terms: [A]}\nspeakers:\n"
      "  - {id: p, name: P, party: a, offices: {king: \"2001-\"}, terms: [P]}\n");
  CHECK(unknown.find("bad.yaml:5:") != std::string::npos);
  CHECK(unknown.find("office 'king' is not in any 'offices:' list") != std::string::npos);
  std::string period = error(
      "version: 1\noffices:\n  - {id: king, label: {en: king}, titles: {en: [king]}}\nactors:\n"
      "  - {id: a, label: {en: A}, terms: [A]}\nspeakers:\n"
      "  - {id: p, name: P, party: a, offices: {king: \"20x1-\"}, terms: [P]}\n");
  CHECK(period.find("bad.yaml:7:") != std::string::npos);
  std::string star = error("version: 1\noffices:\n  - {id: king, label: {en: king}, titles: {en: [\"king*\"]}}\n");
  CHECK(star.find("bad.yaml:3:") != std::string::npos);
}

TEST_CASE("a document date becomes a day; undated is zero", "[ingest][leaders]") {
  CHECK(DocumentDay("2022-01-10") == 20220110);
  CHECK(DocumentDay("2022-01") == 20220115);
  CHECK(DocumentDay("2022") == 20220701);
  CHECK(DocumentDay("") == 0);
  CHECK(DocumentDay("2022-13") == 0);
  CHECK(DocumentDay("10.01.2022") == 0);
  CHECK(DocumentDay("2022-01-10T09:00") == 0);
}

}  // namespace negograph::ingest
