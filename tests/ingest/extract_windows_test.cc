// Window-by-window extraction (Extractor::ExtractWindows) for large
// documents: one window gives exactly what Extract gives; small windows give
// positions whose offsets, quotes and sentence numbers refer to the whole
// document, and each window is cut at a paragraph or sentence boundary.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "graph/ids.h"
#include "tests/common/temp_dir.h"
#include "tests/ingest/extract_helpers.h"

namespace negograph::testing {
namespace {

// The demo's English reports one after another (about 40 KB).
Document DemoDocument() {
  std::string text;
  for (const char* name : {"2022-01-10-geneva-en.md", "2022-01-12-brussels-en.md",
                           "2022-01-13-vienna-en.md", "2022-01-21-geneva-en.md"}) {
    StatusOr<Document> d = ingest::ReadDocumentFile(SourceDir() / "data" / "demo" / name);
    REQUIRE(d.ok());
    text += d->text + "\n\n";
  }
  StatusOr<Document> doc = ingest::ParseDocument("demo-en", text);
  REQUIRE(doc.ok());
  return *doc;
}

std::vector<Position> Windows(const Document& doc, size_t window, size_t* parts = nullptr) {
  std::vector<Position> out;
  size_t n = 0;
  Status s = BundledExtractor().ExtractWindows(doc, window, [&](DocumentExtraction&& part) {
    ++n;
    CHECK(part.document.id == doc.id);
    CHECK(part.document.text.empty());  // the header only
    CHECK(part.document.rules_version == BundledExtractor().rules_version());
    for (Position& p : part.positions) out.push_back(std::move(p));
    return Status::Ok();
  });
  REQUIRE(s.ok());
  if (parts != nullptr) *parts = n;
  return out;
}

}  // namespace

TEST_CASE("one window extracts exactly what Extract does", "[ingest][stream]") {
  Document doc = DemoDocument();
  StatusOr<DocumentExtraction> whole = BundledExtractor().Extract(doc);
  REQUIRE(whole.ok());
  REQUIRE(whole->positions.size() > 20);
  size_t parts = 0;
  CHECK(Windows(doc, doc.text.size(), &parts) == whole->positions);
  CHECK(parts == 1);
}

TEST_CASE("small windows keep document-wide offsets, quotes and sentence numbers",
          "[ingest][stream]") {
  Document doc = DemoDocument();
  StatusOr<DocumentExtraction> whole = BundledExtractor().Extract(doc);
  REQUIRE(whole.ok());
  size_t parts = 0;
  std::vector<Position> got = Windows(doc, 4096, &parts);
  CHECK(parts >= doc.text.size() / 4096);
  std::set<std::string> ids;
  uint32_t last_sentence = 0;
  for (const Position& p : got) {
    INFO(p.evidence.quote);
    const Span s = p.evidence.span;
    REQUIRE(s.end <= doc.text.size());
    CHECK(doc.text.substr(s.start, s.end - s.start) == p.evidence.quote);
    for (Span inner : {p.evidence.cue, p.evidence.issue_span, p.evidence.actor_span}) {
      if (!inner.empty()) CHECK(inner.end <= doc.text.size());
    }
    CHECK(p.evidence.sentence >= last_sentence);
    last_sentence = p.evidence.sentence;
    CHECK(p.id == PositionId(doc.id, p.evidence.sentence, p.actor, p.stance, p.issue));
    CHECK(ids.insert(p.id).second);
  }
  // Windows end at paragraph or sentence boundaries, so almost every
  // position of the whole-text pass is found again, with the same id (the
  // discourse state restarts per window: a few pronoun subjects differ).
  std::map<std::string, const Position*> whole_by_id;
  for (const Position& p : whole->positions) whole_by_id[p.id] = &p;
  size_t same = 0;
  for (const Position& p : got) {
    auto it = whole_by_id.find(p.id);
    if (it == whole_by_id.end()) continue;
    ++same;
    // Same sentence, same offsets: the window's offsets were shifted right.
    CHECK(p.evidence.span == it->second->evidence.span);
    CHECK(p.evidence.cue == it->second->evidence.cue);
  }
  CHECK(same * 10 >= whole_by_id.size() * 9);
}

TEST_CASE("windows end at a paragraph break, a line, a sentence, a space or a character",
          "[ingest][stream]") {
  using ingest::WindowEnd;
  CHECK(WindowEnd("short", 0, 100) == 5);
  std::string text = std::string(60, 'a') + "\n\n" + std::string(30, 'b') + ". " +
                     std::string(30, 'c');
  CHECK(WindowEnd(text, 0, 100) == 62);  // after the paragraph break
  CHECK(WindowEnd(text, 62, 40) == 94);  // after ". "
  std::string words = std::string(50, 'x') + " " + std::string(80, 'y');
  CHECK(WindowEnd(words, 0, 100) == 50);  // before the space
  std::string umlauts;
  for (int i = 0; i < 60; ++i) umlauts += "\xC3\xA4";  // ä, two bytes each
  size_t end = WindowEnd(umlauts, 0, 101);
  CHECK(end == 100);  // never inside a character
}

}  // namespace negograph::testing
