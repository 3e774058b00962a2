// Co-holder frames: phrases that add parties to what a sentence's holder
// puts forward, wherever they stand between subject and verb:
//   "X, supported by Y and Z, proposed ..."   -> Y, Z accept the same issues
//   "X, opposed by Y, proposed ..."           -> Y rejects them
//   "South Africa, on behalf of the G77, ..." -> the bloc holds the position
// The actors named in such a phrase are consumed, so they are never taken
// for the clause subject.
#include "ingest/sentence_analyzer.h"

namespace negograph::ingest::detail {
namespace {
// Tokens between the phrase's first word and its first actor ("supported by
// the", "im Namen der").
constexpr uint32_t kPhraseReach = 5;
}  // namespace

void SentenceAnalyzer::FindCoHolders() {
  for (uint32_t t = s_.tb; t < s_.te; ++t) {
    uint32_t r = Roles(t) & (kRoleBehalf | kRoleSupportBy | kRoleOpposeBy);
    if (r == 0 || InCond(t)) continue;
    if (t > s_.tb && (Roles(t - 1) & r)) continue;  // the phrase's second word carries its role too
    uint32_t k = t + 1;
    while (k < s_.te && k < t + kPhraseReach && Word(k) && MentionAt(k) < 0) ++k;
    int m = k < s_.te ? MentionAt(k) : -1;
    if (m < 0 || !IsActorish(static_cast<uint32_t>(m)) || M(static_cast<uint32_t>(m)).adjective) continue;
    uint32_t end_tok = M(static_cast<uint32_t>(m)).te;
    std::vector<int> actors = {FromMention(static_cast<uint32_t>(m), 1).actor};
    consumed_.insert(static_cast<uint32_t>(m));
    // Coordination: "supported by Uruguay and Ghana", "by the EU, Norway and Japan".
    for (uint32_t n = end_tok; n < s_.te;) {
      uint32_t j = n;
      bool link = false, conj = false;
      while (j < s_.te && (toks_[j].type == TokenType::kComma ||
                           (Roles(j) & (kRoleCoordination | kRoleDeterminer)))) {
        link = true;
        conj = conj || (Roles(j) & kRoleCoordination);
        ++j;
      }
      int next = j < s_.te ? MentionAt(j) : -1;
      if (!link || next < 0 || !IsActorish(static_cast<uint32_t>(next)) || M(static_cast<uint32_t>(next)).adjective) {
        break;
      }
      // "On behalf of the G77, South Africa demanded": after a bare comma, a
      // party followed by its verb is the clause's subject, not the list's next item.
      uint32_t after = M(static_cast<uint32_t>(next)).te;
      int verb = after < s_.te ? MentionAt(after) : -1;
      if (!conj && verb >= 0 && M(static_cast<uint32_t>(verb)).kind == EntryKind::kCue) break;
      actors.push_back(FromMention(static_cast<uint32_t>(next), 1).actor);
      consumed_.insert(static_cast<uint32_t>(next));
      n = M(static_cast<uint32_t>(next)).te;
    }
    for (int a : actors) {
      if (a < 0) continue;
      if (r & kRoleBehalf) {
        if (behalf_actor_ < 0) {
          behalf_actor_ = a;
          behalf_tok_ = t;
        }
      } else {
        co_holders_.push_back(CoHolder{a, (r & kRoleSupportBy) ? Stance::kAccept : Stance::kReject, t});
      }
    }
  }
}

void SentenceAnalyzer::PushCoHolders(const Draft& d, const CueInfo& c) {
  const Mention& cue = M(c.mention);
  for (const CoHolder& co : co_holders_) {
    if (co.actor == d.actor) continue;
    // The phrase qualifies the holder before the verb, stands in the verb's
    // clause, or is inserted before the verb's particle ("schlug, unterstützt von X, ... vor").
    bool inside = co.tok < cue.tb || SegOf(co.tok) == c.seg || (c.particle != 0 && co.tok < c.particle);
    if (!inside) continue;
    Draft extra = d;
    extra.actor = co.actor;
    extra.open_actor.clear();
    extra.speaker = -1;
    extra.target = -1;
    extra.actor_span = TokSpan(co.tok, co.tok + 1);
    bool puts_forward = d.stance == Stance::kOffer || d.stance == Stance::kDemand;
    if (co.stance == Stance::kAccept) {
      extra.stance = puts_forward ? Stance::kAccept : d.stance;
      extra.rule = d.rule + "+supported_by";
    } else {
      if (d.stance == Stance::kReject) continue;  // opposing a rejection: no clear reading
      extra.stance = Stance::kReject;
      extra.rule = d.rule + "+opposed_by";
    }
    extra.confidence = d.confidence * 0.8f;
    Push(extra);
  }
}

}  // namespace negograph::ingest::detail
