#include "ingest/lexer.h"

#include <algorithm>
#include <string>

#include "ingest/text_util.h"

namespace negograph::ingest {
namespace {

bool IsSpace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 ||
         cp < 0x20 || cp == 0x7F || cp == 0xFEFF;
}

TokenType PunctType(uint32_t cp) {
  switch (cp) {
    case ',': case ';': case ':':
      return TokenType::kComma;
    case '.': case '!': case '?': case 0x2026:
      return TokenType::kEnd;
    case '"': case '\'': case 0x201C: case 0x201D: case 0x201E: case 0x2018: case 0x2019:
    case 0x201A: case 0xAB: case 0xBB: case 0x2039: case 0x203A:
      return TokenType::kQuote;
    case '-': case 0x2013: case 0x2014: case 0x2012:
      return TokenType::kDash;
    case '(': case ')': case '[': case ']':
      return TokenType::kParen;
    default:
      return TokenType::kOther;
  }
}

bool IsDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

inline bool AsciiWord(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Decodes one code point with an ASCII fast path (the common case).
inline uint32_t CodePoint(std::string_view text, size_t i, size_t* len) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  return DecodeAt(text, i, len);
}

void Tokenize(std::string_view text, std::vector<Token>& out) {
  out.reserve(text.size() / 5);
  size_t i = 0;
  int newlines = 0;
  while (i < text.size()) {
    size_t len = 0;
    uint32_t cp = CodePoint(text, i, &len);
    if (IsSpace(cp)) {
      if (cp == '\n') ++newlines;
      i += len;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.para = newlines >= 2;
    newlines = 0;
    if (IsWordCodePoint(cp)) {
      t.type = TokenType::kWord;
      t.digit = IsDigit(cp);
      uint32_t prev = cp;
      i += len;
      while (i < text.size()) {
        size_t l2 = 0;
        uint32_t c = CodePoint(text, i, &l2);
        if (c < 0x80 ? AsciiWord(static_cast<unsigned char>(c)) : IsWordCodePoint(c)) {
          prev = c;
          i += l2;
          continue;
        }
        if (i + l2 >= text.size()) break;
        // "Atom- und Raketentests", "pre- and post-war": a truncated compound
        // keeps its hyphen (a space and a conjunction follow).
        if (c == '-' && text[i + l2] == ' ' &&
            (text.substr(i + l2 + 1, 4) == "und " || text.substr(i + l2 + 1, 5) == "oder " ||
             text.substr(i + l2 + 1, 6) == "sowie " || text.substr(i + l2 + 1, 4) == "and " ||
             text.substr(i + l2 + 1, 3) == "or ")) {
          i += l2;
          break;
        }
        if (c != '-' && c != 0x2011 && c != '.' && c != ',' && c != '\'' && c != 0x2019) break;
        size_t l3 = 0;
        uint32_t next = CodePoint(text, i + l2, &l3);
        bool join = false;
        if ((c == '-' || c == 0x2011) && IsWordCodePoint(next)) join = true;
        if (c == '.' && IsWordCodePoint(next) && !IsDigit(prev) && !IsDigit(next)) {
          // "z.B", "U.S": a dot between letters with a short left part.
          join = (i - t.start) <= 3;
        }
        if ((c == '.' || c == ',') && IsDigit(prev) && IsDigit(next)) join = true;
        if ((c == '\'' || c == 0x2019) && IsWordCodePoint(next)) {
          // Keep "don't", split the possessive "Russia's".
          size_t after = i + l2 + l3;
          bool possessive = (next == 's' || next == 'S') && !WordAt(text, after);
          join = !possessive;
        }
        if (!join) break;
        prev = next;
        i += l2 + l3;
      }
      t.end = static_cast<uint32_t>(i);
      t.upper = StartsUpper(text.substr(t.start, t.end - t.start));
    } else {
      t.type = PunctType(cp);
      i += len;
      t.end = static_cast<uint32_t>(i);
    }
    out.push_back(t);
  }
}

bool IsClosingQuote(std::string_view text, const Token& t) {
  if (t.type != TokenType::kQuote) return false;
  size_t len = 0;
  uint32_t cp = DecodeAt(text, t.start, &len);
  return cp == 0x201C || cp == 0x201D || cp == '"' || cp == 0xBB || cp == 0x2019 || cp == '\'' ||
         cp == 0xAB;
}

void SplitSentences(const RulePack& pack, std::string_view text, LexedText& lexed) {
  const auto& toks = lexed.tokens;
  const auto n = static_cast<uint32_t>(toks.size());
  uint32_t begin = 0;
  auto emit = [&](uint32_t end) {
    if (end > begin) lexed.sentences.push_back(Sentence{begin, end, 0, 0});
    begin = end;
  };
  for (uint32_t k = 0; k < n; ++k) {
    if (toks[k].para && k > begin) emit(k);
    if (k - begin >= kMaxSentenceTokens) emit(k);
    if (toks[k].type != TokenType::kEnd) continue;
    bool is_dot = text[toks[k].start] == '.';
    if (is_dot && k > 0 && toks[k - 1].type == TokenType::kWord && toks[k - 1].end == toks[k].start) {
      const Token& prev = toks[k - 1];
      std::string folded = FoldCase(text.substr(prev.start, prev.end - prev.start));
      bool next_lower = k + 1 < n && toks[k + 1].type == TokenType::kWord && !toks[k + 1].upper &&
                        !toks[k + 1].digit;
      if (pack.abbreviations.count(folded)) continue;
      if (prev.end - prev.start == 1) continue;  // initial "J.", "z. B."
      bool next_word = k + 1 < n && toks[k + 1].type == TokenType::kWord;
      if (prev.digit && (next_lower || (next_word && prev.end - prev.start <= 2))) {
        continue;  // "10. Januar" style ordinals
      }
      if (next_lower && k + 1 < n && !toks[k + 1].para) continue;
    }
    uint32_t end = k + 1;
    while (end < n && (toks[end].type == TokenType::kEnd ||
                       (IsClosingQuote(text, toks[end]) && toks[end].start == toks[end - 1].end))) {
      ++end;
    }
    k = end - 1;
    emit(end);
  }
  emit(n);
}

// Hot path: called for every raw automaton hit. ASCII neighbours are decided
// without decoding UTF-8.
bool BoundaryOk(const RulePack& pack, std::string_view text, std::string_view folded,
                const RawMatch& m) {
  const LexEntry& e = pack.entries[m.entry];
  if (!e.lead_star && m.start > 0) {
    auto c = static_cast<unsigned char>(text[m.start - 1]);
    if (c < 0x80 ? AsciiWord(c) : WordBefore(text, m.start)) return false;
  }
  if (!e.trail_star && m.end < text.size()) {
    auto c = static_cast<unsigned char>(text[m.end]);
    if (c < 0x80 ? AsciiWord(c) : WordAt(text, m.end)) return false;
  }
  if (folded[m.end - 1] == '-' && !WordAt(text, m.end)) return false;
  if (!e.cased.empty() && text.substr(m.start, m.end - m.start) != e.cased) return false;
  return true;
}

}  // namespace

std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

LexedText Lex(const RulePack& pack, std::string_view text) {
  LexedText lexed;
  Tokenize(text, lexed.tokens);
  lexed.raw.reserve(text.size() / 4);
  for (const Token& t : lexed.tokens) lexed.words += t.type == TokenType::kWord;
  std::string folded = FoldCase(text);
  pack.automaton.Scan(folded, [&](size_t end, uint32_t entry) {
    RawMatch m{static_cast<uint32_t>(end - pack.automaton.pattern_length(entry)),
               static_cast<uint32_t>(end), entry};
    if (!BoundaryOk(pack, text, folded, m)) return;
    const LexEntry& e = pack.entries[entry];
    if (e.kind == EntryKind::kWord && !e.lead_star && !e.trail_star) {
      if (e.langs == kLangDe) ++lexed.de_hits;
      if (e.langs == kLangEn) ++lexed.en_hits;
    }
    lexed.raw.push_back(m);
  });
  return lexed;
}

namespace {

// "NATO Calls on Russia to Destroy Missile": in an English headline in title
// case a capital says nothing about names, so only the first word and
// all-capital words (acronyms) keep it.
void UntitleHeadlines(std::string_view text, LexedText& lexed) {
  auto& toks = lexed.tokens;
  for (const Sentence& s : lexed.sentences) {
    uint32_t words = 0, upper = 0;
    for (uint32_t t = s.tb; t < s.te; ++t) {
      if (toks[t].type != TokenType::kWord || toks[t].end - toks[t].start < 4 || toks[t].digit) continue;
      ++words;
      upper += toks[t].upper ? 1 : 0;
    }
    if (words < 4 || upper * 10 < words * 8) continue;
    for (uint32_t t = s.tb + 1; t < s.te; ++t) {
      std::string_view w = text.substr(toks[t].start, toks[t].end - toks[t].start);
      bool acronym = w.size() > 1 && std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (!acronym) toks[t].upper = false;
    }
  }
}

}  // namespace

void Resolve(const RulePack& pack, std::string_view text, uint8_t lang, LexedText& lexed) {
  auto& raw = lexed.raw;
  raw.erase(std::remove_if(raw.begin(), raw.end(),
                           [&](const RawMatch& m) { return !(pack.entries[m.entry].langs & lang); }),
            raw.end());
  // Leftmost-longest; among equal spans a content entry, then an exact term,
  // then the earlier entry (file order).
  std::sort(raw.begin(), raw.end(), [&pack](const RawMatch& a, const RawMatch& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    // On an identical span a content entry (actor, issue, cue) beats a
    // function word.
    bool aw = pack.entries[a.entry].kind == EntryKind::kWord;
    bool bw = pack.entries[b.entry].kind == EntryKind::kWord;
    if (aw != bw) return bw;
    // An exact term beats a starred one ("Bereitschaft" over "bereit*").
    bool as = pack.entries[a.entry].trail_star || pack.entries[a.entry].lead_star;
    bool bs = pack.entries[b.entry].trail_star || pack.entries[b.entry].lead_star;
    if (as != bs) return bs;
    // A party's name beats the same form listed only as its seat.
    if (pack.entries[a.entry].seat != pack.entries[b.entry].seat) return !pack.entries[a.entry].seat;
    return a.entry < b.entry;
  });
  std::vector<RawMatch> kept;
  for (const RawMatch& m : raw) {
    if (!kept.empty() && m.start < kept.back().end) continue;
    kept.push_back(m);
  }
  // Second pass: OR the roles of identical word spans.
  std::vector<uint32_t> roles(kept.size(), 0);
  {
    size_t k = 0;
    for (const RawMatch& m : raw) {
      while (k < kept.size() && (kept[k].start < m.start ||
                                 (kept[k].start == m.start && kept[k].end > m.end))) {
        ++k;
      }
      if (k < kept.size() && kept[k].start == m.start && kept[k].end == m.end &&
          pack.entries[m.entry].kind == EntryKind::kWord &&
          pack.entries[kept[k].entry].kind == EntryKind::kWord) {
        roles[k] |= pack.entries[m.entry].ref;
      }
    }
  }
  raw.clear();
  raw.shrink_to_fit();

  auto& toks = lexed.tokens;
  const size_t n = toks.size();
  size_t j = 0;
  for (size_t idx = 0; idx < kept.size(); ++idx) {
    const RawMatch& m = kept[idx];
    while (j < n && toks[j].end <= m.start) ++j;
    if (j >= n) break;
    size_t k = j;
    while (k + 1 < n && toks[k].end < m.end) ++k;
    const LexEntry& e = pack.entries[m.entry];
    bool inner = m.start > toks[j].start;
    bool partial = m.end < toks[k].end;
    if (e.kind == EntryKind::kWord) {
      if (!inner && (!partial || e.trail_star)) {
        for (size_t w = j; w <= k; ++w) toks[w].roles |= roles[idx];  // every word of "sein Land"
      }
      continue;
    }
    Mention mention;
    mention.start = m.start;
    mention.end = m.end;
    mention.tb = static_cast<uint32_t>(j);
    mention.te = static_cast<uint32_t>(k + 1);
    mention.kind = e.kind;
    mention.ref = e.ref;
    mention.genitive = e.genitive;
    mention.adjective = e.adjective;
    mention.needs_particle = e.needs_particle;
    mention.inner = inner;
    mention.partial = partial;
    mention.seat = e.seat;
    lexed.mentions.push_back(mention);
  }
  SplitSentences(pack, text, lexed);
  if (lang == kLangEn) UntitleHeadlines(text, lexed);
  AttachMentionsToSentences(lexed);
}

std::vector<int> MentionCover(const LexedText& lexed) {
  std::vector<int> cover(lexed.tokens.size(), -1);
  for (size_t m = 0; m < lexed.mentions.size(); ++m) {
    for (uint32_t t = lexed.mentions[m].tb; t < lexed.mentions[m].te && t < cover.size(); ++t) {
      cover[t] = static_cast<int>(m);
    }
  }
  return cover;
}

void AttachMentionsToSentences(LexedText& lexed) {
  size_t mi = 0;
  for (Sentence& s : lexed.sentences) {
    while (mi < lexed.mentions.size() && lexed.mentions[mi].tb < s.tb) ++mi;
    s.mb = static_cast<uint32_t>(mi);
    while (mi < lexed.mentions.size() && lexed.mentions[mi].tb < s.te) ++mi;
    s.me = static_cast<uint32_t>(mi);
  }
}

}  // namespace negograph::ingest
