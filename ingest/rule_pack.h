// The loaded rule packs: every lexicon of every YAML file under a rules
// directory, validated, with all terms compiled into ONE automaton
// (ingest/automaton.h). Pure data; the clause logic lives in
// ingest/clause_analyzer.h.
//
// Thread safety: immutable after Load().
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "ingest/automaton.h"
#include "ingest/lexicon_check.h"
#include "ingest/office_table.h"

namespace negograph::ingest {

// Languages a rule or term applies to (bit mask).
enum LangMask : uint8_t { kLangDe = 1, kLangEn = 2, kLangAll = 3 };

// Roles of function words (markers_*.yaml `words:` groups); a word may have
// several.
enum WordRole : uint32_t {
  kRoleNegation = 1u << 0,        // nicht, kein*, not, never
  kRoleNegAdverb = 1u << 1,       // negation that may follow the verb (nicht, not)
  kRoleCondition = 1u << 2,       // clause-initial: wenn, falls, if, unless
  kRoleConditionInline = 1u << 3, // im Fall, in case of, unter der Bedingung
  kRoleConditionStop = 1u << 4,   // ends an inline condition phrase
  kRoleSpeech = 1u << 5,          // sagte, erklärte, said, told
  kRoleReportBefore = 1u << 6,    // laut X, according to X
  kRoleReportAfter = 1u << 7,     // X zufolge
  kRolePronoun = 1u << 8,         // sie, er, man, they, it
  kRolePronounWe = 1u << 9,       // wir, uns, we, our
  kRoleDeterminer = 1u << 10,
  kRolePreposition = 1u << 11,
  kRoleAgent = 1u << 12,          // von, durch, by (passive agent, holder)
  kRoleComplement = 1u << 13,     // dass, that
  kRolePassive = 1u << 14,        // worden, wurde, was, been
  kRoleKonjunktiv = 1u << 15,     // habe, sei, hätten: reported speech
  kRoleDemonstrative = 1u << 16,  // diese*, these, such
  kRoleStop = 1u << 17,           // other function words (never an issue head)
  kRoleSideNoun = 1u << 18,       // Seite, side, Regierung, officials
  kRoleWithout = 1u << 19,        // ohne, without
  kRoleCoordination = 1u << 20,   // und, oder, and, or
  kRoleAbbreviation = 1u << 21,   // z.B., Dr., Mr. (no sentence end)
  kRoleHolderLink = 1u << 22,     // nach, für, auf, for, of, on: links a noun cue to its object
  kRoleConditionInitial = 1u << 23,  // "Sollte Russland ...", "Should Russia ...": only clause-initial
  kRoleClauseBreak = 1u << 24,    // which, because, while, weil, obwohl: a new clause starts (ends a theme)
  kRoleAuxiliary = 1u << 25,      // is, will, must, ist, wird, soll: ends a noun phrase
  kRoleBehalf = 1u << 26,         // on behalf of X, im Namen von X: X holds what the speaker says
  kRoleSupportBy = 1u << 27,      // supported by X, unterstützt von X: X accepts what the holder puts forward
  kRoleOpposeBy = 1u << 28,       // opposed by X, gegen den Widerstand von X: X rejects it
  kRoleLightVerb = 1u << 29,      // hold, resume, aufnehmen: "to hold talks" is about the talks
  kRoleAnaphor = 1u << 30,        // dies, dazu, dafür, this: the object refers back
  kRoleExample = 1u << 31,        // wie, such as, including: "Länder wie X und Y" names the holders
};

enum class EntryKind : uint8_t { kActor, kSpeaker, kIssue, kCue, kWord };

// One automaton pattern: what it stands for and how it may match.
struct LexEntry {
  EntryKind kind = EntryKind::kWord;
  uint32_t ref = 0;        // index into actors/speakers/issues/cues; roles for words
  uint8_t langs = kLangAll;
  bool lead_star = false;  // may start inside a word (compound tail)
  bool trail_star = false; // the word may continue (inflection, compound)
  bool genitive = false;   // German genitive variant ("Moskaus")
  bool adjective = false;  // adjective of an actor ("russisch*", "Russian")
  bool needs_particle = false;  // separable verb form: the cue's particle must follow
  std::string cased;       // when set, the original text must equal this
  bool seat = false;       // a seat of government (actors' `seats:`), a party only after a seat noun
};

struct ActorRule {
  Actor actor;
  std::string label_de, label_en;
  std::vector<std::string> members;  // member parties of a bloc or alliance (actor ids)
};

struct SpeakerRule {
  Person person;
  // Periods in office (speakers.yaml `period:`); empty = always. The
  // extractor may prefer the speaker active on the document's date.
  std::vector<Period> periods;
  bool ActiveOn(uint32_t yyyymmdd) const {
    if (periods.empty() || !yyyymmdd) return true;
    for (const Period& p : periods) {
      if (p.Contains(yyyymmdd)) return true;
    }
    return false;
  }
};

struct IssueRule {
  Issue issue;
  std::string label_de, label_en;
  bool wrapper = false;  // "Garantien für X": dropped when a more specific issue is present
  bool threat_head = false;  // "mit Konsequenzen drohen": in a threat, the other issues are its trigger
};

// kModal: a reported obligation ("Die Allianz dürfe sich nicht ausdehnen",
// "NATO must stop"): the speaker demands, the clause subject is the target.
enum class CueKind : uint8_t { kVerb, kNoun, kList, kCommitment, kModal };

struct CueRule {
  std::string id;
  std::string file;
  int line = 0;
  uint8_t langs = kLangAll;
  Stance stance = Stance::kDemand;
  CueKind kind = CueKind::kVerb;
  std::optional<Stance> negated;  // stance when negated; nullopt with negated_drop
  bool negated_drop = false;      // a negated cue yields nothing
  bool has_negated = false;       // YAML said what negation does
  std::string particle;           // separable verb particle (folded), e.g. "zurück"
  bool target = false;            // takes an addressee ("drohte Russland")
  bool nested_target = false;     // noun: when embedded, its holder is the target
  bool object_before_only = false;// object precedes the cue ("nicht infrage kommen")
  std::vector<std::string> actor_preps;  // actor named after these ("für X")
  bool needs_threat_issue = false;        // fires only with a sanction/countermeasure issue
  std::vector<std::string> fires;        // examples that must yield this rule
  std::vector<std::string> not_fires;    // near-misses that must not
};

class RulePack {
 public:
  // Loads every *.yaml under `dir` (sorted). Errors: "file:line: reason".
  static StatusOr<std::unique_ptr<RulePack>> Load(const std::filesystem::path& dir);

