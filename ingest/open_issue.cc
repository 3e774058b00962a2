#include "ingest/open_issue.h"

#include <libstemmer.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/ids.h"
#include "ingest/text_util.h"

namespace negograph::ingest {

namespace {

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < phrase.size()) {
    size_t j = phrase.find(' ', i);
    if (j == std::string_view::npos) j = phrase.size();
    std::string_view w = phrase.substr(i, j - i);
    while (!w.empty() && std::string_view(",.;:!?\"'()“”„«»").find(w.back()) != std::string_view::npos) {
      w.remove_suffix(1);
    }
    while (!w.empty() && std::string_view("\"'(“„«»").find(w.front()) != std::string_view::npos) {
      w.remove_prefix(1);
    }
    if (!w.empty()) out.emplace_back(w);
    i = j + 1;
  }
  return out;
}

// Snowball stemmers are not thread-safe: one per thread and language.
std::string Stem(const std::string& folded, bool german) {
  struct Stemmers {
    sb_stemmer* de = sb_stemmer_new("german", "UTF_8");
    sb_stemmer* en = sb_stemmer_new("english", "UTF_8");
    ~Stemmers() {
      sb_stemmer_delete(de);
      sb_stemmer_delete(en);
    }
  };
  thread_local Stemmers stemmers;
  sb_stemmer* s = german ? stemmers.de : stemmers.en;
  if (s == nullptr) return folded;
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(folded.data()),
                                         static_cast<int>(folded.size()));
  if (out == nullptr) return folded;
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s)));
}

// Articles and possessives that open a phrase and say nothing about the issue.
const std::unordered_set<std::string>& Determiners() {
  static const std::unordered_set<std::string> kWords = {
      "the", "a", "an", "its", "their", "his", "her", "our", "any", "all", "some", "such", "this",
      "that", "these", "those", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
      "einem", "einer", "eines", "sein", "seine", "seinen", "seiner", "seinem", "ihr", "ihre",
      "ihren", "ihrer", "ihrem", "alle", "allen", "aller", "jede", "jeden", "jeder", "diese",
      "diesen", "dieser", "dieses", "kein", "keine", "keinen", "new", "further", "neue", "neuen",
      "neuer", "weitere", "weiteren", "weiterer"};
  return kWords;
}

// ---- the German-English dictionary (Ding format) ---------------------------

struct Entry {
  std::string lemma;        // singular in the source language
  std::string translation;  // singular in the other language
};
struct Dictionary {
  bool loaded = false;
  std::unordered_map<std::string, Entry> de;  // folded German noun (sg or pl) -> entry
  std::unordered_map<std::string, Entry> en;  // folded English noun (sg or pl) -> entry
};

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string_view> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  for (size_t j; (j = s.find(sep, i)) != std::string_view::npos; i = j + sep.size()) {
    out.push_back(s.substr(i, j - i));
  }
  out.push_back(s.substr(i));
  return out;
}

// "Antwort {f} /Antw./ [geh.] (auf etw.)" -> "Antwort", tag "f".
std::string Clean(std::string_view alt, std::string* tag) {
  std::string out;
  int depth = 0;
  bool slash = false;
  for (size_t i = 0; i < alt.size(); ++i) {
    char c = alt[i];
    if (c == '{') {
      size_t end = alt.find('}', i);
      if (end == std::string_view::npos) break;
      if (tag != nullptr && tag->empty()) *tag = std::string(alt.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      if (depth > 0) --depth;
    } else if (c == '/') {
      slash = !slash;
    } else if (depth == 0 && !slash) {
      out += c;
    }
  }
  return Trim(out);
}

bool OneWord(const std::string& w) { return !w.empty() && w.find(' ') == std::string::npos; }

void AddLine(std::string_view line, Dictionary& d) {
  size_t mid = line.find(" :: ");
  if (mid == std::string_view::npos) return;
  std::vector<std::string_view> de = Split(line.substr(0, mid), " | ");
  std::vector<std::string_view> en = Split(line.substr(mid + 4), " | ");
  std::string tag;
  std::vector<std::string_view> de_sg = Split(de[0], "; ");
  std::string de_lemma = Clean(de_sg[0], &tag);
  if (tag != "m" && tag != "f" && tag != "n") return;  // nouns only
  std::vector<std::string_view> en_sg = Split(en[0], "; ");
  std::string en_lemma = Clean(en_sg[0], nullptr);
  if (!OneWord(de_lemma) || en_lemma.empty() || en_lemma.rfind("to ", 0) == 0) return;
  Entry de_entry{de_lemma, en_lemma};
  d.de.try_emplace(FoldCase(de_lemma), de_entry);
  if (de.size() > 1 && de[1].find("{pl}") != std::string_view::npos) {
    std::string pl_tag;
    std::string plural = Clean(Split(de[1], "; ")[0], &pl_tag);
    if (pl_tag == "pl" && OneWord(plural)) d.de.try_emplace(FoldCase(plural), de_entry);
  }
  if (!OneWord(en_lemma)) return;
  Entry en_entry{en_lemma, de_lemma};
  d.en.try_emplace(FoldCase(en_lemma), en_entry);
  if (en.size() > 1 && de.size() > 1 && de[1].find("{pl}") != std::string_view::npos) {
    std::string plural = Clean(Split(en[1], "; ")[0], nullptr);
    if (OneWord(plural)) d.en.try_emplace(FoldCase(plural), en_entry);
  }
}

const Dictionary& Dict() {
  static Dictionary dict;
  static std::once_flag once;
  std::call_once(once, [] {
    const char* env = std::getenv("NEGOGRAPH_DE_EN");
    std::string path = env != nullptr ? env : "/usr/share/trans/de-en";
    if (path.empty()) return;
    std::ifstream in(path);
    if (!in) return;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line[0] != '#') AddLine(line, dict);
    }
    dict.loaded = !dict.de.empty();
  });
  return dict;
}

}  // namespace

