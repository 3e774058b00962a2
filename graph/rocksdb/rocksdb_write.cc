// Writes of the RocksDB store: one WriteBatch per document (or per group of
// whole documents on the bulk path) spanning every column family.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "graph/ids.h"
#include "graph/rocksdb/rocksdb_store_impl.h"
#include "graph/rocksdb/sst_ingest.h"
#include "graph/rocksdb/value_codec.h"
#include "graph/store_rules.h"

namespace negograph::store {
namespace {

// A bulk batch is committed once it holds this many bytes: large enough that
// each SST ingestion carries ~100k positions (fewer, larger L0 files), small
// enough to keep the batch and its sorted view near 100 MB of memory.
constexpr size_t kBulkBatchBytes = 48u << 20;

}  // namespace

void RocksDbStore::CountPosition(std::map<std::string, int64_t>& counts, const Position& p,
                                 int64_t delta) {
  auto add = [&](NodeKind kind, const std::string& id) {
    if (!id.empty()) counts[NodeKey(kind, id)] += delta;
  };
  add(NodeKind::kActor, p.actor);
  add(NodeKind::kIssue, p.issue);
  add(NodeKind::kPerson, p.speaker);
  add(NodeKind::kRound, p.round);
  counts[std::string(kPositionsCounterKey)] += delta;
}

Status RocksDbStore::CheckWritable() const {
  if (db_->read_only()) {
    return Status::FailedPrecondition("store " + db_->dir().string() + " is open read-only");
  }
  return Status::Ok();
}

Status RocksDbStore::DeletePositions(const std::string& doc_key, rocksdb::WriteBatch& batch,
                                     std::map<std::string, int64_t>& counts) {
  rocksdb::DB* db = db_->db();
  std::string upper = PrefixSuccessor(doc_key);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions ro;
  ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, db_->cf(Cf::kByDoc)));
  for (it->Seek(doc_key); it->Valid(); it->Next()) {
    std::string pk = it->key().ToString().substr(doc_key.size());
    std::string value;
    rocksdb::Status s = db->Get(rocksdb::ReadOptions(), db_->cf(Cf::kEdge), pk, &value);
    if (!s.ok()) return FromRocks(s, "reading position " + PositionIdFromKey(pk));
    Position old;
    NEGOGRAPH_RETURN_IF_ERROR(DecodePosition(value, &old).WithContext(
        "position " + PositionIdFromKey(pk) + " of document " + DocIdFromKey(doc_key)));
    batch.Delete(db_->cf(Cf::kEdge), pk);
    batch.Delete(db_->cf(Cf::kByActor), NodePrefix(NodeKind::kActor, old.actor) + pk);
    batch.Delete(db_->cf(Cf::kByIssue), NodePrefix(NodeKind::kIssue, old.issue) + pk);
    if (!old.round.empty()) {
      batch.Delete(db_->cf(Cf::kByRound), NodePrefix(NodeKind::kRound, old.round) + pk);
    }
    batch.Delete(db_->cf(Cf::kByDoc), it->key());
    CountPosition(counts, old, -1);
  }
  return FromRocks(it->status(), "scanning document " + DocIdFromKey(doc_key));
}

