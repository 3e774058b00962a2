// The in-memory GraphStore. Same contract as the RocksDB store (the contract
// suite in tests/store/ runs against both): ids validated the same way
// (graph/store_rules.h), positions ordered by id, cursor = last id returned.
//
// Thread safety: one std::shared_mutex; writers exclusive, readers shared, so
// a reader sees a document wholly or not at all. ScanPositions copies the
// matches under the lock and visits them after releasing it, so `visit` may
// call back into the store.
#include "graph/memory_store.h"

#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "graph/store_rules.h"

namespace negograph {
namespace {

class MemoryStore final : public GraphStore {
 public:
  StatusOr<ApplyOutcome> Apply(const DocumentExtraction& e) override {
    NEGOGRAPH_RETURN_IF_ERROR(ValidateExtraction(e));
    std::unique_lock lock(mu_);
    ApplyOutcome outcome = ApplyOutcome::kInserted;
    if (auto it = docs_.find(e.document.id); it != docs_.end()) {
      // A changed round or date is a change too (issue 14): the positions
      // carry the round, so they are rewritten.
      const Document& old = it->second;
      if (old.rules_version == e.document.rules_version && old.round == e.document.round &&
          old.date == e.document.date) {
        return ApplyOutcome::kUnchanged;
      }
      EraseDocumentLocked(e.document.id);
      outcome = ApplyOutcome::kReplaced;
    }
    docs_[e.document.id] = e.document;
    std::vector<std::string>& ids = doc_positions_[e.document.id];
    for (Position& p : PositionsToStore(e)) {
      ids.push_back(p.id);
      positions_[p.id] = std::move(p);
    }
    ExtractionNodes n = CollectNodes(e);
    for (size_t i = 0; i < n.actors.size(); ++i) Upsert(actors_, n.actors[i], n.actor_synth[i]);
    for (size_t i = 0; i < n.issues.size(); ++i) Upsert(issues_, n.issues[i], n.issue_synth[i]);
    for (size_t i = 0; i < n.people.size(); ++i) Upsert(people_, n.people[i], n.person_synth[i]);
    return outcome;
  }

  Status RemoveDocument(std::string_view doc_id) override {
    std::unique_lock lock(mu_);
    if (!docs_.contains(std::string(doc_id))) {
      return Status::NotFound("no document " + std::string(doc_id));
    }
    EraseDocumentLocked(std::string(doc_id));
    return Status::Ok();
  }

  StatusOr<Document> GetDocument(std::string_view doc_id) override {
    std::shared_lock lock(mu_);
    auto it = docs_.find(std::string(doc_id));
    if (it == docs_.end()) return Status::NotFound("no document " + std::string(doc_id));
    return it->second;
  }

  StatusOr<std::vector<Counted<Document>>> ListDocuments() override {
    std::shared_lock lock(mu_);
    std::vector<Counted<Document>> out;
    for (const auto& [id, doc] : docs_) {
      Counted<Document> c{doc, doc_positions_.at(id).size()};
      c.item.text.clear();
      out.push_back(std::move(c));
    }
    return out;
  }

  StatusOr<std::vector<Counted<Actor>>> ListActors() override {
    std::shared_lock lock(mu_);
    return ListCounted(actors_, [](const Position& p) -> const std::string& { return p.actor; });
  }
  StatusOr<std::vector<Counted<Issue>>> ListIssues() override {
    std::shared_lock lock(mu_);
    return ListCounted(issues_, [](const Position& p) -> const std::string& { return p.issue; });
  }
  StatusOr<std::vector<Counted<Person>>> ListPeople() override {
    std::shared_lock lock(mu_);
    return ListCounted(people_,
                       [](const Position& p) -> const std::string& { return p.speaker; });
  }

  Status PutRound(const Round& round) override {
    if (round.id.empty()) return Status::InvalidArgument("a round needs an id");
    std::unique_lock lock(mu_);
    rounds_[round.id] = round;
    return Status::Ok();
  }

