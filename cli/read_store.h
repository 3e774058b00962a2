// Shared by the read-only subcommands (query, compare, export): opening the
// store read-only and checking ids named on the command line, each failure
// mapped onto its exit code (cli/exit_codes.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "graph/graph_store.h"
#include "graph/status.h"

namespace CLI {
class App;
}

namespace negograph::cli {

// Opens the store in `dir` read-only without creating it, as a RocksDB
// secondary instance: it works beside a running `serve` (never takes the
// lock, survives its compactions) and replays at most the writer's bounded
// log (graph/rocksdb/store_db.h). Any failure is a store error (kExitStore):
// missing, newer schema, corrupt.
// Labels of nodes and positions come in `lang` ("de" | "en", graph/labels.h).
StatusOr<std::unique_ptr<GraphStore>> OpenStoreReadOnly(const std::string& dir,
                                                        const std::string& lang = "en");

// Adds `--lang de|en` (labels of the output; default en) to a subcommand.
void AddLangOption(CLI::App& sub, std::string& lang);

// NotFound unless the store knows the round (registry or a position).
Status CheckRoundKnown(GraphStore& store, std::string_view round);

// Prints "negograph <command>: <status>" on stderr and returns its exit code;
// `store_error` forces kExitStore.
int Fail(std::string_view command, const Status& status, bool store_error = false);

// Cuts `s` to at most `max_bytes` on a UTF-8 character boundary, adding "…"
// when it cut; newlines become spaces (for one-line table cells).
std::string OneLine(std::string_view s, size_t max_bytes);

}  // namespace negograph::cli
