// Errors as RFC 9457 problem details (application/problem+json):
//   {"type":"about:blank","title":"Not Found","status":404,"detail":"no actor 'xyz'"}
// Internal failures answer 500 with a generic detail: never a what(), a
// stack or a file path.
#pragma once

#include <string_view>

#include "api/http_types.h"
#include "graph/status.h"

namespace negograph::api {

// InvalidArgument 400, NotFound 404, AlreadyExists 409, TooLarge 413,
// Unsupported 415, Busy 503, Unimplemented 501, everything else 500.
int HttpStatusFor(StatusCode code);

// "Bad Request", "Not Found", ... ("Error" for codes without a phrase).
std::string_view ReasonPhrase(int status);

// A problem response with `status` and `detail`.
ApiResponse Problem(int status, std::string_view detail);

// A problem response for a failed Status. Messages of client errors (4xx)
// are passed on; for 5xx the detail is generic and the message is dropped
// (it may name files or internals).
ApiResponse ProblemFromStatus(const Status& status);

}  // namespace negograph::api
