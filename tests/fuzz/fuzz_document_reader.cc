// libFuzzer: ParseDocument on arbitrary bytes (plain text, metadata line).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  negograph::ingest::ParseDocument("fuzz", bytes).status().IgnoreError();
  return 0;
}
