#include "ingest/document_reader.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>

#include "graph/ids.h"

namespace negograph::ingest {
namespace {

// Returns the offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    uint32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      auto t = static_cast<unsigned char>(s[i + k]);
      if ((t & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (t & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

// NFC via ICU; only called when the text has non-ASCII bytes. Hands the
// text back untouched (no copy) when it is already NFC, the usual case.
StatusOr<std::string> ToNfc(std::string text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return Status::Internal("ICU NFC unavailable");
  if (nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                            err) &&
      U_SUCCESS(err)) {
    return text;
  }
  err = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                     nullptr, err);
  if (U_FAILURE(err)) return Status::InvalidArgument("cannot normalise the text to NFC");
  return out;
}

bool IsDateToken(std::string_view t) {
  // YYYY, YYYY-MM or YYYY-MM-DD
  if (t.size() != 4 && t.size() != 7 && t.size() != 10) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    bool dash = (i == 4 || i == 7);
    if (dash ? t[i] != '-' : !std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  }
  return true;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::string_view Trim(std::string_view s) {
  s = TrimLeft(s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void SetField(Document& doc, std::string_view key, std::string value) {
  if (key == "title") doc.title = std::move(value);
  if (key == "date") doc.date = std::move(value);
  if (key == "source") doc.source = std::move(value);
  if (key == "lang" || key == "language") doc.lang = std::move(value);
  if (key == "round") doc.round = std::move(value);
}

bool IsMetadataKey(std::string_view key) {
  return key == "title" || key == "date" || key == "source" || key == "lang" ||
         key == "language" || key == "round";
}

// YAML front matter between "---" lines at the very start. Returns the body.
StatusOr<std::string_view> ParseFrontMatter(std::string_view text, Document& doc) {
  size_t close = text.find("\n---", 3);
  if (close == std::string_view::npos) {
    return Status::InvalidArgument("front matter opened with '---' on line 1 is never closed");
  }
  std::string yaml(text.substr(3, close - 3));
  try {
    YAML::Node node = YAML::Load(yaml);
    if (!node.IsMap()) return Status::InvalidArgument("front matter is not a YAML mapping");
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string key = it->first.as<std::string>();
      if (IsMetadataKey(key) && it->second.IsScalar()) SetField(doc, key, it->second.as<std::string>());
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument("front matter, line " + std::to_string(e.mark.line + 2) +
                                   ": " + e.msg);
  }
  size_t body = text.find('\n', close + 1);
  return body == std::string_view::npos ? std::string_view() : text.substr(body + 1);
}

// Leading metadata lines: "date 2022-01 <body may follow>", "title: ...".
std::string_view ParseMetadataLines(std::string_view text, Document& doc) {
  while (true) {
    std::string_view rest = TrimLeft(text);
    size_t key_end = rest.find_first_of(" \t:\n");
    if (key_end == std::string_view::npos) return text;
    std::string_view key = rest.substr(0, key_end);
    if (!IsMetadataKey(key)) return text;
    std::string_view after = rest.substr(key_end);
    if (!after.empty() && after.front() == ':') after.remove_prefix(1);
    after = TrimLeft(after);
    if (key == "date") {
      size_t tok_end = after.find_first_of(" \t\n");
      std::string_view tok = after.substr(0, tok_end);
      if (!IsDateToken(tok)) return text;
      doc.date = std::string(tok);
      text = tok_end == std::string_view::npos ? std::string_view() : after.substr(tok_end);
      // The body may follow on the same line; a newline ends the metadata line.
      std::string_view t = TrimLeft(text);
      if (!t.empty() && t.front() == '\n') text = t.substr(1);
      else return t;
      continue;
    }
    size_t eol = after.find('\n');
    SetField(doc, key, std::string(Trim(after.substr(0, eol))));
    text = eol == std::string_view::npos ? std::string_view() : after.substr(eol + 1);
  }
}

// The work of ParseDocument, in place on `bytes`: a large file is held once
// (plus a second copy only while NFC rewrites non-normalised text).
StatusOr<Document> ParseOwned(std::string_view name, std::string bytes, std::string_view source) {
  if (bytes.size() > kMaxDocumentBytes) {
    return Status::TooLarge("document is " + std::to_string(bytes.size()) + " bytes, limit " +
                            std::to_string(kMaxDocumentBytes));
  }
  size_t skip = bytes.size() >= 3 && std::string_view(bytes).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view in = std::string_view(bytes).substr(skip);
  if (in.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("binary data (NUL byte at offset " +
                                   std::to_string(in.find('\0')) + ")");
  }
  if (size_t bad = FindInvalidUtf8(in); bad != std::string_view::npos) {
    return Status::InvalidArgument("invalid UTF-8 at byte offset " + std::to_string(bad) +
                                   " (convert the file to UTF-8)");
  }
  // Rewritten in place: the output never runs ahead of the input (CRLF -> LF
  // only drops bytes).
  const size_t input_size = in.size();
  size_t controls = 0, out = 0;
  bool ascii = true;
  for (size_t i = skip; i < bytes.size(); ++i) {
    char c = bytes[i];
    auto u = static_cast<unsigned char>(c);
    if (c == '\r') {
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;  // CRLF -> LF
      c = '\n';
    } else if (u < 0x20 && c != '\n' && c != '\t') {
      ++controls;  // stray control characters become spaces
      c = ' ';
    }
    ascii = ascii && u < 0x80;
    bytes[out++] = c;
  }
  bytes.resize(out);
  std::string text = std::move(bytes);
  if (controls > 8 && controls * 20 > input_size) {  // a few strays are noise, many are binary
    return Status::InvalidArgument("binary data (" + std::to_string(controls) +
                                   " control characters)");
  }
  if (!ascii) {
    StatusOr<std::string> nfc = ToNfc(std::move(text));
    if (!nfc.ok()) return nfc.status();
    text = std::move(*nfc);
  }

  Document doc;
  doc.name = std::string(name);
  doc.source = std::string(source);
  std::string_view body = text;
  if (body.substr(0, 4) == "---\n") {
    StatusOr<std::string_view> b = ParseFrontMatter(body, doc);
    if (!b.ok()) return b.status();
    body = *b;
  } else {
    body = ParseMetadataLines(body, doc);
  }
  body = Trim(body);
  while (!body.empty() && (body.front() == '\n' || body.back() == '\n')) {
    body = Trim(body.front() == '\n' ? body.substr(1) : body.substr(0, body.size() - 1));
  }
  if (body.empty()) return Status::InvalidArgument("empty document (no text after metadata)");
  // Cut the metadata and the trimmed ends off in place (no second copy).
  const size_t begin = static_cast<size_t>(body.data() - text.data()), length = body.size();
  text.resize(begin + length);
  text.erase(0, begin);
  doc.text = std::move(text);
  doc.id = ContentId(doc.text);
  return doc;
}

}  // namespace

StatusOr<Document> ParseDocument(std::string_view name, std::string_view bytes,
                                 std::string_view source) {
  if (bytes.size() > kMaxDocumentBytes) {
    return Status::TooLarge("document is " + std::to_string(bytes.size()) + " bytes, limit " +
                            std::to_string(kMaxDocumentBytes));
  }
  return ParseOwned(name, std::string(bytes), source);
}

StatusOr<Document> ReadDocumentFile(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::NotFound(path.string() + ": " + ec.message());
  if (size > kMaxDocumentBytes) {
    return Status::TooLarge(path.string() + ": " + std::to_string(size) + " bytes, limit " +
                            std::to_string(kMaxDocumentBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path.string() + ": cannot open for reading");
  // Read straight into the string that becomes the text (no stream buffer copy).
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.bad() || static_cast<uintmax_t>(in.gcount()) != size) {
    return Status::IOError(path.string() + ": read failed (the file changed while read?)");
  }
  StatusOr<Document> doc = ParseOwned(path.stem().string(), std::move(bytes), path.string());
  if (!doc.ok()) return doc.status().WithContext(path.string());
  return doc;
}

std::vector<std::filesystem::path> CollectInputFiles(
    const std::vector<std::filesystem::path>& paths, std::vector<Status>& errors) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  // A corpus folder's own README is documentation, not a report.
  auto wanted = [](const fs::path& p) {
    std::string ext = p.extension().string();
    std::string stem = p.stem().string();
    std::transform(stem.begin(), stem.end(), stem.begin(), ::tolower);
    return (ext == ".txt" || ext == ".md") && stem != "readme";
  };
  for (const fs::path& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors.push_back(Status::NotFound(p.string() + ": no such file or directory"));
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && wanted(it->path())) found.push_back(it->path());
      }
      if (ec) errors.push_back(Status::IOError(p.string() + ": " + ec.message()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);  // a file named explicitly is read whatever its extension
    }
  }
  return files;
}

}  // namespace negograph::ingest
