#include "cli/query_analysis.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/read_store.h"
#include "graph/graph_json.h"

namespace negograph::cli {
namespace {

using nlohmann::json;

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

// json: one document; jsonl: one line per list item (or one line).
void PrintJson(const json& j, const std::string& format) {
  if (format == "jsonl") {
    if (j.is_array()) {
      for (const json& item : j) std::cout << item.dump() << "\n";
    } else {
      std::cout << j.dump() << "\n";
    }
  } else {
    std::cout << j.dump(2) << "\n";
  }
}

void PrintSubgraphTable(const Subgraph& g) {
  std::printf("%zu nodes, %zu edges\n\n%-6s %-32s %-40s %s\n", g.nodes.size(), g.edges.size(),
              "kind", "id", "label", "positions");
  for (const GraphNode& n : g.nodes) {
    std::printf("%-6s %-32s %-40s %llu\n", n.kind.c_str(), n.id.c_str(),
                OneLine(n.label, 40).c_str(), static_cast<unsigned long long>(n.positions));
  }
  std::printf("\n%-20s %-9s %-32s %6s  %s\n", "actor", "stance", "issue", "count", "rounds");
  for (const GraphEdge& e : g.edges) {
    std::printf("%-20s %-9s %-32s %6zu  %s\n", e.source.c_str(),
                std::string(StanceName(e.stance)).c_str(), e.target.c_str(), e.position_ids.size(),
                Join(e.rounds).c_str());
  }
}

int Neighbourhood(GraphStore& store, const AnalysisRequest& r) {
  StatusOr<Subgraph> g = negograph::Neighbourhood(store, r.node, r.depth, r.view);
  if (!g.ok()) return Fail("query", g.status());
  if (r.format == "table") {
    PrintSubgraphTable(*g);
  } else {
    PrintJson(json(*g), r.format);
  }
  return kExitOk;
}

int Alignment(GraphStore& store, const AnalysisRequest& r) {
  StatusOr<std::vector<AlignmentPair>> pairs = negograph::Alignment(store, r.view);
  if (!pairs.ok()) return Fail("query", pairs.status());
  if (r.format != "table") {
    PrintJson(r.format == "json" ? json{{"items", *pairs}} : json(*pairs), r.format);
    return kExitOk;
  }
  std::printf("%-16s %-16s %6s %7s  %s\n", "a", "b", "shared", "opposed", "issues (shared | opposed)");
  for (const AlignmentPair& p : *pairs) {
    std::printf("%-16s %-16s %6zu %7zu  %s | %s\n", p.a.c_str(), p.b.c_str(),
                p.shared_issues.size(), p.opposed_issues.size(), Join(p.shared_issues).c_str(),
                Join(p.opposed_issues).c_str());
  }
  return kExitOk;
}

int Contested(GraphStore& store, const AnalysisRequest& r) {
  StatusOr<std::vector<ContestedIssue>> issues = negograph::Contested(store, r.view, r.top);
  if (!issues.ok()) return Fail("query", issues.status());
  if (r.format != "table") {
    PrintJson(r.format == "json" ? json{{"items", *issues}} : json(*issues), r.format);
    return kExitOk;
  }
  std::printf("%-32s %6s  %-30s %s\n", "issue", "actors", "supporters", "opponents");
  for (const ContestedIssue& c : *issues) {
    std::printf("%-32s %6llu  %-30s %s\n", c.id.c_str(), static_cast<unsigned long long>(c.actors),
                Join(c.supporters).c_str(), Join(c.opponents).c_str());
  }
  return kExitOk;
}

int Path(GraphStore& store, const AnalysisRequest& r) {
  StatusOr<GraphPath> path = ShortestPath(store, r.from, r.to, r.view);
  if (!path.ok()) return Fail("query", path.status());
  if (r.format != "table") {
    PrintJson(json(*path), r.format);
    return kExitOk;
  }
  std::printf("%zu hops\n", path->edges.size());
  for (size_t i = 0; i < path->nodes.size(); ++i) {
    const GraphNode& n = path->nodes[i];
    std::printf("%s %s (%s)\n", i == 0 ? " " : "->", n.id.c_str(), n.kind.c_str());
    if (i < path->edges.size()) {
      const GraphEdge& e = path->edges[i];
      std::printf("     [%s %s %s, %zu positions]\n", e.source.c_str(),
                  std::string(StanceName(e.stance)).c_str(), e.target.c_str(),
                  e.position_ids.size());
    }
  }
  return kExitOk;
}

}  // namespace

int RunAnalysis(GraphStore& store, const AnalysisRequest& request) {
  if (Status s = CheckRoundKnown(store, request.view.round); !s.ok()) return Fail("query", s);
  if (request.mode == "neighbourhood") return Neighbourhood(store, request);
  if (request.mode == "alignment") return Alignment(store, request);
  if (request.mode == "contested") return Contested(store, request);
  if (request.mode == "path") return Path(store, request);
  return Fail("query", Status::InvalidArgument("unknown analysis '" + request.mode + "'"));
}

}  // namespace negograph::cli
