// The round registry (data/rounds.yaml) and the assignment of documents to
// rounds of talks.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace negograph::ingest {

// A registry round and the place names that identify it in text.
struct RoundInfo {
  Round round;
  std::vector<std::string> aliases;  // always includes round.place
};

// Loads and validates a registry: `version: 1` and `rounds:` a list of
// {id, name, place, aliases, date_from, date_to (defaults to date_from),
// format, participants}. Ids unique, dates ISO "YYYY-MM-DD", date_to not
// before date_from. Errors are InvalidArgument "FILE:LINE: what is wrong"
// (NotFound when the file is missing).
StatusOr<std::vector<RoundInfo>> LoadRoundRegistry(const std::filesystem::path& path);

// Reports may appear a few days after the meeting they cover: a document
// dated up to this many days after a round's date_to can belong to it.
inline constexpr int kReportLagDays = 3;

struct RoundAssignment {
  enum class How { kExplicit, kInferred, kUnassigned };
  How how = How::kUnassigned;
  std::string round_id;  // empty when unassigned
  std::string reason;    // why (always set): shown to the user
  bool warning = false;  // explicit round missing from the registry
};

// Assigns a document to a round:
//  1. an explicit Document::round wins (warning when the registry lacks it);
//  2. else the rounds whose dates overlap the document date (a "2022-01" or
//     "2022" prefix covers the whole month or year; a round covers
//     [date_from, date_to + kReportLagDays]) are candidates, and the ones
//     whose place or alias the text mentions (case-insensitive, whole words)
//     are kept, preferring rounds held within the document's dates over
//     rounds from the lag days before (reports recall earlier meetings):
//     exactly one -> inferred; none or several -> unassigned, with
//     the reason (no date, no round around the date, no place mentioned,
//     ambiguous between ...).
RoundAssignment AssignRound(const Document& document, const std::vector<RoundInfo>& registry);

}  // namespace negograph::ingest
