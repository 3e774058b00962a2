#include "graph/status.h"

#include <catch2/catch.hpp>

namespace negograph {
namespace {

Status FailsWith(StatusCode code) { return {code, "boom"}; }

Status PropagatesFirstError(int& reached) {
  NEGOGRAPH_RETURN_IF_ERROR(Status::Ok());
  reached = 1;
  NEGOGRAPH_RETURN_IF_ERROR(FailsWith(StatusCode::kNotFound));
  reached = 2;
  return Status::Ok();
}

TEST_CASE("Status carries a code and a message", "[graph]") {
  REQUIRE(Status().ok());
  Status s = Status::NotFound("no actor 'x'");
  REQUIRE_FALSE(s.ok());
  REQUIRE(s.code() == StatusCode::kNotFound);
  REQUIRE(s.ToString() == "NotFound: no actor 'x'");
  REQUIRE(s.WithContext("query").message() == "query: no actor 'x'");
  REQUIRE(Status::Ok().WithContext("ignored").ok());
}

TEST_CASE("RETURN_IF_ERROR stops at the first error", "[graph]") {
  int reached = 0;
  Status s = PropagatesFirstError(reached);
  REQUIRE(reached == 1);
  REQUIRE(s.code() == StatusCode::kNotFound);
}

TEST_CASE("StatusOr holds a value or an error", "[graph]") {
  StatusOr<std::string> good = std::string("value");
  REQUIRE(good.ok());
  REQUIRE(*good == "value");
  REQUIRE(good->size() == 5);
  StatusOr<std::string> bad = Status::Corruption("bad bytes");
  REQUIRE_FALSE(bad.ok());
  REQUIRE(bad.status().code() == StatusCode::kCorruption);
}

}  // namespace
}  // namespace negograph
