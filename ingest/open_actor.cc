// Open-vocabulary actors. Negotiations are not only between states: unions,
// employers, parties and companies hold positions too, and no lexicon names
// them all. A clear stance whose holder the lexicon does not know is kept
// (never dropped) when the holder is a named organisation:
//   an org noun with a proper name   "die Gewerkschaft Verdi", "the Labour party",
//                                    "der Arbeitgeberverband Gesamtmetall"
//   an acronym in subject position   "GDL", "IG Metall"
// A common noun ("the negotiators", "experts") or a bare person name is never
// made a party.
#include <string>

#include "ingest/sentence_analyzer.h"

namespace negograph::ingest::detail {
namespace {

constexpr size_t kMinCompoundHead = 5;  // "Lokführergewerkschaft" ends in "gewerkschaft"
constexpr size_t kMaxAcronym = 8;

}  // namespace

bool SentenceAnalyzer::OrgNoun(uint32_t t) const {
  if (!Word(t) || MentionAt(t) >= 0) return false;
  std::string w = Folded(t);
  if (pack_.org_nouns.count(w)) return true;
  if (!German()) return false;
  for (const std::string& head : pack_.org_nouns) {
    if (head.size() >= kMinCompoundHead && w.size() > head.size() &&
        w.compare(w.size() - head.size(), head.size(), head) == 0) {
      return true;
    }
  }
  return false;
}

bool SentenceAnalyzer::Acronym(uint32_t t) const {
  if (!Word(t) || MentionAt(t) >= 0 || mention_cover_[t - s_.tb] >= 0 || Roles(t) != 0) return false;
  std::string_view w = TokenText(text_, toks_[t]);
  if (w.size() < 2 || w.size() > kMaxAcronym) return false;
  int upper = 0;
  for (char ch : w) {
    // Digits make a code, not a name ("COP28", "9M729", "MC12").
    if (ch >= 'A' && ch <= 'Z') {
      ++upper;
    } else if (ch != '-') {
      return false;
    }
  }
  return upper >= 2;
}

// A capitalised word that may be (part of) a name: no function word, no lexicon mention.
bool SentenceAnalyzer::NameWord(uint32_t t) const {
  return Word(t) && toks_[t].upper && Roles(t) == 0 && mention_cover_[t - s_.tb] < 0 && !toks_[t].digit;
}

// "at the COP28 summit", "between the NCQG and": a preposition governs t.
bool SentenceAnalyzer::GovernedByPreposition(uint32_t t) const {
  uint32_t seg_begin = segs_[SegOf(t)].tb;
  for (uint32_t steps = 0; t > seg_begin && steps < kPrepLookBack; ++steps) {
    --t;
    uint32_t r = Roles(t);
    if (r & (kRolePreposition | kRoleAgent)) return true;
    // Articles, lower-case words and coordination stay under the preposition ("between the NCQG and the X").
    if ((r & (kRoleDeterminer | kRoleCoordination)) || (Word(t) && r == 0 && !toks_[t].upper)) continue;
    return false;
  }
  return false;
}

Span SentenceAnalyzer::OpenActor(uint32_t b, uint32_t e) const {
  for (uint32_t t = b; t < e; ++t) {
    if (InCond(t) || !Word(t)) continue;
    if (GovernedByPreposition(t)) continue;
    if (OrgNoun(t)) {
      uint32_t end = t + 1;
      while (end < e && end < t + 4 && (NameWord(end) || Acronym(end))) ++end;
      if (end > t + 1) return TokSpan(t, end);  // "Gewerkschaft Verdi", "union Unite"
      // "the Labour party": the name before the head (English).
      uint32_t start = t;
      while (start > b && start + 3 > t && NameWord(start - 1) && start - 1 > s_.tb) --start;
      if (!German() && start < t) return TokSpan(start, t + 1);
      continue;
    }
    if (Acronym(t)) {
      uint32_t end = t + 1;
      while (end < e && end < t + 3 && NameWord(end)) ++end;  // "IG Metall"
      return TokSpan(t, end);
    }
  }
  return {};
}

}  // namespace negograph::ingest::detail
