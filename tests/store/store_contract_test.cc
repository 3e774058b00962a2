// One contract suite, run against the memory store and the RocksDB store.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "tests/store/store_test_util.h"

namespace negograph::testing {
namespace {

std::vector<Position> All(GraphStore& store, PositionFilter f = {}) {
  f.limit = 0;
  StatusOr<PositionPage> page = store.FindPositions(f);
  REQUIRE(page.ok());
  REQUIRE(page->next_cursor.empty());
  return page->items;
}

std::vector<std::string> Ids(const std::vector<Position>& ps) {
  std::vector<std::string> ids;
  for (const Position& p : ps) ids.push_back(p.id);
  return ids;
}

template <typename T>
std::map<std::string, uint64_t> CountsOf(const StatusOr<std::vector<Counted<T>>>& list) {
  REQUIRE(list.ok());
  std::map<std::string, uint64_t> m;
  for (const Counted<T>& c : *list) m[c.item.id] = c.positions;
  return m;
}

// Counts recomputed from the stored positions: the store's own counters
// must agree with them after any sequence of writes.
void RequireCountsMatchPositions(GraphStore& store) {
  std::map<std::string, uint64_t> actors, issues;
  for (const Position& p : All(store)) ++actors[p.actor], ++issues[p.issue];
  CHECK(CountsOf(store.ListActors()) == actors);
  CHECK(CountsOf(store.ListIssues()) == issues);
  StatusOr<StoreStats> stats = store.Stats();
  REQUIRE(stats.ok());
  CHECK(stats->positions == All(store).size());
}

}  // namespace

TEMPLATE_TEST_CASE("a store keeps every field of what it is given", "[store]", MemoryFactory,
                   RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  REQUIRE(store);
  Document d = MakeDoc("Sherman demanded a halt to the exercises.", "r1", "2022-01-10-geneva");
  Position p = MakePosition(d, 3, "usa", Stance::kThreaten, "open:exercises", "Sherman said");
  p.open_issue = true;
  p.speaker = "wendy_sherman";
  p.speaker_label = "Wendy Sherman";
  p.target = "russia";
  p.condition = "if Russia takes the same steps";
  p.negated = true;
  p.evidence.cue = {5, 12};
  p.evidence.actor_span = {0, 7};
  p.evidence.issue_span = {30, 39};
  p.confidence = 0.25f;
  DocumentExtraction e = MakeExtraction(d, {p});
  e.issues = {{"open:exercises", "exercises", true}};
  e.people = {{"wendy_sherman", "Wendy Sherman", "usa", "Deputy Secretary of State"}};
  Round r{"2022-01-10-geneva", "Strategic Stability Dialogue", "Geneva", "2022-01-10",
          "2022-01-10", "bilateral", {"usa", "russia"}};
  REQUIRE(store->PutRound(r).ok());
  REQUIRE(store->Apply(e).value() == ApplyOutcome::kInserted);

  CHECK(store->GetPosition(p.id).value() == p);
  CHECK(store->GetDocument(d.id).value() == d);
  auto docs = store->ListDocuments();
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 1);
  Document no_text = d;
  no_text.text.clear();
  CHECK(docs->at(0).item == no_text);
  CHECK(docs->at(0).positions == 1);
  auto rounds = store->ListRounds();
  REQUIRE(rounds.ok());
  REQUIRE(rounds->size() == 1);
  CHECK(rounds->at(0).item == r);
  CHECK(rounds->at(0).positions == 1);
  CHECK(store->ListActors().value().at(0).item == e.actors[0]);
  CHECK(store->ListIssues().value().at(0).item == e.issues[0]);
  CHECK(store->ListPeople().value().at(0).item == e.people[0]);
  CHECK(store->ListPeople().value().at(0).positions == 1);
  CHECK(store->GetPosition("0123456789abcdef").status().code() == StatusCode::kNotFound);
  CHECK(store->GetDocument("nope").status().code() == StatusCode::kNotFound);
}

TEMPLATE_TEST_CASE("applying the same document twice changes nothing", "[store]",
                   MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  DocumentExtraction e = MakeSpreadExtraction("text one", 12);
  REQUIRE(store->Apply(e).value() == ApplyOutcome::kInserted);
  StoreStats before = store->Stats().value();
  REQUIRE(store->Apply(e).value() == ApplyOutcome::kUnchanged);
  StoreStats after = store->Stats().value();
  CHECK(after.documents == 1);
  CHECK(after.positions == 12);
  CHECK(before.positions == after.positions);
  CHECK(before.actors == after.actors);
  CHECK(before.issues == after.issues);
  RequireCountsMatchPositions(*store);
}

