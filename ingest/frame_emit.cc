// Emission stage: negation and neither-nor, conditions, the issues of a
// cue's object (canonical or an open phrase), and the drafts themselves.
#include "ingest/sentence_analyzer.h"

#include <algorithm>
#include <optional>

namespace negograph::ingest::detail {

// Negation of the cue (not of its object).
bool SentenceAnalyzer::Negated(const CueInfo& c) const {
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

bool SentenceAnalyzer::NominalUse(const CueInfo& c) const {
  if (Rule(c).kind == CueKind::kNoun) return false;
  const uint32_t tb = M(c.mention).tb;
  for (const CueInfo& o : cues_) {
    if (&o == &c || Weak(o) || Rule(o).kind == CueKind::kNoun || M(o.mention).tb >= tb) continue;
    // "rebuffed calls for X": the verb form heads the other cue's object (after articles).
    uint32_t k = o.ob1;
    while (k < tb && Word(k) && (Roles(k) & kRoleDeterminer)) ++k;
    if (k == tb) return true;
  }
  return false;
}

std::optional<Stance> SentenceAnalyzer::ConditionReading() const {
  bool consent = false;
  for (uint32_t t = s_.tb; t < s_.te; ++t) {
    if (!InCond(t)) continue;
    if (Roles(t) & (kRoleNegation | kRoleNegAdverb)) return Stance::kThreaten;  // "wenn die Gegenseite nicht unterschreibe"
    int m = MentionAt(t);
    if (m < 0 || M(static_cast<uint32_t>(m)).kind != EntryKind::kCue) continue;
    Stance s = pack_.cues[M(static_cast<uint32_t>(m)).ref].stance;
    if (s == Stance::kReject) return Stance::kThreaten;  // "if the Kremlin refuses"
    consent = consent || s == Stance::kAccept;           // "Sollte die Hamas zustimmen"
  }
  if (consent) return Stance::kOffer;
  return std::nullopt;
}

bool SentenceAnalyzer::NeitherNor(const CueInfo& c) const {
  const Segment& seg = segs_[c.seg];
  uint32_t b = M(c.mention).tb >= seg.tb + 6 ? M(c.mention).tb - 6 : seg.tb;
  for (uint32_t t = b; t < M(c.mention).tb; ++t) {
    if (Word(t) && (TokenIs(t, "neither") || TokenIs(t, "weder"))) return true;
  }
  return false;
}

std::string SentenceAnalyzer::ConditionFor(const CueInfo& c) const {
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
void SentenceAnalyzer::CollectIssues(uint32_t b, uint32_t e, std::vector<std::pair<int, int>>& issues,
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

void SentenceAnalyzer::Emit(CueInfo& c) {
  std::optional<Stance> conditional;  // a commitment under a condition
  const CueRule& rule = Rule(c);
  if (!c.who.ok() && c.open_actor.empty()) return;
  if (rule.kind == CueKind::kNoun && c.embedded && Rule(c).nested_target) return;
  if (rule.kind == CueKind::kVerb &&
      (segs_[c.seg].type == SegType::kComplement || Infinitive(segs_[c.seg]))) {
    // "Russia demanded that NATO rule out X", "bereit, zu verhandeln": content of
    // another cue, not a position of its own.
    uint32_t t = M(c.mention).tb;
    for (const CueInfo& o : cues_) {
      if (&o != &c && !Weak(o) && t >= o.ob1 && t < o.oe1) return;
    }
  }
  if (c.governed) return;
  if (NominalUse(c)) return;
  if (Weak(c)) {
    // Only a clause of its own, not claimed by another cue's object.
    for (const CueInfo& o : cues_) {
      if (&o == &c || Weak(o) || o.governed) continue;
      uint32_t t = M(c.mention).tb;
      if (o.seg == c.seg || (t >= o.ob1 && t < o.oe1)) return;
    }
    // "We will not be placated", "the deal would be renewed": a passive or a
    // copula after "will" commits its subject to nothing.
    if (rule.kind == CueKind::kCommitment && !German()) {
      uint32_t t = M(c.mention).te;
      while (t < s_.te && Word(t) && (Roles(t) & kRoleNegation)) ++t;
      // "will be forced to retaliate" still commits.
      bool to_follows = t + 2 < s_.te && Word(t + 2) && TokenIs(t + 2, "to");
      if (t < s_.te && Word(t) && TokenIs(t, "be") && !to_follows) return;
    }
    if (rule.kind == CueKind::kCommitment && !Negated(c)) {
      // "If the Kremlin refuses, the Alliance will retaliate", "Sollte die Hamas
      // zustimmen, werde Israel eine Delegation schicken": a commitment under a
      // condition is a threat when the condition is adverse (a refusal, a
      // negation), an offer when it is the other side's consent; any other
      // condition says too little.
      if (ConditionFor(c).empty() || !c.who.ok()) return;
      std::optional<Stance> reading = ConditionReading();
      if (!reading) {
        // "Polen werde Sanktionen verhängen, falls ...": a sanction or a
        // countermeasure promised under any condition is a threat.
        std::vector<std::pair<int, int>> named;
        std::vector<Span> named_spans;
        CollectIssues(c.ob1, c.oe1, named, named_spans);
        for (const auto& i : named) {
          if (pack_.issues[static_cast<size_t>(i.first)].threat_head) reading = Stance::kThreaten;
        }
      }
      if (!reading) return;
      conditional = reading;
    }
    // "müsse ... mit Sanktionen rechnen": the lexical verb outranks the auxiliary.
    for (const CueInfo& o : cues_) {
      if (&o != &c && Rule(o).kind == CueKind::kModal && o.seg == c.seg && o.mention > c.mention) return;
    }
  }
  bool negated = rule.kind == CueKind::kCommitment ? !conditional.has_value() : Negated(c);
  // "Ein weiteres Treffen wurde nicht vereinbart", "no deal was agreed": no
  // agreement was reached, which is nobody's rejection.
  if (negated && rule.stance == Stance::kAccept && Passive(c) && !c.who.explicit_subject) return;
  if (negated && NeitherNor(c)) return;  // "neither accepted nor turned down": no position
  Stance stance = rule.kind == CueKind::kList ? d_.last_stance : conditional.value_or(rule.stance);
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
  // "wies den Vorschlag X, Y abzuschaffen, zurück": what is rejected is what the
  // proposal (a noun cue heading the object) puts forward.
  uint32_t ob = c.ob1, oe = c.oe1;
  if (const CueInfo* head = HeadNounCue(c)) {
    ob = head->ob1;
    oe = head->oe1;
  }
  const Theme theme = ThemePhrase(ob, oe, ob == c.ob1 && rule.target, ob == c.ob1 ? c.particle : 0);
  if (!theme.content_verb) {
    CollectIssues(ob, oe, issues, spans);
    CollectIssues(c.ob2, c.oe2, issues, spans);
  }
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
  if (!c.who.ok()) {
    base.open_actor = std::string(text_.substr(c.open_actor.start, c.open_actor.end - c.open_actor.start));
    c.who.span = c.open_actor;
    c.who.confidence = 0.6f;
  }
  base.speaker = c.who.speaker;
  // A reported speaker of the same party names who spoke.
  if (base.speaker < 0 && base.actor >= 0 && frame_.speaker >= 0 && frame_.actor == base.actor) {
    base.speaker = frame_.speaker;
  }
  if (base.speaker < 0 && base.actor >= 0 && d_.speaker >= 0 && d_.speaker_actor == base.actor && Konjunktiv()) {
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
    // German fronts a pronominal object: "Dazu ist X nicht bereit", "Dafür setzt sich X ein".
    uint32_t first = segs_[c.seg].tb;
    while (first < M(c.mention).tb && !Word(first)) ++first;
    bool fronted = German() && first < M(c.mention).tb && !InCond(first) && HasAnaphor(first, first + 1);
    // ... or keeps it right before the final verb ("hätte ihn mitgetragen").
    if (German() && c.oe2 > c.ob2 && c.oe2 == M(c.mention).tb) {
      fronted = fronted || HasAnaphor(std::max(c.ob2, c.oe2 - 1), c.oe2);
    }
    if (HasAnaphor(c.ob1, c.oe1) || HasAnaphor(c.ob2, c.oe2) || fronted) {
      if (index_ - d_.last_issues_sentence <= 3) {
        for (uint32_t i : d_.last_issues) {
          issues.emplace_back(static_cast<int>(i), -1);
          spans.push_back(Span{});
        }
        // "Dazu ist der Westen nicht bereit": the open issue of the sentence before.
        if (issues.empty() && !d_.last_open_label.empty() && rule.kind != CueKind::kNoun) {
          Draft d = base;
          d.open_label = d_.last_open_label;
          d.confidence *= 0.7f;
          Push(d);
          PushCoHolders(d, c);
          return;
        }
      }
    }
  }
  if (issues.empty()) {
    bool may_open = rule.kind != CueKind::kNoun || theme.content_verb ||
                    (c.ob1 < c.oe1 && (Roles(c.ob1) & kRoleHolderLink));

    if (!may_open) return;
    Span sp = theme.span;
    if (sp.empty()) sp = OpenPhrase(c.ob2, c.oe2, true);
    if (sp.empty() && German() && Weak(c) && conditional) {
      // "werde man härter vorgehen": the verb phrase closed by the final infinitive.
      uint32_t e = std::min(c.oe1, segs_[c.seg].te);
      while (e > c.ob1 && !Word(e - 1)) --e;
      std::string_view last = e > c.ob1 ? TokenText(text_, toks_[e - 1]) : std::string_view{};
      if (last.size() > 3 && last.substr(last.size() - 2) == "en" && !toks_[e - 1].upper && Roles(e - 1) == 0) {
        uint32_t b = c.ob1;
        while (b + 1 < e && (!Word(b) || (Roles(b) & (kRolePronoun | kRoleStop | kRoleAuxiliary)) ||
                             toks_[b].end <= c.who.span.end)) {
          ++b;
        }
        sp = TokSpan(b, e);
      }
    }
    // The holder is never its own issue ("Die Gewerkschaft GDL lehnte ... ab");
    // an inverted subject opening the theme is cut off ("werde Israel eine Delegation schicken").
    if (!sp.empty() && sp.start < c.who.span.end && c.who.span.start < sp.end) {
      if (sp.start < c.who.span.start || c.who.span.end >= sp.end) return;
      size_t next = text_.find_first_not_of(" \t\n", c.who.span.end);
      if (next == std::string_view::npos || next >= sp.end) return;
      sp.start = static_cast<uint32_t>(next);
    }
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
    std::vector<Span> themes = {sp};
    // A list of actions ("protecting A, respecting B and increasing C") is one position per action.
    if (theme.content_verb && !theme.proposition && sp.start == theme.span.start && sp.end == theme.span.end) {
      AppendListThemes(c, themes);
    }
    std::vector<int> holders = {base.actor};
    for (int a : c.co_actors) {
      if (a >= 0 && std::find(holders.begin(), holders.end(), a) == holders.end()) holders.push_back(a);
    }
    for (const Span& one : themes) {
      for (size_t ai = 0; ai < holders.size(); ++ai) {
        Draft d = base;
        if (ai > 0) {
          d.actor = holders[ai];
          d.speaker = -1;
          d.open_actor.clear();
        }
        d.open_label = std::string(text_.substr(one.start, one.end - one.start));
        d.issue_span = one;
        d.confidence *= 0.8f;
        Push(d);
        if (ai == 0) PushCoHolders(d, c);
      }
    }
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
        d.open_actor.clear();
        d.speaker = -1;
      }
      d.issue = issues[i].first;
      d.issue_span = spans[i];
      if (issues[i].second >= 0 && issues[i].second != d.actor) d.target = issues[i].second;
      if (d.target == d.actor) d.target = -1;
      Push(d);
      if (ai == 0) PushCoHolders(d, c);
    }
  }
}

const CueInfo* SentenceAnalyzer::HeadNounCue(const CueInfo& c) const {
  if (Rule(c).kind == CueKind::kNoun || c.oe1 <= c.ob1) return nullptr;
  uint32_t k = c.ob1;
  while (k < c.oe1 && Word(k) && (Roles(k) & kRoleDeterminer)) ++k;
  for (const CueInfo& o : cues_) {
    if (&o == &c || Rule(o).kind != CueKind::kNoun || M(o.mention).tb != k) continue;
    // Its own object must lie inside ours and say something: a clause ("den
    // Backstop abzuschaffen") or a named issue, not its holder ("das Angebot der Arbeitgeber").
    if (o.oe1 <= o.ob1 || o.ob1 < c.ob1 || o.oe1 > c.oe1) continue;
    std::vector<std::pair<int, int>> named;
    std::vector<Span> spans;
    CollectIssues(o.ob1, o.oe1, named, spans);
    if (!named.empty() || ThemePhrase(o.ob1, o.oe1).content_verb) return &o;
  }
  return nullptr;
}

void SentenceAnalyzer::Push(const Draft& d) {
  auto key = std::make_tuple(d.actor, d.open_actor, static_cast<int>(d.stance), d.issue, d.open_label);
  if (!emitted_.insert(key).second) return;
  out_.push_back(d);
  if (d.issue >= 0) sentence_issues_.push_back(static_cast<uint32_t>(d.issue));
  if (d.issue < 0 && sentence_open_.empty()) sentence_open_ = d.open_label;
  last_draft_ = d;
  has_draft_ = true;
}

}  // namespace negograph::ingest::detail
