// People introduced with their party and named again by surname only.
// Reports name a person once with title and party ("der polnische
// Außenminister Jan Nowak", "Jan Nowak, the Polish envoy", "US-Präsident X")
// and then by surname ("Nowak sagte", "Nowak's proposal"). A speaker of the
// lexicon named in full ("Boris Johnson") is likewise named by surname later.
// This pass adds a mention for each later surname, so the clause logic sees
// the party. Linear in the document.
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/lexer.h"
#include "ingest/rule_pack.h"

namespace negograph::ingest {

// Adds actor or speaker mentions for surnames of people introduced earlier in
// the document and re-attaches mention ranges to sentences. Call after Resolve().
void AddIntroducedPeople(std::string_view text, uint8_t lang, LexedText& lexed);

}  // namespace negograph::ingest
