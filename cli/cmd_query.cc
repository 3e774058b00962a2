// `negograph query`: positions with filters (the evidence behind every
// edge), node lists, and the graph analyses (neighbourhood, alignment,
// contested issues, shortest path), as a table or as JSON/JSONL.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/query_analysis.h"
#include "cli/read_store.h"
#include "graph/model_json.h"

namespace negograph::cli {
namespace {

using nlohmann::json;

struct QueryOptions {
  std::string db = kDefaultDbDir;
  std::string lang = "en";
  PositionFilter filter;
  std::string stance;
  std::string format = "table";
  std::string list;
  std::string date_from, date_to;
  std::string neighbourhood;
  int depth = 1;
  bool alignment = false;
  bool contested = false;
  size_t top = 20;
  std::vector<std::string> path;
};

void PrintPositionsTable(const PositionPage& page) {
  std::printf("%-20s %-14s %-9s %-28s %-20s %s\n", "doc", "actor", "stance", "issue", "round",
              "quote");
  for (const Position& p : page.items) {
    std::printf("%-20s %-14s %-9s %-28s %-20s %s\n", OneLine(p.evidence.doc_name, 20).c_str(),
                p.actor.c_str(), std::string(StanceName(p.stance)).c_str(),
                OneLine(p.issue, 28).c_str(), p.round.c_str(),
                OneLine(p.evidence.quote, 90).c_str());
  }
  std::printf("(%zu positions)\n", page.items.size());
  if (!page.next_cursor.empty()) {
    std::fprintf(stderr, "more: add --cursor %s\n", page.next_cursor.c_str());
  }
}

// NotFound when a filter names an actor, issue, document or round the store
// does not know: an empty answer would hide a typo. A document may be named
// by its name (file stem) when that is unique; the filter then gets its id.
Status CheckFilterIds(GraphStore& store, PositionFilter& f) {
  NEGOGRAPH_RETURN_IF_ERROR(CheckRoundKnown(store, f.round));
  auto known = [](const auto& list, const std::string& id) {
    return std::any_of(list.begin(), list.end(), [&](const auto& c) { return c.item.id == id; });
  };
  if (!f.actor.empty()) {
    auto actors = store.ListActors();
    if (!actors.ok()) return actors.status();
    if (!known(*actors, f.actor)) return Status::NotFound("no actor '" + f.actor + "'");
  }
  if (!f.issue.empty()) {
    auto issues = store.ListIssues();
    if (!issues.ok()) return issues.status();
    if (!known(*issues, f.issue)) return Status::NotFound("no issue '" + f.issue + "'");
  }
  if (!f.doc.empty()) {
    auto docs = store.ListDocuments();
    if (!docs.ok()) return docs.status();
    if (known(*docs, f.doc)) return Status::Ok();
    std::vector<std::string> ids;
    for (const Counted<Document>& d : *docs) {
      if (d.item.name == f.doc) ids.push_back(d.item.id);
    }
    if (ids.empty()) return Status::NotFound("no document with id or name '" + f.doc + "'");
    if (ids.size() > 1) {
      return Status::InvalidArgument("several documents are named '" + f.doc + "'; give the id");
    }
    f.doc = ids[0];
  }
  return Status::Ok();
}

int RunPositions(GraphStore& store, QueryOptions& opts) {
  if (!opts.stance.empty()) opts.filter.stance = ParseStance(opts.stance);
  if (Status s = CheckFilterIds(store, opts.filter); !s.ok()) return Fail("query", s);
  StatusOr<PositionPage> page = store.FindPositions(opts.filter);
  if (!page.ok()) return Fail("query", page.status());
  if (opts.format == "jsonl") {
    for (const Position& p : page->items) std::cout << PositionToJsonLine(p) << "\n";
  } else if (opts.format == "json") {
    json j = {{"items", page->items},
              {"next_cursor", page->next_cursor.empty() ? json(nullptr) : json(page->next_cursor)}};
    std::cout << j.dump(2) << "\n";
  } else {
    PrintPositionsTable(*page);
  }
  return kExitOk;
}

template <typename T>
void PrintList(const std::vector<Counted<T>>& items, const std::string& format) {
  json all = json::array();
  for (const Counted<T>& c : items) {
    json j = c.item;
    j.erase("text");  // documents are listed without their text
    j["positions"] = c.positions;
    all.push_back(std::move(j));
  }
  if (format == "json") {
    std::cout << json{{"items", all}}.dump(2) << "\n";
  } else if (format == "jsonl") {
    for (const json& j : all) std::cout << j.dump() << "\n";
  } else {
    for (const json& j : all) {
      std::string label = j.contains("label") ? j["label"].get<std::string>()
                                              : j.value("name", std::string());
      std::printf("%-34s %-50s %8llu\n", j["id"].get<std::string>().c_str(),
                  OneLine(label, 50).c_str(),
                  static_cast<unsigned long long>(j["positions"].get<uint64_t>()));
    }
  }
}

int RunList(GraphStore& store, const QueryOptions& opts) {
  auto print = [&](auto result) {
    if (!result.ok()) return Fail("query", result.status());
    PrintList(*result, opts.format);
    return kExitOk;
  };
  if (opts.list == "actors") return print(store.ListActors());
  if (opts.list == "issues") return print(store.ListIssues());
  if (opts.list == "rounds") return print(store.ListRounds());
  return print(store.ListDocuments());
}

// Which mode the flags ask for; a usage error when they mix modes.
StatusOr<std::string> ChooseMode(const QueryOptions& o) {
  std::vector<std::string> modes;
  if (!o.list.empty()) modes.push_back("list");
  if (!o.neighbourhood.empty()) modes.push_back("neighbourhood");
  if (o.alignment) modes.push_back("alignment");
  if (o.contested) modes.push_back("contested");
  if (!o.path.empty()) modes.push_back("path");
  if (modes.size() > 1) {
    return Status::InvalidArgument("choose one of --list, --neighbourhood, --alignment, "
                                   "--contested, --path");
  }
  std::string mode = modes.empty() ? "positions" : modes[0];
  const PositionFilter& f = o.filter;
  bool position_filters = !f.actor.empty() || !o.stance.empty() || !f.issue.empty() ||
                          !f.doc.empty() || !f.text.empty() || !f.cursor.empty();
  if (mode != "positions" && position_filters) {
    return Status::InvalidArgument("--actor, --stance, --issue, --doc, --text and --cursor "
                                   "filter positions; analyses take --round and dates only");
  }
  if ((mode == "positions" || mode == "list") && (!o.date_from.empty() || !o.date_to.empty())) {
    return Status::InvalidArgument("--from-date/--to-date apply to the analyses");
  }
  return mode;
}

int RunQuery(QueryOptions& opts) {
  StatusOr<std::string> mode = ChooseMode(opts);
  if (!mode.ok()) return Fail("query", mode.status());
  StatusOr<std::unique_ptr<GraphStore>> store = OpenStoreReadOnly(opts.db, opts.lang);
  if (!store.ok()) return Fail("query", store.status(), /*store_error=*/true);
  if (*mode == "positions") return RunPositions(**store, opts);
  if (*mode == "list") return RunList(**store, opts);
  AnalysisRequest r;
  r.mode = *mode;
  r.node = opts.neighbourhood;
  r.depth = opts.depth;
  if (opts.path.size() == 2) {
    r.from = opts.path[0];
    r.to = opts.path[1];
  }
  r.top = opts.top;
  r.view.round = opts.filter.round;
  r.view.date_from = opts.date_from;
  r.view.date_to = opts.date_to;
  r.format = opts.format;
  return RunAnalysis(**store, r);
}

}  // namespace

Runner AddQueryCommand(CLI::App& app) {
  auto opts = std::make_shared<QueryOptions>();
  CLI::App* sub = app.add_subcommand(
      "query",
      "Query the stored graph (read-only).\n"
      "Without a mode: positions matching the filters, each with its quote, in\n"
      "position-id order (page with --limit/--cursor).\n"
      "Modes: --list KIND | --neighbourhood NODE [--depth N] | --alignment |\n"
      "--contested [--top N] | --path FROM TO. Analyses take --round and\n"
      "--from-date/--to-date (document dates). NODE is an actor or issue id;\n"
      "prefix 'actor:' or 'issue:' when both exist. See docs/analysis.md.\n"
      "Exit codes: 0 ok, 2 bad flags, 3 store error, 4 unknown id or no path.");
  sub->add_option("--db", opts->db, "Store directory")->capture_default_str();
  AddLangOption(*sub, opts->lang);
  sub->add_option("--actor", opts->filter.actor, "Actor id, e.g. russia");
  sub->add_option("--stance", opts->stance, "Stance")
      ->check(CLI::IsMember({"demand", "offer", "reject", "accept", "threaten", "assure"}));
  sub->add_option("--issue", opts->filter.issue, "Issue id, e.g. nato_enlargement");
  sub->add_option("--round", opts->filter.round, "Round id, e.g. 2022-01-10-geneva");
  sub->add_option("--doc", opts->filter.doc, "Document id (32 hex digits) or unique name");
  sub->add_option("--text", opts->filter.text, "Case-insensitive substring of the quote");
  sub->add_option("--limit", opts->filter.limit, "Page size; 0 = all")->capture_default_str();
  sub->add_option("--cursor", opts->filter.cursor, "Next page (printed after a full page)");
  sub->add_option("--format", opts->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--list", opts->list, "List actors, issues, rounds or documents with counts")
      ->check(CLI::IsMember({"actors", "issues", "rounds", "documents"}));
  sub->add_option("--neighbourhood,--neighborhood", opts->neighbourhood,
                  "Nodes within --depth hops of NODE and the stance edges among them");
  sub->add_option("--depth", opts->depth, "Neighbourhood depth")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  sub->add_flag("--alignment", opts->alignment,
                "Actor pairs sharing or opposing positions on the same issues");
  sub->add_flag("--contested", opts->contested,
                "Issues with supporters and opponents, most contested first");
  sub->add_option("--top", opts->top, "How many contested issues; 0 = all")->capture_default_str();
  sub->add_option("--path", opts->path, "Shortest connection FROM TO through stance edges")
      ->expected(2);
  sub->add_option("--from-date", opts->date_from, "Analyses: documents dated on/after (ISO)");
  sub->add_option("--to-date", opts->date_to, "Analyses: documents dated on/before (ISO)");
  return [opts] { return RunQuery(*opts); };
}

}  // namespace negograph::cli
