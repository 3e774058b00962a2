// Compact binary records of the RocksDB store. Each record starts with a
// format version byte; strings are varint length + bytes; integers varints.
// Decoding is bounds-checked and returns Corruption (never reads past the
// end, never accepts trailing bytes or an out-of-range enum). The ids that a
// key already holds are not repeated in the value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace negograph::store {

// DO NOT CHANGE: the first byte of every record written by schema 1.
inline constexpr uint8_t kRecordVersion = 1;
// DO NOT CHANGE: actor, issue, person and round records written by schema 3
// (they end with the labels {de, en}); version-1 ones still decode.
inline constexpr uint8_t kLabelledRecordVersion = 2;

// Position without its id (the edge key holds it).
std::string EncodePosition(const Position& p);
Status DecodePosition(std::string_view bytes, Position* p);  // leaves p->id alone

// The leading fields of a position record, read in place: a scan checks its
// filter on them before decoding a whole record. False when they do not
// parse (then decode fully to get the Corruption error).
struct PositionHead {
  std::string_view actor;
  Stance stance = Stance::kDemand;
  std::string_view issue;
};
bool PeekPositionHead(std::string_view bytes, PositionHead* head);

// Document without id and text (doc key and text CF hold them) plus the
// number of positions the document yielded.
std::string EncodeDocument(const Document& d, uint64_t positions);
Status DecodeDocument(std::string_view bytes, Document* d, uint64_t* positions);

std::string EncodeRound(const Round& r);
Status DecodeRound(std::string_view bytes, Round* r);

// Node records in the nodes CF: version, kind, then the kind's fields.
// A referenced but unregistered round is stored as a kRound node holding its id.
std::string EncodeActor(const Actor& a);
std::string EncodeIssue(const Issue& i);
std::string EncodePerson(const Person& p);
std::string EncodeRoundRef(std::string_view round_id);
Status DecodeActor(std::string_view bytes, Actor* a);
Status DecodeIssue(std::string_view bytes, Issue* i);
Status DecodePerson(std::string_view bytes, Person* p);
Status DecodeRoundRef(std::string_view bytes, std::string* round_id);

}  // namespace negograph::store
