#include "ingest/text_util.h"

namespace negograph::ingest {

std::string FoldCase(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

uint32_t DecodeAt(std::string_view text, size_t pos, size_t* len) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char c = b(pos);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (pos + n > text.size()) n = 1;
  for (size_t i = 1; i < n; ++i) {
    if ((b(pos + i) & 0xC0) != 0x80) n = 1;
  }
  *len = n;
  if (n == 1) return c;
  uint32_t cp = c & (0xFF >> (n + 1));
  for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (b(pos + i) & 0x3F);
  return cp;
}

size_t PrevCodePointStart(std::string_view text, size_t pos) {
  size_t p = pos - 1;
  size_t steps = 0;
  while (p > 0 && steps < 3 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
    --p;
    ++steps;
  }
  return p;
}

bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  return true;
}

bool WordBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  size_t len = 0;
  return IsWordCodePoint(DecodeAt(text, PrevCodePointStart(text, pos), &len));
}

bool WordAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  size_t len = 0;
  return IsWordCodePoint(DecodeAt(text, pos, &len));
}

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  size_t len = 0;
  uint32_t cp = DecodeAt(word, 0, &len);
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) ||
         (cp >= 0x410 && cp <= 0x42F);
}

}  // namespace negograph::ingest
