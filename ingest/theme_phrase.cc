// Issue-phrase stage: what a cue is about when no canonical issue is named.
// A theme is one contiguous span of the cue's object, so its label is text a
// reader can find:
//   clause themes  "to extend the treaty for five years", "lifting sanctions",
//                  "that the Court of Justice must play a role",
//                  "die Gespräche abzubrechen": the clause up to a break;
//   noun themes    "an attempt to create a payment channel",
//                  "den Aufbau eines Föderalstaats": the head noun phrase with
//                  its complements, up to an auxiliary or a new predicate.
#include <algorithm>

#include "ingest/sentence_analyzer.h"

namespace negograph::ingest::detail {
bool SentenceAnalyzer::ContentToken(uint32_t t) const {
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
Span SentenceAnalyzer::OpenPhrase(uint32_t b, uint32_t e, bool backward) const {
  if (b >= e) return {};
  if (German()) {
    auto noun = [&](uint32_t t) { return ContentToken(t) && toks_[t].upper && t != s_.tb; };
    // Not the noun of a prepositional phrase ("innerhalb kurzer Frist").
    // argument_pp: "zur Einigkeit aufgerufen", "auf X gedrängt": a preposition
    // that marks the verb's own object does not count.
    auto in_pp = [&](uint32_t t, bool argument_pp = false) {
      uint32_t k = t;
      while (k > b && k + 4 > t) {
        --k;
        uint32_t r = Roles(k);
        if (r & kRolePreposition) return !(argument_pp && (r & kRoleHolderLink));
        if ((r & (kRoleDeterminer | kRoleNegation)) || ContentToken(k)) continue;
        return false;
      }
      return false;
    };
    uint32_t found = 0;
    bool ok = false;
    if (backward) {
      // The object before a verb-final verb: the last noun not governed by a
      // preposition ("eine Verlängerung um ein Jahr ohne Bedingungen vorgeschlagen").
      uint32_t last = 0;
      bool any = false;
      for (uint32_t t = e; t > b && t + 12 > e; --t) {
        if (!noun(t - 1)) continue;
        if (!any && t + 6 > e) { last = t - 1; any = true; }
        if (!in_pp(t - 1, true)) { found = t - 1; ok = true; break; }
      }
      if (!ok && any) { found = last; ok = true; }
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

bool SentenceAnalyzer::HasAnaphor(uint32_t b, uint32_t e) const {
  for (uint32_t t = b; t < e && t < b + 3; ++t) {
    if (Word(t) && (Roles(t) & kRoleAnaphor) && mention_cover_[t - s_.tb] < 0 &&
        (t + 1 >= e || !Word(t + 1) || !toks_[t + 1].upper || !German())) {
      // "the idea" refers back; "the idea of a buffer zone" names its content.
      uint32_t k = t;
      while (k < e && Word(k) && (Roles(k) & kRoleAnaphor)) ++k;
      bool complement = !German() && k > t + 1 && k < e && Word(k) &&
                        (Roles(k) & (kRolePreposition | kRoleComplement)) && !TokenIs(k, "as");
      if (!complement) return true;
      t = k;
    }
  }
  for (uint32_t t = b; t < e && t < b + 4; ++t) {
    // "lehnte die neue Forderung ab": a bare stance noun refers back.
    int m = MentionAt(t);
    // English needs the noun bare ("the proposal"; "a compromise proposal" names its content).
    if (m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kCue &&
        pack_.cues[M(static_cast<uint32_t>(m)).ref].kind == CueKind::kNoun && t > b &&
        (Roles(t - 1) & kRoleDeterminer || (German() && Roles(b) & kRoleDeterminer))) {
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

namespace {
// A theme longer than this is cut: labels stay readable and ids stable.
constexpr uint32_t kThemeWords = 10;
}  // namespace

bool SentenceAnalyzer::ZuInfinitive(uint32_t t) const {
  if (!German() || !Word(t) || toks_[t].upper) return false;
  if (t > s_.tb && TokenIs(t - 1, "zu")) return true;
  std::string_view w = TokenText(text_, toks_[t]);
  size_t zu = w.find("zu", 2);
  return zu != std::string_view::npos && w.size() > zu + 4 && w.substr(w.size() - 2) == "en";
}

bool SentenceAnalyzer::VerbAfterTo(uint32_t t) const {
  if (!Word(t) || toks_[t].upper || toks_[t].digit) return false;
  if (Roles(t) & (kRoleDeterminer | kRolePreposition | kRoleNegation | kRoleStop)) return false;
  // "agreed to talks", "open to reforms": a plural noun, not a verb.
  std::string_view w = TokenText(text_, toks_[t]);
  return !(w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's');
}

bool SentenceAnalyzer::ThemeBreak(uint32_t t) const {
  TokenType ty = toks_[t].type;
  if (ty == TokenType::kQuote) return false;
  if (ty != TokenType::kWord) return true;
  if (InCond(t)) return true;
  if (Roles(t) & (kRoleClauseBreak | kRoleCondition | kRoleSpeech | kRoleReportBefore | kRoleReportAfter)) {
    return true;
  }
  int m = mention_cover_[t - s_.tb];
  if (m < 0 || M(static_cast<uint32_t>(m)).kind != EntryKind::kCue) return false;
  const CueRule& rule = pack_.cues[M(static_cast<uint32_t>(m)).ref];
  // An infinitive cue verb is the theme's own verb ("zu verhandeln", "to negotiate").
  if (TokenIs(t, "zu") || ZuInfinitive(t) || (t > s_.tb && TokenIs(t - 1, "to"))) return false;
  // Another verb cue starts a predicate of its own; a noun cue or a
  // capitalised German form ("Antworten") is part of the phrase.
  return rule.kind != CueKind::kNoun && !(German() && toks_[t].upper);
}

SentenceAnalyzer::Theme SentenceAnalyzer::ThemePhrase(uint32_t b, uint32_t e, bool addressee,
                                                     uint32_t particle) const {
  e = std::min(e, s_.te);
  // "lehnte das Angebot ab": a clause-final particle closes the verb bracket
  // ("drängen auf die Unterzeichnung": a particle that opens the object does not).
  if (particle > b && particle < e && (particle + 1 >= s_.te || !Word(particle + 1))) e = particle;
  if (addressee) {
    // "assured the prime minister that ...", "urged the parties to ...": the
    // addressee comes first; the theme is the clause after it.
    for (uint32_t k = b + 1; k < e && k < b + 10; ++k) {
      if (toks_[k].type == TokenType::kEnd || (Word(k) && (Roles(k) & kRoleClauseBreak))) break;
      // "appellierten an Peru, das Abkommen nicht auslaufen zu lassen": the infinitive after the comma.
      if (German() && toks_[k].type == TokenType::kComma && k + 1 < e && Infinitive(segs_[SegOf(k + 1)])) {
        b = k + 1;
        break;
      }
      bool to_verb = Word(k) && TokenIs(k, "to") && k + 1 < e && Word(k + 1) && !toks_[k + 1].upper &&
                     !(Roles(k + 1) & kRoleDeterminer);
      if ((Word(k) && (Roles(k) & kRoleComplement)) || to_verb || ZuInfinitive(k)) {
        if (!ZuInfinitive(k)) b = k;
        break;
      }
    }
  }
  uint32_t t = b;
  bool clause = false;
  bool verb_first = false;  // English: the theme starts with its verb ("to extend", "lifting")
  auto skippable = [&](uint32_t k) {
    if (!Word(k)) return toks_[k].type != TokenType::kEnd;
    uint32_t r = Roles(k);
    if (mention_cover_[k - s_.tb] >= 0) return false;
    // German: an adverb before an article or a preposition ("lehnten gegenseitig am
    // Freitag die Vorschläge ab") is no part of the object's noun phrase.
    if (German() && r == 0 && !toks_[k].upper && k + 1 < e && Word(k + 1) &&
        (Roles(k + 1) & (kRoleDeterminer | kRolePreposition)) && !ZuInfinitive(k)) {
      return true;
    }
    return (r & (kRoleDeterminer | kRoleComplement | kRoleNegation | kRolePreposition | kRoleStop |
                 kRoleAuxiliary)) != 0;
  };
  // "willing to extend the treaty": the cue's own "to" opens a verb theme.
  if (!German() && t > s_.tb && t < e && Word(t - 1) && TokenIs(t - 1, "to") && VerbAfterTo(t)) {
    clause = true;
    verb_first = true;
  }
  for (uint32_t steps = 0; t < e && steps < 8 && !verb_first; ++steps) {
    if (Word(t) && (Roles(t) & kRoleComplement)) clause = true;
    // An inserted co-holder phrase ("unterstützt von Uruguay,") is no part of the theme.
    if (Word(t) && (Roles(t) & (kRoleSupportBy | kRoleOpposeBy | kRoleBehalf))) {
      t = std::max(t + 1, segs_[SegOf(t)].te);
      continue;
    }
    // "offered Vucic to sign": the addressee before an infinitive is not the theme.
    int m = mention_cover_[t - s_.tb];
    if (m >= 0 && IsActorish(static_cast<uint32_t>(m)) && M(static_cast<uint32_t>(m)).te + 1 < e &&
        TokenIs(M(static_cast<uint32_t>(m)).te, "to")) {
      t = M(static_cast<uint32_t>(m)).te;
      continue;
    }
    if (Word(t) && TokenIs(t, "to") && t + 1 < e && Word(t + 1) && !toks_[t + 1].upper &&
        !(Roles(t + 1) & kRoleDeterminer)) {
      clause = true;  // "to extend the treaty"
      verb_first = true;
      ++t;
      break;
    }
    if (!skippable(t)) break;
    ++t;
  }
  // A cue word opening the theme is a noun here ("rebuffed calls for X", "must agree to X").
  if (t >= e || (ThemeBreak(t) && !IsCueAt(t))) return {};
  std::string_view first = TokenText(text_, toks_[t]);
  if (!German() && first.size() > 4 && first.substr(first.size() - 3) == "ing" && !toks_[t].upper) {
    clause = true;  // "lifting sanctions"
    verb_first = true;
  }
  if (German() && !clause) {
    for (uint32_t k = t; k < e && k < t + kThemeWords && !ThemeBreak(k); ++k) {
      if (ZuInfinitive(k)) clause = true;
    }
  }
  uint32_t end = t, words = 0;
  bool content = false;
  bool proposition = false;  // "X be lifted", "for X to be lifted": a whole state of affairs
  for (uint32_t k = t; k < e && words < kThemeWords; ++k) {
    // The rest of the head's own mention ("calls for") does not end the theme.
    bool same_mention = mention_cover_[k - s_.tb] >= 0 && mention_cover_[k - s_.tb] == mention_cover_[t - s_.tb];
    if (ThemeBreak(k) && k > t && !same_mention) break;
    bool aux = Word(k) && (Roles(k) & kRoleAuxiliary) && mention_cover_[k - s_.tb] < 0;
    // "a demand for its bank to be reconnected": a noun's infinitive complement goes on.
    if (aux && !German() && k > t && TokenIs(k - 1, "to")) {
      clause = true;
      aux = false;
      proposition = proposition || (!verb_first && TokenIs(k, "be"));
    }
    // "insisted the wording be softened": a subjunctive clause is the demand itself.
    if (aux && !German() && !clause && k > t && TokenIs(k, "be") && ContentToken(k - 1)) {
      clause = true;
      aux = false;
      proposition = true;
    }
    if (aux && (German() || !clause) && k > t) break;  // a predicate starts / the German clause verb ended
    if (German() && !clause && Word(k) && !toks_[k].upper && Roles(k) == 0 && mention_cover_[k - s_.tb] < 0) {
      // Noun phrase: a lower-case word goes on only as an adjective before a noun.
      // "der jeweils anderen Seite": an adverb before such an adjective too.
      bool before_noun = k + 1 < e && Word(k + 1) && toks_[k + 1].upper;
      bool before_adjective = k + 2 < e && Word(k + 1) && !toks_[k + 1].upper && Roles(k + 1) == 0 &&
                              Word(k + 2) && toks_[k + 2].upper;
      if (!before_noun && !before_adjective) break;
    }
    if (Word(k)) ++words;
    int m = mention_cover_[k - s_.tb];
    bool issue = m >= 0 && M(static_cast<uint32_t>(m)).kind == EntryKind::kIssue;
    content = content || ContentToken(k) || issue || (clause && ZuInfinitive(k)) || (verb_first && k == t);
    end = k + 1;
    if (clause && ZuInfinitive(k)) break;
  }
  // Trim function words and punctuation at the end ("the talks with" -> "the talks").
  while (end > t && (!Word(end - 1) || ((Roles(end - 1) & ~kRoleStop) && mention_cover_[end - 1 - s_.tb] < 0) ||
                     TokenIs(end - 1, "to"))) {
    --end;
  }
  if (!content || end <= t) return {};
  // English: one capitalised word inside a sentence is a name ("rejected Vucic"), not an issue.
  if (!German() && end == t + 1 && t > s_.tb && toks_[t].upper && mention_cover_[t - s_.tb] < 0) return {};
  Theme theme;
  theme.span = TokSpan(t, end);
  // The head verb: first in English ("to extend ..."), last in German ("... zu verlängern").
  uint32_t verb = German() ? end - 1 : t;
  bool verb_form = German() ? ZuInfinitive(verb) : verb_first;
  theme.content_verb = (verb_form && mention_cover_[verb - s_.tb] < 0 &&
                        !(Roles(verb) & (kRoleLightVerb | kRoleStop | kRoleAuxiliary | kRoleDeterminer))) ||
                       proposition;
  theme.proposition = proposition;
  return theme;
}

void SentenceAnalyzer::AppendListThemes(const CueInfo& c, std::vector<Span>& themes) const {
  constexpr size_t kMaxItems = 4;
  const uint32_t e = std::min(c.oe1, s_.te);
  uint32_t k = c.ob1;
  while (k < e && toks_[k].start < themes.back().end) ++k;
  while (themes.size() < kMaxItems && k < e) {
    // "A, B and C": commas and "and" between the items, nothing else.
    bool link = false;
    while (k < e && (toks_[k].type == TokenType::kComma ||
                     (Word(k) && (Roles(k) & (kRoleCoordination | kRoleDeterminer)) && MentionAt(k) < 0))) {
      link = true;
      ++k;
    }
    if (!link || k >= e || !Word(k)) return;
    // A named party or a cue after the comma starts a clause of its own.
    int m = MentionAt(k);
    if (m >= 0 && M(static_cast<uint32_t>(m)).kind != EntryKind::kIssue) return;
    Theme next = ThemePhrase(k, e, false, c.particle);
    if (next.span.empty() || next.span.start != toks_[k].start || !next.content_verb) return;
    themes.push_back(next.span);
    while (k < e && toks_[k].start < next.span.end) ++k;
  }
}

}  // namespace negograph::ingest::detail
