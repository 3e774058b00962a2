// Content-derived identifiers. Every id is a pure function of normalised
// content, so shards extracted on different machines merge without any
// coordination (no counters, no lookups before a write).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model.h"

namespace negograph {

// 64-bit XXH3 of the bytes. Stable across platforms and releases of xxhash.
uint64_t Hash64(std::string_view bytes);

// 16 lower-case hex digits, big-endian (sorts like the number).
std::string Hex64(uint64_t value);

// The id of a document: 32 hex digits of XXH3-128 over the normalised text.
std::string ContentId(std::string_view normalized_text);

// Normalises a label into a key: lower case, German umlauts and ß folded
// (ä->ae, ß->ss), common Latin accents dropped, every run of other
// non-alphanumeric ASCII turned into one '_', no leading/trailing '_'.
// Other non-ASCII bytes are kept. "NATO-Osterweiterung" -> "nato_osterweiterung".
std::string NormalizeKey(std::string_view label);

// The fixed-width numeric id of a node, used in store keys.
uint64_t NodeHash(NodeKind kind, std::string_view key);

// The id of a position: stable for the same document, sentence, actor,
// stance and issue.
std::string PositionId(std::string_view doc_id, uint32_t sentence, std::string_view actor,
                       Stance stance, std::string_view issue);

}  // namespace negograph
