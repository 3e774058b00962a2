// A document written in parts (GraphStore::BeginDocument): each part's
// position records and index entries go into a WriteBatch that is staged as
// sorted SST files once it holds kStageBytes; the document record, its
// text, the node dictionary entries, the counter deltas and (on a replace)
// the deletes of the stored version go into the last files; Commit ingests
// every file in one IngestExternalFiles call, which RocksDB records
// atomically in the MANIFEST. Before that nothing is visible; a crash
// leaves only files in <store>/ingest-tmp, removed at the next writable open.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <unordered_set>

#include "graph/ids.h"
#include "graph/rocksdb/rocksdb_store_impl.h"
#include "graph/rocksdb/sst_ingest.h"
#include "graph/rocksdb/value_codec.h"
#include "graph/store_rules.h"

namespace negograph::store {
namespace {

// A staged batch becomes files at this size: few enough files per column
// family for a 64 MB document (about ten), little memory per stage.
constexpr size_t kStageBytes = 32u << 20;

}  // namespace

class RocksDbStore::StreamWriter final : public DocumentWriter {
 public:
  StreamWriter(RocksDbStore& store, const Document& doc)
      : store_(store), doc_(doc), doc_key_(DocKey(doc.id)), lock_(store.write_mu_),
        stage_(*store.db_) {}

  Status Begin() {
    std::string stored;
    rocksdb::Status s = store_.db_->db()->Get(rocksdb::ReadOptions(), store_.db_->cf(Cf::kDoc),
                                              doc_key_, &stored);
    if (s.IsNotFound()) return StageText();
    if (!s.ok()) return FromRocks(s, "reading document " + doc_.id);
    Document old;
    uint64_t old_count = 0;
    NEGOGRAPH_RETURN_IF_ERROR(
        DecodeDocument(stored, &old, &old_count).WithContext("stored document " + doc_.id));
    unchanged_ = old.rules_version == doc_.rules_version && old.round == doc_.round &&
                 old.date == doc_.date;
    replace_ = !unchanged_;
    return StageText();
  }

  bool unchanged() const override { return unchanged_; }

  Status Add(const DocumentExtraction& part) override {
    if (unchanged_) return Status::Ok();
    if (committed_) return Status::FailedPrecondition("document " + doc_.id + " is committed");
    if (part.document.id != doc_.id) {
      return Status::InvalidArgument("part of document " + part.document.id +
                                     " added to the writer of " + doc_.id);
    }
    NEGOGRAPH_RETURN_IF_ERROR(ValidateExtraction(part));
    DocumentExtraction header;  // PositionsToStore fills round and doc name from it
    header.document.id = doc_.id, header.document.name = doc_.name, header.document.round = doc_.round;
    header.positions = part.positions;
    RocksDbStore& st = store_;
    for (const Position& p : PositionsToStore(header)) {
      std::string pk = PositionKey(p.id);
      if (!new_keys_.insert(pk).second) continue;  // a repeated id: the first one wins
      const std::string record = EncodePosition(p);
      batch_.Put(st.db_->cf(Cf::kEdge), pk, record);
      batch_.Put(st.db_->cf(Cf::kByActor), NodePrefix(NodeKind::kActor, p.actor) + pk, record);
      batch_.Put(st.db_->cf(Cf::kByIssue), NodePrefix(NodeKind::kIssue, p.issue) + pk, record);
      if (!p.round.empty()) {
        batch_.Put(st.db_->cf(Cf::kByRound), NodePrefix(NodeKind::kRound, p.round) + pk, "");
        rounds_.insert(p.round);
      }
      batch_.Put(st.db_->cf(Cf::kByDoc), doc_key_ + pk, "");
      st.CountPosition(counts_, p, +1);
      ++positions_;
    }
    // Nodes are few: kept here and written once, at Commit. A listed node
    // replaces a synthesized one (as in CollectNodes).
    ExtractionNodes n = CollectNodes(part);
    auto note = [&](NodeKind kind, const std::string& id, bool synth, std::string value) {
      std::string key = NodeKey(kind, id);
      auto it = nodes_.find(key);
      if (it == nodes_.end() || (it->second.synth && !synth)) {
        nodes_[key] = Node{std::move(value), synth, id};
      } else if (!synth) {
        it->second.value = std::move(value);  // the last listed record wins
      }
    };
    for (size_t i = 0; i < n.actors.size(); ++i) {
      note(NodeKind::kActor, n.actors[i].id, n.actor_synth[i], EncodeActor(n.actors[i]));
    }
    for (size_t i = 0; i < n.issues.size(); ++i) {
      note(NodeKind::kIssue, n.issues[i].id, n.issue_synth[i], EncodeIssue(n.issues[i]));
    }
    for (size_t i = 0; i < n.people.size(); ++i) {
      note(NodeKind::kPerson, n.people[i].id, n.person_synth[i], EncodePerson(n.people[i]));
    }
    if (batch_.GetDataSize() >= kStageBytes) return Stage();
    return Status::Ok();
  }

