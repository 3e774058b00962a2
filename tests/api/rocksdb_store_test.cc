// The API over the default RocksDB store: what is uploaded survives a
// restart, and the same text after a restart is still the same document.
#include <set>

#include "graph/rocksdb/rocksdb_store.h"
#include "tests/api/api_fixture.h"
#include "tests/common/temp_dir.h"

namespace negograph::testing {
namespace {

using nlohmann::json;

TEST_CASE("the API over RocksDB keeps uploads across a restart", "[api][rocksdb]") {
  TempDir tmp;
  const char* text = "usa offer arms_control\nrussia reject nato_enlargement\n";
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  api::ServerOptions options;
  options.port = 0;
  options.token = kToken;
  std::string id;
  {
    StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(tmp.path() / "db");
    INFO(store.status().ToString());
    REQUIRE(store.ok());
    FillStore(**store);
    api::Server server(**store, FakeExtract, options);
    REQUIRE(server.Start().ok());
    httplib::Client client("127.0.0.1", server.port());
    httplib::Result up = client.Post("/api/v1/documents?name=kept", auth, text, "text/plain");
    REQUIRE(up);
    REQUIRE(up->status == 201);
    id = json::parse(up->body)["id"];
    REQUIRE(json::parse(client.Get("/api/v1/positions?limit=1000")->body)["items"].size() == 13);
  }
  StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(tmp.path() / "db");
  REQUIRE(store.ok());
  api::Server server(**store, FakeExtract, options);
  REQUIRE(server.Start().ok());
  httplib::Client client("127.0.0.1", server.port());
  json doc = json::parse(client.Get(("/api/v1/documents/" + id).c_str())->body);
  REQUIRE(doc["name"] == "kept");
  REQUIRE(doc["items"].size() == 2);
  httplib::Result again = client.Post("/api/v1/documents", auth, text, "text/plain");
  REQUIRE(again->status == 200);
  REQUIRE(json::parse(again->body)["id"] == id);
  // Pages over RocksDB lose and repeat nothing either.
  std::set<std::string> seen;
  std::string cursor;
  do {
    std::string url = "/api/v1/positions?limit=4" + (cursor.empty() ? "" : "&cursor=" + cursor);
    json page = json::parse(client.Get(url.c_str())->body);
    for (const json& p : page["items"]) REQUIRE(seen.insert(p["id"].get<std::string>()).second);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
  } while (!cursor.empty());
  REQUIRE(seen.size() == 13);
  REQUIRE(client.Delete(("/api/v1/documents/" + id).c_str(), auth)->status == 204);
  REQUIRE(client.Get("/metrics")->body.find("negograph_store_positions 11") != std::string::npos);
}

TEST_CASE("negograph serve documents its token sources and refuses a missing token file",
          "[api][cli]") {
  CommandResult help = RunNegograph("serve --help");
  REQUIRE(help.exit_code == 0);
  REQUIRE(help.out.find("NEGOGRAPH_API_TOKEN") != std::string::npos);
  REQUIRE(help.out.find("--token-file") != std::string::npos);
  TempDir tmp;
  CommandResult missing = RunNegograph("serve --memory --port 0 --token-file '" +
                                       (tmp.path() / "nope").string() + "'");
  REQUIRE(missing.exit_code == 2);
  REQUIRE(missing.err.find("token") != std::string::npos);
  WriteFile(tmp.path() / "short", "abc\n");
  CommandResult short_token = RunNegograph("serve --memory --port 0 --token-file '" +
                                           (tmp.path() / "short").string() + "'");
  REQUIRE(short_token.exit_code == 2);
}

}  // namespace
}  // namespace negograph::testing
