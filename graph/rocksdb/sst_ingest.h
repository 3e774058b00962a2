// The bulk write path: a finished WriteBatch (whole documents, built exactly
// as the per-document path builds it) is turned into one sorted SST file per
// column family (SstFileWriter) and loaded with one IngestExternalFiles call.
// That skips the WAL, the memtable and its flush; RocksDB records the
// ingestion of all column families atomically in the MANIFEST, so after a
// crash either every document of the batch is there or none is.
// Private to graph/rocksdb/.
#pragma once

#include "graph/rocksdb/store_db.h"
#include "graph/status.h"

namespace rocksdb {
class WriteBatch;
}  // namespace rocksdb

namespace negograph::store {

// Below this many batch bytes a plain Write is cheaper than files + MANIFEST.
inline constexpr size_t kSstIngestMinBytes = 1u << 20;

// Writes `batch` into `db` through SST files in <store>/ingest-tmp (removed
// afterwards, also on failure). Within the batch the last operation on a key
// wins, as in a WriteBatch. Supports Put, Delete and Merge; anything else is
// InvalidArgument (a programming error). REQUIRES: the caller is the only
// writer (RocksDbStore::write_mu_).
Status IngestBatchAsSst(StoreDb& db, const rocksdb::WriteBatch& batch);

}  // namespace negograph::store
