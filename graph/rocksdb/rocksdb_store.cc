// PLACEHOLDER until the RocksDB store lands (issue 5).
#include "graph/rocksdb/rocksdb_store.h"

namespace negograph {

StatusOr<std::unique_ptr<GraphStore>> OpenRocksDbStore(const std::filesystem::path&,
                                                       const RocksDbStoreOptions&) {
  return Status::Unimplemented("RocksDB store not built yet");
}

}  // namespace negograph
