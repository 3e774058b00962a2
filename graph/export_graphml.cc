// GraphML (graphml.graphdrawing.org) for Gephi, yEd, networkx, igraph:
// typed <key> declarations, actor and issue nodes, one directed edge per
// position. Edges are buffered while the nodes are collected, so the file
// lists every node before the first edge (some streaming readers need it).
// Edges carry the document date and round (a Gephi timeline) and the byte
// offsets of the quote.
#include <sstream>

#include "graph/export.h"
#include "graph/export_internal.h"
#include "graph/projection.h"

namespace negograph::export_internal {
namespace {

struct Key {
  const char* id;
  const char* domain;
  const char* type;
};
constexpr Key kKeys[] = {
    {"kind", "node", "string"},        {"label", "node", "string"},
    {"label_de", "node", "string"},    {"label_en", "node", "string"},
    {"open", "node", "boolean"},       {"positions", "node", "long"},
    {"members", "node", "string"},
    {"stance", "edge", "string"},      {"round", "edge", "string"},
    {"quote", "edge", "string"},       {"doc", "edge", "string"},
    {"doc_name", "edge", "string"},    {"sentence", "edge", "int"},
    {"rule", "edge", "string"},        {"speaker", "edge", "string"},
    {"target", "edge", "string"},      {"condition", "edge", "string"},
    {"negated", "edge", "boolean"},    {"confidence", "edge", "double"},
    {"date", "edge", "string"},        {"span_start", "edge", "long"},
    {"span_end", "edge", "long"},
};

void Data(std::ostream& out, const char* key, std::string_view value) {
  out << "      <data key=\"" << key << "\">" << XmlEscape(value) << "</data>\n";
}

void WriteEdge(const Position& p, const DocDates& dates, std::ostream& out) {
  out << "    <edge id=\"" << XmlEscape(p.id) << "\" source=\""
      << XmlEscape(ExportNodeId(true, p.actor)) << "\" target=\""
      << XmlEscape(ExportNodeId(false, p.issue)) << "\">\n";
  Data(out, "stance", StanceName(p.stance));
  if (!p.round.empty()) Data(out, "round", p.round);
  Data(out, "quote", p.evidence.quote);
  Data(out, "doc", p.evidence.doc_id);
  Data(out, "doc_name", p.evidence.doc_name);
  Data(out, "sentence", std::to_string(p.evidence.sentence));
  Data(out, "rule", p.rule);
  if (!p.speaker.empty()) Data(out, "speaker", p.speaker);
  if (!p.target.empty()) Data(out, "target", p.target);
  if (!p.condition.empty()) Data(out, "condition", p.condition);
  Data(out, "negated", p.negated ? "true" : "false");
  Data(out, "confidence", FormatConfidence(p.confidence));
  if (auto d = dates.find(p.evidence.doc_id); d != dates.end() && !d->second.empty()) {
    Data(out, "date", d->second);
  }
  Data(out, "span_start", std::to_string(p.evidence.span.start));
  Data(out, "span_end", std::to_string(p.evidence.span.end));
  out << "    </edge>\n";
}

}  // namespace

Status WriteGraphMl(GraphStore& store, const ViewFilter& filter, std::ostream& out) {
  StatusOr<DocDates> dates = DocumentDates(store);
  if (!dates.ok()) return dates.status();
  StatusOr<NodeCollector> collector = NodeCollector::For(store);
  if (!collector.ok()) return collector.status();
  NodeCollector& nodes = *collector;
  std::ostringstream edges;
  NEGOGRAPH_RETURN_IF_ERROR(ScanView(store, filter, [&](const Position& p) {
    nodes.Add(p);
    WriteEdge(p, *dates, edges);
    return true;
  }));

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.id
        << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  out << "  <graph id=\"negograph\" edgedefault=\"directed\">\n";
  for (const auto& [id, n] : nodes.nodes()) {
    out << "    <node id=\"" << XmlEscape(id) << "\">\n";
    Data(out, "kind", n.actor ? "actor" : "issue");
    Data(out, "label", n.label);
    Data(out, "label_de", n.label_de);
    Data(out, "label_en", n.label_en);
    Data(out, "open", n.open ? "true" : "false");
    Data(out, "positions", std::to_string(n.positions));
    if (!n.members.empty()) Data(out, "members", n.members);
    out << "    </node>\n";
  }
  out << edges.view();
  out << "  </graph>\n</graphml>\n";
  return out.good() ? Status::Ok() : Status::IOError("writing the GraphML export failed");
}

}  // namespace negograph::export_internal
