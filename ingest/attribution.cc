// Attribution stage: who holds each cue (passive agent, actor-after phrases,
// the speaker of the frame, a modal's speaker); subjects are in subjects.cc.
#include "ingest/sentence_analyzer.h"

#include <algorithm>

namespace negograph::ingest::detail {

bool SentenceAnalyzer::Passive(const CueInfo& c) const {
  const Segment& seg = segs_[c.seg];
  const Mention& cue = M(c.mention);
  // A noun cue is never passive ("The proposal was rejected by X").
  if (Rule(c).kind == CueKind::kNoun) return false;
  // "has been demanding": progressive, not passive.
  std::string_view head = TokenText(text_, toks_[cue.tb]);
  if (!German() && head.size() > 4 && head.substr(head.size() - 3) == "ing") return false;
  if (ReducedRelative(c)) return true;
  uint32_t b = cue.tb >= seg.tb + 2 ? cue.tb - 2 : seg.tb;
  for (uint32_t t = b; t < seg.te && t < c.end_tok + 2; ++t) {
    if (t >= cue.tb && t < cue.te) continue;
    if (Roles(t) & kRolePassive) return true;
  }
  return false;
}

int SentenceAnalyzer::AgentAfter(uint32_t b, uint32_t e) const {
  for (uint32_t t = b; t < e && t < s_.te; ++t) {
    if (!Word(t) || !(Roles(t) & kRoleAgent)) continue;
    uint32_t k = t + 1;
    while (k < s_.te && k < t + 3 && Word(k) && (Roles(k) & kRoleDeterminer) && MentionAt(k) < 0) ++k;
    int m = k < s_.te ? MentionAt(k) : -1;
    if (m >= 0 && IsActorish(static_cast<uint32_t>(m)) && !M(static_cast<uint32_t>(m)).adjective) return m;
  }
  return -1;
}

// "a proposal floated by India", "the tariffs proposed by Poland": a
// participle right after a noun, with its agent, is a passive clause.
bool SentenceAnalyzer::ReducedRelative(const CueInfo& c) const {
  const Mention& cue = M(c.mention);
  if (German() || Rule(c).kind != CueKind::kVerb || cue.te != cue.tb + 1 || cue.tb == s_.tb) return false;
  std::string_view head = TokenText(text_, toks_[cue.tb]);
  if (head.size() < 4 || head.substr(head.size() - 2) != "ed") return false;
  if (cue.te >= s_.te || !TokenIs(cue.te, "by") || AgentAfter(cue.te, cue.te + 1) < 0) return false;
  const uint32_t p = cue.tb - 1;
  if (!Word(p) || (Roles(p) & (kRolePronoun | kRolePronounWe | kRoleAuxiliary | kRoleNegation | kRoleNegAdverb))) {
    return false;
  }
  const int before = mention_cover_[p - s_.tb];
  return before < 0 || !IsActorish(static_cast<uint32_t>(before));
}

uint32_t SentenceAnalyzer::PassiveSubjectStart(const CueInfo& c) const {
  const Segment& seg = segs_[c.seg];
  uint32_t b = M(c.mention).tb;
  if (ReducedRelative(c)) {
    // The noun phrase the participle follows, back to its article.
    while (b > seg.tb && b + 6 > M(c.mention).tb && Word(b - 1)) {
      const int cover = mention_cover_[b - 1 - s_.tb];
      if (cover >= 0 && IsActorish(static_cast<uint32_t>(cover))) break;
      if (Roles(b - 1) & (kRolePreposition | kRoleAuxiliary | kRoleSpeech | kRoleComplement | kRolePronoun)) break;
      --b;
      if (Roles(b) & kRoleDeterminer) break;
    }
    return b;
  }
  b = seg.tb;
  while (b < M(c.mention).tb && (!Word(b) || (Roles(b) & kRoleComplement))) ++b;
  return b;
}

void SentenceAnalyzer::Attribute(CueInfo& c) {
  AttributeHolder(c);
  if (!BothHolders(c) && c.who.ok() && !c.co_actors.empty()) {
    group_ = {c.who.actor};
    group_.insert(group_.end(), c.co_actors.begin(), c.co_actors.end());
  }
  const CueKind kind = Rule(c).kind;
  if (!c.who.ok() && (kind == CueKind::kVerb || kind == CueKind::kCommitment)) {
    const Segment& seg = segs_[c.seg];
    const Mention& cue = M(c.mention);
    c.open_actor = OpenActor(seg.tb, cue.tb);
    // German inversion: "lehnte die Gewerkschaft Verdi ab".
    if (c.open_actor.empty() && German()) c.open_actor = OpenActor(cue.te, std::min(seg.te, cue.te + 4));
  }
  // "South Africa, speaking on behalf of the G77, demanded ...": the bloc holds it.
  if (behalf_actor_ >= 0 && c.who.ok() && behalf_tok_ < M(c.mention).tb) c.who.actor = behalf_actor_;
}

void SentenceAnalyzer::AttributeHolder(CueInfo& c) {
  const CueRule& rule = Rule(c);
  const Mention& cue = M(c.mention);
  const Segment& seg = segs_[c.seg];
  if (rule.kind == CueKind::kList) {
    if (d_.has_last && d_.last_sentence + 1 == index_) {
      c.who.actor = d_.last_actor;
      c.who.speaker = d_.last_speaker;
      c.who.confidence = 0.7f;
    }
    return;
  }
  if (rule.kind == CueKind::kNoun && c.holder >= 0) {
    c.who = FromMention(static_cast<uint32_t>(c.holder), 0.85f);
    c.who.explicit_subject = false;
    // "the offer from Poland and Peru": every party of the holder phrase.
    if (M(static_cast<uint32_t>(c.holder)).tb >= cue.te) {
      uint32_t end_tok = 0;
      CollectCoordinated(static_cast<uint32_t>(c.holder), seg.te, end_tok);
      c.co_actors = co_subjects_;
      if (end_tok > c.ob1 && end_tok <= c.oe1) c.ob1 = end_tok;
    }
    return;
  }
  if (rule.kind == CueKind::kNoun && c.embedded) return;  // anonymous embedded noun
  subject_mention_ = -1;
  subject_blocked_ = false;
  if (RelativeHolder(c)) return;
  if (rule.kind == CueKind::kModal) {
    Attribution subj;
    uint32_t end_tok = 0;
    bool found_subject = FindSubject(seg.tb, cue.tb, subj, end_tok);
    if (found_subject && subject_mention_ >= 0) {
      c.target = subj.actor;
    }
    // "Sometimes you have to walk": a generic "you" obliges nobody.
    for (uint32_t t = cue.tb >= seg.tb + 2 ? cue.tb - 2 : seg.tb; !German() && t < cue.tb; ++t) {
      if (Word(t) && TokenIs(t, "you")) return;
    }
    // "We do not need to X", "wir müssen Y": the speaker's own obligation.
    bool we = false;
    for (uint32_t t = seg.tb; t < cue.tb; ++t) we = we || (Word(t) && (Roles(t) & kRolePronounWe) && MentionAt(t) < 0);
    // ("we need not X" is no demand of anything: left to the negation rules.)
    if (found_subject && subject_mention_ < 0 && we && subj.ok() && !Negated(c)) {
      c.who = subj;
    } else if (subject_blocked_) {
      return;
    } else if (frame_.ok()) {
      c.who = frame_;
    } else if (Konjunktiv() && d_.speaker_actor >= 0) {
      c.who.actor = d_.speaker_actor;
      c.who.speaker = d_.speaker;
      c.who.confidence = 0.6f;
    }
    if (c.who.actor == c.target) c.who = Attribution{};
    return;
  }
  if (rule.kind == CueKind::kCommitment) {
    uint32_t end_tok = 0;
    bool ok = FindSubject(seg.tb, cue.tb, c.who, end_tok) ||
              FindSubject(cue.te, std::min(seg.te, cue.te + 3), c.who, end_tok);  // "Nor would the US ..."
    // In a reported clause ("dass die Ukraine niemals aufgenommen würden") a
    // named third party's future is content, not its commitment.
    if (ok && seg.type == SegType::kComplement && subject_mention_ >= 0 &&
        !(frame_.ok() && frame_.actor == c.who.actor)) {
      ok = false;
    }
    if (!ok) c.who = Attribution{};
    return;
  }
  uint32_t subj_end = 0;
  bool found = false;
  if (!rule.actor_preps.empty()) {
    for (uint32_t t = seg.tb; t + 1 < seg.te && !found; ++t) {
      if (!Word(t)) continue;
      std::string w = Folded(t);
      if (std::find(rule.actor_preps.begin(), rule.actor_preps.end(), w) == rule.actor_preps.end()) {
        continue;
      }
      for (uint32_t k = t + 1; k < seg.te && k < t + 4; ++k) {
        int m = MentionAt(k);
        if (m >= 0 && IsActorish(static_cast<uint32_t>(m))) {
          c.who = FromMention(static_cast<uint32_t>(m), 0.85f);
          found = true;
          break;
        }
      }
    }
  }
  bool passive = Passive(c);
  if (!found && passive) {
    // Agent: "von X", "by X", "by the EU and Chile".
    const int agent = AgentAfter(cue.te, seg.te);
    if (agent >= 0) {
      c.who = FromMention(static_cast<uint32_t>(agent), 0.85f);
      found = true;
      uint32_t end_tok = 0;
      CollectCoordinated(static_cast<uint32_t>(agent), seg.te, end_tok);
      c.co_actors = co_subjects_;
    }
    if (rule.target) {
      for (uint32_t t = seg.tb; t < cue.tb; ++t) {
        int m = MentionAt(t);
        if (m >= 0 && IsActorish(static_cast<uint32_t>(m)) && !consumed_.count(static_cast<uint32_t>(m))) {
          c.target = FromMention(static_cast<uint32_t>(m), 1).actor;
          consumed_.insert(static_cast<uint32_t>(m));
          break;
        }
      }
    }
  }
  if (!found && !passive) {
    found = FindSubject(seg.tb, cue.tb, c.who, subj_end);
    // "Chile's red lines are ...": the possessor of a cue phrase holds it.
    for (uint32_t m = s_.mb; !found && m < s_.me && M(m).te + 2 <= cue.tb; ++m) {
      if (M(m).te + 2 == cue.tb && IsActorish(m) && Possessive(m) && M(m).tb >= seg.tb) {
        c.who = FromMention(m, 0.8f);
        found = true;
      }
    }
    // ("– urged Chile to ...": after a cue that takes an addressee, the party is the addressee.)
    if (!found && (German() || (c.seg > 0 && FirstWordOfSeg(seg, cue.tb) && !rule.target))) {
      // Inversion: "wies sie zurück", "forderte Russland", "..., warned Stoltenberg".
      uint32_t limit = std::min(seg.te, cue.te + 3);
      found = FindSubject(cue.te, limit, c.who, subj_end);
      if (found && subj_end > c.ob1 && subj_end <= c.oe1) c.ob1 = subj_end;
    }
    if (found && subject_mention_ >= 0) {
      consumed_.insert(static_cast<uint32_t>(subject_mention_));
      c.co_actors = co_subjects_;
      // The subject opening the clause is no part of the object before the verb
      // ("Die Länder Indien und Südafrika sperren sich"); a fronted object
      // ("Von der Forderung ... werde Russland nicht abrücken") stays.
      // Only a real object range is looked at: an empty one starts at token 0
      // of the document, and scanning from there made each cue cost O(document).
      if (subj_end <= cue.tb && c.ob2 < subj_end && subj_end <= c.oe2) {
        bool fronted = false;
        for (uint32_t t = c.ob2; t < M(static_cast<uint32_t>(subject_mention_)).tb; ++t) {
          fronted = fronted || (Roles(t) & kRolePreposition);
        }
        if (!fronted) c.ob2 = subj_end;
      }
    } else if (found) {
      c.co_actors = co_subjects_;  // "they" for a group
    }
    if (!found && subject_blocked_) return;
    if (!found) found = ExampleHolders(seg.tb, std::min(s_.te, c.end_tok + kObjectWindow), c.who, c.co_actors);
    // "developed economies, including the US and the EU, have advocated": the
    // examples inserted between the common-noun subject and its verb.
    if (!found && c.seg >= 2 && OnlyFunctionWordsBefore(seg, cue.tb)) {
      const Segment& examples = segs_[c.seg - 1];
      if (examples.te + 1 == seg.tb && segs_[c.seg - 2].te + 1 == examples.tb &&
          ExampleHolders(examples.tb >= 1 ? examples.tb - 1 : examples.tb, examples.te, c.who, c.co_actors)) {
        found = true;
      }
    }
  }
  if (!found && passive && rule.stance == Stance::kAssure && c.seg + 1 < segs_.size() &&
      segs_[c.seg + 1].type == SegType::kComplement) {
    // "Der US-Seite sei versichert worden, dass Russland ...": the assurer
    // is the subject of the assurance.
    const Segment& next = segs_[c.seg + 1];
    for (uint32_t t = next.tb; t < next.te && t < next.tb + 4 && !found; ++t) {
      int m = MentionAt(t);
      if (m >= 0 && SubjectLike(static_cast<uint32_t>(m))) {
        c.who = FromMention(static_cast<uint32_t>(m), 0.75f);
        c.who.explicit_subject = false;
        found = true;
      }
    }
  }
  if (!found && first_subject_.ok() && first_subject_tok_ < cue.tb) {
    c.who = first_subject_;
    c.who.confidence = 0.75f;
    c.who.explicit_subject = false;
    found = true;
  }
  // "Die Generaldirektorin der WTO, Ngozi Okonjo-Iweala, hat ... aufgerufen": a
  // clause that opens with its auxiliary continues the sentence's subject.
  uint32_t first_word = seg.tb;
  while (first_word < cue.tb && !Word(first_word)) ++first_word;
  bool aux_first = first_word < cue.tb && (Roles(first_word) & kRoleAuxiliary) && MentionAt(first_word) < 0;
  if (!found && c.seg > 0 && (OnlyFunctionWordsBefore(seg, cue.tb) || aux_first) && opening_subject_ >= 0 &&
      M(static_cast<uint32_t>(opening_subject_)).te <= cue.tb &&
      !consumed_.count(static_cast<uint32_t>(opening_subject_))) {
    // "Der Minister X, der ..., schlug vor": the sentence's subject.
    c.who = FromMention(static_cast<uint32_t>(opening_subject_), 0.75f);
    found = true;
  }
  if (!found && frame_.ok()) {
    c.who = frame_;
    c.who.confidence = 0.8f;
    found = true;
  }
  if (!found && (Konjunktiv() || rule.kind == CueKind::kCommitment) && d_.speaker_actor >= 0) {
    c.who.actor = d_.speaker_actor;
    c.who.speaker = d_.speaker;
    c.who.confidence = 0.6f;
    found = true;
  }
  if (found && c.who.explicit_subject && !first_subject_.ok()) {
    first_subject_ = c.who;
    first_subject_tok_ = cue.tb;
  }
  // Addressee: "drohte Russland mit", "warned Moscow of".
  if (rule.target && c.target < 0) {
    for (uint32_t t = c.end_tok; t < seg.te && t < c.end_tok + 4; ++t) {
      int m = MentionAt(t);
      if (m >= 0 && SubjectLike(static_cast<uint32_t>(m))) {
        c.target = FromMention(static_cast<uint32_t>(m), 1).actor;
        consumed_.insert(static_cast<uint32_t>(m));
        break;
      }
    }
  }
}

bool SentenceAnalyzer::RelativeHolder(CueInfo& c) {
  const Segment& seg = segs_[c.seg];
  const uint32_t cue_tb = M(c.mention).tb;
  if (German() || c.seg == 0 || !Word(seg.tb) || !TokenIs(seg.tb, "which") || cue_tb <= seg.tb) return false;
  Attribution subj;
  uint32_t end_tok = 0;
  if (FindSubject(seg.tb + 1, cue_tb, subj, end_tok)) return false;  // "the plan, which NATO proposed"
  // "Russia, which has rejected the plan": the antecedent holds the cue; "the
  // pause, which will allow aid in": a thing holds no position.
  uint32_t t = seg.tb;
  while (t > s_.tb && !Word(t - 1)) --t;
  int m = t > s_.tb ? mention_cover_[t - 1 - s_.tb] : -1;
  c.who = Attribution{};
  // Only an antecedent that is a clause of its own ("Russia, which ...").
  if (m >= 0 && SubjectLike(static_cast<uint32_t>(m)) && !M(static_cast<uint32_t>(m)).adjective &&
      OnlyFunctionWordsBefore(segs_[SegOf(M(static_cast<uint32_t>(m)).tb)], M(static_cast<uint32_t>(m)).tb)) {
    c.who = FromMention(static_cast<uint32_t>(m), 0.8f);
  }
  return true;
}

bool SentenceAnalyzer::Konjunktiv() const {
  if (konjunktiv_ < 0) {
    konjunktiv_ = toks_[s_.tb].type == TokenType::kQuote ? 1 : 0;
    for (uint32_t t = s_.tb; t < s_.te && konjunktiv_ == 0; ++t) {
      if (Roles(t) & kRoleKonjunktiv) konjunktiv_ = 1;
    }
    for (const CueInfo& c : cues_) {
      if (German() && Rule(c).kind == CueKind::kModal) konjunktiv_ = 1;  // dürfe, müsse, sollten
    }
  }
  return konjunktiv_ == 1;
}

void SentenceAnalyzer::MarkGovernedByModal() {
  for (const CueInfo& modal : cues_) {
    if (Rule(modal).kind != CueKind::kModal || !modal.who.ok()) continue;
    const uint32_t after = M(modal.mention).te;
    for (CueInfo& o : cues_) {
      const CueKind kind = Rule(o).kind;
      if (&o == &modal || kind == CueKind::kModal || kind == CueKind::kNoun || o.seg != modal.seg) continue;
      uint32_t tb = M(o.mention).tb;
      if (tb >= after && tb <= after + 1) o.governed = true;
    }
  }
}

}  // namespace negograph::ingest::detail
