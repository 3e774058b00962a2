// A readable trace of the extractor's stages, sentence by sentence: the
// tokens with their closed-class tags and lexicon mentions, the clauses, the
// speech and co-holder frames, every cue with its holder, addressee, object
// and theme, and the drafts that came out. `negograph extract --explain`
// prints it (cli/explain_print.h); it is the tool to debug and write rules with.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace negograph::ingest {

struct SentenceTrace {
  uint32_t index = 0;
  std::string text;
  std::string tokens;               // "NATO/ACT:nato called/CUE:en.demand.urge on ..."
  std::vector<std::string> clauses; // "main: ...", "complement: ...", "condition: ..."
  std::vector<std::string> frames;  // "speech: russia (ryabkov)", "supported_by: uruguay"
  std::vector<std::string> cues;    // one line per cue
  std::vector<std::string> drafts;  // "nato demand open:destroy_the_9m729 [en.demand.urge]"
};

struct ExtractionTrace {
  std::string lang;
  std::vector<SentenceTrace> sentences;  // only sentences with a lexicon mention
};

// Short tags of a token's WordRole bits ("NEG", "COND", "DET|PREP").
std::string RoleTags(uint32_t roles);

}  // namespace negograph::ingest
