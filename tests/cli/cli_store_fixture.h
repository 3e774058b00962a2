// A store for the read-side CLI tests, written by `negograph ingest
// --from-jsonl` from hand-made extractions (so these tests do not depend on
// what the rule packs extract).
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/exit_codes.h"
#include "graph/model_json.h"
#include "tests/cli/cli_helpers.h"
#include "tests/common/temp_dir.h"
#include "tests/graph/graph_fixture.h"

namespace negograph::testing {

inline constexpr const char* kGeneva = "2022-01-10-geneva";
inline constexpr const char* kBrussels = "2022-01-12-brussels";

// geneva: usa offer arms_control, russia demand guarantees, russia reject
// nato_enlargement (x2), nato assure dialogue; brussels: usa reject
// arms_control, russia offer guarantees, russia reject nato_enlargement,
// osce accept dialogue; ukraine demand sovereignty and nato_enlargement
// (no round).
inline std::filesystem::path BuildCliStore(const TempDir& dir) {
  std::string lines;
  for (const DocumentExtraction& e :
       {MakeDoc("geneva-report", kGeneva, "2022-01-10",
                {{"usa", Stance::kOffer, "arms_control", "The US offered talks, on arms control."},
                 {"russia", Stance::kDemand, "guarantees"},
                 {"russia", Stance::kReject, "nato_enlargement",
                  "Ryabkov said: \"never\", and rejected NATO enlargement."},
                 {"russia", Stance::kReject, "nato_enlargement", "Moscow again said no."},
                 {"nato", Stance::kAssure, "dialogue"}}),
        MakeDoc("brussels-report", kBrussels, "2022-01-12",
                {{"usa", Stance::kReject, "arms_control"},
                 {"russia", Stance::kOffer, "guarantees"},
                 {"russia", Stance::kReject, "nato_enlargement"},
                 {"osce", Stance::kAccept, "dialogue"}}),
        MakeDoc("kyiv-note", "", "2022-01-20",
                {{"ukraine", Stance::kDemand, "sovereignty"},
                 {"ukraine", Stance::kDemand, "nato_enlargement"}})}) {
    lines += nlohmann::json(e).dump() + "\n";
  }
  auto db = dir.path() / "db";
  CommandResult r = RunNegograph("ingest --from-jsonl - --db " + Quoted(db), lines);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == cli::kExitOk);
  return db;
}

}  // namespace negograph::testing
