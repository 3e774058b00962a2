// Offices that a title names ("the US president", "der russische
// Außenminister") and who held them when, plus the small word lists the
// composition passes read (ingest/leaders.h, ingest/seats.h). All of it is
// data from the rule packs (offices.yaml, markers_*.yaml, speakers'
// `offices:`); the loader fills it, and it is immutable afterwards.
//
// Choice by date (one rule everywhere): on a document date, the holder whose
// period contains the date and began last; without a date, the newest holder
// (the period that ends last, an open end counting as the latest).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/lexicon_check.h"

namespace negograph::ingest {

// Folded words with the languages they belong to; a word given with a
// trailing '*' matches as a prefix ("ehemalig*" -> "ehemaligen").
class WordList {
 public:
  void Add(std::string folded, uint8_t langs);
  bool Has(std::string_view folded, uint8_t lang) const;
  bool empty() const { return exact_.empty() && prefixes_.empty(); }

 private:
  std::unordered_map<std::string, uint8_t> exact_;
  std::vector<std::pair<std::string, uint8_t>> prefixes_;
};

struct OfficeRule {
  std::string id;  // "head_of_state", "foreign_minister"
  std::string label_en, label_de;
};

// One person's tenure in an office of a party.
struct OfficeTerm {
  uint32_t speaker = 0;  // SpeakerRule index
  std::vector<Period> periods;
};

// Index of the candidate chosen by date (see the file comment), or -1 when no
// candidate is active on `date`. `periods(i)` gives candidate i's periods.
template <typename PeriodsOf>
int ChooseByDate(size_t n, uint32_t date, PeriodsOf periods) {
  int best = -1;
  uint64_t best_key = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t key = 0;
    for (const Period& p : periods(i)) {
      uint64_t k = 0;
      if (date != 0) {
        if (!p.Contains(date)) continue;
        k = uint64_t{p.from} + 1;  // an open start still counts as active
      } else {
        k = (uint64_t{p.to ? p.to : 99999999u} << 32) | p.from;
      }
      if (k > key) key = k;
    }
    if (key > best_key) best_key = key, best = static_cast<int>(i);
  }
  return best;
}

class OfficeTable {
 public:
  std::vector<OfficeRule> offices;
  // Words before a title that make it someone else than the holder ("former").
  WordList former;
  // Links a title to its party after it ("the president of Russia", "der Präsident der Ukraine").
  WordList title_links;

  int Find(std::string_view id) const;
  // `folded`: the title's words, folded, joined by one space.
  void AddTitle(std::string folded, uint8_t langs, uint32_t office);
  void AddHolder(const std::string& party, uint32_t office, OfficeTerm term);

  // The office named by the title `folded` in `lang`, or -1.
  int Title(std::string_view folded, uint8_t lang) const;
  // Longest title in words (bounds the look-ahead).
  uint32_t max_title_words() const { return max_words_; }
  // Speaker index of who held `office` of `party` (actor id) on `date`
  // (YYYYMMDD; 0 = undated: the newest holder), or -1.
  int Holder(std::string_view party, uint32_t office, uint32_t date) const;
  size_t title_count() const { return titles_.size(); }
  size_t holder_count() const;

 private:
  struct TitleEntry {
    uint32_t office;
    uint8_t langs;
  };
  std::unordered_map<std::string, std::vector<TitleEntry>> titles_;
  std::unordered_map<std::string, std::vector<OfficeTerm>> holders_;  // "party/office index"
  uint32_t max_words_ = 0;
};

// "2022-01-10" -> 20220110; a month alone ("2022-01") -> its 15th, a year
// alone -> 1 July; 0 when empty or not such a date.
uint32_t DocumentDay(std::string_view iso);

}  // namespace negograph::ingest
