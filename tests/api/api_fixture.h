// A real api::Server on an ephemeral port over an in-memory store filled
// with hand-made extractions, and an httplib client pointed at it.
// Header-only: tests/api globs only *_test.cc.
#pragma once

#include <httplib.h>

#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "api/server.h"
#include "graph/ids.h"
#include "graph/memory_store.h"
#include "graph/model.h"

namespace negograph::testing {

inline Position MakePosition(const Document& doc, uint32_t sentence, const std::string& actor,
                             Stance stance, const std::string& issue, const std::string& quote) {
  Position p;
  p.id = PositionId(doc.id, sentence, actor, stance, issue);
  p.actor = actor;
  p.actor_label = actor + " label";
  p.stance = stance;
  p.issue = issue;
  p.issue_label = issue + " label";
  p.round = doc.round;
  p.evidence.doc_id = doc.id;
  p.evidence.doc_name = doc.name;
  p.evidence.sentence = sentence;
  p.evidence.quote = quote;
  p.evidence.span = {0, static_cast<uint32_t>(quote.size())};
  p.rule = "test.rule";
  return p;
}

// A document whose lines "ACTOR STANCE ISSUE" each yield one position: a
// stand-in extractor whose output the tests can predict exactly.
inline StatusOr<DocumentExtraction> FakeExtract(const Document& doc) {
  DocumentExtraction e;
  e.document = doc;
  e.document.rules_version = "fake-1";
  if (e.document.lang.empty()) e.document.lang = "en";
  std::istringstream lines(doc.text);
  std::string line;
  uint32_t sentence = 0;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string actor, stance_name, issue;
    if (!(words >> actor >> stance_name >> issue)) {
      ++sentence;
      continue;
    }
    std::optional<Stance> stance = ParseStance(stance_name);
    if (!stance) {
      ++sentence;
      continue;
    }
    e.positions.push_back(MakePosition(e.document, sentence++, actor, *stance, issue, line));
    e.actors.push_back({actor, actor + " label", "state"});
    e.issues.push_back({issue, issue + " label", false});
  }
  return e;
}

// A document with a content id, and its positions from FakeExtract.
inline DocumentExtraction MakeExtraction(const std::string& name, const std::string& text,
                                         const std::string& round) {
  Document doc;
  doc.text = text;
  doc.id = ContentId(text);
  doc.name = name;
  doc.title = "Title of " + name;
  doc.date = "2022-01";
  doc.lang = "en";
  doc.round = round;
  return *FakeExtract(doc);
}

// Two rounds, three documents, a handful of positions on two issues.
inline void FillStore(GraphStore& store) {
  Round geneva{"2022-01-10-geneva", "Strategic Stability Dialogue", "Geneva", "2022-01-10",
               "2022-01-10", "bilateral", {"usa", "russia"}};
  Round brussels{"2022-01-12-brussels", "NATO-Russia Council", "Brussels", "2022-01-12",
                 "2022-01-12", "NATO-Russia Council", {"nato", "russia"}};
  REQUIRE(store.PutRound(geneva).ok());
  REQUIRE(store.PutRound(brussels).ok());
  std::vector<DocumentExtraction> docs = {
      MakeExtraction("geneva-a",
                     "russia demand nato_enlargement\nusa reject nato_enlargement\n"
                     "usa offer arms_control\nrussia accept arms_control\n",
                     geneva.id),
      MakeExtraction("geneva-b",
                     "russia threaten missile_deployment\nusa assure arms_control\n"
                     "russia demand arms_control\n",
                     geneva.id),
      MakeExtraction("brussels-a",
                     "russia demand nato_enlargement\nnato reject nato_enlargement\n"
                     "nato offer arms_control\nrussia reject arms_control\n",
                     brussels.id),
  };
  for (const DocumentExtraction& d : docs) REQUIRE(store.Apply(d).ok());
}

inline constexpr const char* kToken = "test-token-0123456789abcdef";

struct ApiFixture {
  explicit ApiFixture(api::ServerOptions options = {}, bool fill = true) {
    store = NewMemoryStore();
    if (fill) FillStore(*store);
    options.port = 0;
    if (options.token.empty()) options.token = kToken;
    server = std::make_unique<api::Server>(*store, FakeExtract, options);
    Status started = server->Start();
    INFO(started.ToString());
    REQUIRE(started.ok());
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
    client->set_read_timeout(10, 0);
  }

  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    return client->Get(path.c_str(), headers);
  }

  // GET that must answer `status`; returns the parsed JSON body.
  nlohmann::json GetJson(const std::string& path, int status = 200) {
    httplib::Result res = Get(path);
    REQUIRE(res);
    INFO(path << " -> " << res->status << " " << res->body);
    REQUIRE(res->status == status);
    return nlohmann::json::parse(res->body);
  }

  httplib::Headers Auth() const { return {{"Authorization", std::string("Bearer ") + kToken}}; }

  std::unique_ptr<GraphStore> store;
  std::unique_ptr<api::Server> server;
  std::unique_ptr<httplib::Client> client;
};

// A problem+json body with the given status.
inline void RequireProblem(const httplib::Result& res, int status) {
  REQUIRE(res);
  INFO(res->status << " " << res->body);
  REQUIRE(res->status == status);
  REQUIRE(res->get_header_value("Content-Type") == "application/problem+json");
  nlohmann::json j = nlohmann::json::parse(res->body);
  REQUIRE(j["status"] == status);
  REQUIRE(j["type"] == "about:blank");
  REQUIRE(j["title"].is_string());
  REQUIRE(j["detail"].is_string());
}

}  // namespace negograph::testing
