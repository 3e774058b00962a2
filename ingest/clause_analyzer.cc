#include "ingest/clause_analyzer.h"

#include "ingest/sentence_analyzer.h"

#include <tuple>

namespace negograph::ingest {
namespace detail {

void SentenceAnalyzer::Run() {
  BuildSegments();
  MarkConditions();
  FindFrames();
  NoteGroups();
  FindCoHolders();
  CollectCues();
  if (trace_ != nullptr) TraceStructure();
  if (cues_.empty()) {
    UpdateDiscourseWithoutCues();
    return;
  }
  for (CueInfo& c : cues_) FindHolder(c);
  for (uint32_t m = s_.mb; m < s_.me && M(m).tb < segs_[0].te && M(m).tb < s_.tb + 6; ++m) {
    if (SubjectLike(m)) {
      opening_subject_ = static_cast<int>(m);
      break;
    }
  }
  for (CueInfo& c : cues_) ComputeObject(c);
  MarkEmbedded();
  for (CueInfo& c : cues_) {
    SelectFrame(M(c.mention).tb);
    Attribute(c);
  }
  MarkGovernedByModal();
  const size_t first_draft = out_.size();
  for (CueInfo& c : cues_) {
    SelectFrame(M(c.mention).tb);
    Emit(c);
  }
  if (!frames_.empty()) std::tie(frame_tok_, frame_) = frames_.back();
  if (trace_ != nullptr) TraceCues(first_draft);
  FinishDiscourse();
}

void SentenceAnalyzer::SelectFrame(uint32_t t) {
  if (frames_.size() < 2) return;
  const auto* pick = &frames_.front();
  for (const auto& f : frames_) {
    if (f.first < t) pick = &f;
  }
  std::tie(frame_tok_, frame_) = *pick;
}

void SentenceAnalyzer::UpdateSpeaker() {
  if (!frame_.ok()) return;
  d_.speaker = frame_.speaker;
  d_.speaker_actor = frame_.actor;
  d_.speaker_at = Recency(frame_tok_);
}

void SentenceAnalyzer::SaveGroup() {
  if (group_.size() >= 2) {
    d_.last_group = group_;
  } else if (!named_groups_.empty()) {
    d_.last_group = named_groups_.back().actors;
  } else {
    return;
  }
  d_.last_group_sentence = index_;
  d_.last_group_at = Recency(named_groups_.empty() ? s_.tb : named_groups_.back().end_tok);
}

void SentenceAnalyzer::UpdateDiscourseWithoutCues() {
  UpdateSpeaker();
  SaveGroup();
  if (frame_.ok()) return;
  for (uint32_t m = s_.mb; m < s_.me && M(m).tb < s_.tb + 8; ++m) {
    if (M(m).kind == EntryKind::kSpeaker && SubjectLike(m)) {
      d_.speaker = static_cast<int>(M(m).ref);
      d_.speaker_actor = pack_.FindActor(pack_.speakers[M(m).ref].person.party);
      d_.speaker_at = Recency(M(m).tb);
      return;
    }
  }
  // "Chile is deeply disappointed with the draft.": the sentence's subject stays salient.
  for (uint32_t m = s_.mb; m < s_.me && M(m).tb < s_.tb + 4; ++m) {
    if (M(m).kind == EntryKind::kActor && SubjectLike(m)) {
      d_.subject_actor = static_cast<int>(M(m).ref);
      d_.subject_at = Recency(M(m).tb);
      if (d_.first_actor < 0) d_.first_actor = d_.subject_actor;
      return;
    }
  }
}

void SentenceAnalyzer::FinishDiscourse() {
  UpdateSpeaker();
  SaveGroup();
  if (first_subject_.ok()) {
    if (first_subject_.speaker >= 0) {
      d_.speaker = first_subject_.speaker;
      d_.speaker_actor = first_subject_.actor;
      d_.speaker_at = Recency(first_subject_tok_);
    } else {
      d_.subject_actor = first_subject_.actor;
      d_.subject_at = Recency(first_subject_tok_);
      if (d_.first_actor < 0) d_.first_actor = d_.subject_actor;
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
    d_.last_open_label.clear();
    d_.last_issues_sentence = index_;
  } else if (!sentence_open_.empty()) {
    d_.last_issues.clear();
    d_.last_open_label = sentence_open_;
    d_.last_issues_sentence = index_;
  }
}

}  // namespace detail

void AnalyzeSentence(const RulePack& pack, std::string_view text, uint8_t lang,
                     const LexedText& lexed, uint32_t index, Discourse& discourse,
                     std::vector<Draft>& out, SentenceTrace* trace) {
  detail::SentenceAnalyzer(pack, text, lang, lexed, index, discourse, out, trace).Run();
}

}  // namespace negograph::ingest
