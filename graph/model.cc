#include "graph/model.h"

#include <cmath>

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

namespace negograph {

std::optional<std::string_view> ParseLabelLang(std::string_view lang) {
  if (lang == "de") return std::string_view("de");
  if (lang == "en") return std::string_view("en");
  return std::nullopt;
}

const std::string& LabelIn(const Labels& labels, std::string_view lang, const std::string& fallback) {
  const std::string& want = lang == "de" ? labels.de : labels.en;
  if (!want.empty()) return want;
  const std::string& other = lang == "de" ? labels.en : labels.de;
  return other.empty() ? fallback : other;
}

double ShortConfidence(float confidence) {
  // Round the float's decimal value, not its binary one: 0.9f is 0.89999997.
  return std::round(static_cast<double>(confidence) * 100.0) / 100.0;
}

}  // namespace negograph
