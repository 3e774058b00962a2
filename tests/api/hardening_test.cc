// Issue 15: the server holds against hostile clients (header floods, slow
// heads, many idle connections, one address hogging connections) and the
// small input defects stay fixed (strict dates, duplicate JSON keys,
// OPTIONS, the 415 that says how to pass lang=).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/api/api_fixture.h"

namespace negograph::testing {
namespace {

// A raw loopback connection, for what httplib's client will not send.
class RawConn {
 public:
  explicit RawConn(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    timeval tv{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~RawConn() { ::close(fd_); }
  bool ok() const { return ok_; }
  bool Send(std::string_view bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
  }
  // The status code of the first response line, 0 when the connection
  // closed (or timed out) without one.
  int Status() {
    std::string got;
    char buf[512];
    while (got.find("\r\n") == std::string::npos) {
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return 0;
      got.append(buf, static_cast<size_t>(n));
    }
    return std::atoi(got.c_str() + got.find(' ') + 1);
  }

 private:
  int fd_;
  bool ok_ = false;
};

}  // namespace

TEST_CASE("request heads over the caps are refused with 431 before they are buffered",
          "[api][hardening]") {
  ApiFixture f;
  SECTION("too many headers") {
    std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 500; ++i) head += "X-h" + std::to_string(i) + ": v\r\n";
    RawConn c(f.server->port());
    REQUIRE(c.Send(head + "\r\n"));
    CHECK(c.Status() == 431);
  }
  SECTION("one endless header line, never finished") {
    RawConn c(f.server->port());
    REQUIRE(c.Send("GET /healthz HTTP/1.1\r\nX-long: " + std::string(64 << 10, 'a')));
    CHECK(c.Status() == 431);
  }
  SECTION("a head within the caps is served") {
    RawConn c(f.server->port());
    REQUIRE(c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-a: " + std::string(4000, 'a') + "\r\n\r\n"));
    CHECK(c.Status() == 200);
  }
}

TEST_CASE("slow and idle connections do not hold the workers", "[api][hardening]") {
  api::ServerOptions o;
  o.threads = 2;
  o.head_timeout_seconds = 1;
  o.max_connections_per_client = 0;
  ApiFixture f(o);
  std::vector<std::unique_ptr<RawConn>> slow;
  for (int i = 0; i < 60; ++i) {
    slow.push_back(std::make_unique<RawConn>(f.server->port()));
    REQUIRE(slow.back()->Send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));  // never finished
  }
  auto start = std::chrono::steady_clock::now();
  httplib::Result res = f.Get("/healthz");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(900));
  SECTION("an unfinished head is answered 408 after the head deadline") {
    CHECK(slow[0]->Status() == 408);
  }
  SECTION("a head sent byte by byte within the deadline is served") {
    RawConn c(f.server->port());
    for (char ch : std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")) {
      REQUIRE(c.Send(std::string(1, ch)));
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(c.Status() == 200);
  }
}

TEST_CASE("connections past the per-address cap are answered 503 at once", "[api][hardening]") {
  api::ServerOptions o;
  o.max_connections_per_client = 3;
  ApiFixture f(o);
  std::vector<std::unique_ptr<RawConn>> held;
  for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<RawConn>(f.server->port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  RawConn extra(f.server->port());
  REQUIRE(extra.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  CHECK(extra.Status() == 503);
  held.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  RawConn later(f.server->port());
  REQUIRE(later.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  CHECK(later.Status() == 200);
}

TEST_CASE("keep-alive connections serve many requests", "[api][hardening]") {
  ApiFixture f;
  for (int i = 0; i < 50; ++i) {
    httplib::Result res = f.Get("/healthz");
    REQUIRE(res);
    REQUIRE(res->status == 200);
  }
}

TEST_CASE("OPTIONS says which methods a path takes", "[api][hardening]") {
  ApiFixture f;
  httplib::Result res = f.client->Options("/api/v1/documents");
  REQUIRE(res);
  CHECK(res->status == 204);
  CHECK(res->get_header_value("Allow").find("POST") != std::string::npos);
  CHECK(res->get_header_value("Allow").find("OPTIONS") != std::string::npos);
  CHECK_FALSE(res->has_header("Access-Control-Allow-Origin"));
  RequireProblem(f.client->Options("/api/v1/nothing-here"), 404);
}

TEST_CASE("uploads refuse impossible dates and repeated JSON keys", "[api][hardening]") {
  ApiFixture f;
  const std::string text = "usa offer arms_control\n";
  for (const char* date : {"9999-99-99", "2022-13-01", "2022-02-29", "2022-04-31", "2022-00"}) {
    INFO(date);
    RequireProblem(f.client->Post(("/api/v1/documents?date=" + std::string(date)).c_str(),
                                  f.Auth(), text, "text/plain"),
                   400);
  }
  httplib::Result leap = f.client->Post("/api/v1/documents?date=2024-02-29", f.Auth(), text, "text/plain");
  REQUIRE(leap);
  CHECK(leap->status == 201);
  RequireProblem(f.client->Post("/api/v1/documents", f.Auth(),
                                R"({"text":"usa offer arms_control","text":"other"})",
                                "application/json"),
                 400);
}

TEST_CASE("an upload in no known language is a 415 that says how to pass lang=",
          "[api][hardening]") {
  std::unique_ptr<GraphStore> store = NewMemoryStore();
  api::ServerOptions o;
  o.port = 0;
  o.token = kToken;
  api::Server server(*store, [](const Document&) -> StatusOr<DocumentExtraction> {
    return Status::Unsupported("language 'und' (neither German nor English function words found)");
  }, o);
  REQUIRE(server.Start().ok());
  httplib::Client client("127.0.0.1", server.port());
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  httplib::Result res = client.Post("/api/v1/documents", auth, "xyzzy plugh", "text/plain");
  RequireProblem(res, 415);
  CHECK(res->body.find("lang=en") != std::string::npos);
}

}  // namespace negograph::testing
