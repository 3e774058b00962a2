// GET /api/v1/conflicts: conflicting reports with round, actor and issue filters.
#include "tests/api/api_fixture.h"

namespace negograph::testing {

using nlohmann::json;

TEST_CASE("conflicts lists two reports of one round that disagree, with both quotes",
          "[api][conflicts]") {
  ApiFixture f;
  CHECK(f.GetJson("/api/v1/conflicts")["items"].empty());
  // Geneva-a says russia accepts arms_control; this report says it rejects it.
  httplib::Result up = f.client->Post("/api/v1/documents?name=other&round=2022-01-10-geneva",
                                      f.Auth(), "russia reject arms_control\n", "text/plain");
  REQUIRE(up->status == 201);

  json all = f.GetJson("/api/v1/conflicts");
  REQUIRE(all["items"].size() == 1);
  const json& c = all["items"][0];
  CHECK(c["kind"] == "stance");
  CHECK(c["round"] == "2022-01-10-geneva");
  CHECK(c["actor"] == "russia");
  CHECK(c["issue"] == "arms_control");
  std::set<std::string> quotes = {c["a"]["quote"], c["b"]["quote"]};
  CHECK(quotes == std::set<std::string>{"russia accept arms_control", "russia reject arms_control"});
  CHECK(c["a"]["doc_id"] != c["b"]["doc_id"]);

  CHECK(f.GetJson("/api/v1/conflicts?round=2022-01-10-geneva&actor=russia&issue=arms_control")
            ["items"].size() == 1);
  CHECK(f.GetJson("/api/v1/conflicts?round=2022-01-12-brussels")["items"].empty());
  CHECK(f.GetJson("/api/v1/conflicts?actor=usa")["items"].empty());
  CHECK(f.GetJson("/api/v1/conflicts?issue=nato_enlargement")["items"].empty());
  RequireProblem(f.Get("/api/v1/conflicts?round=1999-nowhere"), 404);
  RequireProblem(f.Get("/api/v1/conflicts?stance=reject"), 400);
}

}  // namespace negograph::testing
