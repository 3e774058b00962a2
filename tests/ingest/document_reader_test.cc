#include "ingest/document_reader.h"

#include <catch2/catch.hpp>

#include "graph/ids.h"
#include "tests/common/temp_dir.h"

namespace negograph::ingest {
namespace {

using negograph::testing::TempDir;
using negograph::testing::WriteFile;

TEST_CASE("a leading metadata line may carry the body on the same line", "[ingest]") {
  StatusOr<Document> d = ParseDocument("a", " date 2022-01 Das Treffen endete.\n\nZweiter Absatz.");
  REQUIRE(d.ok());
  REQUIRE(d->date == "2022-01");
  REQUIRE(d->text == "Das Treffen endete.\n\nZweiter Absatz.");
  REQUIRE(d->name == "a");
  REQUIRE(d->id == ContentId(d->text));
}

TEST_CASE("metadata lines are read until the body starts", "[ingest]") {
  StatusOr<Document> d =
      ParseDocument("b", "title: Talks end\ndate 2022-01-12\nlang: en\nThe talks ended.");
  REQUIRE(d.ok());
  REQUIRE(d->title == "Talks end");
  REQUIRE(d->date == "2022-01-12");
  REQUIRE(d->lang == "en");
  REQUIRE(d->text == "The talks ended.");
}

TEST_CASE("a word that only looks like a key starts the body", "[ingest]") {
  StatusOr<Document> d = ParseDocument("c", "date night plans were cancelled.");
  REQUIRE(d.ok());
  REQUIRE(d->date.empty());
  REQUIRE(d->text == "date night plans were cancelled.");
}

TEST_CASE("Markdown front matter sets the metadata", "[ingest]") {
  StatusOr<Document> d = ParseDocument(
      "m", "---\ntitle: \"Geneva: day one\"\ndate: 2022-01-10\nlang: en\nround: r1\n---\n\nBody.\n");
  REQUIRE(d.ok());
  REQUIRE(d->title == "Geneva: day one");
  REQUIRE(d->date == "2022-01-10");
  REQUIRE(d->round == "r1");
  REQUIRE(d->text == "Body.");
}

TEST_CASE("bad front matter is an error with a line", "[ingest]") {
  SECTION("never closed") {
    StatusOr<Document> d = ParseDocument("m", "---\ntitle: x\nBody");
    REQUIRE(d.status().code() == StatusCode::kInvalidArgument);
    REQUIRE_THAT(d.status().message(), Catch::Contains("never closed"));
  }
  SECTION("not YAML") {
    StatusOr<Document> d = ParseDocument("m", "---\ntitle: [unclosed\n---\nBody");
    REQUIRE(d.status().code() == StatusCode::kInvalidArgument);
    REQUIRE_THAT(d.status().message(), Catch::Contains("front matter"));
  }
}

TEST_CASE("bad bytes are refused with their offset", "[ingest]") {
  SECTION("invalid UTF-8 (Latin-1 umlaut)") {
    StatusOr<Document> d = ParseDocument("x", "Gespr\xe4" "che");
    REQUIRE(d.status().code() == StatusCode::kInvalidArgument);
    REQUIRE_THAT(d.status().message(), Catch::Contains("invalid UTF-8 at byte offset 5"));
  }
  SECTION("overlong encoding") {
    REQUIRE_FALSE(ParseDocument("x", "a\xc0\xaf").ok());
  }
  SECTION("UTF-16 surrogate encoded in UTF-8") {
    REQUIRE_FALSE(ParseDocument("x", "a\xed\xa0\x80").ok());
  }
  SECTION("binary data") {
    StatusOr<Document> d = ParseDocument("x", std::string("PK\x03\x04\0\0", 6));
    REQUIRE_THAT(d.status().message(), Catch::Contains("binary"));
  }
  SECTION("empty") {
    REQUIRE_THAT(ParseDocument("x", "").status().message(), Catch::Contains("empty"));
    REQUIRE_THAT(ParseDocument("x", "date 2022-01\n  \n").status().message(),
                 Catch::Contains("empty"));
  }
}

TEST_CASE("text is normalised: BOM, CRLF, NFC, stray controls", "[ingest]") {
  // "Gespräche" with a decomposed ä (a + U+0308) becomes the composed form.
  StatusOr<Document> d = ParseDocument("x", "\xEF\xBB\xBFGespra\xCC\x88" "che\r\nende\x07.");
  REQUIRE(d.ok());
  REQUIRE(d->text == "Gespr\xC3\xA4" "che\nende .");
  // Same text with another encoding of the same letters: the same id.
  REQUIRE(d->id == ParseDocument("y", "Gespr\xC3\xA4" "che\nende .")->id);
}

TEST_CASE("input files are collected recursively and errors are named", "[ingest]") {
  TempDir dir;
  WriteFile(dir.path() / "b.txt", "b");
  WriteFile(dir.path() / "sub" / "a.md", "a");
  WriteFile(dir.path() / "skip.pdf", "x");
  WriteFile(dir.path() / "README.md", "about this corpus");
  std::vector<Status> errors;
  auto files = CollectInputFiles({dir.path(), dir.path() / "missing.txt"}, errors);
  REQUIRE(files.size() == 2);
  REQUIRE(files[0].filename() == "b.txt");
  REQUIRE(files[1].filename() == "a.md");
  REQUIRE(errors.size() == 1);
  REQUIRE_THAT(errors[0].message(), Catch::Contains("missing.txt"));
}

TEST_CASE("ReadDocumentFile names the file in errors", "[ingest]") {
  TempDir dir;
  WriteFile(dir.path() / "bad.txt", "\xff\xfe");
  StatusOr<Document> d = ReadDocumentFile(dir.path() / "bad.txt");
  REQUIRE_FALSE(d.ok());
  REQUIRE_THAT(d.status().message(), Catch::Contains("bad.txt"));
  WriteFile(dir.path() / "good.txt", "Hello.");
  StatusOr<Document> g = ReadDocumentFile(dir.path() / "good.txt");
  REQUIRE(g.ok());
  REQUIRE(g->name == "good");
  REQUIRE(g->source == (dir.path() / "good.txt").string());
}

}  // namespace
}  // namespace negograph::ingest
