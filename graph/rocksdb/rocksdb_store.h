// The embedded RocksDB GraphStore: the default store. The only code in
// negograph that includes <rocksdb/...>; see FORMAT.md for the key layout.
#pragma once

#include <filesystem>
#include <memory>

#include "graph/graph_store.h"
#include "graph/status.h"

namespace negograph {

struct RocksDbStoreOptions {
  // Create the store when the directory holds none. Default: true.
  bool create_if_missing = true;
  // Open without taking the write lock, as a RocksDB secondary instance
  // beside any running writer (serve); writes then fail. Default: false.
  bool read_only = false;
  // Salvage a store whose write-ahead log is damaged: replay every intact
  // record and drop the damaged ones (each document is one record, so the
  // survivors stay whole). Only `negograph check --repair` sets this; a plain
  // open refuses such a store with Corruption. Default: false.
  bool salvage_wal = false;
};

// Opens (or creates) a store. Errors are distinct and clear: NotFound (no
// store and !create_if_missing), Busy (locked by another process),
// FailedPrecondition (written by a newer schema), Corruption, IOError.
StatusOr<std::unique_ptr<GraphStore>> OpenRocksDbStore(const std::filesystem::path& dir,
                                                       const RocksDbStoreOptions& options = {});

}  // namespace negograph
