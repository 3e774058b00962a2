// Progress lines on stderr for long work, only when stderr is a terminal
// (quiet in pipes, CI and under GNU parallel).
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace negograph::cli {

class Progress {
 public:
  // `total` may be 0 when unknown.
  Progress(std::string_view what, size_t total);
  ~Progress();  // clears the line
  // Reports that `done` items are finished; throttled to ~10 updates/s.
  void Update(size_t done);

 private:
  bool enabled_;
  std::string_view what_;
  size_t total_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace negograph::cli
