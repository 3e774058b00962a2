// The position extractor: text -> positions, driven by data-only rule packs.
// It never sees a store.
//
// Thread safety: a loaded Extractor is immutable; Extract() may run on many
// threads at once.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace negograph::ingest {

class RulePack;  // ingest/rule_pack.h
struct ExtractionTrace;  // ingest/explain.h
struct LexedText;  // ingest/lexer.h

// Window size of ExtractWindows for large documents (bytes of text).
inline constexpr size_t kExtractWindowBytes = 2u << 20;

// Where the window starting at `start` ends: after a paragraph break in its
// second half, else a line end, a sentence end (". "), a space, or a UTF-8
// character boundary. The whole rest when it fits in `window_bytes`.
size_t WindowEnd(std::string_view text, size_t start, size_t window_bytes);

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

  // Streaming form for large documents: the text is cut into windows of
  // about `window_bytes` (WindowEnd) and each window is lexed, analysed and
  // handed to `emit` as one part: the document's header (no text; lang and
  // rules_version set), the window's positions with document-wide sentence
  // numbers and byte offsets, and the nodes they reference. Memory is one
  // window's tokens and positions, not the document's. The discourse state
  // (current speaker, last subject) restarts at each window, so positions
  // may differ from Extract's only in a window's first sentences. Stops at
  // the first error `emit` returns.
  Status ExtractWindows(const Document& document, size_t window_bytes,
                        const std::function<Status(DocumentExtraction&&)>& emit) const;
  // The document's language: its `lang` when set (Unsupported unless de or
  // en), else detected from the whole text, lexed window by window.
  StatusOr<std::string> Language(const Document& document, size_t window_bytes) const;

  // A hash of every rule pack's content: changes when any rule changes.
  const std::string& rules_version() const;

 private:
  explicit Extractor(std::unique_ptr<RulePack> pack);
  // Extracts the window `text` that starts at byte `base` of `document`,
  // numbering its sentences from `sentence_base` (advanced past them).
  void ExtractWindow(const Document& document, const std::string& lang, uint32_t base,
                     std::string_view text, LexedText lexed, uint32_t& sentence_base,
                     ExtractionTrace* trace, DocumentExtraction& out) const;
  std::unique_ptr<RulePack> pack_;
};

}  // namespace negograph::ingest
