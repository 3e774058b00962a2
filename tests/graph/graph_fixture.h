// Hand-made stores for the analysis tests: each call adds one document with
// the positions given, through the real GraphStore::Apply.
#pragma once

#include <catch2/catch.hpp>

#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/ids.h"
#include "graph/memory_store.h"
#include "graph/model.h"

namespace negograph::testing {

struct Pos {
  std::string actor;
  Stance stance;
  std::string issue;
  std::string quote = "";      // default: "<actor> <stance> <issue>."
  std::string target = "";
  std::string condition = "";
  std::string speaker = "";
};

inline std::string Label(const std::string& id) {
  std::string out = id;
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// A document named `name` in `round` dated `date` holding `positions`, one
// sentence each.
inline DocumentExtraction MakeDoc(const std::string& name, const std::string& round,
                                  const std::string& date, const std::vector<Pos>& positions) {
  DocumentExtraction ex;
  Document& d = ex.document;
  d.name = name;
  d.round = round;
  d.date = date;
  d.lang = "en";
  d.rules_version = "test-1";
  std::vector<Span> spans;
  d.text = name + ".\n";
  for (const Pos& p : positions) {
    std::string q = p.quote.empty()
                        ? p.actor + " " + std::string(StanceName(p.stance)) + "s " + p.issue + "."
                        : p.quote;
    spans.push_back({static_cast<uint32_t>(d.text.size()),
                     static_cast<uint32_t>(d.text.size() + q.size())});
    d.text += q + "\n";
  }
  d.id = ContentId(d.text);
  for (size_t i = 0; i < positions.size(); ++i) {
    const Pos& s = positions[i];
    Position p;
    p.actor = s.actor;
    p.actor_label = Label(s.actor);
    p.stance = s.stance;
    p.issue = s.issue;
    p.issue_label = Label(s.issue);
    p.open_issue = s.issue.starts_with("open:");
    p.target = s.target;
    p.condition = s.condition;
    p.speaker = s.speaker;
    p.speaker_label = s.speaker.empty() ? "" : Label(s.speaker);
    p.round = round;
    p.rule = "test.rule";
    p.confidence = 0.75f;
    p.evidence.doc_id = d.id;
    p.evidence.doc_name = name;
    p.evidence.sentence = static_cast<uint32_t>(i + 1);
    p.evidence.span = spans[i];
    p.evidence.quote = d.text.substr(spans[i].start, spans[i].end - spans[i].start);
    p.id = PositionId(d.id, p.evidence.sentence, p.actor, p.stance, p.issue);
    ex.positions.push_back(p);
    ex.actors.push_back({s.actor, Label(s.actor), "state"});
    ex.issues.push_back({s.issue, Label(s.issue), p.open_issue});
  }
  return ex;
}

inline void Add(GraphStore& store, const DocumentExtraction& ex) {
  StatusOr<ApplyOutcome> r = store.Apply(ex);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
}

}  // namespace negograph::testing
