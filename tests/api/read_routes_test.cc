// Every read route against a real server over hand-made data.
#include <set>

#include "tests/api/api_fixture.h"

namespace negograph::testing {
namespace {

using nlohmann::json;

std::set<std::string> Ids(const json& items, const char* key = "id") {
  std::set<std::string> out;
  for (const json& item : items) out.insert(item[key].get<std::string>());
  return out;
}

TEST_CASE("healthz answers ok", "[api]") {
  ApiFixture f;
  REQUIRE(f.GetJson("/healthz") == json{{"status", "ok"}});
}

TEST_CASE("actor, issue, round and document lists carry position counts", "[api]") {
  ApiFixture f;
  json actors = f.GetJson("/api/v1/actors")["items"];
  REQUIRE(Ids(actors) == std::set<std::string>{"nato", "russia", "usa"});
  for (const json& a : actors) {
    if (a["id"] == "russia") REQUIRE(a["positions"] == 6);
    REQUIRE(a.contains("label"));
    REQUIRE(a.contains("type"));
  }
  json issues = f.GetJson("/api/v1/issues")["items"];
  REQUIRE(Ids(issues) ==
          std::set<std::string>{"arms_control", "missile_deployment", "nato_enlargement"});
  json rounds = f.GetJson("/api/v1/rounds")["items"];
  REQUIRE(Ids(rounds) == std::set<std::string>{"2022-01-10-geneva", "2022-01-12-brussels"});
  for (const json& r : rounds) {
    REQUIRE(r["positions"] == (r["id"] == "2022-01-10-geneva" ? 7 : 4));
    REQUIRE(r["participants"].is_array());
  }
  json docs = f.GetJson("/api/v1/documents")["items"];
  REQUIRE(docs.size() == 3);
  for (const json& d : docs) {
    REQUIRE_FALSE(d.contains("text"));
    REQUIRE(d["positions"].get<int>() >= 3);
    REQUIRE(d["id"].get<std::string>().size() == 32);
  }
}

TEST_CASE("one actor, issue or round comes with its positions", "[api]") {
  ApiFixture f;
  json usa = f.GetJson("/api/v1/actors/usa");
  REQUIRE(usa["id"] == "usa");
  REQUIRE(usa["positions"] == 3);
  REQUIRE(usa["items"].size() == 3);
  for (const json& p : usa["items"]) REQUIRE(p["actor"] == "usa");
  REQUIRE(usa["next_cursor"].is_null());

  json issue = f.GetJson("/api/v1/issues/nato_enlargement");
  REQUIRE(issue["open"] == false);
  REQUIRE(issue["items"].size() == 4);

  json round = f.GetJson("/api/v1/rounds/2022-01-12-brussels");
  REQUIRE(round["place"] == "Brussels");
  REQUIRE(round["items"].size() == 4);
  for (const json& p : round["items"]) REQUIRE(p["round"] == "2022-01-12-brussels");

  SECTION("unknown ids are 404 problems") {
    RequireProblem(f.Get("/api/v1/actors/atlantis"), 404);
    RequireProblem(f.Get("/api/v1/issues/nothing"), 404);
    RequireProblem(f.Get("/api/v1/rounds/1999-01-01-nowhere"), 404);
    RequireProblem(f.Get("/api/v1/documents/0123456789abcdef0123456789abcdef"), 404);
    RequireProblem(f.Get("/api/v1/positions/0123456789abcdef"), 404);
  }
}

TEST_CASE("a document answers with its text and its positions", "[api]") {
  ApiFixture f;
  json docs = f.GetJson("/api/v1/documents")["items"];
  std::string id = docs[0]["id"];
  json doc = f.GetJson("/api/v1/documents/" + id);
  REQUIRE(doc["id"] == id);
  REQUIRE(doc["text"].get<std::string>().find(" demand ") != std::string::npos);
  REQUIRE(doc["items"].size() == docs[0]["positions"]);
  for (const json& p : doc["items"]) REQUIRE(p["doc_id"] == id);
}

TEST_CASE("positions filter by actor, stance, issue, round, doc and quote text", "[api]") {
  ApiFixture f;
  json all = f.GetJson("/api/v1/positions?limit=1000")["items"];
  REQUIRE(all.size() == 11);

  json demands = f.GetJson("/api/v1/positions?actor=russia&stance=demand")["items"];
  REQUIRE(demands.size() == 3);
  for (const json& p : demands) {
    REQUIRE(p["actor"] == "russia");
    REQUIRE(p["stance"] == "demand");
    // Each position carries its evidence and rule.
    REQUIRE(p["quote"].get<std::string>().find("russia demand") == 0);
    REQUIRE(p["doc_id"].get<std::string>().size() == 32);
    REQUIRE(p["rule"] == "test.rule");
  }
  REQUIRE(f.GetJson("/api/v1/positions?actor=russia&stance=demand&round=2022-01-12-brussels")
              ["items"].size() == 1);
  REQUIRE(f.GetJson("/api/v1/positions?issue=arms_control&stance=reject")["items"].size() == 1);
  REQUIRE(f.GetJson("/api/v1/positions?q=MISSILE")["items"].size() == 1);
  std::string doc = all[0]["doc_id"];
  json by_doc = f.GetJson("/api/v1/positions?doc=" + doc);  // kept alive for the loop
  for (const json& p : by_doc["items"]) {
    REQUIRE(p["doc_id"] == doc);
  }
  REQUIRE(f.GetJson("/api/v1/positions?actor=atlantis")["items"].empty());

  json one = f.GetJson("/api/v1/positions/" + all[0]["id"].get<std::string>());
  REQUIRE(one == all[0]);
}

TEST_CASE("walking every page loses and repeats no position", "[api]") {
  ApiFixture f;
  std::set<std::string> all = Ids(f.GetJson("/api/v1/positions?limit=1000")["items"]);
  int limit = GENERATE(1, 2, 3, 5, 11, 12);
  std::vector<std::string> seen;
  std::string url = "/api/v1/positions?limit=" + std::to_string(limit);
  json page = f.GetJson(url);
  int pages = 1;
  while (true) {
    REQUIRE(page["items"].size() <= static_cast<size_t>(limit));
    for (const json& p : page["items"]) seen.push_back(p["id"]);
    if (page["next_cursor"].is_null()) break;
    REQUIRE(page["items"].size() == static_cast<size_t>(limit));
    page = f.GetJson(url + "&cursor=" + page["next_cursor"].get<std::string>());
    REQUIRE(++pages < 100);
  }
  REQUIRE(seen.size() == all.size());
  REQUIRE(std::set<std::string>(seen.begin(), seen.end()) == all);
  REQUIRE(std::is_sorted(seen.begin(), seen.end()));  // stable order
}

TEST_CASE("bad query parameters are 400 problems naming the parameter", "[api]") {
  ApiFixture f;
  auto detail = [&](const std::string& url) {
    httplib::Result res = f.Get(url);
    RequireProblem(res, 400);
    return json::parse(res->body)["detail"].get<std::string>();
  };
  REQUIRE(detail("/api/v1/positions?stance=demands").find("stance") != std::string::npos);
  REQUIRE(detail("/api/v1/positions?limit=0").find("limit") != std::string::npos);
  REQUIRE(detail("/api/v1/positions?limit=-1").find("limit") != std::string::npos);
  REQUIRE(detail("/api/v1/positions?limit=1001").find("limit") != std::string::npos);
  REQUIRE(detail("/api/v1/positions?limit=12abc").find("limit") != std::string::npos);
  REQUIRE(detail("/api/v1/positions?actr=usa").find("actr") != std::string::npos);
  REQUIRE(detail("/api/v1/positions?actor=usa&actor=russia").find("actor") != std::string::npos);
  REQUIRE(detail("/api/v1/positions?cursor=zzz").find("cursor") != std::string::npos);
  REQUIRE(detail("/api/v1/actors?limit=5").find("limit") != std::string::npos);
  REQUIRE(detail("/api/v1/compare?from=2022-01-10-geneva").find("to") != std::string::npos);
  REQUIRE(detail("/api/v1/graph?depth=9&node=usa").find("depth") != std::string::npos);
  REQUIRE(detail("/api/v1/export?format=pdf").find("format") != std::string::npos);
  REQUIRE(detail("/api/v1/analysis/path?from=usa").find("to") != std::string::npos);
}

TEST_CASE("the graph route answers nodes and edges a drawing library takes as is", "[api]") {
  ApiFixture f;
  json whole = f.GetJson("/api/v1/graph");
  REQUIRE(whole["nodes"].size() == 6);  // 3 actors + 3 issues
  std::set<std::string> node_ids = Ids(whole["nodes"]);
  for (const json& e : whole["edges"]) {
    REQUIRE(node_ids.count(e["source"].get<std::string>()) == 1);
    REQUIRE(node_ids.count(e["target"].get<std::string>()) == 1);
    REQUIRE(e["position_ids"].size() >= 1);
  }
  json hood = f.GetJson("/api/v1/graph?node=missile_deployment&depth=1");
  REQUIRE(Ids(hood["nodes"]) == std::set<std::string>{"missile_deployment", "russia"});
  json round = f.GetJson("/api/v1/graph?round=2022-01-12-brussels");
  REQUIRE(Ids(round["nodes"]).count("usa") == 0);
  RequireProblem(f.Get("/api/v1/graph?node=atlantis"), 404);
}

TEST_CASE("compare answers the round diff", "[api]") {
  ApiFixture f;
  json cmp = f.GetJson("/api/v1/compare?from=2022-01-10-geneva&to=2022-01-12-brussels");
  REQUIRE(cmp["from"]["id"] == "2022-01-10-geneva");
  REQUIRE(cmp["to"]["id"] == "2022-01-12-brussels");
  bool hardened = false;
  for (const json& c : cmp["changes"]) {
    if (c["actor"] == "russia" && c["issue"] == "arms_control") {
      REQUIRE(c["kind"] == "reversed");  // accept+demand (support) -> reject
      hardened = true;
    }
  }
  REQUIRE(hardened);
  RequireProblem(f.Get("/api/v1/compare?from=2022-01-10-geneva&to=1999-nowhere"), 404);
}

TEST_CASE("the analyses answer alignment, contested issues and paths", "[api]") {
  ApiFixture f;
  json alignment = f.GetJson("/api/v1/analysis/alignment");
  REQUIRE(alignment["items"].is_array());
  REQUIRE_FALSE(alignment["items"].empty());
  json contested = f.GetJson("/api/v1/analysis/contested");
  REQUIRE(Ids(contested["items"]).count("nato_enlargement") == 1);
  REQUIRE(f.GetJson("/api/v1/analysis/contested?limit=1")["items"].size() == 1);
  json path = f.GetJson("/api/v1/analysis/path?from=usa&to=missile_deployment");
  REQUIRE(path["nodes"].front()["id"] == "usa");
  REQUIRE(path["nodes"].back()["id"] == "missile_deployment");
  REQUIRE(path["edges"].size() == path["nodes"].size() - 1);
  RequireProblem(f.Get("/api/v1/analysis/path?from=usa&to=atlantis"), 404);
}

TEST_CASE("exports download with their content type and file name", "[api]") {
  ApiFixture f;
  struct Case {
    const char* format;
    const char* needle;
  };
  for (Case c : {Case{"graphml", "<graphml"}, Case{"csv-nodes", "id:ID"},
                 Case{"csv-edges", ":START_ID"}, Case{"jsonld", "@context"},
                 Case{"plover", "russia"}}) {
    httplib::Result res = f.Get(std::string("/api/v1/export?format=") + c.format);
    REQUIRE(res);
    INFO(c.format << " " << res->status);
    REQUIRE(res->status == 200);
    REQUIRE(res->body.find(c.needle) != std::string::npos);
    REQUIRE(res->get_header_value("Content-Disposition").find("attachment; filename=") == 0);
    REQUIRE_FALSE(res->get_header_value("Content-Type").empty());
  }
}

TEST_CASE("read routes answer an ETag and 304 for If-None-Match", "[api]") {
  ApiFixture f;
  httplib::Result first = f.Get("/api/v1/positions?actor=usa");
  REQUIRE(first);
  std::string etag = first->get_header_value("ETag");
  REQUIRE(etag.size() > 2);
  httplib::Result again = f.Get("/api/v1/positions?actor=usa", {{"If-None-Match", etag}});
  REQUIRE(again);
  REQUIRE(again->status == 304);
  REQUIRE(again->body.empty());
  httplib::Result weak = f.Get("/api/v1/positions?actor=usa", {{"If-None-Match", "W/" + etag}});
  REQUIRE(weak->status == 304);
  httplib::Result other = f.Get("/api/v1/positions?actor=russia", {{"If-None-Match", etag}});
  REQUIRE(other->status == 200);

  SECTION("a write changes the tag") {
    httplib::Result del = f.client->Delete(
        ("/api/v1/documents/" + f.GetJson("/api/v1/documents")["items"][0]["id"].get<std::string>())
            .c_str(),
        f.Auth());
    REQUIRE(del->status == 204);
    httplib::Result after = f.Get("/api/v1/positions", {{"If-None-Match", etag}});
    REQUIRE(after->status == 200);
  }
}

TEST_CASE("metrics count requests by route pattern and status and show store counts", "[api]") {
  ApiFixture f;
  f.GetJson("/api/v1/actors/usa");
  f.GetJson("/api/v1/actors/russia");
  RequireProblem(f.Get("/api/v1/actors/atlantis"), 404);
  httplib::Result res = f.Get("/metrics");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  REQUIRE(res->get_header_value("Content-Type").find("text/plain") == 0);
  const std::string& text = res->body;
  INFO(text);
  REQUIRE(text.find("negograph_http_requests_total{route=\"/api/v1/actors/{id}\",method=\"GET\","
                    "status=\"200\"} 2") != std::string::npos);
  REQUIRE(text.find("status=\"404\"} 1") != std::string::npos);
  REQUIRE(text.find("negograph_http_request_duration_seconds_bucket{route=\"/api/v1/actors/{id}\","
                    "le=\"+Inf\"} 3") != std::string::npos);
  REQUIRE(text.find("negograph_store_positions 11") != std::string::npos);
  REQUIRE(text.find("negograph_store_documents 3") != std::string::npos);
}

TEST_CASE("unknown routes are 404 and known paths with another method 405", "[api]") {
  ApiFixture f;
  RequireProblem(f.Get("/api/v1/nothing"), 404);
  RequireProblem(f.Get("/api/v2/actors"), 404);
  RequireProblem(f.Get("/api/v1/actors/usa/extra"), 404);
  httplib::Result put = f.client->Put("/api/v1/actors", "{}", "application/json");
  RequireProblem(put, 405);
  REQUIRE(put->get_header_value("Allow").find("GET") != std::string::npos);
  RequireProblem(f.client->Post("/api/v1/positions", "x", "text/plain"), 405);
}

}  // namespace
}  // namespace negograph::testing