TEMPLATE_TEST_CASE("a new rules version replaces a document's positions and index entries",
                   "[store]", MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  Document d1 = MakeDoc("same text", "r1", "round-a");
  Position gone = MakePosition(d1, 0, "usa", Stance::kDemand, "missiles");
  Position kept = MakePosition(d1, 1, "russia", Stance::kReject, "missiles");
  REQUIRE(store->Apply(MakeExtraction(d1, {gone, kept})).value() == ApplyOutcome::kInserted);
  REQUIRE(store->Apply(MakeSpreadExtraction("another doc", 5)).ok());

  Document d2 = MakeDoc("same text", "r2", "round-b");
  Position kept2 = MakePosition(d2, 1, "russia", Stance::kReject, "missiles");
  Position added = MakePosition(d2, 2, "nato", Stance::kOffer, "exercises");
  REQUIRE(store->Apply(MakeExtraction(d2, {kept2, added})).value() == ApplyOutcome::kReplaced);

  CHECK(store->GetPosition(gone.id).status().code() == StatusCode::kNotFound);
  CHECK(store->GetPosition(kept2.id).value().round == "round-b");
  CHECK(store->GetDocument(d1.id).value().rules_version == "r2");
  PositionFilter by_doc;
  by_doc.doc = d1.id;
  std::vector<std::string> want = {kept2.id, added.id};
  std::sort(want.begin(), want.end());
  CHECK(Ids(All(*store, by_doc)) == want);
  PositionFilter old_round;
  old_round.round = "round-a";
  CHECK(All(*store, old_round).empty());
  PositionFilter usa_missiles;
  usa_missiles.actor = "usa";
  usa_missiles.issue = "missiles";
  for (const Position& p : All(*store, usa_missiles)) CHECK(p.id != gone.id);
  CHECK(store->Stats().value().documents == 2);
  CHECK(store->Stats().value().positions == 7);
  auto rounds = CountsOf(store->ListRounds());
  CHECK(rounds.count("round-a") == 0);
  CHECK(rounds["round-b"] == 2);
  RequireCountsMatchPositions(*store);
}

TEMPLATE_TEST_CASE("removing a document removes everything derived from it", "[store]",
                   MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  DocumentExtraction a = MakeSpreadExtraction("doc a", 10, "r1", "round-a");
  DocumentExtraction b = MakeSpreadExtraction("doc b", 4);
  REQUIRE(store->Apply(a).ok());
  REQUIRE(store->Apply(b).ok());
  REQUIRE(store->RemoveDocument(a.document.id).ok());
  CHECK(store->GetDocument(a.document.id).status().code() == StatusCode::kNotFound);
  for (const Position& p : a.positions) {
    CHECK(store->GetPosition(p.id).status().code() == StatusCode::kNotFound);
  }
  PositionFilter f;
  f.doc = a.document.id;
  CHECK(All(*store, f).empty());
  f = {};
  f.round = "round-a";
  CHECK(All(*store, f).empty());
  CHECK(store->Stats().value().documents == 1);
  CHECK(store->Stats().value().positions == 4);
  RequireCountsMatchPositions(*store);
  CHECK(store->RemoveDocument(a.document.id).code() == StatusCode::kNotFound);
  REQUIRE(store->RemoveDocument(b.document.id).ok());
  CHECK(store->ListActors().value().empty());
  CHECK(store->Stats().value().positions == 0);
}

TEMPLATE_TEST_CASE("filters combine with AND and match a brute-force selection", "[store]",
                   MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  std::vector<Position> everything;
  for (int i = 0; i < 4; ++i) {
    DocumentExtraction e = MakeSpreadExtraction("doc " + std::to_string(i), 30, "r1",
                                                i % 2 ? "round-odd" : "round-even");
    REQUIRE(store->Apply(e).ok());
    everything.insert(everything.end(), e.positions.begin(), e.positions.end());
  }
  std::sort(everything.begin(), everything.end(),
            [](const Position& a, const Position& b) { return a.id < b.id; });
  PositionFilter f;
  auto pick = GENERATE(range(0, 8));
  if (pick & 1) f.actor = "russia";
  if (pick & 2) f.issue = "missiles";
  if (pick & 4) f.round = "round-odd";
  auto stance_pick = GENERATE(0, 1);
  if (stance_pick) f.stance = Stance::kReject;
  auto text_pick = GENERATE(0, 1);
  if (text_pick) f.text = "with word";
  auto doc_pick = GENERATE(0, 1);
  if (doc_pick) f.doc = ContentId("doc 1");
  std::vector<std::string> expected;
  for (const Position& p : everything) {
    if (f.actor.size() && p.actor != f.actor) continue;
    if (f.issue.size() && p.issue != f.issue) continue;
    if (f.round.size() && p.round != f.round) continue;
    if (f.stance && p.stance != *f.stance) continue;
    if (f.doc.size() && p.evidence.doc_id != f.doc) continue;
    if (f.text.size() && p.evidence.quote.find("WORD") == std::string::npos) continue;
    expected.push_back(p.id);
  }
  CAPTURE(f.actor, f.issue, f.round, stance_pick, f.text, f.doc);
  CHECK(Ids(All(*store, f)) == expected);
  std::vector<std::string> scanned;
  REQUIRE(store->ScanPositions(f, [&](const Position& p) {
                   scanned.push_back(p.id);
                   return true;
                 }).ok());
  CHECK(scanned == expected);
  if (pick == 3 && !f.stance && f.text.empty() && f.doc.empty()) CHECK(!expected.empty());
}

