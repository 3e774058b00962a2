// Records what each stage of the sentence analyzer saw, for
// `negograph extract --explain` (ingest/explain.h). Runs only when a trace
// is requested, so it may allocate freely.
#include <algorithm>
#include <string>

#include "ingest/sentence_analyzer.h"

namespace negograph::ingest::detail {
namespace {

const char* SegTypeName(SegType type) {
  switch (type) {
    case SegType::kMain: return "main";
    case SegType::kCondition: return "condition";
    case SegType::kComplement: return "complement";
    case SegType::kWithout: return "without";
  }
  return "?";
}

const char* CueKindName(CueKind kind) {
  switch (kind) {
    case CueKind::kVerb: return "verb";
    case CueKind::kNoun: return "noun";
    case CueKind::kList: return "list";
    case CueKind::kCommitment: return "commitment";
    case CueKind::kModal: return "modal";
  }
  return "?";
}

}  // namespace

std::string SentenceAnalyzer::ActorName(int actor) const {
  return actor >= 0 ? pack_.actors[static_cast<size_t>(actor)].actor.id : std::string("-");
}

std::string SentenceAnalyzer::MentionTag(uint32_t m) const {
  switch (M(m).kind) {
    case EntryKind::kActor:
      return std::string(M(m).adjective ? "ACT-ADJ:" : "ACT:") + pack_.actors[M(m).ref].actor.id;
    case EntryKind::kSpeaker: return "SPK:" + pack_.speakers[M(m).ref].person.id;
    case EntryKind::kIssue: return "ISS:" + pack_.issues[M(m).ref].issue.id;
    case EntryKind::kCue: return "CUE:" + pack_.cues[M(m).ref].id;
    case EntryKind::kWord: break;
  }
  return "WORD";
}

void SentenceAnalyzer::TraceStructure() const {
  SentenceTrace& tr = *trace_;
  tr.index = index_;
  Span whole = TokSpan(s_.tb, s_.te);
  tr.text = std::string(text_.substr(whole.start, whole.end - whole.start));
  for (uint32_t t = s_.tb; t < s_.te; ++t) {
    if (t > s_.tb) tr.tokens += ' ';
    tr.tokens += TokenText(text_, toks_[t]);
    std::string tags = RoleTags(Roles(t));
    int m = MentionAt(t);
    if (m >= 0) tags += (tags.empty() ? "" : "|") + MentionTag(static_cast<uint32_t>(m));
    if (InCond(t)) tags += tags.empty() ? "in-cond" : "|in-cond";
    if (!tags.empty()) tr.tokens += "/" + tags;
  }
  for (const Segment& seg : segs_) {
    Span sp = TokSpan(seg.tb, seg.te);
    tr.clauses.push_back(std::string(SegTypeName(seg.type)) + (seg.frame ? " (speech frame)" : "") + ": " +
                         std::string(text_.substr(sp.start, sp.end - sp.start)));
  }
  for (const auto& [tok, f] : frames_) {
    if (!f.ok()) continue;
    std::string who = ActorName(f.actor);
    if (f.speaker >= 0) who += " (" + pack_.speakers[static_cast<size_t>(f.speaker)].person.id + ")";
    tr.frames.push_back("speech: " + who);
  }
  for (const CoHolder& co : co_holders_) {
    tr.frames.push_back(std::string(co.stance == Stance::kAccept ? "supported by: " : "opposed by: ") +
                        ActorName(co.actor));
  }
  if (behalf_actor_ >= 0) tr.frames.push_back("on behalf of: " + ActorName(behalf_actor_));
}

void SentenceAnalyzer::TraceCues(size_t first_draft) const {
  SentenceTrace& tr = *trace_;
  auto text_of = [&](uint32_t b, uint32_t e) {
    Span sp = TokSpan(b, std::min(e, s_.te));
    return sp.empty() ? std::string() : std::string(text_.substr(sp.start, sp.end - sp.start));
  };
  for (const CueInfo& c : cues_) {
    const CueRule& rule = Rule(c);
    std::string line = rule.id + " (" + CueKindName(rule.kind) + ", " + std::string(StanceName(rule.stance)) +
                       ") holder=" + ActorName(c.who.actor);
    if (!c.open_actor.empty()) {
      line += " open-holder=\"" + std::string(text_.substr(c.open_actor.start, c.open_actor.end - c.open_actor.start)) + "\"";
    }
    if (c.who.speaker >= 0) line += " speaker=" + pack_.speakers[static_cast<size_t>(c.who.speaker)].person.id;
    if (c.target >= 0) line += " target=" + ActorName(c.target);
    for (int a : c.co_actors) line += " co-holder=" + ActorName(a);
    if (c.embedded) line += " embedded";
    line += " object=\"" + text_of(c.ob1, c.oe1) + "\"";
    if (c.oe2 > c.ob2) line += " before=\"" + text_of(c.ob2, c.oe2) + "\"";
    Theme theme = ThemePhrase(c.ob1, c.oe1, rule.target, c.particle);
    if (!theme.span.empty()) {
      line += std::string(theme.content_verb ? " verb-theme=\"" : " theme=\"") +
              std::string(text_.substr(theme.span.start, theme.span.end - theme.span.start)) + "\"";
    }
    tr.cues.push_back(std::move(line));
  }
  for (size_t k = first_draft; k < out_.size(); ++k) {
    const Draft& d = out_[k];
    std::string issue = d.issue >= 0 ? pack_.issues[static_cast<size_t>(d.issue)].issue.id : "open:\"" + d.open_label + "\"";
    std::string actor = d.actor >= 0 ? ActorName(d.actor) : "open:\"" + d.open_actor + "\"";
    tr.drafts.push_back(actor + " " + std::string(StanceName(d.stance)) + " " + issue + " [" + d.rule + "]" +
                        (d.negated ? " negated" : "") + (d.condition.empty() ? "" : " if \"" + d.condition + "\""));
  }
}

}  // namespace negograph::ingest::detail
