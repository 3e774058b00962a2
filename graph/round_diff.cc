#include "graph/round_diff.h"

#include <algorithm>
#include <unordered_map>

namespace negograph {
namespace {

std::vector<Stance> DistinctStances(const std::vector<Position>& positions) {
  std::vector<Stance> out;
  for (const Position& p : positions) {
    if (std::find(out.begin(), out.end(), p.stance) == out.end()) out.push_back(p.stance);
  }
  std::sort(out.begin(), out.end(), [](Stance a, Stance b) {
    int ha = StanceHardness(a), hb = StanceHardness(b);
    return ha != hb ? ha < hb : static_cast<int>(a) < static_cast<int>(b);
  });
  return out;
}

std::string JoinStances(const std::vector<Stance>& stances) {
  std::string out;
  for (Stance s : stances) {
    if (!out.empty()) out += '+';
    out += StanceName(s);
  }
  return out;
}

// The registered round, or a bare Round{id} when only positions carry it.
StatusOr<Round> ResolveRound(GraphStore& store, const std::vector<Counted<Round>>& rounds,
                             std::string_view id) {
  for (const Counted<Round>& r : rounds) {
    if (r.item.id == id) return r.item;
  }
  PositionFilter pf;
  pf.round = std::string(id);
  bool seen = false;
  NEGOGRAPH_RETURN_IF_ERROR(store.ScanPositions(pf, [&](const Position&) {
    seen = true;
    return false;
  }));
  if (!seen) return Status::NotFound("no round '" + std::string(id) + "'");
  Round r;
  r.id = std::string(id);
  return r;
}

struct PairPositions {
  std::vector<Position> from, to;
};

}  // namespace

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kReversed: return "reversed";
    case ChangeKind::kHardened: return "hardened";
    case ChangeKind::kSoftened: return "softened";
    case ChangeKind::kShifted: return "shifted";
    case ChangeKind::kNew: return "new";
    case ChangeKind::kNotReported: return "not_reported";
    case ChangeKind::kUnchanged: return "unchanged";
  }
  return "unknown";
}

std::string_view ChangeKindLabel(ChangeKind kind) {
  return kind == ChangeKind::kNotReported ? "not reported in this round" : ChangeKindName(kind);
}

bool IsStanceChange(ChangeKind kind) {
  return kind == ChangeKind::kReversed || kind == ChangeKind::kHardened ||
         kind == ChangeKind::kSoftened || kind == ChangeKind::kShifted;
}

int StanceSide(const std::vector<Position>& positions) {
  int support = 0, oppose = 0;
  for (const Position& p : positions) {
    if (p.stance == Stance::kReject) ++oppose;
    else if (p.stance != Stance::kThreaten) ++support;
  }
  return support > oppose ? 1 : (oppose > support ? -1 : 0);
}

int StanceHardness(Stance stance) {
  switch (stance) {
    case Stance::kAccept: return 0;
    case Stance::kOffer:
    case Stance::kAssure: return 1;
    case Stance::kDemand: return 2;
    case Stance::kReject: return 3;
    case Stance::kThreaten: return 4;
  }
  return 2;
}

namespace {

// > 0 when `to` is harder than `from`: the hardest stance decides, then the softest.
int HardnessDelta(const std::vector<Stance>& from, const std::vector<Stance>& to) {
  auto hardest = [](const std::vector<Stance>& v) {
    int h = -1;
    for (Stance s : v) h = std::max(h, StanceHardness(s));
    return h;
  };
  auto softest = [](const std::vector<Stance>& v) {
    int h = 99;
    for (Stance s : v) h = std::min(h, StanceHardness(s));
    return h;
  };
  int delta = hardest(to) - hardest(from);
  return delta != 0 ? delta : softest(to) - softest(from);
}

}  // namespace

ChangeKind ClassifyChange(const std::vector<Position>& from, const std::vector<Position>& to) {
  int a = StanceSide(from), b = StanceSide(to);
  if (a != 0 && b != 0 && a != b) return ChangeKind::kReversed;
  int delta = HardnessDelta(DistinctStances(from), DistinctStances(to));
  return delta > 0 ? ChangeKind::kHardened
                   : (delta < 0 ? ChangeKind::kSoftened : ChangeKind::kShifted);
}

std::string ChangeNote(const std::vector<Stance>& from, const std::vector<Stance>& to) {
  int delta = HardnessDelta(from, to);
  const char* word = delta > 0 ? "hardened" : (delta < 0 ? "softened" : "shifted");
  return std::string(word) + ": " + JoinStances(from) + " -> " + JoinStances(to);
}

StatusOr<RoundComparison> CompareRounds(GraphStore& store, std::string_view from_round,
                                        std::string_view to_round) {
  if (from_round.empty() || to_round.empty()) {
    return Status::InvalidArgument("compare needs two round ids");
  }
  StatusOr<std::vector<Counted<Round>>> rounds = store.ListRounds();
  if (!rounds.ok()) return rounds.status();
  RoundComparison out;
  StatusOr<Round> from = ResolveRound(store, *rounds, from_round);
  if (!from.ok()) return from.status();
  StatusOr<Round> to = ResolveRound(store, *rounds, to_round);
  if (!to.ok()) return to.status();
  out.from = *std::move(from);
  out.to = *std::move(to);

  // (actor, issue) -> positions of each round, in first-seen order.
  std::unordered_map<std::string, size_t> index;
  std::vector<PairPositions> pairs;
  auto collect = [&](const std::string& round, bool is_from) {
    PositionFilter pf;
    pf.round = round;
    return store.ScanPositions(pf, [&](const Position& p) {
      std::string key = p.actor + '\x1f' + p.issue;
      auto [it, inserted] = index.try_emplace(std::move(key), pairs.size());
      if (inserted) pairs.emplace_back();
      (is_from ? pairs[it->second].from : pairs[it->second].to).push_back(p);
      return true;
    });
  };
  NEGOGRAPH_RETURN_IF_ERROR(collect(out.from.id, true));
  NEGOGRAPH_RETURN_IF_ERROR(collect(out.to.id, false));

  out.changes.reserve(pairs.size());
  for (PairPositions& pp : pairs) {
    RoundChange c;
    const Position& any = pp.from.empty() ? pp.to.front() : pp.from.front();
    c.actor = any.actor;
    c.actor_label = any.actor_label;
    c.issue = any.issue;
    c.issue_label = any.issue_label;
    c.from_stances = DistinctStances(pp.from);
    c.to_stances = DistinctStances(pp.to);
    if (pp.from.empty()) {
      c.kind = ChangeKind::kNew;
    } else if (pp.to.empty()) {
      c.kind = ChangeKind::kNotReported;
    } else if (c.from_stances == c.to_stances) {
      c.kind = ChangeKind::kUnchanged;
    } else {
      c.kind = ClassifyChange(pp.from, pp.to);
      c.note = std::string(ChangeKindName(c.kind)) + ": " + JoinStances(c.from_stances) + " -> " +
               JoinStances(c.to_stances);
    }
    c.from_evidence = std::move(pp.from);
    c.to_evidence = std::move(pp.to);
    out.changes.push_back(std::move(c));
  }
  std::sort(out.changes.begin(), out.changes.end(), [](const RoundChange& a, const RoundChange& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.actor != b.actor ? a.actor < b.actor : a.issue < b.issue;
  });
  return out;
}

}  // namespace negograph
