// Titles and shared names resolved by the document date (see leaders.h).
#include "ingest/leaders.h"

#include <string>

#include "ingest/text_util.h"

namespace negograph::ingest {

bool LeaderResolver::Word(uint32_t t) const {
  return t < lx_.tokens.size() && lx_.tokens[t].type == TokenType::kWord;
}

bool LeaderResolver::Free(uint32_t t) const { return Word(t) && cover_[t] < 0; }

std::string LeaderResolver::Folded(uint32_t t) const {
  return FoldCase(TokenText(text_, lx_.tokens[t]));
}

int LeaderResolver::TitleAt(uint32_t first, std::string_view head, uint32_t& end) const {
  const OfficeTable& table = pack_.offices;
  std::string phrase(head);
  uint32_t words = head.empty() ? 0 : 1;
  int best = head.empty() ? -1 : table.Title(phrase, lang_);
  if (best >= 0) end = first;
  for (uint32_t t = first; words < table.max_title_words() && Free(t) && !lx_.tokens[t].para; ++t, ++words) {
    if (!phrase.empty()) phrase += ' ';
    phrase += Folded(t);
    if (int office = table.Title(phrase, lang_); office >= 0) best = office, end = t + 1;
  }
  return best;
}

int LeaderResolver::TitleEndingAt(uint32_t end, uint32_t floor, uint32_t& begin) const {
  const OfficeTable& table = pack_.offices;
  int best = -1;
  std::string phrase;
  for (uint32_t len = 1; len <= table.max_title_words() && end >= floor + len; ++len) {
    uint32_t t = end - len;
    if (!Free(t) || (len > 1 && lx_.tokens[t + 1].para)) break;
    phrase = phrase.empty() ? Folded(t) : Folded(t) + " " + phrase;
    if (int office = table.Title(phrase, lang_); office >= 0) best = office, begin = t;
  }
  return best;
}

bool LeaderResolver::Blocked(uint32_t begin, uint32_t end) const {
  const auto& toks = lx_.tokens;
  auto name_like = [&](uint32_t t) {
    if (!Word(t)) return false;
    if (cover_[t] >= 0) return lx_.mentions[static_cast<size_t>(cover_[t])].kind == EntryKind::kSpeaker;
    return toks[t].upper && !toks[t].digit && toks[t].roles == 0;
  };
  // The text names the person: "US President Joe Biden".
  if (end < toks.size() && !toks[end].para && name_like(end)) return true;
  // "the former US president", "der ehemalige russische Außenminister".
  uint32_t t = begin;
  for (int steps = 0; steps < 2 && t > 0 && Free(t - 1); ++steps) {
    --t;
    if (pack_.offices.former.Has(Folded(t), lang_)) return true;
  }
  // An apposition to a name: "Jan Nowak, the Polish foreign minister".
  t = begin;
  if (t > 0 && Free(t - 1) && (toks[t - 1].roles & kRoleDeterminer)) --t;
  return t >= 2 && toks[t - 1].type == TokenType::kComma && name_like(t - 2);
}

void LeaderResolver::Redate(Mention& m) {
  if (pack_.shared_speaker_forms.empty()) return;
  auto it = pack_.shared_speaker_forms.find(FoldCase(text_.substr(m.start, m.end - m.start)));
  if (it == pack_.shared_speaker_forms.end()) return;
  const auto& owners = it->second;
  int k = ChooseByDate(owners.size(), date_, [&](size_t i) -> const std::vector<Period>& {
    return pack_.speakers[owners[i]].periods;
  });
  if (k >= 0 && owners[static_cast<size_t>(k)] != m.ref) {
    m.ref = owners[static_cast<size_t>(k)];
    ++redated_;
  }
}

bool LeaderResolver::TitleAfter(size_t i) {
  Mention& m = lx_.mentions[i];
  const auto& toks = lx_.tokens;
  uint32_t first = m.te, end = 0;
  std::string head;
  if (m.partial && m.end > m.start && text_[m.end - 1] == '-') {
    // "US-Präsident": the title is the rest of the compound ("russische" is
    // partial too: its inflection ends the word, not a compound).
    head = FoldCase(text_.substr(m.end, toks[m.te - 1].end - m.end));
    if (head.empty()) return false;
  } else if (first + 1 < toks.size() && toks[first].type == TokenType::kQuote &&
             TokenText(text_, toks[first + 1]) == "s") {
    first += 2;  // "Russia's president"
  }
  int office = TitleAt(first, head, end);
  if (office < 0 || Blocked(m.tb, end)) return false;
  int holder = pack_.offices.Holder(pack_.actors[m.ref].actor.id, static_cast<uint32_t>(office), date_);
  if (holder < 0) return false;
  m.kind = EntryKind::kSpeaker;
  m.ref = static_cast<uint32_t>(holder);
  m.adjective = m.genitive = m.partial = false;
  m.end = toks[end - 1].end;
  m.te = end;
  Cover(i);
  return true;
}

bool LeaderResolver::TitleBefore(size_t i) {
  Mention& m = lx_.mentions[i];
  if (m.adjective || m.partial || m.tb == 0) return false;
  const auto& toks = lx_.tokens;
  uint32_t title_end = m.tb;
  if (!m.genitive) {
    // "of Ukraine", "der Ukraine", "of the United States".
    uint32_t k = m.tb;
    if (k >= 2 && Free(k - 1) && (toks[k - 1].roles & kRoleDeterminer) &&
        !pack_.offices.title_links.Has(Folded(k - 1), lang_)) {
      --k;
    }
    if (k == 0 || !Free(k - 1) || !pack_.offices.title_links.Has(Folded(k - 1), lang_)) return false;
    title_end = k - 1;
  }
  uint32_t floor = i > 0 ? lx_.mentions[i - 1].te : 0, begin = 0;
  int office = TitleEndingAt(title_end, floor, begin);
  if (office < 0 || Blocked(begin, m.te)) return false;
  int holder = pack_.offices.Holder(pack_.actors[m.ref].actor.id, static_cast<uint32_t>(office), date_);
  if (holder < 0) return false;
  // "Der Präsident der Ukraine": the article joins the phrase, so that it is
  // not read as a pronoun of its own ("der Präsident" is one in German).
  if (begin > floor && Free(begin - 1) && (toks[begin - 1].roles & (kRoleDeterminer | kRolePronoun))) --begin;
  m.kind = EntryKind::kSpeaker;
  m.ref = static_cast<uint32_t>(holder);
  m.genitive = false;
  m.start = toks[begin].start;
  m.tb = begin;
  Cover(i);
  return true;
}

void LeaderResolver::Cover(size_t i) {
  const Mention& m = lx_.mentions[i];
  for (uint32_t t = m.tb; t < m.te; ++t) cover_[t] = static_cast<int>(i);
  ++titles_;
}

void LeaderResolver::Run() {
  const bool titles = pack_.offices.holder_count() > 0;
  if (!titles && pack_.shared_speaker_forms.empty()) return;
  cover_ = MentionCover(lx_);
  for (size_t i = 0; i < lx_.mentions.size(); ++i) {
    Mention& m = lx_.mentions[i];
    if (m.kind == EntryKind::kSpeaker) {
      Redate(m);
    } else if (m.kind == EntryKind::kActor && !m.inner && titles) {
      if (!TitleAfter(i)) TitleBefore(i);
    }
  }
  if (titles_ > 0) AttachMentionsToSentences(lx_);
}

}  // namespace negograph::ingest
