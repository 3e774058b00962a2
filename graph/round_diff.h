// What changed between two rounds of talks, per actor x issue.
#pragma once

#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/status.h"

namespace negograph {

// What happened to an actor x issue pair from round A to round B
// (docs/analysis.md), in the order the comparison lists them: what moved
// first, then what appeared or was not reported again, then what held.
enum class ChangeKind {
  kReversed,     // the actor's side flipped (support <-> oppose), e.g. accept -> reject
  kHardened,     // same side (or no side), harder stance, e.g. offer -> demand -> threaten
  kSoftened,     // same side (or no side), softer stance, e.g. demand -> offer
  kShifted,      // other stances of the same hardness (offer -> assure)
  kNew,          // only round B has positions on the pair
  kNotReported,  // only round A has: not reported in round B (which is not "dropped")
  kUnchanged,    // both rounds, the same set of stances
};
// "reversed" "hardened" "softened" "shifted" "new" "not_reported" "unchanged"
std::string_view ChangeKindName(ChangeKind kind);
// "reversed", ..., "not reported in this round", ...: for people.
std::string_view ChangeKindLabel(ChangeKind kind);
// True for the four kinds where both rounds have positions and they differ.
bool IsStanceChange(ChangeKind kind);

struct RoundChange {
  ChangeKind kind = ChangeKind::kUnchanged;
  std::string actor, actor_label, issue, issue_label;
  std::vector<Stance> from_stances;      // distinct stances in round A (softest first)
  std::vector<Stance> to_stances;        // distinct stances in round B (softest first)
  std::vector<Position> from_evidence;   // positions of round A on this pair
  std::vector<Position> to_evidence;     // positions of round B on this pair
  std::string note;  // changed pairs: e.g. "reversed: accept -> reject", "softened: demand -> offer"
};

// How hard a stance is, for "hardened"/"softened" (docs/analysis.md):
// accept 0 < offer = assure 1 < demand 2 < reject 3 < threaten 4.
int StanceHardness(Stance stance);

// The side an actor takes on an issue in a set of positions: +1 support
// (more demand/offer/accept/assure than reject), -1 oppose (more reject),
// 0 none (a tie, or only threats). As in docs/analysis.md "Support and opposition".
int StanceSide(const std::vector<Position>& positions);

// The kind of a pair present in both rounds with different stances: reversed
// when both sides are known and differ; else hardened/softened by the hardest
// stance (then the softest); else shifted.
ChangeKind ClassifyChange(const std::vector<Position>& from, const std::vector<Position>& to);

// The note of a changed pair, "hardened: A -> B" (stances joined with '+');
// the word from the hardness scale alone (no sides): hardened, softened, shifted.
std::string ChangeNote(const std::vector<Stance>& from, const std::vector<Stance>& to);

struct RoundComparison {
  Round from, to;
  std::vector<RoundChange> changes;  // sorted by (kind as declared, actor, issue)
};

// Compares the positions of two rounds per (actor, issue). A round id is
// known when the round registry lists it or a stored position carries it;
// NotFound otherwise.
StatusOr<RoundComparison> CompareRounds(GraphStore& store, std::string_view from_round,
                                        std::string_view to_round);

}  // namespace negograph
