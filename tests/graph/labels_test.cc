// Issue 13: one graph across languages. A German and an English report name
// the same canonical issue; the store holds one node with both labels, and a
// reader in either language sees every label in that language.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/export.h"
#include "graph/labels.h"
#include "graph/model_json.h"
#include "tests/graph/graph_fixture.h"

namespace negograph {
namespace {

using testing::Add;
using testing::MakeDoc;
using testing::Pos;

// The same round reported in German and in English: positions carry their
// document's labels, the nodes both.
std::unique_ptr<GraphStore> BilingualStore() {
  auto store = NewMemoryStore();
  DocumentExtraction de = MakeDoc("genf-de", "r1", "2022-01-10",
                                  {{"russia", Stance::kReject, "arms_control_talks"}});
  de.document.lang = "de";
  de.positions[0].actor_label = "Russland";
  de.positions[0].issue_label = "Abrüstungsgespräche";
  de.actors[0] = Actor{"russia", "Russia", "state", Labels{"Russland", "Russia"}};
  de.issues[0] = Issue{"arms_control_talks", "arms control talks", false,
                       Labels{"Abrüstungsgespräche", "arms control talks"}};
  Add(*store, de);
  DocumentExtraction en = MakeDoc("geneva-en", "r1", "2022-01-10",
                                  {{"usa", Stance::kOffer, "arms_control_talks"}});
  en.positions[0].actor_label = "United States";
  en.positions[0].issue_label = "arms control talks";
  en.actors[0] = Actor{"usa", "United States", "state", Labels{"USA", "United States"}};
  en.issues[0] = Issue{"arms_control_talks", "arms control talks", false,
                       Labels{"Abrüstungsgespräche", "arms control talks"}};
  Add(*store, en);
  return store;
}

TEST_CASE("a German and an English report of one issue make one node, labelled per reader",
          "[graph][labels]") {
  auto store = BilingualStore();
  auto issues = store->ListIssues();
  REQUIRE(issues.ok());
  REQUIRE(issues->size() == 1);
  CHECK(issues->at(0).positions == 2);

  auto lang = GENERATE(as<std::string>{}, "de", "en");
  LabelledStore view(*store, lang);
  const std::string issue_label = lang == "de" ? "Abrüstungsgespräche" : "arms control talks";
  const std::string russia = lang == "de" ? "Russland" : "Russia";
  auto labelled = view.ListIssues();
  REQUIRE(labelled.ok());
  CHECK(labelled->at(0).item.label == issue_label);
  auto actors = view.ListActors();
  REQUIRE(actors.ok());
  for (const auto& a : *actors) {
    if (a.item.id == "russia") CHECK(a.item.label == russia);
  }
  auto page = view.FindPositions({});
  REQUIRE(page.ok());
  REQUIRE(page->items.size() == 2);
  for (const Position& p : page->items) {
    CHECK(p.issue_label == issue_label);
    if (p.actor == "russia") CHECK(p.actor_label == russia);
  }
  size_t scanned = 0;
  REQUIRE(view.ScanPositions({}, [&](const Position& p) {
    CHECK(p.issue_label == issue_label);
    ++scanned;
    return true;
  }).ok());
  CHECK(scanned == 2);
}

TEST_CASE("exports write both labels of every node", "[graph][labels][export]") {
  auto store = BilingualStore();
  std::ostringstream csv, graphml, jsonld;
  REQUIRE(Export(*store, ExportFormat::kCsvNodes, {}, csv).ok());
  REQUIRE(Export(*store, ExportFormat::kGraphMl, {}, graphml).ok());
  REQUIRE(Export(*store, ExportFormat::kJsonLd, {}, jsonld).ok());
  CHECK(csv.str().starts_with("id:ID,label,kind,open:boolean,positions:long,:LABEL,label_de,label_en,members:string[]\r\n"));
  CHECK(csv.str().find(",issue,false,2,Issue,Abrüstungsgespräche,arms control talks,\r\n") !=
        std::string::npos);
  // Through a view, `label` is the view's language.
  LabelledStore de(*store, "de");
  std::ostringstream csv_de;
  REQUIRE(Export(de, ExportFormat::kCsvNodes, {}, csv_de).ok());
  CHECK(csv_de.str().find("issue:arms_control_talks,Abrüstungsgespräche,issue,") != std::string::npos);
  CHECK(csv_de.str().find("actor:russia,Russland,actor,") != std::string::npos);
  CHECK(graphml.str().find("attr.name=\"label_de\"") != std::string::npos);
  CHECK(graphml.str().find("<data key=\"label_de\">Russland</data>") != std::string::npos);
  CHECK(graphml.str().find("<data key=\"label_en\">Russia</data>") != std::string::npos);
  nlohmann::json j = nlohmann::json::parse(jsonld.str());
  bool seen = false;
  for (const auto& node : j["@graph"]) {
    if (node["@id"] != "ng:issue/arms_control_talks") continue;
    seen = true;
    REQUIRE(node["label"].is_array());
    CHECK(node["label"][0] == nlohmann::json({{"@value", "arms control talks"}, {"@language", "en"}}));
    CHECK(node["label"][1] == nlohmann::json({{"@value", "Abrüstungsgespräche"}, {"@language", "de"}}));
  }
  CHECK(seen);
}

TEST_CASE("confidence is a short decimal in JSON and exports", "[graph][labels]") {
  CHECK(ShortConfidence(0.9f) == 0.9);
  CHECK(ShortConfidence(0.75f) == 0.75);
  CHECK(ShortConfidence(1.0f) == 1.0);
  Position p;
  p.confidence = 0.9f;
  std::string line = PositionToJsonLine(p);
  CHECK(line.find("\"confidence\":0.9,") != std::string::npos);
  CHECK(line.find("0.899") == std::string::npos);
  auto store = BilingualStore();
  std::ostringstream edges;
  REQUIRE(Export(*store, ExportFormat::kCsvEdges, {}, edges).ok());
  CHECK(edges.str().find(",0.75,") != std::string::npos);
}

TEST_CASE("labels fall back to the other language, then to the single label", "[graph][labels]") {
  std::string fallback = "only";
  CHECK(LabelIn(Labels{"de", "en"}, "de", fallback) == "de");
  CHECK(LabelIn(Labels{"", "en"}, "de", fallback) == "en");
  CHECK(LabelIn(Labels{}, "en", fallback) == "only");
  CHECK(ParseLabelLang("fr") == std::nullopt);
  CHECK(ParseLabelLang("de") == std::optional<std::string_view>("de"));
}

}  // namespace
}  // namespace negograph
