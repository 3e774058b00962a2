// Which round registry `ingest` and `serve` use (issue 14): the registry
// travels with the store, so running from another folder assigns the same
// rounds as running from the source tree.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/status.h"
#include "ingest/rounds.h"

namespace negograph::cli {

// The built-in registry: $NEGOGRAPH_ROUNDS, else data/rounds.yaml of the
// source tree the binary was built from (like the bundled rule packs).
std::filesystem::path DefaultRoundsFile();

struct ResolvedRounds {
  std::vector<ingest::RoundInfo> rounds;
  std::string description;  // where they came from, for stderr
};

// The registry for one run:
//  1. `--rounds FILE` when given (an unreadable or invalid file is an error);
//     else the built-in file when it exists;
//  2. plus every round already stored in `store` that the file lacks (its
//     place is its only alias), so a store ingested with --rounds keeps
//     assigning its rounds without the flag.
// The file's rounds are stored (PutRound), so the next run finds them.
StatusOr<ResolvedRounds> ResolveRounds(const std::string& rounds_flag, GraphStore& store);

}  // namespace negograph::cli
