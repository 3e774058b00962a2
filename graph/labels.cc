#include "graph/labels.h"

#include <utility>

namespace negograph {

namespace {

Labels Filled(const Labels& l, const std::string& label) {
  return Labels{LabelIn(l, "de", label), LabelIn(l, "en", label)};
}

}  // namespace

StatusOr<LabelBook> LabelBook::FromStore(GraphStore& store) {
  LabelBook book;
  StatusOr<std::vector<Counted<Actor>>> actors = store.ListActors();
  if (!actors.ok()) return actors.status();
  for (const auto& a : *actors) book.AddActor(a.item);
  StatusOr<std::vector<Counted<Issue>>> issues = store.ListIssues();
  if (!issues.ok()) return issues.status();
  for (const auto& i : *issues) book.AddIssue(i.item);
  StatusOr<std::vector<Counted<Person>>> people = store.ListPeople();
  if (!people.ok()) return people.status();
  for (const auto& p : *people) book.AddPerson(p.item);
  return book;
}

void LabelBook::AddActor(const Actor& a) {
  actors_[a.id] = Filled(a.labels, a.label);
  if (!a.members.empty()) members_[a.id] = a.members;
}
void LabelBook::AddIssue(const Issue& i) { issues_[i.id] = Filled(i.labels, i.label); }
void LabelBook::AddPerson(const Person& p) { people_[p.id] = Filled(p.labels, p.name); }

const Labels* LabelBook::Find(const Map& m, std::string_view id) {
  auto it = m.find(std::string(id));
  return it == m.end() ? nullptr : &it->second;
}
const Labels* LabelBook::ActorLabels(std::string_view id) const { return Find(actors_, id); }
const Labels* LabelBook::IssueLabels(std::string_view id) const { return Find(issues_, id); }
const std::vector<std::string>* LabelBook::ActorMembers(std::string_view id) const {
  auto it = members_.find(std::string(id));
  return it == members_.end() ? nullptr : &it->second;
}

void LabelBook::Relabel(Position& p, std::string_view lang) const {
  if (const Labels* l = Find(actors_, p.actor)) p.actor_label = LabelIn(*l, lang, p.actor_label);
  if (const Labels* l = Find(issues_, p.issue)) p.issue_label = LabelIn(*l, lang, p.issue_label);
  if (p.speaker.empty()) return;
  if (const Labels* l = Find(people_, p.speaker)) p.speaker_label = LabelIn(*l, lang, p.speaker_label);
}

LabelledStore::LabelledStore(GraphStore& inner, std::string lang)
    : inner_(inner), lang_(std::move(lang)) {}

StatusOr<const LabelBook*> LabelledStore::Book() {
  if (!book_) {
    StatusOr<LabelBook> book = LabelBook::FromStore(inner_);
    if (!book.ok()) return book.status();
    book_ = std::make_unique<LabelBook>(std::move(*book));
  }
  return static_cast<const LabelBook*>(book_.get());
}

StatusOr<ApplyOutcome> LabelledStore::Apply(const DocumentExtraction& extraction) {
  book_.reset();  // new nodes
  return inner_.Apply(extraction);
}
Status LabelledStore::ApplyBulk(std::span<const DocumentExtraction> extractions) {
  book_.reset();
  return inner_.ApplyBulk(extractions);
}
Status LabelledStore::RemoveDocument(std::string_view doc_id) { return inner_.RemoveDocument(doc_id); }
StatusOr<Document> LabelledStore::GetDocument(std::string_view doc_id) {
  return inner_.GetDocument(doc_id);
}
StatusOr<std::vector<Counted<Document>>> LabelledStore::ListDocuments() {
  return inner_.ListDocuments();
}

StatusOr<std::vector<Counted<Actor>>> LabelledStore::ListActors() {
  StatusOr<std::vector<Counted<Actor>>> out = inner_.ListActors();
  if (!out.ok()) return out;
  for (auto& a : *out) a.item.label = LabelIn(a.item.labels, lang_, a.item.label);
  return out;
}
StatusOr<std::vector<Counted<Issue>>> LabelledStore::ListIssues() {
  StatusOr<std::vector<Counted<Issue>>> out = inner_.ListIssues();
  if (!out.ok()) return out;
  for (auto& i : *out) i.item.label = LabelIn(i.item.labels, lang_, i.item.label);
  return out;
}
StatusOr<std::vector<Counted<Person>>> LabelledStore::ListPeople() {
  StatusOr<std::vector<Counted<Person>>> out = inner_.ListPeople();
  if (!out.ok()) return out;
  for (auto& p : *out) p.item.name = LabelIn(p.item.labels, lang_, p.item.name);
  return out;
}
Status LabelledStore::PutRound(const Round& round) { return inner_.PutRound(round); }
StatusOr<std::vector<Counted<Round>>> LabelledStore::ListRounds() {
  StatusOr<std::vector<Counted<Round>>> out = inner_.ListRounds();
  if (!out.ok()) return out;
  for (auto& r : *out) r.item.name = LabelIn(r.item.labels, lang_, r.item.name);
  return out;
}

StatusOr<Position> LabelledStore::GetPosition(std::string_view position_id) {
  StatusOr<Position> p = inner_.GetPosition(position_id);
  if (!p.ok()) return p;
  StatusOr<const LabelBook*> book = Book();
  if (!book.ok()) return book.status();
  (*book)->Relabel(*p, lang_);
  return p;
}
StatusOr<PositionPage> LabelledStore::FindPositions(const PositionFilter& filter) {
  StatusOr<PositionPage> page = inner_.FindPositions(filter);
  if (!page.ok() || page->items.empty()) return page;
  StatusOr<const LabelBook*> book = Book();
  if (!book.ok()) return book.status();
  for (Position& p : page->items) (*book)->Relabel(p, lang_);
  return page;
}
Status LabelledStore::ScanPositions(const PositionFilter& filter,
                                    const std::function<bool(const Position&)>& visit) {
  StatusOr<const LabelBook*> book = Book();
  if (!book.ok()) return book.status();
  const LabelBook* b = *book;
  return inner_.ScanPositions(filter, [&](const Position& p) {
    Position copy = p;
    b->Relabel(copy, lang_);
    return visit(copy);
  });
}
StatusOr<StoreStats> LabelledStore::Stats() { return inner_.Stats(); }

}  // namespace negograph
