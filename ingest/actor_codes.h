// ISO 3166-1 alpha-3 codes of the country actors, for exports that code
// entities by country (PLOVER's entity `code`). Read from Debian's iso-codes
// with the same id rule as the gazetteer (scripts/gen_actor_gazetteer.py):
// id = the curated id of the country, else NormalizeKey(common name or name).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "graph/status.h"

namespace negograph::ingest {

inline constexpr const char* kIsoCountriesJson = "/usr/share/iso-codes/json/iso_3166-1.json";

// Actor id -> alpha-3 ("russia" -> "RUS", "usa" -> "USA", "germany" -> "DEU").
StatusOr<std::map<std::string, std::string>> LoadActorCountryCodes(
    const std::filesystem::path& iso_json = kIsoCountriesJson);

}  // namespace negograph::ingest
