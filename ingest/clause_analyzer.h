// Clause logic: turns the tokens and lexicon mentions of one sentence into
// draft positions. Linear in the sentence (every window is capped), with a
// small discourse state carried from sentence to sentence (last speaker,
// last subject, last stance for list continuations).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/explain.h"
#include "ingest/lexer.h"
#include "ingest/rule_pack.h"

namespace negograph::ingest {

// What carries over between sentences of one document.
struct Discourse {
  int speaker = -1;        // SpeakerRule index of the current speaker
  int speaker_actor = -1;  // the current speaker's party (or a speaking actor)
  uint64_t speaker_at = 0; // recency (sentence * 4096 + token)
  int subject_actor = -1;  // last explicit subject actor
  int first_actor = -1;    // the document's first subject: the issuer of a statement
  uint64_t subject_at = 0;
  // The last stance of the previous sentence, for "Dazu zählten A und B".
  bool has_last = false;
  uint32_t last_sentence = 0;
  int last_actor = -1;
  int last_speaker = -1;
  Stance last_stance = Stance::kDemand;
  std::string last_rule;
  std::vector<uint32_t> last_issues;  // canonical issues of the last sentence
  std::string last_open_label;        // or its open issue, when it named no canonical one
  uint32_t last_issues_sentence = 0;
  std::vector<int> last_group;  // parties last named together, for "beide Länder", "both sides"
  uint32_t last_group_sentence = 0;
  uint64_t last_group_at = 0;  // recency of the group
};

// A position before ids and labels are filled in.
struct Draft {
  int actor = -1;    // ActorRule index; -1 with open_actor set
  std::string open_actor;  // open-vocabulary actor name ("Gewerkschaft Verdi")
  int speaker = -1;  // SpeakerRule index
  int target = -1;   // ActorRule index
  Stance stance = Stance::kDemand;
  bool negated = false;
  int issue = -1;            // IssueRule index, or -1 for an open issue
  std::string open_label;    // open-vocabulary issue phrase
  std::string condition;
  Span cue, actor_span, issue_span;
  std::string rule;
  float confidence = 1.0f;
};

// Analyses sentence `index` of `lexed`, appending drafts and updating
// `discourse`. With `trace`, records what each stage saw (ingest/explain.h).
void AnalyzeSentence(const RulePack& pack, std::string_view text, uint8_t lang,
                     const LexedText& lexed, uint32_t index, Discourse& discourse,
                     std::vector<Draft>& out, SentenceTrace* trace = nullptr);

}  // namespace negograph::ingest
