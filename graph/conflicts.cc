#include "graph/conflicts.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace negograph {
namespace {

// Positions of one (round, issue), in scan order.
using Group = std::vector<Position>;

bool Supports(Stance s) { return s == Stance::kAccept || s == Stance::kOffer; }

// Smaller doc id first, so each conflict has one canonical form.
void AddConflict(ConflictKind kind, const Position& x, const Position& y, std::string note,
                 std::vector<Conflict>& out) {
  Conflict c;
  c.kind = kind;
  const bool swap = y.evidence.doc_id < x.evidence.doc_id;
  c.a = swap ? y : x;
  c.b = swap ? x : y;
  c.round = c.a.round;
  c.issue = c.a.issue;
  c.issue_label = c.a.issue_label;
  if (kind == ConflictKind::kStance) {
    c.actor = c.a.actor;
    c.actor_label = c.a.actor_label;
    c.note = std::string(StanceName(c.a.stance)) + " vs " + std::string(StanceName(c.b.stance));
  } else {
    c.note = std::move(note) + ": " + c.a.actor + " vs " + c.b.actor;
  }
  out.push_back(std::move(c));
}

void ConflictsInGroup(const Group& g, std::vector<Conflict>& out) {
  // Only the first position per (document, actor, stance, speaker) counts:
  // one conflict per pair of reports, not per pair of sentences.
  std::map<std::tuple<std::string, std::string, Stance, std::string>, const Position*> firsts;
  for (const Position& p : g) {
    firsts.try_emplace({p.evidence.doc_id, p.actor, p.stance, p.speaker}, &p);
  }
  std::vector<const Position*> ps;
  for (const auto& [key, p] : firsts) ps.push_back(p);
  std::set<std::string> seen;  // docs, kind and the two stances or actors
  auto once = [&](const Position& x, const Position& y, const std::string& what) {
    auto [lo, hi] = std::minmax(x.evidence.doc_id, y.evidence.doc_id);
    return seen.insert(lo + '|' + hi + '|' + what).second;
  };
  for (size_t i = 0; i < ps.size(); ++i) {
    for (size_t j = i + 1; j < ps.size(); ++j) {
      const Position& x = *ps[i];
      const Position& y = *ps[j];
      if (x.evidence.doc_id == y.evidence.doc_id) continue;
      if (x.actor == y.actor && IncompatibleStances(x.stance, y.stance)) {
        // By value: std::minmax of temporaries would return dangling references.
        std::string a(StanceName(x.stance)), b(StanceName(y.stance));
        if (b < a) std::swap(a, b);
        if (once(x, y, "s|" + x.actor + '|' + a + '|' + b)) {
          AddConflict(ConflictKind::kStance, x, y, "", out);
        }
      } else if (x.actor != y.actor && x.stance == y.stance && !x.speaker.empty() &&
                 x.speaker == y.speaker) {
        auto [lo, hi] = std::minmax(x.actor, y.actor);
        if (once(x, y, "h|" + x.speaker + '|' + std::string(StanceName(x.stance)) + '|' + lo + '|' + hi)) {
          AddConflict(ConflictKind::kHolder, x, y,
                      x.speaker_label.empty() ? x.speaker : x.speaker_label, out);
        }
      }
    }
  }
}

}  // namespace

std::string_view ConflictKindName(ConflictKind kind) {
  return kind == ConflictKind::kStance ? "stance" : "holder";
}

bool IncompatibleStances(Stance a, Stance b) {
  if ((Supports(a) && b == Stance::kReject) || (Supports(b) && a == Stance::kReject)) return true;
  return (a == Stance::kAssure && b == Stance::kThreaten) ||
         (a == Stance::kThreaten && b == Stance::kAssure);
}

StatusOr<std::vector<Conflict>> FindConflicts(GraphStore& store, const ConflictFilter& filter) {
  // A holder conflict involves other actors than the filtered one, so the
  // actor filter applies to the conflicts found, not to the scan.
  PositionFilter pf;
  pf.round = filter.round;
  pf.issue = filter.issue;
  std::map<std::pair<std::string, std::string>, Group> groups;  // (round, issue)
  NEGOGRAPH_RETURN_IF_ERROR(store.ScanPositions(pf, [&](const Position& p) {
    if (!p.round.empty()) groups[{p.round, p.issue}].push_back(p);
    return true;
  }));
  std::vector<Conflict> out;
  for (const auto& [key, group] : groups) {
    std::vector<Conflict> found;
    ConflictsInGroup(group, found);
    for (Conflict& c : found) {
      if (!filter.actor.empty() && c.a.actor != filter.actor && c.b.actor != filter.actor) continue;
      out.push_back(std::move(c));
    }
  }
  std::sort(out.begin(), out.end(), [](const Conflict& x, const Conflict& y) {
    return std::tie(x.round, x.issue, x.actor, x.kind, x.a.evidence.doc_id, x.b.evidence.doc_id,
                    x.a.id, x.b.id) < std::tie(y.round, y.issue, y.actor, y.kind,
                                               y.a.evidence.doc_id, y.b.evidence.doc_id, y.a.id,
                                               y.b.id);
  });
  return out;
}

}  // namespace negograph
