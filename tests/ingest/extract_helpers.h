// Shared helpers for the extractor tests: the bundled rule packs loaded once,
// and a one-call "text in, positions out".
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "ingest/document_reader.h"
#include "ingest/extractor.h"

namespace negograph::testing {

inline const ingest::Extractor& BundledExtractor() {
  static const ingest::Extractor* extractor = [] {
    auto loaded = ingest::Extractor::Load(ingest::Extractor::DefaultRulesDir());
    if (!loaded.ok()) {
      std::fprintf(stderr, "rules: %s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new ingest::Extractor(std::move(*loaded));
  }();
  return *extractor;
}

inline Document MakeDocument(std::string_view text, std::string_view lang) {
  Document d;
  d.name = "t";
  d.id = "0123456789abcdef0123456789abcdef";
  d.text = std::string(text);
  d.lang = std::string(lang);
  return d;
}

// Positions of `text` (lang "de", "en" or "" to detect); empty on error.
inline std::vector<Position> Extract(std::string_view text, std::string_view lang) {
  auto r = BundledExtractor().Extract(MakeDocument(text, lang));
  return r.ok() ? r->positions : std::vector<Position>{};
}

// The first position with this actor, stance and an issue id containing
// `issue`, or nullptr.
inline const Position* Find(const std::vector<Position>& ps, std::string_view actor,
                            Stance stance, std::string_view issue) {
  auto it = std::find_if(ps.begin(), ps.end(), [&](const Position& p) {
    return p.actor == actor && p.stance == stance && p.issue.find(issue) != std::string::npos;
  });
  return it == ps.end() ? nullptr : &*it;
}

// The first position with this actor, stance and an issue label containing
// `label_part` (for open issues, whose ids are stems), or nullptr.
inline const Position* FindLabel(const std::vector<Position>& ps, std::string_view actor,
                                 Stance stance, std::string_view label_part) {
  auto it = std::find_if(ps.begin(), ps.end(), [&](const Position& p) {
    return p.actor == actor && p.stance == stance && p.issue_label.find(label_part) != std::string::npos;
  });
  return it == ps.end() ? nullptr : &*it;
}

inline std::string Describe(const std::vector<Position>& ps) {
  std::string out;
  for (const Position& p : ps) {
    out += p.actor + " " + std::string(StanceName(p.stance)) + " " + p.issue + " [" + p.rule +
           "] target=" + p.target + " speaker=" + p.speaker + " cond=" + p.condition + "\n";
  }
  return out.empty() ? "(no positions)" : out;
}

}  // namespace negograph::testing
