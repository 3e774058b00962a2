// `negograph compare ROUND_A ROUND_B`: per actor x issue, what is new in
// round B, what was dropped since A, what changed stance (hardened or
// softened, docs/analysis.md) and what stayed, each with its quotes.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
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
  std::string format = "table";
  size_t quotes = 2;
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

void PrintEvidence(const char* sign, const std::vector<Position>& ps, size_t max) {
  for (size_t i = 0; i < ps.size() && i < max; ++i) {
    const Position& p = ps[i];
    std::printf("      %s [%s s%u] \"%s\"\n", sign, p.evidence.doc_name.c_str(),
                p.evidence.sentence, OneLine(p.evidence.quote, 160).c_str());
  }
  if (ps.size() > max) std::printf("      %s ... %zu more\n", sign, ps.size() - max);
}

void PrintTable(const RoundComparison& c, size_t quotes) {
  size_t counts[4] = {0, 0, 0, 0};
  for (const RoundChange& ch : c.changes) ++counts[static_cast<int>(ch.kind)];
  std::printf("from %s\n  to %s\n", Describe(c.from).c_str(), Describe(c.to).c_str());
  std::printf("%zu new, %zu dropped, %zu changed, %zu unchanged\n", counts[0], counts[1],
              counts[3], counts[2]);
  for (ChangeKind kind :
       {ChangeKind::kNew, ChangeKind::kDropped, ChangeKind::kChanged, ChangeKind::kUnchanged}) {
    if (counts[static_cast<int>(kind)] == 0) continue;
    std::string title(ChangeKindName(kind));
    for (char& ch : title) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::printf("\n%s (%zu)\n", title.c_str(), counts[static_cast<int>(kind)]);
    for (const RoundChange& ch : c.changes) {
      if (ch.kind != kind) continue;
      std::string what = kind == ChangeKind::kChanged   ? ch.note
                         : kind == ChangeKind::kDropped ? Stances(ch.from_stances)
                                                        : Stances(ch.to_stances);
      std::printf("  %-16s %-30s %s\n", ch.actor.c_str(), ch.issue.c_str(), what.c_str());
      PrintEvidence("-", ch.from_evidence, kind == ChangeKind::kUnchanged ? 0 : quotes);
      PrintEvidence("+", ch.to_evidence, quotes);
    }
  }
}

int RunCompare(const CompareOptions& opts) {
  StatusOr<std::unique_ptr<GraphStore>> store = OpenStoreReadOnly(opts.db);
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
      "Compare two rounds of talks per actor x issue: new, dropped, changed\n"
      "(hardened/softened: accept < offer = assure < demand < reject < threaten)\n"
      "and unchanged positions, each with its quotes (- round A, + round B).\n"
      "Round ids: `negograph query --list rounds`. Exit codes: 0 ok, 2 bad flags,\n"
      "3 store error, 4 unknown round.");
  sub->add_option("from", opts->from, "Earlier round id (A)")->required();
  sub->add_option("to", opts->to, "Later round id (B)")->required();
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  sub->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  sub->add_option("--quotes", opts->quotes, "Table: quotes shown per side and pair")
      ->capture_default_str();
  return [opts] { return RunCompare(*opts); };
}

}  // namespace negograph::cli
