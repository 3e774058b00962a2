// Labels per language for what a store holds, and a GraphStore view that
// answers in one language. Positions are stored with the labels of their
// document's language (what the extractor read); the nodes carry both
// (model.h Labels). A reader that asks for "de" or "en" gets every node and
// every position labelled in that language, so a German and an English
// report of the same round read as one graph.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph_store.h"
#include "graph/model.h"
#include "graph/status.h"

namespace negograph {

// id -> Labels of the actors, issues and people of a store. A node stored
// without labels has its one label in both languages.
class LabelBook {
 public:
  static StatusOr<LabelBook> FromStore(GraphStore& store);

  void AddActor(const Actor& a);
  void AddIssue(const Issue& i);
  void AddPerson(const Person& p);
  // nullptr for an id the book does not know.
  const Labels* ActorLabels(std::string_view id) const;
  const Labels* IssueLabels(std::string_view id) const;
  // The member parties of a bloc or alliance (Actor::members); nullptr when none.
  const std::vector<std::string>* ActorMembers(std::string_view id) const;

  // Sets actor_label, issue_label and speaker_label to their `lang` labels;
  // an id the book does not know keeps its label.
  void Relabel(Position& p, std::string_view lang) const;

 private:
  using Map = std::unordered_map<std::string, Labels>;
  static const Labels* Find(const Map& m, std::string_view id);
  Map actors_, issues_, people_;
  std::unordered_map<std::string, std::vector<std::string>> members_;
};

// A GraphStore that forwards to `inner` and labels what it returns in
// `lang` ("de" | "en"): Actor/Issue::label, Person::name, Round::name and
// the labels of every position. Writes pass through unchanged. The label
// book is read from `inner` on first use (one scan of the node lists).
// Not thread-safe: one view per request or command.
class LabelledStore : public GraphStore {
 public:
  LabelledStore(GraphStore& inner, std::string lang);
  const std::string& lang() const { return lang_; }

  StatusOr<ApplyOutcome> Apply(const DocumentExtraction& extraction) override;
  Status ApplyBulk(std::span<const DocumentExtraction> extractions) override;
  Status RemoveDocument(std::string_view doc_id) override;
  StatusOr<Document> GetDocument(std::string_view doc_id) override;
  StatusOr<std::vector<Counted<Document>>> ListDocuments() override;
  StatusOr<std::vector<Counted<Actor>>> ListActors() override;
  StatusOr<std::vector<Counted<Issue>>> ListIssues() override;
  StatusOr<std::vector<Counted<Person>>> ListPeople() override;
  Status PutRound(const Round& round) override;
  StatusOr<std::vector<Counted<Round>>> ListRounds() override;
  StatusOr<Position> GetPosition(std::string_view position_id) override;
  StatusOr<PositionPage> FindPositions(const PositionFilter& filter) override;
  Status ScanPositions(const PositionFilter& filter,
                       const std::function<bool(const Position&)>& visit) override;
  StatusOr<StoreStats> Stats() override;

 private:
  StatusOr<const LabelBook*> Book();
  GraphStore& inner_;
  std::string lang_;
  std::unique_ptr<LabelBook> book_;
};

}  // namespace negograph
