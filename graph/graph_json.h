// JSON of the analysis results, shared by `negograph compare/query --format
// json` and the HTTP API so both print the same shapes (docs/api.md).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "graph/analysis.h"
#include "graph/conflicts.h"
#include "graph/round_diff.h"

namespace negograph {

void to_json(nlohmann::json& j, const GraphNode& v);
void to_json(nlohmann::json& j, const GraphEdge& v);
void to_json(nlohmann::json& j, const Subgraph& v);
void to_json(nlohmann::json& j, const AlignmentPair& v);
void to_json(nlohmann::json& j, const ContestedIssue& v);
void to_json(nlohmann::json& j, const GraphPath& v);
void to_json(nlohmann::json& j, const RoundChange& v);
void to_json(nlohmann::json& j, const RoundComparison& v);
void to_json(nlohmann::json& j, const Conflict& v);

}  // namespace negograph