TEMPLATE_TEST_CASE("pages neither lose nor repeat a position, even while the store changes",
                   "[store]", MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  DocumentExtraction stable = MakeSpreadExtraction("stable", 40);
  DocumentExtraction removed = MakeSpreadExtraction("removed later", 20);
  REQUIRE(store->Apply(stable).ok());
  REQUIRE(store->Apply(removed).ok());
  bool change = GENERATE(false, true);
  PositionFilter f;
  f.limit = 7;
  std::vector<std::string> seen;
  int pages = 0;
  do {
    StatusOr<PositionPage> page = store->FindPositions(f);
    REQUIRE(page.ok());
    REQUIRE(page->items.size() <= 7);
    for (const Position& p : page->items) seen.push_back(p.id);
    f.cursor = page->next_cursor;
    if (change && ++pages == 2) {
      REQUIRE(store->RemoveDocument(removed.document.id).ok());
      REQUIRE(store->Apply(MakeSpreadExtraction("added midway", 15)).ok());
    }
  } while (!f.cursor.empty());
  std::set<std::string> unique(seen.begin(), seen.end());
  CHECK(unique.size() == seen.size());
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  for (const Position& p : stable.positions) CHECK(unique.count(p.id) == 1);
  if (!change) CHECK(seen.size() == 60);

  PositionFilter bad;
  bad.cursor = "not-a-cursor";
  CHECK(store->FindPositions(bad).status().code() == StatusCode::kInvalidArgument);
}

TEMPLATE_TEST_CASE("a reader running beside a writer sees whole documents only", "[store]",
                   MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  constexpr int kDocs = 30;       // at least this many documents are written
  constexpr int kMaxDocs = 3000;  // and more until enough reads overlapped a write
  constexpr int kOverlaps = 20;
  constexpr int kPerDoc = 25;
  // Odd while a write call runs: a read that starts at an odd value or
  // ends at another value overlapped a write.
  std::atomic<uint64_t> write_gen{0};
  std::atomic<bool> done{false};
  std::atomic<int> torn{0};
  std::atomic<int> reads{0};
  std::atomic<int> overlapped{0};
  std::thread reader([&] {
    while (!done.load() || reads.load() < 3) {
      const uint64_t before = write_gen.load();
      std::map<std::string, int> per_doc;
      Status s = store->ScanPositions({}, [&](const Position& p) {
        ++per_doc[p.evidence.doc_id];
        return true;
      });
      if (before % 2 == 1 || write_gen.load() != before) ++overlapped;
      if (!s.ok()) ++torn;
      for (const auto& [doc, n] : per_doc) {
        if (n != kPerDoc) ++torn;
      }
      ++reads;
    }
  });
  auto write = [&](auto&& call) {
    ++write_gen;
    auto result = call();
    ++write_gen;
    return result;
  };
  while (reads.load() == 0) std::this_thread::yield();  // the reader is running
  int written = 0;
  for (; written < kMaxDocs && (written < kDocs || overlapped.load() < kOverlaps); ++written) {
    const int i = written;
    DocumentExtraction e = MakeSpreadExtraction("concurrent " + std::to_string(i), kPerDoc,
                                                "r1");
    REQUIRE(write([&] { return store->Apply(e); }).ok());
    if (i % 3 == 0) REQUIRE(write([&] { return store->RemoveDocument(e.document.id); }).ok());
    if (i % 3 == 1) {  // replace with the same number of positions
      DocumentExtraction again = MakeSpreadExtraction("concurrent " + std::to_string(i),
                                                      kPerDoc, "r2");
      REQUIRE(write([&] { return store->Apply(again); }).value() == ApplyOutcome::kReplaced);
    }
  }
  done = true;
  reader.join();
  INFO(written << " documents written, " << reads.load() << " reads, " << overlapped.load()
               << " of them overlapped a write");
  // Without overlap the test would prove nothing about isolation.
  CHECK(overlapped.load() >= kOverlaps);
  CHECK(torn.load() == 0);
  CHECK(store->Stats().value().documents == static_cast<uint64_t>(written - (written + 2) / 3));
  RequireCountsMatchPositions(*store);
}

