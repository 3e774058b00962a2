// A document written in parts (GraphStore::BeginDocument, rocksdb_stream.cc):
// nothing is visible before Commit, then exactly what one Apply of the whole
// extraction stores (positions, counters, nodes, text); idempotent; a replace
// keeps no stale position; an abandoned or crashed writer leaves the store
// as it was and no staged files.
#include <catch2/catch.hpp>

#include <filesystem>

#include "graph/rocksdb/store_check.h"
#include "tests/store/store_test_util.h"

namespace negograph::testing {
namespace {

namespace fs = std::filesystem;

// The extraction cut into `parts` parts, each listing the nodes it uses.
std::vector<DocumentExtraction> Split(const DocumentExtraction& e, size_t parts) {
  std::vector<DocumentExtraction> out(parts);
  for (size_t i = 0; i < e.positions.size(); ++i) {
    DocumentExtraction& part = out[i * parts / e.positions.size()];
    part.document.id = e.document.id;
    const Position& p = e.positions[i];
    part.positions.push_back(p);
    part.actors.push_back({p.actor, p.actor_label, "state"});
    part.issues.push_back({p.issue, p.issue_label, false});
  }
  return out;
}

StatusOr<ApplyOutcome> WriteInParts(GraphStore& store, const DocumentExtraction& e, size_t parts) {
  StatusOr<std::unique_ptr<DocumentWriter>> w = store.BeginDocument(e.document);
  if (!w.ok()) return w.status();
  for (const DocumentExtraction& part : Split(e, parts)) {
    if (Status s = (*w)->Add(part); !s.ok()) return s;
  }
  return (*w)->Commit();
}

bool StagedFilesLeft(const fs::path& db) {
  std::error_code ec;
  return fs::exists(db / "ingest-tmp", ec) && !fs::is_empty(db / "ingest-tmp", ec);
}

// Long quotes, so that the parts are staged as several files.
DocumentExtraction Big(const std::string& text, int n, const std::string& rules) {
  DocumentExtraction e = MakeSpreadExtraction(text, n, rules, "2022-01-10-geneva");
  for (Position& p : e.positions) p.evidence.quote += std::string(20000, 'q');
  return e;
}

}  // namespace

TEST_CASE("a document written in parts stores what one Apply stores, visible only at commit",
          "[store][rocksdb][stream]") {
  TempDir dir;
  const fs::path db = dir.path() / "db";
  std::unique_ptr<GraphStore> reference = NewMemoryStore();
  // 1,200 positions of ~20 KB quotes: ~72 MB of index records, staged in
  // three 32 MB stages, so files of one column family overlap in key range.
  DocumentExtraction e = Big("streamed document", 1200, "r1");
  REQUIRE(reference->Apply(MakeSpreadExtraction("other", 7)).ok());
  REQUIRE(reference->Apply(e).ok());
  {
    StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(db);
    REQUIRE(store.ok());
    REQUIRE((*store)->Apply(MakeSpreadExtraction("other", 7)).ok());
    StatusOr<std::unique_ptr<DocumentWriter>> w = (*store)->BeginDocument(e.document);
    REQUIRE(w.ok());
    CHECK_FALSE((*w)->unchanged());
    for (const DocumentExtraction& part : Split(e, 6)) REQUIRE((*w)->Add(part).ok());
    // Staged, not visible: readers see the store as it was.
    CHECK(StagedFilesLeft(db));
    CHECK(AllPositions(**store).size() == 7);
    CHECK((*store)->Stats()->documents == 1);
    CHECK((*store)->GetDocument(e.document.id).status().code() == StatusCode::kNotFound);
    StatusOr<ApplyOutcome> outcome = (*w)->Commit();
    REQUIRE(outcome.ok());
    CHECK(*outcome == ApplyOutcome::kInserted);
    w->reset();
    CHECK_FALSE(StagedFilesLeft(db));

    CHECK(AllPositions(**store) == AllPositions(*reference));
    StatusOr<StoreStats> got = (*store)->Stats(), want = reference->Stats();
    CHECK(got->documents == want->documents);
    CHECK(got->positions == want->positions);
    CHECK(got->actors == want->actors);
    CHECK(got->issues == want->issues);
    CHECK(got->rounds == want->rounds);
    StatusOr<Document> stored = (*store)->GetDocument(e.document.id);
    REQUIRE(stored.ok());
    CHECK(stored->text == e.document.text);

    // The same document again: unchanged, nothing staged.
    StatusOr<std::unique_ptr<DocumentWriter>> again = (*store)->BeginDocument(e.document);
    REQUIRE(again.ok());
    CHECK((*again)->unchanged());
    CHECK(*(*again)->Commit() == ApplyOutcome::kUnchanged);
  }
  // Sound after a reopen: every index and counter agrees with the positions.
  StatusOr<store::CheckReport> check = store::CheckStore(db);
  REQUIRE(check.ok());
  for (const std::string& p : check->problems) INFO(p);
  CHECK(check->ok());
  CHECK(check->positions == 1207);
}

TEST_CASE("a document replaced in parts keeps no position of its old version",
          "[store][rocksdb][stream]") {
  TempDir dir;
  const fs::path db = dir.path() / "db";
  std::unique_ptr<GraphStore> reference = NewMemoryStore();
  // The new version keeps positions 0-899 (same ids), drops 900-1199 and
  // adds 1200-1999: deletes and puts meet in one ingestion.
  DocumentExtraction old_version = Big("replaced document", 1200, "r1");
  DocumentExtraction new_version = Big("replaced document", 2000, "r2");
  new_version.positions.erase(new_version.positions.begin() + 900,
                              new_version.positions.begin() + 1200);
  for (DocumentExtraction* e : {&old_version, &new_version}) REQUIRE(reference->Apply(*e).ok());
  {
    StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(db);
    REQUIRE(store.ok());
    REQUIRE(*WriteInParts(**store, old_version, 3) == ApplyOutcome::kInserted);
    StatusOr<ApplyOutcome> outcome = WriteInParts(**store, new_version, 4);
    REQUIRE(outcome.ok());
    CHECK(*outcome == ApplyOutcome::kReplaced);
    CHECK(AllPositions(**store) == AllPositions(*reference));
    CHECK((*store)->Stats()->positions == 1700);
    CHECK((*store)->Stats()->documents == 1);
  }
  StatusOr<store::CheckReport> check = store::CheckStore(db);
  REQUIRE(check.ok());
  for (const std::string& p : check->problems) INFO(p);
  CHECK(check->ok());
}

TEST_CASE("an abandoned or crashed document writer leaves the store as it was",
          "[store][rocksdb][stream]") {
  TempDir dir;
  const fs::path db = dir.path() / "db";
  DocumentExtraction e = Big("abandoned document", 1500, "r1");
  {
    StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(db);
    REQUIRE(store.ok());
    {
      StatusOr<std::unique_ptr<DocumentWriter>> w = (*store)->BeginDocument(e.document);
      REQUIRE(w.ok());
      for (const DocumentExtraction& part : Split(e, 3)) REQUIRE((*w)->Add(part).ok());
      CHECK(StagedFilesLeft(db));
    }  // destroyed without Commit
    CHECK_FALSE(StagedFilesLeft(db));
    CHECK(AllPositions(**store).empty());
    CHECK((*store)->Stats()->documents == 0);
    // A part of another document is refused.
    StatusOr<std::unique_ptr<DocumentWriter>> w = (*store)->BeginDocument(e.document);
    REQUIRE(w.ok());
    DocumentExtraction stray = MakeSpreadExtraction("someone else", 2);
    CHECK((*w)->Add(stray).code() == StatusCode::kInvalidArgument);
  }
  // What a writer killed before Commit leaves: staged files of a dead
  // process. The next writable open removes them; the store is unchanged.
  WriteFile(db / "ingest-tmp" / "999999999-0" / "0.sst", "not an sst");
  {
    StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(db);
    REQUIRE(store.ok());
    CHECK_FALSE(fs::exists(db / "ingest-tmp" / "999999999-0"));
    CHECK((*store)->Stats()->documents == 0);
    REQUIRE(*WriteInParts(**store, e, 3) == ApplyOutcome::kInserted);
    CHECK((*store)->Stats()->positions == 1500);
  }
}

TEST_CASE("the memory store takes a document in parts too", "[store][stream]") {
  std::unique_ptr<GraphStore> store = NewMemoryStore();
  DocumentExtraction e = MakeSpreadExtraction("memory parts", 30);
  REQUIRE(*WriteInParts(*store, e, 4) == ApplyOutcome::kInserted);
  CHECK(AllPositions(*store).size() == 30);
  CHECK(*WriteInParts(*store, e, 2) == ApplyOutcome::kUnchanged);
}

}  // namespace negograph::testing
