#include "ingest/lexicon_check.h"

#include <cctype>

namespace negograph::ingest {
namespace {

// "2021" -> 20210101 (from) or 20211231 (to); "20011222" as is.
std::optional<uint32_t> ParseDate(std::string_view s, bool end) {
  if (s.empty()) return 0u;
  if (s.size() != 4 && s.size() != 8) return std::nullopt;
  uint32_t v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  if (s.size() == 4) return v * 10000 + (end ? 1231u : 101u);
  uint32_t month = v / 100 % 100, day = v % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return v;
}

}  // namespace

std::optional<std::vector<Period>> ParsePeriods(std::string_view text) {
  std::vector<Period> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) break;
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view range = text.substr(i, j - i);
    i = j;
    size_t dash = range.find('-');
    auto from = ParseDate(range.substr(0, dash), false);
    auto to = dash == std::string_view::npos ? ParseDate(range, true)
                                             : ParseDate(range.substr(dash + 1), true);
    if (!from || !to || (*from && *to && *from > *to)) return std::nullopt;
    out.push_back({*from, *to});
  }
  if (out.empty()) return std::nullopt;
  return out;
}

bool SurfaceRegistry::Claim(const std::string& form, const struct Claim& c,
                            std::vector<std::string>& conflicts) {
  auto& owners = owners_[form];
  for (const auto& o : owners) {
    if (o.speaker == c.speaker && o.ref == c.ref) return true;  // same owner, another variant
    // Speakers of different periods may share a name: the date decides.
    if (o.speaker && c.speaker && !o.periods.empty() && !c.periods.empty()) {
      bool overlap = false;
      for (const Period& a : o.periods) {
        for (const Period& b : c.periods) overlap = overlap || a.Overlaps(b);
      }
      if (!overlap) continue;
    }
    conflicts.push_back(c.where + ": '" + form + "' of '" + c.id + "' is already '" + o.id + "' (" +
                        o.where + "); kept '" + o.id + "'");
    return false;
  }
  owners.push_back(c);
  return true;
}

std::unordered_map<std::string, std::vector<uint32_t>> SurfaceRegistry::SharedSpeakerForms() const {
  std::unordered_map<std::string, std::vector<uint32_t>> out;
  for (const auto& [form, owners] : owners_) {
    if (owners.size() < 2 || !owners.front().speaker) continue;
    auto& refs = out[form];
    for (const auto& o : owners) refs.push_back(o.ref);
  }
  return out;
}

}  // namespace negograph::ingest