  std::string version;  // hash of every file's bytes
  std::vector<ActorRule> actors;
  std::vector<SpeakerRule> speakers;
  std::vector<IssueRule> issues;
  std::vector<CueRule> cues;
  std::vector<LexEntry> entries;  // index = automaton pattern id
  Automaton automaton;
  std::unordered_set<std::string> abbreviations;  // folded, without the final '.'
  // Heads of organisation names ("Gewerkschaft", "party", "union"): with a
  // proper name they make an open-vocabulary actor (ingest/open_actor.cc).
  std::unordered_set<std::string> org_nouns;
  // Surface forms claimed by two parties, with who kept them (priority rule in
  // ingest/lexicon_check.h); the loser's form is not compiled.
  std::vector<std::string> conflicts;

  // Leaders by date (ingest/leaders.h): offices, their titles and holders.
  OfficeTable offices;
  // Speaker surface forms (folded) that several speakers own in periods that
  // do not overlap: the document date chooses among them.
  std::unordered_map<std::string, std::vector<uint32_t>> shared_speaker_forms;
  // "die Regierung in Kiew" (ingest/seats.h): seats of government (folded
  // form -> actor index), the nouns that name who sits there and the
  // prepositions between them (markers `seat_nouns`, `seat_prepositions`).
  std::unordered_map<std::string, uint32_t> seat_forms;
  WordList seat_nouns, seat_prepositions;

  // Index of an actor by id, or -1.
  int FindActor(std::string_view id) const;
  // id -> index into actors / speakers (filled by Load()).
  std::unordered_map<std::string, int> actor_index, speaker_index;

  // Entry counts per language for reports (terms compiled, cue rules).
  size_t TermCount(uint8_t lang) const;
  size_t CueCount(uint8_t lang) const;
};

}  // namespace negograph::ingest
