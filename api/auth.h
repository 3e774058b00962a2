// Bearer-token checks for the write routes.
#pragma once

#include <optional>
#include <string_view>

#include "api/http_types.h"

namespace negograph::api {

// Compares in time that depends only on the lengths, not on where the
// strings differ (no early exit on the first mismatch).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// nullopt when `authorization` (the header value) carries `token`; else the
// problem to answer: 403 when no token is configured (writes are off), 401
// with WWW-Authenticate: Bearer when the header is missing or wrong.
std::optional<ApiResponse> CheckBearer(std::string_view authorization, std::string_view token);

}  // namespace negograph::api
