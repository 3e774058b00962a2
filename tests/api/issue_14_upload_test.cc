// Issue 14: uploads never create phantom rounds, and a round or date given
// later for the same text is stored and said, not answered "unchanged".
#include "tests/api/api_fixture.h"

namespace negograph::testing {
namespace {

using nlohmann::json;

const char* kText = "usa demand arms_control\nrussia reject arms_control\n";

}  // namespace

TEST_CASE("an upload naming an unknown round is a 400 that lists the known rounds",
          "[api][issue14]") {
  ApiFixture f;
  httplib::Result res = f.client->Post("/api/v1/documents?round=2022-01-11-atlantis", f.Auth(),
                                       kText, "text/plain");
  RequireProblem(res, 400);
  std::string detail = json::parse(res->body)["detail"];
  CHECK_THAT(detail, Catch::Contains("2022-01-11-atlantis"));
  CHECK_THAT(detail, Catch::Contains("2022-01-10-geneva"));
  CHECK_THAT(detail, Catch::Contains("2022-01-12-brussels"));
  // Nothing stored, no phantom round.
  CHECK(f.GetJson("/api/v1/documents")["items"].size() == 3);
  json rounds = f.GetJson("/api/v1/rounds");
  for (const json& r : rounds["items"]) CHECK(r["id"] != "2022-01-11-atlantis");
}

TEST_CASE("the same text with a round or date it lacked is updated and says so",
          "[api][issue14]") {
  ApiFixture f;
  httplib::Result first = f.client->Post("/api/v1/documents?name=note", f.Auth(), kText,
                                         "text/plain");
  REQUIRE(first->status == 201);
  std::string id = json::parse(first->body)["id"];
  REQUIRE(f.GetJson("/api/v1/documents/" + id)["round"] == "");

  httplib::Result again = f.client->Post(
      "/api/v1/documents?round=2022-01-12-brussels&date=2022-01-12", f.Auth(), kText, "text/plain");
  REQUIRE(again);
  INFO(again->body);
  REQUIRE(again->status == 200);
  json body = json::parse(again->body);
  CHECK(body["outcome"] == "replaced");
  CHECK(body["metadata_updated"] == json::array({"round", "date"}));
  json doc = f.GetJson("/api/v1/documents/" + id);
  CHECK(doc["round"] == "2022-01-12-brussels");
  CHECK(doc["date"] == "2022-01-12");
  CHECK(doc["name"] == "note");
  for (const json& p : doc["items"]) CHECK(p["round"] == "2022-01-12-brussels");

  SECTION("the same text without metadata then keeps it and is unchanged") {
    httplib::Result plain = f.client->Post("/api/v1/documents", f.Auth(), kText, "text/plain");
    REQUIRE(plain->status == 200);
    CHECK(json::parse(plain->body)["outcome"] == "unchanged");
    CHECK(f.GetJson("/api/v1/documents/" + id)["round"] == "2022-01-12-brussels");
  }
  SECTION("another round than the stored one is still a 409") {
    RequireProblem(f.client->Post("/api/v1/documents?round=2022-01-10-geneva", f.Auth(), kText,
                                  "text/plain"),
                   409);
    CHECK(f.GetJson("/api/v1/documents/" + id)["round"] == "2022-01-12-brussels");
  }
}

}  // namespace negograph::testing