  // Every registered round (even with no positions) plus every round id that
  // positions reference (as Round{id} when unregistered), ordered by id.
  StatusOr<std::vector<Counted<Round>>> ListRounds() override {
    std::shared_lock lock(mu_);
    std::map<std::string, Counted<Round>> out;
    for (const auto& [id, r] : rounds_) out[id] = {r, 0};
    for (const auto& [id, p] : positions_) {
      if (p.round.empty()) continue;
      Counted<Round>& c = out[p.round];
      if (c.item.id.empty()) c.item.id = p.round;
      ++c.positions;
    }
    std::vector<Counted<Round>> v;
    for (auto& [id, c] : out) v.push_back(std::move(c));
    return v;
  }

  StatusOr<Position> GetPosition(std::string_view position_id) override {
    std::shared_lock lock(mu_);
    auto it = positions_.find(std::string(position_id));
    if (it == positions_.end()) return Status::NotFound("no position " + std::string(position_id));
    return it->second;
  }

  StatusOr<PositionPage> FindPositions(const PositionFilter& filter) override {
    NEGOGRAPH_RETURN_IF_ERROR(ValidateCursor(filter.cursor));
    std::shared_lock lock(mu_);
    PositionPage page;
    auto it = filter.cursor.empty() ? positions_.begin() : positions_.upper_bound(filter.cursor);
    for (; it != positions_.end(); ++it) {
      if (!MatchesFilter(it->second, filter)) continue;
      if (filter.limit != 0 && page.items.size() == filter.limit) {
        page.next_cursor = page.items.back().id;  // one more match exists
        break;
      }
      page.items.push_back(it->second);
    }
    return page;
  }

  Status ScanPositions(const PositionFilter& filter,
                       const std::function<bool(const Position&)>& visit) override {
    std::vector<Position> matches;
    {
      std::shared_lock lock(mu_);
      for (const auto& [id, p] : positions_) {
        if (MatchesFilter(p, filter)) matches.push_back(p);
      }
    }
    for (const Position& p : matches) {
      if (!visit(p)) break;
    }
    return Status::Ok();
  }

  StatusOr<StoreStats> Stats() override {
    StoreStats s;
    NEGOGRAPH_RETURN_IF_ERROR(CountNodes(*this, s));
    std::shared_lock lock(mu_);
    s.documents = docs_.size();
    s.positions = positions_.size();
    return s;
  }

 private:
  template <typename T>
  static void Upsert(std::map<std::string, T>& nodes, const T& node, bool synthesized) {
    if (synthesized) {
      nodes.try_emplace(node.id, node);
    } else {
      nodes[node.id] = node;
    }
  }

  // Nodes with at least one position (orphans stay stored but are not listed).
  template <typename T, typename KeyOf>
  std::vector<Counted<T>> ListCounted(const std::map<std::string, T>& nodes, KeyOf key_of) const {
    std::map<std::string, uint64_t> counts;
    for (const auto& [id, p] : positions_) {
      const std::string& key = key_of(p);
      if (!key.empty()) ++counts[key];
    }
    std::vector<Counted<T>> out;
    for (const auto& [id, n] : counts) {
      auto it = nodes.find(id);
      T node{};
      if (it != nodes.end()) {
        node = it->second;
      } else {
        node.id = id;
      }
      out.push_back({std::move(node), n});
    }
    return out;
  }

  void EraseDocumentLocked(const std::string& doc_id) {
    for (const std::string& pid : doc_positions_[doc_id]) positions_.erase(pid);
    doc_positions_.erase(doc_id);
    docs_.erase(doc_id);
  }

  std::shared_mutex mu_;
  std::map<std::string, Document> docs_;
  std::map<std::string, std::vector<std::string>> doc_positions_;
  std::map<std::string, Position> positions_;
  std::map<std::string, Actor> actors_;
  std::map<std::string, Issue> issues_;
  std::map<std::string, Person> people_;
  std::map<std::string, Round> rounds_;
};

}  // namespace

std::unique_ptr<GraphStore> NewMemoryStore() { return std::make_unique<MemoryStore>(); }

}  // namespace negograph
