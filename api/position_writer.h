// A direct JSON writer for positions: the hot path of GET /api/v1/positions.
// Builds the same text as nlohmann's dump of graph/model_json.h's to_json
// (same keys, sorted, same number forms) without building a json tree, which
// costs several times the store query itself (bench/api_bench.sh).
// tests/api/position_writer_test.cc checks the two agree byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "graph/graph_store.h"
#include "graph/model.h"

namespace negograph::api {

// Appends `s` as a JSON string (quotes included). Invalid UTF-8 bytes become
// U+FFFD, never an error.
void AppendJsonString(std::string& out, std::string_view s);

// Appends one position, as nlohmann::json(position).dump().
void AppendPositionJson(std::string& out, const Position& p);

// {"items":[...],"next_cursor":"..."|null}
std::string PositionPageJson(const PositionPage& page);

}  // namespace negograph::api
