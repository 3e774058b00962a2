// PLOVER-style event records (openeventdata/PLOVER): one event per position,
// a JSON array. Our stances map onto the closest PLOVER event types
// (PloverEventType); a conditional position gets PLOVER's auxiliary mode
// "hypothetical". Field names follow PLOVER's JSON ("actor", "recipient",
// "event_type", "mode", "context"), with our own fields kept beside them.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "graph/export.h"
#include "graph/export_internal.h"
#include "graph/projection.h"

namespace negograph::export_internal {

using nlohmann::json;

Status WritePlover(GraphStore& store, const ViewFilter& filter, std::ostream& out) {
  // Event dates are document dates; recipients need actor labels.
  StatusOr<std::vector<Counted<Document>>> docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  std::unordered_map<std::string, std::string> doc_date;
  doc_date.reserve(docs->size());
  for (const Counted<Document>& d : *docs) doc_date.emplace(d.item.id, d.item.date);
  StatusOr<std::vector<Counted<Actor>>> actors = store.ListActors();
  if (!actors.ok()) return actors.status();
  std::unordered_map<std::string, std::string> actor_label;
  actor_label.reserve(actors->size());
  for (const Counted<Actor>& a : *actors) actor_label.emplace(a.item.id, a.item.label);

  out << "[";
  bool first = true;
  NEGOGRAPH_RETURN_IF_ERROR(ScanView(store, filter, [&](const Position& p) {
    json recipient = nullptr;
    if (!p.target.empty()) {
      auto it = actor_label.find(p.target);
      recipient = {{"id", p.target}, {"name", it == actor_label.end() ? p.target : it->second}};
    }
    auto date = doc_date.find(p.evidence.doc_id);
    json event = {
        {"id", p.id},
        {"event_type", PloverEventType(p.stance)},
        {"mode", p.condition.empty() ? json(nullptr) : json("hypothetical")},
        {"context", json::array()},
        {"actor", {{"id", p.actor}, {"name", p.actor_label.empty() ? p.actor : p.actor_label}}},
        {"recipient", recipient},
        {"issue", {{"id", p.issue}, {"label", p.issue_label}, {"open", p.open_issue}}},
        {"stance", StanceName(p.stance)},
        {"date", date == doc_date.end() ? "" : date->second},
        {"text", p.evidence.quote},
        {"doc", p.evidence.doc_id},
        {"doc_name", p.evidence.doc_name},
        {"sentence", p.evidence.sentence},
        {"round", p.round},
        {"speaker", p.speaker},
        {"condition", p.condition},
        {"negated", p.negated},
        {"rule", p.rule},
        {"confidence", p.confidence},
    };
    out << (first ? "\n" : ",\n") << event.dump();
    first = false;
    return out.good();
  }));
  out << "\n]\n";
  return out.good() ? Status::Ok() : Status::IOError("writing the PLOVER export failed");
}

}  // namespace negograph::export_internal
