#include "api/lang.h"

#include <cstdlib>

namespace negograph::api {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// q-value of one "de-CH;q=0.8" item (1 when absent, 0 when malformed).
double QValue(std::string_view params) {
  size_t q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string v(Trim(params.substr(q + 2)));
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  return (end == v.c_str() || d < 0 || d > 1) ? 0.0 : d;
}

}  // namespace

std::string AcceptLanguage(std::string_view header) {
  std::string best;
  double best_q = 0.0;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = Trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    size_t semi = item.find(';');
    std::string_view tag = Trim(item.substr(0, semi));
    double q = semi == std::string_view::npos ? 1.0 : QValue(item.substr(semi + 1));
    std::string primary(tag.substr(0, tag.find('-')));
    for (char& c : primary) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if ((primary == "de" || primary == "en") && q > best_q) {
      best = primary;
      best_q = q;
    }
  }
  return best;
}

StatusOr<std::string> RequestLang(const ApiRequest& req) {
  auto [begin, end] = req.params.equal_range("lang");
  if (begin != end) {
    if (std::next(begin) != end) return Status::InvalidArgument("parameter 'lang' given twice");
    if (begin->second == "de" || begin->second == "en") return begin->second;
    if (!begin->second.empty()) {
      return Status::InvalidArgument("parameter 'lang' must be de or en, not '" + begin->second + "'");
    }
  }
  std::string accepted = AcceptLanguage(req.Header("Accept-Language"));
  return accepted.empty() ? std::string("en") : accepted;
}

}  // namespace negograph::api
