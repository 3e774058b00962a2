// Open-vocabulary issues: what a cue's object names when no canonical issue
// matches. Their id folds number and inflection (Snowball stems, German or
// English by the document's language), so "schriftliche Antwort" and
// "schriftliche Antworten" are one node, whatever document came first; the id
// never depends on the dictionary below, so shards extracted on machines with
// and without it still merge.
//
// Labels: the source phrase in its language; the other language's label
// comes from Debian's German-English dictionary (trans-de-en, GPL-2+, read at
// run time from /usr/share/trans/de-en or $NEGOGRAPH_DE_EN; nothing derived
// from it is committed) for single nouns: "Sorgen" -> {de: Sorge, en: worry}.
// Where no translation is known the label is the source phrase and
// Issue::untranslated says so.
#pragma once

#include <string>
#include <string_view>

#include "graph/model.h"
#include "ingest/rule_pack.h"

namespace negograph::ingest {

// The open issue a phrase names in a document of `lang` ("de" | "en").
Issue OpenIssue(std::string_view phrase, std::string_view lang);

// Why a phrase is not an issue: "pronoun", "generic", "nationality",
// "person"; empty when it may be one. Pronoun-like words ("it", "dies"),
// generic heads with nothing more specific ("the issue", "proposals", "talks",
// "Sorgen"), nationality words ("Americans", "Russen") and speaker names of
// the pack ("Lawrow") are noise.
std::string OpenIssueNoise(std::string_view phrase, const RulePack& pack);

// Single-noun lookups in the dictionary; false when it is absent or the word
// is not a noun it lists. `lemma` gets the singular in the source language,
// `translation` the singular in the other one.
bool TranslateNoun(std::string_view word, std::string_view from_lang, std::string* lemma,
                   std::string* translation);

// True when the dictionary file was found and read (tests skip without it).
bool DictionaryAvailable();

}  // namespace negograph::ingest
