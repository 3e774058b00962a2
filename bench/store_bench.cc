// Store benchmarks. Targets (brief): per-document Apply >= 0.5 of raw RocksDB
// WriteBatch writes of the same keys; ApplyBulk >= 100k position edges/s;
// FindPositions by actor p99 < 5 ms on a large store.
//
// The raw baseline writes the very bytes Apply writes (keys and records from
// graph/rocksdb/key_codec.h and value_codec.h, one batch per document) into a
// plain RocksDB without reads, validation or counters, in the same run.
#include <benchmark/benchmark.h>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <ctime>
#include <set>

#include "graph/ids.h"
#include "graph/rocksdb/key_codec.h"
#include "graph/rocksdb/rocksdb_store.h"
#include "graph/rocksdb/value_codec.h"

namespace negograph {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Dir {
  fs::path path;
  explicit Dir(const std::string& name) {
    path = fs::temp_directory_path() / ("negograph-bench-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
  }
  ~Dir() { fs::remove_all(path); }
};

DocumentExtraction MakeDoc(uint64_t n, int positions, int actors) {
  DocumentExtraction e;
  std::string text = "Benchmark document " + std::to_string(n) + " about talks.";
  e.document.id = ContentId(text);
  e.document.name = "bench-" + std::to_string(n);
  e.document.date = "2022-01-10";
  e.document.text = text;
  e.document.rules_version = "bench";
  for (int i = 0; i < positions; ++i) {
    Position p;
    p.actor = "actor" + std::to_string((n * 7 + static_cast<uint64_t>(i)) % static_cast<uint64_t>(actors));
    p.actor_label = p.actor;
    p.stance = kAllStances[static_cast<size_t>(i) % 6];
    p.issue = "issue" + std::to_string(i % 40);
    p.issue_label = p.issue;
    p.round = "round" + std::to_string(n % 8);
    p.id = PositionId(e.document.id, static_cast<uint32_t>(i), p.actor, p.stance, p.issue);
    p.evidence.doc_id = e.document.id;
    p.evidence.doc_name = e.document.name;
    p.evidence.sentence = static_cast<uint32_t>(i);
    p.evidence.quote = "The delegation demanded written guarantees on the issue at hand, it said.";
    p.rule = "en.demand.1";
    e.positions.push_back(std::move(p));
  }
  // As the extractor does: every referenced node listed once.
  std::set<std::string> actors_seen, issues_seen;
  for (const Position& p : e.positions) {
    if (actors_seen.insert(p.actor).second) e.actors.push_back({p.actor, p.actor_label, "state"});
    if (issues_seen.insert(p.issue).second) e.issues.push_back({p.issue, p.issue_label, false});
  }
  return e;
}

// The same keys and values Apply writes for an inserted document.
void RawBatch(const DocumentExtraction& e, rocksdb::WriteBatch& b) {
  using namespace store;
  auto cfk = [](Cf cf, const std::string& k) { return std::string(1, static_cast<char>(cf)) + k; };
  std::string dk = DocKey(e.document.id);
  for (const Position& p : e.positions) {
    std::string pk = PositionKey(p.id);
    const std::string record = EncodePosition(p);
    b.Put(cfk(Cf::kEdge, pk), record);
    b.Put(cfk(Cf::kByActor, NodePrefix(NodeKind::kActor, p.actor) + pk), record);
    b.Put(cfk(Cf::kByIssue, NodePrefix(NodeKind::kIssue, p.issue) + pk), record);
    b.Put(cfk(Cf::kByRound, NodePrefix(NodeKind::kRound, p.round) + pk), "");
    b.Put(cfk(Cf::kByDoc, dk + pk), "");
  }
  b.Put(cfk(Cf::kDoc, dk), EncodeDocument(e.document, e.positions.size()));
  b.Put(cfk(Cf::kText, dk), e.document.text);
}

std::unique_ptr<GraphStore> Open(const fs::path& p) {
  auto s = OpenRocksDbStore(p);
  if (!s.ok()) std::abort();
  return std::move(*s);
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Per-document Apply vs raw WriteBatch of the same keys: ratio in one run.
// The two alternate in chunks of 50 documents so that both see the same
// machine load; wall time and the writing thread's CPU time are reported.
void BM_ApplyVsRawWriteBatch(benchmark::State& state) {
  const int kDocs = 3000, kPositions = 20, kChunk = 50;
  std::vector<DocumentExtraction> docs;
  for (int i = 0; i < kDocs; ++i) docs.push_back(MakeDoc(static_cast<uint64_t>(i), kPositions, 500));
  for (auto _ : state) {
    Dir raw_dir("raw"), store_dir("apply");
    rocksdb::DB* raw_ptr = nullptr;
    rocksdb::Options o;
    o.create_if_missing = true;
    if (!rocksdb::DB::Open(o, raw_dir.path.string(), &raw_ptr).ok()) std::abort();
    std::unique_ptr<rocksdb::DB> raw(raw_ptr);
    auto store = Open(store_dir.path);
    double raw_s = 0, apply_s = 0, raw_cpu = 0, apply_cpu = 0;
    for (int begin = 0; begin < kDocs; begin += kChunk) {
      int end = std::min(kDocs, begin + kChunk);
      auto t0 = Clock::now();
      double c0 = ThreadCpuSeconds();
      for (int i = begin; i < end; ++i) {
        rocksdb::WriteBatch b;
        RawBatch(docs[static_cast<size_t>(i)], b);
        if (!raw->Write(rocksdb::WriteOptions(), &b).ok()) std::abort();
      }
      raw_cpu += ThreadCpuSeconds() - c0;
      raw_s += std::chrono::duration<double>(Clock::now() - t0).count();
      t0 = Clock::now();
      c0 = ThreadCpuSeconds();
      for (int i = begin; i < end; ++i) {
        if (!store->Apply(docs[static_cast<size_t>(i)]).ok()) std::abort();
      }
      apply_cpu += ThreadCpuSeconds() - c0;
      apply_s += std::chrono::duration<double>(Clock::now() - t0).count();
    }
    state.counters["raw_docs_per_s"] = kDocs / raw_s;
    state.counters["apply_docs_per_s"] = kDocs / apply_s;
    state.counters["apply_edges_per_s"] = kDocs * kPositions / apply_s;
    state.counters["ratio_apply_to_raw"] = raw_s / apply_s;
    state.counters["cpu_ratio_apply_to_raw"] = raw_cpu / apply_cpu;
  }
}
BENCHMARK(BM_ApplyVsRawWriteBatch)->Iterations(1)->Unit(benchmark::kMillisecond);

// ApplyBulk vs raw WriteBatches of the same keys grouped the same way.
void BM_ApplyBulk(benchmark::State& state) {
  const int kDocs = 2000, kPositions = 50;
  std::vector<DocumentExtraction> docs;
  for (int i = 0; i < kDocs; ++i) docs.push_back(MakeDoc(static_cast<uint64_t>(i), kPositions, 500));
  for (auto _ : state) {
    Dir raw_dir("rawbulk"), dir("bulk");
    rocksdb::DB* raw_ptr = nullptr;
    rocksdb::Options o;
    o.create_if_missing = true;
    if (!rocksdb::DB::Open(o, raw_dir.path.string(), &raw_ptr).ok()) std::abort();
    std::unique_ptr<rocksdb::DB> raw(raw_ptr);
    auto t0 = Clock::now();
    for (size_t i = 0; i < docs.size(); i += 500) {
      rocksdb::WriteBatch b;
      for (size_t j = i; j < std::min<size_t>(i + 500, docs.size()); ++j) RawBatch(docs[j], b);
      if (!raw->Write(rocksdb::WriteOptions(), &b).ok()) std::abort();
    }
    double raw_s = std::chrono::duration<double>(Clock::now() - t0).count();
    raw.reset();
    auto store = Open(dir.path);
    t0 = Clock::now();
    for (size_t i = 0; i < docs.size(); i += 500) {
      std::span<const DocumentExtraction> group(docs.data() + i, std::min<size_t>(500, docs.size() - i));
      if (!store->ApplyBulk(group).ok()) std::abort();
    }
    double s = std::chrono::duration<double>(Clock::now() - t0).count();
    state.counters["bulk_edges_per_s"] = kDocs * kPositions / s;
    state.counters["raw_bulk_edges_per_s"] = kDocs * kPositions / raw_s;
    state.counters["ratio_bulk_to_raw"] = raw_s / s;
  }
}
BENCHMARK(BM_ApplyBulk)->Iterations(1)->Unit(benchmark::kMillisecond);

// FindPositions(actor, limit 100) on a store of state.range(0) positions
// over 1000 actors; random actor, and every 4th query pages from a cursor.
void BM_FindByActor(benchmark::State& state) {
  const int64_t total = state.range(0);
  const int kPositions = 50;
  Dir dir("find");
  auto store = Open(dir.path);
  std::vector<DocumentExtraction> group;
  for (int64_t n = 0; n * kPositions < total; ++n) {
    group.push_back(MakeDoc(static_cast<uint64_t>(n), kPositions, 1000));
    if (group.size() == 500) {
      if (!store->ApplyBulk(group).ok()) std::abort();
      group.clear();
    }
  }
  if (!store->ApplyBulk(group).ok()) std::abort();
  std::mt19937 rng(42);
  std::vector<double> ms, cpu_ms;
  auto thread_cpu_ms = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  };
  for (auto _ : state) {
    PositionFilter f;
    f.actor = "actor" + std::to_string(rng() % 1000);
    f.limit = 100;
    auto t0 = Clock::now();
    double c0 = thread_cpu_ms();
    auto page = store->FindPositions(f);
    if (page.ok() && rng() % 4 == 0 && !page->next_cursor.empty()) {
      f.cursor = page->next_cursor;
      page = store->FindPositions(f);
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    cpu_ms.push_back(thread_cpu_ms() - c0);
    if (!page.ok()) std::abort();
    benchmark::DoNotOptimize(page->items.data());
  }
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p99_ms"] = ms[ms.size() * 99 / 100];
  // CPU time per query: what the query costs without this box's other load.
  std::sort(cpu_ms.begin(), cpu_ms.end());
  state.counters["cpu_p50_ms"] = cpu_ms[cpu_ms.size() / 2];
  state.counters["cpu_p99_ms"] = cpu_ms[cpu_ms.size() * 99 / 100];
}
BENCHMARK(BM_FindByActor)->Arg(200000)->Arg(1000000)->Iterations(2000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace negograph

BENCHMARK_MAIN();
