#include "ingest/rounds.h"

#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <set>

namespace negograph::ingest {
namespace {

namespace chr = std::chrono;

// "YYYY-MM-DD" -> days; false when malformed or not a calendar date.
bool ParseDay(std::string_view s, chr::sys_days* out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
  chr::year_month_day ymd{chr::year{y}, chr::month{m}, chr::day{d}};
  if (!ymd.ok()) return false;
  *out = chr::sys_days(ymd);
  return true;
}

// A document date ("2022", "2022-01", "2022-01-10", or a longer timestamp)
// as an inclusive day range.
bool ParseDocumentDate(std::string_view s, chr::sys_days* from, chr::sys_days* to) {
  if (s.size() >= 10) return ParseDay(s.substr(0, 10), from) && (*to = *from, true);
  if (s.size() == 7 && ParseDay(std::string(s) + "-01", from)) {
    auto ym = chr::year_month_day(*from).year() / chr::year_month_day(*from).month();
    *to = chr::sys_days(ym / chr::last);
    return true;
  }
  if (s.size() == 4 && ParseDay(std::string(s) + "-01-01", from)) {
    return ParseDay(std::string(s) + "-12-31", to);
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

// True when `needle` (lower case) occurs in `text` (lower case) as a whole word.
bool MentionsWord(const std::string& text, const std::string& needle) {
  if (needle.empty()) return false;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    bool left = at == 0 || !IsWordByte(text[at - 1]);
    size_t end = at + needle.size();
    bool right = end == text.size() || !IsWordByte(text[end]);
    if (left && right) return true;
  }
  return false;
}

class RegistryError {
 public:
  RegistryError(std::string where, const YAML::Mark& mark, std::string what)
      : message(where + ":" + std::to_string(mark.line + 1) + ": " + std::move(what)) {}
  std::string message;
};

std::string Scalar(const YAML::Node& n, const char* key, const std::string& file, bool required) {
  YAML::Node v = n[key];
  if (!v) {
    if (required) throw RegistryError(file, n.Mark(), std::string("missing '") + key + "'");
    return "";
  }
  if (!v.IsScalar()) throw RegistryError(file, v.Mark(), std::string("'") + key + "' must be text");
  return v.as<std::string>();
}

std::vector<std::string> List(const YAML::Node& n, const char* key, const std::string& file) {
  std::vector<std::string> out;
  YAML::Node v = n[key];
  if (!v) return out;
  if (!v.IsSequence()) throw RegistryError(file, v.Mark(), std::string("'") + key + "' must be a list");
  for (const YAML::Node& item : v) {
    if (!item.IsScalar()) throw RegistryError(file, item.Mark(), std::string("'") + key + "' items must be text");
    out.push_back(item.as<std::string>());
  }
  return out;
}

std::vector<RoundInfo> ParseRegistry(const YAML::Node& root, const std::string& file) {
  if (!root.IsMap()) throw RegistryError(file, root.Mark(), "expected a mapping with 'version' and 'rounds'");
  if (Scalar(root, "version", file, true) != "1") {
    throw RegistryError(file, root["version"].Mark(), "unsupported registry version (expected 1)");
  }
  YAML::Node rounds = root["rounds"];
  if (!rounds || !rounds.IsSequence()) throw RegistryError(file, root.Mark(), "'rounds' must be a list");
  std::vector<RoundInfo> out;
  std::set<std::string> ids;
  for (const YAML::Node& n : rounds) {
    if (!n.IsMap()) throw RegistryError(file, n.Mark(), "a round must be a mapping");
    RoundInfo info;
    Round& r = info.round;
    r.id = Scalar(n, "id", file, true);
    if (r.id.empty()) throw RegistryError(file, n.Mark(), "empty round id");
    if (!ids.insert(r.id).second) throw RegistryError(file, n.Mark(), "duplicate round id '" + r.id + "'");
    r.name = Scalar(n, "name", file, false);
    r.place = Scalar(n, "place", file, false);
    r.date_from = Scalar(n, "date_from", file, true);
    r.date_to = Scalar(n, "date_to", file, false);
    if (r.date_to.empty()) r.date_to = r.date_from;
    r.format = Scalar(n, "format", file, false);
    r.participants = List(n, "participants", file);
    chr::sys_days from, to;
    if (!ParseDay(r.date_from, &from) || !ParseDay(r.date_to, &to)) {
      throw RegistryError(file, n.Mark(), "round '" + r.id + "': dates must be YYYY-MM-DD");
    }
    if (to < from) throw RegistryError(file, n.Mark(), "round '" + r.id + "': date_to before date_from");
    info.aliases = List(n, "aliases", file);
    if (!r.place.empty()) info.aliases.push_back(r.place);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace

StatusOr<std::vector<RoundInfo>> LoadRoundRegistry(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound("round registry " + path.string() + " does not exist");
  }
  try {
    return ParseRegistry(YAML::LoadFile(path.string()), path.string());
  } catch (const RegistryError& e) {
    return Status::InvalidArgument(e.message);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(path.string() + ":" + std::to_string(e.mark.line + 1) + ": " +
                                   e.msg);
  }
}

RoundAssignment AssignRound(const Document& doc, const std::vector<RoundInfo>& registry) {
  RoundAssignment a;
  if (!doc.round.empty()) {
    a.how = RoundAssignment::How::kExplicit;
    a.round_id = doc.round;
    bool known = false;
    for (const RoundInfo& r : registry) known = known || r.round.id == doc.round;
    a.warning = !known;
    a.reason = known ? "named in the document" : "named in the document, but not in the registry";
    return a;
  }
  chr::sys_days doc_from, doc_to;
  if (doc.date.empty()) {
    a.reason = "the document has no date";
    return a;
  }
  if (!ParseDocumentDate(doc.date, &doc_from, &doc_to)) {
    a.reason = "the document date '" + doc.date + "' is not YYYY[-MM[-DD]]";
    return a;
  }
  std::string text = Lower(doc.text);
  // Candidates in two tiers: rounds held within the document's dates, then
  // rounds the document may report on afterwards (kReportLagDays). A report
  // names earlier rounds in passing ("after Geneva, Brussels..."), so a round
  // held on the document's date beats one mentioned from the days before.
  std::vector<std::string> around, same_day, lagged;
  std::string same_day_clue, lagged_clue;
  for (const RoundInfo& r : registry) {
    chr::sys_days from, to;
    if (!ParseDay(r.round.date_from, &from) || !ParseDay(r.round.date_to, &to)) continue;
    if (doc_from > to + chr::days(kReportLagDays) || doc_to < from) continue;
    around.push_back(r.round.id);
    bool held_then = doc_from <= to;
    for (const std::string& alias : r.aliases) {
      if (MentionsWord(text, Lower(alias))) {
        (held_then ? same_day : lagged).push_back(r.round.id);
        (held_then ? same_day_clue : lagged_clue) = alias;
        break;
      }
    }
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  const std::vector<std::string>& mentioned = same_day.empty() ? lagged : same_day;
  const std::string& clue = same_day.empty() ? lagged_clue : same_day_clue;
  if (around.empty()) {
    a.reason = "no registered round around " + doc.date;
  } else if (mentioned.empty()) {
    a.reason = "the text names no place of the rounds around " + doc.date + " (" + join(around) + ")";
  } else if (mentioned.size() > 1) {
    a.reason = "ambiguous: " + join(mentioned);
  } else {
    a.how = RoundAssignment::How::kInferred;
    a.round_id = mentioned[0];
    a.reason = "date " + doc.date + " and the mention of '" + clue + "'";
  }
  return a;
}

}  // namespace negograph::ingest
