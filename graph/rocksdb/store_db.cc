#include "graph/rocksdb/store_db.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/stackable_db.h>

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <system_error>
#include <thread>

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

// Keeps what RocksDB says about dropped WAL records, for the salvage report.
class NoteLogger final : public rocksdb::Logger {
 public:
  explicit NoteLogger(std::vector<std::string>* notes)
      : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL), notes_(notes) {}
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[1024];
    std::vsnprintf(line, sizeof line, format, ap);
    notes_->emplace_back(line);
  }

 private:
  std::vector<std::string>* notes_;
};

rocksdb::DBOptions DbOptions(const RocksDbStoreOptions& options) {
  rocksdb::DBOptions o;
  o.IncreaseParallelism(2);
  o.max_open_files = 512;
  // A torn last record is what a crash mid-write leaves and is dropped; any
  // other damage refuses the open (Corruption) rather than silently opening
  // with the documents after the damage missing (kPointInTimeRecovery).
  o.wal_recovery_mode = options.salvage_wal
                            ? rocksdb::WALRecoveryMode::kSkipAnyCorruptedRecords
                            : rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  // Bounds the log a reader replays on open: past this size the column
  // families holding the oldest log are flushed and the log is dropped.
  o.max_total_wal_size = 32u << 20;
  return o;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors(
    const std::vector<std::string>& names) {
  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(64u << 20);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    rocksdb::ColumnFamilyOptions o;
    for (size_t i = 0; i < kCfCount; ++i) {
      if (CfName(static_cast<Cf>(i)) == name) o = CfOptions(static_cast<Cf>(i), cache);
    }
    descriptors.emplace_back(name, o);
  }
  return descriptors;
}

std::vector<std::string> AllCfNames() {
  std::vector<std::string> names;
  for (size_t i = 0; i < kCfCount; ++i) names.emplace_back(CfName(static_cast<Cf>(i)));
  return names;
}

void SyncDir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Removes sibling build directories whose creating process is gone.
void RemoveStaleBuilds(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(parent, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)) continue;
    fs::remove_all(e.path(), ec);
  }
}

