// German inflection for cue lemmas. A lemma is an infinitive; a separable
// particle is marked with '|': "ab|lehnen", "zurück|weisen", "zu|sagen"
// (the mark decides, so "zusagen" = zu|sagen and "verlangen" stay apart from
// any guess). Inseparable prefixes (be-, ver-, ent-, er-, ge-, zer-, emp-,
// miss-) and -ieren verbs take no ge- in the participle.
//
// Weak verbs by rule (fordern -> fordere, forderst, fordert, forderte,
// forderten, gefordert, zu fordern); strong and mixed verbs by a small curated
// table of stems (weisen/wies/gewiesen, sprechen/spricht/sprach/gesprochen),
// also under a prefix (ver|sprechen, aus|sprechen).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace negograph::ingest::morph_de {

struct VerbForms {
  // Forms that stand alone: infinitive, participle, zu-infinitive and, for a
  // separable verb, the joined finite forms of verb-final clauses ("dass sie
  // ablehnte").
  std::vector<std::string> joined;
  // Finite forms of main clauses that need `particle` later in the clause
  // ("lehnte ... ab"); empty for a verb without a separable particle.
  std::vector<std::string> split;
  std::string particle;
};

// nullopt when `lemma` is not an infinitive (-en / -n). REQUIRES: lower case.
std::optional<VerbForms> Verb(std::string_view lemma);

}  // namespace negograph::ingest::morph_de
