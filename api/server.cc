// The httplib side of the API: configuration, the one place where routes
// are registered, the adapter to ApiRequest/ApiResponse, body limits, the
// token, ETags, metrics and the error and exception handlers.
#include "api/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <iostream>
#include <regex>
#include <thread>

#include "api/auth.h"
#include "api/conn_gate.h"
#include "api/context.h"
#include "api/handlers.h"
#include "api/lang.h"
#include "api/problem.h"
#include "api/routes.h"
#include "graph/ids.h"
#include "graph/labels.h"

namespace negograph::api {
namespace {

constexpr const char* kUploadPath = "/api/v1/documents";

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest out;
  out.method = req.method;
  out.path = req.path;
  out.target = req.target;
  for (size_t i = 0; i < req.matches.size(); ++i) out.matches.push_back(req.matches[i].str());
  out.params = req.params;
  out.headers.assign(req.headers.begin(), req.headers.end());
  return out;
}

void WriteResponse(const ApiResponse& api, httplib::Response& res) {
  res.status = api.status;
  for (const auto& [name, value] : api.headers) res.set_header(name, value);
  if (api.status == 204 || api.status == 304) return;
  res.set_content(api.body, api.content_type);
}

// A strong validator from the body: equal bodies, equal tags.
std::string ETagOf(std::string_view body) { return "\"" + Hex64(Hash64(body)) + "\""; }

// If-None-Match: a list of tags (weak ones compare by their opaque part) or "*".
bool NoneMatch(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

bool IsChunked(const httplib::Request& req) {
  std::string te = req.get_header_value("Transfer-Encoding");
  for (char& c : te) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return te.find("chunked") != std::string::npos;
}

// httplib's server with its per-connection loop replaced by the gate:
// process_and_close_socket is the one hook 0.11 offers (virtual), and
// process_request (protected) parses and answers one request.
class GatedHttp final : public httplib::Server {
 public:
  ConnectionGate* gate = nullptr;  // set before listening
  bool ServeOne(httplib::Stream& stream, bool close, bool& closed) {
    return process_request(stream, close, closed, nullptr);
  }
  // httplib 0.11 listens with a backlog of 5: a burst of connections
  // overflows it and clients wait for SYN retries (1 s, 3 s, 7 s). listen()
  // again on the bound socket raises it.
  void RaiseBacklog(int backlog) { ::listen(svr_sock_, backlog); }

 private:
  bool process_and_close_socket(socket_t sock) override {
    gate->Admit(sock);
    return true;
  }
};

}  // namespace

struct Server::Impl {
  Impl(GraphStore& s, ExtractFn e, ServerOptions o)
      : store(s), extract(std::move(e)), options(std::move(o)) {}

  GraphStore& store;
  ExtractFn extract;
  ServerOptions options;
  Metrics metrics;
  ApiContext ctx{store, extract, options, metrics};
  std::vector<std::regex> patterns;  // compiled ApiRoutes() patterns, same order
  GatedHttp http;
  std::unique_ptr<ConnectionGate> gate;
  std::thread thread;
  int port = 0;
  bool started = false;

  // Bodies past the limit are read and dropped up to this many bytes so the
  // client sees the 413 instead of a reset; beyond it the connection closes.
  size_t DrainCap() const { return options.max_body_bytes * 2 + (1u << 20); }

