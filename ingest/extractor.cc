// The extraction pipeline: one automaton pass (ingest/lexer.h), language
// detection, then sentence-by-sentence clause logic
// (ingest/clause_analyzer.h), then ids and labels.
#include "ingest/extractor.h"

#include <cstdlib>
#include <set>

#include "graph/ids.h"
#include "ingest/clause_analyzer.h"
#include "ingest/explain.h"
#include "ingest/language.h"
#include "ingest/leaders.h"
#include "ingest/lexer.h"
#include "ingest/people.h"
#include "ingest/open_issue.h"
#include "ingest/rule_pack.h"
#include "ingest/seats.h"

namespace negograph::ingest {

Extractor::Extractor(std::unique_ptr<RulePack> pack) : pack_(std::move(pack)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

StatusOr<Extractor> Extractor::Load(const std::filesystem::path& rules_dir) {
  StatusOr<std::unique_ptr<RulePack>> pack = RulePack::Load(rules_dir);
  if (!pack.ok()) return pack.status();
  return Extractor(std::move(*pack));
}

std::filesystem::path Extractor::DefaultRulesDir() {
  if (const char* env = std::getenv("NEGOGRAPH_RULES"); env != nullptr && *env != '\0') {
    return env;
  }
  return NEGOGRAPH_SOURCE_RULES_DIR;
}

const std::string& Extractor::rules_version() const { return pack_->version; }

namespace {

std::string SpanText(std::string_view text, Span s) {
  if (s.end > text.size() || s.empty()) return {};
  return std::string(text.substr(s.start, s.end - s.start));
}

// A document without its text (what a window's extraction carries).
Document Header(const Document& d) {
  Document h;
  h.id = d.id, h.name = d.name, h.title = d.title, h.date = d.date, h.lang = d.lang;
  h.source = d.source, h.round = d.round, h.rules_version = d.rules_version;
  return h;
}

bool IsUtf8Start(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

// A window ends after a paragraph break when one lies in its second half,
// else after a line end, else after a sentence end (". "), else before a
// space, else at a character boundary. Lex never sees a window's neighbours,
// so a cut inside a sentence would split it: paragraph breaks come first.
size_t WindowEnd(std::string_view text, size_t start, size_t window_bytes) {
  if (window_bytes == 0 || text.size() - start <= window_bytes) return text.size();
  const size_t limit = start + window_bytes, half = start + window_bytes / 2;
  // Only the window's second half is searched: linear in the text overall.
  std::string_view tail = text.substr(half, limit - half);
  for (std::string_view mark : {"\n\n", "\n", ". "}) {
    size_t at = tail.rfind(mark);
    if (at != std::string_view::npos) return half + at + mark.size();
  }
  size_t space = tail.rfind(' ');
  if (space != std::string_view::npos && half + space > start) return half + space;
  size_t cut = limit;
  while (cut > start + 1 && !IsUtf8Start(text[cut])) --cut;
  return cut;
}

StatusOr<DocumentExtraction> Extractor::Extract(const Document& document) const {
  return Extract(document, nullptr);
}

StatusOr<std::string> Extractor::Language(const Document& document, size_t window_bytes) const {
  if (!document.lang.empty()) {
    if (document.lang != "de" && document.lang != "en") {
      return Status::Unsupported("language '" + document.lang + "' has no rule pack (de, en)");
    }
    return document.lang;
  }
  // The function-word counts of the whole text, one window's tokens at a time.
  uint32_t de = 0, en = 0, words = 0;
  std::string_view text = document.text;
  for (size_t start = 0; start < text.size();) {
    size_t end = WindowEnd(text, start, window_bytes);
    LexedText lexed = Lex(*pack_, text.substr(start, end - start));
    de += lexed.de_hits, en += lexed.en_hits, words += lexed.words;
    start = end;
  }
  return DetectLanguage(de, en, words);
}

Status Extractor::ExtractWindows(
    const Document& document, size_t window_bytes,
    const std::function<Status(DocumentExtraction&&)>& emit) const {
  if (document.text.size() > UINT32_MAX / 2) {
    return Status::TooLarge(document.name + ": text too large");
  }
  StatusOr<std::string> lang = Language(document, window_bytes);
  if (!lang.ok()) return lang.status();
  std::string_view text = document.text;
  uint32_t sentence = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = WindowEnd(text, start, window_bytes);
    DocumentExtraction part;
    part.document = Header(document);
    part.document.lang = *lang;
    part.document.rules_version = pack_->version;
    std::string_view window = text.substr(start, end - start);
    ExtractWindow(document, *lang, static_cast<uint32_t>(start), window, Lex(*pack_, window),
                  sentence, nullptr, part);
    NEGOGRAPH_RETURN_IF_ERROR(emit(std::move(part)));
    start = end;
  }
  return Status::Ok();
}

StatusOr<DocumentExtraction> Extractor::Extract(const Document& document, ExtractionTrace* trace) const {
  if (document.text.size() > UINT32_MAX / 2) return Status::TooLarge(document.name + ": text too large");
  // One lexer pass serves language detection and extraction.
  LexedText lexed = Lex(*pack_, document.text);
  StatusOr<std::string> lang = document.lang;
  if (document.lang.empty()) {
    lang = DetectLanguage(lexed.de_hits, lexed.en_hits, lexed.words);
  } else if (document.lang != "de" && document.lang != "en") {
    lang = Status::Unsupported("language '" + document.lang + "' has no rule pack (de, en)");
  }
  if (!lang.ok()) return lang.status();
  if (trace != nullptr) trace->lang = *lang;
  DocumentExtraction out;
  uint32_t sentence = 0;
  ExtractWindow(document, *lang, 0, document.text, std::move(lexed), sentence, trace, out);
  out.document = document;
  out.document.lang = *lang;
  out.document.rules_version = pack_->version;
  return out;
}

void Extractor::ExtractWindow(const Document& document, const std::string& lang, uint32_t base,
                              std::string_view text, LexedText lexed, uint32_t& sentence_base,
                              ExtractionTrace* trace, DocumentExtraction& out) const {
  const RulePack& pack = *pack_;
  const uint8_t mask = lang == "de" ? kLangDe : kLangEn;
  Resolve(pack, text, mask, lexed);
  SeatComposer(pack, text, mask, lexed).Run();
  AddIntroducedPeople(text, mask, lexed);
  LeaderResolver(pack, text, mask, DocumentDay(document.date), lexed).Run();
  // Window offsets -> document offsets (an empty span stays {0, 0}).
  auto shift = [base](Span s) { return s.empty() ? s : Span{s.start + base, s.end + base}; };

  Discourse discourse;
  std::vector<Draft> drafts;
  std::vector<uint32_t> draft_sentence;
  for (uint32_t i = 0; i < lexed.sentences.size(); ++i) {
    const Sentence& s = lexed.sentences[i];
    SentenceTrace* sentence_trace = nullptr;
    if (trace != nullptr && s.me > s.mb) sentence_trace = &trace->sentences.emplace_back();
    AnalyzeSentence(pack, text, mask, lexed, i, discourse, drafts, sentence_trace);
    draft_sentence.resize(drafts.size(), i);
  }

  std::set<std::string> seen_actors, seen_issues, seen_people;
  // A lexicon actor: the node carries both labels (its id and `label` never
  // depend on the document's language); positions quote the document's one.
  auto labelled = [&](int index) {
    const ActorRule& rule = pack.actors[static_cast<size_t>(index)];
    Actor a = rule.actor;
    a.label = rule.label_en;
    a.labels = {rule.label_de, rule.label_en};
    a.members = rule.members;
    return a;
  };
  auto in_lang = [&](const Labels& l) { return LabelIn(l, lang, l.en); };
  for (size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    // A pronoun, a generic head, a nationality or a person is not an issue.
    if (d.issue < 0 && !OpenIssueNoise(d.open_label, pack).empty()) continue;
    const Sentence& s = lexed.sentences[draft_sentence[k]];
    Actor holder;
    if (d.actor >= 0) {
      holder = labelled(d.actor);
    } else {
      // An organisation the lexicon does not know: kept as an open-vocabulary node.
      holder.id = "open:" + NormalizeKey(d.open_actor);
      holder.label = d.open_actor;
      holder.labels = {d.open_actor, d.open_actor};
      holder.type = "other";
    }
    Position p;
    p.actor = holder.id;
    p.actor_label = in_lang(holder.labels);
    p.stance = d.stance;
    Issue issue;
    if (d.issue >= 0) {
      const IssueRule& ir = pack.issues[static_cast<size_t>(d.issue)];
      issue = ir.issue;
      issue.label = ir.label_en;
      issue.labels = {ir.label_de, ir.label_en};
    } else {
      issue = OpenIssue(d.open_label, lang);
    }
    p.issue = issue.id;
    p.issue_label = in_lang(issue.labels);
    p.open_issue = issue.open;
    if (d.speaker >= 0) {
      const Person& person = pack.speakers[static_cast<size_t>(d.speaker)].person;
      p.speaker = person.id;
      p.speaker_label = person.name;
      if (seen_people.insert(person.id).second) {
        out.people.push_back(person);
        out.people.back().labels = {person.name, person.name};
      }
    }
    if (d.target >= 0) {
      Actor target = labelled(d.target);
      p.target = target.id;
      if (seen_actors.insert(target.id).second) out.actors.push_back(std::move(target));
    }
    p.condition = d.condition;
    p.negated = d.negated;
    p.round = document.round;
    p.evidence.doc_id = document.id;
    p.evidence.doc_name = document.name;
    p.evidence.sentence = sentence_base + draft_sentence[k];
    Span quoted{lexed.tokens[s.tb].start, lexed.tokens[s.te - 1].end};
    p.evidence.quote = SpanText(text, quoted);
    p.evidence.span = shift(quoted);
    p.evidence.cue = shift(d.cue);
    p.evidence.actor_span = shift(d.actor_span);
    p.evidence.issue_span = shift(d.issue_span);
    p.rule = d.rule;
    p.confidence = d.confidence;
    p.id = PositionId(document.id, p.evidence.sentence, p.actor, p.stance, p.issue);
    if (seen_actors.insert(holder.id).second) out.actors.push_back(holder);
    if (seen_issues.insert(issue.id).second) out.issues.push_back(issue);
    out.positions.push_back(std::move(p));
  }
  sentence_base += static_cast<uint32_t>(lexed.sentences.size());
}

}  // namespace negograph::ingest
