#include "ingest/language.h"

namespace negograph::ingest {

StatusOr<std::string> DetectLanguage(uint32_t de_hits, uint32_t en_hits, uint32_t words) {
  uint32_t hits = de_hits + en_hits;
  // Function words are ~30-50% of tokens in German or English prose; under
  // 8% of tokens means another language. Very short texts get the benefit of
  // the doubt as long as something was seen.
  bool enough = words < 12 ? hits > 0 : hits * 100 >= words * 8;
  if (!enough) {
    return Status::Unsupported("language 'und' (neither German nor English function words found; "
                               "rule packs exist for de and en)");
  }
  return std::string(de_hits >= en_hits ? "de" : "en");
}

}  // namespace negograph::ingest
