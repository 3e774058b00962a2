// The sentence analyzer's shared state, split by stage across
//   clause_segments.cc  clauses: segments, conditions, speech frames
//   cue_objects.cc      cues, nominal holders, object ranges
//   attribution.cc      who holds a cue: passive agents, frames, modals
//   subjects.cc         subjects, coordination, pronouns, examples, "beide"
//   frame_emit.cc       negation, conditions, issues, open phrases, drafts
//   clause_analyzer.cc  the driver and the discourse carried between sentences
// Internal to ingest/; the public entry point is ingest/clause_analyzer.h.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "ingest/clause_analyzer.h"
#include "ingest/text_util.h"

namespace negograph::ingest::detail {

// Window caps keep the work per cue constant, so a sentence costs O(tokens).
inline constexpr uint32_t kObjectWindow = 40;
inline constexpr uint32_t kNounObjectWindow = 25;
inline constexpr uint32_t kPrepLookBack = 3;

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
  // "Israel must agree to X", said by the USA: the verb after the speaker's
  // modal is no stance of its subject; the modal's demand carries its object.
  bool governed = false;
  Span open_actor;  // a named organisation the lexicon does not know (ingest/open_actor.cc)
};

// A party added by a co-holder phrase ("supported by Y": accept).
struct CoHolder {
  int actor = -1;
  Stance stance = Stance::kAccept;
  uint32_t tok = 0;  // where the phrase starts
};

class SentenceAnalyzer {
 public:
  SentenceAnalyzer(const RulePack& pack, std::string_view text, uint8_t lang,
                   const LexedText& lx, uint32_t index, Discourse& d, std::vector<Draft>& out,
                   SentenceTrace* trace)
      : pack_(pack), text_(text), lang_(lang), lx_(lx), s_(lx.sentences[index]), index_(index),
        d_(d), out_(out), toks_(lx.tokens), trace_(trace) {}

  void Run();

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

  // trace_stage.cc: what the stages saw, for `extract --explain`.
  void TraceStructure() const;
  void TraceCues(size_t first_draft) const;
  std::string MentionTag(uint32_t m) const;
  std::string ActorName(int actor) const;

  void BuildSegments();
  // "die Ukraine anzugreifen", "to withdraw": an infinitive clause.
  bool Infinitive(const Segment& seg) const;
  // Only function words or weak cues ("would", "werde") precede t in seg.
  bool OnlyFunctionWordsBefore(const Segment& seg, uint32_t t) const;
  bool FirstWordOfSeg(const Segment& seg, uint32_t t) const;

  void MarkConditions();

  // A mention is "prepositional" when a preposition governs it ("in der
  // Ukraine", "mit den USA"): then it is never a subject or a target.
  bool Prepositional(uint32_t m) const;
  bool Possessive(uint32_t m) const;
  // Can mention m be the subject (or addressee) of a clause?
  bool SubjectLike(uint32_t m) const;

  Attribution FromMention(uint32_t m, float conf) const;

  void FindFrames();
  // The frame governing the cue at token t: the last one before it, else the first after.
  void SelectFrame(uint32_t t);

  // "she warned" / "warnte er" as a clause of its own is a speech frame.
  void ParentheticalFrames();

  void CollectCues();

  void FindHolder(CueInfo& c);

  bool IsCueAt(uint32_t t) const;
  // An English article, possessive or "of" right before token t.
  bool ArticleBefore(uint32_t t) const;
  // A party's name as the modifier of the noun cue at cue_tb ("the EU proposal").
  bool Modifier(const Mention& h, uint32_t cue_tb) const;

  void ComputeObject(CueInfo& c);

  void MarkEmbedded();

  // Resolves a pronoun at token t; a plural "they" puts its further parties into *co.
  Attribution ResolvePronoun(uint32_t t, std::vector<int>* co = nullptr) const;

  // Subject candidates in [b, e): a subject-like mention or a pronoun.
  bool FindSubject(uint32_t b, uint32_t e, Attribution& out, uint32_t& end_tok);
  // Actors coordinated with subject mention m ("die USA und die EU",
  // "Die EU, die Schweiz und Großbritannien"), into co_subjects_.
  void CollectCoordinated(uint32_t m, uint32_t limit, uint32_t& end_tok);
  bool Prepositional_token(uint32_t t) const;
  void CoordinatedAdjectives(uint32_t m, uint32_t b);
  bool Counterpart(uint32_t t) const;

  bool Passive(const CueInfo& c) const;
  // "a proposal floated by X": a participle after a noun, with its agent.
  bool ReducedRelative(const CueInfo& c) const;
  // The party after an agent word ("by", "von", "from") in [b, e), or -1.
  int AgentAfter(uint32_t b, uint32_t e) const;
  // The passive's subject before the verb ("The plan ... was rejected by X"): its first token.
  uint32_t PassiveSubjectStart(const CueInfo& c) const;

