// The RocksDB GraphStore class, shared by its .cc files (open, write, read).
// Private to graph/rocksdb/; only forward declarations of RocksDB types.
//
// Thread safety: writes are serialised by write_mu_ (one writer, so the
// read-check-write of Apply cannot race); every read call takes one RocksDB
// snapshot, so a reader sees each document wholly or not at all.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

#include "graph/graph_store.h"
#include "graph/rocksdb/store_db.h"

namespace rocksdb {
class WriteBatch;
struct ReadOptions;
}  // namespace rocksdb

namespace negograph::store {

class RocksDbStore final : public GraphStore {
 public:
  explicit RocksDbStore(std::unique_ptr<StoreDb> db) : db_(std::move(db)) {}

  StatusOr<ApplyOutcome> Apply(const DocumentExtraction& extraction) override;
  Status ApplyBulk(std::span<const DocumentExtraction> extractions) override;
  // Stages parts as SST files, ingested at Commit (rocksdb_stream.cc). The
  // writer holds the write lock until it is committed or destroyed: no
  // other write call of this store may run on the caller's thread meanwhile.
  StatusOr<std::unique_ptr<DocumentWriter>> BeginDocument(const Document& document) override;
  Status RemoveDocument(std::string_view doc_id) override;
  StatusOr<Document> GetDocument(std::string_view doc_id) override;
  StatusOr<std::vector<Counted<Document>>> ListDocuments() override;
  StatusOr<std::vector<Counted<Actor>>> ListActors() override;
  StatusOr<std::vector<Counted<Issue>>> ListIssues() override;
  StatusOr<std::vector<Counted<Person>>> ListPeople() override;
  Status PutRound(const Round& round) override;
  StatusOr<std::vector<Counted<Round>>> ListRounds() override;
  StatusOr<Position> GetPosition(std::string_view position_id) override;
  StatusOr<PositionPage> FindPositions(const PositionFilter& filter) override;
  Status ScanPositions(const PositionFilter& filter,
                       const std::function<bool(const Position&)>& visit) override;
  StatusOr<StoreStats> Stats() override;

  StoreDb& db() { return *db_; }
  // Test hook: the next write builds its batch, then drops it and fails.
  void DropNextWriteForTest() { drop_next_write_ = true; }

 private:
  // What one batch under construction already holds (bulk path), so that a
  // later document in the same batch does not re-check what is not yet
  // visible in the database.
  struct BatchState {
    std::set<std::string> docs;   // doc keys in the batch
    std::set<std::string> nodes;  // node keys in the batch
    std::unordered_map<std::string, uint64_t> node_hashes;  // for written_nodes_ at commit
    std::map<std::string, int64_t> counts;  // counter deltas, merged at commit
  };

  class StreamWriter;  // rocksdb_stream.cc

  // Bound of written_nodes_ (about 100 bytes an entry).
  static constexpr size_t kNodeCacheMax = 1u << 20;

  // Adds the counter deltas of one position (actor, issue, person, round, total).
  static void CountPosition(std::map<std::string, int64_t>& counts, const Position& p,
                            int64_t delta);
  Status CheckWritable() const;
  // Adds one document to `batch` and records it in `state` (only when it
  // succeeds). REQUIRES: write_mu_ held; the document not in `state.docs`.
  StatusOr<ApplyOutcome> AddDocument(const DocumentExtraction& e, rocksdb::WriteBatch& batch,
                                     BatchState& state);
  // Adds deletes of every position and index entry of a stored document.
  Status DeletePositions(const std::string& doc_key, rocksdb::WriteBatch& batch,
                         std::map<std::string, int64_t>& counts);
  // `bulk`: a large batch goes in as SST files (sst_ingest.h), else one Write.
  Status Commit(rocksdb::WriteBatch& batch, BatchState& state, bool bulk = false);

  // Visits the positions matching `filter` in position-id order, starting
  // after `cursor_key` (8 bytes, or empty), using the snapshot in `ro`.
  // `expect` is how many positions the caller likely consumes (batch size).
  Status Visit(const rocksdb::ReadOptions& ro, const PositionFilter& filter,
               const std::string& cursor_key, size_t expect,
               const std::function<bool(Position&&)>& visit);
  StatusOr<int64_t> ReadCounter(const rocksdb::ReadOptions& ro, const std::string& key);
  template <typename T>
  StatusOr<std::vector<Counted<T>>> ListNodes(NodeKind kind);

  std::unique_ptr<StoreDb> db_;
  std::mutex write_mu_;
  // Node records this handle has written (key -> hash of the record bytes).
  // Nodes are never deleted and this handle is the only writer (LOCK), so a
  // hit means the same bytes are stored and the Put can be skipped: most
  // documents name the same actors and issues. Guarded by write_mu_; cleared
  // when it grows past kNodeCacheMax. Updated only after a successful commit.
  std::unordered_map<std::string, uint64_t> written_nodes_;
  std::atomic<bool> drop_next_write_{false};
};

}  // namespace negograph::store
