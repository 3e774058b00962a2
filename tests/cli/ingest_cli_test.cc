// `negograph ingest` and `negograph remove`: per-file errors, store errors,
// exit codes, idempotence and the JSONL bulk bridge.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "graph/ids.h"
#include "graph/model_json.h"
#include "tests/cli/cli_helpers.h"
#include "tests/common/temp_dir.h"

namespace negograph::cli {
namespace {

using testing::ParseJsonObject;
using testing::Quoted;
using testing::RunNegograph;
using testing::TempDir;
using testing::WriteFile;

// A DocumentExtraction JSON line with `n` positions (no extractor needed).
std::string ExtractionLine(const std::string& text, int n) {
  DocumentExtraction e;
  e.document.id = ContentId(text);
  e.document.name = "jsonl-" + e.document.id.substr(0, 6);
  e.document.text = text;
  e.document.rules_version = "test";
  for (int i = 0; i < n; ++i) {
    Position p;
    p.actor = i % 2 ? "usa" : "russia";
    p.issue = "missiles";
    p.stance = Stance::kDemand;
    p.id = PositionId(e.document.id, static_cast<uint32_t>(i), p.actor, p.stance, p.issue);
    p.evidence.doc_id = e.document.id;
    p.evidence.sentence = static_cast<uint32_t>(i);
    e.positions.push_back(p);
  }
  return nlohmann::json(e).dump() + "\n";
}

}  // namespace

TEST_CASE("ingest stores the good files, names the bad one and exits 1", "[cli][ingest]") {
  TempDir dir;
  auto corpus = dir.path() / "corpus";
  WriteFile(corpus / "a.txt", "date 2022-01-10\nRussia demanded guarantees in Geneva.");
  WriteFile(corpus / "b.txt", "date 2022-01-12\nNATO rejected the demand in Brussels.");
  WriteFile(corpus / "bad.txt", std::string("\0\1\2\3", 4));
  auto db = dir.path() / "db";
  auto r = RunNegograph("ingest " + Quoted(corpus) + " --db " + Quoted(db) + " --format json");
  CHECK(r.exit_code == kExitFailure);
  CHECK_THAT(r.err, Catch::Contains("bad.txt"));
  nlohmann::json j = ParseJsonObject(r);
  CHECK(j["failed"] == 1);
  CHECK(j["inserted"] == 2);
  CHECK(j["store"]["documents"] == 2);

  SECTION("a second run changes nothing") {
    WriteFile(corpus / "bad.txt", "date 2022-01-13\nnow readable");
    auto again = RunNegograph("ingest " + Quoted(corpus / "a.txt") + " " +
                              Quoted(corpus / "b.txt") + " --db " + Quoted(db) + " --format json");
    CHECK(again.exit_code == kExitOk);
    CHECK(ParseJsonObject(again)["unchanged"] == 2);
    CHECK(ParseJsonObject(again)["store"]["documents"] == 2);
  }
  SECTION("remove by name deletes the document; a second remove is not found") {
    auto rm = RunNegograph("remove a --db " + Quoted(db));
    CHECK(rm.exit_code == kExitOk);
    CHECK_THAT(rm.out, Catch::Contains("removed"));
    CHECK(RunNegograph("remove a --db " + Quoted(db)).exit_code == kExitNotFound);
    auto left = RunNegograph("ingest " + Quoted(corpus / "b.txt") + " --db " + Quoted(db) +
                             " --format json");
    CHECK(ParseJsonObject(left)["store"]["documents"] == 1);
  }
}

TEST_CASE("ingest reports store errors with exit code 3", "[cli][ingest]") {
  TempDir dir;
  WriteFile(dir.path() / "doc.txt", "Russia demanded guarantees.");
  SECTION("a store locked by another process") {
    auto db = dir.path() / "db";
    REQUIRE(RunNegograph("ingest --from-jsonl - --db " + Quoted(db), ExtractionLine("x", 1))
                .exit_code == kExitOk);
    int fd = ::open((db / "LOCK").c_str(), O_RDWR);
    REQUIRE(fd >= 0);
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    REQUIRE(::fcntl(fd, F_SETLK, &lock) == 0);
    auto r = RunNegograph("ingest " + Quoted(dir.path() / "doc.txt") + " --db " + Quoted(db));
    ::close(fd);
    CHECK(r.exit_code == kExitStore);
    CHECK_THAT(r.err, Catch::Contains("another negograph process"));
  }
  SECTION("a directory that is not a store") {
    WriteFile(dir.path() / "notastore" / "file", "x");
    auto r = RunNegograph("ingest " + Quoted(dir.path() / "doc.txt") + " --db " +
                          Quoted(dir.path() / "notastore"));
    CHECK(r.exit_code == kExitStore);
    CHECK_THAT(r.err, Catch::Contains("no store"));
  }
  SECTION("remove on a missing store") {
    auto r = RunNegograph("remove 0123 --db " + Quoted(dir.path() / "missing"));
    CHECK(r.exit_code == kExitStore);
    CHECK(!std::filesystem::exists(dir.path() / "missing"));
  }
}

TEST_CASE("ingest --from-jsonl applies good lines in bulk and names bad ones", "[cli][ingest]") {
  TempDir dir;
  auto db = dir.path() / "db";
  std::string input = ExtractionLine("one", 3) + "{not json\n" + ExtractionLine("two", 4) +
                      ExtractionLine("one", 3);
  auto r = RunNegograph("ingest --from-jsonl - --format json --db " + Quoted(db), input);
  CHECK(r.exit_code == kExitFailure);
  CHECK_THAT(r.err, Catch::Contains("-:2"));
  nlohmann::json j = ParseJsonObject(r);
  CHECK(j["store"]["documents"] == 2);
  CHECK(j["store"]["positions"] == 7);
}

TEST_CASE("ingest assigns rounds from the registry and lists the unassigned", "[cli][ingest]") {
  TempDir dir;
  WriteFile(dir.path() / "rounds.yaml",
            "version: 1\nrounds:\n  - id: r-geneva\n    place: Geneva\n    aliases: [Genf]\n"
            "    date_from: 2022-01-10\n");
  nlohmann::json a = nlohmann::json::parse(ExtractionLine("Talks in Genf went on.", 1));
  a["document"]["date"] = "2022-01-10";
  nlohmann::json b = nlohmann::json::parse(ExtractionLine("Talks somewhere.", 1));
  b["document"]["date"] = "2022-01-10";
  auto r = RunNegograph("ingest --from-jsonl - --format json --db " + Quoted(dir.path() / "db") +
                            " --rounds " + Quoted(dir.path() / "rounds.yaml"),
                        a.dump() + "\n" + b.dump() + "\n");
  CHECK(r.exit_code == kExitOk);
  nlohmann::json j = ParseJsonObject(r);
  REQUIRE(j["unassigned"].size() == 1);
  CHECK(j["store"]["rounds"] == 1);
  auto bad = RunNegograph("ingest --from-jsonl - --db " + Quoted(dir.path() / "db2") +
                          " --rounds " + Quoted(dir.path() / "absent.yaml"));
  CHECK(bad.exit_code == kExitUsage);
}

}  // namespace negograph::cli

