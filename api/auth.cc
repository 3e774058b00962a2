#include "api/auth.h"

#include <cctype>

#include "api/problem.h"

namespace negograph::api {

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Walks the longer string fully so that the time does not reveal the
  // length of a matching prefix.
  size_t n = a.size() > b.size() ? a.size() : b.size();
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  // Keep the compiler from turning the loop into an early-exit compare.
  volatile unsigned char result = diff;
  return result == 0;
}

std::optional<ApiResponse> CheckBearer(std::string_view authorization, std::string_view token) {
  if (token.empty()) {
    return Problem(403, "write routes are disabled: start the server with --token-file or "
                        "NEGOGRAPH_API_TOKEN");
  }
  constexpr std::string_view kScheme = "bearer ";
  bool has_scheme = authorization.size() > kScheme.size();
  for (size_t i = 0; has_scheme && i < kScheme.size(); ++i) {
    has_scheme = std::tolower(static_cast<unsigned char>(authorization[i])) == kScheme[i];
  }
  std::string_view given = has_scheme ? authorization.substr(kScheme.size()) : std::string_view();
  while (!given.empty() && given.front() == ' ') given.remove_prefix(1);
  while (!given.empty() && given.back() == ' ') given.remove_suffix(1);
  if (!has_scheme || !ConstantTimeEquals(given, token)) {
    ApiResponse res = Problem(401, authorization.empty() ? "missing Authorization: Bearer token"
                                                         : "invalid bearer token");
    res.SetHeader("WWW-Authenticate", "Bearer realm=\"negograph\"");
    return res;
  }
  return std::nullopt;
}

}  // namespace negograph::api
