// Lexical layer of the extractor: tokens, sentences and lexicon mentions of
// one document, from one pass of the rule pack's automaton. Everything later
// (ingest/clause_analyzer.h) works on these arrays, never on regexes.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/rule_pack.h"

namespace negograph::ingest {

enum class TokenType : uint8_t {
  kWord,    // letters/digits, with inner hyphens and dots ("NATO-Osterweiterung", "U.S")
  kComma,   // , ; :
  kEnd,     // . ! ? …
  kQuote,   // „ “ ” " « » ‚ ‘ ’ '
  kDash,    // a free-standing dash
  kParen,   // ( ) [ ]
  kOther,
};

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenType type = TokenType::kOther;
  bool upper = false;  // starts with a capital letter
  bool digit = false;  // starts with a digit
  bool para = false;   // a blank line precedes this token
  uint32_t roles = 0;  // WordRole bits of a function word starting here
};

struct Mention {
  uint32_t start = 0;  // bytes
  uint32_t end = 0;
  uint32_t tb = 0;  // tokens [tb, te)
  uint32_t te = 0;
  EntryKind kind = EntryKind::kWord;
  uint32_t ref = 0;
  bool genitive = false;
  bool adjective = false;
  bool needs_particle = false;
  bool inner = false;    // starts inside a token (tail of a compound)
  bool partial = false;  // ends inside a token (prefix of a compound)
  bool seat = false;     // only a seat of government: a place unless composed (ingest/seats.h)
};

struct Sentence {
  uint32_t tb = 0;  // tokens [tb, te)
  uint32_t te = 0;
  uint32_t mb = 0;  // mentions [mb, me)
  uint32_t me = 0;
};

// A raw automaton hit that passed its boundary checks.
struct RawMatch {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t entry = 0;  // RulePack::entries index
};

struct LexedText {
  std::vector<Token> tokens;
  std::vector<RawMatch> raw;
  std::vector<Mention> mentions;  // sorted by start; non-overlapping
  std::vector<Sentence> sentences;
  uint32_t de_hits = 0;  // function words only German has
  uint32_t en_hits = 0;  // function words only English has
  uint32_t words = 0;
};

// Longest sentence in tokens; longer runs are cut so that every later step
// stays linear in the input (no quadratic work on a 1 MB sentence).
inline constexpr uint32_t kMaxSentenceTokens = 200;

// Tokenizes and scans `text`. Mentions for languages outside `langs` are
// dropped; de_hits/en_hits are counted before that filter.
LexedText Lex(const RulePack& pack, std::string_view text);
// Keeps the mentions of `lang` only, resolves overlaps (leftmost-longest),
// maps them to tokens and splits sentences.
void Resolve(const RulePack& pack, std::string_view text, uint8_t lang, LexedText& lexed);
// Sets each sentence's mention range [mb, me) (mentions and sentences both
// sorted); again after mentions are added (ingest/people.cc).
void AttachMentionsToSentences(LexedText& lexed);
// For each token, the index of the mention covering it, or -1.
std::vector<int> MentionCover(const LexedText& lexed);

// Folded text of a token.
std::string_view TokenText(std::string_view text, const Token& t);

}  // namespace negograph::ingest
