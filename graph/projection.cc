#include "graph/projection.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "graph/ids.h"

namespace negograph {
namespace {

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with month 01-12 and day 01-31.
bool IsIsoDatePrefix(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (size_t i = 0; i < d.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : !std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  }
  auto two = [&](size_t at) { return (d[at] - '0') * 10 + (d[at + 1] - '0'); };
  if (d.size() >= 7 && (two(5) < 1 || two(5) > 12)) return false;
  if (d.size() == 10 && (two(8) < 1 || two(8) > 31)) return false;
  return true;
}

}  // namespace

Status ValidateViewFilter(const ViewFilter& filter) {
  for (const std::string* d : {&filter.date_from, &filter.date_to}) {
    if (!d->empty() && !IsIsoDatePrefix(*d)) {
      return Status::InvalidArgument("bad date '" + *d +
                                     "': expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }
  if (!filter.date_from.empty() && !filter.date_to.empty() && filter.date_from > filter.date_to) {
    return Status::InvalidArgument("date_from " + filter.date_from + " is after date_to " +
                                   filter.date_to);
  }
  return Status::Ok();
}

bool DateInWindow(std::string_view doc_date, const ViewFilter& filter) {
  if (filter.date_from.empty() && filter.date_to.empty()) return true;
  if (doc_date.empty()) return false;
  // Compare on the shorter of the two, so partial dates overlap a window.
  auto cmp = [&](std::string_view bound) {
    size_t n = std::min(bound.size(), doc_date.size());
    return doc_date.substr(0, n).compare(bound.substr(0, n));
  };
  if (!filter.date_from.empty() && cmp(filter.date_from) < 0) return false;
  if (!filter.date_to.empty() && cmp(filter.date_to) > 0) return false;
  return true;
}

Status ScanView(GraphStore& store, const ViewFilter& filter,
                const std::function<bool(const Position&)>& visit) {
  NEGOGRAPH_RETURN_IF_ERROR(ValidateViewFilter(filter));
  PositionFilter pf;
  pf.round = filter.round;
  pf.limit = 0;
  if (filter.date_from.empty() && filter.date_to.empty()) return store.ScanPositions(pf, visit);

  // Documents in the window, decided once: doc id -> inside.
  StatusOr<std::vector<Counted<Document>>> docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  std::unordered_map<std::string, bool> inside;
  inside.reserve(docs->size());
  for (const Counted<Document>& d : *docs) inside[d.item.id] = DateInWindow(d.item.date, filter);
  return store.ScanPositions(pf, [&](const Position& p) {
    auto it = inside.find(p.evidence.doc_id);
    if (it == inside.end() || !it->second) return true;
    return visit(p);
  });
}

std::string StanceEdgeId(std::string_view actor, Stance stance, std::string_view issue) {
  std::string key;
  key.reserve(actor.size() + issue.size() + 12);
  key.append(actor).append("|").append(StanceName(stance)).append("|").append(issue);
  return Hex64(Hash64(key));
}

StatusOr<Projection> Projection::Build(GraphStore& store, const ViewFilter& filter,
                                       const Options& options) {
  Projection proj;
  Status s = ScanView(store, filter, [&](const Position& p) {
    proj.Add(p);
    if (options.keep_positions) proj.positions_.push_back(p);
    return true;
  });
  if (!s.ok()) return s;
  for (GraphEdge& e : proj.edges_) {
    std::sort(e.rounds.begin(), e.rounds.end());
    e.rounds.erase(std::unique(e.rounds.begin(), e.rounds.end()), e.rounds.end());
  }
  return proj;
}

size_t Projection::AddNode(bool actor, const std::string& id, const std::string& label,
                           bool open) {
  auto& index = actor ? actor_index_ : issue_index_;
  auto [it, inserted] = index.try_emplace(id, nodes_.size());
  if (inserted) {
    GraphNode n;
    n.id = id;
    n.kind = actor ? "actor" : "issue";
    n.label = label.empty() ? id : label;
    n.open = open;
    nodes_.push_back(std::move(n));
  }
  ++nodes_[it->second].positions;
  return it->second;
}

void Projection::Add(const Position& p) {
  ++position_count_;
  size_t a = AddNode(true, p.actor, p.actor_label, false);
  size_t i = AddNode(false, p.issue, p.issue_label, p.open_issue);
  // A packed integer key: no string is built per position. Node indices stay
  // below 2^29 (half a billion nodes) long before memory would run out.
  uint64_t key = (static_cast<uint64_t>(a) << 35) | (static_cast<uint64_t>(i) << 3) |
                 static_cast<uint64_t>(p.stance);
  auto [it, inserted] = edge_index_.try_emplace(key, edges_.size());
  if (inserted) {
    GraphEdge e;
    e.id = StanceEdgeId(p.actor, p.stance, p.issue);
    e.source = p.actor;
    e.target = p.issue;
    e.stance = p.stance;
    edges_.push_back(std::move(e));
    endpoints_.emplace_back(a, i);
  }
  GraphEdge& e = edges_[it->second];
  e.position_ids.push_back(p.id);
  // Rounds per edge are few; a linear check keeps the vector small.
  if (!p.round.empty() && std::find(e.rounds.begin(), e.rounds.end(), p.round) == e.rounds.end()) {
    e.rounds.push_back(p.round);
  }
}

std::optional<size_t> Projection::FindNode(std::string_view id) const {
  auto lookup = [](const std::unordered_map<std::string, size_t>& index,
                   std::string_view key) -> std::optional<size_t> {
    auto it = index.find(std::string(key));
    if (it == index.end()) return std::nullopt;
    return it->second;
  };
  if (id.starts_with("actor:")) return lookup(actor_index_, id.substr(6));
  if (id.starts_with("issue:")) {
    // "issue:open:x" names the open issue "open:x"; plain "open:x" works too.
    return lookup(issue_index_, id.substr(6));
  }
  if (auto a = lookup(actor_index_, id)) return a;
  return lookup(issue_index_, id);
}

}  // namespace negograph
