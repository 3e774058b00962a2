// `negograph extract`: documents in, positions out. With `-` it is a pure
// line filter (one JSON document per line on stdin, JSONL positions or whole
// DocumentExtractions on stdout), deterministic, for GNU parallel or Spark's
// RDD.pipe: the contract is in docs/scale-out.md.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/explain_print.h"
#include "cli/progress.h"
#include "graph/labels.h"
#include "graph/model_json.h"
#include "ingest/document_reader.h"
#include "ingest/explain.h"
#include "ingest/extractor.h"

namespace negograph::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  std::string rules;
  std::string text;   // --text: one text given on the command line
  std::string lang;   // --lang for --text (detected when empty)
  std::string labels; // --labels de|en: labels of the output (empty: each document's language)
  std::string errors = "text";  // stderr records of failed inputs: "text" or "jsonl"
  bool explain = false;
  bool explain_json = false;
};

// One failed input on stderr: a readable line, or with --errors jsonl
// {"input":"stdin:7","line":7,"error":"..."} so a cluster job can collect them.
void ReportError(const std::string& errors, std::string_view where, size_t line_no,
                 const std::string& message) {
  if (errors == "jsonl") {
    nlohmann::json j = {{"input", where}, {"error", message}};
    if (line_no > 0) j["line"] = line_no;
    std::cerr << j.dump() << "\n";
  } else {
    std::cerr << "negograph extract: " << where << ": " << message << "\n";
  }
}

void PrintTableHeader() {
  std::printf("%-22s %-14s %-9s %-32s %-12s %s\n", "doc", "actor", "stance", "issue", "speaker",
              "condition");
}

void PrintTableRow(const Position& p) {
  std::printf("%-22s %-14s %-9s %-32s %-12s %s\n", p.evidence.doc_name.c_str(), p.actor.c_str(),
              std::string(StanceName(p.stance)).c_str(), p.issue.c_str(), p.speaker.c_str(),
              p.condition.c_str());
}

class Printer {
 public:
  // explain: "" (positions), "text" or "jsonl" (the stage trace instead).
  Printer(std::string format, std::string explain, std::string labels)
      : format_(std::move(format)), explain_(std::move(explain)), labels_(std::move(labels)) {
    if (format_ == "table" && explain_.empty()) PrintTableHeader();
  }
  bool explaining() const { return !explain_.empty(); }
  void AddTrace(const ingest::ExtractionTrace& trace) {
    std::string out = explain_ == "jsonl" ? TraceToJsonLines(trace) : TraceToText(trace);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  void Add(const DocumentExtraction& extraction) {
    if (format_ == "extractions") {  // the whole document: `ingest --from-jsonl` reads it
      std::string line = nlohmann::json(extraction).dump();
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), stdout);
      return;
    }
    LabelBook book;
    if (!labels_.empty()) {
      for (const Actor& a : extraction.actors) book.AddActor(a);
      for (const Issue& i : extraction.issues) book.AddIssue(i);
      for (const Person& x : extraction.people) book.AddPerson(x);
    }
    for (Position p : extraction.positions) {
      if (!labels_.empty()) book.Relabel(p, labels_);
      if (format_ == "jsonl") {
        std::string line = PositionToJsonLine(p);
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), stdout);
      } else if (format_ == "json") {
        all_.push_back(p);
      } else {
        PrintTableRow(p);
      }
    }
  }
  void Finish() {
    if (format_ == "json") std::cout << nlohmann::json(all_).dump(2) << "\n";
    std::fflush(stdout);
  }

 private:
  std::string format_;
  std::string explain_;
  std::string labels_;
  std::vector<Position> all_;
};

// Runs the extractor on one document; reports problems on stderr.
// Returns false when the document failed (not for a skipped language).
// `where` names the input (file path or stdin line) in messages.
bool ExtractOne(const ingest::Extractor& extractor, const Document& doc, std::string_view where,
                Printer& printer, const std::string& errors = "text", size_t line_no = 0) {
  ingest::ExtractionTrace trace;
  StatusOr<DocumentExtraction> result = extractor.Extract(doc, printer.explaining() ? &trace : nullptr);
  if (!result.ok()) {
    if (result.status().code() == StatusCode::kUnsupported) {
      std::cerr << "negograph extract: skipped " << where << ": "
                << result.status().message() << "\n";
      return true;
    }
    ReportError(errors, where, line_no, result.status().ToString());
    return false;
  }
  if (printer.explaining()) {
    printer.AddTrace(trace);
  } else {
    printer.Add(*result);
  }
  return true;
}

