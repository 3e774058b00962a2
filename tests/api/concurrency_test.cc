// Readers running while a writer uploads and deletes see the old or the new
// state, never half a document.
#include <atomic>
#include <thread>

#include "tests/api/api_fixture.h"

namespace negograph::testing {
namespace {

using nlohmann::json;

TEST_CASE("concurrent readers see whole documents while a writer uploads and deletes", "[api]") {
  ApiFixture f;
  // A document of kLines positions, all quoting "flux": a reader must see
  // either none or all of them.
  constexpr int kLines = 20;
  std::string text;
  for (int i = 0; i < kLines; ++i) text += "usa offer flux_issue_" + std::to_string(i) + "\n";

  std::atomic<bool> stop{false};
  std::atomic<int> reads{0};
  std::atomic<int> bad{0};
  auto reader = [&] {
    httplib::Client client("127.0.0.1", f.server->port());
    while (!stop) {
      httplib::Result res = client.Get("/api/v1/positions?actor=usa&q=flux&limit=1000");
      if (!res || res->status != 200) {
        ++bad;
        continue;
      }
      json j = json::parse(res->body, nullptr, false);
      if (j.is_discarded() || !j["items"].is_array()) {
        ++bad;
        continue;
      }
      size_t n = j["items"].size();
      if (n != 0 && n != static_cast<size_t>(kLines)) ++bad;
      httplib::Result docs = client.Get("/api/v1/documents");
      if (!docs || docs->status != 200 || json::parse(docs->body, nullptr, false).is_discarded()) {
        ++bad;
      }
      ++reads;
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i) readers.emplace_back(reader);

  httplib::Client writer("127.0.0.1", f.server->port());
  int cycles = 0;
  for (; cycles < 25; ++cycles) {
    httplib::Result up = writer.Post("/api/v1/documents", f.Auth(), text, "text/plain");
    REQUIRE(up);
    REQUIRE(up->status == 201);
    std::string id = json::parse(up->body)["id"];
    httplib::Result del = writer.Delete(("/api/v1/documents/" + id).c_str(), f.Auth());
    REQUIRE(del);
    REQUIRE(del->status == 204);
  }
  // Give readers a chance to overlap with at least some writes.
  while (reads < 20) std::this_thread::yield();
  stop = true;
  for (std::thread& t : readers) t.join();
  REQUIRE(bad == 0);
  REQUIRE(f.GetJson("/api/v1/documents")["items"].size() == 3);
}

}  // namespace
}  // namespace negograph::testing
