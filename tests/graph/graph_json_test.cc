#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "graph/graph_json.h"
#include "tests/graph/graph_fixture.h"

namespace negograph {
namespace {

using nlohmann::json;
using testing::Add;
using testing::MakeDoc;

std::unique_ptr<GraphStore> SmallStore() {
  auto store = NewMemoryStore();
  Add(*store, MakeDoc("d", "r1", "2022-01-10",
                      {{"usa", Stance::kDemand, "withdrawal"},
                       {"russia", Stance::kReject, "withdrawal"},
                       {"russia", Stance::kReject, "withdrawal", "Russia said no again."},
                       {"usa", Stance::kOffer, "talks"}}));
  return store;
}

TEST_CASE("graph JSON has the node and edge shapes of docs/api.md", "[graph][json]") {
  auto store = SmallStore();
  StatusOr<Subgraph> g = Neighbourhood(*store, "russia", 2, {});
  REQUIRE(g.ok());
  json j = *g;
  REQUIRE(j["nodes"].size() == 3);  // russia, withdrawal, usa; talks is 3 hops away
  REQUIRE(j["edges"].size() == 2);
  for (const json& n : j["nodes"]) {
    for (const char* k : {"id", "kind", "label", "open", "positions"}) CHECK(n.contains(k));
  }
  const json& russia = *std::find_if(j["nodes"].begin(), j["nodes"].end(),
                                     [](const json& n) { return n["id"] == "russia"; });
  CHECK(russia["kind"] == "actor");
  CHECK(russia["label"] == "Russia");
  CHECK(russia["positions"] == 2);
  const json& reject = *std::find_if(j["edges"].begin(), j["edges"].end(),
                                     [](const json& e) { return e["stance"] == "reject"; });
  CHECK(reject["source"] == "russia");
  CHECK(reject["target"] == "withdrawal");
  CHECK(reject["count"] == 2);
  CHECK(reject["position_ids"].size() == 2);
  CHECK(reject["rounds"] == json::array({"r1"}));
  CHECK(reject["id"].get<std::string>().size() == 16);
}

TEST_CASE("alignment, contested and path JSON", "[graph][json]") {
  auto store = SmallStore();
  json pairs = *Alignment(*store, {});
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0]["a"] == "russia");
  CHECK(pairs[0]["b_label"] == "Usa");
  CHECK(pairs[0]["opposed_issues"] == json::array({"withdrawal"}));
  CHECK(pairs[0]["shared_issues"].empty());
  CHECK(pairs[0]["opposed"] == 1);

  json contested = *Contested(*store, {});
  REQUIRE(contested.size() == 1);
  CHECK(contested[0]["id"] == "withdrawal");
  CHECK(contested[0]["supporters"] == json::array({"usa"}));
  CHECK(contested[0]["opponents"] == json::array({"russia"}));
  CHECK(contested[0]["actors"] == 2);

  json path = *ShortestPath(*store, "russia", "talks", {});
  REQUIRE(path["nodes"].size() == 4);
  CHECK(path["nodes"][0]["id"] == "russia");
  CHECK(path["nodes"][3]["id"] == "talks");
  CHECK(path["edges"].size() == 3);
}

}  // namespace
}  // namespace negograph
