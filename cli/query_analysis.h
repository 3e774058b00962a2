// The analysis modes of `negograph query` (--neighbourhood, --alignment,
// --contested, --path), printed as a table or as the JSON of
// graph/graph_json.h (the same shapes as the HTTP API).
#pragma once

#include <string>

#include "graph/analysis.h"
#include "graph/graph_store.h"

namespace negograph::cli {

struct AnalysisRequest {
  std::string mode;  // "neighbourhood" | "alignment" | "contested" | "path"
  std::string node;  // neighbourhood centre
  int depth = 1;
  std::string from, to;  // path ends
  size_t top = 20;       // contested
  ViewFilter view;
  std::string format = "table";  // table | json | jsonl
};

// Runs one analysis and prints it on stdout; returns the exit code.
int RunAnalysis(GraphStore& store, const AnalysisRequest& request);

}  // namespace negograph::cli
