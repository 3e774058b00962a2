// The read-side projection of the store that every analysis and export
// works on: actors and issues as nodes, positions folded into one stance
// edge per (actor, stance, issue). Built per request in one ScanPositions
// pass (O(positions), hash maps only), so it is a consistent snapshot.
//
// This header is Boost-free; the Boost.Graph view of a Projection lives in
// graph/projection_bgl.h, which only analysis sources include.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/analysis.h"
#include "graph/graph_store.h"
#include "graph/status.h"

namespace negograph {

// InvalidArgument when a date is not ISO ("2022", "2022-01", "2022-01-10")
// or date_from > date_to.
Status ValidateViewFilter(const ViewFilter& filter);

// True when a document dated `doc_date` (ISO date or prefix) falls in the
// filter's date window. Dates are compared on their common prefix, so a
// document dated "2022-01" is inside a window 2022-01-10..2022-01-12. A
// document without a date is outside any window.
bool DateInWindow(std::string_view doc_date, const ViewFilter& filter);

// Visits every position of the store inside the view, in position-id order,
// from one snapshot. Reads the document list once when a date window is set.
Status ScanView(GraphStore& store, const ViewFilter& filter,
                const std::function<bool(const Position&)>& visit);

// Hex64(Hash64(source|stance|target)): the id of a folded stance edge.
std::string StanceEdgeId(std::string_view actor, Stance stance, std::string_view issue);

class Projection {
 public:
  struct Options {
    // Keep a copy of every position in the view (positions()); round diffs
    // and exports want them, graph walks do not. Default: false.
    bool keep_positions = false;
  };

  // One pass over the view. InvalidArgument for a bad filter; store errors
  // pass through.
  static StatusOr<Projection> Build(GraphStore& store, const ViewFilter& filter,
                                    const Options& options);
  static StatusOr<Projection> Build(GraphStore& store, const ViewFilter& filter) {
    return Build(store, filter, Options{});
  }

  // Nodes in first-seen order (actors and issues mixed); edges likewise.
  const std::vector<GraphNode>& nodes() const { return nodes_; }
  const std::vector<GraphEdge>& edges() const { return edges_; }
  // Node index of edges()[e]'s actor and issue.
  size_t edge_source(size_t e) const { return endpoints_[e].first; }
  size_t edge_target(size_t e) const { return endpoints_[e].second; }
  // Positions in the view; empty unless Options::keep_positions.
  const std::vector<Position>& positions() const { return positions_; }
  // Number of positions in the view.
  uint64_t position_count() const { return position_count_; }

  // Moves the nodes or edges out, for a caller done with the projection
  // (indices and lookups are meaningless afterwards).
  std::vector<GraphNode> TakeNodes() && { return std::move(nodes_); }
  std::vector<GraphEdge> TakeEdges() && { return std::move(edges_); }

  // Looks a node up by id. An actor wins over an issue of the same id;
  // "actor:ID" and "issue:ID" pick the kind explicitly.
  std::optional<size_t> FindNode(std::string_view id) const;

 private:
  size_t AddNode(bool actor, const std::string& id, const std::string& label, bool open);
  void Add(const Position& p);

  std::vector<GraphNode> nodes_;
  std::vector<GraphEdge> edges_;
  std::vector<std::pair<size_t, size_t>> endpoints_;
  std::vector<Position> positions_;
  uint64_t position_count_ = 0;
  std::unordered_map<std::string, size_t> actor_index_;
  std::unordered_map<std::string, size_t> issue_index_;
  // (actor node << 35 | issue node << 3 | stance) -> edge index.
  std::unordered_map<uint64_t, size_t> edge_index_;
};

}  // namespace negograph
