// Conflicting reports (docs/analysis.md "Conflicting reports"): two
// documents that report the same round incompatibly, either on what an actor
// holds on an issue (one says Russia rejected talks, the other that it
// accepted them) or on who holds a position (the same speaker's stance put
// down to two different actors).
#pragma once

#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/status.h"

namespace negograph {

enum class ConflictKind {
  kStance,  // same round, actor and issue; incompatible stances in two documents
  kHolder,  // same round, issue, stance and speaker; two documents name two actors
};
std::string_view ConflictKindName(ConflictKind kind);  // "stance" | "holder"

// Stances two reports of the same actor, issue and round cannot both be
// right about: accept/offer vs reject (support against opposition) and
// assure vs threaten. demand vs reject is NOT a conflict: an issue is a
// topic, and "Russia demands a halt to NATO enlargement" agrees with
// "Russia rejects NATO enlargement".
bool IncompatibleStances(Stance a, Stance b);

// Filters combine with AND; an empty field does not filter.
struct ConflictFilter {
  std::string round, actor, issue;
};

struct Conflict {
  ConflictKind kind = ConflictKind::kStance;
  std::string round;
  std::string issue, issue_label;
  // kStance: the actor both reports name; kHolder: empty (see a.actor, b.actor).
  std::string actor, actor_label;
  // One position of each report, a.evidence.doc_id < b.evidence.doc_id.
  Position a, b;
  std::string note;  // e.g. "accept vs reject", "wendy_sherman: usa vs nato"
};

// Every conflict among positions that carry a round, one per (pair of
// documents, pair of stances or actors), sorted by round, issue, actor,
// kind, documents. Costs one scan of the filtered positions plus, per
// (round, issue), the pairs of its documents.
StatusOr<std::vector<Conflict>> FindConflicts(GraphStore& store, const ConflictFilter& filter);

}  // namespace negograph
