// libFuzzer: YAML front matter ("---" block) followed by a body.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes = "---\n" + std::string(reinterpret_cast<const char*>(data), size);
  negograph::ingest::ParseDocument("fuzz.md", bytes).status().IgnoreError();
  return 0;
}
