// Rule pack loading: validation errors name the file and the line.
#include <catch2/catch.hpp>

#include "ingest/extractor.h"
#include "ingest/rule_pack.h"
#include "tests/common/temp_dir.h"

namespace negograph::ingest {
namespace {

const char* kGoodCue = R"(version: 1
lang: en
cues:
  - id: en.demand.x
    stance: demand
    terms: [demanded]
    examples: {fires: ["Russia demanded talks."], not: ["Nothing."]}
)";

std::string LoadError(const std::string& file, const std::string& content) {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "cues.yaml", kGoodCue);
  testing::WriteFile(dir.path() / file, content);
  auto pack = RulePack::Load(dir.path());
  return pack.ok() ? std::string("OK") : pack.status().message();
}

TEST_CASE("a minimal rule pack loads and has a content version", "[ingest][rulepack]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "cues.yaml", kGoodCue);
  auto a = Extractor::Load(dir.path());
  REQUIRE(a.ok());
  testing::WriteFile(dir.path() / "cues.yaml", std::string(kGoodCue) + "# changed\n");
  auto b = Extractor::Load(dir.path());
  REQUIRE(b.ok());
  CHECK(a->rules_version() != b->rules_version());
  CHECK(a->rules_version().size() == 16);
}

TEST_CASE("bad rule packs are refused with file:line and the reason", "[ingest][rulepack]") {
  SECTION("YAML syntax error") {
    std::string e = LoadError("bad.yaml", "version: 1\nactors:\n  - id: x\n    label: {en: X\n");
    CHECK(e.find("bad.yaml:") != std::string::npos);
  }
  SECTION("missing version") {
    std::string e = LoadError("bad.yaml", "actors: []\n");
    CHECK(e.find("bad.yaml:1: missing 'version:'") != std::string::npos);
  }
  SECTION("unknown stance") {
    std::string e = LoadError("bad.yaml",
                              "version: 1\ncues:\n  - id: c1\n    stance: maybe\n    terms: [x]\n"
                              "    examples: {fires: [a], not: [b]}\n");
    CHECK(e.find("bad.yaml:4:") != std::string::npos);
    CHECK(e.find("unknown stance 'maybe'") != std::string::npos);
  }
  SECTION("cue without near-miss examples") {
    std::string e = LoadError("bad.yaml",
                              "version: 1\ncues:\n  - id: c1\n    stance: offer\n    terms: [x]\n"
                              "    examples: {fires: [a]}\n");
    CHECK(e.find("bad.yaml:6:") != std::string::npos);
    CHECK(e.find("near-miss") != std::string::npos);
  }
  SECTION("'*' inside a term") {
    std::string e = LoadError("bad.yaml",
                              "version: 1\nissues:\n  - id: i1\n    label: {en: I, de: I}\n"
                              "    terms: {de: [\"a*b\"], en: [i]}\n");
    CHECK(e.find("bad.yaml:3:") != std::string::npos);
    CHECK(e.find("'*' only at the start or end") != std::string::npos);
  }
  SECTION("an issue named in one language only") {
    std::string no_en = LoadError("bad.yaml", "version: 1\nissues:\n  - id: i1\n    label: {en: I, de: I}\n"
                                              "    terms: {de: [abc]}\n");
    CHECK(no_en.find("no en terms") != std::string::npos);
    std::string flat = LoadError("bad.yaml", "version: 1\nissues:\n  - id: i1\n    label: {en: I, de: I}\n"
                                             "    terms: [abc]\n");
    CHECK(flat.find("terms: {de: [...], en: [...]}") != std::string::npos);
    std::string no_de = LoadError("bad.yaml", "version: 1\nissues:\n  - id: i1\n    label: {en: I}\n"
                                              "    terms: {de: [abc], en: [abc]}\n");
    CHECK(no_de.find("'de'") != std::string::npos);
  }
  SECTION("duplicate ids and unknown parties") {
    std::string dup = LoadError("bad.yaml",
                                "version: 1\nactors:\n  - {id: a, label: {en: A}, terms: [A]}\n"
                                "  - {id: a, label: {en: B}, terms: [B]}\n");
    CHECK(dup.find("bad.yaml:4: duplicate actor id 'a'") != std::string::npos);
    std::string party = LoadError("bad.yaml",
                                  "version: 1\nspeakers:\n  - {id: p, name: P, party: nowhere, terms: [P]}\n");
    CHECK(party.find("bad.yaml:3:") != std::string::npos);
    CHECK(party.find("'nowhere'") != std::string::npos);
  }
  SECTION("unknown top-level key and unknown word group") {
    CHECK(LoadError("bad.yaml", "version: 1\nactorz: []\n").find("bad.yaml:2: unknown top-level key") !=
          std::string::npos);
    CHECK(LoadError("bad.yaml", "version: 1\nwords:\n  negations: [nicht]\n")
              .find("unknown word group 'negations'") != std::string::npos);
  }
}

