// `negograph serve`: the HTTP JSON API (docs/api.md) and the viewer over a
// store. Runs until SIGINT or SIGTERM, then stops cleanly (running requests
// finish, the store closes).
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "api/server.h"
#include "api/static_files.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/round_registry.h"
#include "graph/memory_store.h"
#include "graph/rocksdb/rocksdb_store.h"
#include "ingest/extractor.h"
#include "ingest/rounds.h"

namespace negograph::cli {
namespace {

struct ServeOptions {
  std::string db = kDefaultDbDir;
  bool memory = false;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  std::string token_file;
  size_t max_body = 5u << 20;
  int threads = 32;
  size_t max_connections = 1000;
  size_t max_per_client = 64;
  int head_timeout = 10;
  std::string rules;
  std::string rounds;
  std::string cors_origin;
  bool bench_hello = false;
};

// Extracts an uploaded document; a document without an explicit round is
// assigned one from the registry (by date and place), as `ingest` does.
api::ExtractFn MakeExtractFn(std::shared_ptr<const ingest::Extractor> extractor,
                             std::shared_ptr<const std::vector<ingest::RoundInfo>> registry) {
  return [extractor, registry](const Document& given) -> StatusOr<DocumentExtraction> {
    Document doc = given;
    if (doc.round.empty() && !registry->empty()) {
      doc.round = ingest::AssignRound(doc, *registry).round_id;
    }
    return extractor->Extract(doc);  // positions carry doc.round
  };
}

// The token from --token-file (surrounding whitespace trimmed) or
// $NEGOGRAPH_API_TOKEN; empty when neither is given.
StatusOr<std::string> LoadToken(const std::string& token_file) {
  std::string token;
  if (!token_file.empty()) {
    std::ifstream in(token_file, std::ios::binary);
    if (!in) return Status::NotFound("cannot read token file " + token_file);
    std::ostringstream buf;
    buf << in.rdbuf();
    token = buf.str();
  } else if (const char* env = std::getenv("NEGOGRAPH_API_TOKEN")) {
    token = env;
  }
  size_t first = token.find_first_not_of(" \t\r\n");
  size_t last = token.find_last_not_of(" \t\r\n");
  token = first == std::string::npos ? "" : token.substr(first, last - first + 1);
  if (!token_file.empty() && token.empty()) {
    return Status::InvalidArgument("token file " + token_file + " is empty");
  }
  if (!token.empty() && token.size() < 16) {
    return Status::InvalidArgument("the API token must be at least 16 characters");
  }
  return token;
}

int RunServe(const ServeOptions& opts) {
  // Block the stop signals before any thread starts, so that every thread
  // inherits the mask and only sigwait() below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  StatusOr<std::string> token = LoadToken(opts.token_file);
  if (!token.ok()) {
    std::cerr << "negograph serve: " << token.status().message() << "\n";
    return kExitUsage;
  }

  std::unique_ptr<GraphStore> store;
  if (opts.memory) {
    store = NewMemoryStore();
  } else {
    StatusOr<std::unique_ptr<GraphStore>> opened = OpenRocksDbStore(opts.db);
    if (!opened.ok()) {
      std::cerr << "negograph serve: store " << opts.db << ": " << opened.status().ToString()
                << "\n";
      return ExitCodeFor(opened.status()) == kExitFailure ? kExitStore
                                                          : ExitCodeFor(opened.status());
    }
    store = std::move(*opened);
  }

  StatusOr<ingest::Extractor> loaded = ingest::Extractor::Load(
      opts.rules.empty() ? ingest::Extractor::DefaultRulesDir() : std::filesystem::path(opts.rules));
  if (!loaded.ok()) {
    std::cerr << "negograph serve: rules: " << loaded.status().ToString() << "\n";
    return kExitUsage;
  }
  auto extractor = std::make_shared<const ingest::Extractor>(std::move(*loaded));

  // Uploads are assigned rounds from the same registry as `ingest` uses
  // (cli/round_registry.h); its rounds are stored, so the API knows them.
  auto registry = std::make_shared<std::vector<ingest::RoundInfo>>();
  if (StatusOr<ResolvedRounds> resolved = ResolveRounds(opts.rounds, *store); resolved.ok()) {
    *registry = std::move(resolved->rounds);
    std::cerr << "negograph serve: round registry: " << resolved->description << "\n";
  } else {
    std::cerr << "negograph serve: rounds: " << resolved.status().ToString() << "\n";
    return resolved.status().code() == StatusCode::kIOError ? kExitStore : kExitUsage;
  }

  api::ServerOptions options;
  options.host = opts.host;
  options.port = opts.port;
  options.web_dir = opts.web.empty() ? api::DefaultWebDir() : std::filesystem::path(opts.web);
  options.token = *token;
  options.max_body_bytes = opts.max_body;
  options.threads = opts.threads;
  options.max_connections = opts.max_connections;
  options.max_connections_per_client = opts.max_per_client;
  options.head_timeout_seconds = opts.head_timeout;
  options.cors_origin = opts.cors_origin;
  options.bench_hello = opts.bench_hello;
  api::Server server(*store, MakeExtractFn(extractor, registry), options);
  if (Status started = server.Start(); !started.ok()) {
    std::cerr << "negograph serve: " << started.message() << "\n";
    return kExitFailure;
  }

  StatusOr<StoreStats> stats = store->Stats();
  std::string host = opts.host.find(':') != std::string::npos ? "[" + opts.host + "]" : opts.host;
  std::cerr << "negograph: serving http://" << host << ":" << server.port()
            << "/ (API at /api/v1, " << (stats.ok() ? stats->positions : 0) << " positions)\n";
  if (options.token.empty()) {
    std::cerr << "negograph: no API token (--token-file or NEGOGRAPH_API_TOKEN): "
                 "uploads and deletes answer 403\n";
  }
  if (!std::filesystem::is_directory(options.web_dir)) {
    std::cerr << "negograph: no viewer at " << options.web_dir.string() << " (use --web DIR)\n";
  }

  int received = 0;
  sigwait(&stop_signals, &received);
  std::cerr << "negograph: stopping (" << (received == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
  server.Stop();
  return kExitOk;
}

}  // namespace

Runner AddServeCommand(CLI::App& app) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand(
      "serve",
      "Serve the HTTP JSON API (/api/v1, docs/api.md) and the viewer (/) over a store.\n"
      "Uploads and deletes need 'Authorization: Bearer TOKEN'; the token comes from\n"
      "--token-file FILE or the environment variable NEGOGRAPH_API_TOKEN (at least 16\n"
      "characters). Without a token, write routes answer 403. Stops on SIGINT/SIGTERM.\n"
      "The viewer folder defaults to $NEGOGRAPH_WEB_DIR, else the source tree's web/.");
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  sub->add_flag("--memory", opts->memory, "Serve an empty in-memory store instead of --db");
  sub->add_option("--host", opts->host, "Address to bind")->capture_default_str();
  sub->add_option("--port", opts->port, "TCP port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub->add_option("--web", opts->web, "Viewer folder (static files)");
  sub->add_option("--token-file", opts->token_file, "File holding the bearer token for writes");
  sub->add_option("--max-body", opts->max_body, "Largest request body in bytes")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  sub->add_option("--threads", opts->threads, "Worker threads")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  sub->add_option("--max-connections", opts->max_connections,
                  "Open connections in all; past it new ones get 503")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  sub->add_option("--max-connections-per-client", opts->max_per_client,
                  "Open connections per client address (0: no cap; use 0 behind a local "
                  "proxy, which caps per real address: docs/deploy/nginx.conf)")
      ->capture_default_str();
  sub->add_option("--head-timeout", opts->head_timeout,
                  "Seconds a client has to send a whole request head (else 408)")
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
  sub->add_option("--rules", opts->rules, "Rule pack directory (default: the bundled rules)");
  sub->add_option("--rounds", opts->rounds,
                  "Round registry YAML for uploads (default: the built-in registry,\n"
                  "$NEGOGRAPH_ROUNDS, plus the store's rounds)");
  sub->add_option("--cors-origin", opts->cors_origin,
                  "Allow this origin (e.g. http://localhost:5173) cross-origin; default off");
  // Hidden: the baseline route of bench/api_bench.sh.
  sub->add_flag("--bench-hello", opts->bench_hello, "Add GET /bench/hello")->group("");
  return [opts] { return RunServe(*opts); };
}

}  // namespace negograph::cli
