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
                              "version: 1\nissues:\n  - id: i1\n    label: {en: I}\n    terms: [\"a*b\"]\n");
    CHECK(e.find("bad.yaml:3:") != std::string::npos);
    CHECK(e.find("'*' only at the start or end") != std::string::npos);
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
