// The viewer's files: served with their types, and nothing outside web_dir.
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#include "api/static_files.h"
#include "tests/api/api_fixture.h"
#include "tests/common/temp_dir.h"

namespace negograph::testing {
namespace {

// Sends `request` verbatim (no client-side normalisation of the path) and
// returns the status code of the answer.
int RawStatus(int port, const std::string& target) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  REQUIRE(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string answer;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) answer.append(buf, static_cast<size_t>(n));
  ::close(fd);
  INFO(target << " -> " << answer.substr(0, 200));
  REQUIRE(answer.rfind("HTTP/1.1 ", 0) == 0);
  REQUIRE(answer.find("SECRET") == std::string::npos);
  return std::stoi(answer.substr(9, 3));
}

struct WebFixture {
  WebFixture() {
    WriteFile(tmp.path() / "web" / "index.html", "<!doctype html><title>viewer</title>");
    WriteFile(tmp.path() / "web" / "js" / "app.js", "console.log('app');");
    WriteFile(tmp.path() / "web" / "css" / "app.css", "body{}");
    WriteFile(tmp.path() / "web" / "img" / "logo.svg", "<svg/>");
    WriteFile(tmp.path() / "web" / "data.json", "{}");
    WriteFile(tmp.path() / "web" / ".hidden", "SECRET");
    WriteFile(tmp.path() / "secret.txt", "SECRET");
    std::filesystem::create_symlink(tmp.path() / "secret.txt", tmp.path() / "web" / "link.txt");
    api::ServerOptions options;
    options.web_dir = tmp.path() / "web";
    api = std::make_unique<ApiFixture>(options);
  }
  TempDir tmp;
  std::unique_ptr<ApiFixture> api;
};

TEST_CASE("the viewer's files are served with their content types", "[api][static]") {
  WebFixture w;
  struct Case {
    const char* path;
    const char* type;
  };
  for (Case c : {Case{"/", "text/html; charset=utf-8"}, Case{"/index.html", "text/html; charset=utf-8"},
                 Case{"/js/app.js", "application/javascript"},
                 Case{"/css/app.css", "text/css; charset=utf-8"},
                 Case{"/img/logo.svg", "image/svg+xml"}, Case{"/data.json", "application/json"},
                 Case{"/js/app.js?v=3", "application/javascript"}}) {
    httplib::Result res = w.api->Get(c.path);
    REQUIRE(res);
    INFO(c.path);
    REQUIRE(res->status == 200);
    REQUIRE(res->get_header_value("Content-Type") == c.type);
    REQUIRE_FALSE(res->get_header_value("ETag").empty());
  }
  REQUIRE(w.api->Get("/")->body.find("viewer") != std::string::npos);
  RequireProblem(w.api->Get("/missing.js"), 404);
}

TEST_CASE("path traversal, raw or encoded, is a 404", "[api][static]") {
  WebFixture w;
  int port = w.api->server->port();
  REQUIRE(RawStatus(port, "/js/app.js") == 200);
  for (const char* target :
       {"/../secret.txt", "/js/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/js/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/js%2f..%2f..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "//etc/passwd", "/etc/passwd",
        "/.hidden", "/link.txt", "/js/./app.js", "/%252e%252e/secret.txt",
        "http://x/../secret.txt", "/js/app.js%00.html", "/..", "/./"}) {
    REQUIRE(RawStatus(port, target) == 404);
  }
}

TEST_CASE("ResolveStaticPath accepts plain paths and refuses the rest", "[api][static]") {
  TempDir tmp;
  WriteFile(tmp.path() / "index.html", "x");
  WriteFile(tmp.path() / "a" / "index.html", "x");
  REQUIRE(api::ResolveStaticPath(tmp.path(), "/") == std::filesystem::canonical(tmp.path() / "index.html"));
  REQUIRE(api::ResolveStaticPath(tmp.path(), "/a/").has_value());
  REQUIRE(api::ResolveStaticPath(tmp.path(), "/a").has_value());
  REQUIRE_FALSE(api::ResolveStaticPath(tmp.path(), "/a/../index.html"));
  REQUIRE_FALSE(api::ResolveStaticPath(tmp.path(), "index.html"));
  REQUIRE_FALSE(api::ResolveStaticPath({}, "/index.html"));
  REQUIRE(api::ContentTypeFor("x.PNG") == "image/png");
  REQUIRE(api::ContentTypeFor("x.unknown") == "application/octet-stream");
}

}  // namespace
}  // namespace negograph::testing
