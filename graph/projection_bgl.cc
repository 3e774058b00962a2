#include "graph/projection_bgl.h"

#include <boost/graph/breadth_first_search.hpp>

namespace negograph::bgl {
namespace {

// Records, for every vertex discovered, its hop distance and the tree edge
// that reached it. On an undirected adjacency_list the source of an out-edge
// is the vertex being expanded.
class TreeRecorder : public boost::default_bfs_visitor {
 public:
  explicit TreeRecorder(BfsTree* tree) : tree_(tree) {}
  void tree_edge(Graph::edge_descriptor e, const Graph& g) const {
    size_t u = boost::source(e, g);
    size_t v = boost::target(e, g);
    tree_->distance[v] = tree_->distance[u] + 1;
    tree_->parent[v] = u;
    tree_->parent_edge[v] = boost::get(boost::edge_index, g, e);
  }

 private:
  BfsTree* tree_;
};

}  // namespace

Graph ToBoostGraph(const Projection& projection) {
  Graph g(projection.nodes().size());
  for (size_t e = 0; e < projection.edges().size(); ++e) {
    boost::add_edge(projection.edge_source(e), projection.edge_target(e), e, g);
  }
  return g;
}

BfsTree BreadthFirst(const Graph& graph, size_t source) {
  size_t n = boost::num_vertices(graph);
  BfsTree tree{std::vector<int>(n, -1), std::vector<size_t>(n, kNone),
               std::vector<size_t>(n, kNone)};
  tree.distance[source] = 0;
  boost::breadth_first_search(graph, source, boost::visitor(TreeRecorder(&tree)));
  return tree;
}

}  // namespace negograph::bgl
