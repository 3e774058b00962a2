// Test-only access to a RocksDB store's raw bytes and commit path, for the
// corruption and atomicity tests in tests/store/. Not for production code.
#pragma once

#include <string_view>

#include "graph/graph_store.h"
#include "graph/rocksdb/key_codec.h"

namespace negograph::store::testing {

// Writes `value` under `key` in column family `cf`, bypassing every check.
// InvalidArgument when `store` is not a RocksDB store.
Status WriteRawForTest(GraphStore& store, Cf cf, std::string_view key, std::string_view value);

// Makes the next write (Apply, ApplyBulk commit, RemoveDocument, PutRound)
// build its whole batch and then drop it instead of committing: the write
// fails with IOError, as a crash before commit would leave things.
Status DropNextWriteForTest(GraphStore& store);

}  // namespace negograph::store::testing
