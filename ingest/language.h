// Language of a document from counts of function words that only German or
// only English has (counted during the one automaton pass).
#pragma once

#include <cstdint>
#include <string>

#include "graph/status.h"

namespace negograph::ingest {

// "de" or "en"; Unsupported when neither language's function words are
// frequent enough (the text is in another language, or is not prose).
// `words` is the number of word tokens.
StatusOr<std::string> DetectLanguage(uint32_t de_hits, uint32_t en_hits, uint32_t words);

}  // namespace negograph::ingest