TEMPLATE_TEST_CASE("bad ids are refused and nothing is stored", "[store]", MemoryFactory,
                   RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  DocumentExtraction e = MakeSpreadExtraction("ids", 3);
  // Assertions inside each SECTION: ctest runs with --warn NoAssertions.
  auto require_refused = [&store](const DocumentExtraction& bad) {
    CHECK(store->Apply(bad).status().code() == StatusCode::kInvalidArgument);
    CHECK(store->Stats().value().positions == 0);
    CHECK(store->ListDocuments().value().empty());
  };
  SECTION("document id") {
    e.document.id = "d1";
    require_refused(e);
  }
  SECTION("position id") {
    e.positions[1].id = "p1";
    require_refused(e);
  }
  SECTION("position without an issue") {
    e.positions[2].issue.clear();
    require_refused(e);
  }
}

TEMPLATE_TEST_CASE("bulk apply stores the same as one document at a time", "[store]",
                   MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> bulk = factory.Open();
  std::unique_ptr<GraphStore> single = NewMemoryStore();
  std::vector<DocumentExtraction> docs;
  for (int i = 0; i < 50; ++i) docs.push_back(MakeSpreadExtraction("bulk " + std::to_string(i), 9));
  docs.push_back(docs[3]);  // a repeat inside the same bulk
  DocumentExtraction replaced = MakeSpreadExtraction("bulk 7", 4, "r2");
  docs.push_back(replaced);
  REQUIRE(bulk->ApplyBulk(docs).ok());
  for (const DocumentExtraction& e : docs) REQUIRE(single->Apply(e).ok());
  CHECK(All(*bulk) == All(*single));
  CHECK(bulk->Stats().value().documents == 50);
  RequireCountsMatchPositions(*bulk);
}

}  // namespace negograph::testing

namespace negograph::testing {

TEMPLATE_TEST_CASE("the latest listed label of a node wins; a synthesized one never overrides",
                   "[store]", MemoryFactory, RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  auto with_label = [](const std::string& text, const std::string& label) {
    DocumentExtraction e = MakeSpreadExtraction(text, 1);  // actor "usa"
    e.actors = {{"usa", label, "state"}};
    return e;
  };
  REQUIRE(store->Apply(with_label("one", "USA")).ok());
  REQUIRE(store->Apply(with_label("two", "United States")).ok());
  CHECK(store->ListActors().value().at(0).item.label == "United States");
  REQUIRE(store->Apply(with_label("three", "USA")).ok());
  CHECK(store->ListActors().value().at(0).item.label == "USA");
  DocumentExtraction bare = MakeSpreadExtraction("four", 1);
  bare.actors.clear();  // the store synthesizes "usa" from the position
  REQUIRE(store->Apply(bare).ok());
  CHECK(store->ListActors().value().at(0).item == Actor{"usa", "USA", "state"});
  CHECK(store->ListActors().value().at(0).positions == 4);
}

TEMPLATE_TEST_CASE("a bloc keeps its members; a later extraction updates them", "[store]", MemoryFactory,
                   RocksFactory) {
  TestType factory;
  std::unique_ptr<GraphStore> store = factory.Open();
  DocumentExtraction e = MakeSpreadExtraction("bloc one", 5);
  for (Actor& a : e.actors) {
    if (a.id == "nato") a = Actor{"nato", "NATO", "alliance", Labels{"NATO", "NATO"}, {"usa", "poland"}};
  }
  REQUIRE(store->Apply(e).ok());
  auto find = [&](const std::string& id) {
    StatusOr<std::vector<Counted<Actor>>> listed = store->ListActors();
    REQUIRE(listed.ok());
    for (const auto& c : *listed) {
      if (c.item.id == id) return c.item;
    }
    return Actor{};
  };
  CHECK(find("nato").members == std::vector<std::string>{"usa", "poland"});
  CHECK(find("usa").members.empty());
  DocumentExtraction later = MakeSpreadExtraction("bloc two", 5);
  for (Actor& a : later.actors) {
    if (a.id == "nato") a.members = {"usa", "poland", "finland"};
  }
  REQUIRE(store->Apply(later).ok());
  CHECK(find("nato").members.size() == 3);
}

}  // namespace negograph::testing
