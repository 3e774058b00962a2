// Issue 15: a store survives crashes and damage honestly. Atomic creation,
// WAL damage refused (never opened silently with less), flush on close,
// `check` finding injected faults and `check --repair` fixing them, and a
// reader opened beside a writer.
#include <catch2/catch.hpp>

#include <fstream>

#include "graph/rocksdb/key_codec.h"
#include "graph/rocksdb/store_check.h"
#include "graph/rocksdb/test_hooks.h"
#include "tests/store/store_test_util.h"

namespace negograph::testing {
namespace {

namespace fs = std::filesystem;
using store::Cf;

std::unique_ptr<GraphStore> OpenOk(const fs::path& dir, RocksDbStoreOptions options = {}) {
  StatusOr<std::unique_ptr<GraphStore>> s = OpenRocksDbStore(dir, options);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(*s);
}

// Copies a store that is open elsewhere, as a crash would leave it (the
// LOCK file is left behind: it belongs to the live process).
void CopyStore(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (const fs::directory_entry& e : fs::directory_iterator(from)) {
    if (e.path().filename() == "LOCK") continue;
    fs::copy(e.path(), to / e.path().filename(), fs::copy_options::recursive);
  }
}

std::vector<fs::path> WalFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".log" && fs::file_size(e.path()) > 0) out.push_back(e.path());
  }
  return out;
}

// Overwrites `n` bytes at `offset` with a pattern that is no valid record.
void Damage(const fs::path& file, size_t offset, size_t n) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(offset));
  for (size_t i = 0; i < n; ++i) f.put(static_cast<char>(0x5a ^ i));
}

}  // namespace

TEST_CASE("creating a store leaves no half-made directory behind", "[store][rocksdb]") {
  TempDir tmp;
  SECTION("a new store appears complete, with no build directory beside it") {
    OpenOk(tmp.path() / "db");
    CHECK(fs::exists(tmp.path() / "db" / "CURRENT"));
    size_t entries = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) entries += e.path() != tmp.path() / "db";
    CHECK(entries == 0);
  }
  SECTION("an empty directory given as the store becomes the store") {
    fs::create_directories(tmp.path() / "empty");
    std::unique_ptr<GraphStore> s = OpenOk(tmp.path() / "empty");
    CHECK(s->Stats().ok());
  }
  SECTION("a build directory left by a dead process is removed") {
    fs::path stale = tmp.path() / ".db.creating.999999999";
    WriteFile(stale / "MANIFEST-000001", "half");
    OpenOk(tmp.path() / "db");
    CHECK_FALSE(fs::exists(stale));
  }
}

TEST_CASE("a store whose write-ahead log is damaged is refused, then salvaged by repair",
          "[store][rocksdb]") {
  TempDir tmp;
  const int kDocs = 200;
  std::unique_ptr<GraphStore> live = OpenOk(tmp.path() / "live");
  for (int i = 0; i < kDocs; ++i) {
    REQUIRE(live->Apply(MakeSpreadExtraction("document " + std::to_string(i), 5)).ok());
  }
  fs::path db = tmp.path() / "db";
  CopyStore(tmp.path() / "live", db);  // documents live only in the WAL here
  std::vector<fs::path> wal = WalFiles(db);
  REQUIRE(wal.size() == 1);
  Damage(wal[0], fs::file_size(wal[0]) / 3, 64);

  auto opened = OpenRocksDbStore(db);
  CHECK(opened.status().code() == StatusCode::kCorruption);
  CHECK_THAT(opened.status().message(), Catch::Contains("check --repair"));
  // Readers and `check` must not see the damaged store as a smaller sound one.
  StatusOr<store::CheckReport> checked = store::CheckStore(db);
  CHECK((!checked.ok() || !checked->ok()));

  StatusOr<store::RepairReport> repaired = store::RepairStore(db);
  INFO(repaired.status().ToString());
  REQUIRE(repaired.ok());
  CHECK_FALSE(repaired->wal_notes.empty());
  CHECK(repaired->documents_rebuilt > 0);
  CHECK(repaired->documents_rebuilt < kDocs);
  CHECK(repaired->after.ok());
  CHECK(fs::exists(repaired->backup));
  std::unique_ptr<GraphStore> after = OpenOk(db);
  CHECK(after->Stats().value().documents == repaired->documents_rebuilt);
  CHECK(after->Stats().value().positions == repaired->documents_rebuilt * 5);
}

