// StoreDb: the open RocksDB database of a store, with its column family
// handles, opened and checked (schema version, lock, corruption) with clear
// errors. Only forward declarations of RocksDB types here, so the header can
// be included without <rocksdb/...>.
//
// Reliability contract (docs/reliability.md):
// - Creation is atomic: a new store is built and synced in a sibling
//   directory and renamed into place, so a crash leaves no store or a whole one.
// - The WAL is replayed with kTolerateCorruptedTailRecords: a torn last record
//   (a crash mid-write) is dropped, damage anywhere else refuses the open with
//   Corruption instead of silently opening with less (salvage_wal overrides).
// - A writable handle flushes every memtable when it closes, so after an
//   ingest the data lives in checksummed SST files, not only in the WAL.
// - Read-only opens are RocksDB secondary instances with every table file
//   held open, so a writer's compaction cannot pull files from under them.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/rocksdb/key_codec.h"
#include "graph/rocksdb/rocksdb_store.h"
#include "graph/status.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class Status;
}  // namespace rocksdb

namespace negograph::store {

class StoreDb {
 public:
  // Errors: NotFound (no store, !create_if_missing), InvalidArgument (the
  // directory holds something else), Busy (locked by another process),
  // FailedPrecondition (other schema version), Corruption, IOError.
  static StatusOr<std::unique_ptr<StoreDb>> Open(const std::filesystem::path& dir,
                                                 const RocksDbStoreOptions& options);
  // Flushes (writable handles), then closes.
  ~StoreDb();

  // Replays the write-ahead log read-only under the same rule as a writable
  // open (torn tail dropped, other damage Corruption) and discards the
  // result: a secondary instance tolerates damage a writer would refuse.
  static Status ProbeWal(const std::filesystem::path& dir);

  // Writes every memtable to SST files and waits. No-op when read-only.
  Status Flush();
  // What RocksDB reported while replaying a damaged WAL (salvage_wal only).
  const std::vector<std::string>& recovery_notes() const { return recovery_notes_; }
  StoreDb(const StoreDb&) = delete;
  StoreDb& operator=(const StoreDb&) = delete;

  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* cf(Cf cf) const { return handles_[static_cast<size_t>(cf)]; }
  bool read_only() const { return read_only_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  StoreDb() = default;
  std::filesystem::path dir_;
  bool read_only_ = false;
  std::filesystem::path secondary_dir_;  // scratch dir of a secondary instance
  std::vector<std::string> recovery_notes_;
  rocksdb::DB* db_ = nullptr;  // owned; deleted after the handles
  std::array<rocksdb::ColumnFamilyHandle*, kCfCount> handles_{};
  std::vector<rocksdb::ColumnFamilyHandle*> foreign_handles_;  // CFs of a later schema
};

// Maps a RocksDB status onto ours; `context` says what was being done.
Status FromRocks(const rocksdb::Status& s, std::string_view context);

}  // namespace negograph::store
