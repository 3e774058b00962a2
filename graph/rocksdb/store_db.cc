#include "graph/rocksdb/store_db.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <cctype>
#include <system_error>

namespace negograph::store {
namespace {

namespace fs = std::filesystem;

// Adds signed 64-bit big-endian deltas: the position counters of the counts
// CF, so that Apply/Remove adjust counts blindly (no read before write) and
// readers get exact counts from one snapshot without scanning the indexes.
class Add64Operator final : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice& /*key*/, const rocksdb::Slice* existing,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger* /*logger*/) const override {
    if (value.size() != 8 || (existing != nullptr && existing->size() != 8)) return false;
    uint64_t sum = DecodeU64(std::string_view(value.data(), 8));
    if (existing != nullptr) sum += DecodeU64(std::string_view(existing->data(), 8));
    *new_value = EncodeU64(sum);  // two's complement: signed add == unsigned add
    return true;
  }
  const char* Name() const override { return "negograph.add64"; }
};

rocksdb::ColumnFamilyOptions CfOptions(Cf cf, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  switch (cf) {
    case Cf::kByActor:
    case Cf::kByIssue:
    case Cf::kByRound:
      o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
      o.memtable_prefix_bloom_size_ratio = 0.02;
      t.whole_key_filtering = false;  // index CFs are only ever scanned by prefix
      break;
    case Cf::kByDoc:
      o.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(16));
      t.whole_key_filtering = false;
      break;
    case Cf::kCounts:
      o.merge_operator = std::make_shared<Add64Operator>();
      // Hot counters (documents, positions, big actors) would otherwise pile
      // up operands in the memtable that every read has to fold.
      o.max_successive_merges = 32;
      break;
    case Cf::kText:
      o.compression = rocksdb::kNoCompression;  // LZ4 may be absent; text is read rarely
      break;
    default:
      break;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

bool ContainsLock(const std::string& message) {
  std::string lower(message);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("lock") != std::string::npos;
}

}  // namespace

Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  std::string msg = std::string(context) + ": " + s.ToString();
  if (s.ok()) return Status::Ok();
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsBusy() || s.IsTimedOut() || s.IsTryAgain()) return Status::Busy(msg);
  if (s.IsIOError() && ContainsLock(s.ToString())) {
    return Status::Busy(std::string(context) +
                        ": the store is in use by another negograph process (or another "
                        "open handle in this one); stop it or use another --db (" +
                        s.ToString() + ")");
  }
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  return Status::IOError(msg);
}

StatusOr<std::unique_ptr<StoreDb>> StoreDb::Open(const fs::path& dir,
                                                 const RocksDbStoreOptions& options) {
  std::unique_ptr<StoreDb> store(new StoreDb());
  store->dir_ = dir;
  store->read_only_ = options.read_only;
  const std::string where = "opening store " + dir.string();
  std::error_code ec;
  bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir, ec)) {
    return Status::InvalidArgument(where + ": not a directory");
  }
  bool has_current = exists && fs::exists(dir / "CURRENT", ec);
  if (exists && !has_current && !fs::is_empty(dir, ec)) {
    return Status::InvalidArgument(where +
                                   ": the directory holds files but no store (no CURRENT); "
                                   "choose an empty or new directory");
  }
  bool create = !has_current;
  if (create && (!options.create_if_missing || options.read_only)) {
    return Status::NotFound(where + ": no store there (create it with `negograph ingest`)");
  }

  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(64u << 20);
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = create;
  db_options.create_missing_column_families = create;
  db_options.IncreaseParallelism(2);
  db_options.max_open_files = 512;

  std::vector<std::string> existing;
  if (!create) {
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, dir.string(), &existing);
    if (!s.ok()) return FromRocks(s, where);
    if (std::find(existing.begin(), existing.end(), "meta") == existing.end()) {
      return Status::InvalidArgument(where + ": a RocksDB database, but not a negograph store");
    }
  } else {
    fs::create_directories(dir, ec);
    for (size_t i = 0; i < kCfCount; ++i) existing.emplace_back(CfName(static_cast<Cf>(i)));
  }

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : existing) {
    rocksdb::ColumnFamilyOptions o;
    for (size_t i = 0; i < kCfCount; ++i) {
      if (CfName(static_cast<Cf>(i)) == name) o = CfOptions(static_cast<Cf>(i), cache);
    }
    descriptors.emplace_back(name, o);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status s =
      options.read_only
          ? rocksdb::DB::OpenForReadOnly(db_options, dir.string(), descriptors, &handles,
                                         &store->db_)
          : rocksdb::DB::Open(db_options, dir.string(), descriptors, &handles, &store->db_);
  if (!s.ok()) return FromRocks(s, where);
  for (size_t h = 0; h < handles.size(); ++h) {
    bool ours = false;
    for (size_t i = 0; i < kCfCount; ++i) {
      if (CfName(static_cast<Cf>(i)) == existing[h]) {
        store->handles_[i] = handles[h];
        ours = true;
      }
    }
    if (!ours) store->foreign_handles_.push_back(handles[h]);
  }
  // From here on ~StoreDb releases the handles and the DB on every error path.

  rocksdb::ColumnFamilyHandle* meta = store->cf(Cf::kMeta);
  if (create) {
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = store->db_->Put(wo, meta, std::string(kSchemaVersionKey), EncodeU64(kSchemaVersion));
    if (!s.ok()) return FromRocks(s, where + ": writing the schema version");
    return store;
  }
  std::string version;
  s = store->db_->Get(rocksdb::ReadOptions(), meta, std::string(kSchemaVersionKey), &version);
  if (s.IsNotFound() || (s.ok() && version.size() != 8)) {
    return Status::Corruption(where + ": the schema_version record is missing or malformed");
  }
  if (!s.ok()) return FromRocks(s, where);
  uint64_t v = DecodeU64(version);
  if (v > kSchemaVersion) {
    return Status::FailedPrecondition(where + ": written by a newer negograph (schema " +
                                      std::to_string(v) + ", this build reads schema " +
                                      std::to_string(kSchemaVersion) + "); upgrade negograph");
  }
  if (v < kSchemaVersion) {
    return Status::FailedPrecondition(
        where + ": written by an older negograph (schema " + std::to_string(v) +
        "); export it with that version, then re-ingest into a new store "
        "(dump and reload; see graph/rocksdb/FORMAT.md)");
  }
  for (size_t i = 0; i < kCfCount; ++i) {
    if (store->handles_[i] == nullptr) {
      return Status::Corruption(where + ": column family '" +
                                std::string(CfName(static_cast<Cf>(i))) + "' is missing");
    }
  }
  return store;
}

StoreDb::~StoreDb() {
  if (db_ == nullptr) return;
  for (rocksdb::ColumnFamilyHandle* h : handles_) {
    if (h != nullptr) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  for (rocksdb::ColumnFamilyHandle* h : foreign_handles_) {
    db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  db_->Close().PermitUncheckedError();
  delete db_;
}

}  // namespace negograph::store
