// Key layout of the RocksDB store (FORMAT.md is the reference). Every id in a
// key is fixed width and big-endian, so byte order is numeric order and a
// prefix scan is one contiguous range. No RocksDB types here.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model.h"

namespace negograph::store {

// DO NOT RENUMBER OR RENAME: the names are the on-disk column families; the
// values index the handle vector.
enum class Cf : uint8_t {
  kDefault = 0,  // unused (RocksDB requires it)
  kMeta,         // "schema_version" -> u64 BE
  kNodes,        // kind u8 | NodeHash u64 -> node record (the id2str dictionary)
  kCounts,       // kind u8 | NodeHash u64 -> i64 BE, merge operator "negograph.add64"
  kDoc,          // DocId 16 bytes -> document record (no text)
  kText,         // DocId 16 bytes -> document text, raw UTF-8
  kRound,        // NodeHash(kRound) u64 -> round record (registry)
  kEdge,         // PositionId u64 -> position record
  kByActor,      // NodeHash(kActor, actor) u64 | PositionId u64 -> position record (covering)
  kByIssue,      // NodeHash(kIssue, issue) u64 | PositionId u64 -> position record (covering)
  kByRound,      // NodeHash(kRound, round) u64 | PositionId u64 -> empty
  kByDoc,        // DocId 16 bytes | PositionId u64 -> empty
};
inline constexpr size_t kCfCount = 12;
std::string_view CfName(Cf cf);

// The schema this build writes and reads. History in FORMAT.md.
inline constexpr uint64_t kSchemaVersion = 4;
// The oldest schema this build opens: 2 differs from 3 only in node and round
// records without labels, which decode (graph/rocksdb/value_codec.cc), so a
// schema-2 store is upgraded in place by writing the new version at open; 4
// adds an optional member list at the end of actor records (schema-3 records
// have none), so a schema-3 store is upgraded the same way.
inline constexpr uint64_t kOldestReadableSchema = 2;
inline constexpr std::string_view kSchemaVersionKey = "schema_version";

// Global counters in kCounts (kind byte 0 never names a node).
inline constexpr std::string_view kDocumentsCounterKey = std::string_view("\0documents", 10);
inline constexpr std::string_view kPositionsCounterKey = std::string_view("\0positions", 10);

std::string EncodeU64(uint64_t v);
// REQUIRES: bytes.size() >= 8; reads the first 8 bytes.
uint64_t DecodeU64(std::string_view bytes);

// REQUIRES: the ids are valid (graph/store_rules.h ValidateExtraction).
std::string DocKey(std::string_view doc_id_hex);        // 16 bytes
std::string PositionKey(std::string_view pos_id_hex);   // 8 bytes
// Parses hex into bytes; false when not lower-case hex of the right length.
bool TryDocKey(std::string_view doc_id_hex, std::string* key);
bool TryPositionKey(std::string_view pos_id_hex, std::string* key);
std::string DocIdFromKey(std::string_view key16);
std::string PositionIdFromKey(std::string_view key8);

// kind u8 | NodeHash(kind, id): keys of kNodes and kCounts.
std::string NodeKey(NodeKind kind, std::string_view id);
// NodeHash(kind, id) as 8 bytes: the prefix of by_actor / by_issue / by_round.
std::string NodePrefix(NodeKind kind, std::string_view id);

// The smallest key greater than every key starting with `prefix` (for
// iterate_upper_bound); empty when there is none (all 0xff).
std::string PrefixSuccessor(std::string_view prefix);

}  // namespace negograph::store
