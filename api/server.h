// The HTTP JSON API (docs/api.md) and the static viewer, served by
// cpp-httplib. httplib.h stays inside api/*.cc; callers see only this.
//
// Thread safety: Start/Stop may be called from any thread; handlers run on
// a pool of `threads` workers and call the GraphStore concurrently (the
// store guarantees per-call consistency; handlers take no global lock).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/status.h"

namespace negograph::api {

// Text -> positions for POST /api/v1/documents. `negograph serve` passes the
// rule engine (ingest::Extractor::Extract); tests pass a fake.
using ExtractFn = std::function<StatusOr<DocumentExtraction>(const Document&)>;

struct ServerOptions {
  // Address to bind. Default: loopback only.
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free ephemeral port (see Server::port()).
  int port = 8080;
  // Folder of the static viewer served at "/"; empty serves no files.
  std::filesystem::path web_dir;
  // Bearer token for write routes; empty means write routes answer 403.
  std::string token;
  // Largest accepted request body (bytes), chunked or not. Default: 5 MB.
  size_t max_body_bytes = 5u << 20;
  // Largest `limit` a client may ask for.
  size_t max_limit = 1000;
  // Worker threads. They serve requests only: connections between requests
  // and unfinished request heads wait in the connection gate (conn_gate.h).
  int threads = 32;
  // Caps on the request head (request line + headers), enforced before it
  // is buffered: past either the answer is 431.
  size_t max_header_bytes = 16 << 10;
  size_t max_headers = 100;
  // The whole head must arrive within this time of the connection (or of
  // its first byte on a kept-alive one), else 408.
  int head_timeout_seconds = 10;
  // Open connections in all and per client address (0: no per-address cap;
  // behind a local proxy every connection comes from its address). Past
  // either the answer is 503. Past `pressure_connections` idle keep-alive
  // connections are closed after 1 s instead of keep_alive_seconds.
  size_t max_connections = 1000;
  size_t max_connections_per_client = 64;
  size_t pressure_connections = 512;
  // Value of Access-Control-Allow-Origin; empty: CORS off.
  std::string cors_origin;
  // Socket timeouts (seconds) and requests per keep-alive connection.
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  int keep_alive_seconds = 5;
  size_t keep_alive_max_requests = 1000;
  // Adds GET /bench/hello, a bare handler without parameters, JSON, ETag or
  // metrics: the hello-world baseline of bench/api_bench.sh. Off by default.
  bool bench_hello = false;
};

// One served route, as the OpenAPI document names it.
struct RouteInfo {
  std::string method;  // "GET", "POST", "DELETE"
  std::string path;    // OpenAPI path template, e.g. "/api/v1/actors/{id}"
};

class Server {
 public:
  // `store` must outlive the server. `extract` may be empty: uploads then
  // answer 501.
  Server(GraphStore& store, ExtractFn extract, ServerOptions options);
  ~Server();  // Stops and joins.
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and serves on a background thread; returns once the server
  // accepts connections. IOError when the address cannot be bound.
  Status Start();
  // Stops accepting, finishes running requests, joins. Idempotent.
  void Stop();
  // The bound port (after Start); the ephemeral one when options.port == 0.
  int port() const;
  const ServerOptions& options() const;

  // Every API route (not the static files), for the OpenAPI coverage check.
  static std::vector<RouteInfo> Routes();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace negograph::api
