// Printing of `negograph extract --explain`: the extractor's stage trace
// (ingest/explain.h) as indented text or as JSON Lines.
#pragma once

#include <string>

#include "ingest/explain.h"

namespace negograph::cli {

std::string TraceToText(const ingest::ExtractionTrace& trace);
std::string TraceToJsonLines(const ingest::ExtractionTrace& trace);

}  // namespace negograph::cli
