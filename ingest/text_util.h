// Byte-level text helpers shared by the matcher, the tokenizer and the clause
// logic. Case folding keeps byte length (ASCII and Latin-1 upper case map to
// lower case of the same UTF-8 width), so folded offsets are text offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace negograph::ingest {

// Lower-cases ASCII and the Latin-1 capitals (U+00C0..U+00DE except U+00D7);
// every other byte is copied. Output length == input length.
std::string FoldCase(std::string_view text);

// Decodes the code point starting at `pos` (lenient: a malformed byte is
// returned as itself with length 1). `len` receives the byte length.
uint32_t DecodeAt(std::string_view text, size_t pos, size_t* len);

// Start of the code point that ends right before `pos` (pos > 0).
size_t PrevCodePointStart(std::string_view text, size_t pos);

// True for letters and digits (ASCII, Latin and other alphabets); false for
// spaces, punctuation, quotes, dashes and symbols.
bool IsWordCodePoint(uint32_t cp);

// True when the code point before `pos` is a word character.
bool WordBefore(std::string_view text, size_t pos);
// True when the code point at `pos` is a word character.
bool WordAt(std::string_view text, size_t pos);

// True when the first code point of `word` is an upper-case letter.
bool StartsUpper(std::string_view word);

}  // namespace negograph::ingest
