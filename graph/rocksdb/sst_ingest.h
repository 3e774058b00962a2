// SST-file writes. The bulk path: a finished WriteBatch (whole documents,
// built exactly as the per-document path builds it) is turned into one
// sorted SST file per column family (SstFileWriter) and loaded with one
// IngestExternalFiles call. That skips the WAL, the memtable and its flush;
// RocksDB records the ingestion of all column families atomically in the
// MANIFEST, so after a crash either every document of the batch is there or
// none is. The streamed path (DocumentWriter) stages several batches as
// files and ingests them all in that one atomic call.
// Private to graph/rocksdb/.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "graph/rocksdb/key_codec.h"
#include "graph/rocksdb/store_db.h"
#include "graph/status.h"

namespace rocksdb {
class WriteBatch;
}  // namespace rocksdb

namespace negograph::store {

// Below this many batch bytes a plain Write is cheaper than files + MANIFEST.
inline constexpr size_t kSstIngestMinBytes = 1u << 20;

// SST files staged in <store>/ingest-tmp/<pid>-<n>/ and ingested together.
// Files not ingested are removed with the stage (and, after a crash, when
// the store is next opened for writing). REQUIRES: the caller is the only
// writer (RocksDbStore::write_mu_) from the first Add to Ingest. Keys must
// not repeat across the files of one column family (the order in which
// RocksDB ranks overlapping files of one ingestion is not relied on).
class SstStage {
 public:
  explicit SstStage(StoreDb& db);
  ~SstStage();
  SstStage(const SstStage&) = delete;
  SstStage& operator=(const SstStage&) = delete;

  // One sorted file per column family the batch touches. Within the batch
  // the last operation on a key wins, as in a WriteBatch. Supports Put,
  // Delete and Merge; anything else is InvalidArgument (a programming error).
  Status AddBatch(const rocksdb::WriteBatch& batch);
  // One file holding one Put, written from `value` without a batch copy
  // (a document's text).
  Status AddPut(Cf cf, std::string_view key, std::string_view value);
  // Every staged file in one IngestExternalFiles call: all or nothing.
  Status Ingest();
  size_t files() const;

 private:
  StatusOr<std::string> NextPath();
  StoreDb& db_;
  std::filesystem::path dir_;
  std::vector<std::vector<std::string>> by_cf_;  // staged files per Cf
  size_t next_ = 0;
};

// Writes `batch` into `db` through one SstStage.
Status IngestBatchAsSst(StoreDb& db, const rocksdb::WriteBatch& batch);

}  // namespace negograph::store