namespace negograph::cli {
namespace {

std::string ExportEdges(const std::filesystem::path& db) {
  testing::CommandResult r =
      RunNegograph("export --format csv-edges --db " + testing::Quoted(db));
  INFO(r.err);
  REQUIRE(r.exit_code == kExitOk);
  return r.out;
}

}  // namespace

TEST_CASE("ingest writes a document in parts past --stream-above, storing the same graph",
          "[cli][stream]") {
  TempDir dir;
  const std::filesystem::path demo = testing::SourceDir() / "data" / "demo";
  const auto whole = dir.path() / "whole", parts = dir.path() / "parts";
  testing::CommandResult a = RunNegograph("ingest --format json --db " + testing::Quoted(whole) + " " + testing::Quoted(demo));
  // Every document takes the streamed path (windows of 2 MiB: one each).
  testing::CommandResult b =
      RunNegograph("ingest --format json --stream-above 0 --db " + testing::Quoted(parts) + " " + testing::Quoted(demo));
  REQUIRE(a.exit_code == kExitOk);
  REQUIRE(b.exit_code == kExitOk);
  nlohmann::json sa = testing::ParseJsonObject(a), sb = testing::ParseJsonObject(b);
  CHECK(sb["inserted"] == sa["inserted"]);
  CHECK(sb["positions_written"] == sa["positions_written"]);
  CHECK(sb["store"] == sa["store"]);
  CHECK(ExportEdges(parts) == ExportEdges(whole));
  // Idempotent: nothing is extracted or written again.
  nlohmann::json again = testing::ParseJsonObject(
      RunNegograph("ingest --format json --stream-above 0 --db " + testing::Quoted(parts) + " " + testing::Quoted(demo)));
  CHECK(again["unchanged"] == sa["inserted"]);
  CHECK(again["inserted"] == 0);
  testing::CommandResult check = RunNegograph("check --db " + testing::Quoted(parts));
  INFO(check.out << check.err);
  CHECK(check.exit_code == kExitOk);
}

}  // namespace negograph::cli
