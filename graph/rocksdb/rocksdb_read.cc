// Reads of the RocksDB store. Every call reads from one snapshot, so it sees
// each document wholly or not at all, even while Apply runs.
//
// Query plan (FindPositions/ScanPositions): of the bound fields actor, issue,
// round and doc, the one with the fewest positions (from the counters, one
// point read each) picks its index CF; with none bound, the edge CF is
// scanned. by_actor and by_issue are covering (their values are the position
// records): a page is one prefix scan; by_round and by_doc plans fetch the
// records with MultiGet. Index keys end in the position id, so every plan yields positions
// in position-id order and a cursor (the last id) resumes any of them; the
// other filters run on the decoded positions.
#include <rocksdb/db.h>

#include <algorithm>

#include "graph/rocksdb/rocksdb_store_impl.h"
#include "graph/rocksdb/value_codec.h"
#include "graph/store_rules.h"

namespace negograph::store {
namespace {

// Releases a snapshot at scope exit.
class Snapshot {
 public:
  explicit Snapshot(rocksdb::DB* db) : db_(db), snap_(db->GetSnapshot()) {
    ro_.snapshot = snap_;
  }
  ~Snapshot() { db_->ReleaseSnapshot(snap_); }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  const rocksdb::ReadOptions& ro() const { return ro_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snap_;
  rocksdb::ReadOptions ro_;
};

// False when the record's head shows it cannot match `f` (skip it without
// decoding); true when it may match or the head does not parse.
bool HeadMayMatch(std::string_view record, const PositionFilter& f) {
  PositionHead h;
  if (!PeekPositionHead(record, &h)) return true;  // the full decode reports it
  if (f.stance && h.stance != *f.stance) return false;
  if (!f.actor.empty() && h.actor != f.actor) return false;
  if (!f.issue.empty() && h.issue != f.issue) return false;
  return true;
}

struct Plan {
  Cf cf = Cf::kEdge;
  std::string prefix;  // empty for the edge CF
};

}  // namespace

StatusOr<int64_t> RocksDbStore::ReadCounter(const rocksdb::ReadOptions& ro,
                                            const std::string& key) {
  std::string v;
  rocksdb::Status s = db_->db()->Get(ro, db_->cf(Cf::kCounts), key, &v);
  if (s.IsNotFound()) return int64_t{0};
  if (!s.ok()) return FromRocks(s, "reading a counter");
  if (v.size() != 8) return Status::Corruption("counter record is not 8 bytes");
  return static_cast<int64_t>(DecodeU64(v));
}

Status RocksDbStore::Visit(const rocksdb::ReadOptions& snap, const PositionFilter& filter,
                           const std::string& cursor_key, size_t expect,
                           const std::function<bool(Position&&)>& visit) {
  rocksdb::DB* db = db_->db();
  Plan plan;
  int64_t best = -1;
  auto consider = [&](Cf cf, std::string prefix, int64_t count) {
    if (best < 0 || count < best) plan = {cf, std::move(prefix)}, best = count;
  };
  const int bound = (filter.actor.empty() ? 0 : 1) + (filter.issue.empty() ? 0 : 1) +
                    (filter.round.empty() ? 0 : 1);
  auto consider_node = [&](Cf cf, NodeKind kind, const std::string& id) -> Status {
    if (id.empty()) return Status::Ok();
    if (bound == 1) {  // no choice to make: skip the counter read
      consider(cf, NodePrefix(kind, id), 0);
      return Status::Ok();
    }
    StatusOr<int64_t> n = ReadCounter(snap, NodeKey(kind, id));
    if (!n.ok()) return n.status();
    consider(cf, NodePrefix(kind, id), *n);
    return Status::Ok();
  };
  if (!filter.doc.empty()) {
    std::string doc_key;
    if (!TryDocKey(filter.doc, &doc_key)) return Status::Ok();  // no such document
    consider(Cf::kByDoc, doc_key, 0);  // a document's positions are few: always a good plan
  } else {
    NEGOGRAPH_RETURN_IF_ERROR(consider_node(Cf::kByActor, NodeKind::kActor, filter.actor));
    NEGOGRAPH_RETURN_IF_ERROR(consider_node(Cf::kByIssue, NodeKind::kIssue, filter.issue));
    NEGOGRAPH_RETURN_IF_ERROR(consider_node(Cf::kByRound, NodeKind::kRound, filter.round));
  }

  std::string start = plan.prefix + cursor_key;
  std::string upper = PrefixSuccessor(plan.prefix);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions ro = snap;
  if (!plan.prefix.empty()) ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, db_->cf(plan.cf)));
  // The edge CF and the covering indexes (by_actor, by_issue) carry the
  // position record in the value; by_round and by_doc only name it.
  const bool covering = plan.cf == Cf::kEdge || plan.cf == Cf::kByActor || plan.cf == Cf::kByIssue;
  // Index plans fetch their positions with MultiGet in batches (sorted keys:
  // one pass over the edge CF's blocks). The first batch is what the caller
  // expects to need (a page + 1); later ones grow when filters drop items.
  std::vector<std::string> pending;
  size_t batch = std::clamp<size_t>(expect, 16, 1024);
  bool stop = false;
  auto drain = [&]() -> Status {
    const size_t n = pending.size();
    std::vector<rocksdb::Slice> keys(pending.begin(), pending.end());
    std::vector<rocksdb::PinnableSlice> values(n);
    std::vector<rocksdb::Status> statuses(n);
    db->MultiGet(snap, db_->cf(Cf::kEdge), n, keys.data(), values.data(), statuses.data(),
                 /*sorted_input=*/true);
    for (size_t i = 0; i < n && !stop; ++i) {
      const std::string id = PositionIdFromKey(pending[i]);
      if (statuses[i].IsNotFound()) {
        return Status::Corruption("index " + std::string(CfName(plan.cf)) +
                                  " names missing position " + id);
      }
      if (!statuses[i].ok()) return FromRocks(statuses[i], "reading position " + id);
      const std::string_view record(values[i].data(), values[i].size());
      if (!HeadMayMatch(record, filter)) continue;
      Position p;
      if (Status d = DecodePosition(record, &p); !d.ok()) {
        return d.WithContext("position " + id);
      }
      p.id = id;
      if (MatchesFilter(p, filter) && !visit(std::move(p))) stop = true;
    }
    pending.clear();
    batch = std::min<size_t>(batch * 2, 1024);
    return Status::Ok();
  };
  for (it->Seek(start); it->Valid() && !stop; it->Next()) {
    rocksdb::Slice key = it->key();
    if (!cursor_key.empty() && key.compare(start) == 0) continue;  // the cursor itself
    if (key.size() != plan.prefix.size() + 8) {
      return Status::Corruption("malformed key in column family " +
                                std::string(CfName(plan.cf)));
    }
    std::string_view pk(key.data() + plan.prefix.size(), 8);
    if (!covering) {
      pending.emplace_back(pk);
      if (pending.size() >= batch) NEGOGRAPH_RETURN_IF_ERROR(drain());
      continue;
    }
    const std::string_view record(it->value().data(), it->value().size());
    if (!HeadMayMatch(record, filter)) continue;
    Position p;
    if (Status d = DecodePosition(record, &p); !d.ok()) {
      return d.WithContext("position " + PositionIdFromKey(pk) + " in " +
                           std::string(CfName(plan.cf)));
    }
    p.id = PositionIdFromKey(pk);
    if (MatchesFilter(p, filter) && !visit(std::move(p))) return Status::Ok();
  }
  if (stop) return Status::Ok();
  NEGOGRAPH_RETURN_IF_ERROR(FromRocks(it->status(), "scanning positions"));
  if (!pending.empty()) NEGOGRAPH_RETURN_IF_ERROR(drain());
  return Status::Ok();
}

