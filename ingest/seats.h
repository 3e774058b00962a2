// "die Regierung in Kiew", "the government in Beijing", "officials in
// Tehran": a seat noun, a seat preposition and a seat of government name that
// country's party. Anywhere else the seat is a place: "Gespräche in Genf" or
// "a delegation arrived in Bern" name no party.
//
// Data only: seats are actors' `seats:` (a seat that is also a term of the
// party, such as "Kiew", stays a party on its own: "Kiew lehnte ab"); seat
// nouns and prepositions are the markers' `seat_nouns` and
// `seat_prepositions`. A party named before the noun ("die russische Regierung
// in Moskau", "US officials in Kabul") keeps the phrase to itself.
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/lexer.h"
#include "ingest/rule_pack.h"

namespace negograph::ingest {

class SeatComposer {
 public:
  SeatComposer(const RulePack& pack, std::string_view text, uint8_t lang, LexedText& lexed)
      : pack_(pack), text_(text), lang_(lang), lx_(lexed) {}

  // Turns each composed seat into an actor mention that starts at the noun
  // and drops the seat-only mentions that were not composed; re-attaches
  // mention ranges to sentences. Linear in the mentions. Call after Resolve().
  void Run();
  // How many phrases Run() composed.
  size_t composed() const { return composed_; }

 private:
  bool Word(uint32_t t) const;
  bool Is(const WordList& list, uint32_t t) const;
  // The mention of a party ends right before token t ("russische", "US", "Russia's").
  bool PartyBefore(uint32_t t, const std::vector<int>& cover) const;

  const RulePack& pack_;
  std::string_view text_;
  uint8_t lang_;
  LexedText& lx_;
  size_t composed_ = 0;
};

}  // namespace negograph::ingest