StatusOr<ApplyOutcome> RocksDbStore::AddDocument(const DocumentExtraction& e,
                                                 rocksdb::WriteBatch& batch, BatchState& state) {
  rocksdb::DB* db = db_->db();
  const Document& d = e.document;
  const std::string doc_key = DocKey(d.id);
  ApplyOutcome outcome = ApplyOutcome::kInserted;
  // Collected per document and merged into `state` only on success, so a
  // failed document leaves `state` as it was (the bulk path rolls the batch
  // back to a save point).
  std::map<std::string, int64_t> counts;
  std::set<std::string> nodes;
  std::string stored;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), db_->cf(Cf::kDoc), doc_key, &stored);
  if (s.ok()) {
    Document old;
    uint64_t old_count = 0;
    NEGOGRAPH_RETURN_IF_ERROR(
        DecodeDocument(stored, &old, &old_count).WithContext("stored document " + d.id));
    // A changed round or date is a change too (issue 14).
    if (old.rules_version == d.rules_version && old.round == d.round && old.date == d.date) {
      return ApplyOutcome::kUnchanged;
    }
    NEGOGRAPH_RETURN_IF_ERROR(DeletePositions(doc_key, batch, counts));
    outcome = ApplyOutcome::kReplaced;
  } else if (!s.IsNotFound()) {
    return FromRocks(s, "reading document " + d.id);
  }

  std::vector<Position> positions = PositionsToStore(e);
  std::set<std::string> rounds;
  for (const Position& p : positions) {
    std::string pk = PositionKey(p.id);
    const std::string record = EncodePosition(p);
    batch.Put(db_->cf(Cf::kEdge), pk, record);
    // Covering entries (FORMAT.md): a page by actor or issue is one scan.
    batch.Put(db_->cf(Cf::kByActor), NodePrefix(NodeKind::kActor, p.actor) + pk, record);
    batch.Put(db_->cf(Cf::kByIssue), NodePrefix(NodeKind::kIssue, p.issue) + pk, record);
    if (!p.round.empty()) {
      batch.Put(db_->cf(Cf::kByRound), NodePrefix(NodeKind::kRound, p.round) + pk, "");
      rounds.insert(p.round);
    }
    batch.Put(db_->cf(Cf::kByDoc), doc_key + pk, "");
    CountPosition(counts, p, +1);
  }

  // Node dictionary: listed nodes are rewritten (same bytes each time unless
  // a label changed); synthesized ones only when the node is new.
  ExtractionNodes n = CollectNodes(e);
  std::unordered_map<std::string, uint64_t> node_hashes;
  auto put_node = [&](NodeKind kind, const std::string& id, bool synthesized,
                      const std::string& value) -> Status {
    std::string key = NodeKey(kind, id);
    if (auto it = written_nodes_.find(key); it != written_nodes_.end()) {
      if (synthesized || it->second == Hash64(value)) return Status::Ok();  // stored as is
    }
    if (synthesized) {
      if (state.nodes.contains(key) || nodes.contains(key)) return Status::Ok();
      std::string ignored;
      rocksdb::Status gs = db->Get(rocksdb::ReadOptions(), db_->cf(Cf::kNodes), key, &ignored);
      if (gs.ok()) return Status::Ok();
      if (!gs.IsNotFound()) return FromRocks(gs, "reading node " + id);
    }
    batch.Put(db_->cf(Cf::kNodes), key, value);
    node_hashes[key] = Hash64(value);
    nodes.insert(std::move(key));
    return Status::Ok();
  };
  for (size_t i = 0; i < n.actors.size(); ++i) {
    NEGOGRAPH_RETURN_IF_ERROR(
        put_node(NodeKind::kActor, n.actors[i].id, n.actor_synth[i], EncodeActor(n.actors[i])));
  }
  for (size_t i = 0; i < n.issues.size(); ++i) {
    NEGOGRAPH_RETURN_IF_ERROR(
        put_node(NodeKind::kIssue, n.issues[i].id, n.issue_synth[i], EncodeIssue(n.issues[i])));
  }
  for (size_t i = 0; i < n.people.size(); ++i) {
    NEGOGRAPH_RETURN_IF_ERROR(put_node(NodeKind::kPerson, n.people[i].id, n.person_synth[i],
                                       EncodePerson(n.people[i])));
  }
  for (const std::string& r : rounds) {
    batch.Put(db_->cf(Cf::kNodes), NodeKey(NodeKind::kRound, r), EncodeRoundRef(r));
  }

  batch.Put(db_->cf(Cf::kDoc), doc_key, EncodeDocument(d, positions.size()));
  batch.Put(db_->cf(Cf::kText), doc_key, d.text);
  if (outcome == ApplyOutcome::kInserted) counts[std::string(kDocumentsCounterKey)] += 1;
  state.docs.insert(doc_key);
  state.nodes.merge(nodes);
  for (auto& [key, hash] : node_hashes) state.node_hashes[key] = hash;
  for (const auto& [key, delta] : counts) state.counts[key] += delta;
  return outcome;
}

Status RocksDbStore::Commit(rocksdb::WriteBatch& batch, BatchState& state, bool bulk) {
  for (const auto& [key, delta] : state.counts) {
    if (delta != 0) batch.Merge(db_->cf(Cf::kCounts), key, EncodeU64(static_cast<uint64_t>(delta)));
  }
  std::unordered_map<std::string, uint64_t> node_hashes = std::move(state.node_hashes);
  state = BatchState();
  if (batch.Count() == 0) return Status::Ok();
  if (drop_next_write_.exchange(false)) {
    batch.Clear();
    return Status::IOError("write dropped before commit (test hook)");
  }
  if (bulk && batch.GetDataSize() >= kSstIngestMinBytes) {
    // Sorted SST files, ingested atomically: no WAL, memtable or flush.
    Status ingested = IngestBatchAsSst(*db_, batch);
    batch.Clear();
    NEGOGRAPH_RETURN_IF_ERROR(ingested);
  } else {
    rocksdb::WriteOptions wo;  // WAL on, sync off: survives a process crash, not a power cut
    rocksdb::Status s = db_->db()->Write(wo, &batch);
    batch.Clear();
    if (!s.ok()) return FromRocks(s, "writing to store " + db_->dir().string());
  }
  if (written_nodes_.size() + node_hashes.size() > kNodeCacheMax) written_nodes_.clear();
  for (auto& [key, hash] : node_hashes) written_nodes_[key] = hash;
  return Status::Ok();
}

