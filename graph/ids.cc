#include "graph/ids.h"

#include <xxhash.h>

#include <array>

namespace negograph {

uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string Hex64(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kDigits[value & 0xf];
    value >>= 4;
  }
  return out;
}

std::string ContentId(std::string_view normalized_text) {
  XXH128_hash_t h = XXH3_128bits(normalized_text.data(), normalized_text.size());
  return Hex64(h.high64) + Hex64(h.low64);
}

namespace {

// Folds the two-byte UTF-8 sequences of Latin-1 letters that matter in
// German, English and French names. Returns nullptr when not foldable.
const char* FoldLatin1(unsigned char lead, unsigned char trail) {
  if (lead != 0xC3) return nullptr;
  switch (trail) {
    case 0x84: case 0xA4: return "ae";  // Ä ä
    case 0x96: case 0xB6: return "oe";  // Ö ö
    case 0x9C: case 0xBC: return "ue";  // Ü ü
    case 0x9F: return "ss";             // ß
    case 0x80: case 0x81: case 0x82: case 0xA0: case 0xA1: case 0xA2: return "a";
    case 0x87: case 0xA7: return "c";
    case 0x88: case 0x89: case 0x8A: case 0x8B:
    case 0xA8: case 0xA9: case 0xAA: case 0xAB: return "e";
    case 0x8C: case 0x8D: case 0x8E: case 0x8F:
    case 0xAC: case 0xAD: case 0xAE: case 0xAF: return "i";
    case 0x92: case 0x93: case 0x94: case 0xB2: case 0xB3: case 0xB4: return "o";
    case 0x99: case 0x9A: case 0x9B: case 0xB9: case 0xBA: case 0xBB: return "u";
    case 0x91: case 0xB1: return "n";
    default: return nullptr;
  }
}

}  // namespace

std::string NormalizeKey(std::string_view label) {
  std::string out;
  out.reserve(label.size());
  bool pending_sep = false;
  auto emit = [&](std::string_view piece) {
    if (pending_sep && !out.empty()) out += '_';
    pending_sep = false;
    out += piece;
  };
  for (size_t i = 0; i < label.size(); ++i) {
    auto c = static_cast<unsigned char>(label[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        emit(std::string_view(&label[i], 1));
      } else if (c >= 'A' && c <= 'Z') {
        char lower = static_cast<char>(c - 'A' + 'a');
        emit(std::string_view(&lower, 1));
      } else {
        pending_sep = true;
      }
      continue;
    }
    if (i + 1 < label.size()) {
      if (const char* folded = FoldLatin1(c, static_cast<unsigned char>(label[i + 1]))) {
        emit(folded);
        ++i;
        continue;
      }
    }
    emit(std::string_view(&label[i], 1));  // other UTF-8 bytes are kept
  }
  return out;
}

uint64_t NodeHash(NodeKind kind, std::string_view key) {
  std::string buf;
  buf.reserve(key.size() + 1);
  buf += static_cast<char>(kind);
  buf += key;
  return Hash64(buf);
}

std::string PositionId(std::string_view doc_id, uint32_t sentence, std::string_view actor,
                       Stance stance, std::string_view issue) {
  std::string buf;
  buf.reserve(doc_id.size() + actor.size() + issue.size() + 16);
  buf += doc_id;
  buf += '|';
  buf += std::to_string(sentence);
  buf += '|';
  buf += actor;
  buf += '|';
  buf += StanceName(stance);
  buf += '|';
  buf += issue;
  return Hex64(Hash64(buf));
}

}  // namespace negograph
