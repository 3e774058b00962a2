#include "api/context.h"

#include <nlohmann/json.hpp>

namespace negograph::api {

ApiResponse JsonResponse(const nlohmann::json& j, int status) {
  ApiResponse res;
  res.status = status;
  res.content_type = "application/json";
  res.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return res;
}

}  // namespace negograph::api
