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

}  // namespace negograph
