// negograph: the command-line front end. Thin by design: each subcommand
// parses its flags and calls into the libraries.
#include <CLI/CLI.hpp>

#include <iostream>
#include <map>

#include "cli/command.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  using namespace negograph::cli;
  CLI::App app{"negograph: a knowledge graph of negotiation positions"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "negograph 0.1.0");

  std::map<CLI::App*, Runner> runners;
  auto add = [&](Runner (*adder)(CLI::App&)) {
    size_t before = app.get_subcommands({}).size();
    Runner run = adder(app);
    runners[app.get_subcommands({})[before]] = std::move(run);
  };
  add(AddExtractCommand);
  add(AddIngestCommand);
  add(AddServeCommand);
  add(AddQueryCommand);
  add(AddCompareCommand);
  add(AddConflictsCommand);
  add(AddExportCommand);
  add(AddRemoveCommand);
  add(AddCheckCommand);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help or the error
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
