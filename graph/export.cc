// Export format names and types, the CSV (neo4j-admin import) writer, and
// the helpers the other formats share.
#include "graph/export.h"

#include <cstdio>
#include <sstream>

#include "graph/export_internal.h"
#include "graph/projection.h"

namespace negograph {

namespace export_internal {

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: {
        auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 && c != '\t' && c != '\n' && c != '\r') ? ' ' : c;
      }
    }
  }
  return out;
}

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string FormatConfidence(float confidence) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", ShortConfidence(confidence));
  return buf;
}

StatusOr<DocDates> DocumentDates(GraphStore& store) {
  StatusOr<std::vector<Counted<Document>>> docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  DocDates dates;
  dates.reserve(docs->size());
  for (const Counted<Document>& d : *docs) dates.emplace(d.item.id, d.item.date);
  return dates;
}

StatusOr<NodeCollector> NodeCollector::For(GraphStore& store) {
  StatusOr<LabelBook> book = LabelBook::FromStore(store);
  if (!book.ok()) return book.status();
  return NodeCollector(std::move(*book));
}

void NodeCollector::AddOne(bool actor, const std::string& id, const std::string& label,
                           bool open) {
  auto [it, inserted] = nodes_.try_emplace(ExportNodeId(actor, id));
  if (inserted) {
    std::string shown = label.empty() ? id : label;
    const Labels* l = actor ? book_.ActorLabels(id) : book_.IssueLabels(id);
    Labels both = l != nullptr ? *l : Labels{};
    it->second = ExportNode{actor, id, shown, LabelIn(both, "de", shown), LabelIn(both, "en", shown),
                            open, 0, {}};
    if (const auto* members = actor ? book_.ActorMembers(id) : nullptr) {
      for (const std::string& m : *members) it->second.members += (it->second.members.empty() ? "" : ";") + m;
    }
  }
  ++it->second.positions;
}

void NodeCollector::Add(const Position& p) {
  AddOne(true, p.actor, p.actor_label, false);
  AddOne(false, p.issue, p.issue_label, p.open_issue);
}

}  // namespace export_internal

namespace {

using export_internal::CsvField;

// label: in the view's language; label_de, label_en: both, always (appended:
// the column order is fixed, new columns only ever come last, docs/exports.md).
constexpr const char* kCsvNodesHeader =
    "id:ID,label,kind,open:boolean,positions:long,:LABEL,label_de,label_en,members:string[]";
constexpr const char* kCsvEdgesHeader =
    ":START_ID,:END_ID,:TYPE,id,stance,round,quote,doc,doc_name,sentence:int,start:int,end:int,"
    "rule,speaker,target,condition,negated:boolean,confidence:float,rank:long";

// A non-negative 63-bit integer per position (its 64-bit hex id shifted
// right): NebulaGraph needs an integer rank to keep parallel edges apart.
uint64_t EdgeRank(std::string_view position_id) {
  uint64_t v = 0;
  for (char c : position_id) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (d < 0) return 0;
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  return v >> 1;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

// RFC 4180 ends records with CRLF.
void WriteCsvEdge(const Position& p, std::ostream& out) {
  out << CsvField(ExportNodeId(true, p.actor)) << ',' << CsvField(ExportNodeId(false, p.issue))
      << ',' << Upper(StanceName(p.stance)) << ',' << CsvField(p.id) << ','
      << StanceName(p.stance) << ',' << CsvField(p.round) << ',' << CsvField(p.evidence.quote)
      << ',' << CsvField(p.evidence.doc_id) << ',' << CsvField(p.evidence.doc_name) << ','
      << p.evidence.sentence << ',' << p.evidence.span.start << ',' << p.evidence.span.end << ','
      << CsvField(p.rule) << ',' << CsvField(p.speaker) << ',' << CsvField(p.target) << ','
      << CsvField(p.condition) << ',' << (p.negated ? "true" : "false") << ','
      << export_internal::FormatConfidence(p.confidence) << ',' << EdgeRank(p.id) << "\r\n";
}

void WriteCsvNodes(const export_internal::NodeCollector& nodes, std::ostream& out) {
  out << kCsvNodesHeader << "\r\n";
  for (const auto& [id, n] : nodes.nodes()) {
    const char* labels = n.actor ? "Actor" : (n.open ? "Issue;OpenIssue" : "Issue");
    out << CsvField(id) << ',' << CsvField(n.label) << ',' << (n.actor ? "actor" : "issue") << ','
        << (n.open ? "true" : "false") << ',' << n.positions << ',' << labels << ','
        << CsvField(n.label_de) << ',' << CsvField(n.label_en) << ',' << CsvField(n.members) << "\r\n";
  }
}

Status CheckStream(const std::ostream& out) {
  return out.good() ? Status::Ok() : Status::IOError("writing the export failed");
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "graphml") return ExportFormat::kGraphMl;
  if (name == "csv-nodes") return ExportFormat::kCsvNodes;
  if (name == "csv-edges") return ExportFormat::kCsvEdges;
  if (name == "jsonld") return ExportFormat::kJsonLd;
  if (name == "plover") return ExportFormat::kPlover;
  return std::nullopt;
}

std::string_view ExportContentType(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphMl: return "application/graphml+xml; charset=utf-8";
    case ExportFormat::kCsvNodes:
    case ExportFormat::kCsvEdges: return "text/csv; charset=utf-8; header=present";
    case ExportFormat::kJsonLd: return "application/ld+json";
    case ExportFormat::kPlover: return "application/x-ndjson";
  }
  return "application/octet-stream";
}