TEST_CASE("closing a store flushes it, so later WAL damage loses nothing", "[store][rocksdb]") {
  TempDir tmp;
  fs::path db = tmp.path() / "db";
  {
    std::unique_ptr<GraphStore> s = OpenOk(db);
    for (int i = 0; i < 50; ++i) REQUIRE(s->Apply(MakeSpreadExtraction("doc " + std::to_string(i), 3)).ok());
  }
  for (const fs::path& w : WalFiles(db)) Damage(w, 0, std::min<size_t>(64, fs::file_size(w)));
  std::unique_ptr<GraphStore> s = OpenOk(db);
  CHECK(s->Stats().value().documents == 50);
  CHECK(s->Stats().value().positions == 150);
}

TEST_CASE("check finds damaged counters and repair rebuilds them", "[store][rocksdb]") {
  TempDir tmp;
  fs::path db = tmp.path() / "db";
  {
    std::unique_ptr<GraphStore> s = OpenOk(db);
    for (int i = 0; i < 20; ++i) REQUIRE(s->Apply(MakeSpreadExtraction("doc " + std::to_string(i), 4)).ok());
  }
  StatusOr<store::CheckReport> clean = store::CheckStore(db);
  REQUIRE(clean.ok());
  INFO(clean->problems.size() << " problems, first: "
                              << (clean->problems.empty() ? "" : clean->problems[0]));
  CHECK(clean->ok());
  CHECK(clean->documents == 20);
  CHECK(clean->positions == 80);
  CHECK(clean->index_lookups > 20);
  {
    std::unique_ptr<GraphStore> s = OpenOk(db);
    REQUIRE(store::testing::WriteRawForTest(*s, Cf::kCounts,
                                            store::NodeKey(NodeKind::kActor, "usa"),
                                            store::EncodeU64(999))
                .ok());
    REQUIRE(store::testing::WriteRawForTest(*s, Cf::kCounts, store::kDocumentsCounterKey,
                                            store::EncodeU64(7))
                .ok());
  }
  StatusOr<store::CheckReport> broken = store::CheckStore(db);
  REQUIRE(broken.ok());
  REQUIRE(broken->problems.size() >= 2);
  std::string all;
  for (const std::string& p : broken->problems) all += p + "\n";
  CHECK_THAT(all, Catch::Contains("actor usa: counter says 999"));
  CHECK_THAT(all, Catch::Contains("store totals say 7 documents"));

  StatusOr<store::RepairReport> repaired = store::RepairStore(db);
  REQUIRE(repaired.ok());
  CHECK(repaired->documents_rebuilt == 20);
  CHECK(repaired->positions_rebuilt == 80);
  CHECK(repaired->after.ok());
}

TEST_CASE("a reader opens beside a writer and sees what was committed", "[store][rocksdb]") {
  TempDir tmp;
  fs::path db = tmp.path() / "db";
  std::unique_ptr<GraphStore> writer = OpenOk(db);
  for (int i = 0; i < 30; ++i) REQUIRE(writer->Apply(MakeSpreadExtraction("doc " + std::to_string(i), 2)).ok());
  RocksDbStoreOptions ro;
  ro.read_only = true;
  ro.create_if_missing = false;
  for (int round = 0; round < 3; ++round) {
    std::unique_ptr<GraphStore> reader = OpenOk(db, ro);
    CHECK(reader->Stats().value().documents == static_cast<uint64_t>(30 + round * 10));
    for (int i = 0; i < 10; ++i) {
      REQUIRE(writer->Apply(MakeSpreadExtraction("more " + std::to_string(round * 10 + i), 2)).ok());
    }
    CHECK(reader->Apply(MakeSpreadExtraction("refused", 1)).status().code() != StatusCode::kOk);
  }
}

}  // namespace negograph::testing
