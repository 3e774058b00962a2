// PRIVATE to graph/*.cc: the Boost.Graph view of a Projection. Kept out of
// graph/projection.h so that only analysis sources pay for Boost headers.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <limits>
#include <vector>

#include "graph/projection.h"

namespace negograph::bgl {

// Undirected multigraph: vertex i is Projection::nodes()[i]; each edge
// carries its index into Projection::edges() as edge_index.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                    boost::no_property,
                                    boost::property<boost::edge_index_t, size_t>>;

Graph ToBoostGraph(const Projection& projection);

inline constexpr size_t kNone = std::numeric_limits<size_t>::max();

// Hop distances and BFS tree from one vertex (boost::breadth_first_search).
struct BfsTree {
  std::vector<int> distance;         // -1 when unreachable
  std::vector<size_t> parent;        // parent vertex, kNone for the root and unreached
  std::vector<size_t> parent_edge;   // Projection edge index of the tree edge, or kNone
};
BfsTree BreadthFirst(const Graph& graph, size_t source);

}  // namespace negograph::bgl
