#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/export.h"
#include "tests/graph/graph_fixture.h"

namespace negograph {
namespace {

using testing::Add;
using testing::MakeDoc;

// A quote with every character the formats must escape.
const char* kNastyQuote = "Lavrov said: \"No <deal> & no \"maybe\", ok?\"\nThen, 'nothing'.";

std::unique_ptr<GraphStore> ExportStore() {
  auto store = NewMemoryStore();
  Add(*store, MakeDoc("geneva", "r1", "2022-01-10",
                      {{"usa", Stance::kDemand, "withdrawal", "", "russia"},
                       {"russia", Stance::kReject, "nato_enlargement", kNastyQuote},
                       {"russia", Stance::kOffer, "open:arms_limits", "", "", "if NATO stops"},
                       {"nato", Stance::kAssure, "dialogue", "", "", "", "stoltenberg"}}));
  Add(*store, MakeDoc("brussels", "r2", "2022-01-12",
                      {{"russia", Stance::kThreaten, "missile_deployment"},
                       {"osce", Stance::kAccept, "dialogue"}}));
  return store;
}

std::string Run(GraphStore& store, ExportFormat format, const ViewFilter& filter = {}) {
  std::ostringstream out;
  Status s = Export(store, format, filter, out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out.str();
}

// A minimal XML reader: checks that tags nest, attribute values are quoted,
// and only the five predefined entities (or numeric ones) are used; counts
// elements by name and collects <key id> and <data> texts.
struct XmlSummary {
  std::map<std::string, int> elements;
  std::vector<std::string> key_ids;
  std::vector<std::string> data_texts;
};

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    REQUIRE(semi != std::string::npos);
    std::string ent = s.substr(i + 1, semi - i - 1);
    static const std::map<std::string, char> kEnt = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    INFO("entity " << ent);
    REQUIRE(kEnt.count(ent) == 1);
    out += kEnt.at(ent);
    i = semi;
  }
  return out;
}

XmlSummary ParseXml(const std::string& xml) {
  XmlSummary sum;
  std::vector<std::string> stack;
  size_t i = 0;
  REQUIRE(xml.rfind("<?xml", 0) == 0);
  i = xml.find("?>") + 2;
  std::string text;
  while (i < xml.size()) {
    size_t lt = xml.find('<', i);
    if (lt == std::string::npos) {
      text = xml.substr(i);
      REQUIRE(text.find_first_not_of(" \n") == std::string::npos);
      break;
    }
    text = xml.substr(i, lt - i);
    REQUIRE(text.find('>') == std::string::npos);
    size_t gt = lt + 1;
    char quote = 0;  // '>' inside a quoted attribute value does not end the tag
    for (; gt < xml.size(); ++gt) {
      if (quote) {
        if (xml[gt] == quote) quote = 0;
        REQUIRE(xml[gt] != '<');
      } else if (xml[gt] == '"' || xml[gt] == '\'') {
        quote = xml[gt];
      } else if (xml[gt] == '>') {
        break;
      }
    }
    REQUIRE(gt < xml.size());
    std::string tag = xml.substr(lt + 1, gt - lt - 1);
    if (tag[0] == '/') {
      REQUIRE(!stack.empty());
      REQUIRE(stack.back() == tag.substr(1));
      if (stack.back() == "data") sum.data_texts.push_back(Unescape(text));
      stack.pop_back();
    } else {
      bool self_closing = tag.back() == '/';
      std::string name = tag.substr(0, tag.find_first_of(" \n/"));
      ++sum.elements[name];
      if (name == "key") {
        size_t id = tag.find("id=\"");
        REQUIRE(id != std::string::npos);
        sum.key_ids.push_back(tag.substr(id + 4, tag.find('"', id + 4) - id - 4));
      }
      if (!self_closing) stack.push_back(name);
    }
    i = gt + 1;
  }
  REQUIRE(stack.empty());
  return sum;
}

// RFC 4180 records: quoted fields may hold commas, doubled quotes, newlines.
std::vector<std::vector<std::string>> ParseCsv(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      REQUIRE(field.empty());
      in_quotes = quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      quoted = false;
      ++i;
    } else {
      REQUIRE(c != '\n');  // records end with CRLF; bare LF only inside quotes
      REQUIRE_FALSE(quoted);
      field += c;
    }
  }
  REQUIRE_FALSE(in_quotes);
  REQUIRE(row.empty());
  REQUIRE(field.empty());
  return rows;
}