  void Register();
  ApiResponse Run(const Route& route, const ApiRequest& req);
  void Finish(const char* label, const httplib::Request& hreq, const ApiResponse& api,
              httplib::Response& res, std::chrono::steady_clock::time_point start);
  ApiResponse NoRoute(const httplib::Request& req);
};

// Calls a handler; an escaping exception is a 500 without details.
ApiResponse Server::Impl::Run(const Route& route, const ApiRequest& req) {
  try {
    if (req.method != "GET" && req.method != "HEAD") return route.handler(req, ctx);
    // Reads answer in one language (api/lang.h): a view over the store.
    StatusOr<std::string> lang = RequestLang(req);
    if (!lang.ok()) return ProblemFromStatus(lang.status());
    ApiRequest without_lang = req;
    without_lang.params.erase("lang");
    LabelledStore view(store, *lang);
    ApiContext lang_ctx{view, extract, options, metrics};
    ApiResponse out = route.handler(without_lang, lang_ctx);
    out.SetHeader("Content-Language", *lang);
    out.SetHeader("Vary", "Accept-Language");
    return out;
  } catch (const std::exception& e) {
    std::cerr << "negograph serve: exception in " << req.method << " " << route.openapi_path
              << ": " << e.what() << "\n";
  } catch (...) {
    std::cerr << "negograph serve: unknown exception in " << req.method << " "
              << route.openapi_path << "\n";
  }
  return Problem(500, "internal error; see the server log");
}

void Server::Impl::Finish(const char* label, const httplib::Request& hreq, const ApiResponse& api,
                          httplib::Response& res, std::chrono::steady_clock::time_point start) {
  bool readable = hreq.method == "GET" || hreq.method == "HEAD";
  if (readable && api.status == 200) {
    std::string etag = ETagOf(api.body);
    if (NoneMatch(hreq.get_header_value("If-None-Match"), etag)) {
      ApiResponse not_modified;
      not_modified.status = 304;
      not_modified.SetHeader("ETag", etag);
      WriteResponse(not_modified, res);
    } else {
      WriteResponse(api, res);
      res.set_header("ETag", etag);
    }
  } else {
    WriteResponse(api, res);
  }
  if (res.get_header_value("Connection") == "close") ConnectionGate::CloseAfterResponse();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics.Record(label, hreq.method == "HEAD" ? "GET" : hreq.method, res.status, seconds);
}

// 405 with Allow when another method serves the path, else 404.
ApiResponse Server::Impl::NoRoute(const httplib::Request& req) {
  std::string allow;
  std::span<const Route> routes = ApiRoutes();
  for (size_t i = 0; i < routes.size(); ++i) {
    if (std::regex_match(req.path, patterns[i]) && allow.find(routes[i].method) == std::string::npos) {
      allow += (allow.empty() ? "" : ", ") + std::string(routes[i].method);
    }
  }
  if (allow.empty()) return Problem(404, "no such route");
  if (allow.find("GET") != std::string::npos) allow += ", HEAD";
  ApiResponse res = Problem(405, "method " + req.method + " is not allowed here");
  res.SetHeader("Allow", allow);
  return res;
}

// The one place where routes are registered.
void Server::Impl::Register() {
  using Clock = std::chrono::steady_clock;
  std::span<const Route> routes = ApiRoutes();
  for (const Route& route : routes) patterns.emplace_back(route.pattern);

  for (const Route& route : routes) {
    const Route* r = &route;
    std::string method = route.method;
    if (route.reads_body) {
      // Read through a counting reader: set_payload_max_length does not
      // bound chunked bodies in httplib 0.11 (CVE-2025-46728).
      auto handler = [this, r](const httplib::Request& hreq, httplib::Response& res,
                               const httplib::ContentReader& reader) {
        auto start = Clock::now();
        ApiRequest req = ToApiRequest(hreq);
        std::optional<ApiResponse> denied;
        if (r->write) denied = CheckBearer(req.Header("Authorization"), options.token);
        size_t total = 0;
        bool too_large = false;
        bool complete = reader([&](const char* data, size_t len) {
          total += len;
          if (total > options.max_body_bytes) too_large = true;
          if (too_large) return total <= DrainCap();  // drop, keep draining
          if (!denied) req.body.append(data, len);
          return true;
        });
        ApiResponse api;
        if (denied) {
          api = *denied;
        } else if (too_large || (!complete && res.status == 413)) {
          api = Problem(413, "request body is larger than " +
                                 std::to_string(options.max_body_bytes) + " bytes");
        } else if (!complete) {
          api = Problem(400, "could not read the request body");
        } else {
          api = Run(*r, req);
        }
        if (!complete) api.SetHeader("Connection", "close");
        Finish(r->openapi_path, hreq, api, res, start);
      };
      if (method == "POST") http.Post(route.pattern, handler);
      continue;
    }
    auto handler = [this, r](const httplib::Request& hreq, httplib::Response& res) {
      auto start = Clock::now();
      ApiRequest req = ToApiRequest(hreq);
      ApiResponse api;
      std::optional<ApiResponse> denied;
      if (r->write) denied = CheckBearer(req.Header("Authorization"), options.token);
      api = denied ? *denied : Run(*r, req);
      Finish(r->openapi_path, hreq, api, res, start);
    };
    if (method == "GET") http.Get(route.pattern, handler);
    if (method == "DELETE") http.Delete(route.pattern, handler);
    if (method == "POST") http.Post(route.pattern, handler);
  }

  if (options.bench_hello) {
    http.Get("/bench/hello", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{\"hello\":\"world\"}", "application/json");
    });
  }

