// JSON-LD: one @graph with a Position node per position and the actors,
// issues, rounds, documents and speakers they point to. The @context maps
// our short names onto the negograph vocabulary https://negograph.invalid/ns#
// (docs/exports.md), so the file loads as RDF into any triple store.
// Positions stream out as they are scanned; the nodes follow them.
#include <map>
#include <nlohmann/json.hpp>

#include "graph/export.h"
#include "graph/export_internal.h"
#include "graph/projection.h"

namespace negograph::export_internal {
namespace {

using nlohmann::json;

json Context() {
  auto ref = [](const char* iri) { return json{{"@id", iri}, {"@type", "@id"}}; };
  auto typed = [](const char* iri, const char* type) { return json{{"@id", iri}, {"@type", type}}; };
  return json{
      {"ng", "https://negograph.invalid/ns#"},
      {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
      {"xsd", "http://www.w3.org/2001/XMLSchema#"},
      {"Actor", "ng:Actor"},
      {"Issue", "ng:Issue"},
      {"OpenIssue", "ng:OpenIssue"},
      {"Position", "ng:Position"},
      {"Round", "ng:Round"},
      {"Document", "ng:Document"},
      {"Person", "ng:Person"},
      {"label", "rdfs:label"},
      {"actor", ref("ng:actor")},
      {"issue", ref("ng:issue")},
      {"stance", "ng:stance"},
      {"round", ref("ng:round")},
      {"document", ref("ng:document")},
      {"speaker", ref("ng:speaker")},
      {"target", ref("ng:target")},
      {"quote", "ng:quote"},
      {"condition", "ng:condition"},
      {"rule", "ng:rule"},
      {"sentence", typed("ng:sentence", "xsd:integer")},
      {"start", typed("ng:start", "xsd:integer")},
      {"end", typed("ng:end", "xsd:integer")},
      {"negated", typed("ng:negated", "xsd:boolean")},
      {"confidence", typed("ng:confidence", "xsd:decimal")},
  };
}

std::string Iri(std::string_view kind, std::string_view id) {
  std::string out = "ng:";
  out.append(kind).append("/").append(id);
  return out;
}

json PositionNode(const Position& p) {
  json j = {{"@id", Iri("position", p.id)},
            {"@type", "Position"},
            {"actor", Iri("actor", p.actor)},
            {"stance", StanceName(p.stance)},
            {"issue", Iri("issue", p.issue)},
            {"document", Iri("document", p.evidence.doc_id)},
            {"sentence", p.evidence.sentence},
            {"start", p.evidence.span.start},
            {"end", p.evidence.span.end},
            {"quote", p.evidence.quote},
            {"rule", p.rule},
            {"negated", p.negated},
            {"confidence", ShortConfidence(p.confidence)}};
  if (!p.round.empty()) j["round"] = Iri("round", p.round);
  if (!p.speaker.empty()) j["speaker"] = Iri("person", p.speaker);
  if (!p.target.empty()) j["target"] = Iri("actor", p.target);
  if (!p.condition.empty()) j["condition"] = p.condition;
  return j;
}

}  // namespace

Status WriteJsonLd(GraphStore& store, const ViewFilter& filter, std::ostream& out) {
  StatusOr<NodeCollector> collector = NodeCollector::For(store);
  if (!collector.ok()) return collector.status();
  NodeCollector& nodes = *collector;
  // Other nodes the positions reference: IRI -> (type, label).
  std::map<std::string, std::pair<const char*, std::string>> others;
  out << "{\"@context\":" << Context().dump() << ",\n\"@graph\":[";
  bool first = true;
  auto emit = [&](const json& j) {
    out << (first ? "\n" : ",\n") << j.dump();
    first = false;
  };
  NEGOGRAPH_RETURN_IF_ERROR(ScanView(store, filter, [&](const Position& p) {
    nodes.Add(p);
    if (!p.round.empty()) others.try_emplace(Iri("round", p.round), "Round", p.round);
    others.try_emplace(Iri("document", p.evidence.doc_id), "Document", p.evidence.doc_name);
    if (!p.speaker.empty()) {
      others.try_emplace(Iri("person", p.speaker), "Person",
                         p.speaker_label.empty() ? p.speaker : p.speaker_label);
    }
    emit(PositionNode(p));
    return out.good();
  }));
  for (const auto& [_, n] : nodes.nodes()) {
    // rdfs:label as language-tagged literals, one per language.
    json label = json::array({json{{"@value", n.label_en}, {"@language", "en"}},
                              json{{"@value", n.label_de}, {"@language", "de"}}});
    json j = {{"@id", Iri(n.actor ? "actor" : "issue", n.id)}, {"label", std::move(label)}};
    if (n.actor) {
      j["@type"] = "Actor";
    } else {
      j["@type"] = n.open ? json::array({"Issue", "OpenIssue"}) : json("Issue");
    }
    emit(j);
  }
  for (const auto& [iri, v] : others) emit(json{{"@id", iri}, {"@type", v.first}, {"label", v.second}});
  out << "\n]}\n";
  return out.good() ? Status::Ok() : Status::IOError("writing the JSON-LD export failed");
}

}  // namespace negograph::export_internal
