#include "ingest/office_table.h"

#include <algorithm>

namespace negograph::ingest {

void WordList::Add(std::string folded, uint8_t langs) {
  if (!folded.empty() && folded.back() == '*') {
    folded.pop_back();
    prefixes_.emplace_back(std::move(folded), langs);
    return;
  }
  exact_[std::move(folded)] |= langs;
}

bool WordList::Has(std::string_view folded, uint8_t lang) const {
  if (auto it = exact_.find(std::string(folded)); it != exact_.end() && (it->second & lang)) return true;
  for (const auto& [prefix, langs] : prefixes_) {
    if ((langs & lang) && folded.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

int OfficeTable::Find(std::string_view id) const {
  for (size_t i = 0; i < offices.size(); ++i) {
    if (offices[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void OfficeTable::AddTitle(std::string folded, uint8_t langs, uint32_t office) {
  auto words = static_cast<uint32_t>(std::count(folded.begin(), folded.end(), ' ') + 1);
  max_words_ = std::max(max_words_, words);
  titles_[std::move(folded)].push_back({office, langs});
}

void OfficeTable::AddHolder(const std::string& party, uint32_t office, OfficeTerm term) {
  holders_[party + "/" + std::to_string(office)].push_back(std::move(term));
}

int OfficeTable::Title(std::string_view folded, uint8_t lang) const {
  auto it = titles_.find(std::string(folded));
  if (it == titles_.end()) return -1;
  for (const auto& t : it->second) {
    if (t.langs & lang) return static_cast<int>(t.office);
  }
  return -1;
}

int OfficeTable::Holder(std::string_view party, uint32_t office, uint32_t date) const {
  auto it = holders_.find(std::string(party) + "/" + std::to_string(office));
  if (it == holders_.end()) return -1;
  const auto& terms = it->second;
  int i = ChooseByDate(terms.size(), date, [&](size_t k) -> const std::vector<Period>& {
    return terms[k].periods;
  });
  return i < 0 ? -1 : static_cast<int>(terms[static_cast<size_t>(i)].speaker);
}

size_t OfficeTable::holder_count() const {
  size_t n = 0;
  for (const auto& [key, terms] : holders_) n += terms.size();
  return n;
}

uint32_t DocumentDay(std::string_view iso) {
  auto digits = [&](size_t at, size_t n) -> int {
    if (iso.size() < at + n) return -1;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return 0;
  if ((iso.size() > 4 && iso[4] != '-') || (iso.size() > 7 && iso[7] != '-')) return 0;
  int year = digits(0, 4);
  int month = iso.size() >= 7 ? digits(5, 2) : 7;
  int day = iso.size() == 10 ? digits(8, 2) : (iso.size() == 7 ? 15 : 1);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return static_cast<uint32_t>(year * 10000 + month * 100 + day);
}

}  // namespace negograph::ingest
