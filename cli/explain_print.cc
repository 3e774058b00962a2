#include "cli/explain_print.h"

#include <nlohmann/json.hpp>

namespace negograph::cli {

std::string TraceToText(const ingest::ExtractionTrace& trace) {
  std::string out;
  for (const ingest::SentenceTrace& s : trace.sentences) {
    out += "S" + std::to_string(s.index) + " [" + trace.lang + "] " + s.text + "\n";
    out += "  tokens   " + s.tokens + "\n";
    for (const std::string& c : s.clauses) out += "  clause   " + c + "\n";
    for (const std::string& f : s.frames) out += "  frame    " + f + "\n";
    for (const std::string& c : s.cues) out += "  cue      " + c + "\n";
    for (const std::string& d : s.drafts) out += "  position " + d + "\n";
    if (s.cues.empty()) out += "  (no stance cue)\n";
    out += "\n";
  }
  return out;
}

std::string TraceToJsonLines(const ingest::ExtractionTrace& trace) {
  std::string out;
  for (const ingest::SentenceTrace& s : trace.sentences) {
    nlohmann::json j = {{"sentence", s.index}, {"lang", trace.lang}, {"text", s.text},
                        {"tokens", s.tokens}, {"clauses", s.clauses}, {"frames", s.frames},
                        {"cues", s.cues},     {"positions", s.drafts}};
    out += j.dump();
    out += '\n';
  }
  return out;
}

}  // namespace negograph::cli