  void Attribute(CueInfo& c);
  bool BothHolders(CueInfo& c) const;
  // plural_holders.cc: parties named together, and who "they" and "the counterparts" are.
  void NoteGroups();
  // The last group of this sentence that ends by token t, or null.
  const std::vector<int>* GroupEndingBy(uint32_t t) const;
  // The group named last before token t: in this sentence, a cue's coordinated
  // holders, or one of the last `sentences` sentences.
  const std::vector<int>* GroupBefore(uint32_t t, uint32_t sentences) const;
  // Token t is inside quotation marks of this sentence.
  bool InsideQuote(uint32_t t) const;
  // The parties "they" (or, with counterpart, "his counterparts") at token t
  // stands for, into out; false when there is no such group.
  bool PluralReferent(uint32_t t, bool counterpart, std::vector<int>& out) const;
  void AttributeHolder(CueInfo& c);
  // A cue in a "which" clause: its antecedent actor holds it, a thing nobody.
  bool RelativeHolder(CueInfo& c);
  void MarkGovernedByModal();
  // "Länder wie X, aber auch Y": the examples after a common-noun subject hold the cue.
  bool ExampleHolders(uint32_t b, uint32_t e, Attribution& out, std::vector<int>& co);

  bool Konjunktiv() const;

  // Negation of the cue (not of its object).
  bool Negated(const CueInfo& c) const;

  bool NeitherNor(const CueInfo& c) const;
  // "rejected calls for X": a verb cue form heading another cue's object is a noun.
  bool NominalUse(const CueInfo& c) const;
  // What the sentence's condition makes of a commitment: a threat when it is
  // adverse (negated, a refusal), an offer when it is consent, else nothing.
  std::optional<Stance> ConditionReading() const;

  std::string ConditionFor(const CueInfo& c) const;

  // Issues named in [b, e), skipping conditions; nested-target nouns give
  // the addressee of what follows them.
  void CollectIssues(uint32_t b, uint32_t e, std::vector<std::pair<int, int>>& issues,
                     std::vector<Span>& spans) const;

  bool ContentToken(uint32_t t) const;

  // The head noun phrase of [b, e) as an open issue; `backward` searches from
  // the end (German verb-final clauses). Returns an empty span when none.
  Span OpenPhrase(uint32_t b, uint32_t e, bool backward) const;

  bool HasAnaphor(uint32_t b, uint32_t e) const;

  // open_actor.cc: a named organisation in [b, e) the lexicon does not know.
  Span OpenActor(uint32_t b, uint32_t e) const;
  bool OrgNoun(uint32_t t) const;
  bool Acronym(uint32_t t) const;
  bool NameWord(uint32_t t) const;
  bool GovernedByPreposition(uint32_t t) const;

  // co_holders.cc: "supported by Y", "opposed by Y", "on behalf of Y".
  void FindCoHolders();
  // Pushes d's copies for the co-holders of cue c.
  void PushCoHolders(const Draft& d, const CueInfo& c);

  // theme_phrase.cc: the theme of [b, e) as one span (empty when none).
  // content_verb: a clause theme headed by a full verb ("to destroy the
  // missiles"): the verb phrase is the issue, not a noun named inside it.
  struct Theme {
    Span span;
    bool content_verb = false;
    bool proposition = false;  // "X be lifted": a state of affairs, never a list of actions
  };
  // addressee: the cue takes an addressee first ("urged X to ...", "assured X that ...").
  // particle: the cue's separable particle, which closes the verb bracket.
  Theme ThemePhrase(uint32_t b, uint32_t e, bool addressee = false, uint32_t particle = 0) const;
  bool ThemeBreak(uint32_t t) const;
  // English: token t after "to" can be the verb of an infinitive.
  bool VerbAfterTo(uint32_t t) const;
  // "stressed the importance of A, B and C": the further items of an open theme.
  void AppendListThemes(const CueInfo& c, std::vector<Span>& themes) const;
  // "abzubrechen", "zu verhandeln": a German zu-infinitive ends at token t.
  bool ZuInfinitive(uint32_t t) const;

  void Emit(CueInfo& c);
  // A noun cue heading c's object ("rejected the proposal to X"), or null.
  const CueInfo* HeadNounCue(const CueInfo& c) const;

  void Push(const Draft& d);

  void UpdateSpeaker();

  void UpdateDiscourseWithoutCues();
  void SaveGroup();

  void FinishDiscourse();

  const RulePack& pack_;
  std::string_view text_;
  uint8_t lang_;
  const LexedText& lx_;
  const Sentence& s_;
  uint32_t index_;
  Discourse& d_;
  std::vector<Draft>& out_;
  const std::vector<Token>& toks_;
  SentenceTrace* trace_;  // null unless explaining

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
  // Every speech frame of the sentence (token of its verb); frame_ is the one
  // governing the cue at hand ("A said that ..., while B stressed that ...").
  std::vector<std::pair<uint32_t, Attribution>> frames_;
  Attribution first_subject_;
  uint32_t first_subject_tok_ = 0;
  int subject_mention_ = -1;
  std::vector<int> co_subjects_;
  std::vector<int> group_;  // the parties last named together, for "beide Länder"
  struct NamedGroup {
    uint32_t end_tok = 0;
    std::vector<int> actors;
  };
  std::vector<NamedGroup> named_groups_;  // "X and Y" in this sentence, in order
  bool subject_blocked_ = false;  // "his counterparts" without a pair: nobody, never the speaker
  std::vector<CoHolder> co_holders_;
  int behalf_actor_ = -1;  // "on behalf of the G77": the bloc over the delegate
  uint32_t behalf_tok_ = 0;
  std::set<std::tuple<int, std::string, int, int, std::string>> emitted_;
  std::vector<uint32_t> sentence_issues_;
  std::string sentence_open_;  // the first open issue label of this sentence
  Draft last_draft_;
  bool has_draft_ = false;
};

}  // namespace negograph::ingest::detail
