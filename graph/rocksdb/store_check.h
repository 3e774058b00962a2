// `negograph check`: verifies a store read-only, and `check --repair`
// rebuilds it from its primary data (documents and positions). Both work
// through the GraphStore calls, so they hold whatever key layout the store
// uses; only the checksum scan and the WAL salvage touch RocksDB directly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "graph/status.h"

namespace negograph::store {

struct CheckReport {
  uint64_t documents = 0, positions = 0, actors = 0, issues = 0, people = 0, rounds = 0;
  uint64_t index_lookups = 0;  // index scans compared against the primary scan
  // One sentence per inconsistency found; empty when the store is sound.
  std::vector<std::string> problems;
  bool ok() const { return problems.empty(); }
};

// Opens the store read-only (beside a running writer if need be) and
// verifies: the schema version (at open), every SST block checksum (a full
// scan), every position's document, actor, issue, speaker and round
// references, every document/actor/issue/round index against the primary
// scan, and every counter (per node, per document, the store totals).
// Errors: those of opening (NotFound, Busy, Corruption, ...); inconsistencies
// are not errors but entries in CheckReport::problems.
StatusOr<CheckReport> CheckStore(const std::filesystem::path& dir);

struct RepairReport {
  // What RocksDB dropped while replaying a damaged write-ahead log.
  std::vector<std::string> wal_notes;
  uint64_t documents_before = 0;   // documents readable after the WAL salvage
  uint64_t documents_rebuilt = 0;  // documents written to the rebuilt store
  uint64_t positions_rebuilt = 0;
  // Unreadable documents and positions without their document: not carried over.
  std::vector<std::string> dropped;
  std::filesystem::path backup;  // the store as it was, kept beside it
  CheckReport after;             // CheckStore of the rebuilt store
};

// Salvages the write-ahead log (intact records replayed, damaged ones
// dropped and reported), then rebuilds every index and counter by writing
// the primary data into a new store built beside `dir`, and swaps it in
// with a rename; the old store is kept as `<dir>.before-repair-<time>`.
// REQUIRES: no other process has the store open for writing (Busy if so).
StatusOr<RepairReport> RepairStore(const std::filesystem::path& dir);

}  // namespace negograph::store
