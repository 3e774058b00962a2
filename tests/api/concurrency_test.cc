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
  // Odd while an upload or delete is in flight: a read that starts at an
  // odd value or ends at another one overlapped a write.
  std::atomic<uint64_t> write_gen{0};
  std::atomic<int> overlapped{0}, saw_whole{0}, saw_none{0};
  auto reader = [&] {
    httplib::Client client("127.0.0.1", f.server->port());
    while (!stop) {
      const uint64_t before = write_gen.load();
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
      if (before % 2 == 1 || write_gen.load() != before) ++overlapped;
      if (n != 0 && n != static_cast<size_t>(kLines)) ++bad;
      ++(n == 0 ? saw_none : saw_whole);
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
  while (reads == 0) std::this_thread::yield();  // the readers are running
  // At least 25 upload/delete cycles, and more (up to 500) until enough
  // reads overlapped a write and both states were seen.
  int cycles = 0;
  for (; cycles < 500 && (cycles < 25 || overlapped < 20 || saw_whole == 0 || saw_none == 0);
       ++cycles) {
    ++write_gen;
    httplib::Result up = writer.Post("/api/v1/documents", f.Auth(), text, "text/plain");
    ++write_gen;
    REQUIRE(up);
    REQUIRE(up->status == 201);
    std::string id = json::parse(up->body)["id"];
    ++write_gen;
    httplib::Result del = writer.Delete(("/api/v1/documents/" + id).c_str(), f.Auth());
    ++write_gen;
    REQUIRE(del);
    REQUIRE(del->status == 204);
  }
  stop = true;
  for (std::thread& t : readers) t.join();
  INFO(cycles << " cycles, " << reads.load() << " reads, " << overlapped.load()
              << " overlapped a write; whole " << saw_whole.load() << ", none " << saw_none.load());
  // Without overlap the test would prove nothing about isolation.
  CHECK(overlapped >= 20);
  CHECK(saw_whole > 0);
  CHECK(saw_none > 0);
  REQUIRE(bad == 0);
  REQUIRE(f.GetJson("/api/v1/documents")["items"].size() == 3);
}

}  // namespace
}  // namespace negograph::testing
