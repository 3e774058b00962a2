// The CLI's contract: --help everywhere, meaningful exit codes, errors that
// name the file while the other files are still processed.
#include <catch2/catch.hpp>

#include "cli/exit_codes.h"
#include "tests/common/temp_dir.h"

namespace negograph::cli {
namespace {

using testing::RunNegograph;
using testing::TempDir;
using testing::WriteFile;

TEST_CASE("every subcommand answers --help", "[cli]") {
  auto sub = GENERATE(as<std::string>{}, "extract", "ingest", "serve", "query", "compare",
                      "export", "remove");
  auto r = RunNegograph(sub + " --help");
  INFO(sub << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE_THAT(r.out, Catch::Contains("Usage"));
}

TEST_CASE("bad flags and missing arguments are usage errors", "[cli]") {
  REQUIRE(RunNegograph("").exit_code == kExitUsage);
  REQUIRE(RunNegograph("frobnicate").exit_code == kExitUsage);
  auto r = RunNegograph("extract --format xml x.txt");
  REQUIRE(r.exit_code == kExitUsage);
  REQUIRE_THAT(r.err, Catch::Contains("format"));
  REQUIRE(RunNegograph("extract").exit_code == kExitUsage);
}

TEST_CASE("bad input files are named and the rest is still read", "[cli]") {
  TempDir dir;
  WriteFile(dir.path() / "corpus" / "bad.txt", "Gespr\xe4" "che");
  WriteFile(dir.path() / "corpus" / "empty.txt", "");
  WriteFile(dir.path() / "corpus" / "binary.txt", std::string("\0\1\2\3", 4));
  WriteFile(dir.path() / "corpus" / "good.txt",
            "Russia demanded an end to NATO enlargement, the ministry said.");
  auto r = RunNegograph("extract '" + (dir.path() / "corpus").string() + "' '" +
                        (dir.path() / "nope").string() + "' --format jsonl");
  INFO(r.err);
  REQUIRE(r.exit_code == kExitFailure);
  REQUIRE_THAT(r.err, Catch::Contains("bad.txt") && Catch::Contains("invalid UTF-8"));
  REQUIRE_THAT(r.err, Catch::Contains("empty.txt") && Catch::Contains("empty"));
  REQUIRE_THAT(r.err, Catch::Contains("binary.txt") && Catch::Contains("binary"));
  REQUIRE_THAT(r.err, Catch::Contains("nope"));
  REQUIRE_THAT(r.err, !Catch::Contains("good.txt"));
  // The good file was still extracted.
  REQUIRE_THAT(r.out, Catch::Contains("\"actor\":\"russia\"") && Catch::Contains("\"doc\":\"good\""));
}

TEST_CASE("the line filter reads one JSON document per line", "[cli]") {
  std::string in =
      "{\"name\":\"a\",\"text\":\"The talks ended.\"}\n"
      "not json\n"
      "{\"name\":\"b\"}\n";
  auto r = RunNegograph("extract - --format jsonl", in);
  REQUIRE(r.exit_code == kExitFailure);
  REQUIRE_THAT(r.err, Catch::Contains("stdin:2") && Catch::Contains("stdin:3"));
  REQUIRE_THAT(r.err, !Catch::Contains("stdin:1:"));
}

TEST_CASE("a missing rules directory is reported", "[cli]") {
  TempDir dir;
  WriteFile(dir.path() / "a.txt", "Text.");
  auto r = RunNegograph("extract --rules '" + (dir.path() / "norules").string() + "' '" +
                        (dir.path() / "a.txt").string() + "'");
  REQUIRE(r.exit_code == kExitUsage);
  REQUIRE_THAT(r.err, Catch::Contains("rules"));
}

}  // namespace
TEST_CASE("extract --explain shows the stages of each sentence", "[cli][explain]") {
  auto r = RunNegograph(
      "extract --lang en --explain --text 'Iceland, supported by Ghana, proposed to ban bottom trawling.'");
  INFO(r.err);
  REQUIRE(r.exit_code == kExitOk);
  CHECK_THAT(r.out, Catch::Contains("tokens   Iceland/ACT:iceland"));
  CHECK_THAT(r.out, Catch::Contains("frame    supported by: ghana"));
  CHECK_THAT(r.out, Catch::Contains("cue      en.offer.offer"));
  CHECK_THAT(r.out, Catch::Contains("position ghana accept"));

  auto j = RunNegograph("extract --lang en --explain-json --text 'Iceland proposed to ban bottom trawling.'");
  REQUIRE(j.exit_code == kExitOk);
  CHECK_THAT(j.out, Catch::StartsWith("{\"clauses\":"));
  CHECK_THAT(j.out, Catch::Contains("\"positions\":[\"iceland offer"));

  auto plain = RunNegograph("extract --lang en --text 'Iceland proposed to ban bottom trawling.'");
  REQUIRE(plain.exit_code == kExitOk);
  CHECK_THAT(plain.out, Catch::Contains("\"actor\":\"iceland\""));
  CHECK(RunNegograph("extract --lang fr --text 'Bonjour.'").exit_code == kExitUsage);
}

}  // namespace negograph::cli

namespace negograph::cli {
namespace {

TEST_CASE("extract --labels prints the labels of one language; ids do not change", "[cli][labels]") {
  const std::string text = "'Russland lehnte die NATO-Osterweiterung entschieden ab.'";
  auto own = testing::RunNegograph("extract --lang de --format jsonl --text " + text);
  REQUIRE(own.exit_code == 0);
  CHECK_THAT(own.out, Catch::Contains("\"actor_label\":\"Russland\""));
  CHECK_THAT(own.out, Catch::Contains("\"issue\":\"nato_enlargement\""));
  CHECK_THAT(own.out, Catch::Contains("\"issue_label\":\"Stopp der NATO-Osterweiterung\""));
  auto en = testing::RunNegograph("extract --lang de --labels en --format jsonl --text " + text);
  REQUIRE(en.exit_code == 0);
  CHECK_THAT(en.out, Catch::Contains("\"actor_label\":\"Russia\""));
  CHECK_THAT(en.out, Catch::Contains("\"issue\":\"nato_enlargement\""));
  CHECK_THAT(en.out, Catch::Contains("\"issue_label\":\"halt to NATO enlargement\""));
  CHECK(testing::RunNegograph("extract --labels fr --text x").exit_code == kExitUsage);
}

}  // namespace
}  // namespace negograph::cli
