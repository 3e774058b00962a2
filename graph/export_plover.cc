// PLOVER event records (openeventdata/PLOVER, manual "Data Fields" chapter,
// draft 2.0): JSON Lines, one event per position. Required fields: id, date
// (YYYY-MM-DD), actor (a list of entity objects), event (a list of event
// categories). Optional ones used: recipient, event_text, quad_code, mode,
// context, link, text, text_info, cite_info, coder. Our own fields, which
// PLOVER allows beside its own, sit in one "negograph" object.
// docs/exports.md maps our stances onto PLOVER's categories and says why.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "graph/export.h"
#include "graph/export_internal.h"
#include "graph/projection.h"

namespace negograph::export_internal {
namespace {

using nlohmann::json;

// PLOVER's quad categories: 1 verbal cooperation (AGREE), 3 verbal conflict
// (REQUEST, REJECT, THREATEN).
int QuadCode(Stance stance) {
  std::string_view e = PloverEventType(stance);
  return e == "AGREE" ? 1 : 3;
}

// The byte range `span` of the document cut out of the quote, whose own
// range is `quote_span`; empty when it lies outside.
std::string Cut(const Position& p, Span span) {
  const Span& q = p.evidence.span;
  if (span.empty() || span.start < q.start || span.end > q.end ||
      span.end - q.start > p.evidence.quote.size()) {
    return {};
  }
  return p.evidence.quote.substr(span.start - q.start, span.end - span.start);
}

struct Lookup {
  std::unordered_map<std::string, const Document*> docs;
  std::unordered_map<std::string, const Actor*> actors;
  const std::map<std::string, std::string>* country_codes;
};

// A PLOVER entity object: `code` is the ISO 3166 alpha-3 of a state, "IGO"
// for an alliance or organisation (CAMEO's top-level code, which PLOVER
// inherits), absent otherwise; identifier_text the party's name.
json Entity(const Lookup& look, const std::string& id, const std::string& label,
            const std::string& text) {
  json e = json::object();
  auto actor = look.actors.find(id);
  const std::string type = actor == look.actors.end() ? "" : actor->second->type;
  if (auto c = look.country_codes->find(id); c != look.country_codes->end()) {
    e["code"] = c->second;
  } else if (type == "alliance" || type == "organisation") {
    e["code"] = "IGO";
  }
  if (!text.empty()) e["entity_text"] = text;
  std::string name = label;
  if (name.empty() && actor != look.actors.end()) name = actor->second->label;
  e["identifier_text"] = name.empty() ? id : name;
  e["negograph_id"] = id;
  return e;
}

// PLOVER wants YYYY-MM-DD. A partial document date ("2022-01") becomes the
// period's first day and date_precision says what is known.
void SetDate(json& event, const std::string& doc_date) {
  if (doc_date.size() == 10) {
    event["date"] = doc_date;
    return;
  }
  if (doc_date.size() == 7) {
    event["date"] = doc_date + "-01";
    event["date_precision"] = "month";
  } else if (doc_date.size() == 4) {
    event["date"] = doc_date + "-01-01";
    event["date_precision"] = "year";
  } else {
    event["date"] = nullptr;  // unknown: PLOVER requires it, so say so openly
    event["date_precision"] = "unknown";
  }
}

json Event(const Position& p, const Lookup& look) {
  auto doc = look.docs.find(p.evidence.doc_id);
  const Document* d = doc == look.docs.end() ? nullptr : doc->second;
  json event = {{"id", p.id}};
  SetDate(event, d ? d->date : "");
  event["actor"] = json::array({Entity(look, p.actor, p.actor_label, Cut(p, p.evidence.actor_span))});
  if (!p.target.empty()) event["recipient"] = json::array({Entity(look, p.target, "", "")});
  event["event"] = json::array({PloverEventType(p.stance)});
  if (std::string cue = Cut(p, p.evidence.cue); !cue.empty()) {
    event["event_text"] = json::array({cue});
  }
  event["quad_code"] = QuadCode(p.stance);
  // Event modes (REQUEST's assist/change/yield/meet, ...) are not coded: null,
  // as the manual asks. Context: a negotiation position is diplomacy; the
  // auxiliary "hypothetical" (a conditional position) goes into the context,
  // where the manual's "Auxiliary modes" section puts it.
  event["mode"] = nullptr;
  json context = json::array({"diplomatic"});
  if (!p.condition.empty()) context.push_back("hypothetical");
  event["context"] = std::move(context);
  if (!p.round.empty()) event["link"] = p.round;  // events of one round share it
  event["text"] = p.evidence.quote;
  // Offsets are bytes of the UTF-8 document text (PLOVER says characters).
  event["text_info"] = {{"sequence", p.evidence.sentence},
                        {"start", p.evidence.span.start},
                        {"end", p.evidence.span.end}};
  json cite = {{"corpus", p.evidence.doc_name}, {"coder", "negograph"}};
  if (d != nullptr) {
    if (!d->title.empty()) cite["title"] = d->title;
    if (!d->lang.empty()) cite["language"] = d->lang;  // ISO 639-1
    if (d->source.starts_with("http://") || d->source.starts_with("https://")) {
      cite["url"] = d->source;
    } else if (!d->source.empty()) {
      cite["citation"] = d->source;
    }
    if (!d->rules_version.empty()) cite["codebook"] = "negograph rules " + d->rules_version;
  }
  event["cite_info"] = std::move(cite);
  event["coder"] = "negograph";
  event["negograph"] = {
      {"stance", StanceName(p.stance)},
      {"issue", {{"id", p.issue}, {"label", p.issue_label}, {"open", p.open_issue}}},
      {"doc", p.evidence.doc_id},
      {"speaker", p.speaker},
      {"condition", p.condition},
      {"negated", p.negated},
      {"rule", p.rule},
      {"confidence", ShortConfidence(p.confidence)},
  };
  return event;
}

}  // namespace

Status WritePlover(GraphStore& store, const ViewFilter& filter,
                   const std::map<std::string, std::string>& country_codes, std::ostream& out) {
  StatusOr<std::vector<Counted<Document>>> docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  StatusOr<std::vector<Counted<Actor>>> actors = store.ListActors();
  if (!actors.ok()) return actors.status();
  Lookup look{{}, {}, &country_codes};
  for (const Counted<Document>& d : *docs) look.docs.emplace(d.item.id, &d.item);
  for (const Counted<Actor>& a : *actors) look.actors.emplace(a.item.id, &a.item);
  NEGOGRAPH_RETURN_IF_ERROR(ScanView(store, filter, [&](const Position& p) {
    out << Event(p, look).dump() << '\n';
    return out.good();
  }));
  return out.good() ? Status::Ok() : Status::IOError("writing the PLOVER export failed");
}

}  // namespace negograph::export_internal
