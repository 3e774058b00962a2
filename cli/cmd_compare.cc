// `negograph compare ROUND_A ROUND_B`: one row per actor x issue saying
// whether the pair reversed, hardened, softened or shifted (docs/analysis.md),
// is new in round B, was not reported in round B, or stayed unchanged, with
// the quotes of both rounds under it.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iterator>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/read_store.h"
#include "graph/graph_json.h"
#include "graph/round_diff.h"

namespace negograph::cli {
namespace {

struct CompareOptions {
  std::string from, to;
  std::string db = kDefaultDbDir;
  std::string lang = "en";
  std::string format = "table";
  size_t quotes = 1;
};

std::string Describe(const Round& r) {
  std::string out = r.id;
  std::string detail = r.name;
  if (!r.place.empty()) detail += (detail.empty() ? "" : ", ") + r.place;
  if (!r.date_from.empty()) detail += (detail.empty() ? "" : ", ") + r.date_from;
  if (!detail.empty()) out += " (" + detail + ")";
  return out;
}

std::string Stances(const std::vector<Stance>& v) {
  std::string out;
  for (Stance s : v) out += (out.empty() ? "" : "+") + std::string(StanceName(s));
  return out;
}

// Up to `max` quotes of one side; "... N more" only after at least one quote.
void PrintEvidence(const char* sign, const std::vector<Position>& ps, size_t max) {
  if (max == 0) return;
  for (size_t i = 0; i < ps.size() && i < max; ++i) {
    const Position& p = ps[i];
    std::printf("      %s [%s s%u] \"%s\"\n", sign, p.evidence.doc_name.c_str(),
                p.evidence.sentence, OneLine(p.evidence.quote, 160).c_str());
  }
  if (ps.size() > max) std::printf("      %s ... %zu more\n", sign, ps.size() - max);
}

constexpr ChangeKind kKinds[] = {ChangeKind::kReversed, ChangeKind::kHardened,
                                 ChangeKind::kSoftened, ChangeKind::kShifted,
                                 ChangeKind::kNew,      ChangeKind::kNotReported,
                                 ChangeKind::kUnchanged};

// One row per actor x issue: kind, actor, issue, before -> after; the
// quotes of both rounds under it (- round A, + round B), `quotes` per side.
void PrintTable(const RoundComparison& c, size_t quotes) {
  size_t counts[std::size(kKinds)] = {};
  for (const RoundChange& ch : c.changes) ++counts[static_cast<int>(ch.kind)];
  std::printf("from %s\n  to %s\n", Describe(c.from).c_str(), Describe(c.to).c_str());
  std::string summary;
  for (ChangeKind k : kKinds) {
    summary += (summary.empty() ? "" : ", ") + std::to_string(counts[static_cast<int>(k)]) + " " +
               std::string(ChangeKindLabel(k));
  }
  std::printf("%s\n\n", summary.c_str());
  if (c.changes.empty()) return;
  std::printf("%-12s %-16s %-30s %s\n", "change", "actor", "issue", "before -> after");
  for (const RoundChange& ch : c.changes) {
    std::string kind(ch.kind == ChangeKind::kNotReported ? "not reported" : ChangeKindName(ch.kind));
    std::string from = ch.from_stances.empty() ? "-" : Stances(ch.from_stances);
    std::string to = ch.to_stances.empty() ? "-" : Stances(ch.to_stances);
    std::printf("%-12s %-16s %-30s %s -> %s\n", kind.c_str(), ch.actor.c_str(), ch.issue.c_str(),
                from.c_str(), to.c_str());
    PrintEvidence("-", ch.from_evidence, quotes);
    PrintEvidence("+", ch.to_evidence, quotes);
  }
}

int RunCompare(const CompareOptions& opts) {
  StatusOr<std::unique_ptr<GraphStore>> store = OpenStoreReadOnly(opts.db, opts.lang);
  if (!store.ok()) return Fail("compare", store.status(), /*store_error=*/true);
  StatusOr<RoundComparison> c = CompareRounds(**store, opts.from, opts.to);
  if (!c.ok()) return Fail("compare", c.status());
  if (opts.format == "json") {
    std::cout << nlohmann::json(*c).dump(2) << "\n";
  } else {
    PrintTable(*c, opts.quotes);
  }
  return kExitOk;
}

}  // namespace

Runner AddCompareCommand(CLI::App& app) {
  auto opts = std::make_shared<CompareOptions>();
  CLI::App* sub = app.add_subcommand(
      "compare",
      "Compare two rounds of talks: one row per actor x issue, before -> after, and\n"
      "the change: reversed (support <-> oppose, e.g. accept -> reject), hardened or\n"
      "softened (accept < offer = assure < demand < reject < threaten), shifted, new,\n"
      "not reported (in round B), unchanged; quotes under each row (- A, + B).\n"
      "Round ids: `negograph query --list rounds`. Exit codes: 0 ok, 2 bad flags,\n"
      "3 store error, 4 unknown round.");
  sub->add_option("from", opts->from, "Earlier round id (A)")->required();
  sub->add_option("to", opts->to, "Later round id (B)")->required();
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  AddLangOption(*sub, opts->lang);
  sub->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  sub->add_option("--quotes", opts->quotes, "Table: quotes per round and row (0: the table alone)")
      ->capture_default_str();
  return [opts] { return RunCompare(*opts); };
}

}  // namespace negograph::cli
