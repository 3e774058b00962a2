#include "graph/rocksdb/store_check.h"

#include <fcntl.h>
#include <rocksdb/db.h>
#include <unistd.h>

#include <ctime>
#include <map>
#include <set>

#include "graph/rocksdb/rocksdb_store.h"
#include "graph/rocksdb/rocksdb_store_impl.h"

namespace negograph::store {
namespace {

namespace fs = std::filesystem;

using IdSet = std::set<std::string>;

// Position ids per value of one field, from the primary scan.
struct Groups {
  std::map<std::string, IdSet> by_doc, by_actor, by_issue, by_round;
};

template <typename T>
std::map<std::string, uint64_t> CountsById(const std::vector<Counted<T>>& list) {
  std::map<std::string, uint64_t> out;
  for (const Counted<T>& c : list) out[c.item.id] = c.positions;
  return out;
}

// Compares one index (the filter's field) with the primary scan's group and
// the stored counter.
void CompareIndex(GraphStore& store, const char* what, const std::string& id,
                  PositionFilter filter, const IdSet& expect,
                  const std::map<std::string, uint64_t>& counters, CheckReport& report) {
  IdSet got;
  Status s = store.ScanPositions(filter, [&](const Position& p) {
    got.insert(p.id);
    return true;
  });
  ++report.index_lookups;
  if (!s.ok()) {
    report.problems.push_back(std::string(what) + " " + id + ": index scan failed: " + s.ToString());
    return;
  }
  if (got != expect) {
    size_t missing = 0, extra = 0;
    for (const std::string& p : expect) missing += got.count(p) == 0;
    for (const std::string& p : got) extra += expect.count(p) == 0;
    report.problems.push_back(std::string(what) + " " + id + ": index has " +
                              std::to_string(extra) + " entries without a position and misses " +
                              std::to_string(missing) + " positions");
  }
  auto c = counters.find(id);
  if (c != counters.end() && c->second != expect.size()) {
    report.problems.push_back(std::string(what) + " " + id + ": counter says " +
                              std::to_string(c->second) + " positions, the store holds " +
                              std::to_string(expect.size()));
  }
}

Status Check(GraphStore& store, CheckReport& report) {
  auto* rocks = dynamic_cast<RocksDbStore*>(&store);
  if (rocks != nullptr) {
    rocksdb::Status s = rocks->db().db()->VerifyChecksum();
    if (!s.ok()) report.problems.push_back("checksum scan: " + s.ToString());
  }
  StatusOr<std::vector<Counted<Document>>> docs = store.ListDocuments();
  StatusOr<std::vector<Counted<Actor>>> actors = store.ListActors();
  StatusOr<std::vector<Counted<Issue>>> issues = store.ListIssues();
  StatusOr<std::vector<Counted<Person>>> people = store.ListPeople();
  StatusOr<std::vector<Counted<Round>>> rounds = store.ListRounds();
  StatusOr<StoreStats> stats = store.Stats();
  for (const Status& s : {docs.status(), actors.status(), issues.status(), people.status(),
                          rounds.status(), stats.status()}) {
    if (!s.ok()) return s;
  }
  report.documents = docs->size();
  report.actors = actors->size();
  report.issues = issues->size();
  report.people = people->size();
  report.rounds = rounds->size();
  std::map<std::string, uint64_t> doc_counts = CountsById(*docs), actor_counts = CountsById(*actors),
                                  issue_counts = CountsById(*issues),
                                  round_counts = CountsById(*rounds);
  IdSet person_ids;
  for (const Counted<Person>& p : *people) person_ids.insert(p.item.id);

  Groups g;
  Status scan = store.ScanPositions({}, [&](const Position& p) {
    ++report.positions;
    const std::string& doc = p.evidence.doc_id;
    g.by_doc[doc].insert(p.id);
    g.by_actor[p.actor].insert(p.id);
    g.by_issue[p.issue].insert(p.id);
    if (!p.round.empty()) g.by_round[p.round].insert(p.id);
    auto dangling = [&](const char* what, const std::string& id) {
      report.problems.push_back("position " + p.id + ": its " + what + " '" + id +
                                "' is not in the store");
    };
    if (doc_counts.count(doc) == 0) dangling("document", doc);
    if (actor_counts.count(p.actor) == 0) dangling("actor", p.actor);
    if (issue_counts.count(p.issue) == 0) dangling("issue", p.issue);
    if (!p.speaker.empty() && person_ids.count(p.speaker) == 0) dangling("speaker", p.speaker);
    if (!p.round.empty() && round_counts.count(p.round) == 0) dangling("round", p.round);
    return true;
  });
  if (!scan.ok()) {
    report.problems.push_back("scanning the positions: " + scan.ToString());
    return Status::Ok();
  }
  const IdSet none;
  auto group = [&](const std::map<std::string, IdSet>& m, const std::string& id) -> const IdSet& {
    auto it = m.find(id);
    return it == m.end() ? none : it->second;
  };
  for (const Counted<Document>& d : *docs) {
    PositionFilter f;
    f.doc = d.item.id;
    CompareIndex(store, "document", d.item.id, f, group(g.by_doc, d.item.id), doc_counts, report);
    if (StatusOr<Document> full = store.GetDocument(d.item.id); !full.ok()) {
      report.problems.push_back("document " + d.item.id + ": " + full.status().ToString());
    }
  }
  for (const Counted<Actor>& a : *actors) {
    PositionFilter f;
    f.actor = a.item.id;
    CompareIndex(store, "actor", a.item.id, f, group(g.by_actor, a.item.id), actor_counts, report);
  }
  for (const Counted<Issue>& i : *issues) {
    PositionFilter f;
    f.issue = i.item.id;
    CompareIndex(store, "issue", i.item.id, f, group(g.by_issue, i.item.id), issue_counts, report);
  }
  for (const Counted<Round>& r : *rounds) {
    PositionFilter f;
    f.round = r.item.id;
    CompareIndex(store, "round", r.item.id, f, group(g.by_round, r.item.id), round_counts, report);
  }
  if (stats->documents != report.documents || stats->positions != report.positions) {
    report.problems.push_back("store totals say " + std::to_string(stats->documents) +
                              " documents and " + std::to_string(stats->positions) +
                              " positions; the store holds " + std::to_string(report.documents) +
                              " and " + std::to_string(report.positions));
  }
  return Status::Ok();
}

void SyncDir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Reads the primary data of `store` and writes it into `out`, document by
// document (each one atomic write), so every index and counter is rebuilt.
Status Rebuild(GraphStore& store, GraphStore& out, RepairReport& report) {
  StatusOr<std::vector<Counted<Round>>> rounds = store.ListRounds();
  if (!rounds.ok()) return rounds.status();
  for (const Counted<Round>& r : *rounds) NEGOGRAPH_RETURN_IF_ERROR(out.PutRound(r.item));
  std::map<std::string, Actor> actors;
  std::map<std::string, Issue> issues;
  std::map<std::string, Person> people;
  if (auto l = store.ListActors(); l.ok()) for (auto& c : *l) actors[c.item.id] = c.item;
  if (auto l = store.ListIssues(); l.ok()) for (auto& c : *l) issues[c.item.id] = c.item;
  if (auto l = store.ListPeople(); l.ok()) for (auto& c : *l) people[c.item.id] = c.item;
  StatusOr<std::vector<Counted<Document>>> docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  report.documents_before = docs->size();
  std::map<std::string, DocumentExtraction> by_doc;
  for (const Counted<Document>& d : *docs) {
    StatusOr<Document> full = store.GetDocument(d.item.id);
    if (!full.ok()) {
      report.dropped.push_back("document " + d.item.id + " (" + d.item.name +
                               "): " + full.status().ToString());
      continue;
    }
    by_doc[d.item.id].document = std::move(*full);
  }
  NEGOGRAPH_RETURN_IF_ERROR(store.ScanPositions({}, [&](const Position& p) {
    auto it = by_doc.find(p.evidence.doc_id);
    if (it == by_doc.end()) {
      report.dropped.push_back("position " + p.id + ": its document " + p.evidence.doc_id +
                               " is gone");
    } else {
      it->second.positions.push_back(p);
    }
    return true;
  }));
  for (auto& [id, e] : by_doc) {
    std::set<std::string> a, i, s;
    for (const Position& p : e.positions) {
      if (a.insert(p.actor).second) {
        auto f = actors.find(p.actor);
        e.actors.push_back(f != actors.end() ? f->second : Actor{p.actor, p.actor_label, "other"});
      }
      if (i.insert(p.issue).second) {
        auto f = issues.find(p.issue);
        e.issues.push_back(f != issues.end() ? f->second : Issue{p.issue, p.issue_label, p.open_issue});
      }
      if (!p.speaker.empty() && s.insert(p.speaker).second) {
        auto f = people.find(p.speaker);
        e.people.push_back(f != people.end() ? f->second
                                             : Person{p.speaker, p.speaker_label, p.actor, ""});
      }
    }
    StatusOr<ApplyOutcome> applied = out.Apply(e);
    if (!applied.ok()) {
      report.dropped.push_back("document " + id + ": " + applied.status().ToString());
      continue;
    }
    ++report.documents_rebuilt;
    report.positions_rebuilt += e.positions.size();
  }
  return Status::Ok();
}

}  // namespace

StatusOr<CheckReport> CheckStore(const fs::path& dir) {
  RocksDbStoreOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  StatusOr<std::unique_ptr<GraphStore>> store = OpenRocksDbStore(dir, options);
  if (!store.ok()) return store.status();
  CheckReport report;
  if (Status wal = StoreDb::ProbeWal(dir); !wal.ok()) {
    report.problems.push_back(wal.ToString() +
                              " (a writer refuses this store; `check --repair` salvages it)");
  }
  NEGOGRAPH_RETURN_IF_ERROR(Check(**store, report));
  return report;
}

StatusOr<RepairReport> RepairStore(const fs::path& dir) {
  RepairReport report;
  fs::path target = fs::absolute(dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  fs::path build = target.parent_path() /
                   ("." + target.filename().string() + ".repair." + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(build, ec);
  {
    RocksDbStoreOptions options;
    options.create_if_missing = false;
    options.salvage_wal = true;
    StatusOr<std::unique_ptr<StoreDb>> db = StoreDb::Open(target, options);
    if (!db.ok()) return db.status();
    report.wal_notes = (*db)->recovery_notes();
    RocksDbStore store(std::move(*db));
    StatusOr<std::unique_ptr<GraphStore>> out = OpenRocksDbStore(build);
    if (!out.ok()) return out.status();
    Status rebuilt = Rebuild(store, **out, report);
    out->reset();
    if (!rebuilt.ok()) {
      fs::remove_all(build, ec);
      return rebuilt;
    }
  }  // the old store is closed (and its salvaged state flushed) here
  char stamp[32];
  std::time_t now = std::time(nullptr);
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::gmtime(&now));
  report.backup = target.string() + ".before-repair-" + stamp;
  fs::rename(target, report.backup, ec);
  if (ec) return Status::IOError("moving the old store aside: " + ec.message());
  fs::rename(build, target, ec);
  if (ec) {
    return Status::IOError("moving the rebuilt store into place: " + ec.message() +
                           "; the old store is at " + report.backup.string() +
                           ", the rebuilt one at " + build.string());
  }
  SyncDir(target.parent_path());
  StatusOr<CheckReport> after = CheckStore(target);
  if (!after.ok()) return after.status();
  report.after = std::move(*after);
  return report;
}

}  // namespace negograph::store
