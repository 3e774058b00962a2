// JSON form of the model (nlohmann::json ADL hooks). One shape everywhere:
// `negograph extract --format jsonl`, the HTTP API and the JSON exports.
//
// A position serialises flat, with the fields ../shared/eval/score.py reads
// (doc, actor, actor_label, stance, issue, issue_label) and the evidence:
//   {"id","doc","doc_id","actor","actor_label","stance","issue","issue_label",
//    "open_issue","speaker","speaker_label","target","condition","negated",
//    "round","sentence","start","end","quote","cue":[s,e],"actor_span":[s,e],
//    "issue_span":[s,e],"rule","confidence"}
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "graph/model.h"
#include "graph/status.h"

namespace negograph {

void to_json(nlohmann::json& j, const Actor& v);
void from_json(const nlohmann::json& j, Actor& v);
void to_json(nlohmann::json& j, const Issue& v);
void from_json(const nlohmann::json& j, Issue& v);
void to_json(nlohmann::json& j, const Person& v);
void from_json(const nlohmann::json& j, Person& v);
void to_json(nlohmann::json& j, const Round& v);
void from_json(const nlohmann::json& j, Round& v);
// Includes "text"; callers that list documents erase it.
void to_json(nlohmann::json& j, const Document& v);
void from_json(const nlohmann::json& j, Document& v);
void to_json(nlohmann::json& j, const Position& v);
void from_json(const nlohmann::json& j, Position& v);
void to_json(nlohmann::json& j, const DocumentExtraction& v);
void from_json(const nlohmann::json& j, DocumentExtraction& v);

// One line of JSONL (no trailing newline).
std::string PositionToJsonLine(const Position& position);
// Parses what PositionToJsonLine wrote; InvalidArgument on malformed input.
StatusOr<Position> PositionFromJsonLine(std::string_view line);

}  // namespace negograph