// One JSON object per line: {"name"|"id", "text", optional "date", "lang",
// "round", "title", "source"}.
// Output follows input order and depends on nothing but the line, so shards
// of one corpus merge into the bytes of one run (docs/scale-out.md).
int RunLineFilter(const ingest::Extractor& extractor, Printer& printer, const std::string& errors) {
  std::string line;
  size_t line_no = 0;
  int failures = 0;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = "stdin:" + std::to_string(line_no);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      ReportError(errors, where, line_no, "expected a JSON object with \"text\"");
      ++failures;
      continue;
    }
    std::string name = j.value("name", j.value("id", "stdin-" + std::to_string(line_no)));
    StatusOr<Document> doc = ingest::ParseDocument(name, j["text"].get<std::string>(), where);
    if (!doc.ok()) {
      ReportError(errors, where, line_no, doc.status().ToString());
      ++failures;
      continue;
    }
    for (const char* key : {"date", "lang", "round", "title", "source"}) {
      if (!j.contains(key) || !j[key].is_string()) continue;
      std::string value = j[key].get<std::string>();
      if (std::string_view(key) == "date") doc->date = value;
      if (std::string_view(key) == "lang") doc->lang = value;
      if (std::string_view(key) == "round") doc->round = value;
      if (std::string_view(key) == "title") doc->title = value;
      if (std::string_view(key) == "source") doc->source = value;
    }
    if (!ExtractOne(extractor, *doc, where, printer, errors, line_no)) ++failures;
  }
  printer.Finish();
  return failures == 0 ? kExitOk : kExitFailure;
}

int RunExtract(const ExtractOptions& opts) {
  StatusOr<ingest::Extractor> extractor = ingest::Extractor::Load(
      opts.rules.empty() ? ingest::Extractor::DefaultRulesDir() : std::filesystem::path(opts.rules));
  if (!extractor.ok()) {
    std::cerr << "negograph extract: rules: " << extractor.status().ToString() << "\n";
    return kExitUsage;
  }
  Printer printer(opts.format, opts.explain_json ? "jsonl" : opts.explain ? "text" : "", opts.labels);
  if (!opts.text.empty()) {
    StatusOr<Document> doc = ingest::ParseDocument("text", opts.text, "--text");
    if (!doc.ok()) {
      std::cerr << "negograph extract: --text: " << doc.status().ToString() << "\n";
      return kExitFailure;
    }
    doc->lang = opts.lang;
    bool ok = ExtractOne(*extractor, *doc, "--text", printer);
    printer.Finish();
    return ok ? kExitOk : kExitFailure;
  }
  if (opts.paths.empty()) {
    std::cerr << "negograph extract: give files, directories, '-' or --text (see --help)\n";
    return kExitUsage;
  }
  if (opts.paths.size() == 1 && opts.paths[0] == "-") return RunLineFilter(*extractor, printer, opts.errors);

  std::vector<Status> errors;
  std::vector<std::filesystem::path> inputs(opts.paths.begin(), opts.paths.end());
  std::vector<std::filesystem::path> files = ingest::CollectInputFiles(inputs, errors);
  int failures = 0;
  for (const Status& e : errors) {
    std::cerr << "negograph extract: " << e.message() << "\n";
    ++failures;
  }
  Progress progress("extracting", files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    StatusOr<Document> doc = ingest::ReadDocumentFile(files[i]);
    if (!doc.ok()) {
      std::cerr << "negograph extract: " << doc.status().message() << "\n";
      ++failures;
    } else if (!ExtractOne(*extractor, *doc, files[i].string(), printer)) {
      ++failures;
    }
    progress.Update(i + 1);
  }
  printer.Finish();
  return failures == 0 ? kExitOk : kExitFailure;
}

}  // namespace

Runner AddExtractCommand(CLI::App& app) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand(
      "extract",
      "Extract positions from documents and print them (nothing is stored).\n"
      "PATH is a file or a directory (recursive: *.txt, *.md); '-' reads one JSON\n"
      "document per line from stdin ({\"name\",\"text\",\"date\",\"lang\",\"round\"}),\n"
      "a line filter for Spark RDD.pipe / GNU parallel (docs/scale-out.md).\n"
      "--format extractions prints one DocumentExtraction per document (text included)\n"
      "for `negograph ingest --from-jsonl`. Exit codes: 0 ok, 1 some input failed\n"
      "(the others are still printed), 2 bad flags or rules.");
  sub->add_option("paths", opts->paths, "Files, directories, or '-'");
  sub->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "json", "table", "extractions"}))
      ->capture_default_str();
  sub->add_option("--errors", opts->errors,
                  "How failed inputs are reported on stderr: text, or jsonl records\n"
                  "{\"input\",\"line\",\"error\"}")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--rules", opts->rules, "Rule pack directory (default: the bundled rules)");
  sub->add_option("--text", opts->text, "Extract from this text instead of files");
  sub->add_option("--labels", opts->labels,
                  "Language of the labels printed (de, en; default: each document's own)")
      ->check(CLI::IsMember({"de", "en"}));
  sub->add_option("--lang", opts->lang, "Language of --text (de, en; detected when omitted)")
      ->check(CLI::IsMember({"de", "en"}));
  sub->add_flag("--explain", opts->explain,
                "Print what each stage saw per sentence (tags, clauses, frames, cues, positions) "
                "instead of the positions");
  sub->add_flag("--explain-json", opts->explain_json, "Like --explain, as one JSON object per sentence");
  return [opts] { return RunExtract(*opts); };
}

}  // namespace negograph::cli