StatusOr<PositionPage> RocksDbStore::FindPositions(const PositionFilter& filter) {
  NEGOGRAPH_RETURN_IF_ERROR(ValidateCursor(filter.cursor));
  Snapshot snap(db_->db());
  PositionPage page;
  const size_t expect = filter.limit == 0 ? 1024 : filter.limit + 1;  // +1: is there more?
  Status s = Visit(snap.ro(), filter, PositionKey(filter.cursor), expect, [&](Position&& p) {
    if (filter.limit != 0 && page.items.size() == filter.limit) {
      page.next_cursor = page.items.back().id;  // one more match exists
      return false;
    }
    page.items.push_back(std::move(p));
    return true;
  });
  if (!s.ok()) return s;
  return page;
}

Status RocksDbStore::ScanPositions(const PositionFilter& filter,
                                   const std::function<bool(const Position&)>& visit) {
  Snapshot snap(db_->db());
  return Visit(snap.ro(), filter, "", 1024, [&](Position&& p) { return visit(p); });
}

StatusOr<Position> RocksDbStore::GetPosition(std::string_view position_id) {
  std::string pk;
  if (!TryPositionKey(position_id, &pk)) {
    return Status::NotFound("no position " + std::string(position_id));
  }
  std::string value;
  rocksdb::Status s = db_->db()->Get(rocksdb::ReadOptions(), db_->cf(Cf::kEdge), pk, &value);
  if (s.IsNotFound()) return Status::NotFound("no position " + std::string(position_id));
  if (!s.ok()) return FromRocks(s, "reading position " + std::string(position_id));
  Position p;
  NEGOGRAPH_RETURN_IF_ERROR(
      DecodePosition(value, &p).WithContext("position " + std::string(position_id)));
  p.id = std::string(position_id);
  return p;
}

