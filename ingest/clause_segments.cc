// Clause stage: segments (main, condition, complement, without), inline
// conditions and reported-speech frames ("sagte X", "according to X").
#include "ingest/sentence_analyzer.h"

#include <algorithm>

namespace negograph::ingest::detail {

void SentenceAnalyzer::BuildSegments() {
  const uint32_t n = s_.te - s_.tb;
  mention_at_.assign(n, -1);
  mention_cover_.assign(n, -1);
  for (uint32_t m = s_.mb; m < s_.me; ++m) {
    if (mention_at_[M(m).tb - s_.tb] < 0) mention_at_[M(m).tb - s_.tb] = static_cast<int>(m);
    for (uint32_t t = M(m).tb; t < M(m).te && t < s_.te; ++t) {
      mention_cover_[t - s_.tb] = static_cast<int>(m);
    }
  }
  seg_of_.assign(n, 0);
  Segment cur{s_.tb, s_.tb, SegType::kMain, false};
  auto close = [&](uint32_t end) {
    cur.te = end;
    if (cur.te > cur.tb) segs_.push_back(cur);
  };
  for (uint32_t t = s_.tb; t < s_.te; ++t) {
    TokenType ty = toks_[t].type;
    // A period inside the sentence glued to its word ends an abbreviation ("U.N."), not a clause.
    const bool abbreviation = ty == TokenType::kEnd && t > s_.tb && t + 1 < s_.te && Word(t - 1) && !toks_[t - 1].digit &&
                              toks_[t - 1].end == toks_[t].start && text_[toks_[t].start] == '.';
    if (ty == TokenType::kComma || ty == TokenType::kDash || ty == TokenType::kParen ||
        (ty == TokenType::kEnd && !abbreviation)) {
      close(t);
      cur = Segment{t + 1, t + 1, SegType::kMain, false};
      seg_of_[t - s_.tb] = static_cast<uint32_t>(segs_.size());
      continue;
    }
    uint32_t r = Roles(t);
    bool starter = (r & (kRoleCondition | kRoleComplement)) && mention_cover_[t - s_.tb] < 0;
    if (starter && t > cur.tb) {
      close(t);
      cur = Segment{t, t, SegType::kMain, false};
    }
    if (t == cur.tb || (starter && FirstWordOfSeg(cur, t)) || FirstWordOfSeg(cur, t)) {
      if (r & (kRoleCondition | kRoleConditionInitial)) cur.type = SegType::kCondition;
      else if (r & kRoleComplement) cur.type = SegType::kComplement;
      else if (r & kRoleWithout) cur.type = SegType::kWithout;
    }
    seg_of_[t - s_.tb] = static_cast<uint32_t>(segs_.size());
  }
  close(s_.te);
  if (segs_.empty()) segs_.push_back(Segment{s_.tb, s_.te, SegType::kMain, false});
  for (uint32_t t = s_.tb; t < s_.te; ++t) {
    seg_of_[t - s_.tb] = std::min<uint32_t>(seg_of_[t - s_.tb], static_cast<uint32_t>(segs_.size() - 1));
  }
}

// "die Ukraine anzugreifen", "to withdraw": an infinitive clause.
bool SentenceAnalyzer::Infinitive(const Segment& seg) const {
  for (uint32_t t = seg.tb; t < seg.te; ++t) {
    if (!Word(t)) continue;
    std::string_view w = TokenText(text_, toks_[t]);
    if (w == "zu" || w == "to") return true;
    size_t zu = w.find("zu", 2);
    if (German() && zu != std::string_view::npos && w.size() > zu + 4 && w.substr(w.size() - 2) == "en" &&
        !toks_[t].upper) {
      return true;
    }
  }
  return false;
}

// Only function words or weak cues ("would", "werde") precede t in seg.
bool SentenceAnalyzer::OnlyFunctionWordsBefore(const Segment& seg, uint32_t t) const {
  for (uint32_t k = seg.tb; k < t; ++k) {
    if (!Word(k)) continue;
    int m = MentionAt(k);
    bool weak = m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue &&
                (pack_.cues[M(static_cast<uint32_t>(m)).ref].kind == CueKind::kCommitment ||
                 pack_.cues[M(static_cast<uint32_t>(m)).ref].kind == CueKind::kModal);
    if (!weak && (Roles(k) == 0 || (Roles(k) & (kRolePronoun | kRolePronounWe)))) return false;
  }
  return true;
}

bool SentenceAnalyzer::FirstWordOfSeg(const Segment& seg, uint32_t t) const {
  for (uint32_t k = seg.tb; k < t; ++k) {
    if (Word(k)) return false;
  }
  return true;
}

void SentenceAnalyzer::MarkConditions() {
  in_cond_.assign(s_.te - s_.tb, false);
  // "Sollten russische Einheiten ...", "Should Russia ...": a clause opened by
  // an inverted modal is a condition (the modal is also a cue word).
  for (Segment& seg : segs_) {
    uint32_t t = seg.tb;
    while (t < seg.te && !Word(t)) ++t;
    if (t < seg.te && (TokenIs(t, "sollte") || TokenIs(t, "sollten") || TokenIs(t, "should")) &&
        toks_[t].upper) {
      seg.type = SegType::kCondition;
    }
    // "..., should it choose one": an inverted condition after a comma.
    if (!German() && t < seg.te && t > s_.tb && TokenIs(t, "should") && t + 1 < seg.te &&
        ((Roles(t + 1) & (kRolePronoun | kRoleDeterminer)) || MentionAt(t + 1) >= 0)) {
      seg.type = SegType::kCondition;
    }
  }
  for (const Segment& seg : segs_) {
    if (seg.type != SegType::kCondition) continue;
    for (uint32_t t = seg.tb; t < seg.te; ++t) in_cond_[t - s_.tb] = true;
  }
  for (uint32_t t = s_.tb; t < s_.te; ++t) {
    if (!(Roles(t) & kRoleConditionInline)) continue;
    const Segment& seg = segs_[SegOf(t)];
    uint32_t e = t + 1;
    while (e < seg.te && e < t + 15 && !(Roles(e) & kRoleConditionStop) &&
           !(MentionAt(e) >= 0 && M(static_cast<uint32_t>(MentionAt(e))).kind == EntryKind::kCue)) {
      ++e;
    }
    for (uint32_t k = t; k < e; ++k) in_cond_[k - s_.tb] = true;
    inline_conds_.emplace_back(t, e);
  }
}

// A mention is "prepositional" when a preposition governs it ("in der
// Ukraine", "mit den USA"): then it is never a subject or a target.
bool SentenceAnalyzer::Prepositional(uint32_t m) const {
  uint32_t t = M(m).tb;
  uint32_t seg_begin = segs_[SegOf(t)].tb;
  for (uint32_t steps = 0; t > seg_begin && steps < kPrepLookBack; ++steps) {
    --t;
    uint32_t r = Roles(t);
    if (r & (kRolePreposition | kRoleAgent)) {
      // "Prime Minister Benjamin Netanyahu of Israel": a named person's party, the subject.
      // "the foreign minister of Chile": likewise after a role noun.
      bool person_of = !German() && TokenIs(t, "of") && t > seg_begin && Word(t - 1) && MentionAt(t - 1) < 0 &&
                       ((toks_[t - 1].upper && Roles(t - 1) == 0) || (Roles(t - 1) & kRoleSideNoun));
      return !person_of;
    }
    if (r & kRoleDeterminer) continue;
    if (Word(t) && r == 0 && MentionAt(t) < 0 && (!German() || !toks_[t].upper)) continue;
    return false;
  }
  return false;
}

bool SentenceAnalyzer::Possessive(uint32_t m) const {
  uint32_t t = M(m).te;
  return t + 1 < s_.te && toks_[t].type == TokenType::kQuote && Word(t + 1) && TokenIs(t + 1, "s");
}

// Can mention m be the subject (or addressee) of a clause?
bool SentenceAnalyzer::SubjectLike(uint32_t m) const {
  if (!IsActorish(m) || consumed_.count(m) || M(m).inner) return false;
  if (InCond(M(m).tb)) return false;
  // "Der Außenminister Chiles": a genitive after a role noun names the subject's party.
  // "Serbiens Präsident ...": likewise before one.
  bool role_genitive = M(m).genitive && ((M(m).tb > s_.tb && (Roles(M(m).tb - 1) & (kRoleSideNoun | kRolePronoun))) ||
                                         (M(m).te < s_.te && (Roles(M(m).te) & kRoleSideNoun)));
  if ((M(m).genitive && !role_genitive) || Possessive(m)) return false;
  if (M(m).adjective) {
    uint32_t t = M(m).te;
    if (t >= s_.te || !(Roles(t) & kRoleSideNoun)) return false;
    // "Der polnische Außenminister Zbigniew Rau": the person is the head.
    int next = t + 1 < s_.te ? MentionAt(t + 1) : -1;
    if (next >= 0 && M(static_cast<uint32_t>(next)).kind == EntryKind::kSpeaker) return false;
  }
  return !Prepositional(m);
}

Attribution SentenceAnalyzer::FromMention(uint32_t m, float conf) const {
  Attribution a;
  a.span = MSpan(m);
  a.confidence = conf;
  a.explicit_subject = true;
  if (M(m).kind == EntryKind::kSpeaker) {
    a.speaker = static_cast<int>(M(m).ref);
    a.actor = pack_.FindActor(pack_.speakers[M(m).ref].person.party);
  } else {
    a.actor = static_cast<int>(M(m).ref);
  }
  return a;
}

void SentenceAnalyzer::FindFrames() {
  for (uint32_t t = s_.tb; t < s_.te; ++t) {
    uint32_t r = Roles(t);
    if (!(r & (kRoleSpeech | kRoleReportBefore | kRoleReportAfter))) continue;
    int best = -1;
    auto consider = [&](uint32_t k) {
      int m = MentionAt(k);
      if (m < 0 || !IsActorish(static_cast<uint32_t>(m))) return;
      if (best < 0 || (M(static_cast<uint32_t>(m)).kind == EntryKind::kSpeaker &&
                       M(static_cast<uint32_t>(best)).kind != EntryKind::kSpeaker)) {
        best = m;
      }
    };
    uint32_t lo = t, hi = t;
    // "said in response to X's comments that ...": X is no speaker.
    const bool prep_after = !German() && (r & kRoleSpeech) && t + 1 < s_.te && Word(t + 1) &&
                            (Roles(t + 1) & kRolePreposition) && !(Roles(t + 1) & kRoleAgent);
    if ((r & (kRoleSpeech | kRoleReportBefore)) && !prep_after) {  // "sagte X", "laut X", "said X"
      for (uint32_t k = t + 1; k < s_.te && k <= t + 6 && toks_[k].type == TokenType::kWord; ++k) {
        // "X said that he offered Y ...": after "that" comes the content, not the speaker.
        if (!German() && (Roles(k) & (kRoleComplement | kRolePronoun | kRolePronounWe))) break;
        consider(k);
        hi = k + 1;
      }
      // English "said Kyiv would ..." is "said (that) Kyiv ...", not a frame.
      if (best >= 0 && !German() && (r & kRoleSpeech)) {
        uint32_t after = M(static_cast<uint32_t>(best)).te;
        if (after < s_.te && Word(after) && !(Roles(after) & kRolePreposition)) best = -1;
      }
    }
    if (best < 0 && (r & (kRoleSpeech | kRoleReportAfter))) {  // "X sagte", "X zufolge"
      hi = t;
      // "X, the deputy minister, said": the apposition's closing comma.
      uint32_t from = !German() && t > s_.tb + 1 && toks_[t - 1].type == TokenType::kComma ? t - 1 : t;
      // "Norway's envoy Kari Holm said": the possessive's apostrophe stays in the frame.
      auto frame_token = [&](uint32_t k) {
        return toks_[k].type == TokenType::kWord ||
               (toks_[k].type == TokenType::kQuote && k + 1 < s_.te && TokenIs(k + 1, "s"));
      };
      for (uint32_t k = from; k > s_.tb && k + 7 > from && frame_token(k - 1); --k) {
        consider(k - 1);
        lo = k - 1;
      }
      // German verb-final: "X hatte am Montag umgehend erklärt" puts the
      // participle far from its subject; the clause's subject is the speaker.
      if (best < 0 && German() && (r & kRoleSpeech)) {
        for (uint32_t k = segs_[SegOf(t)].tb; k < t && best < 0; ++k) {
          int m = MentionAt(k);
          if (m >= 0 && SubjectLike(static_cast<uint32_t>(m))) {
            best = m;
            lo = k;
          }
        }
      }
    }
    if (best < 0 && (r & kRoleSpeech) && d_.speaker_actor >= 0) {
      bool pron = (t > s_.tb && (Roles(t - 1) & kRolePronoun)) ||
                  (t + 1 < s_.te && (Roles(t + 1) & kRolePronoun));
      if (pron) {
        frame_.actor = d_.speaker_actor;
        frame_.speaker = d_.speaker;
        frame_.confidence = 0.7f;
        frame_tok_ = t;
        frames_.emplace_back(t, frame_);
        Segment& fs = segs_[SegOf(t)];
        if (fs.te <= fs.tb + 3) fs.frame = true;
      }
      continue;
    }
    if (best < 0) continue;
    // Every actor named inside the frame belongs to it ("Russlands
    // Vize-Außenminister Sergej Rjabkow sagte").
    for (uint32_t k = lo; k < hi; ++k) {
      if (mention_cover_[k - s_.tb] >= 0 && IsActorish(static_cast<uint32_t>(mention_cover_[k - s_.tb]))) {
        consumed_.insert(static_cast<uint32_t>(mention_cover_[k - s_.tb]));
      }
    }
    Attribution a = FromMention(static_cast<uint32_t>(best), 0.85f);
    a.explicit_subject = false;
    // "Die US-Unterhändlerin sagte": a role noun of the current speaker's party.
    if (a.speaker < 0 && M(static_cast<uint32_t>(best)).partial && d_.speaker >= 0 &&
        pack_.FindActor(pack_.speakers[d_.speaker].person.party) == a.actor) {
      a.speaker = d_.speaker;
    }
    frame_ = a;
    frame_tok_ = t;
    frames_.emplace_back(t, a);
    // A segment that is only the frame is not part of any object.
    Segment& seg = segs_[SegOf(t)];
    bool has_cue = false;
    for (uint32_t k = seg.tb; k < seg.te; ++k) {
      int m = MentionAt(k);
      if (m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue) has_cue = true;
    }
    if (!has_cue && (r & kRoleSpeech)) seg.frame = true;
  }
}

// "she warned" / "warnte er" as a clause of its own is a speech frame.
void SentenceAnalyzer::ParentheticalFrames() {
  if (frame_.ok() || d_.speaker_actor < 0) return;
  for (uint32_t si = 0; si < segs_.size(); ++si) {
    const Segment& seg = segs_[si];
    uint32_t words = 0;
    bool pron = false;
    int cue = -1;
    for (uint32_t t = seg.tb; t < seg.te; ++t) {
      if (!Word(t)) continue;
      ++words;
      pron = pron || ((Roles(t) & kRolePronoun) && mention_cover_[t - s_.tb] < 0);
      if (IsCueAt(t)) cue = MentionAt(t);
    }
    if (words == 2 && pron && cue >= 0 && si > 0 && si + 1 < segs_.size()) {
      frame_.actor = d_.speaker_actor;
      frame_.speaker = d_.speaker;
      frame_.confidence = 0.7f;
      frame_tok_ = seg.tb;
      segs_[si].frame = true;
      frame_cues_.insert(static_cast<uint32_t>(cue));
    }
  }
}

}  // namespace negograph::ingest::detail