TEST_CASE("export format names, content types and file names", "[graph][export]") {
  CHECK(ParseExportFormat("graphml") == ExportFormat::kGraphMl);
  CHECK(ParseExportFormat("csv-nodes") == ExportFormat::kCsvNodes);
  CHECK(ParseExportFormat("csv-edges") == ExportFormat::kCsvEdges);
  CHECK(ParseExportFormat("jsonld") == ExportFormat::kJsonLd);
  CHECK(ParseExportFormat("plover") == ExportFormat::kPlover);
  CHECK_FALSE(ParseExportFormat("csv"));
  CHECK_FALSE(ParseExportFormat("GraphML"));
  CHECK(ExportContentType(ExportFormat::kJsonLd) == "application/ld+json");
  CHECK(ExportContentType(ExportFormat::kCsvEdges).starts_with("text/csv"));
  CHECK(ExportFileName(ExportFormat::kGraphMl) == "negograph.graphml");
  CHECK(ExportFileName(ExportFormat::kCsvNodes) == "nodes.csv");
}

TEST_CASE("GraphML parses back with typed keys, every node and one edge per position",
          "[graph][export]") {
  auto store = ExportStore();
  std::string xml = Run(*store, ExportFormat::kGraphMl);
  XmlSummary sum = ParseXml(xml);
  CHECK(sum.elements["graphml"] == 1);
  CHECK(sum.elements["graph"] == 1);
  CHECK(sum.elements["node"] == 9);  // usa russia nato osce + 5 issues
  CHECK(sum.elements["edge"] == 6);
  for (const char* key : {"kind", "label", "open", "stance", "round", "quote", "doc", "rule",
                          "speaker", "condition", "confidence", "date", "span_start", "span_end"}) {
    CHECK(std::count(sum.key_ids.begin(), sum.key_ids.end(), key) == 1);
  }
  // A Gephi timeline needs every edge dated (the document's date).
  CHECK(std::count(sum.data_texts.begin(), sum.data_texts.end(), "2022-01-10") == 4);
  CHECK(std::count(sum.data_texts.begin(), sum.data_texts.end(), "2022-01-12") == 2);
  CHECK(xml.find("attr.name=\"span_start\" attr.type=\"long\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"confidence\" attr.type=\"double\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"open\" attr.type=\"boolean\"") != std::string::npos);
  // The nasty quote comes back intact; raw markup never leaks.
  CHECK(std::count(sum.data_texts.begin(), sum.data_texts.end(), kNastyQuote) == 1);
  CHECK(xml.find("<deal>") == std::string::npos);
  CHECK(xml.find("<node id=\"issue:open:arms_limits\">") != std::string::npos);
  CHECK(xml.find("source=\"actor:russia\" target=\"issue:nato_enlargement\"") != std::string::npos);
  // Nodes come before edges.
  CHECK(xml.rfind("<node ") < xml.find("<edge "));
}

TEST_CASE("GraphML of a round holds only that round", "[graph][export]") {
  auto store = ExportStore();
  ViewFilter r2;
  r2.round = "r2";
  XmlSummary sum = ParseXml(Run(*store, ExportFormat::kGraphMl, r2));
  CHECK(sum.elements["edge"] == 2);
  CHECK(sum.elements["node"] == 4);
}

TEST_CASE("CSV files carry neo4j-admin headers and every row has the header's columns",
          "[graph][export]") {
  auto store = ExportStore();
  std::ostringstream nodes_out, edges_out;
  REQUIRE(ExportCsv(*store, {}, nodes_out, edges_out).ok());
  auto nodes = ParseCsv(nodes_out.str());
  auto edges = ParseCsv(edges_out.str());
  REQUIRE(nodes.size() == 10);
  REQUIRE(edges.size() == 7);
  CHECK(nodes[0][0] == "id:ID");
  // Columns are only ever appended (docs/exports.md): the labels per language last.
  CHECK(nodes[0][5] == ":LABEL");
  CHECK(nodes[0][6] == "label_de");
  CHECK(nodes[0][7] == "label_en");
  CHECK(edges[0][0] == ":START_ID");
  CHECK(edges[0][1] == ":END_ID");
  CHECK(edges[0][2] == ":TYPE");
  for (const auto& row : nodes) CHECK(row.size() == nodes[0].size());
  for (const auto& row : edges) CHECK(row.size() == edges[0].size());

  // Every edge endpoint is a node id.
  std::set<std::string> ids;
  for (size_t i = 1; i < nodes.size(); ++i) ids.insert(nodes[i][0]);
  size_t quote_col = std::find(edges[0].begin(), edges[0].end(), "quote") - edges[0].begin();
  REQUIRE(quote_col < edges[0].size());
  bool nasty_seen = false;
  for (size_t i = 1; i < edges.size(); ++i) {
    CHECK(ids.count(edges[i][0]) == 1);
    CHECK(ids.count(edges[i][1]) == 1);
    if (edges[i][quote_col] == kNastyQuote) {
      nasty_seen = true;
      CHECK(edges[i][2] == "REJECT");
    }
  }
  CHECK(nasty_seen);
  // The NebulaGraph rank: a non-negative integer, distinct per position.
  CHECK(edges[0].back() == "rank:long");
  std::set<std::string> ranks;
  for (size_t i = 1; i < edges.size(); ++i) {
    CHECK(edges[i].back().find_first_not_of("0123456789") == std::string::npos);
    ranks.insert(edges[i].back());
  }
  CHECK(ranks.size() == edges.size() - 1);
  // Open issues get a second label.
  bool open_seen = false;
  for (const auto& row : nodes) {
    if (row[0] == "issue:open:arms_limits") {
      open_seen = true;
      CHECK(row[5] == "Issue;OpenIssue");
    }
  }
  CHECK(open_seen);

  // The single-file formats match the pair.
  CHECK(Run(*store, ExportFormat::kCsvNodes) == nodes_out.str());
  CHECK(Run(*store, ExportFormat::kCsvEdges) == edges_out.str());
}

