// What changed between two rounds of talks, per actor x issue.
#pragma once

#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/status.h"

namespace negograph {

enum class ChangeKind { kNew, kDropped, kUnchanged, kChanged };
std::string_view ChangeKindName(ChangeKind kind);  // "new" "dropped" "unchanged" "changed"

struct RoundChange {
  ChangeKind kind = ChangeKind::kUnchanged;
  std::string actor, actor_label, issue, issue_label;
  std::vector<Stance> from_stances;      // distinct stances in round A (sorted)
  std::vector<Stance> to_stances;        // distinct stances in round B (sorted)
  std::vector<Position> from_evidence;   // positions of round A on this pair
  std::vector<Position> to_evidence;     // positions of round B on this pair
  std::string note;  // e.g. "hardened: offer -> reject", "softened: demand -> offer"
};

struct RoundComparison {
  Round from, to;
  std::vector<RoundChange> changes;  // sorted by (kind, actor, issue)
};

// NotFound when a round id is unknown.
StatusOr<RoundComparison> CompareRounds(GraphStore& store, std::string_view from_round,
                                        std::string_view to_round);

}  // namespace negograph
