#include "graph/model.h"

namespace negograph {

std::string_view StanceName(Stance stance) {
  switch (stance) {
    case Stance::kDemand: return "demand";
    case Stance::kOffer: return "offer";
    case Stance::kReject: return "reject";
    case Stance::kAccept: return "accept";
    case Stance::kThreaten: return "threaten";
    case Stance::kAssure: return "assure";
  }
  return "unknown";
}

std::optional<Stance> ParseStance(std::string_view name) {
  for (Stance s : kAllStances) {
    if (StanceName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kActor: return "actor";
    case NodeKind::kIssue: return "issue";
    case NodeKind::kRound: return "round";
    case NodeKind::kDocument: return "document";
    case NodeKind::kPerson: return "person";
  }
  return "unknown";
}

}  // namespace negograph
