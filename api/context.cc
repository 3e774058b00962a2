#include "api/context.h"

#include <nlohmann/json.hpp>

namespace negograph::api {

ApiResponse JsonResponse(const nlohmann::json& j, int status) {
  ApiResponse res;
  res.status = status;
  // With the charset parameter httplib leaves API answers uncompressed:
  // small pages answer faster raw than gzip'ed (the position query target).
  res.content_type = "application/json; charset=utf-8";
  res.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return res;
}

}  // namespace negograph::api
