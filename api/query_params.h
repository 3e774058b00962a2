// Strict query-parameter parsing: an unknown or repeated parameter, a limit
// that is not a positive integer within the cap, an unknown stance are all
// InvalidArgument naming the parameter (the API answers 400). An empty value
// (`?actor=`) counts as absent, except where a number is required.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace negograph::api {

class QueryParams {
 public:
  // Accepts only the names in `allowed`, each at most once.
  static StatusOr<QueryParams> Parse(const std::multimap<std::string, std::string>& params,
                                     std::initializer_list<std::string_view> allowed);

  // The value, "" when absent.
  std::string Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  // InvalidArgument "missing parameter 'name'" when absent or empty.
  StatusOr<std::string> Required(std::string_view name) const;
  // A positive integer <= cap; `fallback` when absent.
  StatusOr<size_t> Limit(std::string_view name, size_t fallback, size_t cap) const;
  // An integer in [min, max]; `fallback` when absent. REQUIRES: 0 <= min <= max.
  StatusOr<int> IntInRange(std::string_view name, int fallback, int min, int max) const;
  // A stance name; nullopt when absent.
  StatusOr<std::optional<Stance>> StanceParam(std::string_view name) const;
  // "true"/"1" or "false"/"0"; false when absent.
  StatusOr<bool> BoolParam(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Parses a decimal unsigned integer without sign, spaces or overflow.
std::optional<uint64_t> ParseUnsigned(std::string_view text);

}  // namespace negograph::api
