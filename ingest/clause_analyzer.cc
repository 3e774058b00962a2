#include "ingest/clause_analyzer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>

#include "ingest/text_util.h"

namespace negograph::ingest {
namespace {

// Window caps keep the work per cue constant, so a sentence costs O(tokens).
constexpr uint32_t kObjectWindow = 40;
constexpr uint32_t kNounObjectWindow = 25;
constexpr uint32_t kPrepLookBack = 3;

enum class SegType : uint8_t { kMain, kCondition, kComplement, kWithout };

struct Segment {
  uint32_t tb = 0, te = 0;  // tokens
  SegType type = SegType::kMain;
  bool frame = false;  // a reported-speech frame only (", sagte Sherman")
};

// Who holds a position and how sure we are.
struct Attribution {
  int actor = -1;
  int speaker = -1;
  Span span;
  float confidence = 0.0f;
  bool explicit_subject = false;
  bool ok() const { return actor >= 0; }
};

struct CueInfo {
  uint32_t mention = 0;   // index into lexed.mentions
  uint32_t seg = 0;
  uint32_t end_tok = 0;   // te, or the particle token + 1
  uint32_t particle = 0;  // particle token (0 when none)
  int holder = -1;        // noun: mention index of the holder
  bool embedded = false;  // noun inside another cue's object
  bool skip = false;
  // Object ranges (tokens), at most two.
  uint32_t ob1 = 0, oe1 = 0, ob2 = 0, oe2 = 0;
  Attribution who;
  std::vector<int> co_actors;  // "Die USA und die EU drangen auf ...": more holders
  int target = -1;  // ActorRule index
};

class SentenceAnalyzer {
 public:
  SentenceAnalyzer(const RulePack& pack, std::string_view text, uint8_t lang,
                   const LexedText& lx, uint32_t index, Discourse& d, std::vector<Draft>& out)
      : pack_(pack), text_(text), lang_(lang), lx_(lx), s_(lx.sentences[index]), index_(index),
        d_(d), out_(out), toks_(lx.tokens) {}

  void Run() {
    BuildSegments();
    MarkConditions();
    FindFrames();
    CollectCues();
    if (std::getenv("NEGOGRAPH_DEBUG_CLAUSES") != nullptr) Dump();
    if (cues_.empty()) {
      UpdateDiscourseWithoutCues();
      return;
    }
    for (CueInfo& c : cues_) FindHolder(c);
    for (uint32_t m = s_.mb; m < s_.me && M(m).tb < segs_[0].te && M(m).tb < s_.tb + 4; ++m) {
      if (SubjectLike(m)) {
        opening_subject_ = static_cast<int>(m);
        break;
      }
    }
    for (CueInfo& c : cues_) ComputeObject(c);
    MarkEmbedded();
    for (CueInfo& c : cues_) Attribute(c);
    if (std::getenv("NEGOGRAPH_DEBUG_CLAUSES") != nullptr) {
      for (const CueInfo& c : cues_) {
        std::fprintf(stderr, "  cue %s who=%d tgt=%d obj=[%u,%u)+[%u,%u) emb=%d holder=%d\n",
                     Rule(c).id.c_str(), c.who.actor, c.target, c.ob1, c.oe1, c.ob2, c.oe2,
                     c.embedded, c.holder);
      }
    }
    for (CueInfo& c : cues_) Emit(c);
    FinishDiscourse();
  }

 private:
  const Mention& M(uint32_t i) const { return lx_.mentions[i]; }
  const CueRule& Rule(const CueInfo& c) const { return pack_.cues[M(c.mention).ref]; }
  // Commitments and modals only count in a clause no other cue claims.
  bool Weak(const CueInfo& c) const {
    return Rule(c).kind == CueKind::kCommitment || Rule(c).kind == CueKind::kModal;
  }
  bool German() const { return lang_ == kLangDe; }
  bool Word(uint32_t t) const { return toks_[t].type == TokenType::kWord; }
  uint32_t Roles(uint32_t t) const { return toks_[t].roles; }
  std::string Folded(uint32_t t) const { return FoldCase(TokenText(text_, toks_[t])); }
  // Token t equals `folded` (already case-folded), without allocating.
  bool TokenIs(uint32_t t, std::string_view folded) const {
    std::string_view w = TokenText(text_, toks_[t]);
    if (w.size() != folded.size()) return false;
    for (size_t i = 0; i < w.size(); ++i) {
      char c = w[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != folded[i]) {
        return static_cast<unsigned char>(c) >= 0x80 && FoldCase(w) == folded;
      }
    }
    return true;
  }
  uint64_t Recency(uint32_t tok) const { return uint64_t{index_} * 4096 + (tok - s_.tb); }
  Span TokSpan(uint32_t tb, uint32_t te) const {
    return te > tb ? Span{toks_[tb].start, toks_[te - 1].end} : Span{};
  }
  Span MSpan(uint32_t m) const { return Span{M(m).start, M(m).end}; }
  bool IsActorish(uint32_t m) const {
    return M(m).kind == EntryKind::kActor || M(m).kind == EntryKind::kSpeaker;
  }
  // Content mention starting at token t, or -1 (first one).
  int MentionAt(uint32_t t) const { return mention_at_[t - s_.tb]; }
  uint32_t SegOf(uint32_t t) const { return seg_of_[t - s_.tb]; }
  bool InCond(uint32_t t) const { return in_cond_[t - s_.tb]; }

