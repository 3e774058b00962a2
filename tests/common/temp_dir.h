// Test helpers: a temporary directory removed at scope exit, running the
// negograph binary, and locating ../shared (present in CI, absent in a
// user's clone).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace negograph::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path` (creating parent folders).
void WriteFile(const std::filesystem::path& path, const std::string& content);
std::string ReadFile(const std::filesystem::path& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs the negograph binary with `args` (a shell-quoted string), capturing
// stdout and stderr; `stdin_text` is fed to its standard input.
CommandResult RunNegograph(const std::string& args, const std::string& stdin_text = "");

// The source tree (for data/, ingest/rules, web/).
std::filesystem::path SourceDir();

// ../shared beside the source tree when it exists.
std::optional<std::filesystem::path> SharedDir();

}  // namespace negograph::testing

// Skips the current test (ctest reports it as skipped through exit code 4)
// when ../shared is absent. Use at the top of a TEST_CASE.
#define NEGOGRAPH_REQUIRE_SHARED(var)                                             \
  auto var##_opt = ::negograph::testing::SharedDir();                             \
  if (!var##_opt) {                                                               \
    WARN("SKIPPED: ../shared is not beside this clone");                          \
    std::exit(4);                                                                 \
  }                                                                               \
  const std::filesystem::path var = *var##_opt
