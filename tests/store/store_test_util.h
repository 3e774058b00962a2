// Builders of documents and extractions for the store tests, and the two
// store factories the contract suite runs against.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/ids.h"
#include "graph/memory_store.h"
#include "graph/model.h"
#include "graph/rocksdb/rocksdb_store.h"
#include "tests/common/temp_dir.h"

namespace negograph::testing {

// Every stored position, in key order.
inline std::vector<Position> AllPositions(GraphStore& store) {
  std::vector<Position> out;
  REQUIRE(store.ScanPositions({}, [&](const Position& p) {
    out.push_back(p);
    return true;
  }).ok());
  return out;
}

inline Document MakeDoc(const std::string& text, const std::string& rules = "r1",
                        const std::string& round = "") {
  Document d;
  d.id = ContentId(text);
  d.name = "doc-" + d.id.substr(0, 6);
  d.title = "Title of " + d.name;
  d.date = "2022-01-10";
  d.lang = "en";
  d.source = "file:///" + d.name + ".txt";
  d.round = round;
  d.text = text;
  d.rules_version = rules;
  return d;
}

inline Position MakePosition(const Document& d, uint32_t sentence, const std::string& actor,
                             Stance stance, const std::string& issue,
                             const std::string& quote = "") {
  Position p;
  p.id = PositionId(d.id, sentence, actor, stance, issue);
  p.actor = actor;
  p.actor_label = "Label " + actor;
  p.stance = stance;
  p.issue = issue;
  p.issue_label = "Label " + issue;
  p.round = d.round;
  p.evidence.doc_id = d.id;
  p.evidence.doc_name = d.name;
  p.evidence.sentence = sentence;
  p.evidence.quote = quote.empty() ? actor + " " + std::string(StanceName(stance)) + " " + issue
                                   : quote;
  p.evidence.span = {sentence * 100, sentence * 100 + 50};
  p.rule = "test.rule";
  p.confidence = 0.5f;
  return p;
}

// An extraction whose actor and issue lists cover its positions.
inline DocumentExtraction MakeExtraction(const Document& d, std::vector<Position> positions) {
  DocumentExtraction e;
  e.document = d;
  for (const Position& p : positions) {
    e.actors.push_back({p.actor, p.actor_label, "state"});
    e.issues.push_back({p.issue, p.issue_label, false});
  }
  e.positions = std::move(positions);
  return e;
}

// A document of `n` positions spread over a few actors, issues and stances.
inline DocumentExtraction MakeSpreadExtraction(const std::string& text, int n,
                                               const std::string& rules = "r1",
                                               const std::string& round = "") {
  static const char* kActors[] = {"usa", "russia", "nato", "osce", "ukraine"};
  static const char* kIssues[] = {"nato_enlargement", "missiles", "exercises"};
  Document d = MakeDoc(text, rules, round);
  std::vector<Position> ps;
  for (int i = 0; i < n; ++i) {
    ps.push_back(MakePosition(d, static_cast<uint32_t>(i), kActors[i % 5],
                              kAllStances[static_cast<size_t>(i % 6)], kIssues[i % 3],
                              (i % 4 == 0 ? "Quote with WORD " : "quote ") + std::to_string(i)));
  }
  return MakeExtraction(d, std::move(ps));
}

struct MemoryFactory {
  static constexpr const char* kName = "memory";
  std::unique_ptr<GraphStore> Open() { return NewMemoryStore(); }
};

struct RocksFactory {
  static constexpr const char* kName = "rocksdb";
  TempDir dir;
  std::unique_ptr<GraphStore> Open() {
    StatusOr<std::unique_ptr<GraphStore>> s = OpenRocksDbStore(dir.path() / "db");
    if (!s.ok()) return nullptr;
    return std::move(*s);
  }
};

}  // namespace negograph::testing