  // Developer aid (NEGOGRAPH_DEBUG_CLAUSES=1): segments, roles and mentions.
  void Dump() const {
    std::fprintf(stderr, "S%u:", index_);
    for (uint32_t t = s_.tb; t < s_.te; ++t) {
      std::string w(TokenText(text_, toks_[t]));
      int m = mention_cover_[t - s_.tb];
      std::fprintf(stderr, " %s%s[%u%s%s%s]", t > s_.tb && SegOf(t) != SegOf(t - 1) ? "| " : "",
                   w.c_str(), Roles(t), m >= 0 ? ":m" : "",
                   m >= 0 ? std::to_string(static_cast<int>(M(static_cast<uint32_t>(m)).kind)).c_str() : "",
                   InCond(t) ? ":c" : "");
    }
    std::fprintf(stderr, "\n  cues=%zu frame=%d\n", cues_.size(), frame_.actor);
  }

  void BuildSegments() {
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
      if (ty == TokenType::kComma || ty == TokenType::kDash || ty == TokenType::kParen ||
          ty == TokenType::kEnd) {
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
  bool Infinitive(const Segment& seg) const {
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
  bool OnlyFunctionWordsBefore(const Segment& seg, uint32_t t) const {
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
  bool FirstWordOfSeg(const Segment& seg, uint32_t t) const {
    for (uint32_t k = seg.tb; k < t; ++k) {
      if (Word(k)) return false;
    }
    return true;
  }

  void MarkConditions() {
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
  bool Prepositional(uint32_t m) const {
    uint32_t t = M(m).tb;
    uint32_t seg_begin = segs_[SegOf(t)].tb;
    for (uint32_t steps = 0; t > seg_begin && steps < kPrepLookBack; ++steps) {
      --t;
      uint32_t r = Roles(t);
      if (r & (kRolePreposition | kRoleAgent)) return true;
      if (r & kRoleDeterminer) continue;
      if (Word(t) && r == 0 && MentionAt(t) < 0 && (!German() || !toks_[t].upper)) continue;
      return false;
    }
    return false;
  }
  bool Possessive(uint32_t m) const {
    uint32_t t = M(m).te;
    return t + 1 < s_.te && toks_[t].type == TokenType::kQuote && Word(t + 1) && TokenIs(t + 1, "s");
  }
  // Can mention m be the subject (or addressee) of a clause?
  bool SubjectLike(uint32_t m) const {
    if (!IsActorish(m) || consumed_.count(m) || M(m).inner) return false;
    if (InCond(M(m).tb)) return false;
    if (M(m).genitive || Possessive(m)) return false;
    if (M(m).adjective) {
      uint32_t t = M(m).te;
      if (t >= s_.te || !(Roles(t) & kRoleSideNoun)) return false;
      // "Der polnische Außenminister Zbigniew Rau": the person is the head.
      int next = t + 1 < s_.te ? MentionAt(t + 1) : -1;
      if (next >= 0 && M(static_cast<uint32_t>(next)).kind == EntryKind::kSpeaker) return false;
    }
    return !Prepositional(m);
  }

  Attribution FromMention(uint32_t m, float conf) const {
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

  void FindFrames() {
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
      if (r & (kRoleSpeech | kRoleReportBefore)) {  // "sagte X", "laut X", "said X"
        for (uint32_t k = t + 1; k < s_.te && k <= t + 6 && toks_[k].type == TokenType::kWord; ++k) {
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
        for (uint32_t k = t; k > s_.tb && k + 5 > t && toks_[k - 1].type == TokenType::kWord; --k) {
          consider(k - 1);
          lo = k - 1;
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
  void ParentheticalFrames() {
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

  void CollectCues() {
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
        if (!found) continue;
      }
      cues_.push_back(c);
    }
  }

  void FindHolder(CueInfo& c) {
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
        if (m >= 0 && IsActorish(static_cast<uint32_t>(m))) {
          const Mention& h = M(static_cast<uint32_t>(m));
          if (h.genitive || h.adjective || Possessive(static_cast<uint32_t>(m)) || h.partial) {
            c.holder = m;
          }
          break;
        }
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

  bool IsCueAt(uint32_t t) const {
    int m = MentionAt(t);
    return m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue;
  }

  void ComputeObject(CueInfo& c) {
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
      if (has_cue || (starts_subject && next.type != SegType::kComplement && !Infinitive(next))) break;
      e = next.te;
      ++si;
    }
    c.ob1 = b;
    c.oe1 = std::min(e, b + kObjectWindow);
  }

  void MarkEmbedded() {
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

  // Resolves a pronoun at token t.
  Attribution ResolvePronoun(uint32_t t) const {
    Attribution a;
    bool we = Roles(t) & kRolePronounWe;
    if (frame_.ok()) {
      a = frame_;
    } else if (!we && first_subject_.ok() && first_subject_tok_ < t) {
      a = first_subject_;
    } else if (!we && opening_subject_ >= 0 && M(static_cast<uint32_t>(opening_subject_)).te <= t) {
      a = FromMention(static_cast<uint32_t>(opening_subject_), 0.7f);
    } else if (d_.speaker_actor >= 0 && (we || d_.speaker_at >= d_.subject_at)) {
      a.actor = d_.speaker_actor;
      a.speaker = d_.speaker;
    } else if (d_.subject_actor >= 0 && !we) {
      a.actor = d_.subject_actor;
    }
    a.span = TokSpan(t, t + 1);
    a.confidence = 0.7f;
    a.explicit_subject = false;
    return a;
  }

  // Subject candidates in [b, e): a subject-like mention or a pronoun.
  bool FindSubject(uint32_t b, uint32_t e, Attribution& out, uint32_t& end_tok) {
    for (uint32_t t = b; t < e; ++t) {
      if (InCond(t)) continue;
      int m = MentionAt(t);
      if (m >= 0 && SubjectLike(static_cast<uint32_t>(m))) {
        out = FromMention(static_cast<uint32_t>(m), 0.9f);
        end_tok = M(static_cast<uint32_t>(m)).te;
        subject_mention_ = m;
        CollectCoordinated(static_cast<uint32_t>(m), e, end_tok);
        return true;
      }
      if (mention_cover_[t - s_.tb] < 0 && (Roles(t) & (kRolePronoun | kRolePronounWe)) &&
          !Prepositional_token(t)) {
        out = ResolvePronoun(t);
        end_tok = t + 1;
        subject_mention_ = -1;
        return out.ok();
      }
    }
    return false;
  }
  // Actors coordinated with subject mention m ("die USA und die EU",
  // "Die EU, die Schweiz und Großbritannien"), into co_subjects_.
  void CollectCoordinated(uint32_t m, uint32_t limit, uint32_t& end_tok) {
    co_subjects_.clear();
    auto actor_of = [&](uint32_t k) { return FromMention(k, 1).actor; };
    // Enumeration before: earlier clauses that hold nothing but actors.
    uint32_t si = SegOf(M(m).tb);
    bool at_start = true;
    for (uint32_t t = segs_[si].tb; t < M(m).tb; ++t) {
      if (!(Roles(t) & kRoleDeterminer)) at_start = false;
    }
    while (at_start && si > 0) {
      const Segment& prev = segs_[si - 1];
      std::vector<int> found;
      bool pure = prev.te > prev.tb;
      for (uint32_t t = prev.tb; t < prev.te && pure; ++t) {
        int k = mention_cover_[t - s_.tb];
        if (k >= 0 && IsActorish(static_cast<uint32_t>(k)) && !M(static_cast<uint32_t>(k)).adjective) {
          if (M(static_cast<uint32_t>(k)).tb == t) found.push_back(actor_of(static_cast<uint32_t>(k)));
        } else if (!(Roles(t) & (kRoleDeterminer | kRoleCoordination))) {
          pure = false;
        }
      }
      if (!pure || found.empty()) break;
      co_subjects_.insert(co_subjects_.end(), found.begin(), found.end());
      --si;
    }
    // Coordination after: "X und Y", "X, Y and Z".
    uint32_t t = M(m).te;
    while (t < limit) {
      uint32_t k = t;
      bool link = false;
      while (k < limit && (toks_[k].type == TokenType::kComma || (Roles(k) & (kRoleCoordination | kRoleDeterminer)))) {
        link = link || toks_[k].type == TokenType::kComma || (Roles(k) & kRoleCoordination);
        ++k;
      }
      int n = k < limit ? MentionAt(k) : -1;
      if (!link || n < 0 || !IsActorish(static_cast<uint32_t>(n)) || M(static_cast<uint32_t>(n)).adjective ||
          M(static_cast<uint32_t>(n)).inner) {
        break;
      }
      co_subjects_.push_back(actor_of(static_cast<uint32_t>(n)));
      consumed_.insert(static_cast<uint32_t>(n));
      t = M(static_cast<uint32_t>(n)).te;
      end_tok = t;
    }
  }
  bool Prepositional_token(uint32_t t) const {
    return t > segs_[SegOf(t)].tb && (Roles(t - 1) & kRolePreposition);
  }

  bool Passive(const CueInfo& c) const {
    const Segment& seg = segs_[c.seg];
    const Mention& cue = M(c.mention);
    uint32_t b = cue.tb >= seg.tb + 2 ? cue.tb - 2 : seg.tb;
    for (uint32_t t = b; t < seg.te && t < c.end_tok + 2; ++t) {
      if (t >= cue.tb && t < cue.te) continue;
      if (Roles(t) & kRolePassive) return true;
    }
    return false;
  }

  void Attribute(CueInfo& c) {
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
      return;
    }
    if (rule.kind == CueKind::kNoun && c.embedded) return;  // anonymous embedded noun
    subject_mention_ = -1;
    if (rule.kind == CueKind::kModal) {
      Attribution subj;
      uint32_t end_tok = 0;
      if (FindSubject(seg.tb, cue.tb, subj, end_tok) && subject_mention_ >= 0) {
        c.target = subj.actor;
      }
      if (frame_.ok()) {
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
      // Agent: "von X", "by X".
      for (uint32_t t = cue.te; t + 1 < seg.te; ++t) {
        int m = MentionAt(t + 1);
        if ((Roles(t) & kRoleAgent) && m >= 0 && IsActorish(static_cast<uint32_t>(m))) {
          c.who = FromMention(static_cast<uint32_t>(m), 0.85f);
          found = true;
          break;
        }
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
      if (!found && (German() || (c.seg > 0 && FirstWordOfSeg(seg, cue.tb)))) {
        // Inversion: "wies sie zurück", "forderte Russland", "..., warned Stoltenberg".
        uint32_t limit = std::min(seg.te, cue.te + 3);
        found = FindSubject(cue.te, limit, c.who, subj_end);
        if (found && subj_end > c.ob1 && subj_end <= c.oe1) c.ob1 = subj_end;
      }
      if (found && subject_mention_ >= 0) {
        consumed_.insert(static_cast<uint32_t>(subject_mention_));
        c.co_actors = co_subjects_;
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
    if (!found && c.seg > 0 && OnlyFunctionWordsBefore(seg, cue.tb) && opening_subject_ >= 0 &&
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

  bool Konjunktiv() const {
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

  // Negation of the cue (not of its object).
  bool Negated(const CueInfo& c) const {
    const CueRule& rule = Rule(c);
    const Mention& cue = M(c.mention);
    const Segment& seg = segs_[c.seg];
    uint32_t window = (rule.kind == CueKind::kNoun) ? 2 : (German() ? 12 : 6);
    uint32_t b = cue.tb >= seg.tb + window ? cue.tb - window : seg.tb;
    for (uint32_t t = b; t < cue.tb; ++t) {
      if ((Roles(t) & kRoleNegation) && !InCond(t) && mention_cover_[t - s_.tb] < 0) return true;
    }
    if (German() && rule.kind != CueKind::kNoun) {
      uint32_t e = c.particle ? c.particle : seg.te;
      for (uint32_t t = cue.te; t < e && t < cue.te + kObjectWindow; ++t) {
        if ((Roles(t) & kRoleNegAdverb) && !InCond(t)) {
          // "nicht" right before an issue negates the object, not the verb.
          return true;
        }
      }
    }
    if (rule.kind == CueKind::kCommitment) {
      std::string cue_text = FoldCase(text_.substr(cue.start, cue.end - cue.start));
      if (cue_text.find("n't") != std::string::npos || cue_text.find(" not") != std::string::npos) {
        return true;
      }
      for (uint32_t t = cue.te; t < seg.te && t < cue.te + 4; ++t) {
        if (Roles(t) & kRoleNegation) return true;
      }
      for (uint32_t t = cue.tb >= seg.tb + 2 ? cue.tb - 2 : seg.tb; t < cue.tb; ++t) {
        if (Roles(t) & kRoleNegation) return true;  // "Nor would ...", "never will"
      }
    }
    return false;
  }

  bool NeitherNor(const CueInfo& c) const {
    const Segment& seg = segs_[c.seg];
    uint32_t b = M(c.mention).tb >= seg.tb + 6 ? M(c.mention).tb - 6 : seg.tb;
    for (uint32_t t = b; t < M(c.mention).tb; ++t) {
      if (Word(t) && (TokenIs(t, "neither") || TokenIs(t, "weder"))) return true;
    }
    return false;
  }

  std::string ConditionFor(const CueInfo& c) const {
    auto text_of = [&](uint32_t b, uint32_t e) {
      Span sp = TokSpan(b, e);
      return std::string(text_.substr(sp.start, sp.end - sp.start));
    };
    for (const auto& [b, e] : inline_conds_) {
      uint32_t si = SegOf(b);
      if (si == c.seg || (b >= c.ob1 && b < c.oe1)) return text_of(b, e);
    }
    if (c.seg + 1 < segs_.size() && segs_[c.seg + 1].type == SegType::kCondition) {
      return text_of(segs_[c.seg + 1].tb, segs_[c.seg + 1].te);
    }
    if (c.seg > 0 && segs_[c.seg - 1].type == SegType::kCondition) {
      return text_of(segs_[c.seg - 1].tb, segs_[c.seg - 1].te);
    }
    return {};
  }

  // Issues named in [b, e), skipping conditions; nested-target nouns give
  // the addressee of what follows them.
  void CollectIssues(uint32_t b, uint32_t e, std::vector<std::pair<int, int>>& issues,
                     std::vector<Span>& spans) const {
    int target = -1;
    for (uint32_t t = b; t < e; ++t) {
      if (InCond(t)) continue;
      int m = MentionAt(t);
      if (m < 0) continue;
      const Mention& mm = M(static_cast<uint32_t>(m));
      if (mm.kind == EntryKind::kCue) {
        for (const CueInfo& o : cues_) {
          if (o.mention == static_cast<uint32_t>(m) && Rule(o).nested_target && o.holder >= 0) {
            target = FromMention(static_cast<uint32_t>(o.holder), 1).actor;
          }
        }
      }
      // Several mentions may start in one token (compounds).
      for (uint32_t k = static_cast<uint32_t>(m); k < s_.me && M(k).tb == t; ++k) {
        if (M(k).kind != EntryKind::kIssue) continue;
        issues.emplace_back(static_cast<int>(M(k).ref), target);
        spans.push_back(MSpan(k));
      }
    }
  }

  bool ContentToken(uint32_t t) const {
    int m = mention_cover_[t - s_.tb];
    // A capitalised German verb-cue form is a noun ("Antworten").
    bool noun_form = m >= 0 && German() && toks_[t].upper && t > s_.tb &&
                     M(static_cast<uint32_t>(m)).kind == EntryKind::kCue &&
                     pack_.cues[M(static_cast<uint32_t>(m)).ref].kind != CueKind::kNoun;
    return Word(t) && Roles(t) == 0 && (m < 0 || noun_form) && !toks_[t].digit && !InCond(t) &&
           toks_[t].end - toks_[t].start > 1;
  }

  // The head noun phrase of [b, e) as an open issue; `backward` searches from
  // the end (German verb-final clauses). Returns an empty span when none.
  Span OpenPhrase(uint32_t b, uint32_t e, bool backward) const {
    if (b >= e) return {};
    if (German()) {
      auto noun = [&](uint32_t t) { return ContentToken(t) && toks_[t].upper && t != s_.tb; };
      // Not the noun of a prepositional phrase ("innerhalb kurzer Frist").
      auto in_pp = [&](uint32_t t) {
        uint32_t k = t;
        while (k > b && k + 4 > t) {
          --k;
          uint32_t r = Roles(k);
          if (r & kRolePreposition) return true;
          if ((r & (kRoleDeterminer | kRoleNegation)) || ContentToken(k)) continue;
          return false;
        }
        return false;
      };
      uint32_t found = 0;
      bool ok = false;
      if (backward) {
        for (uint32_t t = e; t > b && t + 6 > e; --t) {
          if (noun(t - 1)) { found = t - 1; ok = true; break; }
        }
      } else {
        for (uint32_t t = b; t < e && t < b + 10; ++t) {
          if (noun(t) && !in_pp(t)) { found = t; ok = true; break; }
        }
      }
      if (!ok) return {};
      uint32_t start = found;
      while (start > b && start + 2 > found && ContentToken(start - 1) && !toks_[start - 1].upper) {
        --start;
      }
      return TokSpan(start, found + 1);
    }
    uint32_t t = b;
    while (t < e && t < b + 6 && !ContentToken(t)) ++t;
    if (t >= e || t >= b + 6) return {};
    // "to reach", "to conclude": a verb, not a noun phrase.
    if (t > s_.tb && Word(t - 1) &&
        (TokenIs(t - 1, "to") || TokenIs(t - 1, "not") || TokenIs(t - 1, "will") || TokenIs(t - 1, "would") ||
         (Roles(t - 1) & kRoleNegation))) {
      return {};
    }
    std::string_view head = TokenText(text_, toks_[t]);
    if (head.size() > 4 && (head.substr(head.size() - 4) == "self" || head.substr(head.size() - 2) == "ed")) return {};
    uint32_t end = t + 1;
    auto noun_cue = [&](uint32_t k) {
      int m = MentionAt(k);
      return m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue &&
             M(static_cast<uint32_t>(m)).te == k + 1 &&
             pack_.cues[M(static_cast<uint32_t>(m)).ref].kind == CueKind::kNoun;
    };
    while (end < e && end < t + 3 && (ContentToken(end) || noun_cue(end))) {
      if (noun_cue(end)) {
        ++end;
        break;
      }
      std::string w = Folded(end);
      if (w.size() > 2 && w.compare(w.size() - 2, 2, "ly") == 0) break;
      ++end;
    }
    return TokSpan(t, end);
  }

  bool HasAnaphor(uint32_t b, uint32_t e) const {
    for (uint32_t t = b; t < e && t < b + 3; ++t) {
      if (Word(t) && (TokenIs(t, "das") || TokenIs(t, "dies") || TokenIs(t, "this")) &&
          (t + 1 >= e || !Word(t + 1) || !toks_[t + 1].upper || !German())) {
        return true;
      }
    }
    for (uint32_t t = b; t < e && t < b + 4; ++t) {
      // "lehnte die neue Forderung ab": a bare stance noun refers back.
      int m = MentionAt(t);
      if (m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue &&
          pack_.cues[M(static_cast<uint32_t>(m)).ref].kind == CueKind::kNoun && t > b &&
          (Roles(t - 1) & kRoleDeterminer || Roles(b) & kRoleDeterminer)) {
        return true;
      }
    }
    for (uint32_t t = b; t < e; ++t) {
      if (!(Roles(t) & kRoleDemonstrative)) continue;
      for (uint32_t k = t + 1; k < e && k < t + 3; ++k) {
        if (IsCueAt(k)) return true;
      }
    }
    return false;
  }

  void Emit(CueInfo& c) {
    const CueRule& rule = Rule(c);
    if (!c.who.ok()) return;
    if (rule.kind == CueKind::kNoun && c.embedded && Rule(c).nested_target) return;
    if (rule.kind == CueKind::kVerb && segs_[c.seg].type == SegType::kComplement) {
      // "Russia demanded that NATO rule out X": reported content, not NATO's position.
      uint32_t t = M(c.mention).tb;
      for (const CueInfo& o : cues_) {
        if (&o != &c && !Weak(o) && t >= o.ob1 && t < o.oe1) return;
      }
    }
    if (Weak(c)) {
      // Only a clause of its own, not claimed by another cue's object.
      for (const CueInfo& o : cues_) {
        if (&o == &c || Weak(o)) continue;
        uint32_t t = M(c.mention).tb;
        if (o.seg == c.seg || (t >= o.ob1 && t < o.oe1)) return;
      }
      if (rule.kind == CueKind::kCommitment && !Negated(c)) return;
      // "müsse ... mit Sanktionen rechnen": the lexical verb outranks the auxiliary.
      for (const CueInfo& o : cues_) {
        if (&o != &c && Rule(o).kind == CueKind::kModal && o.seg == c.seg && o.mention > c.mention) return;
      }
    }
    bool negated = rule.kind == CueKind::kCommitment ? true : Negated(c);
    if (negated && NeitherNor(c)) return;  // "neither accepted nor turned down": no position
    Stance stance = rule.kind == CueKind::kList ? d_.last_stance : rule.stance;
    if (rule.kind == CueKind::kList) {
      // "Among them was the Kremlin's demand ...": the noun speaks for itself.
      for (const CueInfo& o : cues_) {
        if (Rule(o).kind == CueKind::kNoun && o.holder >= 0 && !Rule(o).nested_target) return;
      }
    }
    if (negated && !Weak(c) && rule.kind != CueKind::kList) {
      if (rule.negated_drop) return;
      if (rule.negated) {
        stance = *rule.negated;
      } else {
        switch (rule.stance) {
          case Stance::kOffer: case Stance::kAccept: stance = Stance::kReject; break;
          case Stance::kReject: stance = Stance::kAccept; break;
          case Stance::kThreaten: stance = Stance::kAssure; break;
          default: return;
        }
      }
    }
    std::vector<std::pair<int, int>> issues;
    std::vector<Span> spans;
    CollectIssues(c.ob1, c.oe1, issues, spans);
    CollectIssues(c.ob2, c.oe2, issues, spans);
    bool specific = std::any_of(issues.begin(), issues.end(),
                                [&](const auto& i) { return !pack_.issues[i.first].wrapper; });
    if (specific) {
      for (size_t i = issues.size(); i-- > 0;) {
        if (pack_.issues[issues[i].first].wrapper) {
          issues.erase(issues.begin() + static_cast<std::ptrdiff_t>(i));
          spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i));
        }
      }
    }
    bool has_threat_issue = std::any_of(issues.begin(), issues.end(), [&](const auto& i) {
      return pack_.issues[i.first].threat_head;
    });
    // "would face X", "mit X rechnen": a threat only when X is a sanction or a countermeasure.
    if (rule.needs_threat_issue && !has_threat_issue) return;
    if (stance == Stance::kThreaten && has_threat_issue) {
      for (size_t i = issues.size(); i-- > 0;) {
        if (!pack_.issues[issues[i].first].threat_head) {
          issues.erase(issues.begin() + static_cast<std::ptrdiff_t>(i));
          spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i));
        }
      }
    }
    Draft base;
    base.actor = c.who.actor;
    base.speaker = c.who.speaker;
    // A reported speaker of the same party names who spoke.
    if (base.speaker < 0 && frame_.speaker >= 0 && frame_.actor == base.actor) {
      base.speaker = frame_.speaker;
    }
    if (base.speaker < 0 && d_.speaker >= 0 && d_.speaker_actor == base.actor && Konjunktiv()) {
      base.speaker = d_.speaker;
    }
    base.target = c.target == base.actor ? -1 : c.target;
    base.stance = stance;
    base.negated = negated;
    base.condition = ConditionFor(c);
    base.cue = MSpan(c.mention);
    if (c.particle) base.cue.end = toks_[c.particle].end;
    base.actor_span = c.who.span;
    base.rule = rule.id;
    base.confidence = c.who.confidence > 0 ? c.who.confidence : 0.6f;
    if (rule.kind == CueKind::kList) base.rule = rule.id + "+" + d_.last_rule;
    if (issues.empty()) {
      if (HasAnaphor(c.ob1, c.oe1) || HasAnaphor(c.ob2, c.oe2)) {
        if (index_ - d_.last_issues_sentence <= 3) {
          for (uint32_t i : d_.last_issues) {
            issues.emplace_back(static_cast<int>(i), -1);
            spans.push_back(Span{});
          }
        }
      }
    }
    if (issues.empty()) {
      bool may_open = rule.kind != CueKind::kNoun ||
                      (c.ob1 < c.oe1 && (Roles(c.ob1) & kRoleHolderLink));

      if (!may_open) return;
      Span sp = OpenPhrase(c.ob1, c.oe1, false);
      if (sp.empty()) sp = OpenPhrase(c.ob2, c.oe2, true);
      if (sp.empty()) return;
      // "auf keinen neuen Termin geeinigt": not agreeing on something unnamed
      // is no rejection of an issue.
      if (negated && rule.stance == Stance::kAccept) {
        for (uint32_t t = s_.tb + 1; t < s_.te; ++t) {
          if (toks_[t].start == sp.start) {
            uint32_t r = Roles(t - 1);
            if ((r & kRoleNegation) && !(r & kRoleNegAdverb)) return;
            break;
          }
        }
      }
      Draft d = base;
      d.open_label = std::string(text_.substr(sp.start, sp.end - sp.start));
      d.issue_span = sp;
      d.confidence *= 0.8f;
      Push(d);
      return;
    }
    std::vector<int> actors = {base.actor};
    for (int a : c.co_actors) {
      if (a >= 0 && std::find(actors.begin(), actors.end(), a) == actors.end()) actors.push_back(a);
    }
    for (size_t i = 0; i < issues.size(); ++i) {
      for (size_t ai = 0; ai < actors.size(); ++ai) {
        Draft d = base;
        if (ai > 0) {
          d.actor = actors[ai];
          d.speaker = -1;
        }
        d.issue = issues[i].first;
        d.issue_span = spans[i];
        if (issues[i].second >= 0 && issues[i].second != d.actor) d.target = issues[i].second;
        if (d.target == d.actor) d.target = -1;
        Push(d);
      }
    }
  }

  void Push(const Draft& d) {
    auto key = std::make_tuple(d.actor, static_cast<int>(d.stance), d.issue, d.open_label);
    if (!emitted_.insert(key).second) return;
    out_.push_back(d);
    if (d.issue >= 0) sentence_issues_.push_back(static_cast<uint32_t>(d.issue));
    last_draft_ = d;
    has_draft_ = true;
  }

  void UpdateSpeaker() {
    if (!frame_.ok()) return;
    d_.speaker = frame_.speaker;
    d_.speaker_actor = frame_.actor;
    d_.speaker_at = Recency(frame_tok_);
  }

  void UpdateDiscourseWithoutCues() {
    UpdateSpeaker();
    if (frame_.ok()) return;
    for (uint32_t m = s_.mb; m < s_.me && M(m).tb < s_.tb + 8; ++m) {
      if (M(m).kind == EntryKind::kSpeaker && SubjectLike(m)) {
        d_.speaker = static_cast<int>(M(m).ref);
        d_.speaker_actor = pack_.FindActor(pack_.speakers[M(m).ref].person.party);
        d_.speaker_at = Recency(M(m).tb);
        return;
      }
    }
  }

  void FinishDiscourse() {
    UpdateSpeaker();
    if (first_subject_.ok()) {
      if (first_subject_.speaker >= 0) {
        d_.speaker = first_subject_.speaker;
        d_.speaker_actor = first_subject_.actor;
        d_.speaker_at = Recency(first_subject_tok_);
      } else {
        d_.subject_actor = first_subject_.actor;
        d_.subject_at = Recency(first_subject_tok_);
      }
    }
    if (has_draft_) {
      d_.has_last = true;
      d_.last_sentence = index_;
      d_.last_actor = last_draft_.actor;
      d_.last_speaker = last_draft_.speaker;
      d_.last_stance = last_draft_.stance;
      d_.last_rule = last_draft_.rule;
    }
    // Noun cues with a holder but no issue still set up a list ("Forderungen").
    for (const CueInfo& c : cues_) {
      if (Rule(c).kind == CueKind::kNoun && c.who.ok() && !has_draft_) {
        d_.has_last = true;
        d_.last_sentence = index_;
        d_.last_actor = c.who.actor;
        d_.last_speaker = c.who.speaker;
        d_.last_stance = Rule(c).stance;
        d_.last_rule = Rule(c).id;
      }
    }
    if (!sentence_issues_.empty()) {
      d_.last_issues = sentence_issues_;
      d_.last_issues_sentence = index_;
    }
  }

  const RulePack& pack_;
  std::string_view text_;
  uint8_t lang_;
  const LexedText& lx_;
  const Sentence& s_;
  uint32_t index_;
  Discourse& d_;
  std::vector<Draft>& out_;
  const std::vector<Token>& toks_;

  std::vector<Segment> segs_;
  std::vector<uint32_t> seg_of_;
  std::vector<int> mention_at_;
  std::vector<int> mention_cover_;
  std::vector<bool> in_cond_;
  std::vector<std::pair<uint32_t, uint32_t>> inline_conds_;
  std::set<uint32_t> consumed_;
  std::set<uint32_t> frame_cues_;  // cues that are only a parenthetical frame
  std::vector<CueInfo> cues_;
  mutable int konjunktiv_ = -1;
  int opening_subject_ = -1;  // a subject-like mention opening the sentence
  Attribution frame_;
  uint32_t frame_tok_ = 0;
  Attribution first_subject_;
  uint32_t first_subject_tok_ = 0;
  int subject_mention_ = -1;
  std::vector<int> co_subjects_;
  std::set<std::tuple<int, int, int, std::string>> emitted_;
  std::vector<uint32_t> sentence_issues_;
  Draft last_draft_;
  bool has_draft_ = false;
};

}  // namespace

void AnalyzeSentence(const RulePack& pack, std::string_view text, uint8_t lang,
                     const LexedText& lexed, uint32_t index, Discourse& discourse,
                     std::vector<Draft>& out) {
  SentenceAnalyzer(pack, text, lang, lexed, index, discourse, out).Run();
}

}  // namespace negograph::ingest
