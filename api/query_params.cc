#include "api/query_params.h"

#include <algorithm>
#include <charconv>

namespace negograph::api {
namespace {

// Parameter names are echoed in errors; keep them short and printable.
std::string Printable(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 64)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  return out;
}

}  // namespace

std::optional<uint64_t> ParseUnsigned(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

StatusOr<QueryParams> QueryParams::Parse(const std::multimap<std::string, std::string>& params,
                                         std::initializer_list<std::string_view> allowed) {
  QueryParams out;
  for (const auto& [name, value] : params) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string names;
      for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      return Status::InvalidArgument("unknown parameter '" + Printable(name) + "'" +
                                     (names.empty() ? std::string(" (this route takes none)")
                                                    : " (allowed: " + names + ")"));
    }
    if (!out.values_.emplace(name, value).second) {
      return Status::InvalidArgument("parameter '" + name + "' given more than once");
    }
  }
  return out;
}

std::string QueryParams::Get(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::string() : it->second;
}

bool QueryParams::Has(std::string_view name) const { return !Get(name).empty(); }

StatusOr<std::string> QueryParams::Required(std::string_view name) const {
  std::string value = Get(name);
  if (value.empty()) return Status::InvalidArgument("missing parameter '" + std::string(name) + "'");
  return value;
}

StatusOr<size_t> QueryParams::Limit(std::string_view name, size_t fallback, size_t cap) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  std::optional<uint64_t> v = ParseUnsigned(it->second);
  if (!v || *v == 0 || *v > cap) {
    return Status::InvalidArgument("parameter '" + std::string(name) +
                                   "' must be an integer from 1 to " + std::to_string(cap));
  }
  return static_cast<size_t>(*v);
}

StatusOr<bool> QueryParams::BoolParam(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second == "false" || it->second == "0") return false;
  if (it->second == "true" || it->second == "1") return true;
  return Status::InvalidArgument("parameter '" + std::string(name) + "' must be true or false");
}

StatusOr<int> QueryParams::IntInRange(std::string_view name, int fallback, int min,
                                      int max) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  std::optional<uint64_t> v = ParseUnsigned(it->second);
  if (!v || *v < static_cast<uint64_t>(min) || *v > static_cast<uint64_t>(max)) {
    return Status::InvalidArgument("parameter '" + std::string(name) +
                                   "' must be an integer from " + std::to_string(min) + " to " +
                                   std::to_string(max));
  }
  return static_cast<int>(*v);
}

StatusOr<std::optional<Stance>> QueryParams::StanceParam(std::string_view name) const {
  std::string value = Get(name);
  if (value.empty()) return std::optional<Stance>();
  std::optional<Stance> stance = ParseStance(value);
  if (!stance) {
    return Status::InvalidArgument("parameter '" + std::string(name) +
                                   "' must be one of demand, offer, reject, accept, threaten, "
                                   "assure");
  }
  return stance;
}

}  // namespace negograph::api
