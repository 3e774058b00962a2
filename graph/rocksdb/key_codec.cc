#include "graph/rocksdb/key_codec.h"

#include "graph/ids.h"

namespace negograph::store {

std::string_view CfName(Cf cf) {
  static constexpr std::array<std::string_view, kCfCount> kNames = {
      "default", "meta",  "nodes", "counts",   "doc",      "text",
      "round",   "edge",  "by_actor", "by_issue", "by_round", "by_doc"};
  return kNames[static_cast<size_t>(cf)];
}

std::string EncodeU64(uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[static_cast<size_t>(i)] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

uint64_t DecodeU64(std::string_view bytes) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  return v;
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool HexToBytes(std::string_view hex, size_t bytes, std::string* out) {
  if (hex.size() != bytes * 2) return false;
  out->assign(bytes, '\0');
  for (size_t i = 0; i < bytes; ++i) {
    int hi = HexValue(hex[2 * i]);
    int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    (*out)[i] = static_cast<char>((hi << 4) | lo);
  }
  return true;
}

std::string BytesToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 0xf];
  }
  return out;
}

}  // namespace

bool TryDocKey(std::string_view hex, std::string* key) { return HexToBytes(hex, 16, key); }
bool TryPositionKey(std::string_view hex, std::string* key) { return HexToBytes(hex, 8, key); }

std::string DocKey(std::string_view hex) {
  std::string key;
  TryDocKey(hex, &key);
  return key;
}

std::string PositionKey(std::string_view hex) {
  std::string key;
  TryPositionKey(hex, &key);
  return key;
}

std::string DocIdFromKey(std::string_view key16) { return BytesToHex(key16.substr(0, 16)); }
std::string PositionIdFromKey(std::string_view key8) { return BytesToHex(key8.substr(0, 8)); }

std::string NodeKey(NodeKind kind, std::string_view id) {
  std::string key(1, static_cast<char>(kind));
  key += EncodeU64(NodeHash(kind, id));
  return key;
}

std::string NodePrefix(NodeKind kind, std::string_view id) {
  return EncodeU64(NodeHash(kind, id));
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    auto last = static_cast<unsigned char>(s.back());
    if (last != 0xff) {
      s.back() = static_cast<char>(last + 1);
      return s;
    }
    s.pop_back();
  }
  return s;
}

}  // namespace negograph::store
