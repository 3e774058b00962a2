// An in-memory GraphStore for tests and for `extract`-style pipelines; the
// same contract as the RocksDB store (tests/store/store_contract_test.cc).
#pragma once

#include <memory>

#include "graph/graph_store.h"

namespace negograph {

std::unique_ptr<GraphStore> NewMemoryStore();

}  // namespace negograph
