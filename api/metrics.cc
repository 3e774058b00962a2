#include "api/metrics.h"

#include <cstdio>

namespace negograph::api {
namespace {

std::string FormatDouble(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

void Metrics::Record(std::string_view route, std::string_view method, int status,
                     double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{std::string(route), std::string(method), status}];
  Histogram& h = latency_[std::string(route)];
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  ++h.counts[i];
  h.sum += seconds;
  ++h.count;
}

std::string Metrics::Render(const StoreStats* stats) const {
  std::string out;
  {
    std::lock_guard<std::mutex> lock(mu_);
    out += "# HELP negograph_http_requests_total HTTP requests by route pattern, method and status.\n";
    out += "# TYPE negograph_http_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
      const auto& [route, method, status] = key;
      out += "negograph_http_requests_total{route=\"" + route + "\",method=\"" + method +
             "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
    }
    out += "# HELP negograph_http_request_duration_seconds Time spent in the handler.\n";
    out += "# TYPE negograph_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
      uint64_t cumulative = 0;
      std::string prefix = "negograph_http_request_duration_seconds";
      for (size_t i = 0; i <= kBuckets.size(); ++i) {
        cumulative += h.counts[i];
        std::string le = i < kBuckets.size() ? FormatDouble(kBuckets[i]) : "+Inf";
        out += prefix + "_bucket{route=\"" + route + "\",le=\"" + le + "\"} " +
               std::to_string(cumulative) + "\n";
      }
      out += prefix + "_sum{route=\"" + route + "\"} " + FormatDouble(h.sum) + "\n";
      out += prefix + "_count{route=\"" + route + "\"} " + std::to_string(h.count) + "\n";
    }
  }
  if (stats != nullptr) {
    auto gauge = [&out](const char* name, const char* help, uint64_t value) {
      out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " gauge\n" + name +
             " " + std::to_string(value) + "\n";
    };
    gauge("negograph_store_documents", "Documents in the store.", stats->documents);
    gauge("negograph_store_actors", "Actors with positions.", stats->actors);
    gauge("negograph_store_issues", "Issues with positions.", stats->issues);
    gauge("negograph_store_rounds", "Rounds of talks.", stats->rounds);
    gauge("negograph_store_positions", "Positions (stance edges).", stats->positions);
  }
  return out;
}

}  // namespace negograph::api
