#include "tests/common/temp_dir.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace negograph::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("negograph-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" +
           std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

CommandResult RunNegograph(const std::string& args, const std::string& stdin_text) {
  TempDir tmp;
  auto in = tmp.path() / "stdin", out = tmp.path() / "stdout", err = tmp.path() / "stderr";
  WriteFile(in, stdin_text);
  std::string cmd = std::string("'") + NEGOGRAPH_BINARY + "' " + args + " <'" + in.string() +
                    "' >'" + out.string() + "' 2>'" + err.string() + "'";
  int raw = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

std::filesystem::path SourceDir() { return NEGOGRAPH_SOURCE_DIR; }

std::optional<std::filesystem::path> SharedDir() {
  if (const char* env = std::getenv("NEGOGRAPH_SHARED_DIR")) {
    if (std::filesystem::is_directory(env)) return std::filesystem::path(env);
    return std::nullopt;
  }
  auto shared = SourceDir().parent_path() / "shared";
  if (std::filesystem::is_directory(shared / "corpus")) return shared;
  return std::nullopt;
}

}  // namespace negograph::testing
