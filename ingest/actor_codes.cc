#include "ingest/actor_codes.h"

#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fstream>

#include "graph/ids.h"

namespace negograph::ingest {
namespace {

// The generator's normalize_key: German umlauts and ß folded first, then
// NFKD with the combining marks dropped ("Åland" -> "aland"), then the
// usual key (graph/ids.h NormalizeKey).
std::string GazetteerKey(const std::string& name) {
  std::string folded;
  for (size_t i = 0; i < name.size(); ++i) {
    std::string_view rest(name.data() + i, name.size() - i);
    const char* repl = nullptr;
    for (auto [from, to] : {std::pair{"\u00e4", "ae"}, {"\u00f6", "oe"}, {"\u00fc", "ue"},
                            {"\u00c4", "ae"}, {"\u00d6", "oe"}, {"\u00dc", "ue"},
                            {"\u00df", "ss"}}) {
      if (rest.starts_with(from)) {
        repl = to;
        i += std::string_view(from).size() - 1;
        break;
      }
    }
    if (repl) {
      folded += repl;
    } else {
      folded += name[i];
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  if (U_FAILURE(err)) return NormalizeKey(folded);
  icu::UnicodeString decomposed = nfkd->normalize(icu::UnicodeString::fromUTF8(folded), err);
  if (U_FAILURE(err)) return NormalizeKey(folded);
  icu::UnicodeString bare;
  for (int32_t k = 0; k < decomposed.length();) {
    UChar32 c = decomposed.char32At(k);
    if (u_getCombiningClass(c) == 0) bare.append(c);
    k += U16_LENGTH(c);
  }
  std::string out;
  bare.toUTF8String(out);
  return NormalizeKey(out);
}

}  // namespace

StatusOr<std::map<std::string, std::string>> LoadActorCountryCodes(
    const std::filesystem::path& iso_json) {
  // KEEP IN SYNC with CURATED_IDS in scripts/gen_actor_gazetteer.py: countries
  // whose actor id is not their normalised name (tests/ingest check each
  // generated id resolves).
  static const std::map<std::string, std::string> kCurated = {
      {"US", "usa"},         {"RU", "russia"},      {"GB", "uk"},
      {"TR", "turkey"},      {"KR", "south_korea"}, {"KP", "north_korea"},
      {"IR", "iran"},        {"SY", "syria"},       {"VN", "vietnam"}};
  std::ifstream in(iso_json);
  if (!in) return Status::NotFound("cannot read " + iso_json.string() + " (Debian package iso-codes)");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array()) {
    return Status::InvalidArgument(iso_json.string() + ": no \"3166-1\" list");
  }
  std::map<std::string, std::string> codes;
  for (const nlohmann::json& c : j["3166-1"]) {
    if (!c.is_object() || !c.contains("alpha_2") || !c.contains("alpha_3")) continue;
    std::string alpha2 = c.value("alpha_2", ""), name = c.value("common_name", c.value("name", ""));
    auto curated = kCurated.find(alpha2);
    std::string id = curated != kCurated.end() ? curated->second : GazetteerKey(name);
    if (!id.empty()) codes.emplace(std::move(id), c.value("alpha_3", ""));
  }
  return codes;
}

}  // namespace negograph::ingest