StatusOr<ApplyOutcome> RocksDbStore::Apply(const DocumentExtraction& e) {
  NEGOGRAPH_RETURN_IF_ERROR(CheckWritable());
  NEGOGRAPH_RETURN_IF_ERROR(ValidateExtraction(e));
  std::lock_guard lock(write_mu_);
  rocksdb::WriteBatch batch;
  BatchState state;
  StatusOr<ApplyOutcome> outcome = AddDocument(e, batch, state);
  if (!outcome.ok() || *outcome == ApplyOutcome::kUnchanged) return outcome;
  NEGOGRAPH_RETURN_IF_ERROR(Commit(batch, state));
  return outcome;
}

Status RocksDbStore::ApplyBulk(std::span<const DocumentExtraction> extractions) {
  NEGOGRAPH_RETURN_IF_ERROR(CheckWritable());
  std::lock_guard lock(write_mu_);
  rocksdb::WriteBatch batch;
  BatchState state;
  for (const DocumentExtraction& e : extractions) {
    Status valid = ValidateExtraction(e);
    if (!valid.ok()) {
      NEGOGRAPH_RETURN_IF_ERROR(Commit(batch, state, /*bulk=*/true));  // earlier documents stay applied
      return valid.WithContext("document " + e.document.name);
    }
    if (state.docs.contains(DocKey(e.document.id)) || batch.GetDataSize() >= kBulkBatchBytes) {
      NEGOGRAPH_RETURN_IF_ERROR(Commit(batch, state, /*bulk=*/true));
    }
    // A failed document may have left part of itself in the batch: drop the
    // batch back to the last whole document.
    batch.SetSavePoint();
    StatusOr<ApplyOutcome> outcome = AddDocument(e, batch, state);
    if (!outcome.ok()) {
      batch.RollbackToSavePoint().PermitUncheckedError();
      NEGOGRAPH_RETURN_IF_ERROR(Commit(batch, state, /*bulk=*/true));
      return outcome.status().WithContext("document " + e.document.name);
    }
    batch.PopSavePoint().PermitUncheckedError();
  }
  return Commit(batch, state, /*bulk=*/true);
}

Status RocksDbStore::RemoveDocument(std::string_view doc_id) {
  NEGOGRAPH_RETURN_IF_ERROR(CheckWritable());
  std::string doc_key;
  if (!TryDocKey(doc_id, &doc_key)) return Status::NotFound("no document " + std::string(doc_id));
  std::lock_guard lock(write_mu_);
  std::string stored;
  rocksdb::Status s = db_->db()->Get(rocksdb::ReadOptions(), db_->cf(Cf::kDoc), doc_key, &stored);
  if (s.IsNotFound()) return Status::NotFound("no document " + std::string(doc_id));
  if (!s.ok()) return FromRocks(s, "reading document " + std::string(doc_id));
  rocksdb::WriteBatch batch;
  BatchState state;
  NEGOGRAPH_RETURN_IF_ERROR(DeletePositions(doc_key, batch, state.counts));
  batch.Delete(db_->cf(Cf::kDoc), doc_key);
  batch.Delete(db_->cf(Cf::kText), doc_key);
  state.counts[std::string(kDocumentsCounterKey)] -= 1;
  return Commit(batch, state);
}

Status RocksDbStore::PutRound(const Round& round) {
  NEGOGRAPH_RETURN_IF_ERROR(CheckWritable());
  if (round.id.empty()) return Status::InvalidArgument("a round needs an id");
  std::lock_guard lock(write_mu_);
  rocksdb::WriteBatch batch;
  batch.Put(db_->cf(Cf::kRound), NodePrefix(NodeKind::kRound, round.id), EncodeRound(round));
  batch.Put(db_->cf(Cf::kNodes), NodeKey(NodeKind::kRound, round.id), EncodeRoundRef(round.id));
  BatchState state;
  return Commit(batch, state);
}

}  // namespace negograph::store
