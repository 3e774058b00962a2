#include "graph/store_rules.h"

#include <algorithm>
#include <unordered_set>

namespace negograph {

bool IsLowerHex(std::string_view s, size_t digits) {
  if (s.size() != digits) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Status ValidateExtraction(const DocumentExtraction& extraction) {
  const Document& d = extraction.document;
  if (!IsLowerHex(d.id, 32)) {
    return Status::InvalidArgument("document '" + d.name + "' has id '" + d.id +
                                   "', expected 32 lower-case hex digits (ContentId)");
  }
  for (const Position& p : extraction.positions) {
    if (!IsLowerHex(p.id, 16)) {
      return Status::InvalidArgument("position id '" + p.id + "' in document '" + d.name +
                                     "' is not 16 lower-case hex digits (PositionId)");
    }
    if (p.actor.empty() || p.issue.empty()) {
      return Status::InvalidArgument("position " + p.id + " in document '" + d.name +
                                     "' lacks an actor or an issue");
    }
    if (!p.evidence.doc_id.empty() && p.evidence.doc_id != d.id) {
      return Status::InvalidArgument("position " + p.id + " cites document " +
                                     p.evidence.doc_id + ", not its own document " + d.id);
    }
  }
  return Status::Ok();
}

std::vector<Position> PositionsToStore(const DocumentExtraction& extraction) {
  std::vector<Position> out;
  out.reserve(extraction.positions.size());
  std::unordered_set<std::string_view> seen;
  for (const Position& p : extraction.positions) {
    if (!seen.insert(p.id).second) continue;
    out.push_back(p);
    Position& kept = out.back();
    if (kept.round.empty()) kept.round = extraction.document.round;
    if (kept.evidence.doc_id.empty()) kept.evidence.doc_id = extraction.document.id;
    if (kept.evidence.doc_name.empty()) kept.evidence.doc_name = extraction.document.name;
  }
  return out;
}

ExtractionNodes CollectNodes(const DocumentExtraction& e) {
  ExtractionNodes n;
  std::unordered_set<std::string_view> actors, issues, people;
  for (const Actor& a : e.actors) {
    if (actors.insert(a.id).second) n.actors.push_back(a), n.actor_synth.push_back(false);
  }
  for (const Issue& i : e.issues) {
    if (issues.insert(i.id).second) n.issues.push_back(i), n.issue_synth.push_back(false);
  }
  for (const Person& p : e.people) {
    if (people.insert(p.id).second) n.people.push_back(p), n.person_synth.push_back(false);
  }
  for (const Position& p : e.positions) {
    if (actors.insert(p.actor).second) {
      n.actors.push_back({p.actor, p.actor_label.empty() ? p.actor : p.actor_label, ""});
      n.actor_synth.push_back(true);
    }
    if (issues.insert(p.issue).second) {
      n.issues.push_back({p.issue, p.issue_label.empty() ? p.issue : p.issue_label, p.open_issue});
      n.issue_synth.push_back(true);
    }
    if (!p.speaker.empty() && people.insert(p.speaker).second) {
      n.people.push_back({p.speaker, p.speaker_label.empty() ? p.speaker : p.speaker_label,
                          p.actor, ""});
      n.person_synth.push_back(true);
    }
  }
  return n;
}

namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return AsciiLower(a) == AsciiLower(b); });
  return it != haystack.end();
}

}  // namespace

bool MatchesFilter(const Position& p, const PositionFilter& f) {
  if (!f.actor.empty() && p.actor != f.actor) return false;
  if (f.stance && p.stance != *f.stance) return false;
  if (!f.issue.empty() && p.issue != f.issue) return false;
  if (!f.round.empty() && p.round != f.round) return false;
  if (!f.doc.empty() && p.evidence.doc_id != f.doc) return false;
  if (!f.text.empty() && !ContainsIgnoreCase(p.evidence.quote, f.text)) return false;
  return true;
}

Status ValidateCursor(std::string_view cursor) {
  if (cursor.empty() || IsLowerHex(cursor, 16)) return Status::Ok();
  return Status::InvalidArgument("bad cursor '" + std::string(cursor) +
                                 "': use next_cursor from the previous page");
}

Status CountNodes(GraphStore& store, StoreStats& stats) {
  StatusOr<std::vector<Counted<Actor>>> actors = store.ListActors();
  if (!actors.ok()) return actors.status();
  StatusOr<std::vector<Counted<Issue>>> issues = store.ListIssues();
  if (!issues.ok()) return issues.status();
  StatusOr<std::vector<Counted<Round>>> rounds = store.ListRounds();
  if (!rounds.ok()) return rounds.status();
  stats.actors = actors->size();
  stats.issues = issues->size();
  stats.rounds = rounds->size();
  return Status::Ok();
}

}  // namespace negograph