TEST_CASE("JSON-LD parses with a context and a node per position, party and issue",
          "[graph][export]") {
  auto store = ExportStore();
  nlohmann::json j = nlohmann::json::parse(Run(*store, ExportFormat::kJsonLd));
  CHECK(j["@context"]["ng"] == "https://negograph.invalid/ns#");
  CHECK(j["@context"]["actor"]["@type"] == "@id");
  std::map<std::string, int> types;
  for (const auto& node : j["@graph"]) {
    REQUIRE(node.contains("@id"));
    types[node["@type"].is_array() ? node["@type"][0].get<std::string>()
                                   : node["@type"].get<std::string>()]++;
  }
  CHECK(types["Position"] == 6);
  CHECK(types["Actor"] == 4);
  CHECK(types["Issue"] == 5);
  CHECK(types["Round"] == 2);
  CHECK(types["Document"] == 2);
  CHECK(types["Person"] == 1);
  const auto& graph = j["@graph"];
  auto it = std::find_if(graph.begin(), graph.end(),
                         [](const nlohmann::json& n) { return n.value("quote", "") == kNastyQuote; });
  REQUIRE(it != graph.end());
  CHECK((*it)["actor"] == "ng:actor/russia");
  CHECK((*it)["issue"] == "ng:issue/nato_enlargement");
  CHECK((*it)["round"] == "ng:round/r1");
}

// PLOVER JSON Lines: one event per line (tests/engines/plover_check.py
// validates the fields against the manual's list).
std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

TEST_CASE("PLOVER events: one JSON line per position with the mapped event category",
          "[graph][export]") {
  auto store = ExportStore();
  std::ostringstream out;
  REQUIRE(ExportPlover(*store, {}, {{"russia", "RUS"}, {"usa", "USA"}}, out).ok());
  std::vector<nlohmann::json> events = JsonLines(out.str());
  REQUIRE(events.size() == 6);
  std::map<std::string, std::string> type_of;
  for (const auto& e : events) {
    const std::string stance = e["negograph"]["stance"];
    REQUIRE(e["event"].is_array());
    type_of[stance] = e["event"][0];
    REQUIRE(e["actor"].is_array());
    CHECK(e["actor"][0]["negograph_id"].is_string());
    CHECK(e["text"].is_string());
    CHECK(e["date"].get<std::string>().starts_with("2022-01-1"));
    CHECK(e["mode"].is_null());
    if (stance == "demand") {
      CHECK(e["actor"][0]["code"] == "USA");
      CHECK(e["recipient"][0]["negograph_id"] == "russia");
      CHECK(e["recipient"][0]["code"] == "RUS");
      CHECK(e["quad_code"] == 3);
    } else {
      CHECK_FALSE(e.contains("recipient"));
    }
    if (stance == "offer") {
      CHECK(e["context"] == nlohmann::json::array({"diplomatic", "hypothetical"}));
      CHECK(e["negograph"]["condition"] == "if NATO stops");
    } else {
      CHECK(e["context"] == nlohmann::json::array({"diplomatic"}));
    }
  }
  CHECK(type_of["demand"] == "REQUEST");
  CHECK(type_of["reject"] == "REJECT");
  CHECK(type_of["threaten"] == "THREATEN");
  CHECK(type_of["accept"] == "AGREE");
  CHECK(type_of["offer"] == "AGREE");
  CHECK(type_of["assure"] == "AGREE");
}

TEST_CASE("exports of an empty store are valid and empty", "[graph][export]") {
  auto store = NewMemoryStore();
  CHECK(ParseXml(Run(*store, ExportFormat::kGraphMl)).elements["edge"] == 0);
  CHECK(Run(*store, ExportFormat::kPlover).empty());
  CHECK(nlohmann::json::parse(Run(*store, ExportFormat::kJsonLd))["@graph"].empty());
  CHECK(ParseCsv(Run(*store, ExportFormat::kCsvEdges)).size() == 1);
}

TEST_CASE("escaping helpers", "[graph][export]") {
  std::ostringstream out;
  // Control characters XML forbids are replaced, not emitted.
  auto store = NewMemoryStore();
  Add(*store, MakeDoc("ctl", "", "", {{"usa", Stance::kDemand, "talks", "a\x01" "b\x1f" "c"}}));
  std::string xml = Run(*store, ExportFormat::kGraphMl);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find("a b c") != std::string::npos);
}

}  // namespace
}  // namespace negograph
