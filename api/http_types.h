// The request and response the handlers see: plain values, so handlers stay
// free of httplib (server.cc adapts) and can be unit-tested directly.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace negograph::api {

struct ApiRequest {
  std::string method;  // "GET", "HEAD", "POST", ...
  std::string path;    // percent-decoded path, without the query
  std::string target;  // the raw request target as sent (path + query)
  std::vector<std::string> matches;  // regex captures of the route: [0] whole path, [1].. groups
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // The first header named `name` (case-insensitive), "" when absent.
  std::string_view Header(std::string_view name) const;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  void SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

}  // namespace negograph::api
