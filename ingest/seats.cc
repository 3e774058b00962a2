// Seat of government + noun -> party (see seats.h).
#include "ingest/seats.h"

#include <vector>

#include "ingest/text_util.h"

namespace negograph::ingest {

bool SeatComposer::Word(uint32_t t) const {
  return t < lx_.tokens.size() && lx_.tokens[t].type == TokenType::kWord;
}

bool SeatComposer::Is(const WordList& list, uint32_t t) const {
  return Word(t) && list.Has(FoldCase(TokenText(text_, lx_.tokens[t])), lang_);
}

bool SeatComposer::PartyBefore(uint32_t t, const std::vector<int>& cover) const {
  if (t == 0) return false;
  const auto& toks = lx_.tokens;
  uint32_t p = t - 1;
  // "Russia's government": the possessive's "s" and quote sit between.
  if (p >= 2 && Word(p) && TokenText(text_, toks[p]) == "s" && toks[p - 1].type == TokenType::kQuote) p -= 2;
  if (cover[p] < 0) return false;
  const Mention& m = lx_.mentions[static_cast<size_t>(cover[p])];
  return m.kind == EntryKind::kActor || m.kind == EntryKind::kSpeaker;
}

void SeatComposer::Run() {
  if (pack_.seat_forms.empty()) return;
  const auto& toks = lx_.tokens;
  const std::vector<int> cover = MentionCover(lx_);
  std::vector<Mention> out;
  out.reserve(lx_.mentions.size());
  for (const Mention& mention : lx_.mentions) {
    Mention m = mention;
    bool composed = false;
    if (m.kind == EntryKind::kActor && !m.adjective && !m.inner && !m.partial && !m.genitive &&
        m.tb >= 2) {
      auto it = pack_.seat_forms.find(FoldCase(text_.substr(m.start, m.end - m.start)));
      uint32_t prep = m.tb - 1;
      // "in the Kremlin": one article between.
      if (prep >= 2 && cover[prep] < 0 && (toks[prep].roles & kRoleDeterminer) && !Is(pack_.seat_prepositions, prep)) {
        --prep;
      }
      uint32_t noun = prep - 1;
      composed = it != pack_.seat_forms.end() && it->second == m.ref && cover[prep] < 0 &&
                 prep >= 1 && cover[noun] < 0 && !toks[prep].para && !toks[m.tb].para &&
                 Is(pack_.seat_prepositions, prep) && Is(pack_.seat_nouns, noun) && !PartyBefore(noun, cover);
      if (composed) {
        m.start = toks[noun].start;
        m.tb = noun;
        m.seat = false;
        ++composed_;
      }
    }
    if (m.seat && !composed) continue;  // a place
    out.push_back(m);
  }
  if (out.size() == lx_.mentions.size() && composed_ == 0) return;
  lx_.mentions.swap(out);
  AttachMentionsToSentences(lx_);
}

}  // namespace negograph::ingest
