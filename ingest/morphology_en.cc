#include "ingest/morphology_en.h"

#include <algorithm>
#include <iterator>

namespace negograph::ingest::morph_en {
namespace {

struct Exc {
  const char* lemma;
  const char* form;
};
constexpr Exc kExceptions[] = {
#include "ingest/morphology_en_exc.inc"
};

bool Vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool EndsWith(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}

std::string ThirdPerson(std::string_view w) {
  std::string s(w);
  if (s.size() > 1 && s.back() == 'y' && !Vowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ies";
  if (EndsWith(s, "s") || EndsWith(s, "x") || EndsWith(s, "z") || EndsWith(s, "ch") || EndsWith(s, "sh") ||
      EndsWith(s, "o")) {
    return s + "es";
  }
  return s + "s";
}
std::string Past(std::string_view w) {
  std::string s(w);
  if (s.back() == 'e') return s + "d";
  if (s.size() > 1 && s.back() == 'y' && !Vowel(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ied";
  return s + "ed";
}
std::string Gerund(std::string_view w) {
  std::string s(w);
  if (EndsWith(s, "ie")) return s.substr(0, s.size() - 2) + "ying";
  if (s.size() > 2 && s.back() == 'e' && !EndsWith(s, "ee") && !EndsWith(s, "ye") && !EndsWith(s, "oe")) {
    return s.substr(0, s.size() - 1) + "ing";
  }
  return s + "ing";
}

void Add(std::vector<std::string>& out, std::string s) {
  if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

}  // namespace

std::vector<std::string> VerbForms(std::string_view lemma) {
  size_t space = lemma.find(' ');
  std::string_view head = lemma.substr(0, space);
  std::string tail = space == std::string_view::npos ? "" : std::string(lemma.substr(space));
  std::vector<std::string> forms;
  Add(forms, std::string(head));
  Add(forms, ThirdPerson(head));
  auto lo = std::lower_bound(std::begin(kExceptions), std::end(kExceptions), head,
                             [](const Exc& e, std::string_view k) { return std::string_view(e.lemma) < k; });
  auto hi = std::upper_bound(lo, std::end(kExceptions), head,
                             [](std::string_view k, const Exc& e) { return k < std::string_view(e.lemma); });
  bool irregular_past = false, irregular_ing = false;
  for (auto it = lo; it != hi; ++it) {
    std::string_view f = it->form;
    (EndsWith(f, "ing") ? irregular_ing : irregular_past) = true;
    Add(forms, std::string(f));
  }
  if (!irregular_past) Add(forms, Past(head));
  if (!irregular_ing) Add(forms, Gerund(head));
  for (auto& f : forms) f += tail;
  return forms;
}

std::vector<std::string> NounForms(std::string_view lemma) {
  std::vector<std::string> forms{std::string(lemma)};
  Add(forms, ThirdPerson(lemma));  // the same spelling rules as the plural
  return forms;
}

}  // namespace negograph::ingest::morph_en
