// GraphStore: the narrow storage interface. The embedded RocksDB store
// (graph/rocksdb/) is the default; graph/memory_store.h backs tests; a
// distributed engine can take over behind the same calls.
//
// Thread safety: implementations are safe for concurrent calls. A reader
// running while a document is applied sees the store either before or after
// that document, never half of it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace negograph {

enum class ApplyOutcome {
  kInserted,   // a new document
  kUnchanged,  // same text, rules version, round and date already stored: nothing written
  kReplaced,   // same text, other rules version, round or date: positions replaced atomically
};
std::string_view ApplyOutcomeName(ApplyOutcome outcome);

// Filters combine with AND; an empty field does not filter.
struct PositionFilter {
  std::string actor;     // Actor::id
  std::optional<Stance> stance;
  std::string issue;     // Issue::id
  std::string round;     // Round::id
  std::string doc;       // Document::id
  std::string text;      // case-insensitive substring of the quote
  size_t limit = 100;    // page size; 0 = no limit
  std::string cursor;    // opaque; from PositionPage::next_cursor
};

// Positions in a stable order (by position id); next_cursor is empty on the last page.
struct PositionPage {
  std::vector<Position> items;
  std::string next_cursor;
};

// A node with how many positions touch it.
template <typename T>
struct Counted {
  T item;
  uint64_t positions = 0;
};

struct StoreStats {
  uint64_t documents = 0;
  uint64_t actors = 0;
  uint64_t issues = 0;
  uint64_t rounds = 0;
  uint64_t positions = 0;
};

// Writes one large document in parts (GraphStore::BeginDocument), so that
// neither the extractor nor the store holds all its positions at once.
// Nothing of the document is visible before Commit; then all of it is, in
// one step. Destroying the writer without Commit discards what was staged.
// A crash before Commit leaves the store as it was (staged files of a dead
// process are removed when the store is next opened for writing).
class DocumentWriter {
 public:
  virtual ~DocumentWriter() = default;
  // True when the store holds this document already (same text, rules
  // version, round and date): Add and Commit do nothing, and the caller
  // may skip extraction.
  virtual bool unchanged() const = 0;
  // Stages one part: its positions and the nodes they reference.
  // part.document.id must be the document's; the rest of part.document is
  // ignored. InvalidArgument as Apply for bad ids.
  virtual Status Add(const DocumentExtraction& part) = 0;
  // Makes the document visible: kInserted, kReplaced (the positions of the
  // stored version are deleted in the same step) or kUnchanged.
  virtual StatusOr<ApplyOutcome> Commit() = 0;
};

class GraphStore {
 public:
  virtual ~GraphStore() = default;

  // Stores one document and all it yields in one atomic write. Idempotent:
  // the same text under the same rules version, round and date is a no-op
  // (kUnchanged).
  // Ids must be those of graph/ids.h (32-hex ContentId, 16-hex PositionId),
  // else InvalidArgument; see graph/store_rules.h for what is stored.
  virtual StatusOr<ApplyOutcome> Apply(const DocumentExtraction& extraction) = 0;

  // Bulk path for large imports: may group many documents per write; each
  // document still lands whole or not at all.
  virtual Status ApplyBulk(std::span<const DocumentExtraction> extractions);

  // Begins a document written in parts (DocumentWriter). `document` is
  // complete but for its positions: id, text, lang, rules_version, round.
  // It must outlive the writer. The default collects the parts and applies
  // them as one extraction at Commit (memory as Apply); the RocksDB store
  // stages each part on disk.
  virtual StatusOr<std::unique_ptr<DocumentWriter>> BeginDocument(const Document& document);

  // Deletes a document and every position, evidence and index entry derived
  // from it. NotFound for an unknown id.
  virtual Status RemoveDocument(std::string_view doc_id) = 0;

  virtual StatusOr<Document> GetDocument(std::string_view doc_id) = 0;
  // Documents without their text, ordered by id.
  virtual StatusOr<std::vector<Counted<Document>>> ListDocuments() = 0;
  virtual StatusOr<std::vector<Counted<Actor>>> ListActors() = 0;
  virtual StatusOr<std::vector<Counted<Issue>>> ListIssues() = 0;
  virtual StatusOr<std::vector<Counted<Person>>> ListPeople() = 0;

  virtual Status PutRound(const Round& round) = 0;
  virtual StatusOr<std::vector<Counted<Round>>> ListRounds() = 0;

  virtual StatusOr<Position> GetPosition(std::string_view position_id) = 0;
  virtual StatusOr<PositionPage> FindPositions(const PositionFilter& filter) = 0;
  // Visits every position matching the filter (limit and cursor ignored) from
  // one consistent snapshot; stops early when `visit` returns false.
  virtual Status ScanPositions(const PositionFilter& filter,
                               const std::function<bool(const Position&)>& visit) = 0;

  virtual StatusOr<StoreStats> Stats() = 0;
};

}  // namespace negograph
