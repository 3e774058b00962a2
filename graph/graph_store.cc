#include "graph/graph_store.h"

namespace negograph {

std::string_view ApplyOutcomeName(ApplyOutcome outcome) {
  switch (outcome) {
    case ApplyOutcome::kInserted: return "inserted";
    case ApplyOutcome::kUnchanged: return "unchanged";
    case ApplyOutcome::kReplaced: return "replaced";
  }
  return "unknown";
}

Status GraphStore::ApplyBulk(std::span<const DocumentExtraction> extractions) {
  for (const DocumentExtraction& e : extractions) {
    StatusOr<ApplyOutcome> r = Apply(e);
    if (!r.ok()) return r.status().WithContext("document " + e.document.name);
  }
  return Status::Ok();
}

namespace {

// Collects the parts; Commit applies them as one extraction.
class CollectingWriter final : public DocumentWriter {
 public:
  CollectingWriter(GraphStore& store, const Document& document, bool unchanged)
      : store_(store), unchanged_(unchanged) {
    all_.document = document;
  }
  bool unchanged() const override { return unchanged_; }
  Status Add(const DocumentExtraction& part) override {
    if (unchanged_) return Status::Ok();
    if (part.document.id != all_.document.id) {
      return Status::InvalidArgument("part of document " + part.document.id +
                                     " added to the writer of " + all_.document.id);
    }
    all_.positions.insert(all_.positions.end(), part.positions.begin(), part.positions.end());
    all_.actors.insert(all_.actors.end(), part.actors.begin(), part.actors.end());
    all_.issues.insert(all_.issues.end(), part.issues.begin(), part.issues.end());
    all_.people.insert(all_.people.end(), part.people.begin(), part.people.end());
    return Status::Ok();
  }
  StatusOr<ApplyOutcome> Commit() override {
    if (unchanged_) return ApplyOutcome::kUnchanged;
    return store_.Apply(all_);
  }

 private:
  GraphStore& store_;
  bool unchanged_;
  DocumentExtraction all_;
};

}  // namespace

StatusOr<std::unique_ptr<DocumentWriter>> GraphStore::BeginDocument(const Document& document) {
  StatusOr<Document> stored = GetDocument(document.id);
  bool unchanged = stored.ok() && stored->rules_version == document.rules_version &&
                   stored->round == document.round && stored->date == document.date;
  if (!stored.ok() && stored.status().code() != StatusCode::kNotFound) return stored.status();
  return std::unique_ptr<DocumentWriter>(new CollectingWriter(*this, document, unchanged));
}

}  // namespace negograph
