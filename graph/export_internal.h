// PRIVATE to graph/export*.cc: escaping and node collection shared by the
// export formats.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "graph/analysis.h"
#include "graph/graph_store.h"
#include "graph/labels.h"
#include "graph/model.h"
#include "graph/status.h"

namespace negograph::export_internal {

// XML character data / attribute value: & < > " ' escaped; characters XML
// 1.0 forbids (C0 controls but tab, LF, CR) become a space.
std::string XmlEscape(std::string_view s);

// One RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote,
// CR or LF, or starts or ends with a space.
std::string CsvField(std::string_view s);

// "1.0", "0.85": confidence with at most 4 decimals, no locale.
std::string FormatConfidence(float confidence);

// The actor and issue nodes a set of positions touches, keyed by export id
// (so iteration is sorted and deterministic).
struct ExportNode {
  bool actor = true;
  std::string id;     // Actor::id or Issue::id
  std::string label;     // as the positions name it (the view's language)
  std::string label_de;  // both languages, from the store's nodes
  std::string label_en;
  bool open = false;
  uint64_t positions = 0;
  std::string members;  // a bloc's member actor ids, ';'-separated ("" for others)
};
class NodeCollector {
 public:
  NodeCollector() = default;
  // Labels per language come from `book`; a node it lacks has its one label in both.
  explicit NodeCollector(LabelBook book) : book_(std::move(book)) {}
  // The collector for an export of `store`.
  static StatusOr<NodeCollector> For(GraphStore& store);
  void Add(const Position& p);
  const std::map<std::string, ExportNode>& nodes() const { return nodes_; }

 private:
  void AddOne(bool actor, const std::string& id, const std::string& label, bool open);
  LabelBook book_;
  std::map<std::string, ExportNode> nodes_;
};

// Document id -> its date (ISO, possibly partial or empty), for the formats
// that date their records (GraphML edges, PLOVER events).
using DocDates = std::unordered_map<std::string, std::string>;
StatusOr<DocDates> DocumentDates(GraphStore& store);

// One writer per format (export_graphml.cc, export_jsonld.cc,
// export_plover.cc); Export() dispatches to them.
Status WriteGraphMl(GraphStore& store, const ViewFilter& filter, std::ostream& out);
Status WriteJsonLd(GraphStore& store, const ViewFilter& filter, std::ostream& out);
Status WritePlover(GraphStore& store, const ViewFilter& filter,
                   const std::map<std::string, std::string>& country_codes, std::ostream& out);

}  // namespace negograph::export_internal
