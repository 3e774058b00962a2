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
#include "ingest/lexer.h"
#include "ingest/people.h"
#include "ingest/open_issue.h"
#include "ingest/rule_pack.h"

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

}  // namespace

StatusOr<DocumentExtraction> Extractor::Extract(const Document& document) const {
  return Extract(document, nullptr);
}

StatusOr<DocumentExtraction> Extractor::Extract(const Document& document, ExtractionTrace* trace) const {
  const RulePack& pack = *pack_;
  std::string_view text = document.text;
  DocumentExtraction out;
  out.document = document;
  out.document.rules_version = pack.version;
  if (text.size() > UINT32_MAX / 2) return Status::TooLarge(document.name + ": text too large");

  LexedText lexed = Lex(pack, text);
  std::string lang = document.lang;
  if (lang.empty()) {
    StatusOr<std::string> detected = DetectLanguage(lexed.de_hits, lexed.en_hits, lexed.words);
    if (!detected.ok()) return detected.status();
    lang = *detected;
  } else if (lang != "de" && lang != "en") {
    return Status::Unsupported("language '" + lang + "' has no rule pack (de, en)");
  }
  out.document.lang = lang;
  if (trace != nullptr) trace->lang = lang;
  const uint8_t mask = lang == "de" ? kLangDe : kLangEn;
  Resolve(pack, text, mask, lexed);
  AddIntroducedPeople(text, mask, lexed);

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
    p.evidence.sentence = draft_sentence[k];
    p.evidence.span = Span{lexed.tokens[s.tb].start, lexed.tokens[s.te - 1].end};
    p.evidence.quote = SpanText(text, p.evidence.span);
    p.evidence.cue = d.cue;
    p.evidence.actor_span = d.actor_span;
    p.evidence.issue_span = d.issue_span;
    p.rule = d.rule;
    p.confidence = d.confidence;
    p.id = PositionId(document.id, p.evidence.sentence, p.actor, p.stance, p.issue);
    if (seen_actors.insert(holder.id).second) out.actors.push_back(holder);
    if (seen_issues.insert(issue.id).second) out.issues.push_back(issue);
    out.positions.push_back(std::move(p));
  }
  return out;
}

}  // namespace negograph::ingest
