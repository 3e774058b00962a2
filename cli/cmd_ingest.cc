// `negograph ingest`: documents -> positions -> the store. Streams: one
// document is read, extracted, assigned to a round and applied (one atomic
// write) before the next is read, so memory stays flat on any corpus size.
// A failing file is reported and skipped; the exit code is 1 at the end.
// `--from-jsonl` reads DocumentExtraction JSON lines (a sharded `extract`
// run's output) and applies them through the bulk path.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "cli/round_registry.h"
#include "graph/model_json.h"
#include "graph/rocksdb/rocksdb_store.h"
#include "graph/store_rules.h"
#include "ingest/document_reader.h"
#include "ingest/extractor.h"
#include "ingest/rounds.h"

namespace negograph::cli {
namespace {

namespace fs = std::filesystem;

// Documents with more text than --stream-above (default 4 MiB) are
// extracted window by window and written in parts (GraphStore::
// BeginDocument): memory stays at a window's tokens and positions, not the
// document's. Smaller ones take the one-batch path, faster per document.
constexpr size_t kStreamBytes = 4u << 20;

struct IngestOptions {
  std::vector<std::string> paths;
  std::string db = kDefaultDbDir;
  std::string rules;
  std::string rounds;
  std::string format = "table";
  std::string from_jsonl;
  bool bulk = false;  // PATH mode: extract on worker threads, write through ApplyBulk
  int jobs = 0;       // worker threads for extraction / JSON parsing; 0: cores - 1
  size_t stream_above = kStreamBytes;  // PATH mode without --bulk
};

size_t Workers(const IngestOptions& opts) {
  if (opts.jobs > 0) return static_cast<size_t>(opts.jobs);
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? cores - 1 : 1;  // the calling thread writes
}


// Bulk groups: flushed through ApplyBulk at this many positions (one SST
// ingestion of ~50 MB) or documents, whichever comes first.
constexpr size_t kGroupPositions = 100000;
constexpr size_t kGroupDocuments = 4096;

struct Summary {
  size_t inserted = 0, unchanged = 0, replaced = 0, failed = 0, skipped = 0, bulk = 0;
  size_t positions = 0;  // positions in the documents written
  std::vector<std::pair<std::string, std::string>> errors;      // input, message
  std::vector<std::pair<std::string, std::string>> unassigned;  // document, reason
  std::vector<std::string> warnings;