  // Everything else: the viewer's files for GET, 405/404 otherwise.
  http.Get("/.*", [this](const httplib::Request& hreq, httplib::Response& res) {
    auto start = Clock::now();
    ApiRequest req = ToApiRequest(hreq);
    ApiResponse api = HandleStatic(req, ctx);
    if (api.status == 404) {
      if (ApiResponse other = NoRoute(hreq); other.status == 405) api = std::move(other);
    }
    Finish(api.status == 200 ? "static" : "unmatched", hreq, api, res, start);
  });
  auto other = [this](const httplib::Request& hreq, httplib::Response& res) {
    auto start = Clock::now();
    Finish("unmatched", hreq, NoRoute(hreq), res, start);
  };
  http.Post("/.*", other);
  http.Put("/.*", other);
  http.Patch("/.*", other);
  http.Delete("/.*", other);

  // OPTIONS: the methods of the path in Allow (204), a CORS preflight
  // answer when CORS is on, 404 for a path nothing serves.
  http.Options("/.*", [this](const httplib::Request& hreq, httplib::Response& res) {
    auto start = Clock::now();
    ApiResponse api = NoRoute(hreq);
    if (api.status == 405) {
      std::string allow;
      for (const auto& [name, value] : api.headers) {
        if (name == "Allow") allow = value;
      }
      api = ApiResponse();
      api.status = 204;
      api.SetHeader("Allow", allow + ", OPTIONS");
    } else if (hreq.path.starts_with("/api/")) {
      api = Problem(404, "no such route");
    } else {
      api = ApiResponse();
      api.status = 204;
      api.SetHeader("Allow", "GET, HEAD, OPTIONS");
    }
    if (api.status == 204 && !options.cors_origin.empty()) {
      api.SetHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, DELETE, OPTIONS");
      api.SetHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match");
      api.SetHeader("Access-Control-Max-Age", "600");
    }
    Finish("unmatched", hreq, api, res, start);
  });
}

