// StoreDb: the open RocksDB database of a store, with its column family
// handles, opened and checked (schema version, lock, corruption) with clear
// errors. Only forward declarations of RocksDB types here, so the header can
// be included without <rocksdb/...>.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

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
  ~StoreDb();
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
  rocksdb::DB* db_ = nullptr;  // owned; deleted after the handles
  std::array<rocksdb::ColumnFamilyHandle*, kCfCount> handles_{};
  std::vector<rocksdb::ColumnFamilyHandle*> foreign_handles_;  // CFs of a later schema
};

// Maps a RocksDB status onto ours; `context` says what was being done.
Status FromRocks(const rocksdb::Status& s, std::string_view context);

}  // namespace negograph::store
