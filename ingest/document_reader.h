// Reading input documents: plain UTF-8 text with an optional leading
// metadata line ("date 2022-01", the body may follow on the same line), or
// Markdown with YAML front matter (title, date, source, lang, round).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace negograph::ingest {

// Largest document accepted (bytes); larger files are refused with TooLarge.
inline constexpr size_t kMaxDocumentBytes = 64u << 20;

// Parses one document. `name` becomes Document::name (the file stem).
// Rejects empty input, invalid UTF-8, binary data (NUL or most bytes control
// characters) with InvalidArgument naming the problem and its byte offset.
// Normalises the body (NFC for the Latin letters of de/en, CRLF -> LF) and
// sets Document::id = ContentId(body). Leaves `lang` as given by metadata
// (empty when absent) and `round` as given by metadata.
StatusOr<Document> ParseDocument(std::string_view name, std::string_view bytes,
                                 std::string_view source = {});

// Reads and parses a file; errors name the file.
StatusOr<Document> ReadDocumentFile(const std::filesystem::path& path);

// Expands files and directories (recursively: *.txt and *.md but not
// README.md, sorted) into
// a list of files. Paths that do not exist or cannot be read are reported in
// `errors` (one Status each, naming the path) and skipped.
std::vector<std::filesystem::path> CollectInputFiles(
    const std::vector<std::filesystem::path>& paths, std::vector<Status>& errors);

}  // namespace negograph::ingest
