#include "graph/graph_json.h"

#include <nlohmann/json.hpp>

#include "graph/model_json.h"

namespace negograph {

using nlohmann::json;

namespace {

json StanceList(const std::vector<Stance>& stances) {
  json out = json::array();
  for (Stance s : stances) out.push_back(StanceName(s));
  return out;
}

}  // namespace

void to_json(json& j, const GraphNode& v) {
  j = json{{"id", v.id}, {"kind", v.kind}, {"label", v.label}, {"open", v.open},
           {"positions", v.positions}};
}

void to_json(json& j, const GraphEdge& v) {
  j = json{{"id", v.id},
           {"source", v.source},
           {"target", v.target},
           {"stance", StanceName(v.stance)},
           {"position_ids", v.position_ids},
           {"rounds", v.rounds},
           {"count", v.position_ids.size()}};
}

void to_json(json& j, const Subgraph& v) { j = json{{"nodes", v.nodes}, {"edges", v.edges}}; }

void to_json(json& j, const AlignmentPair& v) {
  j = json{{"a", v.a},
           {"a_label", v.a_label},
           {"b", v.b},
           {"b_label", v.b_label},
           {"shared_issues", v.shared_issues},
           {"opposed_issues", v.opposed_issues},
           {"shared", v.shared_issues.size()},
           {"opposed", v.opposed_issues.size()}};
}

void to_json(json& j, const ContestedIssue& v) {
  j = json{{"id", v.id},
           {"label", v.label},
           {"supporters", v.supporters},
           {"opponents", v.opponents},
           {"actors", v.actors}};
}

void to_json(json& j, const GraphPath& v) { j = json{{"nodes", v.nodes}, {"edges", v.edges}}; }

void to_json(json& j, const RoundChange& v) {
  j = json{{"kind", ChangeKindName(v.kind)},
           {"kind_label", ChangeKindLabel(v.kind)},
           {"actor", v.actor},
           {"actor_label", v.actor_label},
           {"issue", v.issue},
           {"issue_label", v.issue_label},
           {"from_stances", StanceList(v.from_stances)},
           {"to_stances", StanceList(v.to_stances)},
           {"from_evidence", v.from_evidence},
           {"to_evidence", v.to_evidence},
           {"note", v.note}};
}

void to_json(json& j, const RoundComparison& v) {
  // Every kind, plus "changed": the four kinds whose stances differ.
  json summary = {{"changed", 0}};
  for (ChangeKind k : {ChangeKind::kReversed, ChangeKind::kHardened, ChangeKind::kSoftened,
                       ChangeKind::kShifted, ChangeKind::kNew, ChangeKind::kNotReported,
                       ChangeKind::kUnchanged}) {
    summary[std::string(ChangeKindName(k))] = 0;
  }
  for (const RoundChange& c : v.changes) {
    json& n = summary[std::string(ChangeKindName(c.kind))];
    n = n.get<int>() + 1;
    if (IsStanceChange(c.kind)) summary["changed"] = summary["changed"].get<int>() + 1;
  }
  j = json{{"from", v.from}, {"to", v.to}, {"changes", v.changes}, {"summary", summary}};
}

void to_json(json& j, const Conflict& v) {
  j = json{{"kind", ConflictKindName(v.kind)},
           {"round", v.round},
           {"issue", v.issue},
           {"issue_label", v.issue_label},
           {"actor", v.actor},
           {"actor_label", v.actor_label},
           {"note", v.note},
           {"a", v.a},
           {"b", v.b}};
}

}  // namespace negograph
