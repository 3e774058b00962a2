// Prometheus text exposition of request counts (by route pattern, method and
// status), a latency histogram per route, and the store's counts.
//
// Thread safety: Record and Render may be called concurrently.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "graph/graph_store.h"

namespace negograph::api {

class Metrics {
 public:
  // Upper bounds (seconds) of the latency buckets; +Inf is implied.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  // `route` is the route's pattern name ("/api/v1/actors/{id}"), never the
  // raw path, so the label set stays bounded.
  void Record(std::string_view route, std::string_view method, int status, double seconds);

  // The exposition text; `stats` adds store gauges when given.
  std::string Render(const StoreStats* stats) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size() + 1> counts{};  // last: +Inf
    double sum = 0;
    uint64_t count = 0;
  };
  mutable std::mutex mu_;  // held only to bump counters, never across I/O
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace negograph::api
