#include "graph/rocksdb/rocksdb_store.h"

#include <rocksdb/db.h>

#include "graph/rocksdb/rocksdb_store_impl.h"
#include "graph/rocksdb/test_hooks.h"

namespace negograph {

StatusOr<std::unique_ptr<GraphStore>> OpenRocksDbStore(const std::filesystem::path& dir,
                                                       const RocksDbStoreOptions& options) {
  StatusOr<std::unique_ptr<store::StoreDb>> db = store::StoreDb::Open(dir, options);
  if (!db.ok()) return db.status();
  return std::unique_ptr<GraphStore>(std::make_unique<store::RocksDbStore>(std::move(*db)));
}

namespace store::testing {
namespace {

StatusOr<RocksDbStore*> AsRocks(GraphStore& store) {
  auto* rocks = dynamic_cast<RocksDbStore*>(&store);
  if (rocks == nullptr) return Status::InvalidArgument("not a RocksDB store");
  return rocks;
}

}  // namespace

Status WriteRawForTest(GraphStore& store, Cf cf, std::string_view key, std::string_view value) {
  StatusOr<RocksDbStore*> rocks = AsRocks(store);
  if (!rocks.ok()) return rocks.status();
  StoreDb& db = (*rocks)->db();
  return FromRocks(db.db()->Put(rocksdb::WriteOptions(), db.cf(cf), key, value), "raw write");
}

Status DropNextWriteForTest(GraphStore& store) {
  StatusOr<RocksDbStore*> rocks = AsRocks(store);
  if (!rocks.ok()) return rocks.status();
  (*rocks)->DropNextWriteForTest();
  return Status::Ok();
}

}  // namespace store::testing
}  // namespace negograph
