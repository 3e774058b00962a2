// Upload and delete: the token, idempotent upload, limits, content types.
#include "tests/api/api_fixture.h"

namespace negograph::testing {
namespace {

using nlohmann::json;

const char* kText = "usa demand arms_control\nrussia reject arms_control\n";

TEST_CASE("uploading a text stores it once: 201 then 200 with the same id", "[api]") {
  ApiFixture f;
  httplib::Result first =
      f.client->Post("/api/v1/documents?name=report&round=2022-01-12-brussels&date=2022-01-12",
                     f.Auth(), kText, "text/plain; charset=utf-8");
  REQUIRE(first);
  INFO(first->body);
  REQUIRE(first->status == 201);
  json a = json::parse(first->body);
  REQUIRE(a["outcome"] == "inserted");
  REQUIRE(a["id"].get<std::string>().size() == 32);
  REQUIRE(a["items"].size() == 2);
  REQUIRE(first->get_header_value("Location") == "/api/v1/documents/" + a["id"].get<std::string>());

  httplib::Result second =
      f.client->Post("/api/v1/documents?name=report", f.Auth(), kText, "text/plain");
  REQUIRE(second->status == 200);
  json b = json::parse(second->body);
  REQUIRE(b["outcome"] == "unchanged");
  REQUIRE(b["id"] == a["id"]);

  json docs = f.GetJson("/api/v1/documents")["items"];
  REQUIRE(docs.size() == 4);  // 3 seeded + 1, not 2
  json doc = f.GetJson("/api/v1/documents/" + a["id"].get<std::string>());
  REQUIRE(doc["name"] == "report");
  REQUIRE(doc["round"] == "2022-01-12-brussels");
  REQUIRE(doc["date"] == "2022-01-12");
  for (const json& p : doc["items"]) REQUIRE(p["round"] == "2022-01-12-brussels");

  SECTION("the same text as JSON is the same document") {
    json body = {{"text", kText}, {"name", "report"}};
    httplib::Result res = f.client->Post("/api/v1/documents", f.Auth(), body.dump(),
                                         "application/json");
    REQUIRE(res->status == 200);
    REQUIRE(json::parse(res->body)["id"] == a["id"]);
  }
  SECTION("the same text under another round is a 409 conflict") {
    RequireProblem(f.client->Post("/api/v1/documents?round=2022-01-10-geneva", f.Auth(), kText,
                                  "text/plain"),
                   409);
  }
  SECTION("deleting it answers 204, then 404") {
    std::string url = "/api/v1/documents/" + a["id"].get<std::string>();
    REQUIRE(f.client->Delete(url.c_str(), f.Auth())->status == 204);
    RequireProblem(f.Get(url), 404);
    RequireProblem(f.client->Delete(url.c_str(), f.Auth()), 404);
    REQUIRE(f.GetJson("/api/v1/documents")["items"].size() == 3);
  }
}

TEST_CASE("an upload as JSON carries its metadata", "[api]") {
  ApiFixture f;
  json body = {{"text", "nato offer arms_control\n"},
               {"name", "nato-note"},
               {"title", "A note"},
               {"date", "2022-01-13"},
               {"source", "https://example.org/note"}};
  httplib::Result res =
      f.client->Post("/api/v1/documents", f.Auth(), body.dump(), "application/json");
  REQUIRE(res->status == 201);
  json doc = f.GetJson("/api/v1/documents/" + json::parse(res->body)["id"].get<std::string>());
  REQUIRE(doc["title"] == "A note");
  REQUIRE(doc["source"] == "https://example.org/note");
  REQUIRE(doc["items"].size() == 1);
}

TEST_CASE("write routes need the bearer token", "[api]") {
  ApiFixture f;
  std::string doc = f.GetJson("/api/v1/documents")["items"][0]["id"];
  std::string url = "/api/v1/documents/" + doc;
  SECTION("missing token: 401 with WWW-Authenticate") {
    httplib::Result res = f.client->Post("/api/v1/documents", kText, "text/plain");
    RequireProblem(res, 401);
    REQUIRE(res->get_header_value("WWW-Authenticate").find("Bearer") == 0);
    RequireProblem(f.client->Delete(url.c_str()), 401);
  }
  SECTION("wrong token: 401") {
    httplib::Headers wrong = {{"Authorization", "Bearer test-token-0123456789abcdeX"}};
    RequireProblem(f.client->Post("/api/v1/documents", wrong, kText, "text/plain"), 401);
    RequireProblem(f.client->Delete(url.c_str(), wrong), 401);
    httplib::Headers prefix = {{"Authorization", "Bearer test-token"}};
    RequireProblem(f.client->Delete(url.c_str(), prefix), 401);
    httplib::Headers basic = {{"Authorization", std::string("Basic ") + kToken}};
    RequireProblem(f.client->Delete(url.c_str(), basic), 401);
  }
  // Nothing was written or removed.
  REQUIRE(f.GetJson("/api/v1/documents")["items"].size() == 3);
}

TEST_CASE("with no token configured, write routes answer 403", "[api]") {
  std::unique_ptr<GraphStore> store = NewMemoryStore();
  api::ServerOptions options;
  options.port = 0;
  api::Server server(*store, FakeExtract, options);
  REQUIRE(server.Start().ok());
  httplib::Client client("127.0.0.1", server.port());
  httplib::Headers any = {{"Authorization", "Bearer anything-at-all-here"}};
  RequireProblem(client.Post("/api/v1/documents", any, kText, "text/plain"), 403);
  RequireProblem(client.Delete("/api/v1/documents/0123456789abcdef0123456789abcdef", any), 403);
  REQUIRE(client.Get("/api/v1/documents")->body == R"({"items":[]})");
}

TEST_CASE("bodies over the limit are 413, chunked or not, and nothing is stored", "[api]") {
  api::ServerOptions options;
  options.max_body_bytes = 1024;
  ApiFixture f(options);
  std::string big;
  while (big.size() <= 4096) big += "usa demand arms_control\n";

  SECTION("with Content-Length") {
    RequireProblem(f.client->Post("/api/v1/documents", f.Auth(), big, "text/plain"), 413);
  }
  SECTION("chunked") {
    size_t sent = 0;
    httplib::Result res = f.client->Post(
        "/api/v1/documents", f.Auth(),
        [&](size_t, httplib::DataSink& sink) {
          if (sent < big.size()) {
            size_t n = std::min<size_t>(500, big.size() - sent);
            sink.write(big.data() + sent, n);
            sent += n;
          } else {
            sink.done();
          }
          return true;
        },
        "text/plain");
    RequireProblem(res, 413);
  }
  SECTION("chunked without a token is still refused first by the token") {
    httplib::Result res = f.client->Post(
        "/api/v1/documents",
        [&](size_t, httplib::DataSink& sink) {
          sink.write(big.data(), big.size());
          sink.done();
          return true;
        },
        "text/plain");
    RequireProblem(res, 401);
  }
  SECTION("a chunked body on any other route is refused before it is read") {
    httplib::Result res = f.client->Put(
        "/api/v1/actors", f.Auth(),
        [&](size_t, httplib::DataSink& sink) {
          sink.write(big.data(), big.size());
          sink.done();
          return true;
        },
        "text/plain");
    RequireProblem(res, 411);
  }
  SECTION("a GET with a body is refused and cannot smuggle a second request") {
    std::string smuggled = "GET /api/v1/actors HTTP/1.1\r\nHost: x\r\n\r\n";
    httplib::Request req;
    req.method = "GET";
    req.path = "/api/v1/positions";
    req.body = smuggled;
    req.set_header("Content-Type", "text/plain");
    httplib::Result res = f.client->send(req);
    RequireProblem(res, 400);
  }
  REQUIRE(f.GetJson("/api/v1/documents")["items"].size() == 3);
  // The server still answers after refusing.
  REQUIRE(f.GetJson("/healthz")["status"] == "ok");
}

TEST_CASE("uploads of another type or of bad content are refused", "[api]") {
  ApiFixture f;
  RequireProblem(f.client->Post("/api/v1/documents", f.Auth(), kText, "application/pdf"), 415);
  RequireProblem(f.client->Post("/api/v1/documents", f.Auth(), kText, "text/plain; charset=latin1"),
                 415);
  RequireProblem(f.client->Post("/api/v1/documents", f.Auth(), "{not json", "application/json"),
                 400);
  RequireProblem(f.client->Post("/api/v1/documents", f.Auth(), R"({"txt":"x"})", "application/json"),
                 400);
  RequireProblem(f.client->Post("/api/v1/documents", f.Auth(), R"({"text":42})", "application/json"),
                 400);
  RequireProblem(f.client->Post("/api/v1/documents", f.Auth(), "", "text/plain"), 400);
  RequireProblem(f.client->Post("/api/v1/documents", f.Auth(), "abc\xff\xfe", "text/plain"), 400);
  RequireProblem(
      f.client->Post("/api/v1/documents?date=yesterday", f.Auth(), kText, "text/plain"), 400);
  RequireProblem(f.client->Post("/api/v1/documents?colour=red", f.Auth(), kText, "text/plain"),
                 400);
  REQUIRE(f.GetJson("/api/v1/documents")["items"].size() == 3);
}

// A store whose every call fails as a broken disk would, with a message
// that must not reach the client.
class BrokenStore : public GraphStore {
 public:
  static Status Fail() { return Status::IOError("/secret/path/000123.sst: Input/output error"); }
  StatusOr<ApplyOutcome> Apply(const DocumentExtraction&) override { return Fail(); }
  Status RemoveDocument(std::string_view) override { return Fail(); }
  StatusOr<Document> GetDocument(std::string_view) override { return Fail(); }
  StatusOr<std::vector<Counted<Document>>> ListDocuments() override { return Fail(); }
  StatusOr<std::vector<Counted<Actor>>> ListActors() override { throw std::runtime_error("/secret/x"); }
  StatusOr<std::vector<Counted<Issue>>> ListIssues() override { return Fail(); }
  StatusOr<std::vector<Counted<Person>>> ListPeople() override { return Fail(); }
  Status PutRound(const Round&) override { return Fail(); }
  StatusOr<std::vector<Counted<Round>>> ListRounds() override { return Fail(); }
  StatusOr<Position> GetPosition(std::string_view) override { return Fail(); }
  StatusOr<PositionPage> FindPositions(const PositionFilter&) override { return Fail(); }
  Status ScanPositions(const PositionFilter&, const std::function<bool(const Position&)>&) override {
    return Fail();
  }
  StatusOr<StoreStats> Stats() override { return Fail(); }
};

TEST_CASE("store failures and exceptions are 500 without paths or messages", "[api]") {
  BrokenStore store;
  api::ServerOptions options;
  options.port = 0;
  options.token = kToken;
  api::Server server(store, FakeExtract, options);
  REQUIRE(server.Start().ok());
  httplib::Client client("127.0.0.1", server.port());
  for (const char* url : {"/api/v1/positions", "/api/v1/documents", "/api/v1/actors",
                          "/api/v1/rounds/x", "/api/v1/graph", "/api/v1/export?format=graphml"}) {
    httplib::Result res = client.Get(url);
    INFO(url);
    RequireProblem(res, 500);
    REQUIRE(res->body.find("secret") == std::string::npos);
    REQUIRE(res->body.find("sst") == std::string::npos);
  }
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  httplib::Result res = client.Post("/api/v1/documents", auth, kText, "text/plain");
  RequireProblem(res, 500);
  REQUIRE(res->body.find("secret") == std::string::npos);
  // /metrics still answers without the store counts.
  REQUIRE(client.Get("/metrics")->status == 200);
}

}  // namespace
}  // namespace negograph::testing
