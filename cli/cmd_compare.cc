// `negograph compare`. Not built yet: exits 70 until built.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace negograph::cli {

Runner AddCompareCommand(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("compare", "(not implemented yet)");
  sub->allow_extras();
  return [] {
    std::cerr << "negograph compare: not implemented yet\n";
    return kExitUnimplemented;
  };
}

}  // namespace negograph::cli
