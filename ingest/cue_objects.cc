// Cue stage: which cue mentions count, the holder of a noun cue ("Moskaus
// Forderungen", "Russia's demand") and the token ranges of each cue's object.
#include "ingest/sentence_analyzer.h"

#include <algorithm>

namespace negograph::ingest::detail {

void SentenceAnalyzer::CollectCues() {
  ParentheticalFrames();
  for (uint32_t m = s_.mb; m < s_.me; ++m) {
    if (M(m).kind != EntryKind::kCue) continue;
    const CueRule& rule = pack_.cues[M(m).ref];
    if (frame_cues_.count(m)) continue;
    CueInfo c;
    c.mention = m;
    c.seg = SegOf(M(m).tb);
    c.end_tok = M(m).te;
    if (InCond(M(m).tb) && rule.kind != CueKind::kCommitment) continue;  // hypothetical
    // German nouns are capitalised: "Antworten" is not "antworten".
    if (German() && rule.kind != CueKind::kNoun && toks_[M(m).tb].upper && !M(m).inner &&
        M(m).tb > s_.tb && toks_[M(m).tb - 1].type == TokenType::kWord) {
      continue;
    }
    // "the issue of guarantees", "the proposed cap": after an article, a
    // possessive or "of" an English verb form is a noun or an adjective.
    if (!German() && rule.kind == CueKind::kVerb && !rule.object_before_only && M(m).te == M(m).tb + 1 &&
        M(m).tb > s_.tb && ArticleBefore(M(m).tb)) {
      continue;
    }
    // List intros open a sentence ("Dazu zählten", "These included").
    if (rule.kind == CueKind::kList && M(m).tb > s_.tb + 1) continue;
    if (M(m).needs_particle) {
      const Segment& seg = segs_[c.seg];
      bool found = false;
      for (uint32_t t = M(m).te; t < seg.te && t < M(m).te + kObjectWindow; ++t) {
        if (Word(t) && TokenIs(t, rule.particle)) {
          c.particle = t;
          found = true;
          break;
        }
      }
      // "schlug, unterstützt von Uruguay, ein Verbot vor": across inserted
      // clauses, to a clause-final particle, but not into a subordinate clause.
      for (uint32_t t = seg.te; !found && t < s_.te && t < M(m).te + kObjectWindow; ++t) {
        if (t > seg.te && !Word(t - 1) && Word(t) && (Roles(t) & (kRoleComplement | kRoleCondition))) break;
        if (Word(t) && TokenIs(t, rule.particle) && (t + 1 >= s_.te || !Word(t + 1))) {
          c.particle = t;
          found = true;
        }
      }
      if (!found) continue;
    }
    cues_.push_back(c);
  }
}

void SentenceAnalyzer::FindHolder(CueInfo& c) {
  if (Rule(c).kind != CueKind::kNoun) return;
  const Mention& cue = M(c.mention);
  const Segment& seg = segs_[c.seg];
  // After: "Forderungen Moskaus", "Forderung der USA", "demands by Russia".
  for (uint32_t t = cue.te; t < seg.te && t < cue.te + 4; ++t) {
    int m = MentionAt(t);
    if (m >= 0 && IsActorish(static_cast<uint32_t>(m)) && !M(static_cast<uint32_t>(m)).adjective) {
      bool linked = t == cue.te || M(static_cast<uint32_t>(m)).genitive;
      for (uint32_t k = cue.te; k < t; ++k) {
        if (Roles(k) & (kRoleDeterminer | kRoleAgent)) linked = true;
      }
      if (linked) c.holder = m;
      break;
    }
    if (m >= 0) break;
    uint32_t r = Roles(t);
    if ((r & kRolePreposition) && !(r & kRoleAgent)) break;
    if (!(r & (kRoleDeterminer | kRoleAgent)) && !(Word(t) && !toks_[t].upper)) break;
  }
  // Before: "Moskaus Forderungen", "russische Forderungen", "Russia's demand",
  // "US-Forderungen".
  if (c.holder < 0) {
    for (uint32_t back = 1; back <= 5 && cue.tb >= seg.tb + back; ++back) {
      uint32_t t = cue.tb - back;
      int m = mention_cover_[t - s_.tb];
      // "Lebanese officials rejected the proposal": a verb between them ends the search.
      if (m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue) break;
      if (m >= 0 && IsActorish(static_cast<uint32_t>(m))) {
        const Mention& h = M(static_cast<uint32_t>(m));
        if (h.genitive || h.adjective || Possessive(static_cast<uint32_t>(m)) || h.partial || Modifier(h, cue.tb)) {
          c.holder = m;
        }
        break;
      }
      // "a U.N. proposal": the abbreviation's period.
      if (toks_[t].type == TokenType::kEnd && t > seg.tb && toks_[t - 1].end == toks_[t].start) continue;
      if (!(Roles(t) & kRoleDeterminer) && toks_[t].type != TokenType::kQuote &&
          !(Word(t) && TokenIs(t, "s")) && !(Word(t) && !toks_[t].upper)) {
        break;
      }
    }
    // Compound in one token: "US-Forderungen".
    int m = MentionAt(cue.tb);
    if (c.holder < 0 && cue.inner && m >= 0 && IsActorish(static_cast<uint32_t>(m)) &&
        M(static_cast<uint32_t>(m)).partial) {
      c.holder = m;
    }
  }
  if (c.holder >= 0) consumed_.insert(static_cast<uint32_t>(c.holder));
}

// "the EU proposal", "a U.N. plan": a party's name right before the noun
// (an abbreviation's period between), after an article, modifies it.
bool SentenceAnalyzer::Modifier(const Mention& h, uint32_t cue_tb) const {
  if (German() || h.kind != EntryKind::kActor) return false;
  uint32_t e = h.te;
  if (e < cue_tb && toks_[e].type == TokenType::kEnd && toks_[e - 1].end == toks_[e].start) ++e;
  if (e != cue_tb) return false;
  auto article = [&](uint32_t t) { return Word(t) && (TokenIs(t, "the") || TokenIs(t, "a") || TokenIs(t, "an")); };
  return article(h.tb) || (h.tb > s_.tb && article(h.tb - 1));
}

bool SentenceAnalyzer::ArticleBefore(uint32_t t) const {
  static constexpr std::string_view kNominal[] = {"the", "a", "an", "its", "their", "his", "her", "our", "of"};
  if (t == 0 || !Word(t - 1)) return false;
  for (std::string_view w : kNominal) {
    if (TokenIs(t - 1, w)) return true;
  }
  return false;
}

bool SentenceAnalyzer::IsCueAt(uint32_t t) const {
  int m = MentionAt(t);
  return m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue;
}

void SentenceAnalyzer::ComputeObject(CueInfo& c) {
  const CueRule& rule = Rule(c);
  const Mention& cue = M(c.mention);
  const Segment& seg = segs_[c.seg];
  if (rule.kind == CueKind::kNoun) {
    uint32_t b = cue.te;
    if (c.holder >= 0 && M(static_cast<uint32_t>(c.holder)).tb >= cue.te) {
      b = M(static_cast<uint32_t>(c.holder)).te;
    }
    uint32_t e = b;
    while (e < seg.te && e < b + kNounObjectWindow) {
      int m = MentionAt(e);
      if (m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue &&
          pack_.cues[M(static_cast<uint32_t>(m)).ref].kind != CueKind::kNoun) {
        break;
      }
      ++e;
    }
    if (e == seg.te && c.seg + 1 < segs_.size()) {
      // A list after a colon: "Forderungen: A, B und C" spans several clauses.
      uint32_t k = e;
      while (k < s_.te && k < b + kNounObjectWindow && TokenIs(e, ":") && !IsCueAt(k)) ++k;
      if (k > e) e = k;
    }
    bool words = false, issues = false;
    for (uint32_t t = b; t < e; ++t) {
      words = words || Word(t);
      int m = MentionAt(t);
      issues = issues || (m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kIssue);
    }
    // "Forderungen: A, B" / "demands - A": the list follows a colon or dash.
    bool colon = e < s_.te && (TokenIs(e, ":") || toks_[e].type == TokenType::kDash);
    if ((!words || (!issues && colon)) && c.seg + 1 < segs_.size() && !segs_[c.seg + 1].frame &&
        segs_[c.seg + 1].type != SegType::kCondition) {
      b = segs_[c.seg + 1].tb;
      e = std::min(segs_[c.seg + 1].te, b + kNounObjectWindow);
      for (uint32_t si = c.seg + 2; colon && si < segs_.size() && !segs_[si].frame &&
                                    segs_[si].tb < b + kObjectWindow; ++si) {
        e = std::min(segs_[si].te, b + kObjectWindow);
      }
    }
    // "die Forderung Kims, alle Sanktionen fallenzulassen", "die Nato-Forderung an,
    // dass Russland ...": the demand's content is the clause after the comma.
    if (!issues && e == seg.te && c.seg + 1 < segs_.size()) {
      const Segment& next = segs_[c.seg + 1];
      if (!next.frame && (next.type == SegType::kComplement || Infinitive(next))) {
        b = next.tb;
        e = std::min(next.te, b + kNounObjectWindow);
      }
    }
    c.ob1 = b;
    c.oe1 = e;
    return;
  }
  if (rule.kind == CueKind::kList) {
    c.ob1 = c.end_tok;
    c.oe1 = std::min(s_.te, c.end_tok + kObjectWindow);
    return;
  }
  if (rule.object_before_only) {
    c.ob1 = seg.tb;
    c.oe1 = cue.tb;
    return;
  }
  // "The plan to lift sanctions was rejected by Russia", "a proposal floated
  // by India": the passive's subject is what the agent holds a stance on.
  if (!German() && Passive(c) && AgentAfter(cue.te, seg.te) >= 0) {
    uint32_t e = cue.tb;
    while (e > seg.tb && Word(e - 1) && (Roles(e - 1) & (kRoleAuxiliary | kRolePassive | kRoleNegation | kRoleNegAdverb))) {
      --e;
    }
    uint32_t b = PassiveSubjectStart(c);
    if (e > b) {
      c.ob1 = b;
      c.oe1 = e;
      return;
    }
  }
  // Before part (German verb-final clauses), filled after attribution
  // trims the subject; after part: the rest of the segment plus following
  // complement clauses.
  if (German()) {
    c.ob2 = seg.tb;
    c.oe2 = cue.tb;
    // "Über X, Y und Z wolle man verhandeln": a short verb-final clause whose
    // object was fronted into the clauses before it.
    bool verb_final = c.end_tok >= seg.te || !Word(c.end_tok);
    bool own_issue = false;
    for (uint32_t t = seg.tb; t < seg.te; ++t) {
      int m = MentionAt(t);
      own_issue = own_issue || (m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kIssue);
    }
    if (verb_final && !own_issue && c.seg > 0 && seg.te <= seg.tb + 5 &&
        segs_[c.seg - 1].type == SegType::kMain && !segs_[c.seg - 1].frame) {
      uint32_t b = seg.tb;
      for (uint32_t si = c.seg; si > 0; --si) {
        const Segment& p = segs_[si - 1];
        if (p.type != SegType::kMain || p.frame || seg.tb - p.tb > kObjectWindow) break;
        b = p.tb;
      }
      c.ob2 = b;
    }
  }
  bool as_clause = c.seg > 0 && (TokenIs(seg.tb, "wie") || TokenIs(seg.tb, "as"));
  if (as_clause) {
    c.ob2 = segs_[c.seg - 1].tb;
    c.oe2 = segs_[c.seg - 1].te;
    c.ob1 = c.oe1 = cue.te;
    return;
  }
  bool only_subject_after = true;  // ", versicherte Rjabkow": nothing but the speaker follows
  for (uint32_t t = cue.te; t < seg.te; ++t) {
    if (Word(t) && t != c.particle && ContentToken(t) && mention_cover_[t - s_.tb] < 0) {
      only_subject_after = false;
    }
  }
  if (c.seg > 0 && FirstWordOfSeg(seg, cue.tb) && seg.te <= c.end_tok + 5 && only_subject_after) {
    c.ob2 = s_.tb;
    c.oe2 = seg.tb;
    c.ob1 = c.oe1 = cue.te;
    return;
  }
  uint32_t b = cue.te;
  uint32_t e = seg.te;
  uint32_t si = c.seg + 1;
  while (si < segs_.size() && e < b + kObjectWindow) {
    const Segment& next = segs_[si];
    if (next.frame || next.type == SegType::kCondition || next.type == SegType::kWithout) break;
    // "X – who has called for Y – urged ...": an insertion between dashes ends at its closing dash.
    if (seg.tb > s_.tb && toks_[seg.tb - 1].type == TokenType::kDash && toks_[next.tb - 1].type == TokenType::kDash) {
      break;
    }
    // "opposes the US raising tariffs, which compels China to retaliate": a
    // clause after a comma and "which" comments on the object, it is no part of it.
    if (!German() && Word(next.tb) && (Roles(next.tb) & kRoleClauseBreak) && next.tb > s_.tb &&
        toks_[next.tb - 1].type == TokenType::kComma) {
      break;
    }
    bool has_cue = false, starts_subject = false;
    for (uint32_t t = next.tb; t < next.te; ++t) {
      int m = MentionAt(t);
      if (m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue) {
        CueKind k = pack_.cues[M(static_cast<uint32_t>(m)).ref].kind;
        has_cue = has_cue || (k != CueKind::kCommitment && k != CueKind::kModal);
      }
    }
    for (uint32_t t = next.tb; t < next.te && t < next.tb + 2; ++t) {
      int m = MentionAt(t);
      if (m >= 0 && IsActorish(static_cast<uint32_t>(m)) && SubjectLike(static_cast<uint32_t>(m))) {
        starts_subject = true;
      }
    }
    // "bereit, weiter mit Russland zu verhandeln": the infinitive right after the
    // cue is its complement even when it holds a cue verb of its own.
    bool complement_inf = si == c.seg + 1 && Infinitive(next);
    if ((has_cue && !complement_inf) ||
        (starts_subject && next.type != SegType::kComplement && !Infinitive(next))) {
      break;
    }
    e = next.te;
    ++si;
  }
  // "what the Saudis want from the deal: a defence pact": what follows the colon is the object.
  for (uint32_t t = b; !German() && t <= seg.te && t < s_.te && t < b + 5; ++t) {
    if (!TokenIs(t, ":") || t + 1 >= s_.te) continue;
    b = t + 1;
    if (e <= b && c.seg + 1 < segs_.size() && !segs_[c.seg + 1].frame) e = segs_[c.seg + 1].te;
    break;
  }
  c.ob1 = b;
  c.oe1 = std::min(e, b + kObjectWindow);
}

void SentenceAnalyzer::MarkEmbedded() {
  for (CueInfo& inner : cues_) {
    if (Rule(inner).kind != CueKind::kNoun) continue;
    uint32_t t = M(inner.mention).tb;
    for (const CueInfo& outer : cues_) {
      if (&outer == &inner || Weak(outer)) continue;
      bool in1 = t >= outer.ob1 && t < outer.oe1;
      bool in2 = t >= outer.ob2 && t < outer.oe2;
      if (in1 || in2) inner.embedded = true;
    }
  }
}

}  // namespace negograph::ingest::detail
