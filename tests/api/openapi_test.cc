// The OpenAPI document and the served routes agree both ways, and every
// documented route answers one of its documented statuses.
#include <set>

#include "api/openapi.h"
#include "tests/api/api_fixture.h"

namespace negograph::testing {
namespace {

using nlohmann::json;

const std::set<std::string> kMethods = {"get", "post", "delete", "put", "patch"};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

TEST_CASE("the OpenAPI document is OpenAPI 3 and lists exactly the served routes", "[api][openapi]") {
  json doc = json::parse(api::OpenApiJson());
  REQUIRE(doc["openapi"].get<std::string>().rfind("3.", 0) == 0);
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (kMethods.count(method)) documented.insert({Upper(method), path});
      REQUIRE(op.contains("responses"));
    }
  }
  std::set<std::pair<std::string, std::string>> served;
  for (const api::RouteInfo& r : api::Server::Routes()) served.insert({r.method, r.path});
  REQUIRE(documented == served);
}

TEST_CASE("the served OpenAPI document is the embedded one", "[api][openapi]") {
  ApiFixture f;
  REQUIRE(f.GetJson("/api/v1/openapi.json") == json::parse(api::OpenApiJson()));
}

TEST_CASE("every documented route answers one of its documented statuses", "[api][openapi]") {
  ApiFixture f;
  json positions = f.GetJson("/api/v1/positions?limit=1")["items"];
  json docs = f.GetJson("/api/v1/documents")["items"];
  std::map<std::string, std::string> ids = {
      {"actors", "usa"},
      {"issues", "nato_enlargement"},
      {"rounds", "2022-01-10-geneva"},
      {"documents", docs[0]["id"]},
      {"positions", positions[0]["id"]},
  };
  // Required query parameters get real values.
  std::map<std::string, std::string> required = {
      {"/api/v1/compare", "?from=2022-01-10-geneva&to=2022-01-12-brussels"},
      {"/api/v1/analysis/path", "?from=usa&to=russia"},
      {"/api/v1/export", "?format=graphml"},
  };
  json doc = json::parse(api::OpenApiJson());
  std::vector<std::tuple<std::string, std::string, json>> calls;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (kMethods.count(method)) calls.emplace_back(method, path, op["responses"]);
    }
  }
  // Deletes last, so that the other calls still find the document.
  std::stable_sort(calls.begin(), calls.end(), [](const auto& a, const auto& b) {
    return (std::get<0>(a) == "delete") < (std::get<0>(b) == "delete");
  });
  for (const auto& [method, path, responses] : calls) {
    std::string url = path;
    size_t brace = url.find("{id}");
    if (brace != std::string::npos) {
      std::string collection = url.substr(8, url.find('/', 8) - 8);  // after "/api/v1/"
      REQUIRE(ids.count(collection) == 1);
      url.replace(brace, 4, ids[collection]);
    }
    if (required.count(path)) url += required[path];
    auto call = [&]() -> httplib::Result {
      if (method == "post") {
        return f.client->Post(url.c_str(), f.Auth(), "usa offer arms_control\n", "text/plain");
      }
      if (method == "delete") return f.client->Delete(url.c_str(), f.Auth());
      return f.Get(url);
    };
    httplib::Result res = call();
    REQUIRE(res);
    INFO(Upper(method) << " " << url << " -> " << res->status << " " << res->body.substr(0, 300));
    REQUIRE(res->status < 400);
    REQUIRE(responses.contains(std::to_string(res->status)));
  }
}

}  // namespace
}  // namespace negograph::testing
