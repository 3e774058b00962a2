// Compression: never brotli (httplib's default quality costs seconds on the
// viewer bundle), gzip for static files, none for API JSON.
#include "tests/api/api_fixture.h"
#include "tests/common/temp_dir.h"

namespace negograph::testing {
namespace {

TEST_CASE("static files are gzip'ed, never brotli'ed, and API JSON is sent raw", "[api]") {
  TempDir tmp;
  WriteFile(tmp.path() / "web" / "index.html", "<!doctype html><title>viewer</title>");
  WriteFile(tmp.path() / "web" / "big.js", std::string(200000, 'x'));
  api::ServerOptions options;
  options.web_dir = tmp.path() / "web";
  ApiFixture f(options);
  f.client->set_decompress(false);
  httplib::Headers br_and_gzip = {{"Accept-Encoding", "gzip, deflate, br"}};

  httplib::Result js = f.client->Get("/big.js", br_and_gzip);
  REQUIRE(js);
  REQUIRE(js->status == 200);
  REQUIRE(js->get_header_value("Content-Encoding") == "gzip");
  REQUIRE(js->body.size() < 200000);

  httplib::Result only_br = f.client->Get("/big.js", {{"Accept-Encoding", "br"}});
  REQUIRE(only_br);
  REQUIRE(only_br->get_header_value("Content-Encoding").empty());
  REQUIRE(only_br->body.size() == 200000);

  httplib::Result api = f.client->Get("/api/v1/actors", br_and_gzip);
  REQUIRE(api);
  REQUIRE(api->status == 200);
  REQUIRE(api->get_header_value("Content-Encoding").empty());
  REQUIRE(nlohmann::json::parse(api->body).contains("items"));
}

}  // namespace
}  // namespace negograph::testing
