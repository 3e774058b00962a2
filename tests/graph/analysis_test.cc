#include <catch2/catch.hpp>

#include <algorithm>

#include "graph/analysis.h"
#include "graph/projection.h"
#include "tests/graph/graph_fixture.h"

namespace negograph {
namespace {

using testing::Add;
using testing::MakeDoc;
using testing::Pos;

// usa -- arms_control -- russia -- nato_enlargement -- {usa, nato};
// russia -- missile_deployment; usa/russia/germany on sanctions;
// ukraine -- sovereignty apart; china in round r2 only.
std::unique_ptr<GraphStore> SecurityStore() {
  auto store = NewMemoryStore();
  Add(*store, MakeDoc("geneva", "r1", "2022-01-10",
                      {{"usa", Stance::kOffer, "arms_control"},
                       {"russia", Stance::kDemand, "arms_control"},
                       {"usa", Stance::kAssure, "nato_enlargement"},
                       {"nato", Stance::kDemand, "nato_enlargement"},
                       {"russia", Stance::kReject, "nato_enlargement"},
                       {"russia", Stance::kReject, "nato_enlargement", "Russia again rejected it."},
                       {"russia", Stance::kThreaten, "missile_deployment"},
                       {"usa", Stance::kDemand, "sanctions"},
                       {"russia", Stance::kReject, "sanctions"},
                       {"germany", Stance::kDemand, "sanctions"},
                       {"germany", Stance::kReject, "sanctions", "Germany rejected sanctions."},
                       {"ukraine", Stance::kDemand, "sovereignty"}}));
  Add(*store, MakeDoc("later", "r2", "2022-02-01",
                      {{"china", Stance::kDemand, "open:climate_finance"}}));
  return store;
}

std::vector<std::string> Ids(const std::vector<GraphNode>& nodes) {
  std::vector<std::string> out;
  for (const GraphNode& n : nodes) out.push_back(n.id);
  return out;
}

TEST_CASE("the projection folds positions with the same actor, stance and issue into one edge",
          "[graph][analysis]") {
  auto store = SecurityStore();
  StatusOr<Subgraph> g = WholeGraph(*store, {});
  REQUIRE(g.ok());
  CHECK(g->nodes.size() == 12);  // 6 actors and 6 issues
  auto it = std::find_if(g->edges.begin(), g->edges.end(), [](const GraphEdge& e) {
    return e.source == "russia" && e.target == "nato_enlargement" && e.stance == Stance::kReject;
  });
  REQUIRE(it != g->edges.end());
  CHECK(it->position_ids.size() == 2);
  CHECK(it->rounds == std::vector<std::string>{"r1"});
  CHECK(it->id == StanceEdgeId("russia", Stance::kReject, "nato_enlargement"));
  CHECK(std::is_sorted(g->edges.begin(), g->edges.end(),
                       [](const GraphEdge& a, const GraphEdge& b) { return a.id < b.id; }));
}

TEST_CASE("the whole graph keeps the heaviest edges when capped", "[graph][analysis]") {
  auto store = SecurityStore();
  StatusOr<Subgraph> g = WholeGraph(*store, {}, 1);
  REQUIRE(g.ok());
  REQUIRE(g->edges.size() == 1);
  CHECK(g->edges[0].source == "russia");
  CHECK(g->edges[0].target == "nato_enlargement");
  CHECK(Ids(g->nodes) == std::vector<std::string>{"nato_enlargement", "russia"});
}

TEST_CASE("round and date filters restrict the view", "[graph][analysis]") {
  auto store = SecurityStore();
  ViewFilter r2;
  r2.round = "r2";
  StatusOr<Subgraph> g = WholeGraph(*store, r2);
  REQUIRE(g.ok());
  CHECK(Ids(g->nodes) == std::vector<std::string>{"china", "open:climate_finance"});
  CHECK(g->nodes[1].open);

  ViewFilter january;
  january.date_from = "2022-01";
  january.date_to = "2022-01-31";
  g = WholeGraph(*store, january);
  REQUIRE(g.ok());
  CHECK(g->nodes.size() == 10);

  ViewFilter bad;
  bad.date_from = "January";
  CHECK(WholeGraph(*store, bad).status().code() == StatusCode::kInvalidArgument);
  bad.date_from = "2022-13";
  CHECK(WholeGraph(*store, bad).status().code() == StatusCode::kInvalidArgument);
  bad.date_from = "2022-01-32";
  CHECK(WholeGraph(*store, bad).status().code() == StatusCode::kInvalidArgument);
  ViewFilter reversed;
  reversed.date_from = "2022-03";
  reversed.date_to = "2022-01";
  CHECK(WholeGraph(*store, reversed).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("dates compare on their common prefix", "[graph][analysis]") {
  ViewFilter f;
  f.date_from = "2022-01-10";
  f.date_to = "2022-01-12";
  CHECK(DateInWindow("2022-01-11", f));
  CHECK(DateInWindow("2022-01", f));
  CHECK_FALSE(DateInWindow("2022-01-13", f));
  CHECK_FALSE(DateInWindow("2021", f));
  CHECK_FALSE(DateInWindow("", f));
  CHECK(DateInWindow("", ViewFilter{}));
}

TEST_CASE("a neighbourhood holds the nodes within depth hops and the edges among them",
          "[graph][analysis]") {
  auto store = SecurityStore();
  SECTION("depth 0 is the node alone") {
    StatusOr<Subgraph> g = Neighbourhood(*store, "usa", 0, {});
    REQUIRE(g.ok());
    CHECK(Ids(g->nodes) == std::vector<std::string>{"usa"});
    CHECK(g->edges.empty());
  }
  SECTION("depth 1 is the issues the actor takes positions on") {
    StatusOr<Subgraph> g = Neighbourhood(*store, "usa", 1, {});
    REQUIRE(g.ok());
    CHECK(Ids(g->nodes) ==
          std::vector<std::string>{"arms_control", "nato_enlargement", "sanctions", "usa"});
    CHECK(g->edges.size() == 3);
  }
  SECTION("depth 2 adds the other actors on those issues") {
    StatusOr<Subgraph> g = Neighbourhood(*store, "usa", 2, {});
    REQUIRE(g.ok());
    CHECK(Ids(g->nodes) == std::vector<std::string>{"arms_control", "germany", "nato",
                                                    "nato_enlargement", "russia", "sanctions",
                                                    "usa"});
    // usa:3, russia: arms, nato_enl (reject), sanctions; nato:1; germany: demand+reject.
    CHECK(g->edges.size() == 9);
    for (const GraphEdge& e : g->edges) CHECK(e.target != "missile_deployment");
  }
  SECTION("an issue is a valid centre and kinds can be named") {
    StatusOr<Subgraph> g = Neighbourhood(*store, "issue:sovereignty", 1, {});
    REQUIRE(g.ok());
    CHECK(Ids(g->nodes) == std::vector<std::string>{"sovereignty", "ukraine"});
    CHECK(Neighbourhood(*store, "actor:sovereignty", 1, {}).status().code() ==
          StatusCode::kNotFound);
  }
  SECTION("unknown nodes, nodes outside the view and negative depths are errors") {
    CHECK(Neighbourhood(*store, "atlantis", 1, {}).status().code() == StatusCode::kNotFound);
    ViewFilter r2;
    r2.round = "r2";
    CHECK(Neighbourhood(*store, "usa", 1, r2).status().code() == StatusCode::kNotFound);
    CHECK(Neighbourhood(*store, "usa", -1, {}).status().code() == StatusCode::kInvalidArgument);
  }
}

TEST_CASE("alignment counts shared and opposed issues per actor pair", "[graph][analysis]") {
  auto store = SecurityStore();
  StatusOr<std::vector<AlignmentPair>> pairs = Alignment(*store, {});
  REQUIRE(pairs.ok());
  REQUIRE(pairs->size() == 3);
  const AlignmentPair& top = (*pairs)[0];
  CHECK(top.a == "russia");
  CHECK(top.b == "usa");
  CHECK(top.a_label == "Russia");
  CHECK(top.shared_issues == std::vector<std::string>{"arms_control"});
  CHECK(top.opposed_issues == std::vector<std::string>{"nato_enlargement", "sanctions"});
  CHECK((*pairs)[1].a == "nato");
  CHECK((*pairs)[1].b == "russia");
  CHECK((*pairs)[1].opposed_issues == std::vector<std::string>{"nato_enlargement"});
  CHECK((*pairs)[2].a == "nato");
  CHECK((*pairs)[2].b == "usa");
  CHECK((*pairs)[2].shared_issues == std::vector<std::string>{"nato_enlargement"});
  // germany is split evenly on sanctions and takes no side; threats count for neither.
  for (const AlignmentPair& p : *pairs) {
    CHECK(p.a != "germany");
    CHECK(p.b != "germany");
  }
}

TEST_CASE("contested issues need both sides and rank by the smaller side", "[graph][analysis]") {
  auto store = SecurityStore();
  Add(*store, MakeDoc("brussels", "r3", "2022-01-12",
                      {{"poland", Stance::kDemand, "sanctions"},
                       {"hungary", Stance::kReject, "sanctions"}}));
  StatusOr<std::vector<ContestedIssue>> c = Contested(*store, {});
  REQUIRE(c.ok());
  REQUIRE(c->size() == 2);
  CHECK((*c)[0].id == "sanctions");
  CHECK((*c)[0].supporters == std::vector<std::string>{"poland", "usa"});
  CHECK((*c)[0].opponents == std::vector<std::string>{"hungary", "russia"});
  CHECK((*c)[0].actors == 5);  // germany counts as an actor without a side
  CHECK((*c)[1].id == "nato_enlargement");
  CHECK((*c)[1].supporters == std::vector<std::string>{"nato", "usa"});
  CHECK((*c)[1].opponents == std::vector<std::string>{"russia"});

  StatusOr<std::vector<ContestedIssue>> top1 = Contested(*store, {}, 1);
  REQUIRE(top1.ok());
  CHECK(top1->size() == 1);
  ViewFilter r3;
  r3.round = "r3";
  c = Contested(*store, r3);
  REQUIRE(c.ok());
  REQUIRE(c->size() == 1);
  CHECK((*c)[0].actors == 2);
}

TEST_CASE("the shortest path joins two nodes through stance edges", "[graph][analysis]") {
  auto store = SecurityStore();
  SECTION("actor to issue three hops away") {
    StatusOr<GraphPath> p = ShortestPath(*store, "usa", "missile_deployment", {});
    REQUIRE(p.ok());
    REQUIRE(p->nodes.size() == 4);
    REQUIRE(p->edges.size() == 3);
    CHECK(p->nodes.front().id == "usa");
    CHECK(p->nodes[2].id == "russia");
    CHECK(p->nodes.back().id == "missile_deployment");
    for (size_t i = 0; i < p->edges.size(); ++i) {
      std::vector<std::string> ends{p->edges[i].source, p->edges[i].target};
      CHECK(std::find(ends.begin(), ends.end(), p->nodes[i].id) != ends.end());
      CHECK(std::find(ends.begin(), ends.end(), p->nodes[i + 1].id) != ends.end());
    }
  }
  SECTION("a node to itself is a path of one node") {
    StatusOr<GraphPath> p = ShortestPath(*store, "nato", "nato", {});
    REQUIRE(p.ok());
    CHECK(p->nodes.size() == 1);
    CHECK(p->edges.empty());
  }
  SECTION("unconnected or unknown nodes are NotFound") {
    CHECK(ShortestPath(*store, "ukraine", "usa", {}).status().code() == StatusCode::kNotFound);
    CHECK(ShortestPath(*store, "usa", "atlantis", {}).status().code() == StatusCode::kNotFound);
    ViewFilter r2;
    r2.round = "r2";
    CHECK(ShortestPath(*store, "usa", "russia", r2).status().code() == StatusCode::kNotFound);
  }
}

TEST_CASE("an empty store gives an empty graph and no analyses", "[graph][analysis]") {
  auto store = NewMemoryStore();
  StatusOr<Subgraph> g = WholeGraph(*store, {});
  REQUIRE(g.ok());
  CHECK(g->nodes.empty());
  CHECK(Alignment(*store, {})->empty());
  CHECK(Contested(*store, {})->empty());
}

}  // namespace
}  // namespace negograph
