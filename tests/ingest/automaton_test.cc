// The Aho-Corasick automaton finds exactly what a naive search finds.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <tuple>

#include "ingest/automaton.h"
#include "ingest/text_util.h"

namespace negograph::ingest {
namespace {

TEST_CASE("the automaton reports every occurrence of every pattern", "[ingest][automaton]") {
  std::vector<std::string> patterns = {"he", "she", "his", "hers", "a", "aa", "abc", "bc", "ü", "über"};
  Automaton a;
  for (const auto& p : patterns) a.Add(p);
  a.Build();
  std::mt19937 rng(42);
  const std::string alphabet[] = {"a", "b", "c", "h", "e", "s", "i", "r", "ü", "b", "e", "r", " "};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += alphabet[rng() % 13];
    std::set<std::tuple<size_t, uint32_t>> got, want;
    a.Scan(text, [&](size_t end, uint32_t id) { got.emplace(end, id); });
    for (uint32_t id = 0; id < patterns.size(); ++id) {
      for (size_t pos = text.find(patterns[id]); pos != std::string::npos;
           pos = text.find(patterns[id], pos + 1)) {
        want.emplace(pos + patterns[id].size(), id);
      }
    }
    INFO(text);
    REQUIRE(got == want);
  }
}

TEST_CASE("case folding keeps byte offsets", "[ingest][automaton]") {
  CHECK(FoldCase("NATO-Osterweiterung ÜBER Ärger") == "nato-osterweiterung über ärger");
  CHECK(FoldCase("\xC3\x97") == "\xC3\x97");  // the multiplication sign stays
  std::string s = "Straße „Zitat“";
  CHECK(FoldCase(s).size() == s.size());
}

}  // namespace
}  // namespace negograph::ingest
