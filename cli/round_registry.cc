#include "cli/round_registry.h"

#include <cstdlib>
#include <set>

namespace negograph::cli {

std::filesystem::path DefaultRoundsFile() {
  if (const char* env = std::getenv("NEGOGRAPH_ROUNDS"); env != nullptr && *env != '\0') {
    return env;
  }
  return NEGOGRAPH_SOURCE_ROUNDS_FILE;
}

StatusOr<ResolvedRounds> ResolveRounds(const std::string& rounds_flag, GraphStore& store) {
  ResolvedRounds out;
  std::filesystem::path file =
      rounds_flag.empty() ? DefaultRoundsFile() : std::filesystem::path(rounds_flag);
  std::error_code ec;
  size_t from_file = 0;
  if (!rounds_flag.empty() || std::filesystem::exists(file, ec)) {
    StatusOr<std::vector<ingest::RoundInfo>> loaded = ingest::LoadRoundRegistry(file);
    if (!loaded.ok()) return loaded.status();
    out.rounds = std::move(*loaded);
    from_file = out.rounds.size();
    for (const ingest::RoundInfo& r : out.rounds) {
      NEGOGRAPH_RETURN_IF_ERROR(store.PutRound(r.round).WithContext("storing round " + r.round.id));
    }
  }
  StatusOr<std::vector<Counted<Round>>> stored = store.ListRounds();
  if (!stored.ok()) return stored.status();
  std::set<std::string> known;
  for (const ingest::RoundInfo& r : out.rounds) known.insert(r.round.id);
  size_t from_store = 0;
  for (const Counted<Round>& c : *stored) {
    // A round known only from positions (no dates) cannot be assigned by date.
    if (known.contains(c.item.id) || c.item.date_from.empty()) continue;
    ingest::RoundInfo info;
    info.round = c.item;
    if (info.round.date_to.empty()) info.round.date_to = info.round.date_from;
    if (!info.round.place.empty()) info.aliases.push_back(info.round.place);
    out.rounds.push_back(std::move(info));
    ++from_store;
  }
  if (from_file > 0) {
    out.description = std::to_string(from_file) + " rounds from " + file.string() +
                      (rounds_flag.empty() ? " (built-in default)" : "");
  }
  if (from_store > 0) {
    out.description += (out.description.empty() ? "" : " + ") + std::to_string(from_store) +
                       " stored in the store";
  }
  if (out.rounds.empty()) {
    out.description = "none (no --rounds, no " + file.string() +
                      ", none stored): documents without a `round:` stay unassigned";
  }
  return out;
}

}  // namespace negograph::cli
