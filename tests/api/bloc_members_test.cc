// A bloc carries its members (Actor::members): the actor detail and the
// exports show them, and /positions?actor=X&include_members=true adds the
// members' positions in the same order and paging.
#include <set>

#include "tests/api/api_fixture.h"

namespace negograph::testing {
namespace {

using nlohmann::json;

// The filled store plus a bloc "west" (members usa, nato) holding one position.
void AddBloc(GraphStore& store) {
  DocumentExtraction e = MakeExtraction("west-a", "west demand arms_control\n", "");
  for (Actor& a : e.actors) {
    if (a.id == "west") a = Actor{"west", "the West", "bloc", Labels{"der Westen", "the West"}, {"usa", "nato"}};
  }
  REQUIRE(store.Apply(e).ok());
}

std::vector<std::string> Ids(const json& items) {
  std::vector<std::string> out;
  for (const json& p : items) out.push_back(p["id"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("a bloc's detail lists its members; other actors have none", "[api][members]") {
  ApiFixture f;
  AddBloc(*f.store);
  json west = f.GetJson("/api/v1/actors/west");
  CHECK(west["members"] == json::array({"usa", "nato"}));
  CHECK_FALSE(f.GetJson("/api/v1/actors/usa").contains("members"));
  bool listed = false;
  json actors = f.GetJson("/api/v1/actors");
  for (const json& a : actors["items"]) {
    if (a["id"] == "west") listed = a["members"].size() == 2;
  }
  CHECK(listed);
}

TEST_CASE("positions of a bloc with its members: merged, ordered, paged", "[api][members]") {
  ApiFixture f;
  AddBloc(*f.store);
  std::set<std::string> expected;
  for (const char* actor : {"west", "usa", "nato"}) {
    for (const std::string& id : Ids(f.GetJson(std::string("/api/v1/positions?actor=") + actor)["items"])) {
      expected.insert(id);
    }
  }
  REQUIRE(expected.size() == 6);  // west 1, usa 3, nato 2
  json all = f.GetJson("/api/v1/positions?actor=west&include_members=true");
  std::vector<std::string> ids = Ids(all["items"]);
  CHECK(std::set<std::string>(ids.begin(), ids.end()) == expected);
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  CHECK(all["next_cursor"].is_null());
  CHECK(f.GetJson("/api/v1/positions?actor=west&include_members=false")["items"].size() == 1);
  // Other filters still apply: usa's and nato's offers, west demands nothing offered.
  json offers = f.GetJson("/api/v1/positions?actor=west&include_members=true&stance=offer");
  CHECK(offers["items"].size() == 2);  // usa and nato offer arms control (FillStore)
  for (const json& p : offers["items"]) CHECK(p["stance"] == "offer");

  int limit = GENERATE(1, 2, 4);
  std::string url = "/api/v1/positions?actor=west&include_members=true&limit=" + std::to_string(limit);
  std::vector<std::string> seen;
  json page = f.GetJson(url);
  for (int pages = 0; pages < 20; ++pages) {
    REQUIRE(page["items"].size() <= static_cast<size_t>(limit));
    for (const std::string& id : Ids(page["items"])) seen.push_back(id);
    if (page["next_cursor"].is_null()) break;
    page = f.GetJson(url + "&cursor=" + page["next_cursor"].get<std::string>());
  }
  CHECK(seen == ids);
}

TEST_CASE("include_members needs an actor and a boolean", "[api][members]") {
  ApiFixture f;
  RequireProblem(f.Get("/api/v1/positions?include_members=true"), 400);
  RequireProblem(f.Get("/api/v1/positions?actor=nato&include_members=maybe"), 400);
  // An actor without members: the same as without the flag.
  CHECK(f.GetJson("/api/v1/positions?actor=nato&include_members=1")["items"].size() == 2);
}

TEST_CASE("the exports carry a bloc's members", "[api][members]") {
  ApiFixture f;
  AddBloc(*f.store);
  httplib::Result csv = f.Get("/api/v1/export?format=csv-nodes");
  REQUIRE(csv);
  REQUIRE(csv->status == 200);
  CHECK(csv->body.find("members:string[]") != std::string::npos);
  CHECK(csv->body.find("usa;nato") != std::string::npos);
  httplib::Result graphml = f.Get("/api/v1/export?format=graphml");
  REQUIRE(graphml);
  REQUIRE(graphml->status == 200);
  CHECK(graphml->body.find("<data key=\"members\">usa;nato</data>") != std::string::npos);
}

}  // namespace negograph::testing
