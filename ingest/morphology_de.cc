#include "ingest/morphology_de.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace negograph::ingest::morph_de {
namespace {

// Strong and mixed verbs: infinitive, 3rd person singular present, past
// stem (1st/3rd singular), participle. Our own curation of common verbs of
// statements and negotiation.
struct Strong {
  std::string_view inf, pres3, past, participle;
};
constexpr Strong kStrong[] = {
    {"weisen", "weist", "wies", "gewiesen"},       {"sprechen", "spricht", "sprach", "gesprochen"},
    {"schlagen", "schlägt", "schlug", "geschlagen"}, {"bieten", "bietet", "bot", "geboten"},
    {"stehen", "steht", "stand", "gestanden"},     {"rufen", "ruft", "rief", "gerufen"},
    {"schließen", "schließt", "schloss", "geschlossen"}, {"geben", "gibt", "gab", "gegeben"},
    {"nehmen", "nimmt", "nahm", "genommen"},       {"halten", "hält", "hielt", "gehalten"},
    {"lassen", "lässt", "ließ", "gelassen"},       {"ziehen", "zieht", "zog", "gezogen"},
    {"treten", "tritt", "trat", "getreten"},       {"bringen", "bringt", "brachte", "gebracht"},
    {"denken", "denkt", "dachte", "gedacht"},      {"kommen", "kommt", "kam", "gekommen"},
    {"sehen", "sieht", "sah", "gesehen"},          {"tragen", "trägt", "trug", "getragen"},
    {"werfen", "wirft", "warf", "geworfen"},       {"finden", "findet", "fand", "gefunden"},
    {"heißen", "heißt", "hieß", "geheißen"},       {"binden", "bindet", "band", "gebunden"},
    {"dringen", "dringt", "drang", "gedrungen"},   {"streiten", "streitet", "stritt", "gestritten"},
    {"weichen", "weicht", "wich", "gewichen"},     {"gehen", "geht", "ging", "gegangen"},
    {"schreiben", "schreibt", "schrieb", "geschrieben"}, {"bitten", "bittet", "bat", "gebeten"},
    {"fallen", "fällt", "fiel", "gefallen"},       {"greifen", "greift", "griff", "gegriffen"},
    {"legen", "legt", "legte", "gelegt"},          {"brechen", "bricht", "brach", "gebrochen"},
    {"raten", "rät", "riet", "geraten"},           {"stoßen", "stößt", "stieß", "gestoßen"},
    {"schieben", "schiebt", "schob", "geschoben"}, {"schweigen", "schweigt", "schwieg", "geschwiegen"},
    {"nennen", "nennt", "nannte", "genannt"},      {"lesen", "liest", "las", "gelesen"},
    {"fahren", "fährt", "fuhr", "gefahren"},       {"erwägen", "erwägt", "erwog", "erwogen"},
    {"kennen", "kennt", "kannte", "gekannt"},      {"wenden", "wendet", "wandte", "gewandt"},
};

constexpr std::array<std::string_view, 8> kInseparable = {"be", "ver", "ent", "er", "ge", "zer", "emp",
                                                          "miss"};

bool EndsWith(std::string_view s, std::string_view t) {
  return s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
}
bool StartsWith(std::string_view s, std::string_view t) { return s.substr(0, t.size()) == t; }

void Add(std::vector<std::string>& out, std::string s) {
  if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

// "wart" -> true: an -e- goes before -t/-st/-te (wartet, rechnet).
bool NeedsE(std::string_view stem) {
  if (stem.empty()) return false;
  char last = stem.back();
  if (last == 'd' || last == 't') return true;
  if (EndsWith(stem, "chn") || EndsWith(stem, "gn") || EndsWith(stem, "ffn")) return true;  // rechnet, begegnet
  if ((last == 'm' || last == 'n') && stem.size() >= 2) {
    char before = stem[stem.size() - 2];
    return std::string_view("aeiouylrhmnäöü").find(before) == std::string_view::npos;
  }
  return false;
}

// Finite forms and participle of a verb without separable particle; `prefix`
// is an inseparable prefix before `base` (may be empty).
void Inflect(std::string_view prefix, std::string_view base, std::vector<std::string>& finite,
             std::string& participle) {
  std::string inf = std::string(prefix) + std::string(base);
  bool short_n = !EndsWith(base, "en");  // fordern, handeln
  std::string stem = std::string(prefix) + std::string(base.substr(0, base.size() - (short_n ? 1 : 2)));
  bool no_ge = !prefix.empty() || EndsWith(base, "ieren");
  for (const Strong& s : kStrong) {
    if (s.inf != base) continue;
    std::string p3 = std::string(prefix) + std::string(s.pres3);
    std::string past = std::string(prefix) + std::string(s.past);
    Add(finite, stem + "e");
    Add(finite, p3);
    Add(finite, EndsWith(p3, "st") || EndsWith(p3, "ßt") ? p3 : p3.substr(0, p3.size() - 1) + "st");
    Add(finite, inf);
    Add(finite, stem + (NeedsE(stem) ? "et" : "t"));
    Add(finite, past);
    Add(finite, past + (past.back() == 'e' ? "n" : "en"));
    std::string_view part = s.participle;
    participle = no_ge && StartsWith(part, "ge") ? std::string(prefix) + std::string(part.substr(2))
                                                 : std::string(prefix) + std::string(part);
    return;
  }
  std::string e = NeedsE(stem) ? "e" : "";
  Add(finite, stem + "e");
  Add(finite, stem + e + "st");
  Add(finite, stem + e + "t");
  Add(finite, inf);
  Add(finite, stem + e + "te");
  Add(finite, stem + e + "ten");
  participle = (no_ge ? "" : "ge") + stem + e + "t";
}

}  // namespace

std::optional<VerbForms> Verb(std::string_view lemma) {
  VerbForms out;
  std::string_view verb = lemma;
  size_t bar = lemma.find('|');
  if (bar != std::string_view::npos) {
    out.particle = std::string(lemma.substr(0, bar));
    verb = lemma.substr(bar + 1);
    if (out.particle.empty()) return std::nullopt;
  }
  if (verb.size() < 3 || verb.back() != 'n' || verb.find(' ') != std::string_view::npos) return std::nullopt;
  // An inseparable prefix is recognised when the rest is a verb of the
  // strong table or long enough to be one (verlangen, bestehen, erklären).
  std::string_view prefix, base = verb;
  for (std::string_view p : kInseparable) {
    if (!StartsWith(verb, p) || verb.size() < p.size() + 4) continue;
    std::string_view rest = verb.substr(p.size());
    bool strong = std::any_of(std::begin(kStrong), std::end(kStrong), [rest](const Strong& s) { return s.inf == rest; });
    if (strong || rest.size() >= 5) {
      prefix = p;
      base = rest;
      break;
    }
  }
  std::vector<std::string> finite;
  std::string participle;
  Inflect(prefix, base, finite, participle);
  if (out.particle.empty()) {
    out.joined = finite;
    Add(out.joined, participle);
    Add(out.joined, "zu " + std::string(verb));
    return out;
  }
  const std::string& p = out.particle;
  out.split = finite;
  for (const auto& f : finite) Add(out.joined, p + f);  // "dass sie ablehnte"
  // Participle: ab + gelehnt; an inseparable base keeps its own (anerkannt).
  Add(out.joined, p + participle);
  Add(out.joined, p + "zu" + std::string(verb));
  return out;
}

}  // namespace negograph::ingest::morph_de
