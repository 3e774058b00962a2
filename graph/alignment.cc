// Alignment and Contested: who stands with whom on the same issue. Grouped
// per issue, so the pair loop is quadratic only in the actors of one issue.
//
// An actor's side on an issue is decided by its positions there: "support"
// (demand, offer, accept, assure) or "oppose" (reject), whichever has more
// positions; a tie, or only threats, leaves the actor without a side.
#include <algorithm>
#include <unordered_map>

#include "graph/analysis.h"
#include "graph/projection.h"

namespace negograph {
namespace {

// +1 support, -1 oppose, 0 neither (threaten).
int StanceSide(Stance s) {
  switch (s) {
    case Stance::kReject: return -1;
    case Stance::kThreaten: return 0;
    default: return 1;
  }
}

struct ActorOnIssue {
  size_t actor = 0;
  uint64_t support = 0;
  uint64_t oppose = 0;
  int side() const { return support > oppose ? 1 : (oppose > support ? -1 : 0); }
};

// issue node index -> the actors with positions on it, sorted by actor id.
std::unordered_map<size_t, std::vector<ActorOnIssue>> GroupByIssue(const Projection& proj) {
  std::unordered_map<size_t, std::unordered_map<size_t, ActorOnIssue>> grouped;
  for (size_t e = 0; e < proj.edges().size(); ++e) {
    const GraphEdge& edge = proj.edges()[e];
    ActorOnIssue& a = grouped[proj.edge_target(e)][proj.edge_source(e)];
    a.actor = proj.edge_source(e);
    int side = StanceSide(edge.stance);
    uint64_t n = edge.position_ids.size();
    if (side > 0) a.support += n;
    if (side < 0) a.oppose += n;
  }
  std::unordered_map<size_t, std::vector<ActorOnIssue>> out;
  out.reserve(grouped.size());
  for (auto& [issue, actors] : grouped) {
    std::vector<ActorOnIssue>& list = out[issue];
    list.reserve(actors.size());
    for (auto& [_, a] : actors) list.push_back(a);
    std::sort(list.begin(), list.end(), [&](const ActorOnIssue& x, const ActorOnIssue& y) {
      return proj.nodes()[x.actor].id < proj.nodes()[y.actor].id;
    });
  }
  return out;
}

struct PairHash {
  size_t operator()(const std::pair<size_t, size_t>& p) const {
    return std::hash<size_t>()(p.first) * 1000003u ^ std::hash<size_t>()(p.second);
  }
};

}  // namespace

StatusOr<std::vector<AlignmentPair>> Alignment(GraphStore& store, const ViewFilter& filter) {
  StatusOr<Projection> proj = Projection::Build(store, filter);
  if (!proj.ok()) return proj.status();
  const std::vector<GraphNode>& nodes = proj->nodes();

  std::vector<AlignmentPair> pairs;
  std::unordered_map<std::pair<size_t, size_t>, size_t, PairHash> index;
  for (const auto& [issue, actors] : GroupByIssue(*proj)) {
    for (size_t x = 0; x < actors.size(); ++x) {
      if (actors[x].side() == 0) continue;
      for (size_t y = x + 1; y < actors.size(); ++y) {
        if (actors[y].side() == 0) continue;
        auto key = std::make_pair(actors[x].actor, actors[y].actor);
        auto [it, inserted] = index.try_emplace(key, pairs.size());
        if (inserted) {
          const GraphNode& a = nodes[key.first];
          const GraphNode& b = nodes[key.second];
          pairs.push_back(AlignmentPair{a.id, a.label, b.id, b.label, {}, {}});
        }
        AlignmentPair& p = pairs[it->second];
        (actors[x].side() == actors[y].side() ? p.shared_issues : p.opposed_issues)
            .push_back(nodes[issue].id);
      }
    }
  }
  for (AlignmentPair& p : pairs) {
    std::sort(p.shared_issues.begin(), p.shared_issues.end());
    std::sort(p.opposed_issues.begin(), p.opposed_issues.end());
  }
  std::sort(pairs.begin(), pairs.end(), [](const AlignmentPair& x, const AlignmentPair& y) {
    size_t nx = x.shared_issues.size() + x.opposed_issues.size();
    size_t ny = y.shared_issues.size() + y.opposed_issues.size();
    if (nx != ny) return nx > ny;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return pairs;
}

StatusOr<std::vector<ContestedIssue>> Contested(GraphStore& store, const ViewFilter& filter,
                                                size_t top) {
  StatusOr<Projection> proj = Projection::Build(store, filter);
  if (!proj.ok()) return proj.status();
  const std::vector<GraphNode>& nodes = proj->nodes();

  std::vector<ContestedIssue> out;
  for (const auto& [issue, actors] : GroupByIssue(*proj)) {
    ContestedIssue c;
    c.id = nodes[issue].id;
    c.label = nodes[issue].label;
    c.actors = actors.size();
    for (const ActorOnIssue& a : actors) {
      if (a.side() > 0) c.supporters.push_back(nodes[a.actor].id);
      if (a.side() < 0) c.opponents.push_back(nodes[a.actor].id);
    }
    if (!c.supporters.empty() && !c.opponents.empty()) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const ContestedIssue& x, const ContestedIssue& y) {
    size_t mx = std::min(x.supporters.size(), x.opponents.size());
    size_t my = std::min(y.supporters.size(), y.opponents.size());
    if (mx != my) return mx > my;
    if (x.actors != y.actors) return x.actors > y.actors;
    return x.id < y.id;
  });
  if (top > 0 && out.size() > top) out.resize(top);
  return out;
}

}  // namespace negograph
