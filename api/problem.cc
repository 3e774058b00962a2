#include "api/problem.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace negograph::api {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists: return 409;
    case StatusCode::kTooLarge: return 413;
    case StatusCode::kUnsupported: return 415;
    case StatusCode::kBusy: return 503;
    case StatusCode::kUnimplemented: return 501;
    case StatusCode::kFailedPrecondition:
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

ApiResponse Problem(int status, std::string_view detail) {
  nlohmann::json j = {{"type", "about:blank"},
                      {"title", ReasonPhrase(status)},
                      {"status", status},
                      {"detail", detail}};
  ApiResponse res;
  res.status = status;
  res.content_type = "application/problem+json";
  // Invalid UTF-8 from a client (echoed in a detail) must not throw here.
  res.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return res;
}

ApiResponse ProblemFromStatus(const Status& status) {
  int http = HttpStatusFor(status.code());
  if (http >= 500) {
    // The operator sees the cause; the client does not.
    std::cerr << "negograph serve: " << status.ToString() << "\n";
    switch (http) {
      case 501: return Problem(http, "not implemented in this build");
      case 503: return Problem(http, "the store is busy; retry later");
      default: return Problem(http, "internal error; see the server log");
    }
  }
  return Problem(http, status.message());
}

}  // namespace negograph::api
