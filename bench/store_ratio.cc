// negograph_store_ratio: the store's write paths against raw RocksDB writes of
// the very same keys and records, in one run (bench/run calls it).
//
//   negograph_store_ratio EXTRACTIONS.jsonl WORKDIR [MAX_POSITIONS]
//
// Reads DocumentExtraction JSON lines (up to MAX_POSITIONS positions, default
// 100000, all in memory first so that parsing is not measured), then prints one
// JSON object:
//   apply:   per-document Apply vs one raw WriteBatch per document, the two
//            alternating in chunks of 50 documents so both see the same load;
//   bulk:    ApplyBulk (groups of 2048 documents: SST files) vs raw
//            WriteBatches of the same groups into a plain RocksDB.
// Wall seconds and this thread's CPU seconds for each. Exit 0, or 1 on error.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "graph/model_json.h"
#include "graph/rocksdb/key_codec.h"
#include "graph/rocksdb/rocksdb_store.h"
#include "graph/rocksdb/value_codec.h"
#include "graph/store_rules.h"

namespace negograph {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Accumulates wall and CPU time over Restart()..Stop() intervals.
struct Timer {
  Clock::time_point t0;
  double c0 = 0, wall = 0, cpu = 0;
  void Stop() {
    wall += std::chrono::duration<double>(Clock::now() - t0).count();
    cpu += CpuSeconds() - c0;
  }
  void Restart() { t0 = Clock::now(), c0 = CpuSeconds(); }
};

// The keys and values Apply writes for an inserted document, without the
// reads, validation, node dictionary checks or counters.
void RawBatch(const DocumentExtraction& e, rocksdb::WriteBatch& b) {
  using namespace store;
  auto cfk = [](Cf cf, const std::string& k) { return std::string(1, static_cast<char>(cf)) + k; };
  std::string dk = DocKey(e.document.id);
  for (const Position& p : PositionsToStore(e)) {
    std::string pk = PositionKey(p.id);
    const std::string record = EncodePosition(p);
    b.Put(cfk(Cf::kEdge, pk), record);
    b.Put(cfk(Cf::kByActor, NodePrefix(NodeKind::kActor, p.actor) + pk), record);
    b.Put(cfk(Cf::kByIssue, NodePrefix(NodeKind::kIssue, p.issue) + pk), record);
    if (!p.round.empty()) b.Put(cfk(Cf::kByRound, NodePrefix(NodeKind::kRound, p.round) + pk), "");
    b.Put(cfk(Cf::kByDoc, dk + pk), "");
  }
  b.Put(cfk(Cf::kDoc, dk), EncodeDocument(e.document, e.positions.size()));
  b.Put(cfk(Cf::kText, dk), e.document.text);
}

std::unique_ptr<rocksdb::DB> OpenRaw(const fs::path& dir) {
  rocksdb::DB* db = nullptr;
  rocksdb::Options o;
  o.create_if_missing = true;
  o.IncreaseParallelism(2);
  if (!rocksdb::DB::Open(o, dir.string(), &db).ok()) return nullptr;
  return std::unique_ptr<rocksdb::DB>(db);
}

int Fail(const std::string& what) {
  std::cerr << "negograph_store_ratio: " << what << "\n";
  return 1;
}

int Run(const fs::path& input, const fs::path& work, size_t max_positions) {
  std::vector<DocumentExtraction> docs;
  size_t positions = 0;
  {
    std::ifstream in(input);
    if (!in) return Fail("cannot open " + input.string());
    std::string line;
    while (positions < max_positions && std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) return Fail("bad JSON line in " + input.string());
      docs.push_back(j.get<DocumentExtraction>());
      if (!ValidateExtraction(docs.back()).ok()) return Fail("invalid extraction line");
      positions += docs.back().positions.size();
    }
  }
  if (docs.empty()) return Fail("no documents in " + input.string());
  std::error_code ec;
  fs::remove_all(work, ec);
  fs::create_directories(work, ec);
  nlohmann::json out = {{"documents", docs.size()}, {"positions", positions}};

  {  // Apply vs raw, interleaved.
    auto raw = OpenRaw(work / "raw-apply");
    auto store = OpenRocksDbStore(work / "apply");
    if (!raw || !store.ok()) return Fail("cannot open the stores in " + work.string());
    Timer raw_t, apply_t;
    for (size_t begin = 0; begin < docs.size(); begin += 50) {
      size_t end = std::min(docs.size(), begin + 50);
      raw_t.Restart();
      for (size_t i = begin; i < end; ++i) {
        rocksdb::WriteBatch b;
        RawBatch(docs[i], b);
        if (!raw->Write(rocksdb::WriteOptions(), &b).ok()) return Fail("raw write");
      }
      raw_t.Stop();
      apply_t.Restart();
      for (size_t i = begin; i < end; ++i) {
        if (!(*store)->Apply(docs[i]).ok()) return Fail("Apply");
      }
      apply_t.Stop();
    }
    out["apply"] = {{"raw_wall_s", raw_t.wall},     {"raw_cpu_s", raw_t.cpu},
                    {"apply_wall_s", apply_t.wall}, {"apply_cpu_s", apply_t.cpu},
                    {"ratio_wall", raw_t.wall / apply_t.wall},
                    {"ratio_cpu", raw_t.cpu / apply_t.cpu}};
  }
  {  // Bulk vs raw batches of the same groups.
    constexpr size_t kGroup = 2048;
    auto raw = OpenRaw(work / "raw-bulk");
    if (!raw) return Fail("cannot open the raw store");
    Timer raw_t;
    raw_t.Restart();
    for (size_t i = 0; i < docs.size(); i += kGroup) {
      rocksdb::WriteBatch b;
      for (size_t j = i; j < std::min(docs.size(), i + kGroup); ++j) RawBatch(docs[j], b);
      if (!raw->Write(rocksdb::WriteOptions(), &b).ok()) return Fail("raw bulk write");
    }
    raw_t.Stop();
    raw.reset();
    auto store = OpenRocksDbStore(work / "bulk");
    if (!store.ok()) return Fail("cannot open the bulk store");
    Timer bulk_t;
    bulk_t.Restart();
    for (size_t i = 0; i < docs.size(); i += kGroup) {
      std::span<const DocumentExtraction> group(docs.data() + i, std::min(kGroup, docs.size() - i));
      if (Status s = (*store)->ApplyBulk(group); !s.ok()) return Fail(s.ToString());
    }
    bulk_t.Stop();
    out["bulk"] = {{"raw_wall_s", raw_t.wall},    {"raw_cpu_s", raw_t.cpu},
                   {"bulk_wall_s", bulk_t.wall},  {"bulk_cpu_s", bulk_t.cpu},
                   {"bulk_edges_per_s", static_cast<double>(positions) / bulk_t.wall},
                   {"raw_edges_per_s", static_cast<double>(positions) / raw_t.wall},
                   {"ratio_wall", raw_t.wall / bulk_t.wall}};
  }
  fs::remove_all(work, ec);
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace
}  // namespace negograph

int main(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) == "--help") {
    std::cerr << "usage: negograph_store_ratio EXTRACTIONS.jsonl WORKDIR [MAX_POSITIONS]\n";
    return argc < 3 ? 2 : 0;
  }
  size_t max_positions = argc > 3 ? std::stoul(argv[3]) : 100000;
  return negograph::Run(argv[1], argv[2], max_positions);
}