std::string_view ExportFileName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphMl: return "negograph.graphml";
    case ExportFormat::kCsvNodes: return "nodes.csv";
    case ExportFormat::kCsvEdges: return "edges.csv";
    case ExportFormat::kJsonLd: return "negograph.jsonld";
    case ExportFormat::kPlover: return "negograph-plover.jsonl";
  }
  return "negograph.out";
}

std::string ExportNodeId(bool actor, std::string_view id) {
  std::string out = actor ? "actor:" : "issue:";
  out.append(id);
  return out;
}

std::string_view PloverEventType(Stance stance) {
  switch (stance) {
    case Stance::kDemand: return "REQUEST";
    case Stance::kOffer:
    case Stance::kAccept:
    case Stance::kAssure: return "AGREE";
    case Stance::kReject: return "REJECT";
    case Stance::kThreaten: return "THREATEN";
  }
  return "AGREE";
}

Status ExportPlover(GraphStore& store, const ViewFilter& filter,
                    const std::map<std::string, std::string>& country_codes, std::ostream& out) {
  return export_internal::WritePlover(store, filter, country_codes, out);
}

Status ExportCsv(GraphStore& store, const ViewFilter& filter, std::ostream& nodes_out,
                 std::ostream& edges_out) {
  StatusOr<export_internal::NodeCollector> collector = export_internal::NodeCollector::For(store);
  if (!collector.ok()) return collector.status();
  export_internal::NodeCollector& nodes = *collector;
  edges_out << kCsvEdgesHeader << "\r\n";
  NEGOGRAPH_RETURN_IF_ERROR(ScanView(store, filter, [&](const Position& p) {
    nodes.Add(p);
    WriteCsvEdge(p, edges_out);
    return edges_out.good();
  }));
  NEGOGRAPH_RETURN_IF_ERROR(CheckStream(edges_out));
  WriteCsvNodes(nodes, nodes_out);
  return CheckStream(nodes_out);
}

Status Export(GraphStore& store, ExportFormat format, const ViewFilter& filter,
              std::ostream& out) {
  switch (format) {
    case ExportFormat::kGraphMl: return export_internal::WriteGraphMl(store, filter, out);
    case ExportFormat::kJsonLd: return export_internal::WriteJsonLd(store, filter, out);
    case ExportFormat::kPlover: return export_internal::WritePlover(store, filter, {}, out);
    case ExportFormat::kCsvNodes: {
      StatusOr<export_internal::NodeCollector> collector = export_internal::NodeCollector::For(store);
      if (!collector.ok()) return collector.status();
      export_internal::NodeCollector& nodes = *collector;
      NEGOGRAPH_RETURN_IF_ERROR(ScanView(store, filter, [&](const Position& p) {
        nodes.Add(p);
        return true;
      }));
      WriteCsvNodes(nodes, out);
      return CheckStream(out);
    }
    case ExportFormat::kCsvEdges: {
      std::ostringstream discard;
      return ExportCsv(store, filter, discard, out);
    }
  }
  return Status::InvalidArgument("unknown export format");
}

}  // namespace negograph
