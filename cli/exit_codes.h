// Exit codes of the negograph binary; documented in README.md ("Exit codes").
#pragma once

#include "graph/status.h"

namespace negograph::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;        // some input failed; the rest was processed
inline constexpr int kExitUsage = 2;          // bad flag or argument
inline constexpr int kExitStore = 3;          // store missing, locked, newer schema, corrupt
inline constexpr int kExitNotFound = 4;       // an id or file named on the command line is unknown
inline constexpr int kExitUnimplemented = 70; // subcommand not built yet

// Maps a failed Status onto the exit code above.
int ExitCodeFor(const Status& status);

}  // namespace negograph::cli
