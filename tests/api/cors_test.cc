// CORS is off by default and answers preflights when configured; HEAD
// answers like GET without a body.
#include "tests/api/api_fixture.h"

namespace negograph::testing {
namespace {

TEST_CASE("CORS headers appear only when an origin is configured", "[api][cors]") {
  SECTION("off by default") {
    ApiFixture f;
    httplib::Result res = f.Get("/api/v1/actors");
    REQUIRE(res->status == 200);
    REQUIRE_FALSE(res->has_header("Access-Control-Allow-Origin"));
    httplib::Result options = f.client->Options("/api/v1/actors");
    REQUIRE(options->status == 204);
    REQUIRE_FALSE(options->has_header("Access-Control-Allow-Methods"));
  }
  SECTION("on with --cors-origin") {
    api::ServerOptions options;
    options.cors_origin = "http://localhost:5173";
    ApiFixture f(options);
    httplib::Result res = f.Get("/api/v1/actors");
    REQUIRE(res->get_header_value("Access-Control-Allow-Origin") == "http://localhost:5173");
    httplib::Result pre = f.client->Options("/api/v1/documents");
    REQUIRE(pre->status == 204);
    REQUIRE(pre->get_header_value("Access-Control-Allow-Headers").find("Authorization") !=
            std::string::npos);
  }
}

TEST_CASE("HEAD answers the GET headers without a body", "[api]") {
  ApiFixture f;
  httplib::Result get = f.Get("/api/v1/actors");
  httplib::Result head = f.client->Head("/api/v1/actors");
  REQUIRE(head);
  REQUIRE(head->status == 200);
  REQUIRE(head->body.empty());
  REQUIRE(head->get_header_value("ETag") == get->get_header_value("ETag"));
}

}  // namespace
}  // namespace negograph::testing
