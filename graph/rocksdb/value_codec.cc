#include "graph/rocksdb/value_codec.h"

#include <bit>
#include <cstring>

namespace negograph::store {
namespace {

class Writer {
 public:
  explicit Writer(size_t reserve = 64) { out_.reserve(reserve); }
  void U8(uint8_t v) { out_ += static_cast<char>(v); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void Str(std::string_view s) {
    Varint(s.size());
    out_.append(s.data(), s.size());
  }
  void F32(float f) {
    uint32_t bits = std::bit_cast<uint32_t>(f);
    for (int i = 0; i < 4; ++i) U8(static_cast<uint8_t>(bits >> (8 * i)));
  }
  void SpanOf(const Span& s) {
    Varint(s.start);
    Varint(s.end);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads fields in order; the first failure sticks and every later read
// returns defaults, so decoders check ok() once at the end.
class Reader {
 public:
  Reader(std::string_view in, const char* what) : in_(in), what_(what) {}
  uint8_t U8() {
    if (!Need(1)) return 0;
    auto v = static_cast<uint8_t>(in_[pos_]);
    ++pos_;
    return v;
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!Need(1)) return 0;
      auto b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    Fail("varint too long");
    return 0;
  }
  uint32_t U32() {
    uint64_t v = Varint();
    if (v > UINT32_MAX) Fail("number out of range");
    return static_cast<uint32_t>(v);
  }
  void Str(std::string* s) {
    uint64_t n = Varint();
    if (!Need(n)) return;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view View() {
    uint64_t n = Varint();
    if (!Need(n)) return {};
    std::string_view v(in_.data() + pos_, n);
    pos_ += n;
    return v;
  }
  float F32() {
    uint32_t bits = 0;
    for (int i = 0; i < 4; ++i) bits |= static_cast<uint32_t>(U8()) << (8 * i);
    return std::bit_cast<float>(bits);
  }
  void SpanOf(Span* s) {
    s->start = U32();
    s->end = U32();
  }
  void Version() {
    uint8_t v = U8();
    if (ok() && v != kRecordVersion) Fail("unknown record version " + std::to_string(v));
  }
  void Kind(NodeKind expected) {
    uint8_t k = U8();
    if (ok() && k != static_cast<uint8_t>(expected)) Fail("wrong node kind " + std::to_string(k));
  }
  // Node and round records: version 2 (schema 3) ends with the {de, en}
  // labels; version 1 (schema 2) has none, and its labels stay empty
  // (LabelIn falls back to the single label).
  void LabelledVersion() {
    uint8_t v = U8();
    if (ok() && v != kRecordVersion && v != kLabelledRecordVersion) {
      Fail("unknown record version " + std::to_string(v));
    }
    labelled_ = v == kLabelledRecordVersion;
  }
  void OptionalLabels(Labels* l) {
    if (!labelled_) return;
    Str(&l->de);
    Str(&l->en);
  }
  void Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
  }
  bool ok() const { return error_.empty(); }
  size_t remaining() const { return in_.size() - pos_; }
  Status Finish() {
    if (ok() && pos_ != in_.size()) Fail(std::to_string(in_.size() - pos_) + " trailing bytes");
    if (ok()) return Status::Ok();
    return Status::Corruption(std::string(what_) + " record does not decode: " + error_);
  }

 private:
  bool Need(uint64_t n) {
    if (!ok()) return false;
    if (n > in_.size() - pos_) {
      Fail("truncated at byte " + std::to_string(pos_));
      return false;
    }
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
  const char* what_;
  std::string error_;
  bool labelled_ = false;
};

}  // namespace

std::string EncodePosition(const Position& p) {
  Writer w(128 + p.evidence.quote.size());
  w.U8(kRecordVersion);
  w.Str(p.actor);
  w.Str(p.actor_label);
  w.U8(static_cast<uint8_t>(p.stance));
  w.Str(p.issue);
  w.Str(p.issue_label);
  w.U8(static_cast<uint8_t>((p.open_issue ? 1 : 0) | (p.negated ? 2 : 0)));
  w.Str(p.speaker);
  w.Str(p.speaker_label);
  w.Str(p.target);
  w.Str(p.condition);
  w.Str(p.round);
  const Evidence& e = p.evidence;
  w.Str(e.doc_id);
  w.Str(e.doc_name);
  w.Varint(e.sentence);
  w.SpanOf(e.span);
  w.Str(e.quote);
  w.SpanOf(e.cue);
  w.SpanOf(e.actor_span);
  w.SpanOf(e.issue_span);
  w.Str(p.rule);
  w.F32(p.confidence);
  return w.Take();
}

bool PeekPositionHead(std::string_view bytes, PositionHead* head) {
  Reader r(bytes, "position");
  r.Version();
  head->actor = r.View();
  r.View();  // actor_label
  uint8_t stance = r.U8();
  head->stance = static_cast<Stance>(stance);
  head->issue = r.View();
  return r.ok() && stance >= 1 && stance <= kAllStances.size();
}

Status DecodePosition(std::string_view bytes, Position* p) {
  Reader r(bytes, "position");
  r.Version();
  r.Str(&p->actor);
  r.Str(&p->actor_label);
  uint8_t stance = r.U8();
  if (r.ok() && (stance < 1 || stance > kAllStances.size())) {
    r.Fail("bad stance " + std::to_string(stance));
  }
  p->stance = static_cast<Stance>(stance);
  r.Str(&p->issue);
  r.Str(&p->issue_label);
  uint8_t flags = r.U8();
  if (r.ok() && (flags & ~3u) != 0) r.Fail("bad flags");
  p->open_issue = (flags & 1) != 0;
  p->negated = (flags & 2) != 0;
  r.Str(&p->speaker);
  r.Str(&p->speaker_label);
  r.Str(&p->target);
  r.Str(&p->condition);
  r.Str(&p->round);
  Evidence& e = p->evidence;
  r.Str(&e.doc_id);
  r.Str(&e.doc_name);
  e.sentence = r.U32();
  r.SpanOf(&e.span);
  r.Str(&e.quote);
  r.SpanOf(&e.cue);
  r.SpanOf(&e.actor_span);
  r.SpanOf(&e.issue_span);
  r.Str(&p->rule);
  p->confidence = r.F32();
  return r.Finish();
}

std::string EncodeDocument(const Document& d, uint64_t positions) {
  Writer w;
  w.U8(kRecordVersion);
  for (const std::string* s : {&d.name, &d.title, &d.date, &d.lang, &d.source, &d.round,
                               &d.rules_version}) {
    w.Str(*s);
  }
  w.Varint(positions);
  return w.Take();
}

Status DecodeDocument(std::string_view bytes, Document* d, uint64_t* positions) {
  Reader r(bytes, "document");
  r.Version();
  for (std::string* s : {&d->name, &d->title, &d->date, &d->lang, &d->source, &d->round,
                         &d->rules_version}) {
    r.Str(s);
  }
  *positions = r.Varint();
  return r.Finish();
}

std::string EncodeRound(const Round& x) {
  Writer w;
  w.U8(kLabelledRecordVersion);
  for (const std::string* s : {&x.id, &x.name, &x.place, &x.date_from, &x.date_to, &x.format}) {
    w.Str(*s);
  }
  w.Varint(x.participants.size());
  for (const std::string& s : x.participants) w.Str(s);
  w.Str(x.labels.de);
  w.Str(x.labels.en);
  return w.Take();
}

Status DecodeRound(std::string_view bytes, Round* x) {
  Reader r(bytes, "round");
  r.LabelledVersion();
  for (std::string* s : {&x->id, &x->name, &x->place, &x->date_from, &x->date_to, &x->format}) {
    r.Str(s);
  }
  uint64_t n = r.Varint();
  if (n > bytes.size()) r.Fail("participant count out of range");
  x->participants.clear();
  for (uint64_t i = 0; r.ok() && i < n; ++i) r.Str(&x->participants.emplace_back());
  r.OptionalLabels(&x->labels);
  return r.Finish();
}

std::string EncodeActor(const Actor& a) {
  Writer w;
  w.U8(kLabelledRecordVersion);
  w.U8(static_cast<uint8_t>(NodeKind::kActor));
  w.Str(a.id);
  w.Str(a.label);
  w.Str(a.type);
  w.Str(a.labels.de);
  w.Str(a.labels.en);
  // Schema 4: a bloc's members follow (absent = none, as in schema-3 records).
  if (!a.members.empty()) {
    w.Varint(a.members.size());
    for (const std::string& m : a.members) w.Str(m);
  }
  return w.Take();
}

std::string EncodeIssue(const Issue& i) {
  Writer w;
  w.U8(kLabelledRecordVersion);
  w.U8(static_cast<uint8_t>(NodeKind::kIssue));
  w.Str(i.id);
  w.Str(i.label);
  w.U8(static_cast<uint8_t>((i.open ? 1 : 0) | (i.untranslated ? 2 : 0)));
  w.Str(i.labels.de);
  w.Str(i.labels.en);
  return w.Take();
}

std::string EncodePerson(const Person& p) {
  Writer w;
  w.U8(kLabelledRecordVersion);
  w.U8(static_cast<uint8_t>(NodeKind::kPerson));
  w.Str(p.id);
  w.Str(p.name);
  w.Str(p.party);
  w.Str(p.role);
  w.Str(p.labels.de);
  w.Str(p.labels.en);
  return w.Take();
}

std::string EncodeRoundRef(std::string_view round_id) {
  Writer w;
  w.U8(kRecordVersion);
  w.U8(static_cast<uint8_t>(NodeKind::kRound));
  w.Str(round_id);
  return w.Take();
}

Status DecodeActor(std::string_view bytes, Actor* a) {
  Reader r(bytes, "actor");
  r.LabelledVersion();
  r.Kind(NodeKind::kActor);
  r.Str(&a->id);
  r.Str(&a->label);
  r.Str(&a->type);
  r.OptionalLabels(&a->labels);
  a->members.clear();
  if (r.ok() && r.remaining() > 0) {
    uint64_t n = r.Varint();
    if (n > bytes.size()) r.Fail("member count out of range");
    for (uint64_t i = 0; r.ok() && i < n; ++i) r.Str(&a->members.emplace_back());
  }
  return r.Finish();
}

Status DecodeIssue(std::string_view bytes, Issue* i) {
  Reader r(bytes, "issue");
  r.LabelledVersion();
  r.Kind(NodeKind::kIssue);
  r.Str(&i->id);
  r.Str(&i->label);
  uint8_t flags = r.U8();
  if (r.ok() && flags > 3) r.Fail("bad issue flags");
  i->open = (flags & 1) != 0;
  i->untranslated = (flags & 2) != 0;
  r.OptionalLabels(&i->labels);
  return r.Finish();
}

Status DecodePerson(std::string_view bytes, Person* p) {
  Reader r(bytes, "person");
  r.LabelledVersion();
  r.Kind(NodeKind::kPerson);
  r.Str(&p->id);
  r.Str(&p->name);
  r.Str(&p->party);
  r.Str(&p->role);
  r.OptionalLabels(&p->labels);
  return r.Finish();
}

Status DecodeRoundRef(std::string_view bytes, std::string* round_id) {
  Reader r(bytes, "round reference");
  r.Version();
  r.Kind(NodeKind::kRound);
  r.Str(round_id);
  return r.Finish();
}

}  // namespace negograph::store
