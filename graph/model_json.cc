#include "graph/model_json.h"

#include <nlohmann/json.hpp>

namespace negograph {

using nlohmann::json;

namespace {

// Reads an optional field: absent or null leaves the default.
template <typename T>
void Get(const json& j, const char* key, T& out) {
  auto it = j.find(key);
  if (it != j.end() && !it->is_null()) it->get_to(out);
}

json SpanJson(const Span& s) { return json::array({s.start, s.end}); }

void GetSpan(const json& j, const char* key, Span& out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array() || it->size() != 2) return;
  out.start = (*it)[0].get<uint32_t>();
  out.end = (*it)[1].get<uint32_t>();
}

}  // namespace

static json LabelsJson(const Labels& l, const std::string& label) {
  return json{{"de", LabelIn(l, "de", label)}, {"en", LabelIn(l, "en", label)}};
}
static void GetLabels(const json& j, Labels& out) {
  auto it = j.find("labels");
  if (it == j.end() || !it->is_object()) return;
  Get(*it, "de", out.de);
  Get(*it, "en", out.en);
}

void to_json(json& j, const Actor& v) {
  j = json{{"id", v.id}, {"label", v.label}, {"labels", LabelsJson(v.labels, v.label)}, {"type", v.type}};
  if (!v.members.empty()) j["members"] = v.members;
}
void from_json(const json& j, Actor& v) {
  Get(j, "id", v.id);
  Get(j, "label", v.label);
  GetLabels(j, v.labels);
  Get(j, "type", v.type);
  Get(j, "members", v.members);
}

void to_json(json& j, const Issue& v) {
  j = json{{"id", v.id}, {"label", v.label}, {"labels", LabelsJson(v.labels, v.label)}, {"open", v.open}};
  if (v.open) j["untranslated"] = v.untranslated;
}
void from_json(const json& j, Issue& v) {
  Get(j, "id", v.id);
  Get(j, "label", v.label);
  GetLabels(j, v.labels);
  Get(j, "open", v.open);
  Get(j, "untranslated", v.untranslated);
}

void to_json(json& j, const Person& v) {
  j = json{{"id", v.id}, {"name", v.name}, {"labels", LabelsJson(v.labels, v.name)}, {"party", v.party},
           {"role", v.role}};
}
void from_json(const json& j, Person& v) {
  Get(j, "id", v.id);
  Get(j, "name", v.name);
  GetLabels(j, v.labels);
  Get(j, "party", v.party);
  Get(j, "role", v.role);
}

void to_json(json& j, const Round& v) {
  j = json{{"id", v.id},           {"name", v.name},       {"place", v.place},
           {"date_from", v.date_from}, {"date_to", v.date_to}, {"format", v.format},
           {"participants", v.participants}, {"labels", LabelsJson(v.labels, v.name)}};
}
void from_json(const json& j, Round& v) {
  Get(j, "id", v.id);
  Get(j, "name", v.name);
  Get(j, "place", v.place);
  Get(j, "date_from", v.date_from);
  Get(j, "date_to", v.date_to);
  Get(j, "format", v.format);
  Get(j, "participants", v.participants);
  GetLabels(j, v.labels);
}

void to_json(json& j, const Document& v) {
  j = json{{"id", v.id},       {"name", v.name},     {"title", v.title},
           {"date", v.date},   {"lang", v.lang},     {"source", v.source},
           {"round", v.round}, {"text", v.text},     {"rules_version", v.rules_version}};
}
void from_json(const json& j, Document& v) {
  Get(j, "id", v.id);
  Get(j, "name", v.name);
  Get(j, "title", v.title);
  Get(j, "date", v.date);
  Get(j, "lang", v.lang);
  Get(j, "source", v.source);
  Get(j, "round", v.round);
  Get(j, "text", v.text);
  Get(j, "rules_version", v.rules_version);
}

void to_json(json& j, const Position& v) {
  j = json{{"id", v.id},
           {"doc", v.evidence.doc_name},
           {"doc_id", v.evidence.doc_id},
           {"actor", v.actor},
           {"actor_label", v.actor_label},
           {"stance", StanceName(v.stance)},
           {"issue", v.issue},
           {"issue_label", v.issue_label},
           {"open_issue", v.open_issue},
           {"speaker", v.speaker},
           {"speaker_label", v.speaker_label},
           {"target", v.target},
           {"condition", v.condition},
           {"negated", v.negated},
           {"round", v.round},
           {"sentence", v.evidence.sentence},
           {"start", v.evidence.span.start},
           {"end", v.evidence.span.end},
           {"quote", v.evidence.quote},
           {"cue", SpanJson(v.evidence.cue)},
           {"actor_span", SpanJson(v.evidence.actor_span)},
           {"issue_span", SpanJson(v.evidence.issue_span)},
           {"rule", v.rule},
           {"confidence", ShortConfidence(v.confidence)}};
}
void from_json(const json& j, Position& v) {
  Get(j, "id", v.id);
  Get(j, "doc", v.evidence.doc_name);
  Get(j, "doc_id", v.evidence.doc_id);
  Get(j, "actor", v.actor);
  Get(j, "actor_label", v.actor_label);
  std::string stance;
  Get(j, "stance", stance);
  auto parsed = ParseStance(stance);
  if (!parsed) throw json::other_error::create(501, "unknown stance '" + stance + "'", &j);
  v.stance = *parsed;
  Get(j, "issue", v.issue);
  Get(j, "issue_label", v.issue_label);
  Get(j, "open_issue", v.open_issue);
  Get(j, "speaker", v.speaker);
  Get(j, "speaker_label", v.speaker_label);
  Get(j, "target", v.target);
  Get(j, "condition", v.condition);
  Get(j, "negated", v.negated);
  Get(j, "round", v.round);
  Get(j, "sentence", v.evidence.sentence);
  Get(j, "start", v.evidence.span.start);
  Get(j, "end", v.evidence.span.end);
  Get(j, "quote", v.evidence.quote);
  GetSpan(j, "cue", v.evidence.cue);
  GetSpan(j, "actor_span", v.evidence.actor_span);
  GetSpan(j, "issue_span", v.evidence.issue_span);
  Get(j, "rule", v.rule);
  Get(j, "confidence", v.confidence);
}

void to_json(json& j, const DocumentExtraction& v) {
  j = json{{"document", v.document}, {"positions", v.positions}, {"actors", v.actors},
           {"issues", v.issues},     {"people", v.people}};
}
void from_json(const json& j, DocumentExtraction& v) {
  Get(j, "document", v.document);
  Get(j, "positions", v.positions);
  Get(j, "actors", v.actors);
  Get(j, "issues", v.issues);
  Get(j, "people", v.people);
}

std::string PositionToJsonLine(const Position& position) {
  // Invalid UTF-8 never reaches here (ingest validates), but never throw on it.
  return json(position).dump(-1, ' ', false, json::error_handler_t::replace);
}

StatusOr<Position> PositionFromJsonLine(std::string_view line) {
  try {
    return json::parse(line).get<Position>();
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("not a position: ") + e.what());
  }
}

}  // namespace negograph
