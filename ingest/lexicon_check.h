// Checks that keep a large generated lexicon honest: who owns a surface form
// when two parties claim it, and the office periods of speakers.
//
// Priority rule for a surface form claimed by two different actors or
// speakers (docs/rules.md, "Lexicons"): curated files load before generated
// ones, and the FIRST claim wins (curated before generated; then file order,
// then entry order). The later claim is dropped and reported in
// RulePack::conflicts as "file:line: 'form' of 'loser' is already 'winner'
// (file:line); kept 'winner'". Two speakers whose periods do not overlap may
// share a name (the extractor chooses by the document date).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace negograph::ingest {

// A closed or open date range, dates as YYYYMMDD (0 = open).
struct Period {
  uint32_t from = 0;
  uint32_t to = 0;
  bool Contains(uint32_t date) const { return (!from || date >= from) && (!to || date <= to); }
  bool Overlaps(const Period& o) const {
    return (!to || !o.from || o.from <= to) && (!o.to || !from || from <= o.to);
  }
};

// Parses "2021-2023", "2017-2021 2025-", "20011222-20141231", "-1999":
// space-separated ranges of YYYY or YYYYMMDD. nullopt when malformed.
std::optional<std::vector<Period>> ParsePeriods(std::string_view text);

// Owner of a surface form: an actor or a speaker, where it was declared.
struct Claim {
  bool speaker = false;
  uint32_t ref = 0;
  std::string id;     // actor or speaker id, for messages
  std::string where;  // file:line
  std::vector<Period> periods;  // speakers only
};

class SurfaceRegistry {
 public:
  // Records `c` as owner of `form` (folded, with its '*' flags). Returns
  // false, and appends a message to `conflicts`, when another owner claimed
  // it first.
  bool Claim(const std::string& form, const struct Claim& c, std::vector<std::string>& conflicts);
  // Forms owned by more than one speaker (periods apart), with the owners'
  // refs in claim order.
  std::unordered_map<std::string, std::vector<uint32_t>> SharedSpeakerForms() const;

 private:
  std::unordered_map<std::string, std::vector<struct Claim>> owners_;
};

}  // namespace negograph::ingest
