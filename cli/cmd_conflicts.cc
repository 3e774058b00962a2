// `negograph conflicts [--round R] [--actor A] [--issue I]`: where two
// documents report the same round incompatibly (graph/conflicts.h), each
// with both quotes and their sources, so an analyst can judge which is right.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/read_store.h"
#include "graph/conflicts.h"
#include "graph/graph_json.h"

namespace negograph::cli {
namespace {

struct ConflictsOptions {
  std::string db = kDefaultDbDir;
  std::string lang = "en";
  std::string format = "table";
  ConflictFilter filter;
};

void PrintSide(const char* tag, const Position& p) {
  std::printf("    %s %-8s %-10s [%s s%u] \"%s\"\n", tag, StanceName(p.stance).data(),
              p.actor.c_str(), p.evidence.doc_name.c_str(), p.evidence.sentence,
              OneLine(p.evidence.quote, 200).c_str());
}

void PrintTable(const std::vector<Conflict>& conflicts) {
  std::printf("%zu conflicting report%s\n", conflicts.size(), conflicts.size() == 1 ? "" : "s");
  for (const Conflict& c : conflicts) {
    std::string who = c.kind == ConflictKind::kStance ? c.actor : "who holds it";
    std::printf("\n%s  %s on %s: %s (%s)\n", c.round.c_str(), who.c_str(), c.issue.c_str(),
                c.note.c_str(), ConflictKindName(c.kind).data());
    PrintSide("A", c.a);
    PrintSide("B", c.b);
  }
}

int RunConflicts(const ConflictsOptions& opts) {
  StatusOr<std::unique_ptr<GraphStore>> store = OpenStoreReadOnly(opts.db, opts.lang);
  if (!store.ok()) return Fail("conflicts", store.status(), /*store_error=*/true);
  if (!opts.filter.round.empty()) {
    if (Status known = CheckRoundKnown(**store, opts.filter.round); !known.ok()) {
      return Fail("conflicts", known);
    }
  }
  StatusOr<std::vector<Conflict>> found = FindConflicts(**store, opts.filter);
  if (!found.ok()) return Fail("conflicts", found.status());
  if (opts.format == "json") {
    std::cout << nlohmann::json{{"items", *found}}.dump(2) << "\n";
  } else if (opts.format == "jsonl") {
    for (const Conflict& c : *found) std::cout << nlohmann::json(c).dump() << "\n";
  } else {
    PrintTable(*found);
  }
  return kExitOk;
}

}  // namespace

Runner AddConflictsCommand(CLI::App& app) {
  auto opts = std::make_shared<ConflictsOptions>();
  CLI::App* sub = app.add_subcommand(
      "conflicts",
      "List conflicting reports: two documents reporting the same round with\n"
      "incompatible stances of one actor on one issue (accept/offer vs reject,\n"
      "assure vs threaten), or the same speaker's stance under two actors.\n"
      "Each conflict shows both quotes (A, B) and their documents.\n"
      "Exit codes: 0 ok (also when none are found), 2 bad flags, 3 store error,\n"
      "4 unknown round.");
  sub->add_option("--round", opts->filter.round, "Only this round id");
  sub->add_option("--actor", opts->filter.actor, "Only conflicts involving this actor id");
  sub->add_option("--issue", opts->filter.issue, "Only this issue id");
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  AddLangOption(*sub, opts->lang);
  sub->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "jsonl"}))
      ->capture_default_str();
  return [opts] { return RunConflicts(*opts); };
}

}  // namespace negograph::cli