bool DictionaryAvailable() { return Dict().loaded; }

bool TranslateNoun(std::string_view word, std::string_view from_lang, std::string* lemma,
                   std::string* translation) {
  const Dictionary& d = Dict();
  const auto& map = from_lang == "de" ? d.de : d.en;
  auto it = map.find(FoldCase(word));
  if (it == map.end()) return false;
  *lemma = it->second.lemma;
  *translation = it->second.translation;
  return true;
}

Issue OpenIssue(std::string_view phrase, std::string_view lang) {
  const bool german = lang == "de";
  std::vector<std::string> words = Words(phrase);
  std::string key;
  for (const std::string& w : words) {
    std::string folded = FoldCase(w);
    if (!key.empty()) key += ' ';
    key += Stem(folded, german);
  }
  Issue issue;
  issue.open = true;
  issue.id = "open:" + NormalizeKey(key.empty() ? std::string(phrase) : key);
  issue.label = std::string(phrase);
  // Leading articles and possessives off, then a single noun is translated.
  size_t first = 0;
  while (first + 1 < words.size() && Determiners().count(FoldCase(words[first])) != 0) ++first;
  std::string lemma, translation;
  if (words.size() - first == 1 && TranslateNoun(words[first], lang, &lemma, &translation)) {
    issue.labels = german ? Labels{lemma, translation} : Labels{translation, lemma};
    issue.label = issue.labels.en;
  } else {
    issue.labels = {issue.label, issue.label};
    issue.untranslated = true;
  }
  return issue;
}

std::string OpenIssueNoise(std::string_view phrase, const RulePack& pack) {
  static const std::unordered_set<std::string> kPronouns = {
      "it", "this", "that", "these", "those", "them", "they", "one", "what", "something",
      "anything", "everything", "nothing", "es", "dies", "das", "diese", "dieser", "sie", "ihn",
      "etwas", "nichts", "alles", "was", "man", "hier", "there", "so"};
  // Not here: "deal", "agreement", "comments": in context they name one
  // thing ("rejected the deal", "these comments") and the gold counts them.
  static const std::unordered_set<std::string> kGeneric = {
      "issue", "issues", "matter", "matters", "question", "questions", "proposal", "proposals",
      "talks", "idea", "ideas", "plan", "plans", "demand", "demands", "position", "positions",
      "step", "steps", "measure", "measures", "point", "points", "thing", "things", "way",
      "situation", "change", "changes", "work", "text",
      "document", "documents", "statement", "interest", "interests", "concern", "concerns",
      "request", "requests", "offer", "offers", "frage", "fragen", "thema", "themen",
      "vorschlag", "vorschläge", "forderung", "forderungen", "sorge", "sorgen", "punkt",
      "punkte", "bedingung", "bedingungen", "idee", "ideen", "plan", "pläne", "schritt",
      "schritte", "maßnahme", "maßnahmen", "angebot", "angebote", "anliegen", "interesse",
      "interessen", "gespräche", "dokument", "dokumente", "text", "erklärung", "lage"};
  static const std::unordered_set<std::string> kNationality = {
      "americans", "russians", "europeans", "ukrainians", "germans", "chinese", "iranians",
      "british", "french", "israelis", "palestinians", "amerikaner", "russen", "europäer",
      "ukrainer", "deutschen", "deutsche", "chinesen", "iraner", "briten", "franzosen",
      "israelis", "palästinenser", "west", "westen", "western", "westlichen"};
  std::vector<std::string> words = Words(phrase);
  size_t first = 0;
  while (first < words.size() && Determiners().count(FoldCase(words[first])) != 0) ++first;
  if (first == words.size()) return "pronoun";
  if (words.size() - first == 1) {
    std::string w = FoldCase(words[first]);
    if (kPronouns.count(w)) return "pronoun";
    if (kGeneric.count(w)) return "generic";
    if (kNationality.count(w)) return "nationality";
  }
  // A speaker's name ("Lawrow", "Wendy Sherman"): every word capitalised and
  // the last one a speaker's surname.
  static std::mutex mu;
  // Per rule pack, keyed by its version (the hash of its files).
  static std::unordered_map<std::string, std::unordered_set<std::string>> surnames;
  bool capitalised = words.size() - first <= 3;
  for (size_t i = first; i < words.size() && capitalised; ++i) {
    unsigned char c = static_cast<unsigned char>(words[i][0]);
    capitalised = (c >= 'A' && c <= 'Z') || c >= 0xC3;
  }
  if (capitalised) {
    std::lock_guard<std::mutex> lock(mu);
    auto [it, fresh] = surnames.try_emplace(pack.version);
    if (fresh) {
      for (const SpeakerRule& s : pack.speakers) {
        std::vector<std::string> name = Words(s.person.name);
        if (!name.empty()) it->second.insert(FoldCase(name.back()));
      }
    }
    if (it->second.count(FoldCase(words.back())) != 0) return "person";
  }
  return "";
}

}  // namespace negograph::ingest
