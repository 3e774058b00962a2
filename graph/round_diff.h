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
  std::vector<Stance> from_stances;      // distinct stances in round A (softest first)
  std::vector<Stance> to_stances;        // distinct stances in round B (softest first)
  std::vector<Position> from_evidence;   // positions of round A on this pair
  std::vector<Position> to_evidence;     // positions of round B on this pair
  std::string note;  // e.g. "hardened: offer -> reject", "softened: demand -> offer"
};

// How hard a stance is, for "hardened"/"softened" (docs/analysis.md):
// accept 0 < offer = assure 1 < demand 2 < reject 3 < threaten 4.
int StanceHardness(Stance stance);

// The note of a changed pair: "hardened: A -> B" when the hardest stance
// (then the softest) rose, "softened: ..." when it fell, else "shifted: ...".
// Stances are joined with '+'.
std::string ChangeNote(const std::vector<Stance>& from, const std::vector<Stance>& to);

struct RoundComparison {
  Round from, to;
  std::vector<RoundChange> changes;  // sorted by (kind, actor, issue)
};

// Compares the positions of two rounds per (actor, issue). A round id is
// known when the round registry lists it or a stored position carries it;
// NotFound otherwise.
StatusOr<RoundComparison> CompareRounds(GraphStore& store, std::string_view from_round,
                                        std::string_view to_round);

}  // namespace negograph