TEST_CASE("bad periods and members are refused with file:line", "[ingest][rulepack]") {
  std::string period = LoadError("bad.yaml",
                                 "version: 1\nactors:\n  - {id: a, label: {en: A}, terms: [A]}\n"
                                 "speakers:\n  - {id: p, name: P, party: a, period: 2021-20x3, terms: [P]}\n");
  CHECK(period.find("bad.yaml:5:") != std::string::npos);
  CHECK(period.find("period") != std::string::npos);
  std::string member = LoadError("bad.yaml",
                                 "version: 1\nactors:\n  - {id: b, type: bloc, label: {en: B}, terms: [B],\n"
                                 "     members: [a, nowhere]}\n  - {id: a, label: {en: A}, terms: [A]}\n");
  CHECK(member.find("bad.yaml:4:") != std::string::npos);
  CHECK(member.find("member 'nowhere' is not an actor") != std::string::npos);
  CHECK(LoadError("bad.yaml", "version: 1\nmerge: true\nactors: []\n").find("generated files only") !=
        std::string::npos);
}

TEST_CASE("periods parse as years, dates and open ranges", "[ingest][rulepack]") {
  auto p = ParsePeriods("2017-2021 20250120-");
  REQUIRE(p);
  REQUIRE(p->size() == 2);
  CHECK((*p)[0].from == 20170101);
  CHECK((*p)[0].to == 20211231);
  CHECK((*p)[1].Contains(20300101));
  CHECK_FALSE((*p)[1].Contains(20241231));
  CHECK(ParsePeriods("-1999"));
  CHECK_FALSE(ParsePeriods("2021-2019"));
  CHECK_FALSE(ParsePeriods("20211399-"));
  CHECK_FALSE(ParsePeriods(""));
}

TEST_CASE("two parties claiming one surface form: the first claim wins and is reported",
          "[ingest][rulepack]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "cues.yaml", kGoodCue);
  testing::WriteFile(dir.path() / "a_curated.yaml",
                     "version: 1\nactors:\n  - {id: belgium, label: {en: Belgium}, terms: [Belgium]}\n"
                     "  - {id: eu, label: {en: EU}, terms: [Brussels]}\n"
                     "speakers:\n  - {id: k1, name: K One, party: eu, period: 2001-2005, terms: [Kay]}\n");
  testing::WriteFile(dir.path() / "b_generated.yaml",
                     "version: 1\ngenerated: true\nmerge: true\nactors:\n"
                     "  - {id: belgium, terms: [Brussels, Antwerp], adjectives: [Belgian]}\n"
                     "  - {id: iceland, label: {en: Iceland}, terms: [Reykjavik]}\n"
                     "speakers:\n  - {id: k2, name: K Two, party: belgium, period: 2010-, terms: [Kay]}\n"
                     "  - {id: k3, name: K Three, party: belgium, period: 2004-2008, terms: [Kay]}\n");
  auto pack = RulePack::Load(dir.path());
  REQUIRE(pack.ok());
  const RulePack& p = **pack;
  // The curated 'Brussels' of the EU wins over the generated capital of Belgium.
  REQUIRE(p.conflicts.size() == 3);  // Brussels; Kay and its German genitive Kays (k3)
  CHECK(p.conflicts[0].find("b_generated.yaml:5: 'brussels' of 'belgium' is already 'eu'") !=
        std::string::npos);
  CHECK(p.conflicts[0].find("kept 'eu'") != std::string::npos);
  // Speakers may share a name when their periods do not overlap (k2); k3 overlaps k1.
  CHECK(p.conflicts[1].find("'kay' of 'k3' is already 'k1'") != std::string::npos);
  CHECK(p.conflicts[2].find("'kays' of 'k3'") != std::string::npos);
  // The merge added the other forms to the existing party, and new ids are new parties.
  CHECK(p.FindActor("iceland") >= 0);
  size_t belgium_forms = 0;
  for (const LexEntry& e : p.entries) {
    belgium_forms += e.kind == EntryKind::kActor && e.ref == static_cast<uint32_t>(p.FindActor("belgium"));
  }
  CHECK(belgium_forms == 5);  // Belgium, Antwerp, their German genitives (Belgiums, Antwerps), Belgian
}

TEST_CASE("a missing or empty rules directory is an error", "[ingest][rulepack]") {
  testing::TempDir dir;
  CHECK_FALSE(RulePack::Load(dir.path() / "nope").ok());
  CHECK_FALSE(RulePack::Load(dir.path()).ok());
}

TEST_CASE("the bundled rule packs load", "[ingest][rulepack]") {
  auto pack = RulePack::Load(Extractor::DefaultRulesDir());
  INFO((pack.ok() ? std::string() : pack.status().message()));
  REQUIRE(pack.ok());
  CHECK((*pack)->actors.size() > 200);  // curated + generated gazetteer
  CHECK((*pack)->CueCount(kLangDe) >= 20);
  CHECK((*pack)->CueCount(kLangEn) >= 12);
}

}  // namespace
}  // namespace negograph::ingest
