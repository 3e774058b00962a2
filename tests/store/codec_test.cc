// Key and value codecs of the RocksDB store.
#include <catch2/catch.hpp>

#include "graph/rocksdb/key_codec.h"
#include "graph/rocksdb/value_codec.h"
#include "tests/store/store_test_util.h"

namespace negograph::testing {

using namespace negograph::store;

TEST_CASE("big-endian ids sort like the numbers they encode", "[store][codec]") {
  CHECK(EncodeU64(1) < EncodeU64(256));
  CHECK(EncodeU64(0xff) < EncodeU64(0x100));
  CHECK(DecodeU64(EncodeU64(0x0123456789abcdefULL)) == 0x0123456789abcdefULL);
  CHECK(PositionIdFromKey(PositionKey("00ff10a0b0c0d0e0")) == "00ff10a0b0c0d0e0");
  std::string id = ContentId("x");
  CHECK(DocIdFromKey(DocKey(id)) == id);
  std::string key;
  CHECK_FALSE(TryPositionKey("00FF10A0B0C0D0E0", &key));
  CHECK_FALSE(TryPositionKey("abc", &key));
  CHECK(PrefixSuccessor(std::string("a\xff", 2)) == "b");
  CHECK(PrefixSuccessor(std::string("\xff\xff", 2)).empty());
}

TEST_CASE("every truncation of a record decodes as Corruption, never past the end",
          "[store][codec]") {
  Document d = MakeDoc("codec text", "r9", "round-x");
  Position p = MakePosition(d, 4, "usa", Stance::kAssure, "missiles", "a quote");
  p.condition = "if";
  Round r{"id", "n", "p", "2022", "2022", "f", {"a", "b"}};
  std::string pos = EncodePosition(p);
  std::string doc = EncodeDocument(d, 7);
  std::string round = EncodeRound(r);
  Position p2;
  p2.id = p.id;
  REQUIRE(DecodePosition(pos, &p2).ok());
  CHECK(p2 == p);
  Document d2;
  uint64_t n = 0;
  REQUIRE(DecodeDocument(doc, &d2, &n).ok());
  CHECK(n == 7);
  CHECK(d2.rules_version == "r9");
  Round r2;
  REQUIRE(DecodeRound(round, &r2).ok());
  CHECK(r2 == r);
  for (size_t len = 0; len < pos.size(); ++len) {
    Position x;
    CHECK(DecodePosition(pos.substr(0, len), &x).code() == StatusCode::kCorruption);
  }
  for (size_t len = 0; len < round.size(); ++len) {
    Round x;
    CHECK(DecodeRound(round.substr(0, len), &x).code() == StatusCode::kCorruption);
  }
  Position x;
  CHECK(DecodePosition(pos + "z", &x).code() == StatusCode::kCorruption);
  std::string bad_version = pos;
  bad_version[0] = 9;
  CHECK(DecodePosition(bad_version, &x).code() == StatusCode::kCorruption);
  Actor a;
  CHECK(DecodeActor(EncodeIssue({"i", "I", true}), &a).code() == StatusCode::kCorruption);
}

}  // namespace negograph::testing

namespace negograph::testing {

TEST_CASE("node and round records carry labels; schema-2 records decode without them",
          "[store][codec][labels]") {
  using namespace negograph::store;
  Issue issue{"open:sorg", "worry", true, Labels{"Sorge", "worry"}, false};
  Issue back;
  REQUIRE(DecodeIssue(EncodeIssue(issue), &back).ok());
  CHECK(back == issue);
  issue.untranslated = true;
  REQUIRE(DecodeIssue(EncodeIssue(issue), &back).ok());
  CHECK(back.untranslated);
  Actor actor{"usa", "United States", "state", Labels{"USA", "United States"}};
  Actor actor_back;
  REQUIRE(DecodeActor(EncodeActor(actor), &actor_back).ok());
  CHECK(actor_back == actor);
  std::string encoded = EncodeActor(actor);
  for (size_t len = 0; len < encoded.size(); ++len) {
    Actor x;
    CHECK(DecodeActor(encoded.substr(0, len), &x).code() == StatusCode::kCorruption);
  }
  // Schema 4: a bloc's members follow its labels; a schema-3 record (none) still decodes.
  Actor bloc{"eu", "European Union", "bloc", Labels{"EU", "European Union"}, {"france", "germany"}};
  Actor bloc_back;
  REQUIRE(DecodeActor(EncodeActor(bloc), &bloc_back).ok());
  CHECK(bloc_back == bloc);
  std::string with_members = EncodeActor(bloc);
  Actor plain_back;
  REQUIRE(DecodeActor(EncodeActor(Actor{"eu", "European Union", "bloc", Labels{"EU", "European Union"}}),
                      &plain_back).ok());
  CHECK(plain_back.members.empty());
  // Cut inside the member list: never a shorter list, always Corruption.
  for (size_t len = with_members.size() - 1; len > with_members.size() - 8; --len) {
    Actor x;
    CHECK(DecodeActor(with_members.substr(0, len), &x).code() == StatusCode::kCorruption);
  }
  // A schema-2 issue record: version 1, kind, id, label, open flag; no labels.
  std::string v1 = std::string("\x01\x02", 2) + "\x0a" + "arms_talks" + "\x05" + "talks" + std::string("\x00", 1);
  Issue old;
  REQUIRE(DecodeIssue(v1, &old).ok());
  CHECK(old.id == "arms_talks");
  CHECK(old.label == "talks");
  CHECK(old.labels == Labels{});
  CHECK(LabelIn(old.labels, "de", old.label) == "talks");
}

}  // namespace negograph::testing
