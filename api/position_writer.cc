#include "api/position_writer.h"

#include <charconv>
#include <cmath>

namespace negograph::api {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid
// (overlong forms, surrogates and code points past U+10FFFF included).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  unsigned char c = byte(i);
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

void AppendUnsigned(std::string& out, uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out.append(buf, end);
}

// As nlohmann dumps a double: shortest round-trip digits, ".0" for
// integral values, null for NaN and infinities.
void AppendDouble(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  std::string_view digits(buf, static_cast<size_t>(end - buf));
  out += digits;
  if (digits.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void AppendSpan(std::string& out, const Span& span) {
  out += '[';
  AppendUnsigned(out, span.start);
  out += ',';
  AppendUnsigned(out, span.end);
  out += ']';
}

void Key(std::string& out, std::string_view key) {
  out += '"';
  out += key;
  out += "\":";
}

void StringField(std::string& out, std::string_view key, std::string_view value) {
  Key(out, key);
  AppendJsonString(out, value);
  out += ',';
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      size_t run = i + 1;
      while (run < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[run]);
        if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') break;
        ++run;
      }
      out.append(s.data() + i, run - i);
      i = run;
      continue;
    }
    if (c >= 0x80) {
      size_t n = Utf8SequenceLength(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      } else {
        out.append(s.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    ++i;
  }
  out += '"';
}

void AppendPositionJson(std::string& out, const Position& p) {
  // Keys in sorted order, as nlohmann's std::map-backed objects print them.
  out += '{';
  StringField(out, "actor", p.actor);
  StringField(out, "actor_label", p.actor_label);
  Key(out, "actor_span");
  AppendSpan(out, p.evidence.actor_span);
  out += ',';
  StringField(out, "condition", p.condition);
  Key(out, "confidence");
  AppendDouble(out, ShortConfidence(p.confidence));
  out += ',';
  Key(out, "cue");
  AppendSpan(out, p.evidence.cue);
  out += ',';
  StringField(out, "doc", p.evidence.doc_name);
  StringField(out, "doc_id", p.evidence.doc_id);
  Key(out, "end");
  AppendUnsigned(out, p.evidence.span.end);
  out += ',';
  StringField(out, "id", p.id);
  StringField(out, "issue", p.issue);
  StringField(out, "issue_label", p.issue_label);
  Key(out, "issue_span");
  AppendSpan(out, p.evidence.issue_span);
  out += ',';
  Key(out, "negated");
  out += p.negated ? "true," : "false,";
  Key(out, "open_issue");
  out += p.open_issue ? "true," : "false,";
  StringField(out, "quote", p.evidence.quote);
  StringField(out, "round", p.round);
  StringField(out, "rule", p.rule);
  Key(out, "sentence");
  AppendUnsigned(out, p.evidence.sentence);
  out += ',';
  StringField(out, "speaker", p.speaker);
  StringField(out, "speaker_label", p.speaker_label);
  StringField(out, "stance", StanceName(p.stance));
  Key(out, "start");
  AppendUnsigned(out, p.evidence.span.start);
  out += ',';
  Key(out, "target");
  AppendJsonString(out, p.target);
  out += '}';
}

std::string PositionPageJson(const PositionPage& page) {
  std::string out;
  out.reserve(64 + page.items.size() * 512);
  out += "{\"items\":[";
  for (size_t i = 0; i < page.items.size(); ++i) {
    if (i > 0) out += ',';
    AppendPositionJson(out, page.items[i]);
  }
  out += "],\"next_cursor\":";
  if (page.next_cursor.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, page.next_cursor);
  }
  out += '}';
  return out;
}

}  // namespace negograph::api