  StatusOr<ApplyOutcome> Commit() override {
    if (unchanged_) return ApplyOutcome::kUnchanged;
    if (committed_) return Status::FailedPrecondition("document " + doc_.id + " is committed");
    RocksDbStore& st = store_;
    rocksdb::DB* db = st.db_->db();
    NEGOGRAPH_RETURN_IF_ERROR(Stage());
    if (replace_) NEGOGRAPH_RETURN_IF_ERROR(DeleteStoredVersion());
    std::unordered_map<std::string, uint64_t> node_hashes;
    for (const auto& [key, node] : nodes_) {
      auto it = st.written_nodes_.find(key);
      if (it != st.written_nodes_.end() && (node.synth || it->second == Hash64(node.value))) {
        continue;  // stored as is
      }
      if (node.synth) {
        std::string ignored;
        rocksdb::Status gs = db->Get(rocksdb::ReadOptions(), st.db_->cf(Cf::kNodes), key, &ignored);
        if (gs.ok()) continue;
        if (!gs.IsNotFound()) return FromRocks(gs, "reading node " + node.id);
      }
      batch_.Put(st.db_->cf(Cf::kNodes), key, node.value);
      node_hashes[key] = Hash64(node.value);
    }
    for (const std::string& r : rounds_) {
      batch_.Put(st.db_->cf(Cf::kNodes), NodeKey(NodeKind::kRound, r), EncodeRoundRef(r));
    }
    batch_.Put(st.db_->cf(Cf::kDoc), doc_key_, EncodeDocument(doc_, positions_));
    if (!replace_) counts_[std::string(kDocumentsCounterKey)] += 1;
    for (const auto& [key, delta] : counts_) {
      if (delta != 0) batch_.Merge(st.db_->cf(Cf::kCounts), key, EncodeU64(static_cast<uint64_t>(delta)));
    }
    NEGOGRAPH_RETURN_IF_ERROR(Stage());
    NEGOGRAPH_RETURN_IF_ERROR(stage_.Ingest());
    committed_ = true;
    if (st.written_nodes_.size() + node_hashes.size() > kNodeCacheMax) st.written_nodes_.clear();
    for (auto& [key, hash] : node_hashes) st.written_nodes_[key] = hash;
    return replace_ ? ApplyOutcome::kReplaced : ApplyOutcome::kInserted;
  }

 private:
  struct Node {
    std::string value;
    bool synth = false;
    std::string id;
  };

  Status Stage() {
    if (batch_.Count() == 0) return Status::Ok();
    Status s = stage_.AddBatch(batch_);
    batch_ = rocksdb::WriteBatch();  // Clear() would keep the buffer's capacity
    return s;
  }

  // The text goes into its own file straight from the document (no batch
  // copy), first: the SST block that holds it is freed before the windows
  // are extracted, so the two never add up.
  Status StageText() {
    if (unchanged_) return Status::Ok();
    return stage_.AddPut(Cf::kText, doc_key_, doc_.text);
  }

  // Deletes of the stored version's positions, but not of keys this version
  // puts again: a key in two files of one ingestion is avoided (sst_ingest.h).
  // Memory: one batch of deletes for the old positions.
  Status DeleteStoredVersion() {
    RocksDbStore& st = store_;
    rocksdb::DB* db = st.db_->db();
    std::string upper = PrefixSuccessor(doc_key_);
    rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions ro;
    ro.iterate_upper_bound = &upper_slice;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, st.db_->cf(Cf::kByDoc)));
    for (it->Seek(doc_key_); it->Valid(); it->Next()) {
      std::string pk = it->key().ToString().substr(doc_key_.size());
      std::string value;
      rocksdb::Status s = db->Get(rocksdb::ReadOptions(), st.db_->cf(Cf::kEdge), pk, &value);
      if (!s.ok()) return FromRocks(s, "reading position " + PositionIdFromKey(pk));
      Position old;
      NEGOGRAPH_RETURN_IF_ERROR(DecodePosition(value, &old).WithContext(
          "position " + PositionIdFromKey(pk) + " of document " + doc_.id));
      st.CountPosition(counts_, old, -1);
      const bool again = new_keys_.contains(pk);
      if (!again) {
        batch_.Delete(st.db_->cf(Cf::kEdge), pk);
        batch_.Delete(st.db_->cf(Cf::kByActor), NodePrefix(NodeKind::kActor, old.actor) + pk);
        batch_.Delete(st.db_->cf(Cf::kByIssue), NodePrefix(NodeKind::kIssue, old.issue) + pk);
        batch_.Delete(st.db_->cf(Cf::kByDoc), it->key());
      }
      if (!old.round.empty() && !(again && old.round == doc_.round)) {
        batch_.Delete(st.db_->cf(Cf::kByRound), NodePrefix(NodeKind::kRound, old.round) + pk);
      }
    }
    return FromRocks(it->status(), "scanning document " + doc_.id);
  }

  RocksDbStore& store_;
  const Document& doc_;
  const std::string doc_key_;
  std::unique_lock<std::mutex> lock_;  // the writer lock, from Begin to destruction
  SstStage stage_;
  rocksdb::WriteBatch batch_;
  std::map<std::string, int64_t> counts_;
  std::map<std::string, Node> nodes_;
  std::set<std::string> rounds_;
  std::unordered_set<std::string> new_keys_;  // 8-byte position keys of this version
  uint64_t positions_ = 0;
  bool unchanged_ = false, replace_ = false, committed_ = false;
};

StatusOr<std::unique_ptr<DocumentWriter>> RocksDbStore::BeginDocument(const Document& document) {
  NEGOGRAPH_RETURN_IF_ERROR(CheckWritable());
  if (!IsLowerHex(document.id, 32)) {
    return Status::InvalidArgument("document '" + document.name + "' has id '" + document.id +
                                   "', expected 32 lower-case hex digits (ContentId)");
  }
  auto writer = std::make_unique<StreamWriter>(*this, document);
  NEGOGRAPH_RETURN_IF_ERROR(writer->Begin());
  return std::unique_ptr<DocumentWriter>(std::move(writer));
}

}  // namespace negograph::store
