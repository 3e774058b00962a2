// WholeGraph, Neighbourhood and ShortestPath: walks over the Boost.Graph
// view of the projection. Alignment and Contested are in alignment.cc.
#include <algorithm>
#include <numeric>

#include "graph/analysis.h"
#include "graph/projection.h"
#include "graph/projection_bgl.h"

namespace negograph {
namespace {

bool NodeLess(const GraphNode& a, const GraphNode& b) {
  return a.id != b.id ? a.id < b.id : a.kind < b.kind;
}

// The nodes flagged in `keep` and the edges listed, both sorted by id;
// consumes the projection (moves rather than copies position id lists).
Subgraph MakeSubgraph(Projection&& proj, const std::vector<bool>& keep,
                      const std::vector<size_t>& edges) {
  Subgraph out;
  std::vector<GraphNode> nodes = std::move(proj).TakeNodes();
  std::vector<GraphEdge> all_edges = std::move(proj).TakeEdges();
  for (size_t n = 0; n < keep.size(); ++n) {
    if (keep[n]) out.nodes.push_back(std::move(nodes[n]));
  }
  out.edges.reserve(edges.size());
  for (size_t e : edges) out.edges.push_back(std::move(all_edges[e]));
  std::sort(out.nodes.begin(), out.nodes.end(), NodeLess);
  std::sort(out.edges.begin(), out.edges.end(),
            [](const GraphEdge& a, const GraphEdge& b) { return a.id < b.id; });
  return out;
}

StatusOr<size_t> FindNodeOrError(const Projection& proj, std::string_view id) {
  std::optional<size_t> n = proj.FindNode(id);
  if (!n) return Status::NotFound("no node '" + std::string(id) + "' in this view");
  return *n;
}

}  // namespace

StatusOr<Subgraph> WholeGraph(GraphStore& store, const ViewFilter& filter, size_t max_edges) {
  StatusOr<Projection> proj = Projection::Build(store, filter);
  if (!proj.ok()) return proj.status();
  const std::vector<GraphEdge>& all = proj->edges();
  std::vector<size_t> edges(all.size());
  std::iota(edges.begin(), edges.end(), size_t{0});
  std::vector<bool> keep(proj->nodes().size(), true);
  if (max_edges > 0 && edges.size() > max_edges) {
    // Keep the heaviest edges (most positions), ties by id, and their nodes.
    auto heavier = [&](size_t a, size_t b) {
      size_t wa = all[a].position_ids.size(), wb = all[b].position_ids.size();
      return wa != wb ? wa > wb : all[a].id < all[b].id;
    };
    std::partial_sort(edges.begin(), edges.begin() + static_cast<ptrdiff_t>(max_edges),
                      edges.end(), heavier);
    edges.resize(max_edges);
    std::fill(keep.begin(), keep.end(), false);
    for (size_t e : edges) keep[proj->edge_source(e)] = keep[proj->edge_target(e)] = true;
  }
  return MakeSubgraph(*std::move(proj), keep, edges);
}

StatusOr<Subgraph> Neighbourhood(GraphStore& store, std::string_view node_id, int depth,
                                 const ViewFilter& filter) {
  if (depth < 0) return Status::InvalidArgument("depth must be >= 0");
  StatusOr<Projection> proj = Projection::Build(store, filter);
  if (!proj.ok()) return proj.status();
  StatusOr<size_t> root = FindNodeOrError(*proj, node_id);
  if (!root.ok()) return root.status();

  bgl::BfsTree tree = bgl::BreadthFirst(bgl::ToBoostGraph(*proj), *root);
  std::vector<bool> keep(proj->nodes().size(), false);
  for (size_t n = 0; n < keep.size(); ++n) {
    keep[n] = tree.distance[n] >= 0 && tree.distance[n] <= depth;
  }
  std::vector<size_t> edges;
  for (size_t e = 0; e < proj->edges().size(); ++e) {
    if (keep[proj->edge_source(e)] && keep[proj->edge_target(e)]) edges.push_back(e);
  }
  return MakeSubgraph(*std::move(proj), keep, edges);
}

StatusOr<GraphPath> ShortestPath(GraphStore& store, std::string_view from, std::string_view to,
                                 const ViewFilter& filter) {
  StatusOr<Projection> proj = Projection::Build(store, filter);
  if (!proj.ok()) return proj.status();
  StatusOr<size_t> src = FindNodeOrError(*proj, from);
  if (!src.ok()) return src.status();
  StatusOr<size_t> dst = FindNodeOrError(*proj, to);
  if (!dst.ok()) return dst.status();

  bgl::BfsTree tree = bgl::BreadthFirst(bgl::ToBoostGraph(*proj), *src);
  if (tree.distance[*dst] < 0) {
    return Status::NotFound("no connection between '" + std::string(from) + "' and '" +
                            std::string(to) + "' in this view");
  }
  GraphPath path;
  for (size_t v = *dst; v != bgl::kNone; v = tree.parent[v]) {
    path.nodes.push_back(proj->nodes()[v]);
    if (tree.parent_edge[v] != bgl::kNone) path.edges.push_back(proj->edges()[tree.parent_edge[v]]);
  }
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.edges.begin(), path.edges.end());
  return path;
}

}  // namespace negograph
