// POST /api/v1/documents: text in, positions stored atomically, positions
// out. The same text again answers 200 with the same id, never a duplicate.
// The body arrives already bounded by ServerOptions::max_body_bytes and the
// caller already checked the token (server.cc).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

#include "api/handlers.h"
#include "graph/model_json.h"
#include "ingest/document_reader.h"

namespace negograph::api {
namespace {

// Metadata a client may give with the text.
struct Upload {
  std::string name, text, date, lang, round, title, source;
};

// The media type without parameters, lower case ("text/plain").
std::string MediaType(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

// Only UTF-8 is accepted; a declared other charset is refused, not guessed.
bool CharsetIsUtf8OrAbsent(std::string_view content_type) {
  std::string lower(content_type);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t at = lower.find("charset=");
  if (at == std::string::npos) return true;
  std::string charset = lower.substr(at + 8);
  charset = charset.substr(0, charset.find(';'));
  std::erase(charset, '"');
  std::erase(charset, ' ');
  return charset == "utf-8" || charset == "utf8";
}

StatusOr<Upload> FromJson(std::string_view body) {
  // A key given twice would be read as one of its values, silently: refuse.
  std::vector<std::vector<std::string>> keys;  // per open object
  std::string duplicate;
  auto on_event = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if (event == E::object_start) keys.emplace_back();
    if (event == E::object_end && !keys.empty()) keys.pop_back();
    if (event == E::key && !keys.empty()) {
      std::string key = parsed.get<std::string>();
      if (std::find(keys.back().begin(), keys.back().end(), key) != keys.back().end()) {
        if (duplicate.empty()) duplicate = key;
      } else {
        keys.back().push_back(std::move(key));
      }
    }
    return true;
  };
  nlohmann::json j = nlohmann::json::parse(body, on_event, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("body is not valid JSON");
  if (!duplicate.empty()) {
    return Status::InvalidArgument("field '" + duplicate + "' is given more than once");
  }
  if (!j.is_object()) return Status::InvalidArgument("body must be a JSON object");
  Upload up;
  std::pair<const char*, std::string*> fields[] = {
      {"name", &up.name},   {"text", &up.text},   {"date", &up.date},    {"lang", &up.lang},
      {"round", &up.round}, {"title", &up.title}, {"source", &up.source}};
  for (const auto& item : j.items()) {
    // Named copies, not a structured binding: clang 14 (the fuzz build)
    // cannot capture a binding in a lambda.
    const std::string& key = item.key();
    const nlohmann::json& value = item.value();
    auto it = std::find_if(std::begin(fields), std::end(fields),
                           [&](const auto& f) { return key == f.first; });
    if (it == std::end(fields)) {
      return Status::InvalidArgument("unknown field '" + key +
                                     "' (allowed: name, text, date, lang, round, title, source)");
    }
    if (!value.is_string()) return Status::InvalidArgument("field '" + key + "' must be a string");
    *it->second = value.get<std::string>();
  }
  if (up.text.empty()) return Status::InvalidArgument("field 'text' is missing or empty");
  return up;
}

StatusOr<Upload> FromPlainText(const ApiRequest& req) {
  StatusOr<QueryParams> params =
      QueryParams::Parse(req.params, {"name", "date", "lang", "round", "title", "source"});
  if (!params.ok()) return params.status();
  Upload up;
  up.text = req.body;
  up.name = params->Get("name");
  up.date = params->Get("date");
  up.lang = params->Get("lang");
  up.round = params->Get("round");
  up.title = params->Get("title");
  up.source = params->Get("source");
  return up;
}

// YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day (leap years too).
bool IsCalendarDate(const std::string& date) {
  static const std::regex kDate(R"((\d{4})(-(\d{2})(-(\d{2}))?)?)");
  std::smatch m;
  if (!std::regex_match(date, m, kDate)) return false;
  int year = std::stoi(m[1]);
  if (!m[3].matched) return true;
  int month = std::stoi(m[3]);
  if (month < 1 || month > 12) return false;
  if (!m[5].matched) return true;
  int day = std::stoi(m[5]);
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = month == 2 && !leap ? 28 : kDays[month - 1];
  return day >= 1 && day <= max;
}

Status Validate(const Upload& up) {
  static const std::regex kKey(R"([A-Za-z0-9][A-Za-z0-9._:-]{0,127})");
  static const std::regex kLang("[a-z]{2}");
  if (!up.date.empty() && !IsCalendarDate(up.date)) {
    return Status::InvalidArgument("'date' must be a calendar date: YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (!up.lang.empty() && !std::regex_match(up.lang, kLang)) {
    return Status::InvalidArgument("'lang' must be a two-letter code such as de or en");
  }
  if (!up.round.empty() && !std::regex_match(up.round, kKey)) {
    return Status::InvalidArgument("'round' is not a valid round id");
  }
  if (!up.name.empty() && !std::regex_match(up.name, kKey)) {
    return Status::InvalidArgument("'name' may hold letters, digits and . _ : - (at most 128)");
  }
  if (up.title.size() > 1000 || up.source.size() > 2000) {
    return Status::InvalidArgument("'title' or 'source' is too long");
  }
  return Status::Ok();
}

// Metadata given now that contradicts what is stored for the same text.
// Storing silently under the old metadata would lose the client's intent.
Status CheckConflict(const Document& stored, const Upload& up) {
  auto differs = [](const std::string& given, const std::string& have) {
    return !given.empty() && !have.empty() && given != have;
  };
  if (differs(up.round, stored.round) || differs(up.date, stored.date) ||
      differs(up.title, stored.title)) {
    return Status::AlreadyExists("document " + stored.id +
                                 " is stored with other metadata (round '" + stored.round +
                                 "', date '" + stored.date +
                                 "'); DELETE it first to store it again");
  }
  return Status::Ok();
}

// A round must be one the store knows (registered or carried by a stored
// position): an unknown id would create a phantom round (issue 14).
Status CheckRoundKnown(GraphStore& store, const std::string& round) {
  if (round.empty()) return Status::Ok();
  StatusOr<std::vector<Counted<Round>>> rounds = store.ListRounds();
  if (!rounds.ok()) return rounds.status();
  std::string known;
  for (const Counted<Round>& r : *rounds) {
    if (r.item.id == round) return Status::Ok();
    known += (known.empty() ? "" : ", ") + r.item.id;
  }
  return Status::InvalidArgument("unknown round '" + round + "'; known rounds: " +
                                 (known.empty() ? "none (register rounds with --rounds)" : known));
}

// The round or date of the stored document that this upload sets for the
// first time (the stored value was empty): stored, and named in the answer.
// Metadata the upload leaves out keeps its stored value, so the same text
// without metadata stays "unchanged".
std::vector<std::string> MergeStoredMetadata(const Document& stored, Document& doc,
                                             const Upload& up) {
  std::vector<std::string> updated;
  if (up.round.empty()) doc.round = stored.round;
  else if (stored.round.empty()) updated.emplace_back("round");
  if (up.date.empty()) doc.date = stored.date;
  else if (stored.date.empty()) updated.emplace_back("date");
  if (up.title.empty()) doc.title = stored.title;
  if (up.source.empty()) doc.source = stored.source;
  if (up.name.empty()) doc.name = stored.name;
  return updated;
}

}  // namespace

ApiResponse HandlePostDocument(const ApiRequest& req, ApiContext& ctx) {
  std::string_view content_type = req.Header("Content-Type");
  std::string media = MediaType(content_type);
  if (media != "text/plain" && media != "application/json") {
    return Problem(415, "Content-Type must be text/plain or application/json");
  }
  if (!CharsetIsUtf8OrAbsent(content_type)) return Problem(415, "only charset=utf-8 is accepted");
  if (media == "application/json") {
    NEGOGRAPH_API_ASSIGN_OR_RETURN(no_params, QueryParams::Parse(req.params, {}));
    (void)no_params;
  }
  NEGOGRAPH_API_ASSIGN_OR_RETURN(
      up, media == "application/json" ? FromJson(req.body) : FromPlainText(req));
  NEGOGRAPH_API_RETURN_IF_ERROR(Validate(up));
  NEGOGRAPH_API_RETURN_IF_ERROR(CheckRoundKnown(ctx.store, up.round));

  NEGOGRAPH_API_ASSIGN_OR_RETURN(
      doc, ingest::ParseDocument(up.name.empty() ? "upload" : up.name, up.text, up.source));
  if (up.name.empty()) doc.name = "upload-" + doc.id.substr(0, 8);
  if (!up.date.empty()) doc.date = up.date;
  if (!up.lang.empty()) doc.lang = up.lang;
  if (!up.round.empty()) doc.round = up.round;
  if (!up.title.empty()) doc.title = up.title;
  if (!up.source.empty()) doc.source = up.source;

  StatusOr<Document> stored = ctx.store.GetDocument(doc.id);
  std::vector<std::string> updated;
  if (stored.ok()) {
    NEGOGRAPH_API_RETURN_IF_ERROR(CheckConflict(*stored, up));
    updated = MergeStoredMetadata(*stored, doc, up);
  } else if (stored.status().code() != StatusCode::kNotFound) {
    return ProblemFromStatus(stored.status());
  }

  if (!ctx.extract) return Problem(501, "this server has no extractor");
  StatusOr<DocumentExtraction> extracted = ctx.extract(doc);
  if (!extracted.ok() && extracted.status().code() == StatusCode::kUnsupported &&
      up.lang.empty()) {
    return Problem(415, extracted.status().message() +
                            "; if the text is German or English, say so: the query parameter "
                            "?lang=de or ?lang=en (text/plain) or the field \"lang\" (JSON)");
  }
  NEGOGRAPH_API_ASSIGN_OR_RETURN(extraction, std::move(extracted));
  // The extractor owns lang and rules_version; the client's metadata wins
  // for the rest.
  for (std::string Document::*field :
       {&Document::name, &Document::date, &Document::round, &Document::title,
        &Document::source}) {
    if (extraction.document.*field != doc.*field && !(doc.*field).empty()) {
      extraction.document.*field = doc.*field;
    }
  }
  for (Position& p : extraction.positions) {
    if (p.round.empty()) p.round = extraction.document.round;
  }
  NEGOGRAPH_API_ASSIGN_OR_RETURN(outcome, ctx.store.Apply(extraction));
  nlohmann::json out = {{"id", extraction.document.id},
                        {"outcome", ApplyOutcomeName(outcome)},
                        {"items", extraction.positions}};
  // Metadata the stored document lacked and this upload gave: stored now.
  if (outcome == ApplyOutcome::kReplaced && !updated.empty()) out["metadata_updated"] = updated;
  ApiResponse res = JsonResponse(out, outcome == ApplyOutcome::kInserted ? 201 : 200);
  res.SetHeader("Location", "/api/v1/documents/" + extraction.document.id);
  return res;
}

}  // namespace negograph::api
