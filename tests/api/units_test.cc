// Unit tests of the API's small parts: parameters, token comparison,
// problem mapping, metrics text.
#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "api/auth.h"
#include "api/metrics.h"
#include "api/problem.h"
#include "api/query_params.h"

namespace negograph::api {
namespace {

TEST_CASE("query parameters are parsed strictly", "[api][params]") {
  std::multimap<std::string, std::string> raw = {{"limit", "10"}, {"stance", "reject"}};
  StatusOr<QueryParams> p = QueryParams::Parse(raw, {"limit", "stance", "actor"});
  REQUIRE(p.ok());
  REQUIRE(*p->Limit("limit", 100, 1000) == 10);
  REQUIRE(**p->StanceParam("stance") == Stance::kReject);
  REQUIRE_FALSE(p->Has("actor"));
  REQUIRE(p->Required("actor").status().code() == StatusCode::kInvalidArgument);
  REQUIRE(*p->Limit("cursor", 7, 1000) == 7);

  for (const char* bad : {"0", "-1", "1001", "1e3", " 5", "5 ", "", "99999999999999999999999"}) {
    StatusOr<QueryParams> q = QueryParams::Parse({{"limit", bad}}, {"limit"});
    REQUIRE(q.ok());
    INFO(bad);
    REQUIRE_FALSE(q->Limit("limit", 100, 1000).ok());
  }
  REQUIRE_FALSE(QueryParams::Parse({{"x", "1"}}, {"limit"}).ok());
  REQUIRE_FALSE(QueryParams::Parse({{"limit", "1"}, {"limit", "2"}}, {"limit"}).ok());
  REQUIRE_FALSE(QueryParams::Parse({{"stance", "Demand!"}}, {"stance"})->StanceParam("stance").ok());
  REQUIRE_FALSE(QueryParams::Parse({{"depth", "6"}}, {"depth"})->IntInRange("depth", 1, 1, 5).ok());
  REQUIRE(*QueryParams::Parse({{"depth", "5"}}, {"depth"})->IntInRange("depth", 1, 1, 5) == 5);
}

TEST_CASE("tokens compare equal only when identical", "[api][auth]") {
  REQUIRE(ConstantTimeEquals("abc", "abc"));
  REQUIRE_FALSE(ConstantTimeEquals("abc", "abd"));
  REQUIRE_FALSE(ConstantTimeEquals("abc", "abcd"));
  REQUIRE_FALSE(ConstantTimeEquals("abcd", "abc"));
  REQUIRE_FALSE(ConstantTimeEquals("", "a"));
  REQUIRE(ConstantTimeEquals("", ""));
  REQUIRE(std::string_view("a\0b", 3) != std::string_view("a\0c", 3));
  REQUIRE_FALSE(ConstantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));

  REQUIRE_FALSE(CheckBearer("Bearer sekrit-token", "sekrit-token").has_value());
  REQUIRE_FALSE(CheckBearer("bearer  sekrit-token ", "sekrit-token").has_value());
  REQUIRE(CheckBearer("Bearer sekrit-toke", "sekrit-token")->status == 401);
  REQUIRE(CheckBearer("", "sekrit-token")->status == 401);
  REQUIRE(CheckBearer("Bearer ", "sekrit-token")->status == 401);
  REQUIRE(CheckBearer("Bearer x", "")->status == 403);
}

TEST_CASE("statuses map onto HTTP statuses; 5xx details are generic", "[api][problem]") {
  REQUIRE(HttpStatusFor(StatusCode::kInvalidArgument) == 400);
  REQUIRE(HttpStatusFor(StatusCode::kNotFound) == 404);
  REQUIRE(HttpStatusFor(StatusCode::kAlreadyExists) == 409);
  REQUIRE(HttpStatusFor(StatusCode::kTooLarge) == 413);
  REQUIRE(HttpStatusFor(StatusCode::kUnsupported) == 415);
  REQUIRE(HttpStatusFor(StatusCode::kBusy) == 503);
  REQUIRE(HttpStatusFor(StatusCode::kCorruption) == 500);
  ApiResponse r = ProblemFromStatus(Status::IOError("/var/lib/x.sst: EIO"));
  REQUIRE(r.status == 500);
  REQUIRE(r.content_type == "application/problem+json");
  REQUIRE(r.body.find("x.sst") == std::string::npos);
  ApiResponse nf = ProblemFromStatus(Status::NotFound("no actor 'xyz'"));
  nlohmann::json j = nlohmann::json::parse(nf.body);
  REQUIRE(j == nlohmann::json{{"type", "about:blank"}, {"title", "Not Found"}, {"status", 404},
                              {"detail", "no actor 'xyz'"}});
  // Invalid UTF-8 in a detail is replaced, not thrown.
  REQUIRE(nlohmann::json::parse(Problem(400, "bad \xff").body)["status"] == 400);
}

TEST_CASE("metrics render cumulative buckets per route", "[api][metrics]") {
  Metrics m;
  m.Record("/a", "GET", 200, 0.0001);
  m.Record("/a", "GET", 200, 0.003);
  m.Record("/a", "GET", 404, 10.0);
  StoreStats stats;
  stats.positions = 42;
  std::string text = m.Render(&stats);
  INFO(text);
  REQUIRE(text.find("negograph_http_requests_total{route=\"/a\",method=\"GET\",status=\"200\"} 2") !=
          std::string::npos);
  REQUIRE(text.find("_bucket{route=\"/a\",le=\"0.0005\"} 1\n") != std::string::npos);
  REQUIRE(text.find("_bucket{route=\"/a\",le=\"0.005\"} 2\n") != std::string::npos);
  REQUIRE(text.find("_bucket{route=\"/a\",le=\"2.5\"} 2\n") != std::string::npos);
  REQUIRE(text.find("_bucket{route=\"/a\",le=\"+Inf\"} 3\n") != std::string::npos);
  REQUIRE(text.find("_count{route=\"/a\"} 3\n") != std::string::npos);
  REQUIRE(text.find("negograph_store_positions 42\n") != std::string::npos);
}

}  // namespace
}  // namespace negograph::api
