// Subject stage of attribution: the subject of a clause (with datelines,
// appositions after a group, titles with a genitive party), coordinated
// subjects, pronouns, "beide Länder", and examples after a common noun.
#include "ingest/sentence_analyzer.h"

namespace negograph::ingest::detail {

// Resolves a pronoun at token t.
Attribution SentenceAnalyzer::ResolvePronoun(uint32_t t, std::vector<int>* co) const {
  Attribution a;
  bool we = Roles(t) & kRolePronounWe;
  // "they wanted ..., Trump said": a plural third person is not the person speaking.
  bool they = !German() && (TokenIs(t, "they") || TokenIs(t, "them") || TokenIs(t, "their"));
  // In quotes, "they" are never the quoted party ("“They refused,” the Polish envoy said").
  bool not_speaker = they && frame_.ok() && (frame_.speaker >= 0 || InsideQuote(t));
  // "Rich countries said they ...": the unnamed subject of the speech verb.
  bool unnamed_voice = false;
  for (uint32_t k = s_.tb; they && !frame_.ok() && k < t; ++k) unnamed_voice = unnamed_voice || (Roles(k) & kRoleSpeech);
  std::vector<int> group;
  if (unnamed_voice) {
    // nobody
  } else if (they && co != nullptr && PluralReferent(t, false, group) && !group.empty()) {
    // "India and China redrafted the text. They opposed ...": the parties named together.
    a.actor = group[0];
    co->assign(group.begin() + 1, group.end());
  } else if (frame_.ok() && !not_speaker) {
    a = frame_;
  } else if (!we && first_subject_.ok() && first_subject_tok_ < t) {
    a = first_subject_;
  } else if (!we && opening_subject_ >= 0 && M(static_cast<uint32_t>(opening_subject_)).te <= t) {
    a = FromMention(static_cast<uint32_t>(opening_subject_), 0.7f);
  } else if (d_.speaker_actor >= 0 && !not_speaker && (we || d_.speaker_at >= d_.subject_at)) {
    a.actor = d_.speaker_actor;
    a.speaker = d_.speaker;
  } else if (d_.subject_actor >= 0 && !we && !(not_speaker && d_.subject_actor == frame_.actor)) {
    a.actor = d_.subject_actor;
  } else if (we && d_.speaker_actor < 0 && d_.subject_actor >= 0) {
    // A statement in the first person with no speaker named (a press release):
    // "we" is its issuer, the party that opened it, not the last party it named.
    a.actor = d_.first_actor >= 0 ? d_.first_actor : d_.subject_actor;
  }
  a.span = TokSpan(t, t + 1);
  a.confidence = 0.7f;
  a.explicit_subject = false;
  return a;
}

// Subject candidates in [b, e): a subject-like mention or a pronoun.
bool SentenceAnalyzer::FindSubject(uint32_t b, uint32_t e, Attribution& out, uint32_t& end_tok) {
  co_subjects_.clear();
  // A dateline ("Moskau/Washington Die USA und Russland ..."): places before a
  // capitalised article that opens the sentence proper are no subject.
  if (b == s_.tb) {
    for (uint32_t k = b + 1; k < e && k < b + 6; ++k) {
      if (Word(k) && toks_[k].upper && (Roles(k) & kRoleDeterminer) && mention_cover_[k - s_.tb] < 0) {
        b = k;
        break;
      }
      if (Word(k) && mention_cover_[k - s_.tb] < 0 && !NameWord(k)) break;
    }
  }
  for (uint32_t t = b; t < e; ++t) {
    if (InCond(t)) continue;
    int m = MentionAt(t);
    if (m >= 0 && SubjectLike(static_cast<uint32_t>(m))) {
      // "Die Entwicklungsländer Indien und Südafrika", "EU-Mitglied Irland": a
      // party named right after a group or role names who holds it.
      const Mention& mm = M(static_cast<uint32_t>(m));
      int n = mm.te < e ? MentionAt(mm.te) : -1;
      if (n >= 0 && mm.kind == EntryKind::kActor && !mm.adjective && !mm.genitive &&
          IsActorish(static_cast<uint32_t>(n)) && !M(static_cast<uint32_t>(n)).adjective &&
          !M(static_cast<uint32_t>(n)).genitive && !M(static_cast<uint32_t>(n)).inner) {
        consumed_.insert(static_cast<uint32_t>(m));
        m = n;
      }
      out = FromMention(static_cast<uint32_t>(m), 0.9f);
      end_tok = M(static_cast<uint32_t>(m)).te;
      subject_mention_ = m;
      // Coordination may run past the search window ("sträuben sich Frankreich und Italien").
      CollectCoordinated(static_cast<uint32_t>(m), segs_[SegOf(t)].te, end_tok);
      if (M(static_cast<uint32_t>(m)).adjective) CoordinatedAdjectives(static_cast<uint32_t>(m), b);
      return true;
    }
    if (German() && mention_cover_[t - s_.tb] < 0 && (Roles(t) & kRolePronoun) && !Prepositional_token(t)) {
      // "Der Präsident der Ukraine", "der Generalsekretär der OSZE": a title
      // with its party in the genitive names that party.
      uint32_t k = t + 1;
      while (k < e && k < t + 3 && Word(k) && (Roles(k) & kRolePronoun) && mention_cover_[k - s_.tb] < 0) ++k;
      int n = k + 1 < e && k > t + 1 && Word(k) && (TokenIs(k, "der") || TokenIs(k, "des")) ? MentionAt(k + 1) : -1;
      if (n >= 0 && IsActorish(static_cast<uint32_t>(n)) && !M(static_cast<uint32_t>(n)).adjective &&
          !consumed_.count(static_cast<uint32_t>(n))) {
        out = FromMention(static_cast<uint32_t>(n), 0.85f);
        end_tok = M(static_cast<uint32_t>(n)).te;
        subject_mention_ = n;
        return true;
      }
    }
    if (!German() && Word(t) && mention_cover_[t - s_.tb] < 0 && Counterpart(t) && !Prepositional_token(t)) {
      // "his counterparts wanted ...", "the other side refused": the other
      // party of the pair, never the one speaking.
      std::vector<int> others;
      if (!PluralReferent(t, true, others) || others.empty()) {
        subject_blocked_ = true;
        return false;
      }
      out = Attribution{};
      out.actor = others[0];
      out.span = TokSpan(t, t + 1);
      out.confidence = 0.7f;
      co_subjects_.assign(others.begin() + 1, others.end());
      end_tok = t + 1;
      subject_mention_ = -1;
      return true;
    }
    if (mention_cover_[t - s_.tb] < 0 && (Roles(t) & (kRolePronoun | kRolePronounWe)) &&
        !Prepositional_token(t)) {
      out = ResolvePronoun(t, &co_subjects_);
      end_tok = t + 1;
      subject_mention_ = -1;
      // An English "they" that names nobody here is not the frame's party either.
      if (!out.ok() && !German() && TokenIs(t, "they")) subject_blocked_ = true;
      return out.ok();
    }
  }
  return false;
}

// Actors coordinated with subject mention m ("die USA und die EU",
// "Die EU, die Schweiz und Großbritannien"), into co_subjects_.
void SentenceAnalyzer::CollectCoordinated(uint32_t m, uint32_t limit, uint32_t& end_tok) {
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
    // Only a comma lists parties; "BRUSSELS –" before a subject is a dateline.
    if (prev.te >= s_.te || toks_[prev.te].type != TokenType::kComma) break;
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
  // Coordination after: "X und Y", "X, Y and Z", "der polnische Präsident A B
  // und der litauische Präsident C D", "X sowie weitere Staaten und Y".
  uint32_t t = M(m).te;
  while (t < limit) {
    uint32_t k = t;
    // The title and name of a person after a party adjective.
    auto person_word = [&](uint32_t j) {
      int cover = mention_cover_[j - s_.tb];
      return (Roles(j) & kRoleSideNoun) || NameWord(j) ||
             (cover >= 0 && M(static_cast<uint32_t>(cover)).kind == EntryKind::kSpeaker);
    };
    for (uint32_t steps = 0; k < limit && steps < 4 && person_word(k); ++steps) ++k;
    bool link = false;
    while (k < limit && (toks_[k].type == TokenType::kComma || (Roles(k) & (kRoleCoordination | kRoleDeterminer)))) {
      link = link || toks_[k].type == TokenType::kComma || (Roles(k) & kRoleCoordination);
      ++k;
    }
    // A common-noun conjunct in between ("sowie weitere Staaten und") holds nothing.
    if (link && k < limit && MentionAt(k) < 0) {
      uint32_t j = k;
      while (j < limit && j < k + 3 && Word(j) && MentionAt(j) < 0 && !(Roles(j) & (kRoleCoordination | kRoleAuxiliary)) &&
             mention_cover_[j - s_.tb] < 0) {
        ++j;
      }
      if (j > k && j < limit && (Roles(j) & kRoleCoordination)) {
        k = j + 1;
        while (k < limit && Word(k) && (Roles(k) & kRoleDeterminer)) ++k;
      }
    }
    int n = k < limit ? MentionAt(k) : -1;
    bool adjective_ok = n >= 0 && M(static_cast<uint32_t>(n)).adjective && SubjectLike(static_cast<uint32_t>(n));
    if (n >= 0 && M(static_cast<uint32_t>(n)).adjective && !adjective_ok) {
      // "der russische Präsident Wladimir Putin": the person named after the title.
      uint32_t after = M(static_cast<uint32_t>(n)).te;
      int person = after + 1 < limit && (Roles(after) & kRoleSideNoun) ? MentionAt(after + 1) : -1;
      if (person >= 0 && M(static_cast<uint32_t>(person)).kind == EntryKind::kSpeaker) n = person;
    }
    if (!link || n < 0 || !IsActorish(static_cast<uint32_t>(n)) ||
        (M(static_cast<uint32_t>(n)).adjective && !adjective_ok) || M(static_cast<uint32_t>(n)).inner) {
      break;
    }
    co_subjects_.push_back(actor_of(static_cast<uint32_t>(n)));
    consumed_.insert(static_cast<uint32_t>(n));
    t = M(static_cast<uint32_t>(n)).te;
    end_tok = t;
  }
}

// "American and Saudi officials", "die russische und die chinesische
// Delegation": party adjectives coordinated before the subject's noun.
void SentenceAnalyzer::CoordinatedAdjectives(uint32_t m, uint32_t b) {
  uint32_t t = M(m).tb;
  for (int steps = 0; steps < 4; ++steps) {
    uint32_t k = t;
    bool link = false;
    while (k > b && (toks_[k - 1].type == TokenType::kComma ||
                     (Word(k - 1) && (Roles(k - 1) & (kRoleCoordination | kRoleDeterminer)) &&
                      mention_cover_[k - 1 - s_.tb] < 0))) {
      --k;
      link = link || toks_[k].type == TokenType::kComma || (Roles(k) & kRoleCoordination);
    }
    int n = k > b ? mention_cover_[k - 1 - s_.tb] : -1;
    if (!link || n < 0 || !M(static_cast<uint32_t>(n)).adjective || !IsActorish(static_cast<uint32_t>(n)) ||
        consumed_.count(static_cast<uint32_t>(n))) {
      return;
    }
    int actor = FromMention(static_cast<uint32_t>(n), 1).actor;
    if (actor >= 0 && actor != FromMention(m, 1).actor) co_subjects_.push_back(actor);
    consumed_.insert(static_cast<uint32_t>(n));
    t = M(static_cast<uint32_t>(n)).tb;
  }
}

// "counterpart(s)" after a determiner, "the other side".
bool SentenceAnalyzer::Counterpart(uint32_t t) const {
  if ((TokenIs(t, "counterpart") || TokenIs(t, "counterparts")) && t > s_.tb && Word(t - 1) &&
      (Roles(t - 1) & kRoleDeterminer)) {
    return true;
  }
  return TokenIs(t, "other") && t + 1 < s_.te && (TokenIs(t + 1, "side") || TokenIs(t + 1, "sides")) &&
         t > s_.tb && TokenIs(t - 1, "the");
}

bool SentenceAnalyzer::Prepositional_token(uint32_t t) const {
  return t > segs_[SegOf(t)].tb && (Roles(t - 1) & kRolePreposition);
}

bool SentenceAnalyzer::ExampleHolders(uint32_t b, uint32_t e, Attribution& out, std::vector<int>& co) {
  for (uint32_t t = b; t < e; ++t) {
    if (!Word(t) || !(Roles(t) & kRoleExample) || InCond(t) || t == b) continue;
    // The examples follow a common noun ("Länder wie", "nations including",
    // "economies, including").
    uint32_t noun = t - 1;
    if (toks_[noun].type == TokenType::kComma && noun > s_.tb) --noun;
    if (!Word(noun) || Roles(noun) != 0 || MentionAt(noun) >= 0 || mention_cover_[noun - s_.tb] >= 0) continue;
    std::vector<uint32_t> found;
    for (uint32_t k = t + 1; k < e && k < t + 12; ++k) {
      int m = MentionAt(k);
      if (m >= 0 && IsActorish(static_cast<uint32_t>(m)) && !M(static_cast<uint32_t>(m)).adjective) {
        found.push_back(static_cast<uint32_t>(m));
        k = M(static_cast<uint32_t>(m)).te - 1;
        continue;
      }
      // Only commas, "and", "but also", articles between the examples.
      bool link = toks_[k].type == TokenType::kComma ||
                  (Word(k) && (Roles(k) & (kRoleCoordination | kRoleDeterminer | kRoleStop | kRoleExample)));
      if (!link) break;
    }
    if (found.empty()) continue;
    out = FromMention(found[0], 0.8f);
    for (size_t i = 1; i < found.size(); ++i) co.push_back(FromMention(found[i], 1).actor);
    for (uint32_t m : found) consumed_.insert(m);
    return true;
  }
  return false;
}

}  // namespace negograph::ingest::detail
