// Leaders by date. A title names the person who held it on the document's
// date: "the US president" in a 2019 report is Trump, in a 2023 report Biden;
// "der russische Präsident", "Russia's foreign minister", "US-Präsident",
// "the president of Ukraine", "der Präsident der Ukraine" likewise. The
// phrase becomes a speaker mention, so the position's party stays the country
// and its speaker is the person. A speaker name that several people own in
// periods apart ("President Bush") is resolved by the same date.
//
// Without a document date the newest holder is taken (the tenure that ends
// last, an open one first): an undated text is read as a current one.
//
// A title is not resolved when the text names the person itself ("US
// President Joe Biden", "Jan Nowak, the Polish foreign minister"), when a
// `title_former` word precedes it ("the former US president", "der
// ehemalige Außenminister"), or when nobody held the office on that date.
// Titles, offices and holders are data (offices.yaml, speakers' `offices:`).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/lexer.h"
#include "ingest/rule_pack.h"

namespace negograph::ingest {

class LeaderResolver {
 public:
  // `date`: the document's day (DocumentDay), 0 when it has none.
  LeaderResolver(const RulePack& pack, std::string_view text, uint8_t lang, uint32_t date,
                 LexedText& lexed)
      : pack_(pack), text_(text), lang_(lang), date_(date), lx_(lexed) {}

  // Rewrites the mentions in place; linear in the tokens (titles are at most
  // OfficeTable::max_title_words long). Call after AddIntroducedPeople().
  void Run();
  size_t titles() const { return titles_; }      // titles resolved to a person
  size_t redated() const { return redated_; }    // shared names given to another owner

 private:
  bool Word(uint32_t t) const;
  bool Free(uint32_t t) const;  // a word no mention covers
  std::string Folded(uint32_t t) const;
  // The office whose title is the longest run of free words from `first`
  // (with `head` as an already folded first word, e.g. a compound's tail);
  // sets `end` to the token after it. -1 when none.
  int TitleAt(uint32_t first, std::string_view head, uint32_t& end) const;
  // The office whose title ends right before token `end`; sets `begin`.
  int TitleEndingAt(uint32_t end, uint32_t floor, uint32_t& begin) const;
  // What keeps a title at [begin, end) from naming the holder.
  bool Blocked(uint32_t begin, uint32_t end) const;
  void Redate(Mention& m);
  // "the US president", "der russische Präsident", "US-Präsident", "Russia's president".
  bool TitleAfter(size_t i);
  // "the president of Ukraine", "der Präsident der Ukraine", "der Präsident Russlands".
  bool TitleBefore(size_t i);
  void Cover(size_t i);

  const RulePack& pack_;
  std::string_view text_;
  uint8_t lang_;
  uint32_t date_;
  LexedText& lx_;
  std::vector<int> cover_;
  size_t titles_ = 0, redated_ = 0;
};

}  // namespace negograph::ingest
