#include "cli/exit_codes.h"

namespace negograph::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kNotFound: return kExitNotFound;
    case StatusCode::kBusy:
    case StatusCode::kCorruption:
    case StatusCode::kFailedPrecondition: return kExitStore;
    case StatusCode::kUnimplemented: return kExitUnimplemented;
    default: return kExitFailure;
  }
}

}  // namespace negograph::cli