  void Fail(const std::string& where, const Status& s) {
    ++failed;
    errors.emplace_back(where, s.ToString());
    std::cerr << "negograph ingest: " << where << ": " << s.ToString() << "\n";
  }
};

void Print(const Summary& s, const std::string& format, const StoreStats& stats) {
  if (format == "json") {
    nlohmann::json j = {{"inserted", s.inserted},   {"unchanged", s.unchanged},
                        {"replaced", s.replaced},   {"failed", s.failed},
                        {"skipped", s.skipped},     {"bulk_applied", s.bulk},
                        {"positions_written", s.positions},
                        {"store", {{"documents", stats.documents},
                                   {"positions", stats.positions},
                                   {"actors", stats.actors},
                                   {"issues", stats.issues},
                                   {"rounds", stats.rounds}}}};
    j["errors"] = nlohmann::json::array();
    for (const auto& [where, msg] : s.errors) j["errors"].push_back({{"input", where}, {"error", msg}});
    j["unassigned"] = nlohmann::json::array();
    for (const auto& [doc, why] : s.unassigned) {
      j["unassigned"].push_back({{"document", doc}, {"reason", why}});
    }
    j["warnings"] = s.warnings;
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf("documents: %zu inserted, %zu unchanged, %zu replaced, %zu failed, %zu skipped",
              s.inserted, s.unchanged, s.replaced, s.failed, s.skipped);
  if (s.bulk > 0) std::printf(", %zu applied in bulk", s.bulk);
  std::printf("\npositions written: %zu%s\n", s.positions,
              s.bulk > 0 ? " (bulk documents not counted; see the store totals)" : "");
  std::printf("store now: %llu documents, %llu positions, %llu actors, %llu issues, %llu rounds\n",
              static_cast<unsigned long long>(stats.documents),
              static_cast<unsigned long long>(stats.positions),
              static_cast<unsigned long long>(stats.actors),
              static_cast<unsigned long long>(stats.issues),
              static_cast<unsigned long long>(stats.rounds));
  for (const auto& [doc, why] : s.unassigned) std::printf("unassigned: %s (%s)\n", doc.c_str(), why.c_str());
  for (const std::string& w : s.warnings) std::printf("warning: %s\n", w.c_str());
  for (const auto& [where, msg] : s.errors) std::printf("error: %s: %s\n", where.c_str(), msg.c_str());
}

// A document that was assigned a round before and cannot be assigned one
// now (no registry at hand) keeps it: re-ingesting never loses a round.
std::string StoredRound(GraphStore& store, const Document& doc) {
  StatusOr<Document> stored = store.GetDocument(doc.id);
  return stored.ok() ? stored->round : std::string();
}

// Assigns `doc` to a round from the registry; lists it when unassigned.
std::string ChooseRound(const Document& doc, const std::vector<ingest::RoundInfo>& registry,
                        GraphStore& store, Summary& summary) {
  ingest::RoundAssignment a = ingest::AssignRound(doc, registry);
  const std::string& name = doc.name.empty() ? doc.id : doc.name;
  if (a.how == ingest::RoundAssignment::How::kUnassigned) {
    if (std::string kept = StoredRound(store, doc); !kept.empty()) return kept;
    summary.unassigned.emplace_back(name, a.reason);
  }
  if (a.warning) summary.warnings.push_back(name + ": round '" + a.round_id + "' " + a.reason);
  return a.round_id;
}

// The round of a document is the round of every position it yields. For
// extractions read from JSONL, whose round is assigned after extraction.
void SetRound(DocumentExtraction& e, const std::string& round) {
  e.document.round = round;
  for (Position& p : e.positions) p.round = round;
}

void Record(ApplyOutcome outcome, size_t positions, Summary& s) {
  switch (outcome) {
    case ApplyOutcome::kInserted: ++s.inserted, s.positions += positions; break;
    case ApplyOutcome::kReplaced: ++s.replaced, s.positions += positions; break;
    case ApplyOutcome::kUnchanged: ++s.unchanged; break;
  }
}

// The streamed path of one large document: extracted window by window, each
// window's positions staged in the store, all made visible at Commit. A
// document already stored (same rules, round, date) is not extracted again.
StatusOr<ApplyOutcome> ApplyStreamed(const ingest::Extractor& extractor, GraphStore& store,
                                     Document& doc, size_t& positions) {
  StatusOr<std::string> lang = extractor.Language(doc, ingest::kExtractWindowBytes);
  if (!lang.ok()) return lang.status();
  doc.lang = *lang;
  doc.rules_version = extractor.rules_version();
  StatusOr<std::unique_ptr<DocumentWriter>> writer = store.BeginDocument(doc);
  if (!writer.ok()) return writer.status();
  if ((*writer)->unchanged()) return ApplyOutcome::kUnchanged;
  positions = 0;
  NEGOGRAPH_RETURN_IF_ERROR(extractor.ExtractWindows(
      doc, ingest::kExtractWindowBytes, [&](DocumentExtraction&& part) {
        positions += part.positions.size();
        return (*writer)->Add(part);
      }));
  return (*writer)->Commit();
}

// Returns false when the store failed (stop: later writes would fail too).
bool IngestFiles(const IngestOptions& opts, const ingest::Extractor& extractor, GraphStore& store,
                 const std::vector<ingest::RoundInfo>& registry, Summary& summary) {
  std::vector<fs::path> inputs;
  for (const std::string& p : opts.paths) inputs.emplace_back(p);
  std::vector<Status> errors;
  std::vector<fs::path> files = ingest::CollectInputFiles(inputs, errors);
  for (const Status& e : errors) summary.Fail("input", e);
  Progress progress("ingest", files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    progress.Update(i);
    const std::string where = files[i].string();
    StatusOr<Document> doc = ingest::ReadDocumentFile(files[i]);
    if (!doc.ok()) {
      summary.Fail(where, doc.status());
      continue;
    }
    doc->round = ChooseRound(*doc, registry, store, summary);
    if (doc->text.size() > opts.stream_above) {
      size_t positions = 0;
      StatusOr<ApplyOutcome> outcome = ApplyStreamed(extractor, store, *doc, positions);
      if (!outcome.ok()) {
        if (outcome.status().code() == StatusCode::kUnsupported) {
          ++summary.skipped;
          std::cerr << "negograph ingest: skipped " << where << ": " << outcome.status().message() << "\n";
          continue;
        }
        summary.Fail(where, outcome.status());
        if (outcome.status().code() == StatusCode::kIOError) return false;
        continue;
      }
      Record(*outcome, positions, summary);
      continue;
    }
    StatusOr<DocumentExtraction> e = extractor.Extract(*doc);
    if (!e.ok()) {
      if (e.status().code() == StatusCode::kUnsupported) {
        ++summary.skipped;
        std::cerr << "negograph ingest: skipped " << where << ": " << e.status().message() << "\n";
      } else {
        summary.Fail(where, e.status());
      }
      continue;
    }
    StatusOr<ApplyOutcome> outcome = store.Apply(*e);
    if (!outcome.ok()) {
      summary.Fail(where, outcome.status());
      if (outcome.status().code() == StatusCode::kIOError) return false;
      continue;
    }
    Record(*outcome, e->positions.size(), summary);
  }
  progress.Update(files.size());
  return true;
}

// --bulk: files are read, assigned a round and extracted on worker threads;
// this thread writes groups of whole documents through ApplyBulk (SST files).
// Outcomes per document are not reported (the store totals are).
bool IngestFilesBulk(const IngestOptions& opts, const ingest::Extractor& extractor,
                     GraphStore& store, const std::vector<ingest::RoundInfo>& registry,
                     Summary& summary) {
  std::vector<fs::path> inputs(opts.paths.begin(), opts.paths.end());
  std::vector<Status> errors;
  std::vector<fs::path> files = ingest::CollectInputFiles(inputs, errors);
  for (const Status& e : errors) summary.Fail("input", e);
  struct Extracted {
    std::string where;
    std::string name;
    ingest::RoundAssignment round;
    StatusOr<DocumentExtraction> e = Status::Internal("not extracted");
  };
  Progress progress("ingest", files.size());
  std::vector<DocumentExtraction> group;
  size_t next = 0, consumed = 0, group_positions = 0;
  bool ok = true;
  auto flush = [&]() -> bool {
    if (group.empty()) return true;
    Status s = store.ApplyBulk(group);
    if (!s.ok()) summary.Fail("bulk write", s);
    summary.bulk += group.size();
    group.clear();
    group_positions = 0;
    return s.ok();
  };
  RunOrderedPipeline<size_t, Extracted>(
      Workers(opts), 4 * Workers(opts) + 2,
      [&]() -> std::optional<size_t> {
        if (next == files.size()) return std::nullopt;
        return next++;
      },
      [&](size_t i) {
        Extracted x;
        x.where = files[i].string();
        StatusOr<Document> doc = ingest::ReadDocumentFile(files[i]);
        if (!doc.ok()) {
          x.e = doc.status();
          return x;
        }
        x.name = doc->name.empty() ? doc->id : doc->name;
        x.round = ingest::AssignRound(*doc, registry);
        doc->round = x.round.round_id;
        x.e = extractor.Extract(*doc);
        return x;
      },
      [&](Extracted&& x) {
        progress.Update(++consumed);
        if (x.round.how == ingest::RoundAssignment::How::kUnassigned && x.e.ok()) {
          summary.unassigned.emplace_back(x.name, x.round.reason);
        }
        if (x.round.warning) {
          summary.warnings.push_back(x.name + ": round '" + x.round.round_id + "' " + x.round.reason);
        }
        if (!x.e.ok()) {
          if (x.e.status().code() == StatusCode::kUnsupported) {
            ++summary.skipped;
          } else {
            summary.Fail(x.where, x.e.status());
          }
          return true;
        }
        if (Status v = ValidateExtraction(*x.e); !v.ok()) {
          summary.Fail(x.where, v);
          return true;
        }
        group_positions += x.e->positions.size();
        group.push_back(std::move(*x.e));
        if (group.size() >= kGroupDocuments || group_positions >= kGroupPositions) {
          if (!flush()) return ok = false;
        }
        return true;
      });
  return ok && flush();
}

// DocumentExtraction JSON per line; groups of whole documents (kGroup*) go
// through ApplyBulk. Lines that do not parse or validate are reported.
bool IngestJsonl(const IngestOptions& opts, GraphStore& store,
                 const std::vector<ingest::RoundInfo>& registry, Summary& summary) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (opts.from_jsonl != "-") {
    file.open(opts.from_jsonl);
    if (!file) {
      summary.Fail(opts.from_jsonl, Status::NotFound("cannot open"));
      return true;
    }
    in = &file;
  }
  std::vector<DocumentExtraction> group;
  auto flush = [&]() -> bool {
    if (group.empty()) return true;
    Status s = store.ApplyBulk(group);
    if (!s.ok()) {
      summary.Fail(opts.from_jsonl, s);
      return false;
    }
    summary.bulk += group.size();  // inserted or unchanged: the store stats tell
    group.clear();
    return true;
  };
  // Lines are parsed on worker threads in chunks; validation, rounds and the
  // writes stay on this thread, in input order.
  struct Parsed {
    std::string where;
    std::optional<DocumentExtraction> e;
    Status error = Status::Ok();
  };
  using Chunk = std::vector<std::pair<size_t, std::string>>;  // line number, text
  size_t line_no = 0, group_positions = 0;
  bool ok = true;
  RunOrderedPipeline<Chunk, std::vector<Parsed>>(
      Workers(opts), 4 * Workers(opts) + 2,
      [&]() -> std::optional<Chunk> {
        Chunk chunk;
        std::string line;
        while (chunk.size() < 64 && std::getline(*in, line)) {
          ++line_no;
          if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
          chunk.emplace_back(line_no, std::move(line));
        }
        if (chunk.empty()) return std::nullopt;
        return chunk;
      },
      [&](Chunk&& chunk) {
        std::vector<Parsed> out(chunk.size());
        for (size_t k = 0; k < chunk.size(); ++k) {
          out[k].where = opts.from_jsonl + ":" + std::to_string(chunk[k].first);
          nlohmann::json j = nlohmann::json::parse(chunk[k].second, nullptr, /*allow_exceptions=*/false);
          try {
            if (j.is_discarded() || !j.is_object()) throw std::invalid_argument("not a JSON object");
            out[k].e = j.get<DocumentExtraction>();
          } catch (const std::exception& ex) {
            out[k].error = Status::InvalidArgument(std::string("bad extraction line: ") + ex.what());
          }
        }
        return out;
      },
      [&](std::vector<Parsed>&& parsed) {
        for (Parsed& p : parsed) {
          if (!p.e) {
            summary.Fail(p.where, p.error);
            continue;
          }
          DocumentExtraction& e = *p.e;
          SetRound(e, ChooseRound(e.document, registry, store, summary));
          if (Status v = ValidateExtraction(e); !v.ok()) {
            summary.Fail(p.where, v);
            continue;
          }
          group_positions += e.positions.size();
          group.push_back(std::move(e));
          if (group.size() >= kGroupDocuments || group_positions >= kGroupPositions) {
            group_positions = 0;
            if (!flush()) return ok = false;
          }
        }
        return true;
      });
  if (!ok) return false;
  return flush();
}

int RunIngest(const IngestOptions& opts) {
  if (opts.paths.empty() == opts.from_jsonl.empty()) {
    std::cerr << "negograph ingest: give PATH... or --from-jsonl FILE|- (one of them)\n";
    return kExitUsage;
  }
  std::optional<ingest::Extractor> extractor;
  if (opts.from_jsonl.empty()) {
    StatusOr<ingest::Extractor> loaded = ingest::Extractor::Load(
        opts.rules.empty() ? ingest::Extractor::DefaultRulesDir() : fs::path(opts.rules));
    if (!loaded.ok()) {
      std::cerr << "negograph ingest: rules: " << loaded.status().ToString() << "\n";
      return kExitUsage;
    }
    extractor.emplace(std::move(*loaded));
  }
  StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(opts.db);
  if (!store.ok()) {
    std::cerr << "negograph ingest: " << store.status().ToString() << "\n";
    return kExitStore;
  }
  // The registry travels with the store (cli/round_registry.h).
  StatusOr<ResolvedRounds> resolved = ResolveRounds(opts.rounds, **store);
  if (!resolved.ok()) {
    std::cerr << "negograph ingest: rounds: " << resolved.status().ToString() << "\n";
    return resolved.status().code() == StatusCode::kIOError ? kExitStore : kExitUsage;
  }
  std::cerr << "negograph ingest: round registry: " << resolved->description << "\n";
  const std::vector<ingest::RoundInfo>& registry = resolved->rounds;
  Summary summary;
  bool store_ok = !extractor ? IngestJsonl(opts, **store, registry, summary)
                  : opts.bulk ? IngestFilesBulk(opts, *extractor, **store, registry, summary)
                              : IngestFiles(opts, *extractor, **store, registry, summary);
  StatusOr<StoreStats> stats = (*store)->Stats();
  Print(summary, opts.format, stats.ok() ? *stats : StoreStats{});
  if (!store_ok || !stats.ok()) return kExitStore;
  return summary.failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace

Runner AddIngestCommand(CLI::App& app) {
  auto opts = std::make_shared<IngestOptions>();
  CLI::App* sub = app.add_subcommand(
      "ingest",
      "Extract positions from documents and store them (one atomic write per document;\n"
      "re-ingesting the same text is a no-op, a changed rule pack replaces its positions).\n"
      "PATH is a file or a directory (recursive: *.txt, *.md). Documents without a round\n"
      "are assigned one from the round registry by date and place mentions.");
  sub->add_option("paths", opts->paths, "Files or directories");
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  sub->add_option("--rules", opts->rules, "Rule pack directory (default: the bundled rules)");
  sub->add_option("--rounds", opts->rounds,
                  "Round registry YAML; stored in the store, so later runs need not repeat it\n"
                  "(default: the built-in registry, $NEGOGRAPH_ROUNDS, plus the store's rounds)");
  sub->add_option("--format", opts->format, "Summary format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  sub->add_flag("--bulk", opts->bulk,
               "Large corpora: extract on --jobs threads while writing, and write groups of\n"
               "whole documents as sorted SST files (each group atomic; re-runs are no-ops)");
  sub->add_option("--jobs", opts->jobs,
                  "Threads for extraction (--bulk) or JSON parsing (--from-jsonl); 0: cores - 1")
      ->capture_default_str();
  sub->add_option("--stream-above", opts->stream_above,
                  "Documents with more text (bytes) are extracted window by window and written\n"
                  "in parts, visible at once when complete: memory bounded by a window, not the\n"
                  "document (docs/reliability.md). Not with --bulk")
      ->capture_default_str();
  sub->add_option("--from-jsonl", opts->from_jsonl,
                  "Read DocumentExtraction JSON lines from FILE or '-' (stdin) instead of PATHs;\n"
                  "applied through the bulk path");
  return [opts] { return RunIngest(*opts); };
}

}  // namespace negograph::cli