Server::Server(GraphStore& store, ExtractFn extract, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(extract), std::move(options))) {
  Impl& s = *impl_;
  const ServerOptions& o = s.options;
  httplib::Server& http = s.http;
  // Without TCP_NODELAY small responses wait for delayed ACKs (~40 ms).
  http.set_tcp_nodelay(true);
  // httplib's own pool only hands accepted sockets to the gate.
  http.new_task_queue = [] { return new httplib::ThreadPool(2); };
  http.set_read_timeout(o.read_timeout_seconds, 0);
  http.set_write_timeout(o.write_timeout_seconds, 0);
  // Bounds non-chunked bodies before they are read (the upload route counts
  // chunked ones itself; other routes refuse chunked bodies below).
  http.set_payload_max_length(s.DrainCap());

  httplib::Headers defaults = {{"X-Content-Type-Options", "nosniff"},
                               {"Cache-Control", "no-cache"},
                               {"Referrer-Policy", "no-referrer"}};
  if (!o.cors_origin.empty()) {
    defaults.emplace("Access-Control-Allow-Origin", o.cors_origin);
    defaults.emplace("Access-Control-Expose-Headers", "ETag, Location");
    defaults.emplace("Vary", "Origin");
  }
  http.set_default_headers(std::move(defaults));

  http.set_pre_routing_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
    // httplib compresses with brotli at its top quality whenever a client
    // accepts it: ~3 s for the viewer's 400 KB bundle, and milliseconds on
    // every JSON page. Offer it gzip only (about 40x cheaper, still small).
    // `req` is httplib's own mutable request object; only the header is touched.
    auto& headers = const_cast<httplib::Request&>(req).headers;
    if (auto it = headers.find("Accept-Encoding"); it != headers.end()) {
      it->second = it->second.find("gzip") != std::string::npos ? "gzip" : "identity";
    }
    // Only the upload route reads a chunked body, through its counting
    // reader; anywhere else httplib would buffer it without bound.
    if (IsChunked(req) && !(req.method == "POST" && req.path == kUploadPath)) {
      ApiResponse api = Problem(411, "chunked request bodies are accepted only by POST " +
                                         std::string(kUploadPath));
      api.SetHeader("Connection", "close");
      WriteResponse(api, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    // httplib does not read the body of a GET; its bytes would be parsed
    // as the next request on this connection.
    bool bodiless = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
    std::string length = req.get_header_value("Content-Length");
    if (bodiless && !length.empty() && length != "0") {
      ApiResponse api = Problem(400, req.method + " requests take no body");
      api.SetHeader("Connection", "close");
      WriteResponse(api, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }));
  // httplib's own errors (400 malformed request, 413 over the payload cap,
  // 414 long URI) get a problem body; ours already have one.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        WriteResponse(Problem(res.status, ReasonPhrase(res.status)), res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  // A safety net: handlers already catch (Impl::Run). Never echoes what()
  // to the client (CVE-2026-28434); logs it.
  http.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::cerr << "negograph serve: unhandled exception in " << req.method << " " << req.path
                  << ": " << what << "\n";
        WriteResponse(Problem(500, "internal error; see the server log"), res);
      });
  s.Register();
}

Server::~Server() { Stop(); }

Status Server::Start() {
  Impl& s = *impl_;
  if (s.started) return Status::FailedPrecondition("server already started");
  const ServerOptions& o = s.options;
  if (o.port == 0) {
    s.port = s.http.bind_to_any_port(o.host);
  } else {
    s.port = s.http.bind_to_port(o.host, o.port) ? o.port : -1;
  }
  if (s.port <= 0) {
    return Status::IOError("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                           " (address in use or not local?)");
  }
  s.http.RaiseBacklog(1024);
  GateOptions g;
  g.max_head_bytes = o.max_header_bytes;
  g.max_headers = o.max_headers;
  g.head_timeout_ms = o.head_timeout_seconds * 1000;
  g.keep_alive_ms = o.keep_alive_seconds * 1000;
  g.max_connections = o.max_connections;
  g.max_per_client = o.max_connections_per_client;
  g.pressure_connections = o.pressure_connections;
  g.keep_alive_max_requests = o.keep_alive_max_requests;
  g.read_timeout_ms = o.read_timeout_seconds * 1000;
  g.write_timeout_ms = o.write_timeout_seconds * 1000;
  g.workers = o.threads > 0 ? o.threads : 32;
  s.gate = std::make_unique<ConnectionGate>(g, [&s](httplib::Stream& stream, bool close,
                                                    bool& closed) {
    return s.http.ServeOne(stream, close, closed);
  });
  s.http.gate = s.gate.get();
  s.started = true;
  s.thread = std::thread([&s] { s.http.listen_after_bind(); });
  // httplib 0.11 has no wait_until_ready: poll.
  for (int i = 0; i < 5000 && !s.http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!s.http.is_running()) {
    Stop();
    return Status::IOError("server did not start");
  }
  return Status::Ok();
}

void Server::Stop() {
  Impl& s = *impl_;
  if (!s.started) return;
  s.http.stop();
  if (s.thread.joinable()) s.thread.join();
  if (s.gate) s.gate->Stop();
  s.started = false;
}

int Server::port() const { return impl_->port; }

const ServerOptions& Server::options() const { return impl_->options; }

std::vector<RouteInfo> Server::Routes() {
  std::vector<RouteInfo> out;
  for (const Route& r : ApiRoutes()) out.push_back({r.method, r.openapi_path});
  return out;
}

}  // namespace negograph::api
