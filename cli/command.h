// Each subcommand lives in its own cmd_*.cc and registers itself on the root
// CLI11 app through one of the Add*Command functions below. The returned
// Runner is called after parsing when that subcommand was chosen.
#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace negograph::cli {

using Runner = std::function<int()>;

Runner AddExtractCommand(CLI::App& app);
Runner AddIngestCommand(CLI::App& app);
Runner AddServeCommand(CLI::App& app);
Runner AddQueryCommand(CLI::App& app);
Runner AddCompareCommand(CLI::App& app);
Runner AddConflictsCommand(CLI::App& app);
Runner AddExportCommand(CLI::App& app);
Runner AddRemoveCommand(CLI::App& app);
Runner AddCheckCommand(CLI::App& app);

// Default store directory of every subcommand that takes --db.
inline constexpr const char* kDefaultDbDir = "./negograph-data";

}  // namespace negograph::cli
