#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace negograph::cli {

Progress::Progress(std::string_view what, size_t total)
    : enabled_(isatty(STDERR_FILENO) == 1), what_(what), total_(total) {}

Progress::~Progress() {
  if (enabled_) std::fprintf(stderr, "\r\033[K");
}

void Progress::Update(size_t done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && done != total_) return;
  last_ = now;
  if (total_ > 0) {
    std::fprintf(stderr, "\r%.*s %zu/%zu", static_cast<int>(what_.size()), what_.data(), done,
                 total_);
  } else {
    std::fprintf(stderr, "\r%.*s %zu", static_cast<int>(what_.size()), what_.data(), done);
  }
  std::fflush(stderr);
}

}  // namespace negograph::cli
