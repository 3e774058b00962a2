// Graph analyses over a read-side Boost.Graph projection of the store
// (actors and issues as vertices, positions as stance edges). Implemented in
// graph/analysis*.cc; Boost headers never leave those sources.
//
// "Support" stances are demand, offer, accept, assure; "oppose" is reject;
// threaten is coercive and counts as neither (see docs/analysis.md).
#pragma once

#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/status.h"

namespace negograph {

// Restricts the projection. Empty fields do not filter.
struct ViewFilter {
  std::string round;      // Round::id
  std::string date_from;  // ISO date (inclusive), compared with Document::date prefix
  std::string date_to;    // ISO date (inclusive)
};

struct GraphNode {
  std::string id;     // Actor::id or Issue::id
  std::string kind;   // "actor" | "issue"
  std::string label;
  bool open = false;  // open-vocabulary issue
  uint64_t positions = 0;
};

// All positions with the same (actor, stance, issue) folded into one edge.
struct GraphEdge {
  std::string id;      // Hex64(hash of source|stance|target)
  std::string source;  // actor id
  std::string target;  // issue id
  Stance stance = Stance::kDemand;
  std::vector<std::string> position_ids;
  std::vector<std::string> rounds;  // distinct, sorted
};

struct Subgraph {
  std::vector<GraphNode> nodes;  // sorted by id
  std::vector<GraphEdge> edges;  // sorted by id
};

// The whole projected graph (at most `max_edges` edges; 0 = all).
StatusOr<Subgraph> WholeGraph(GraphStore& store, const ViewFilter& filter, size_t max_edges = 0);

// Nodes within `depth` hops of `node_id` (actor or issue), with the edges
// among them. NotFound when the node has no positions in the view.
StatusOr<Subgraph> Neighbourhood(GraphStore& store, std::string_view node_id, int depth,
                                 const ViewFilter& filter);

// Two actors that take positions on the same issue: `shared` issues where
// both support (or both reject), `opposed` issues where one supports and the
// other rejects.
struct AlignmentPair {
  std::string a, a_label, b, b_label;  // a < b
  std::vector<std::string> shared_issues;
  std::vector<std::string> opposed_issues;
};
// Pairs sorted by (opposed + shared) descending, then ids.
StatusOr<std::vector<AlignmentPair>> Alignment(GraphStore& store, const ViewFilter& filter);

struct ContestedIssue {
  std::string id, label;
  std::vector<std::string> supporters;  // actor ids
  std::vector<std::string> opponents;   // actor ids
  uint64_t actors = 0;                  // distinct actors with any stance on it
};
// Issues with at least one supporter and one opponent, most contested first
// (min(supporters, opponents), then distinct actors); top = 0 keeps all.
StatusOr<std::vector<ContestedIssue>> Contested(GraphStore& store, const ViewFilter& filter,
                                                size_t top = 20);

// The shortest connection between two nodes through stance edges
// (undirected, BFS). NotFound when either node is unknown or unconnected.
struct GraphPath {
  std::vector<GraphNode> nodes;  // from ... to
  std::vector<GraphEdge> edges;  // edges[i] joins nodes[i] and nodes[i+1]
};
StatusOr<GraphPath> ShortestPath(GraphStore& store, std::string_view from, std::string_view to,
                                 const ViewFilter& filter);

}  // namespace negograph
