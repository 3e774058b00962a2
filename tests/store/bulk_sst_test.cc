// The SST bulk path (graph/rocksdb/sst_ingest.h): a bulk group past 1 MB is
// written as SST files and ingested, not through the WAL and memtable. It
// must store exactly what per-document Apply stores (replacements, repeats,
// counters), stay idempotent, survive a reopen, and leave no temp files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "tests/store/store_test_util.h"

namespace negograph::testing {
namespace {

namespace fs = std::filesystem;

// ~2.5 MB of bulk batch: long quotes, 300 documents of 12 positions.
std::vector<DocumentExtraction> LargeGroup(const std::string& rules) {
  std::vector<DocumentExtraction> docs;
  for (int i = 0; i < 300; ++i) {
    DocumentExtraction e = MakeSpreadExtraction("sst bulk " + std::to_string(i), 12, rules);
    for (Position& p : e.positions) p.evidence.quote += std::string(500, 'q');
    docs.push_back(std::move(e));
  }
  return docs;
}

uintmax_t WalBytes(const fs::path& db) {
  uintmax_t total = 0;
  for (const auto& f : fs::directory_iterator(db)) {
    if (f.path().extension() == ".log") total += f.file_size();
  }
  return total;
}

}  // namespace

TEST_CASE("a large bulk group goes in as SST files and stores what Apply stores",
          "[store][rocksdb]") {
  TempDir dir;
  const fs::path db = dir.path() / "db";
  std::unique_ptr<GraphStore> single = NewMemoryStore();
  std::vector<DocumentExtraction> docs = LargeGroup("r1");
  {
    StatusOr<std::unique_ptr<GraphStore>> bulk = OpenRocksDbStore(db);
    REQUIRE(bulk.ok());
    // Stored first one at a time, then replaced in bulk under other rules:
    // the bulk batch holds deletes of the old positions too.
    DocumentExtraction old = MakeSpreadExtraction("sst bulk 7", 5, "r0");
    REQUIRE((*bulk)->Apply(old).ok());
    REQUIRE(single->Apply(old).ok());
    docs.push_back(docs[3]);  // a repeat inside the same group
    const uintmax_t wal_before = WalBytes(db);
    REQUIRE((*bulk)->ApplyBulk(docs).ok());
    for (const DocumentExtraction& e : docs) REQUIRE(single->Apply(e).ok());
    CHECK(WalBytes(db) < wal_before + 100000);  // ~4 MB of records did not go through the WAL

    CHECK(AllPositions(**bulk) == AllPositions(*single));
    StoreStats stats = (*bulk)->Stats().value();
    CHECK(stats.documents == 300);
    CHECK(stats.positions == 300 * 12);
    std::map<std::string, uint64_t> actors;
    for (const Position& p : AllPositions(**bulk)) ++actors[p.actor];
    std::vector<Counted<Actor>> listed = (*bulk)->ListActors().value();
    REQUIRE(listed.size() == actors.size());
    for (const Counted<Actor>& a : listed) CHECK(a.positions == actors[a.item.id]);

    // Idempotent: the same group again changes nothing.
    REQUIRE((*bulk)->ApplyBulk(docs).ok());
    CHECK((*bulk)->Stats().value().positions == 300 * 12);
    CHECK_FALSE(fs::exists(db / "ingest-tmp"));
  }
  StatusOr<std::unique_ptr<GraphStore>> reopened = OpenRocksDbStore(db);
  REQUIRE(reopened.ok());
  CHECK(AllPositions(**reopened) == AllPositions(*single));
  CHECK((*reopened)->Stats().value().documents == 300);
}

TEST_CASE("a bulk group with a bad document keeps the whole documents before it",
          "[store][rocksdb]") {
  TempDir dir;
  StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(dir.path() / "db");
  REQUIRE(store.ok());
  std::vector<DocumentExtraction> docs = LargeGroup("r1");
  docs[250].positions[0].id = "not-hex";
  Status s = (*store)->ApplyBulk(docs);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK((*store)->Stats().value().documents == 250);
  CHECK((*store)->Stats().value().positions == 250 * 12);
}

}  // namespace negograph::testing
