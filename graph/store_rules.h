// Rules shared by every GraphStore backend, so that the memory and RocksDB
// stores agree bit for bit on what they accept and what a filter matches
// (tests/store/store_contract_test.cc runs one suite against both).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/status.h"

namespace negograph {

// True when `s` is exactly `digits` lower-case hex digits (the form made by
// Hex64 / ContentId in graph/ids.h).
bool IsLowerHex(std::string_view s, size_t digits);

// Checks what a store needs to key an extraction: a 32-hex-digit document id
// (ContentId) and 16-hex-digit position ids (PositionId), each position with
// an actor and an issue, whose evidence (when it names one) cites this
// document. InvalidArgument naming the offending item otherwise.
Status ValidateExtraction(const DocumentExtraction& extraction);

// The positions a store keeps for an extraction: duplicates of a position id
// inside one document are dropped (first one wins), and every position's
// round is set to the document's round when it has none, and evidence.doc_id
// / doc_name to the document's when empty. Order is kept.
std::vector<Position> PositionsToStore(const DocumentExtraction& extraction);

// The nodes an extraction brings: its actor, issue and people lists, plus a
// synthesized node (id as label) for any id a position references that the
// lists lack. Stores write listed nodes unconditionally (last write wins) and
// synthesized ones only when the node is not stored yet.
struct ExtractionNodes {
  std::vector<Actor> actors;
  std::vector<Issue> issues;
  std::vector<Person> people;
  std::vector<bool> actor_synth, issue_synth, person_synth;  // parallel flags
};
ExtractionNodes CollectNodes(const DocumentExtraction& extraction);

// True when `p` passes every non-empty field of `filter` (limit and cursor
// are ignored). `text` matches a case-insensitive (ASCII) substring of the
// quote.
bool MatchesFilter(const Position& p, const PositionFilter& filter);

// Validates a page cursor: empty or a 16-hex-digit position id.
Status ValidateCursor(std::string_view cursor);

// Sets stats.actors, .issues and .rounds from the store's node lists.
Status CountNodes(GraphStore& store, StoreStats& stats);

}  // namespace negograph