StatusOr<Document> RocksDbStore::GetDocument(std::string_view doc_id) {
  std::string key;
  if (!TryDocKey(doc_id, &key)) return Status::NotFound("no document " + std::string(doc_id));
  Snapshot snap(db_->db());
  std::string value;
  rocksdb::Status s = db_->db()->Get(snap.ro(), db_->cf(Cf::kDoc), key, &value);
  if (s.IsNotFound()) return Status::NotFound("no document " + std::string(doc_id));
  if (!s.ok()) return FromRocks(s, "reading document " + std::string(doc_id));
  Document d;
  uint64_t positions = 0;
  NEGOGRAPH_RETURN_IF_ERROR(
      DecodeDocument(value, &d, &positions).WithContext("document " + std::string(doc_id)));
  d.id = std::string(doc_id);
  s = db_->db()->Get(snap.ro(), db_->cf(Cf::kText), key, &d.text);
  if (!s.ok()) return FromRocks(s, "reading the text of document " + std::string(doc_id));
  return d;
}

StatusOr<std::vector<Counted<Document>>> RocksDbStore::ListDocuments() {
  Snapshot snap(db_->db());
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(snap.ro(), db_->cf(Cf::kDoc)));
  std::vector<Counted<Document>> out;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (it->key().size() != 16) return Status::Corruption("malformed document key");
    Counted<Document> c;
    c.item.id = DocIdFromKey(std::string_view(it->key().data(), 16));
    NEGOGRAPH_RETURN_IF_ERROR(
        DecodeDocument(std::string_view(it->value().data(), it->value().size()), &c.item,
                       &c.positions)
            .WithContext("document " + c.item.id));
    out.push_back(std::move(c));
  }
  NEGOGRAPH_RETURN_IF_ERROR(FromRocks(it->status(), "listing documents"));
  return out;
}

namespace {

Status DecodeNode(std::string_view v, Actor* a) { return DecodeActor(v, a); }
Status DecodeNode(std::string_view v, Issue* i) { return DecodeIssue(v, i); }
Status DecodeNode(std::string_view v, Person* p) { return DecodePerson(v, p); }

}  // namespace

// Nodes with at least one position, ordered by id: a scan of the counters of
// `kind` joined with the node dictionary.
template <typename T>
StatusOr<std::vector<Counted<T>>> RocksDbStore::ListNodes(NodeKind kind) {
  Snapshot snap(db_->db());
  std::string prefix(1, static_cast<char>(kind));
  std::string upper = PrefixSuccessor(prefix);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions ro = snap.ro();
  ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(ro, db_->cf(Cf::kCounts)));
  std::vector<Counted<T>> out;
  std::string value;
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    if (it->value().size() != 8) return Status::Corruption("counter record is not 8 bytes");
    auto n = static_cast<int64_t>(DecodeU64(std::string_view(it->value().data(), 8)));
    if (n <= 0) continue;
    rocksdb::Status s = db_->db()->Get(snap.ro(), db_->cf(Cf::kNodes), it->key(), &value);
    if (!s.ok()) return FromRocks(s, "reading a counted node");
    Counted<T> c;
    c.positions = static_cast<uint64_t>(n);
    NEGOGRAPH_RETURN_IF_ERROR(DecodeNode(value, &c.item));
    out.push_back(std::move(c));
  }
  NEGOGRAPH_RETURN_IF_ERROR(FromRocks(it->status(), "listing nodes"));
  std::sort(out.begin(), out.end(),
            [](const Counted<T>& a, const Counted<T>& b) { return a.item.id < b.item.id; });
  return out;
}

