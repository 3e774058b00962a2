// Small helpers shared by the CLI tests: quoting a path for the shell and
// reading a command's JSON answer.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/exit_codes.h"
#include "tests/common/temp_dir.h"

namespace negograph::testing {

inline std::string Quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The command succeeded and printed one JSON value.
inline nlohmann::json ParseJson(const CommandResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == cli::kExitOk);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

// The command printed one JSON object, whatever its exit code (for runs
// that report partial failure in a summary).
inline nlohmann::json ParseJsonObject(const CommandResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE(j.is_object());
  return j;
}

}  // namespace negograph::testing
