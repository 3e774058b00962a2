// Alignment and Contested: who stands with whom on the same issue. Grouped
// per issue, so the pair loop is quadratic only in the actors of one issue;
// all keys are integers (node ranks), strings are built once for the answer.
//
// An actor's side on an issue is decided by its positions there: "support"
// (demand, offer, accept, assure) or "oppose" (reject), whichever has more
// positions; a tie, or only threats, leaves the actor without a side.
#include <algorithm>
#include <numeric>
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
  uint32_t issue = 0;  // node index
  uint32_t actor = 0;  // node rank (position in id order)
  uint64_t support = 0;
  uint64_t oppose = 0;
  int side() const { return support > oppose ? 1 : (oppose > support ? -1 : 0); }
};

// Node indices in id order, and each node's rank in that order, so integer
// comparisons of ranks give the id order the answers are sorted by.
struct Ranking {
  std::vector<uint32_t> by_rank;  // rank -> node index
  std::vector<uint32_t> rank;     // node index -> rank
};
Ranking RankNodes(const Projection& proj) {
  const std::vector<GraphNode>& nodes = proj.nodes();
  Ranking r;
  r.by_rank.resize(nodes.size());
  std::iota(r.by_rank.begin(), r.by_rank.end(), 0u);
  std::sort(r.by_rank.begin(), r.by_rank.end(),
            [&](uint32_t a, uint32_t b) { return nodes[a].id < nodes[b].id; });
  r.rank.resize(nodes.size());
  for (uint32_t k = 0; k < r.by_rank.size(); ++k) r.rank[r.by_rank[k]] = k;
  return r;
}

// One entry per (issue, actor), sorted by issue then actor rank.
std::vector<ActorOnIssue> GroupByIssue(const Projection& proj, const Ranking& ranking) {
  std::vector<ActorOnIssue> entries;
  entries.reserve(proj.edges().size());
  for (size_t e = 0; e < proj.edges().size(); ++e) {
    const GraphEdge& edge = proj.edges()[e];
    ActorOnIssue a;
    a.issue = static_cast<uint32_t>(proj.edge_target(e));
    a.actor = ranking.rank[proj.edge_source(e)];
    int side = StanceSide(edge.stance);
    (side > 0 ? a.support : a.oppose) = side != 0 ? edge.position_ids.size() : 0;
    entries.push_back(a);
  }
  std::sort(entries.begin(), entries.end(), [](const ActorOnIssue& x, const ActorOnIssue& y) {
    return x.issue != y.issue ? x.issue < y.issue : x.actor < y.actor;
  });
  // Merge the stances of one actor on one issue.
  size_t out = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (out > 0 && entries[out - 1].issue == entries[i].issue &&
        entries[out - 1].actor == entries[i].actor) {
      entries[out - 1].support += entries[i].support;
      entries[out - 1].oppose += entries[i].oppose;
    } else {
      entries[out++] = entries[i];
    }
  }
  entries.resize(out);
  return entries;
}

// Calls visit(begin, end) for each issue's run of entries.
template <typename F>
void ForEachIssue(const std::vector<ActorOnIssue>& entries, F visit) {
  for (size_t begin = 0; begin < entries.size();) {
    size_t end = begin;
    while (end < entries.size() && entries[end].issue == entries[begin].issue) ++end;
    visit(begin, end);
    begin = end;
  }
}

struct RankedPair {
  uint32_t a = 0, b = 0;  // ranks, a < b
  std::vector<uint32_t> shared, opposed;  // issue node indices
};

std::vector<std::string> IssueIds(const Projection& proj, const std::vector<uint32_t>& issues) {
  std::vector<std::string> out;
  out.reserve(issues.size());
  for (uint32_t i : issues) out.push_back(proj.nodes()[i].id);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

StatusOr<std::vector<AlignmentPair>> Alignment(GraphStore& store, const ViewFilter& filter) {
  StatusOr<Projection> proj = Projection::Build(store, filter);
  if (!proj.ok()) return proj.status();
  Ranking ranking = RankNodes(*proj);
  std::vector<ActorOnIssue> entries = GroupByIssue(*proj, ranking);

  std::vector<RankedPair> pairs;
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<const ActorOnIssue*> sided;
  ForEachIssue(entries, [&](size_t begin, size_t end) {
    sided.clear();
    for (size_t k = begin; k < end; ++k) {
      if (entries[k].side() != 0) sided.push_back(&entries[k]);
    }
    for (size_t x = 0; x < sided.size(); ++x) {
      for (size_t y = x + 1; y < sided.size(); ++y) {
        uint64_t key = (static_cast<uint64_t>(sided[x]->actor) << 32) | sided[y]->actor;
        auto [it, inserted] = index.try_emplace(key, static_cast<uint32_t>(pairs.size()));
        if (inserted) pairs.push_back(RankedPair{sided[x]->actor, sided[y]->actor, {}, {}});
        RankedPair& p = pairs[it->second];
        (sided[x]->side() == sided[y]->side() ? p.shared : p.opposed).push_back(sided[x]->issue);
      }
    }
  });
  std::sort(pairs.begin(), pairs.end(), [](const RankedPair& x, const RankedPair& y) {
    size_t nx = x.shared.size() + x.opposed.size(), ny = y.shared.size() + y.opposed.size();
    if (nx != ny) return nx > ny;
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });

  const std::vector<GraphNode>& nodes = proj->nodes();
  std::vector<AlignmentPair> out;
  out.reserve(pairs.size());
  for (const RankedPair& p : pairs) {
    const GraphNode& a = nodes[ranking.by_rank[p.a]];
    const GraphNode& b = nodes[ranking.by_rank[p.b]];
    out.push_back(AlignmentPair{a.id, a.label, b.id, b.label, IssueIds(*proj, p.shared),
                                IssueIds(*proj, p.opposed)});
  }
  return out;
}

StatusOr<std::vector<ContestedIssue>> Contested(GraphStore& store, const ViewFilter& filter,
                                                size_t top) {
  StatusOr<Projection> proj = Projection::Build(store, filter);
  if (!proj.ok()) return proj.status();
  Ranking ranking = RankNodes(*proj);
  std::vector<ActorOnIssue> entries = GroupByIssue(*proj, ranking);
  const std::vector<GraphNode>& nodes = proj->nodes();

  std::vector<ContestedIssue> out;
  ForEachIssue(entries, [&](size_t begin, size_t end) {
    size_t supporters = 0, opponents = 0;
    for (size_t k = begin; k < end; ++k) {
      supporters += entries[k].side() > 0;
      opponents += entries[k].side() < 0;
    }
    if (supporters == 0 || opponents == 0) return;
    ContestedIssue c;
    const GraphNode& issue = nodes[entries[begin].issue];
    c.id = issue.id;
    c.label = issue.label;
    c.actors = end - begin;
    for (size_t k = begin; k < end; ++k) {  // entries are in actor id order
      const std::string& actor = nodes[ranking.by_rank[entries[k].actor]].id;
      if (entries[k].side() > 0) c.supporters.push_back(actor);
      if (entries[k].side() < 0) c.opponents.push_back(actor);
    }
    out.push_back(std::move(c));
  });
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
