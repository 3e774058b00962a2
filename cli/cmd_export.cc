// `negograph export --format graphml|csv|jsonld|plover`: the graph for
// Gephi/yEd (GraphML), neo4j-admin import / NebulaGraph (CSV), RDF tools
// (JSON-LD) and event-data pipelines (PLOVER). See docs/exports.md.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/read_store.h"
#include "graph/export.h"
#include "ingest/actor_codes.h"

namespace negograph::cli {
namespace {

namespace fs = std::filesystem;

struct ExportOptions {
  std::string format;
  std::string db = kDefaultDbDir;
  std::string lang = "en";
  std::string out;
  ViewFilter view;
};

// Writes through `write` into `path` via a temporary file renamed at the
// end, so a failed export never leaves a half-written file behind.
Status WriteAtomically(const fs::path& path, const std::function<Status(std::ostream&)>& write) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError("cannot write " + tmp.string());
    Status s = write(out);
    out.close();
    if (s.ok() && !out) s = Status::IOError("writing " + tmp.string() + " failed");
    if (!s.ok()) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return s;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::IOError("cannot rename " + tmp.string() + ": " + ec.message());
  return Status::Ok();
}

int RunCsv(GraphStore& store, const ExportOptions& opts) {
  fs::path dir = opts.out.empty() ? fs::path(".") : fs::path(opts.out);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Fail("export", Status::IOError("cannot create " + dir.string() + ": " + ec.message()));
  // One scan writes both files; the edges go to a temporary first.
  std::ofstream edges(dir / "edges.csv.tmp", std::ios::binary | std::ios::trunc);
  if (!edges) return Fail("export", Status::IOError("cannot write " + (dir / "edges.csv").string()));
  Status s = WriteAtomically(dir / "nodes.csv", [&](std::ostream& nodes) {
    return ExportCsv(store, opts.view, nodes, edges);
  });
  edges.close();
  if (s.ok() && !edges) s = Status::IOError("writing edges.csv failed");
  if (s.ok()) fs::rename(dir / "edges.csv.tmp", dir / "edges.csv", ec);
  if (s.ok() && ec) s = Status::IOError("cannot rename edges.csv.tmp: " + ec.message());
  if (!s.ok()) {
    fs::remove(dir / "edges.csv.tmp", ec);
    return Fail("export", s);
  }
  std::cerr << "wrote " << (dir / "nodes.csv").string() << " and " << (dir / "edges.csv").string()
            << "\n";
  return kExitOk;
}

int RunExport(const ExportOptions& opts) {
  std::optional<ExportFormat> format;
  if (opts.format != "csv") {
    format = ParseExportFormat(opts.format);
    if (!format) return Fail("export", Status::InvalidArgument("unknown format " + opts.format));
  }
  StatusOr<std::unique_ptr<GraphStore>> store = OpenStoreReadOnly(opts.db, opts.lang);
  if (!store.ok()) return Fail("export", store.status(), /*store_error=*/true);
  if (Status s = CheckRoundKnown(**store, opts.view.round); !s.ok()) return Fail("export", s);
  if (!format) return RunCsv(**store, opts);

  // PLOVER codes states by ISO 3166 alpha-3 (Debian's iso-codes).
  std::map<std::string, std::string> codes;
  if (*format == ExportFormat::kPlover) {
    StatusOr<std::map<std::string, std::string>> loaded = ingest::LoadActorCountryCodes();
    if (loaded.ok()) {
      codes = std::move(*loaded);
    } else {
      std::cerr << "negograph export: warning: no country codes: " << loaded.status().ToString()
                << "\n";
    }
  }
  auto write = [&](std::ostream& out) {
    return *format == ExportFormat::kPlover ? ExportPlover(**store, opts.view, codes, out)
                                            : Export(**store, *format, opts.view, out);
  };
  Status s;
  if (opts.out.empty() || opts.out == "-") {
    s = write(std::cout);
    std::cout.flush();
  } else {
    s = WriteAtomically(opts.out, write);
  }
  if (!s.ok()) return Fail("export", s);
  return kExitOk;
}

}  // namespace

Runner AddExportCommand(CLI::App& app) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand(
      "export",
      "Export the graph (one record per position). Formats:\n"
      "  graphml   GraphML with typed attributes (Gephi, yEd, networkx)\n"
      "  csv       nodes.csv + edges.csv with neo4j-admin import headers, into --out DIR\n"
      "            (default: the current directory); csv-nodes / csv-edges: one file\n"
      "  jsonld    JSON-LD, vocabulary https://negograph.invalid/ns#\n"
      "  plover    PLOVER event records, JSON Lines (one event per position)\n"
      "Other formats go to --out FILE or stdout. See docs/exports.md.\n"
      "Exit codes: 0 ok, 2 bad flags, 3 store error, 4 unknown round.");
  sub->add_option("--format", opts->format, "Export format")
      ->required()
      ->check(CLI::IsMember({"graphml", "csv", "csv-nodes", "csv-edges", "jsonld", "plover"}));
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  AddLangOption(*sub, opts->lang);
  sub->add_option("--round", opts->view.round, "Only this round");
  sub->add_option("--from-date", opts->view.date_from, "Only documents dated on/after (ISO)");
  sub->add_option("--to-date", opts->view.date_to, "Only documents dated on/before (ISO)");
  sub->add_option("--out", opts->out, "Output file (csv: directory); default stdout (csv: .)");
  return [opts] { return RunExport(*opts); };
}

}  // namespace negograph::cli
