#include "ingest/explain.h"

#include <utility>

#include "ingest/rule_pack.h"

namespace negograph::ingest {

std::string RoleTags(uint32_t roles) {
  static const std::pair<uint32_t, const char*> kTags[] = {
      {kRoleNegation, "NEG"},         {kRoleCondition, "COND"},     {kRoleConditionInline, "COND-IN"},
      {kRoleConditionInitial, "COND-INIT"}, {kRoleSpeech, "SPEECH"}, {kRoleReportBefore, "REPORT"},
      {kRoleReportAfter, "REPORT-AFTER"}, {kRolePronoun, "PRON"},  {kRolePronounWe, "WE"},
      {kRoleDeterminer, "DET"},       {kRolePreposition, "PREP"},   {kRoleAgent, "AGENT"},
      {kRoleComplement, "COMP"},      {kRolePassive, "PASS"},       {kRoleKonjunktiv, "KONJ"},
      {kRoleSideNoun, "SIDE"},        {kRoleWithout, "WITHOUT"},    {kRoleCoordination, "COORD"},
      {kRoleClauseBreak, "BREAK"},    {kRoleAuxiliary, "AUX"},      {kRoleBehalf, "BEHALF"},
      {kRoleSupportBy, "SUPPORTED-BY"}, {kRoleOpposeBy, "OPPOSED-BY"}, {kRoleLightVerb, "LIGHT-V"}, {kRoleAnaphor, "ANAPHOR"}, {kRoleExample, "EXAMPLE"}, {kRoleStop, "STOP"},
  };
  std::string out;
  for (const auto& [bit, tag] : kTags) {
    if (!(roles & bit)) continue;
    if (!out.empty()) out += '|';
    out += tag;
  }
  return out;
}

}  // namespace negograph::ingest
