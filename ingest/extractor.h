// The position extractor: text -> positions, driven by data-only rule packs.
// It never sees a store.
//
// Thread safety: a loaded Extractor is immutable; Extract() may run on many
// threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace negograph::ingest {

class RulePack;  // ingest/rule_pack.h
struct ExtractionTrace;  // ingest/explain.h

class Extractor {
 public:
  // Loads and validates every rule pack under `rules_dir`. Errors name the
  // file, the line and what is wrong.
  static StatusOr<Extractor> Load(const std::filesystem::path& rules_dir);

  // The rules directory shipped with negograph: $NEGOGRAPH_RULES when set,
  // else the installed or source-tree ingest/rules.
  static std::filesystem::path DefaultRulesDir();

  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  // Extracts the positions of one document. Detects the language when
  // `document.lang` is empty; Unsupported for a language without rules.
  // Fills DocumentExtraction::document (with lang and rules_version set),
  // positions, and the actors, issues and people they reference. Every
  // position carries document.round: callers set the round before Extract.
  StatusOr<DocumentExtraction> Extract(const Document& document) const;
  // The same, recording what each stage saw in `trace` (ingest/explain.h);
  // slower, for `negograph extract --explain`.
  StatusOr<DocumentExtraction> Extract(const Document& document, ExtractionTrace* trace) const;

  // A hash of every rule pack's content: changes when any rule changes.
  const std::string& rules_version() const;

 private:
  explicit Extractor(std::unique_ptr<RulePack> pack);
  std::unique_ptr<RulePack> pack_;
};

}  // namespace negograph::ingest
