// PLOVER codes states by ISO 3166 alpha-3 (ingest/actor_codes.h). The id rule
// must match the gazetteer generator's, so every generated country resolves.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/actor_codes.h"
#include "tests/common/temp_dir.h"

namespace negograph::ingest {

TEST_CASE("every country of the generated gazetteer has its ISO alpha-3 code", "[ingest]") {
  if (!std::filesystem::exists(kIsoCountriesJson)) {
    WARN("SKIPPED: Debian's iso-codes is not installed");
    std::exit(4);
  }
  StatusOr<std::map<std::string, std::string>> codes = LoadActorCountryCodes();
  REQUIRE(codes.ok());
  CHECK(codes->at("russia") == "RUS");
  CHECK(codes->at("usa") == "USA");
  CHECK(codes->at("uk") == "GBR");
  CHECK(codes->at("germany") == "DEU");
  CHECK(codes->at("ukraine") == "UKR");
  std::ifstream in(testing::SourceDir() / "ingest" / "rules" / "actors_countries.yaml");
  int checked = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("  - id: ")) continue;
    std::string id = line.substr(8);
    INFO(id);
    CHECK(codes->count(id) == 1);
    ++checked;
  }
  CHECK(checked > 200);
}

TEST_CASE("a missing or broken iso-codes file is an error, not a crash", "[ingest]") {
  testing::TempDir dir;
  CHECK(LoadActorCountryCodes(dir.path() / "nope.json").status().code() == StatusCode::kNotFound);
  testing::WriteFile(dir.path() / "bad.json", "{\"3166-1\": 5}");
  CHECK_FALSE(LoadActorCountryCodes(dir.path() / "bad.json").ok());
}

}  // namespace negograph::ingest
