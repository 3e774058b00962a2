#include "graph/rocksdb/sst_ingest.h"

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>

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

// Removes the temp files at scope exit (after a successful ingestion they
// are already moved into the store; then this removes the empty folder).
struct TempFiles {
  fs::path dir;
  std::vector<std::string> files;
  ~TempFiles() {
    std::error_code ec;
    for (const std::string& f : files) fs::remove(f, ec);
    fs::remove(dir, ec);
  }
};

}  // namespace

Status IngestBatchAsSst(StoreDb& store, const rocksdb::WriteBatch& batch) {
  rocksdb::DB* db = store.db();
  std::vector<std::vector<Entry>> by_cf;
  Collector collector(by_cf);
  rocksdb::Status s = batch.Iterate(&collector);
  if (!s.ok()) return FromRocks(s, "bulk write: reading the batch");

  static std::atomic<uint64_t> sequence{0};
  TempFiles temp;
  temp.dir = store.dir() / "ingest-tmp";
  std::error_code ec;
  fs::create_directories(temp.dir, ec);
  if (ec) return Status::IOError("bulk write: creating " + temp.dir.string() + ": " + ec.message());

  std::vector<rocksdb::IngestExternalFileArg> args;
  for (size_t i = 0; i < kCfCount; ++i) {
    rocksdb::ColumnFamilyHandle* cf = store.cf(static_cast<Cf>(i));
    if (cf == nullptr || cf->GetID() >= by_cf.size() || by_cf[cf->GetID()].empty()) continue;
    std::vector<Entry>& entries = by_cf[cf->GetID()];
    SortLastWins(entries);
    const std::string path = (temp.dir / (std::to_string(::getpid()) + "-" +
                                          std::to_string(sequence++) + ".sst")).string();
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), db->GetOptions(cf), cf);
    const std::string what = "bulk write: SST file for " + std::string(CfName(static_cast<Cf>(i)));
    s = writer.Open(path);
    if (!s.ok()) return FromRocks(s, what);
    temp.files.push_back(path);
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
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = cf;
    arg.external_files = {path};
    arg.options.move_files = true;          // a hard link, no copy
    arg.options.write_global_seqno = false; // the MANIFEST keeps it; no rewrite of the file
    arg.options.snapshot_consistency = true;
    args.push_back(std::move(arg));
  }
  if (args.empty()) return Status::Ok();
  s = db->IngestExternalFiles(args);
  return FromRocks(s, "bulk write: ingesting SST files into " + store.dir().string());
}

}  // namespace negograph::store
