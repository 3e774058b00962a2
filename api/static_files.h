// The viewer's static files, served only from ServerOptions::web_dir.
// Anything that could step outside it is a 404: "..", "." segments, hidden
// files, any percent-encoding (%2e%2e, %2f), backslashes, empty segments
// ("//etc/passwd"), and symlinks that resolve outside the folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace negograph::api {

// The file a raw request target ("/js/app.js?v=1") names under `web_dir`,
// or nullopt when the target is suspicious or names no regular file.
// "/" and "/dir/" name index.html.
std::optional<std::filesystem::path> ResolveStaticPath(const std::filesystem::path& web_dir,
                                                       std::string_view raw_target);

// "application/javascript" for .js, "text/css; charset=utf-8" for .css, ...;
// "application/octet-stream" for unknown extensions.
std::string_view ContentTypeFor(const std::filesystem::path& file);

// $NEGOGRAPH_WEB_DIR when set, else the source tree's web/.
std::filesystem::path DefaultWebDir();

}  // namespace negograph::api