StatusOr<std::vector<Counted<Actor>>> RocksDbStore::ListActors() {
  return ListNodes<Actor>(NodeKind::kActor);
}
StatusOr<std::vector<Counted<Issue>>> RocksDbStore::ListIssues() {
  return ListNodes<Issue>(NodeKind::kIssue);
}
StatusOr<std::vector<Counted<Person>>> RocksDbStore::ListPeople() {
  return ListNodes<Person>(NodeKind::kPerson);
}

StatusOr<std::vector<Counted<Round>>> RocksDbStore::ListRounds() {
  Snapshot snap(db_->db());
  std::map<std::string, Counted<Round>> rounds;
  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(snap.ro(), db_->cf(Cf::kRound)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    Round r;
    NEGOGRAPH_RETURN_IF_ERROR(
        DecodeRound(std::string_view(it->value().data(), it->value().size()), &r));
    StatusOr<int64_t> n = ReadCounter(snap.ro(), NodeKey(NodeKind::kRound, r.id));
    if (!n.ok()) return n.status();
    std::string id = r.id;
    rounds[id] = {std::move(r), static_cast<uint64_t>(std::max<int64_t>(*n, 0))};
  }
  NEGOGRAPH_RETURN_IF_ERROR(FromRocks(it->status(), "listing rounds"));
  // Rounds that positions name without a registry entry.
  StatusOr<std::vector<Counted<Round>>> unregistered = [&]() -> StatusOr<std::vector<Counted<Round>>> {
    std::string prefix(1, static_cast<char>(NodeKind::kRound));
    std::string upper = PrefixSuccessor(prefix);
    rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions ro = snap.ro();
    ro.iterate_upper_bound = &upper_slice;
    std::unique_ptr<rocksdb::Iterator> c(db_->db()->NewIterator(ro, db_->cf(Cf::kCounts)));
    std::vector<Counted<Round>> found;
    std::string value;
    for (c->Seek(prefix); c->Valid(); c->Next()) {
      if (c->value().size() != 8) return Status::Corruption("counter record is not 8 bytes");
      auto n = static_cast<int64_t>(DecodeU64(std::string_view(c->value().data(), 8)));
      if (n <= 0) continue;
      rocksdb::Status s = db_->db()->Get(snap.ro(), db_->cf(Cf::kNodes), c->key(), &value);
      if (!s.ok()) return FromRocks(s, "reading a round reference");
      Counted<Round> r;
      NEGOGRAPH_RETURN_IF_ERROR(DecodeRoundRef(value, &r.item.id));
      r.positions = static_cast<uint64_t>(n);
      found.push_back(std::move(r));
    }
    NEGOGRAPH_RETURN_IF_ERROR(FromRocks(c->status(), "listing round counters"));
    return found;
  }();
  if (!unregistered.ok()) return unregistered.status();
  for (Counted<Round>& r : *unregistered) rounds.try_emplace(r.item.id, std::move(r));
  std::vector<Counted<Round>> out;
  for (auto& [id, r] : rounds) out.push_back(std::move(r));
  return out;
}

StatusOr<StoreStats> RocksDbStore::Stats() {
  StoreStats stats;
  {
    Snapshot snap(db_->db());
    StatusOr<int64_t> docs = ReadCounter(snap.ro(), std::string(kDocumentsCounterKey));
    StatusOr<int64_t> positions = ReadCounter(snap.ro(), std::string(kPositionsCounterKey));
    if (!docs.ok()) return docs.status();
    if (!positions.ok()) return positions.status();
    stats.documents = static_cast<uint64_t>(std::max<int64_t>(*docs, 0));
    stats.positions = static_cast<uint64_t>(std::max<int64_t>(*positions, 0));
  }
  NEGOGRAPH_RETURN_IF_ERROR(CountNodes(*this, stats));
  return stats;
}

}  // namespace negograph::store
