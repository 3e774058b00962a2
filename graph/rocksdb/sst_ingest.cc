#include "graph/rocksdb/sst_ingest.h"

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>
#include <vector>

namespace negograph::store {
namespace {

namespace fs = std::filesystem;

enum class Op : uint8_t { kPut, kDelete, kMerge };

// One operation of the batch; the slices point into the batch's buffer,
// which outlives the collection (nothing is copied).
struct Entry {
  rocksdb::Slice key;
  rocksdb::Slice value;
  uint32_t order;  // position in the batch: the later one wins
  Op op;
};

class Collector final : public rocksdb::WriteBatch::Handler {
 public:
  explicit Collector(std::vector<std::vector<Entry>>& by_cf) : by_cf_(by_cf) {}
  rocksdb::Status PutCF(uint32_t cf, const rocksdb::Slice& k, const rocksdb::Slice& v) override {
    return Add(cf, k, v, Op::kPut);
  }
  rocksdb::Status DeleteCF(uint32_t cf, const rocksdb::Slice& k) override {
    return Add(cf, k, rocksdb::Slice(), Op::kDelete);
  }
  rocksdb::Status MergeCF(uint32_t cf, const rocksdb::Slice& k, const rocksdb::Slice& v) override {
    return Add(cf, k, v, Op::kMerge);
  }
  // SingleDelete, DeleteRange, blob indexes: the store never writes them, so
  // the Handler defaults (InvalidArgument) stand.

 private:
  rocksdb::Status Add(uint32_t cf, const rocksdb::Slice& k, const rocksdb::Slice& v, Op op) {
    if (cf >= by_cf_.size()) by_cf_.resize(cf + 1);
    by_cf_[cf].push_back({k, v, next_++, op});
    return rocksdb::Status::OK();
  }
  std::vector<std::vector<Entry>>& by_cf_;
  uint32_t next_ = 0;
};

// Sorts by key and keeps the last operation on each key. Two merges on one
// key never occur (the writer folds counter deltas into one merge per key).
void SortLastWins(std::vector<Entry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    int c = a.key.compare(b.key);
    return c < 0 || (c == 0 && a.order < b.order);
  });
  size_t out = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i + 1 < entries.size() && entries[i + 1].key == entries[i].key) continue;
    entries[out++] = entries[i];
  }
  entries.resize(out);
}

}  // namespace

SstStage::SstStage(StoreDb& db) : db_(db), by_cf_(kCfCount) {
  static std::atomic<uint64_t> sequence{0};
  dir_ = db.dir() / "ingest-tmp" / (std::to_string(::getpid()) + "-" + std::to_string(sequence++));
}

SstStage::~SstStage() {
  // After a successful ingestion the files are moved into the store; this
  // removes what is left (all of it after a failure).
  std::error_code ec;
  fs::remove_all(dir_, ec);
  fs::remove(dir_.parent_path(), ec);  // only when empty
}

size_t SstStage::files() const {
  size_t n = 0;
  for (const auto& f : by_cf_) n += f.size();
  return n;
}

StatusOr<std::string> SstStage::NextPath() {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return Status::IOError("staging SST files: creating " + dir_.string() + ": " + ec.message());
  return (dir_ / (std::to_string(next_++) + ".sst")).string();
}

Status SstStage::AddBatch(const rocksdb::WriteBatch& batch) {
  rocksdb::DB* db = db_.db();
  std::vector<std::vector<Entry>> by_id;
  Collector collector(by_id);
  rocksdb::Status s = batch.Iterate(&collector);
  if (!s.ok()) return FromRocks(s, "staging SST files: reading the batch");
  for (size_t i = 0; i < kCfCount; ++i) {
    rocksdb::ColumnFamilyHandle* cf = db_.cf(static_cast<Cf>(i));
    if (cf == nullptr || cf->GetID() >= by_id.size() || by_id[cf->GetID()].empty()) continue;
    std::vector<Entry>& entries = by_id[cf->GetID()];
    SortLastWins(entries);
    StatusOr<std::string> path = NextPath();
    if (!path.ok()) return path.status();
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), db->GetOptions(cf), cf);
    const std::string what = "staging an SST file for " + std::string(CfName(static_cast<Cf>(i)));
    s = writer.Open(*path);
    if (!s.ok()) return FromRocks(s, what);
    by_cf_[i].push_back(*path);
    for (const Entry& e : entries) {
      switch (e.op) {
        case Op::kPut: s = writer.Put(e.key, e.value); break;
        case Op::kDelete: s = writer.Delete(e.key); break;
        case Op::kMerge: s = writer.Merge(e.key, e.value); break;
      }
      if (!s.ok()) return FromRocks(s, what);
    }
    s = writer.Finish();
    if (!s.ok()) return FromRocks(s, what);
  }
  return Status::Ok();
}

Status SstStage::AddPut(Cf cf, std::string_view key, std::string_view value) {
  rocksdb::ColumnFamilyHandle* handle = db_.cf(cf);
  StatusOr<std::string> path = NextPath();
  if (!path.ok()) return path.status();
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), db_.db()->GetOptions(handle), handle);
  const std::string what = "staging an SST file for " + std::string(CfName(cf));
  rocksdb::Status s = writer.Open(*path);
  if (!s.ok()) return FromRocks(s, what);
  by_cf_[static_cast<size_t>(cf)].push_back(*path);
  s = writer.Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
  if (s.ok()) s = writer.Finish();
  return FromRocks(s, what);
}

Status SstStage::Ingest() {
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (size_t i = 0; i < kCfCount; ++i) {
    if (by_cf_[i].empty()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = db_.cf(static_cast<Cf>(i));
    arg.external_files = by_cf_[i];
    arg.options.move_files = true;          // a hard link, no copy
    arg.options.write_global_seqno = false; // the MANIFEST keeps it; no rewrite of the file
    arg.options.snapshot_consistency = true;
    args.push_back(std::move(arg));
  }
  if (args.empty()) return Status::Ok();
  rocksdb::Status s = db_.db()->IngestExternalFiles(args);
  for (auto& f : by_cf_) f.clear();
  return FromRocks(s, "ingesting SST files into " + db_.dir().string());
}

Status IngestBatchAsSst(StoreDb& store, const rocksdb::WriteBatch& batch) {
  SstStage stage(store);
  NEGOGRAPH_RETURN_IF_ERROR(stage.AddBatch(batch));
  return stage.Ingest();
}

}  // namespace negograph::store
