// RocksDB-only behaviour: open errors, persistence, corruption, atomicity.
#include <catch2/catch.hpp>

#include "graph/rocksdb/key_codec.h"
#include "graph/rocksdb/test_hooks.h"
#include "tests/store/store_test_util.h"

namespace negograph::testing {
namespace {

using store::Cf;

std::unique_ptr<GraphStore> OpenOk(const std::filesystem::path& dir,
                                   RocksDbStoreOptions options = {}) {
  StatusOr<std::unique_ptr<GraphStore>> s = OpenRocksDbStore(dir, options);
  INFO(s.status().ToString());
  REQUIRE(s.ok());
  return std::move(*s);
}

}  // namespace

TEST_CASE("a RocksDB store keeps what it stored after reopening", "[store][rocksdb]") {
  TempDir tmp;
  DocumentExtraction e = MakeSpreadExtraction("persist me", 17, "r1", "round-a");
  {
    std::unique_ptr<GraphStore> store = OpenOk(tmp.path() / "db");
    REQUIRE(store->Apply(e).ok());
    REQUIRE(store->PutRound({"round-a", "A", "Geneva", "2022-01-10", "2022-01-10", "b", {}}).ok());
  }
  std::unique_ptr<GraphStore> store = OpenOk(tmp.path() / "db");
  CHECK(store->Stats().value().positions == 17);
  CHECK(store->Stats().value().documents == 1);
  CHECK(store->GetDocument(e.document.id).value() == e.document);
  CHECK(store->ListRounds().value().at(0).item.place == "Geneva");
  CHECK(store->Apply(e).value() == ApplyOutcome::kUnchanged);
}

TEST_CASE("opening a store refuses what is not a usable store, with a clear error",
          "[store][rocksdb]") {
  TempDir tmp;
  SECTION("a missing store without create_if_missing is NotFound") {
    RocksDbStoreOptions o;
    o.create_if_missing = false;
    auto s = OpenRocksDbStore(tmp.path() / "absent", o);
    CHECK(s.status().code() == StatusCode::kNotFound);
    CHECK(!std::filesystem::exists(tmp.path() / "absent"));
  }
  SECTION("a directory holding other files is InvalidArgument") {
    WriteFile(tmp.path() / "notes" / "a.txt", "hello");
    auto s = OpenRocksDbStore(tmp.path() / "notes");
    CHECK(s.status().code() == StatusCode::kInvalidArgument);
    CHECK_THAT(s.status().message(), Catch::Contains("no store"));
  }
  SECTION("a store open elsewhere is Busy and says so") {
    std::unique_ptr<GraphStore> first = OpenOk(tmp.path() / "db");
    auto second = OpenRocksDbStore(tmp.path() / "db");
    CHECK(second.status().code() == StatusCode::kBusy);
    CHECK_THAT(second.status().message(), Catch::Contains("another negograph process"));
  }
  SECTION("a store of a newer schema is refused and not modified") {
    {
      std::unique_ptr<GraphStore> s = OpenOk(tmp.path() / "db");
      REQUIRE(store::testing::WriteRawForTest(*s, Cf::kMeta, store::kSchemaVersionKey,
                                              store::EncodeU64(store::kSchemaVersion + 1))
                  .ok());
    }
    auto s = OpenRocksDbStore(tmp.path() / "db");
    CHECK(s.status().code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(s.status().message(), Catch::Contains("newer negograph"));
    CHECK_THAT(s.status().message(), Catch::Contains("upgrade"));
  }
  SECTION("a store of an older schema is refused with a dump-and-reload hint") {
    {
      std::unique_ptr<GraphStore> s = OpenOk(tmp.path() / "db");
      REQUIRE(store::testing::WriteRawForTest(*s, Cf::kMeta, store::kSchemaVersionKey,
                                              store::EncodeU64(0))
                  .ok());
    }
    auto s = OpenRocksDbStore(tmp.path() / "db");
    CHECK(s.status().code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(s.status().message(), Catch::Contains("re-ingest"));
  }
  SECTION("a schema-2 store (node records without labels) opens and is upgraded in place") {
    {
      std::unique_ptr<GraphStore> s = OpenOk(tmp.path() / "db");
      REQUIRE(store::testing::WriteRawForTest(*s, Cf::kMeta, store::kSchemaVersionKey,
                                              store::EncodeU64(2))
                  .ok());
    }
    { OpenOk(tmp.path() / "db"); }  // upgrades
    {
      std::unique_ptr<GraphStore> s = OpenOk(tmp.path() / "db");
      // Writing the current version again proves the open above left 3 behind:
      // a newer one would be refused, an older one rewritten.
      REQUIRE(store::testing::WriteRawForTest(*s, Cf::kMeta, store::kSchemaVersionKey,
                                              store::EncodeU64(1))
                  .ok());
    }
    auto s = OpenRocksDbStore(tmp.path() / "db");
    CHECK(s.status().code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(s.status().message(), Catch::Contains("re-ingest"));
  }
  SECTION("a damaged CURRENT file is Corruption or an IO error, never an empty graph") {
    { OpenOk(tmp.path() / "db"); }
    WriteFile(tmp.path() / "db" / "CURRENT", "MANIFEST-999999\n");
    auto s = OpenRocksDbStore(tmp.path() / "db");
    REQUIRE(!s.ok());
    CHECK((s.status().code() == StatusCode::kCorruption ||
           s.status().code() == StatusCode::kIOError ||
           s.status().code() == StatusCode::kNotFound));
  }
}

TEST_CASE("a read-only store reads but refuses writes", "[store][rocksdb]") {
  TempDir tmp;
  DocumentExtraction e = MakeSpreadExtraction("read only", 3);
  { REQUIRE(OpenOk(tmp.path() / "db")->Apply(e).ok()); }
  RocksDbStoreOptions o;
  o.read_only = true;
  std::unique_ptr<GraphStore> store = OpenOk(tmp.path() / "db", o);
  CHECK(store->Stats().value().positions == 3);
  CHECK(store->Apply(MakeSpreadExtraction("other", 2)).status().code() ==
        StatusCode::kFailedPrecondition);
  CHECK(store->RemoveDocument(e.document.id).code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("garbage bytes in a stored position read as Corruption", "[store][rocksdb]") {
  TempDir tmp;
  std::unique_ptr<GraphStore> store = OpenOk(tmp.path() / "db");
  DocumentExtraction e = MakeSpreadExtraction("to corrupt", 5);
  REQUIRE(store->Apply(e).ok());
  const std::string& id = e.positions[2].id;
  std::string garbage = GENERATE(std::string("\x01\xff\xff\xff", 4), std::string("\x07zz"),
                                 std::string());
  REQUIRE(store::testing::WriteRawForTest(*store, Cf::kEdge, store::PositionKey(id), garbage)
              .ok());
  CHECK(store->GetPosition(id).status().code() == StatusCode::kCorruption);
  PositionFilter f;
  f.limit = 0;
  CHECK(store->FindPositions(f).status().code() == StatusCode::kCorruption);
  f.actor = e.positions[2].actor;
  // by_actor is covering (FORMAT.md, schema 2): its copy of the record is
  // what a page by actor reads, so it is damaged too.
  REQUIRE(store::testing::WriteRawForTest(
              *store, Cf::kByActor,
              store::NodePrefix(NodeKind::kActor, f.actor) + store::PositionKey(id), garbage)
              .ok());
  CHECK(store->FindPositions(f).status().code() == StatusCode::kCorruption);
  CHECK(store->GetPosition(e.positions[0].id).ok());
}

TEST_CASE("a write dropped before commit leaves nothing behind", "[store][rocksdb]") {
  TempDir tmp;
  std::unique_ptr<GraphStore> store = OpenOk(tmp.path() / "db");
  DocumentExtraction e = MakeSpreadExtraction("atomic", 20, "r1", "round-a");
  SECTION("insert") {
    REQUIRE(store::testing::DropNextWriteForTest(*store).ok());
    CHECK(store->Apply(e).status().code() == StatusCode::kIOError);
    CHECK(store->GetDocument(e.document.id).status().code() == StatusCode::kNotFound);
    CHECK(store->Stats().value().positions == 0);
    CHECK(store->Stats().value().documents == 0);
    CHECK(store->ListActors().value().empty());
    CHECK(store->ListRounds().value().empty());
    CHECK(store->Apply(e).value() == ApplyOutcome::kInserted);
  }
  SECTION("replace") {
    REQUIRE(store->Apply(e).ok());
    DocumentExtraction next = MakeSpreadExtraction("atomic", 4, "r2", "round-b");
    REQUIRE(store::testing::DropNextWriteForTest(*store).ok());
    CHECK(!store->Apply(next).ok());
    CHECK(store->GetDocument(e.document.id).value().rules_version == "r1");
    CHECK(store->Stats().value().positions == 20);
    PositionFilter f;
    f.round = "round-a";
    f.limit = 0;
    CHECK(store->FindPositions(f).value().items.size() == 20);
  }
  SECTION("remove") {
    REQUIRE(store->Apply(e).ok());
    REQUIRE(store::testing::DropNextWriteForTest(*store).ok());
    CHECK(!store->RemoveDocument(e.document.id).ok());
    CHECK(store->Stats().value().positions == 20);
    CHECK(store->GetPosition(e.positions[7].id).ok());
  }
}

}  // namespace negograph::testing
