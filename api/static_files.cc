#include "api/static_files.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "api/handlers.h"

namespace negograph::api {
namespace {

namespace fs = std::filesystem;

// Files larger than this are not part of a viewer.
constexpr uintmax_t kMaxStaticFileBytes = 64u << 20;

bool SafeSegment(std::string_view s) {
  if (s.empty() || s.front() == '.') return false;  // "", ".", "..", hidden files
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-' || c == '~' || c == '@' || c == '+';
    if (!ok) return false;
  }
  return true;
}

// True when `child` is `root` or inside it (both canonical).
bool IsInside(const fs::path& root, const fs::path& child) {
  auto r = root.begin();
  auto c = child.begin();
  for (; r != root.end(); ++r, ++c) {
    if (c == child.end() || *r != *c) return false;
  }
  return true;
}

}  // namespace

std::optional<fs::path> ResolveStaticPath(const fs::path& web_dir, std::string_view raw_target) {
  if (web_dir.empty()) return std::nullopt;
  std::string_view path = raw_target.substr(0, raw_target.find('?'));
  if (path.empty() || path.front() != '/') return std::nullopt;  // absolute-form, "*", ...
  fs::path rel;
  std::string_view rest = path.substr(1);
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (!SafeSegment(segment)) return std::nullopt;
    rel /= std::string(segment);
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
    if (rest.empty()) rel /= "index.html";  // "/dir/"
  }
  if (rel.empty()) rel = "index.html";

  std::error_code ec;
  fs::path root = fs::canonical(web_dir, ec);
  if (ec) return std::nullopt;
  fs::path file = fs::canonical(root / rel, ec);
  if (ec || !IsInside(root, file)) return std::nullopt;
  if (fs::is_directory(file, ec)) file /= "index.html";
  if (!fs::is_regular_file(file, ec) || ec) return std::nullopt;
  return file;
}

std::string_view ContentTypeFor(const fs::path& file) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "application/javascript"},
      {".mjs", "application/javascript"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return type;
  }
  return "application/octet-stream";
}

fs::path DefaultWebDir() {
  if (const char* env = std::getenv("NEGOGRAPH_WEB_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return NEGOGRAPH_SOURCE_WEB_DIR;
}

ApiResponse HandleStatic(const ApiRequest& req, ApiContext& ctx) {
  if (req.path.starts_with("/api/")) return Problem(404, "no such API route");
  std::optional<fs::path> file = ResolveStaticPath(ctx.options.web_dir, req.target);
  if (!file) return Problem(404, "not found");
  std::error_code ec;
  uintmax_t size = fs::file_size(*file, ec);
  if (ec || size > kMaxStaticFileBytes) return Problem(404, "not found");
  std::ifstream in(*file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  if (!in) return Problem(404, "not found");
  ApiResponse res;
  res.content_type = std::string(ContentTypeFor(*file));
  res.body = std::move(body).str();
  return res;
}

}  // namespace negograph::api
