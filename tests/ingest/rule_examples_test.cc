// Every stance cue in the bundled rule packs carries examples: sentences it
// must fire on and near-misses it must not. One data-driven test checks all.
#include <catch2/catch.hpp>

#include "ingest/rule_pack.h"
#include "tests/ingest/extract_helpers.h"

namespace negograph::ingest {
namespace {

bool FiredBy(const std::vector<Position>& ps, const std::string& rule_id) {
  return std::any_of(ps.begin(), ps.end(), [&](const Position& p) {
    return p.rule == rule_id || p.rule.rfind(rule_id + "+", 0) == 0;
  });
}

TEST_CASE("every stance cue fires on its examples and not on its near-misses", "[ingest][rules]") {
  auto pack = RulePack::Load(Extractor::DefaultRulesDir());
  REQUIRE(pack.ok());
  size_t checked = 0;
  for (const CueRule& rule : (*pack)->cues) {
    std::string lang = rule.langs == kLangEn ? "en" : "de";
    for (const std::string& example : rule.fires) {
      auto ps = testing::Extract(example, lang);
      INFO(rule.id << " (" << rule.file << ":" << rule.line << ") should fire on: " << example
                   << "\ngot:\n" << testing::Describe(ps));
      CHECK(FiredBy(ps, rule.id));
      ++checked;
    }
    for (const std::string& example : rule.not_fires) {
      auto ps = testing::Extract(example, lang);
      INFO(rule.id << " (" << rule.file << ":" << rule.line << ") must not fire on: " << example
                   << "\ngot:\n" << testing::Describe(ps));
      CHECK_FALSE(FiredBy(ps, rule.id));
      ++checked;
    }
  }
  CHECK(checked >= 2 * (*pack)->cues.size());
}

TEST_CASE("both languages have stance cues for all six stances", "[ingest][rules]") {
  auto pack = RulePack::Load(Extractor::DefaultRulesDir());
  REQUIRE(pack.ok());
  for (uint8_t lang : {kLangDe, kLangEn}) {
    for (Stance s : kAllStances) {
      bool found = std::any_of((*pack)->cues.begin(), (*pack)->cues.end(), [&](const CueRule& c) {
        return (c.langs & lang) && c.stance == s && c.kind != CueKind::kList;
      });
      INFO("lang " << int(lang) << " stance " << StanceName(s));
      CHECK(found);
    }
  }
}

}  // namespace
}  // namespace negograph::ingest