// Builds an empty store (every column family, the schema version, flushed
// and synced) in a sibling directory and renames it to `dir`: a crash at any
// moment leaves either no store at `dir` or a complete one. When another
// process wins the race, its store is kept and ours is discarded.
Status CreateAtomically(const fs::path& dir, const std::string& where) {
  fs::path target = fs::absolute(dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  fs::path parent = target.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return Status::IOError(where + ": creating " + parent.string() + ": " + ec.message());
  const std::string prefix = "." + target.filename().string() + ".creating.";
  RemoveStaleBuilds(parent, prefix);
  fs::path build = parent / (prefix + std::to_string(::getpid()));
  fs::remove_all(build, ec);

  rocksdb::DBOptions o = DbOptions({});
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      rocksdb::DB::Open(o, build.string(), Descriptors(AllCfNames()), &handles, &raw);
  if (!s.ok()) return FromRocks(s, where + ": creating");
  rocksdb::WriteOptions wo;
  wo.sync = true;
  s = raw->Put(wo, handles[static_cast<size_t>(Cf::kMeta)], std::string(kSchemaVersionKey),
               EncodeU64(kSchemaVersion));
  if (s.ok()) s = raw->Flush(rocksdb::FlushOptions(), handles);
  for (rocksdb::ColumnFamilyHandle* h : handles) raw->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  rocksdb::Status closed = raw->Close();
  delete raw;
  if (s.ok()) s = closed;
  if (!s.ok()) {
    fs::remove_all(build, ec);
    return FromRocks(s, where + ": creating");
  }
  SyncDir(build);
  // rename(2) replaces an empty directory; a non-empty one means another
  // process finished first, and its store is the one to open.
  fs::rename(build, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove_all(build, ignored);
    if (!fs::exists(target / "CURRENT", ignored)) {
      return Status::IOError(where + ": moving the new store into place: " + ec.message());
    }
  }
  SyncDir(parent);
  return Status::Ok();
}

// A secondary instance is a fixed view (it never catches up on its own),
// so a snapshot adds nothing, and RocksDB refuses reads that name one
// ("snapshot not supported in secondary mode"): hand out none.
class SecondaryDb final : public rocksdb::StackableDB {
 public:
  explicit SecondaryDb(rocksdb::DB* db) : rocksdb::StackableDB(db) {}
  const rocksdb::Snapshot* GetSnapshot() override { return nullptr; }
  void ReleaseSnapshot(const rocksdb::Snapshot*) override {}
};

// A secondary instance can lose a race with the writer's compaction (a file
// deleted between reading the manifest and opening it): retry those.
bool Transient(const rocksdb::Status& s) {
  return s.IsIOError() || s.IsCorruption() || s.IsPathNotFound() || s.IsTryAgain();
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
  if (!has_current) {
    if (!options.create_if_missing || options.read_only) {
      return Status::NotFound(where + ": no store there (create it with `negograph ingest`)");
    }
    if (Status st = CreateAtomically(dir, where); !st.ok()) return st;
  }

  rocksdb::DBOptions db_options = DbOptions(options);
  std::shared_ptr<rocksdb::Logger> notes;
  if (options.salvage_wal) {
    notes = std::make_shared<NoteLogger>(&store->recovery_notes_);
    db_options.info_log = notes;
  }
  std::vector<std::string> existing;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, dir.string(), &existing);
  if (!s.ok()) return FromRocks(s, where);
  if (std::find(existing.begin(), existing.end(), "meta") == existing.end()) {
    return Status::InvalidArgument(where + ": a RocksDB database, but not a negograph store");
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  if (options.read_only) {
    // Every table file stays open for the life of the handle, so the
    // writer's compaction may delete files without breaking this reader.
    db_options.max_open_files = -1;
    std::string scratch = (fs::temp_directory_path() / "negograph-reader-XXXXXX").string();
    if (::mkdtemp(scratch.data()) == nullptr) {
      return Status::IOError(where + ": cannot create a scratch directory in " +
                             fs::temp_directory_path().string());
    }
    store->secondary_dir_ = scratch;
    for (int attempt = 0;; ++attempt) {
      s = rocksdb::DB::OpenAsSecondary(db_options, dir.string(), scratch,
                                       Descriptors(existing), &handles, &store->db_);
      if (s.ok() || attempt == 4 || !Transient(s)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20 << attempt));
    }
    if (s.ok()) store->db_ = new SecondaryDb(store->db_);
  } else {
    s = rocksdb::DB::Open(db_options, dir.string(), Descriptors(existing), &handles,
                          &store->db_);
  }
  if (!s.ok()) {
    Status st = FromRocks(s, where);
    if (s.IsCorruption() && !options.read_only) {
      return Status::Corruption(st.message() +
                                "; nothing was opened or changed. `negograph check --repair "
                                "--db " + dir.string() + "` salvages what is intact and "
                                "reports what was dropped (docs/reliability.md)");
    }
    return st;
  }
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
  if (v >= kOldestReadableSchema && v < kSchemaVersion && !options.read_only) {
    // In-place upgrade (FORMAT.md, schema history): old records decode as they are.
    s = store->db_->Put(rocksdb::WriteOptions(), meta, std::string(kSchemaVersionKey),
                        EncodeU64(kSchemaVersion));
    if (!s.ok()) return FromRocks(s, where);
    v = kSchemaVersion;
  }
  if (v < kOldestReadableSchema) {
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
  // SST files staged by a writer that died before ingesting them
  // (sst_ingest.h): the LOCK is ours, so only dead processes left them.
  if (!options.read_only) RemoveStaleBuilds(dir / "ingest-tmp", "");
  return store;
}

Status StoreDb::ProbeWal(const fs::path& dir) {
  const std::string where = "replaying the write-ahead log of " + dir.string();
  rocksdb::DBOptions db_options = DbOptions({});
  db_options.max_open_files = -1;
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, dir.string(), &names);
  if (!s.ok()) return FromRocks(s, where);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  for (int attempt = 0;; ++attempt) {
    s = rocksdb::DB::OpenForReadOnly(db_options, dir.string(), Descriptors(names), &handles, &raw);
    // A checksum mismatch is damage; a file gone is a race with compaction.
    if (s.ok() || attempt == 4 || !Transient(s) ||
        (s.IsCorruption() && s.ToString().find("No such file") == std::string::npos)) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20 << attempt));
  }
  if (!s.ok()) return FromRocks(s, where);
  for (rocksdb::ColumnFamilyHandle* h : handles) raw->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  raw->Close().PermitUncheckedError();
  delete raw;
  return Status::Ok();
}

Status StoreDb::Flush() {
  if (read_only_ || db_ == nullptr) return Status::Ok();
  std::vector<rocksdb::ColumnFamilyHandle*> all;
  for (rocksdb::ColumnFamilyHandle* h : handles_) {
    if (h != nullptr) all.push_back(h);
  }
  return FromRocks(db_->Flush(rocksdb::FlushOptions(), all), "flushing store " + dir_.string());
}

StoreDb::~StoreDb() {
  if (db_ != nullptr) {
    // Leaves the data in checksummed tables rather than only in the WAL; a
    // failure here loses nothing (the WAL still holds it).
    Flush().IgnoreError();
    for (rocksdb::ColumnFamilyHandle* h : handles_) {
      if (h != nullptr) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    for (rocksdb::ColumnFamilyHandle* h : foreign_handles_) {
      db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    db_->Close().PermitUncheckedError();
    delete db_;
  }
  if (!secondary_dir_.empty()) {
    std::error_code ec;
    fs::remove_all(secondary_dir_, ec);
  }
}

}  // namespace negograph::store
