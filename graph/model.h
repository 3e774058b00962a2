// The data model of the negotiation-position graph: parties (actors), issues,
// rounds of talks, documents, and the stance edges (positions) between them.
// Plain value types with no I/O; every other module speaks in these.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace negograph {

// DO NOT RENUMBER: the values are stored on disk and in exports.
enum class Stance : uint8_t {
  kDemand = 1,
  kOffer = 2,
  kReject = 3,
  kAccept = 4,
  kThreaten = 5,
  kAssure = 6,
};
inline constexpr std::array<Stance, 6> kAllStances = {Stance::kDemand, Stance::kOffer,
                                                      Stance::kReject, Stance::kAccept,
                                                      Stance::kThreaten, Stance::kAssure};
// "demand", "offer", ... (lower case, the names used in JSON and on the CLI).
std::string_view StanceName(Stance stance);
std::optional<Stance> ParseStance(std::string_view name);

// DO NOT RENUMBER: part of the hashed node ids (graph/ids.h).
enum class NodeKind : uint8_t {
  kActor = 1,
  kIssue = 2,
  kRound = 3,
  kDocument = 4,
  kPerson = 5,
};
std::string_view NodeKindName(NodeKind kind);

// A node's display name in each language of the rule packs. The id of a
// node never depends on them (nor on the language of the document that first
// named it); `label` is the English one, kept for readers that know one.
struct Labels {
  std::string de;
  std::string en;
  bool operator==(const Labels&) const = default;
};
// "de" or "en" only; nullopt otherwise.
std::optional<std::string_view> ParseLabelLang(std::string_view lang);
// The label in `lang` ("de" | "en"), else the other one, else `fallback`.
const std::string& LabelIn(const Labels& labels, std::string_view lang, const std::string& fallback);

// Confidence as written everywhere (JSON, CLI, exports): two decimals, so a
// stored 0.9f prints 0.9 and not 0.8999999761581421.
double ShortConfidence(float confidence);

// A party: a state, an alliance, an organisation or a negotiating bloc.
struct Actor {
  std::string id;     // canonical key, e.g. "usa", "russia", "nato"
  std::string label;  // display name, e.g. "United States"
  std::string type;   // "state" | "alliance" | "organisation" | "bloc" | "other"
  Labels labels;      // {de: "USA", en: "United States"}; empty = `label` in both
  // Member parties (actor ids) of a bloc or alliance ("eu": its 27 states),
  // from the rule packs; empty for others.
  std::vector<std::string> members;
  bool operator==(const Actor&) const = default;
};

// What a position is about. Canonical issues come from the rule packs; an
// issue the lexicon does not know is kept as an open-vocabulary node whose id
// is "open:" + the normalised head noun phrase (graph/ids.h NormalizeKey).
struct Issue {
  std::string id;     // e.g. "nato_enlargement", "open:sicherheitsvorschlaege"
  std::string label;  // e.g. "NATO enlargement"
  bool open = false;  // true for open-vocabulary issues
  Labels labels;      // {de: "Stopp der NATO-Osterweiterung", en: "halt to NATO enlargement"}
  // An open issue whose other-language label is the source phrase because no
  // translation is known (ingest/open_issue.h).
  bool untranslated = false;
  bool operator==(const Issue&) const = default;
};

// A person who speaks for a party (Sherman for the USA).
struct Person {
  std::string id;     // normalised name, e.g. "wendy_sherman"
  std::string name;   // display name
  std::string party;  // actor id
  std::string role;   // e.g. "Deputy Secretary of State"
  Labels labels;      // the name per language ("Rjabkow" / "Ryabkov"); empty = `name`
  bool operator==(const Person&) const = default;
};

// A round of talks.
struct Round {
  std::string id;         // e.g. "2022-01-10-geneva"
  std::string name;       // e.g. "US-Russia Strategic Stability Dialogue, Geneva"
  std::string place;      // e.g. "Geneva"
  std::string date_from;  // ISO date "2022-01-10"
  std::string date_to;    // ISO date; equal to date_from for one-day rounds
  std::string format;     // e.g. "bilateral", "NATO-Russia Council", "OSCE Permanent Council"
  std::vector<std::string> participants;  // actor ids
  Labels labels;          // the name per language; empty = `name`
  bool operator==(const Round&) const = default;
};

// One input document. `id` is derived from the normalised text, so the same
// text always has the same id (idempotent ingest).
struct Document {
  std::string id;       // 32 hex digits: ContentId(text)
  std::string name;     // file stem, e.g. "2022-01-geneva-de"
  std::string title;
  std::string date;     // ISO date or prefix ("2022-01", "2022-01-10"), may be empty
  std::string lang;     // "de" | "en"
  std::string source;   // where the text came from (URL, file path)
  std::string round;    // round id, empty when unassigned
  std::string text;     // the body (after metadata), UTF-8, NFC
  std::string rules_version;  // rule pack version that produced the positions
  bool operator==(const Document&) const = default;
};

// A half-open byte range [start, end) into Document::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  bool empty() const { return end <= start; }
  bool operator==(const Span&) const = default;
};

// Where a position is written.
struct Evidence {
  std::string doc_id;    // Document::id
  std::string doc_name;  // Document::name
  uint32_t sentence = 0; // 0-based sentence index in the document
  Span span;             // the sentence (or clause) quoted
  std::string quote;     // the text of `span`
  Span cue;              // the stance cue ("wies ... zurück", "demanded")
  Span actor_span;       // where the actor (or speaker) is named, may be empty
  Span issue_span;       // where the issue is named
  bool operator==(const Evidence&) const = default;
};

// actor --stance--> issue, with everything an analyst needs to judge it.
struct Position {
  std::string id;           // content-derived: PositionId(...) in graph/ids.h
  std::string actor;        // Actor::id
  std::string actor_label;
  Stance stance = Stance::kDemand;
  std::string issue;        // Issue::id
  std::string issue_label;
  bool open_issue = false;
  std::string speaker;      // Person::id, may be empty
  std::string speaker_label;
  std::string target;       // Actor::id of the addressee ("threatened Russia"), may be empty
  std::string condition;    // condition text ("if Russia takes the same steps"), may be empty
  bool negated = false;     // the cue was negated and the stance folded accordingly
  std::string round;        // Round::id, may be empty
  Evidence evidence;
  std::string rule;         // id of the rule that fired
  float confidence = 1.0f;  // 0..1
  bool operator==(const Position&) const = default;
};

// Everything one document yields; the unit of an atomic store write.
struct DocumentExtraction {
  Document document;
  std::vector<Position> positions;
  std::vector<Actor> actors;   // every actor referenced by positions
  std::vector<Issue> issues;   // every issue referenced by positions
  std::vector<Person> people;  // every speaker referenced by positions
};

}  // namespace negograph
