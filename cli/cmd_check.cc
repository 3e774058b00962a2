// `negograph check [--repair]`: verifies a store (read-only, beside a running
// serve if need be) and, with --repair, salvages a damaged write-ahead log
// and rebuilds every index and counter from the documents and positions.
// Exit codes: 0 sound (or repaired and sound), 3 problems found (or the
// store cannot be opened), 1 the repair left problems.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "graph/rocksdb/store_check.h"

namespace negograph::cli {
namespace {

using nlohmann::json;

struct CheckOptions {
  std::string db = kDefaultDbDir;
  bool repair = false;
  std::string format = "table";
};

json ToJson(const store::CheckReport& r) {
  return {{"ok", r.ok()},           {"documents", r.documents}, {"positions", r.positions},
          {"actors", r.actors},     {"issues", r.issues},       {"people", r.people},
          {"rounds", r.rounds},     {"index_lookups", r.index_lookups},
          {"problems", r.problems}};
}

void PrintTable(const store::CheckReport& r) {
  std::cout << "documents " << r.documents << ", positions " << r.positions << ", actors "
            << r.actors << ", issues " << r.issues << ", people " << r.people << ", rounds "
            << r.rounds << "; " << r.index_lookups << " index scans compared\n";
  for (const std::string& p : r.problems) std::cout << "problem: " << p << "\n";
  std::cout << (r.ok() ? "store is sound\n" : std::to_string(r.problems.size()) + " problems\n");
}

int RunCheck(const CheckOptions& opts) {
  if (!opts.repair) {
    std::cerr << "negograph check: verifying " << opts.db << "\n";
    StatusOr<store::CheckReport> report = store::CheckStore(opts.db);
    if (!report.ok()) {
      std::cerr << "negograph check: " << report.status().ToString() << "\n";
      return report.status().code() == StatusCode::kNotFound ? kExitNotFound : kExitStore;
    }
    if (opts.format == "json") {
      std::cout << ToJson(*report).dump(2) << "\n";
    } else {
      PrintTable(*report);
    }
    if (!report->ok()) {
      std::cerr << "negograph check: problems found; `negograph check --repair --db " << opts.db
                << "` rebuilds indexes and counters\n";
    }
    return report->ok() ? kExitOk : kExitStore;
  }
  std::cerr << "negograph check: repairing " << opts.db << "\n";
  StatusOr<store::RepairReport> r = store::RepairStore(opts.db);
  if (!r.ok()) {
    std::cerr << "negograph check --repair: " << r.status().ToString() << "\n";
    return r.status().code() == StatusCode::kNotFound ? kExitNotFound : kExitStore;
  }
  if (opts.format == "json") {
    std::cout << json{{"wal_dropped", r->wal_notes},
                      {"documents_before", r->documents_before},
                      {"documents_rebuilt", r->documents_rebuilt},
                      {"positions_rebuilt", r->positions_rebuilt},
                      {"dropped", r->dropped},
                      {"backup", r->backup.string()},
                      {"after", ToJson(r->after)}}
                     .dump(2)
              << "\n";
  } else {
    for (const std::string& n : r->wal_notes) std::cout << "write-ahead log: " << n << "\n";
    if (r->wal_notes.empty()) std::cout << "write-ahead log: intact\n";
    for (const std::string& d : r->dropped) std::cout << "dropped: " << d << "\n";
    std::cout << "rebuilt " << r->documents_rebuilt << " of " << r->documents_before
              << " documents (" << r->positions_rebuilt << " positions); the old store is kept at "
              << r->backup.string() << "\n";
    PrintTable(r->after);
  }
  return r->after.ok() ? kExitOk : kExitFailure;
}

}  // namespace

Runner AddCheckCommand(CLI::App& app) {
  auto opts = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand(
      "check", "Verify a store (checksums, positions, indexes, counters); --repair rebuilds it.");
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  sub->add_flag("--repair", opts->repair,
                "Salvage a damaged write-ahead log and rebuild indexes and counters from the "
                "documents and positions (the old store is kept beside it)");
  sub->add_option("--format", opts->format, "Output: table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  return [opts] { return RunCheck(*opts); };
}

}  // namespace negograph::cli
