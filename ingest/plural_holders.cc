// Plural holders: the parties a sentence names together ("talks between X and
// Y", "U.S. President A and DPRK leader B", "American and Saudi officials"),
// remembered across sentences, so that "both sides", "the two leaders",
// "they" and "his counterparts" find them. In a speaker's own words "they"
// and "the counterparts" are the other members of the pair, never the speaker.
#include "ingest/sentence_analyzer.h"

#include <algorithm>

namespace negograph::ingest::detail {
namespace {

// How far back a group stays the referent of "both sides" or "they".
constexpr uint32_t kGroupSentences = 2;
// A speaker's "they" ("they wanted X, and we could not") names the other side
// of a pair named further back: the pair is the frame of the whole report.
constexpr uint32_t kCounterpartSentences = 6;
// Words between two parties of one group ("Poland's envoy Jan Nowak and ...").
constexpr uint32_t kGroupGap = 5;

bool Contains(const std::vector<int>& g, int a) { return std::find(g.begin(), g.end(), a) != g.end(); }

}  // namespace

void SentenceAnalyzer::NoteGroups() {
  std::vector<int> chain;
  uint32_t last_te = 0;
  auto flush = [&] {
    if (chain.size() >= 2) named_groups_.push_back(NamedGroup{last_te, chain});
    chain.clear();
  };
  for (uint32_t m = s_.mb; m < s_.me; ++m) {
    const Mention& mm = M(m);
    if (!IsActorish(m)) {
      if (mm.kind == EntryKind::kCue || mm.kind == EntryKind::kIssue) flush();
      continue;
    }
    if (mm.inner || InCond(mm.tb)) continue;
    const int actor = FromMention(m, 1).actor;
    if (actor < 0) continue;
    if (!chain.empty()) {
      // Only commas, "and", articles, titles and names between two members.
      bool gap_ok = mm.tb >= last_te && mm.tb <= last_te + kGroupGap;
      bool link = false;
      for (uint32_t t = last_te; gap_ok && t < mm.tb; ++t) {
        const uint32_t r = Roles(t);
        if (toks_[t].type == TokenType::kComma) {
          link = true;
        } else if (Word(t) && (r & kRoleCoordination)) {
          link = true;
        } else if (toks_[t].type == TokenType::kQuote || (Word(t) && TokenIs(t, "s"))) {
          // "Poland's envoy": the possessive stays inside the member.
        } else if (!Word(t) || mention_cover_[t - s_.tb] >= 0) {
          gap_ok = false;
        } else if (!(r & (kRoleDeterminer | kRoleSideNoun)) && !(r == 0 && !toks_[t].digit)) {
          gap_ok = false;
        }
      }
      if (!gap_ok || (!link && !Contains(chain, actor))) flush();
    }
    if (!Contains(chain, actor)) chain.push_back(actor);
    last_te = mm.te;
  }
  flush();
}

const std::vector<int>* SentenceAnalyzer::GroupEndingBy(uint32_t t) const {
  const std::vector<int>* last = nullptr;
  for (const NamedGroup& g : named_groups_) {
    if (g.end_tok <= t) last = &g.actors;
  }
  return last;
}

const std::vector<int>* SentenceAnalyzer::GroupBefore(uint32_t t, uint32_t sentences) const {
  if (const std::vector<int>* named = GroupEndingBy(t)) return named;
  if (group_.size() >= 2) return &group_;
  if (d_.last_group.size() >= 2 && index_ - d_.last_group_sentence <= sentences) return &d_.last_group;
  return nullptr;
}

// "beide Länder fordern", "both sides rejected", "the two leaders agreed":
// the parties named together last.
bool SentenceAnalyzer::BothHolders(CueInfo& c) const {
  const Segment& seg = segs_[c.seg];
  const uint32_t cue = M(c.mention).tb;
  uint32_t t = seg.tb;
  while (t < cue && (!Word(t) || TokenIs(t, "die") || TokenIs(t, "the"))) ++t;
  if (t >= cue) return false;
  const bool both = TokenIs(t, "beide") || TokenIs(t, "beiden") || TokenIs(t, "both");
  // "the two sides": only after the article ("two countries" alone is a count).
  const bool two = !German() && TokenIs(t, "two") && t > seg.tb && TokenIs(t - 1, "the");
  if (!both && !two) return false;
  // At most a common noun between ("beide Länder"), no party.
  for (uint32_t k = t + 1; k < cue; ++k) {
    if (k > t + 2 || mention_cover_[k - s_.tb] >= 0) return false;
  }
  if (two && (t + 1 >= cue || !Word(t + 1) || (Roles(t + 1) != 0 && !(Roles(t + 1) & kRoleSideNoun)))) return false;
  const std::vector<int>* group = group_.size() >= 2 ? &group_ : GroupBefore(t, kGroupSentences);
  if (group == nullptr) return false;
  c.who = Attribution{};
  c.who.actor = (*group)[0];
  c.who.span = TokSpan(t, t + 1);
  c.who.confidence = 0.7f;
  c.co_actors.assign(group->begin() + 1, group->end());
  return true;
}

bool SentenceAnalyzer::InsideQuote(uint32_t t) const {
  bool inside = false;
  for (uint32_t k = s_.tb; k < t; ++k) {
    if (toks_[k].type != TokenType::kQuote) continue;
    // An apostrophe inside a word ("couldn’t") or before a possessive "s" is no quotation mark.
    bool glued = k > s_.tb && k + 1 < s_.te && toks_[k - 1].end == toks_[k].start &&
                 toks_[k + 1].start == toks_[k].end && Word(k - 1) && Word(k + 1);
    if (!glued && !(k + 1 < s_.te && Word(k + 1) && TokenIs(k + 1, "s"))) inside = !inside;
  }
  return inside;
}

bool SentenceAnalyzer::PluralReferent(uint32_t t, bool counterpart, std::vector<int>& out) const {
  out.clear();
  const std::vector<int>* near = GroupEndingBy(t);
  // A group of the sentences before is "they" only when "they" opens the
  // sentence ("Iranian officials said that they ...", "Rich countries
  // acknowledged that they ...": the subject before).
  bool opens = true;
  for (uint32_t k = s_.tb; k < t && opens; ++k) {
    opens = !Word(k) || (Roles(k) != 0 && mention_cover_[k - s_.tb] < 0 && !(Roles(k) & kRoleSideNoun));
  }
  if (near == nullptr && opens && d_.last_group.size() >= 2 &&
      index_ - d_.last_group_sentence <= kGroupSentences && d_.last_group_at >= d_.subject_at) {
    near = &d_.last_group;
  }
  const std::vector<int>* far = near;
  if (far == nullptr && d_.last_group.size() >= 2 && index_ - d_.last_group_sentence <= kCounterpartSentences) {
    far = &d_.last_group;
  }
  // Whose counterparts: the one speaking or the subject ("Nowak said his
  // counterparts"); for "they", only a speaker's own words in quotes.
  int voice = -1;
  if (counterpart) {
    voice = frame_.ok() ? frame_.actor : first_subject_.ok() ? first_subject_.actor : d_.speaker_actor;
  } else if (InsideQuote(t)) {
    voice = frame_.ok() ? frame_.actor : d_.speaker_actor;
  }
  if (voice >= 0 && far != nullptr && Contains(*far, voice)) {
    for (int a : *far) {
      if (a != voice) out.push_back(a);
    }
    return true;
  }
  if (counterpart || near == nullptr) return false;
  out = *near;
  return true;
}

}  // namespace negograph::ingest::detail
