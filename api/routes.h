// The route table: every API route in one place, in matching order.
#pragma once

#include <span>

#include "api/context.h"

namespace negograph::api {

struct Route {
  const char* method;        // "GET" (also answers HEAD), "POST", "DELETE"
  const char* pattern;       // regex over the decoded path; captures feed ApiRequest::matches
  const char* openapi_path;  // the path template in openapi.json; also the metrics label
  HandlerFn handler;
  bool write = false;        // needs Authorization: Bearer <token>
  bool reads_body = false;   // takes a request body (bounded by max_body_bytes)
};

std::span<const Route> ApiRoutes();

}  // namespace negograph::api
