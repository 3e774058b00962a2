#include "ingest/rule_pack.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "graph/ids.h"
#include "ingest/morphology_de.h"
#include "ingest/morphology_en.h"
#include "ingest/text_util.h"

namespace negograph::ingest {
namespace {

// Thrown only inside this file and caught in RulePack::Load: yaml-cpp
// reports through exceptions anyway, and one catch keeps the loader short.
struct PackError {
  std::string message;
};

class Loader {
 public:
  Loader(RulePack& pack, SurfaceRegistry& surfaces, std::string file)
      : pack_(pack), surfaces_(surfaces), file_(std::move(file)) {}

  [[noreturn]] void Fail(const YAML::Node& node, const std::string& reason) const {
    int line = node.IsDefined() ? node.Mark().line + 1 : 0;
    throw PackError{file_ + ":" + std::to_string(std::max(line, 1)) + ": " + reason};
  }

  // Pass 0: curated files; 1: generated gazetteers; 2: generated files that
  // merge into the parties of passes 0 and 1.
  void LoadFile(const YAML::Node& root, int pass) {
    if (!root.IsMap()) Fail(root, "a rule pack is a mapping with 'version:'");
    if (!root["version"] || !root["version"].IsScalar()) Fail(root, "missing 'version:'");
    bool generated = root["generated"] && root["generated"].as<bool>(false);
    merge_ = root["merge"] && root["merge"].as<bool>(false);
    if (merge_ && !generated) Fail(root["merge"], "'merge: true' is for generated files only");
    if ((generated ? (merge_ ? 2 : 1) : 0) != pass) return;
    default_langs_ = kLangAll;
    if (root["lang"]) default_langs_ = ParseLang(root["lang"]);
    static const std::set<std::string> kKeys = {"version", "lang", "generated", "actors",
                                                "speakers", "issues", "cues", "words",
                                                "abbreviations", "org_nouns", "description",
                                                "merge", "offices", "seat_nouns",
                                                "seat_prepositions", "title_former", "title_links"};
    for (const auto& kv : root) {
      std::string key = kv.first.as<std::string>();
      if (!kKeys.count(key)) Fail(kv.first, "unknown top-level key '" + key + "'");
    }
    if (root["actors"]) LoadActors(Seq(root["actors"], "actors"), generated);
    if (root["speakers"]) LoadSpeakers(Seq(root["speakers"], "speakers"));
    if (root["issues"]) LoadIssues(Seq(root["issues"], "issues"));
    if (root["cues"]) LoadCues(Seq(root["cues"], "cues"));
    if (root["words"]) LoadWords(root["words"]);
    if (root["abbreviations"]) {
      for (const auto& a : Seq(root["abbreviations"], "abbreviations")) {
        std::string s = FoldCase(Str(a, "abbreviation"));
        while (!s.empty() && s.back() == '.') s.pop_back();
        if (s.empty()) Fail(a, "empty abbreviation");
        pack_.abbreviations.insert(s);
      }
    }
    if (root["offices"]) LoadOffices(Seq(root["offices"], "offices"));
    for (auto [key, list] : {std::pair{"seat_nouns", &pack_.seat_nouns},
                             std::pair{"seat_prepositions", &pack_.seat_prepositions},
                             std::pair{"title_former", &pack_.offices.former},
                             std::pair{"title_links", &pack_.offices.title_links}}) {
      for (const auto& w : List(root, key)) {
        std::string folded = FoldCase(w);
        if (folded.empty() || folded.find(' ') != std::string::npos) {
          Fail(root[key], std::string("'") + key + "': one word each, not '" + w + "'");
        }
        list->Add(folded, default_langs_);
      }
    }
    if (root["org_nouns"]) {
      for (const auto& a : Seq(root["org_nouns"], "org_nouns")) {
        std::string s = FoldCase(Str(a, "org noun"));
        if (s.empty() || s.find(' ') != std::string::npos) Fail(a, "an org noun is one word");
        pack_.org_nouns.insert(s);
      }
    }
  }

 private:
  // By value: callers pass temporaries (root["x"]) and iterate the result.
  YAML::Node Seq(const YAML::Node& n, const std::string& what) const {
    if (!n.IsSequence()) Fail(n, "'" + what + "' must be a list");
    return n;
  }
  std::string Str(const YAML::Node& n, const std::string& what) const {
    if (!n.IsDefined() || !n.IsScalar()) Fail(n, "'" + what + "' must be a string");
    return n.as<std::string>();
  }
  std::string Required(const YAML::Node& entry, const char* key, const std::string& ctx) const {
    if (!entry[key]) Fail(entry, ctx + ": missing '" + key + "'");
    std::string v = Str(entry[key], key);
    if (v.empty()) Fail(entry[key], ctx + ": empty '" + key + "'");
    return v;
  }
  std::vector<std::string> List(const YAML::Node& entry, const char* key) const {
    std::vector<std::string> out;
    if (!entry[key]) return out;
    const YAML::Node& n = entry[key];
    if (n.IsScalar()) return {n.as<std::string>()};
    if (!n.IsSequence()) Fail(n, std::string("'") + key + "' must be a list of strings");
    for (const auto& item : n) out.push_back(Str(item, key));
    return out;
  }
  uint8_t ParseLang(const YAML::Node& n) const {
    std::string l = Str(n, "lang");
    if (l == "de") return kLangDe;
    if (l == "en") return kLangEn;
    if (l == "all" || l == "any") return kLangAll;
    Fail(n, "unknown lang '" + l + "' (de, en or all)");
  }
  uint8_t EntryLangs(const YAML::Node& entry) const {
    return entry["lang"] ? ParseLang(entry["lang"]) : default_langs_;
  }
  void CheckId(const YAML::Node& entry, const std::string& id) const {
    for (char c : id) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                c == '-';
      if (!ok) Fail(entry, "id '" + id + "': use lower-case ASCII, digits, '_', '.', '-'");
    }
  }

  // Adds one term. Syntax: a leading '*' lets it start inside a word (the
  // tail of a compound), a trailing '*' lets the word continue.
  // Returns false when another party owns the form (reported in conflicts).
  bool AddTerm(const YAML::Node& where, std::string term, LexEntry e, bool cased = false) {
    if (!term.empty() && term.front() == '*') {
      e.lead_star = true;
      term.erase(0, 1);
    }
    if (!term.empty() && term.back() == '*') {
      e.trail_star = true;
      term.pop_back();
    }
    if (term.empty()) Fail(where, "empty term");
    if (term.find('*') != std::string::npos) Fail(where, "'*' only at the start or end: " + term);
    if (term.size() > 200) Fail(where, "term longer than 200 bytes");
    if (cased) e.cased = term;
    std::string folded = FoldCase(term);
    if (e.kind == EntryKind::kActor || e.kind == EntryKind::kSpeaker) {
      std::string form = (e.lead_star ? "*" : "") + folded + (e.trail_star ? "*" : "");
      if (!surfaces_.Claim(form, claim_, pack_.conflicts)) return false;
    }
    std::string key = folded + '\x01' + std::to_string(static_cast<int>(e.kind)) + '\x01' +
                      std::to_string(e.ref) + (e.lead_star ? "L" : "") + (e.trail_star ? "T" : "") +
                      e.cased + std::to_string(e.langs) + (e.genitive ? "g" : "") +
                      (e.needs_particle ? "p" : "") + (e.adjective ? "a" : "") + (e.seat ? "s" : "");
    if (!seen_terms_.insert(key).second) return true;
    pack_.entries.push_back(e);
    pack_.automaton.Add(folded);
    return true;
  }
  // Actor and speaker names also match as German genitives ("Moskaus").
  void AddName(const YAML::Node& where, const std::string& term, LexEntry e, bool cased) {
    AddTerm(where, term, e, cased);
    if (term.empty() || term.back() == '*' || term.front() == '*' || term.back() == '-') return;
    char last = static_cast<char>(std::tolower(static_cast<unsigned char>(term.back())));
    if (last == 's' || last == 'x' || last == 'z' || last == '.' || !std::isalpha(last)) return;
    LexEntry g = e;
    g.genitive = true;
    g.langs = e.langs & kLangDe;
    if (g.langs) AddTerm(where, term + "s", g, cased);
  }

  void LoadActors(const YAML::Node& list, bool generated) {
    for (const auto& a : list) {
      if (!a.IsMap()) Fail(a, "an actor is a mapping");
      std::string id = Required(a, "id", "actor");
      CheckId(a, id);
      int existing = pack_.FindActor(id);
      claim_ = {false, 0, id, file_ + ":" + std::to_string(a.Mark().line + 1), {}};
      if (existing >= 0) {
        if (!generated) Fail(a, "duplicate actor id '" + id + "'");
        // A merging file adds forms to the party; otherwise curated entries
        // override the generated gazetteer.
        if (merge_) AddActorTerms(a, static_cast<uint32_t>(existing));
        continue;
      }
      ActorRule r;
      r.actor.id = id;
      r.actor.type = a["type"] ? Str(a["type"], "type") : "state";
      static const std::set<std::string> kTypes = {"state", "alliance", "organisation", "bloc",
                                                   "other"};
      if (!kTypes.count(r.actor.type)) Fail(a["type"], "actor '" + id + "': unknown type");
      if (!a["label"] || !a["label"].IsMap()) Fail(a, "actor '" + id + "': needs label: {en, de}");
      r.label_en = Required(a["label"], "en", "actor '" + id + "' label");
      r.label_de = a["label"]["de"] ? Str(a["label"]["de"], "de") : r.label_en;
      r.actor.label = r.label_en;
      for (const auto& m : List(a, "members")) {
        pending_members_.emplace_back(a["members"], m);
        r.members.push_back(m);
      }
      auto ref = static_cast<uint32_t>(pack_.actors.size());
      pack_.actor_index[id] = static_cast<int>(ref);
      pack_.actors.push_back(r);
      claim_.ref = ref;
      if (!a["terms"] && !a["cased"]) Fail(a, "actor '" + id + "': no terms");
      AddActorTerms(a, ref);
    }
  }
  void AddActorTerms(const YAML::Node& a, uint32_t ref) {
    claim_.ref = ref;
    LexEntry e{EntryKind::kActor, ref, kLangAll, false, false, false, false, false, {}};
    for (const auto& t : List(a, "terms")) AddName(a, t, e, false);
    for (const auto& t : List(a, "cased")) AddName(a, t, e, true);
    LexEntry adj = e;
    adj.adjective = true;
    for (const auto& t : List(a, "adjectives")) AddTerm(a, t, adj);
    // Seats of government: "die Regierung in Kiew" names the party, "Gespräche in Kiew" a place.
    LexEntry seat = e;
    seat.seat = true;
    for (const auto& t : List(a, "seats")) {
      if (t.find('*') != std::string::npos) Fail(a["seats"], "a seat is a plain name, not '" + t + "'");
      if (AddTerm(a, t, seat)) pack_.seat_forms.emplace(FoldCase(t), ref);
    }
  }

  void LoadSpeakers(const YAML::Node& list) {
    for (const auto& s : list) {
      if (!s.IsMap()) Fail(s, "a speaker is a mapping");
      SpeakerRule r;
      r.person.id = Required(s, "id", "speaker");
      CheckId(s, r.person.id);
      if (pack_.speaker_index.count(r.person.id)) {
        Fail(s, "duplicate speaker id '" + r.person.id + "'");
      }
      r.person.name = Required(s, "name", "speaker '" + r.person.id + "'");
      r.person.party = Required(s, "party", "speaker '" + r.person.id + "'");
      if (pack_.FindActor(r.person.party) < 0) {
        pending_parties_.emplace_back(s, r.person.party);
      }
      r.person.role = s["role"] ? Str(s["role"], "role") : "";
      if (s["period"]) {
        auto periods = ParsePeriods(Str(s["period"], "period"));
        if (!periods) {
          Fail(s["period"], "speaker '" + r.person.id +
                                "': period is 'YYYY-YYYY', 'YYYYMMDD-YYYYMMDD' or open ('2021-'), "
                                "ranges separated by spaces");
        }
        r.periods = *periods;
      }
      auto ref = static_cast<uint32_t>(pack_.speakers.size());
      pack_.speaker_index[r.person.id] = static_cast<int>(ref);
      pack_.speakers.push_back(r);
      claim_ = {true, ref, r.person.id, file_ + ":" + std::to_string(s.Mark().line + 1),
                pack_.speakers.back().periods};
      LexEntry e{EntryKind::kSpeaker, ref, kLangAll, false, false, false, false, false, {}};
      std::vector<std::string> terms = List(s, "terms");
      if (terms.empty()) Fail(s, "speaker '" + r.person.id + "': no terms");
      if (s["offices"]) LoadHolder(s, ref);
      for (const auto& t : terms) AddName(s, t, e, false);
    }
  }

  // offices: {head_of_state: "20210120-20250119"}: the speaker held the
  // office of their party in those periods. Checked once every file is read.
  void LoadHolder(const YAML::Node& s, uint32_t ref) {
    const YAML::Node& o = s["offices"];
    if (!o.IsMap()) Fail(o, "'offices' maps an office id to its periods");
    for (const auto& kv : o) {
      std::string office = kv.first.as<std::string>();
      auto periods = ParsePeriods(Str(kv.second, "offices"));
      if (!periods) Fail(kv.second, "office '" + office + "': periods are 'YYYYMMDD-YYYYMMDD' or open ('2021-')");
      pending_holders_.push_back({kv.second, office, ref, *periods,
                                  file_ + ":" + std::to_string(kv.second.Mark().line + 1)});
    }
  }

  // offices: [{id, label: {en, de}, titles: {en: [...], de: [...]}}]
  void LoadOffices(const YAML::Node& list) {
    for (const auto& o : list) {
      if (!o.IsMap()) Fail(o, "an office is a mapping");
      OfficeRule r;
      r.id = Required(o, "id", "office");
      CheckId(o, r.id);
      if (pack_.offices.Find(r.id) >= 0) Fail(o, "duplicate office id '" + r.id + "'");
      if (!o["label"] || !o["label"].IsMap()) Fail(o, "office '" + r.id + "': needs label: {en, de}");
      r.label_en = Required(o["label"], "en", "office '" + r.id + "' label");
      r.label_de = o["label"]["de"] ? Str(o["label"]["de"], "de") : r.label_en;
      const YAML::Node& t = o["titles"];
      if (!t || !t.IsMap()) Fail(o, "office '" + r.id + "': needs titles: {en: [...], de: [...]}");
      auto index = static_cast<uint32_t>(pack_.offices.offices.size());
      pack_.offices.offices.push_back(r);
      for (const auto& kv : t) {
        std::string lang = kv.first.as<std::string>();
        uint8_t mask = lang == "de" ? kLangDe : lang == "en" ? kLangEn : 0;
        if (!mask) Fail(kv.first, "office '" + r.id + "': titles has only de and en");
        for (const auto& title : List(t, lang.c_str())) {
          std::string folded;  // words joined by one space
          for (char c : FoldCase(title)) {
            if (c != ' ' || (!folded.empty() && folded.back() != ' ')) folded += c;
          }
          while (!folded.empty() && folded.back() == ' ') folded.pop_back();
          if (folded.empty() || folded.find('*') != std::string::npos) {
            Fail(kv.second, "office '" + r.id + "': a title is plain words, not '" + title + "'");
          }
          pack_.offices.AddTitle(folded, mask, index);
        }
      }
    }
  }

  // terms: {de: [...], en: [...]}, both non-empty, so that every canonical
  // issue is named in both languages. Both lists match in every language (a
  // name such as "JCPOA" or "Nord Stream" is written alike in both).
  std::vector<std::string> IssueTerms(const YAML::Node& i, const std::string& id) const {
    const YAML::Node& t = i["terms"];
    if (!t || !t.IsMap()) Fail(i, "issue '" + id + "': needs terms: {de: [...], en: [...]}");
    std::vector<std::string> terms;
    for (const char* lang : {"de", "en"}) {
      std::vector<std::string> some = List(t, lang);
      if (some.empty()) Fail(t, "issue '" + id + "': no " + lang + " terms");
      terms.insert(terms.end(), some.begin(), some.end());
    }
    for (const auto& kv : t) {
      auto key = kv.first.as<std::string>();
      if (key != "de" && key != "en") Fail(kv.first, "issue '" + id + "': terms has only de and en");
    }
    return terms;
  }

  void LoadIssues(const YAML::Node& list) {
    for (const auto& i : list) {
      if (!i.IsMap()) Fail(i, "an issue is a mapping");
      IssueRule r;
      r.issue.id = Required(i, "id", "issue");
      CheckId(i, r.issue.id);
      for (const auto& other : pack_.issues) {
        if (other.issue.id == r.issue.id) Fail(i, "duplicate issue id '" + r.issue.id + "'");
      }
      if (!i["label"] || !i["label"].IsMap()) Fail(i, "issue '" + r.issue.id + "': needs label");
      r.label_en = Required(i["label"], "en", "issue '" + r.issue.id + "' label");
      r.label_de = Required(i["label"], "de", "issue '" + r.issue.id + "' label");
      r.issue.label = r.label_en;
      if (i["was"] && !i["was"].IsMap()) Fail(i["was"], "issue '" + r.issue.id + "': was: {en, de}");
      r.wrapper = i["wrapper"] && i["wrapper"].as<bool>(false);
      r.threat_head = i["threat_head"] && i["threat_head"].as<bool>(false);
      auto ref = static_cast<uint32_t>(pack_.issues.size());
      pack_.issues.push_back(r);
      std::vector<std::string> terms = IssueTerms(i, r.issue.id);
      LexEntry e{EntryKind::kIssue, ref, EntryLangs(i), false, false, false, false, false, {}};
      for (const auto& t : terms) AddTerm(i, t, e);
    }
  }

  Stance ParseStanceAt(const YAML::Node& n, const std::string& ctx) const {
    std::optional<Stance> s = ParseStance(Str(n, "stance"));
    if (!s) Fail(n, ctx + ": unknown stance '" + n.as<std::string>() +
                        "' (demand offer reject accept threaten assure)");
    return *s;
  }

  void LoadCues(const YAML::Node& list) {
    for (const auto& c : list) {
      if (!c.IsMap()) Fail(c, "a cue is a mapping");
      CueRule r;
      r.id = Required(c, "id", "cue");
      CheckId(c, r.id);
      std::string ctx = "cue '" + r.id + "'";
      for (const auto& other : pack_.cues) {
        if (other.id == r.id) Fail(c, "duplicate cue id '" + r.id + "'");
      }
      r.file = file_;
      r.line = c.Mark().line + 1;
      r.langs = EntryLangs(c);
      if (!c["stance"]) Fail(c, ctx + ": missing 'stance'");
      r.stance = ParseStanceAt(c["stance"], ctx);
      std::string kind = c["kind"] ? Str(c["kind"], "kind") : "verb";
      if (kind == "verb") r.kind = CueKind::kVerb;
      else if (kind == "noun") r.kind = CueKind::kNoun;
      else if (kind == "list") r.kind = CueKind::kList;
      else if (kind == "commitment") r.kind = CueKind::kCommitment;
      else if (kind == "modal") r.kind = CueKind::kModal;
      else Fail(c["kind"], ctx + ": unknown kind '" + kind + "' (verb noun list commitment modal)");
      if (c["negated"]) {
        r.has_negated = true;
        std::string n = Str(c["negated"], "negated");
        if (n == "none") r.negated_drop = true;
        else r.negated = ParseStanceAt(c["negated"], ctx);
      }
      r.target = c["target"] && c["target"].as<bool>(false);
      r.nested_target = c["nested"] && Str(c["nested"], "nested") == "target";
      if (c["nested"] && !r.nested_target && Str(c["nested"], "nested") != "emit") {
        Fail(c["nested"], ctx + ": nested is 'emit' or 'target'");
      }
      r.object_before_only = c["object"] && Str(c["object"], "object") == "before";
      if (c["requires"]) {
        if (Str(c["requires"], "requires") != "threat_issue") {
          Fail(c["requires"], ctx + ": requires is 'threat_issue'");
        }
        r.needs_threat_issue = true;
      }
      for (const auto& p : List(c, "actor_after")) r.actor_preps.push_back(FoldCase(p));
      auto ref = static_cast<uint32_t>(pack_.cues.size());
      LexEntry e{EntryKind::kCue, ref, r.langs, false, false, false, false, false, {}};
      std::vector<std::string> terms = List(c, "terms");
      std::vector<std::string> forms;
      if (c["separable"]) {
        const YAML::Node& sep = c["separable"];
        if (!sep.IsMap() || !sep["particle"]) Fail(sep, ctx + ": separable needs {forms, particle}");
        r.particle = FoldCase(Str(sep["particle"], "particle"));
        forms = List(sep, "forms");
        if (forms.empty()) Fail(sep, ctx + ": separable needs forms");
      }
      ExpandLemmas(c, r, ctx, terms, forms);
      if (terms.empty() && forms.empty()) Fail(c, ctx + ": no terms");
      LoadExamples(c, r, ctx);
      pack_.cues.push_back(r);
      for (const auto& t : terms) AddTerm(c, t, e);
      // Finite forms of a separable verb count only with their particle
      // later in the clause ("wies ... zurück").
      LexEntry se = e;
      se.needs_particle = true;
      for (const auto& t : forms) AddTerm(c["separable"] ? c["separable"] : c, t, se);
    }
  }

  // `lemmas:` -> inflected surface forms (ingest/morphology_{en,de}.h): verb
  // forms to `terms`, German finite forms of separable verbs to the
  // separable forms with the lemma's particle.
  void ExpandLemmas(const YAML::Node& c, CueRule& r, const std::string& ctx,
                    std::vector<std::string>& terms, std::vector<std::string>& forms) const {
    std::vector<std::string> lemmas = List(c, "lemmas");
    if (lemmas.empty()) return;
    if (r.langs != kLangDe && r.langs != kLangEn) Fail(c["lemmas"], ctx + ": lemmas need lang de or en");
    for (const auto& raw : lemmas) {
      std::string lemma = FoldCase(raw);
      if (r.langs == kLangEn) {
        auto f = r.kind == CueKind::kNoun ? morph_en::NounForms(lemma) : morph_en::VerbForms(lemma);
        terms.insert(terms.end(), f.begin(), f.end());
        continue;
      }
      if (r.kind == CueKind::kNoun) Fail(c["lemmas"], ctx + ": German noun cues list their forms in terms");
      auto v = morph_de::Verb(lemma);
      if (!v) Fail(c["lemmas"], ctx + ": '" + raw + "' is not a German infinitive (-en/-n, particle as 'ab|lehnen')");
      terms.insert(terms.end(), v->joined.begin(), v->joined.end());
      if (v->particle.empty()) continue;
      if (!r.particle.empty() && r.particle != v->particle) {
        Fail(c["lemmas"], ctx + ": separable lemmas with different particles ('" + r.particle + "', '" +
                              v->particle + "'): one cue per particle");
      }
      r.particle = v->particle;
      forms.insert(forms.end(), v->split.begin(), v->split.end());
    }
  }

  void LoadExamples(const YAML::Node& c, CueRule& r, const std::string& ctx) const {
    const YAML::Node& ex = c["examples"];
    if (!ex || !ex.IsMap()) Fail(c, ctx + ": needs examples: {fires: [...], not: [...]}");
    r.fires = List(ex, "fires");
    r.not_fires = List(ex, "not");
    if (r.fires.empty()) Fail(ex, ctx + ": needs at least one 'fires' example");
    if (r.not_fires.empty()) Fail(ex, ctx + ": needs at least one 'not' (near-miss) example");
  }

  void LoadWords(const YAML::Node& words) {
    if (!words.IsMap()) Fail(words, "'words' maps a group name to a list of words");
    static const std::map<std::string, uint32_t> kGroups = {
        {"negation", kRoleNegation},
        {"negation_adverb", kRoleNegation | kRoleNegAdverb},
        {"condition", kRoleCondition},
        {"condition_inline", kRoleConditionInline},
        {"condition_initial", kRoleConditionInitial},
        {"condition_stop", kRoleConditionStop},
        {"clause_break", kRoleClauseBreak},
        {"auxiliary", kRoleAuxiliary},
        {"behalf", kRoleBehalf},
        {"supported_by", kRoleSupportBy},
        {"opposed_by", kRoleOpposeBy},
        {"light_verb", kRoleLightVerb},
        {"anaphor", kRoleAnaphor},
        {"example", kRoleExample},
        {"speech", kRoleSpeech},
        {"report_before", kRoleReportBefore},
        {"report_after", kRoleReportAfter},
        {"pronoun", kRolePronoun},
        {"pronoun_we", kRolePronounWe},
        {"determiner", kRoleDeterminer},
        {"preposition", kRolePreposition},
        {"agent", kRoleAgent},
        {"complement", kRoleComplement},
        {"passive", kRolePassive},
        {"konjunktiv", kRoleKonjunktiv},
        {"demonstrative", kRoleDemonstrative},
        {"stop", kRoleStop},
        {"side_noun", kRoleSideNoun},
        {"without", kRoleWithout},
        {"coordination", kRoleCoordination},
        {"holder_link", kRoleHolderLink},
    };
    for (const auto& kv : words) {
      std::string group = kv.first.as<std::string>();
      auto it = kGroups.find(group);
      if (it == kGroups.end()) Fail(kv.first, "unknown word group '" + group + "'");
      LexEntry e{EntryKind::kWord, it->second, default_langs_, false, false, false, false, false, {}};
      for (const auto& w : Seq(kv.second, group)) AddTerm(w, Str(w, group), e);
    }
  }

 public:
  void CheckPendingParties() const {
    for (const auto& [node, party] : pending_parties_) {
      if (pack_.FindActor(party) < 0) Fail(node, "speaker party '" + party + "' is not an actor");
    }
    for (const auto& [node, member] : pending_members_) {
      if (pack_.FindActor(member) < 0) Fail(node, "member '" + member + "' is not an actor");
    }
  }
  // One office of one party has one holder at a time: a tenure that overlaps
  // an earlier claim is reported in conflicts and dropped (first claim wins,
  // as for surface forms).
  void FinishHolders() {
    for (auto& h : pending_holders_) {
      int office = pack_.offices.Find(h.office);
      if (office < 0) Fail(h.node, "office '" + h.office + "' is not in any 'offices:' list");
      const Person& person = pack_.speakers[h.speaker].person;
      struct Claim c{true, h.speaker, person.id, h.where, h.periods};
      if (!surfaces_.Claim("office:" + person.party + "/" + h.office, c, pack_.conflicts)) continue;
      pack_.offices.AddHolder(person.party, static_cast<uint32_t>(office), {h.speaker, h.periods});
    }
  }

 private:
  RulePack& pack_;
  SurfaceRegistry& surfaces_;
  std::string file_;
  bool merge_ = false;
  struct Claim claim_;
  uint8_t default_langs_ = kLangAll;
  std::set<std::string> seen_terms_;
  std::vector<std::pair<YAML::Node, std::string>> pending_parties_;
  std::vector<std::pair<YAML::Node, std::string>> pending_members_;
  struct PendingHolder {
    YAML::Node node;
    std::string office;
    uint32_t speaker;
    std::vector<Period> periods;
    std::string where;
  };
  std::vector<PendingHolder> pending_holders_;
};

}  // namespace

int RulePack::FindActor(std::string_view id) const {
  auto it = actor_index.find(std::string(id));
  return it == actor_index.end() ? -1 : it->second;
}

size_t RulePack::TermCount(uint8_t lang) const {
  return static_cast<size_t>(std::count_if(entries.begin(), entries.end(),
                                           [lang](const LexEntry& e) { return e.langs & lang; }));
}

size_t RulePack::CueCount(uint8_t lang) const {
  return static_cast<size_t>(
      std::count_if(cues.begin(), cues.end(), [lang](const CueRule& c) { return c.langs & lang; }));
}

StatusOr<std::unique_ptr<RulePack>> RulePack::Load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound("rules directory " + dir.string() + " does not exist");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") {
      files.push_back(entry.path());
    }
  }
  if (ec) return Status::IOError("listing " + dir.string() + ": " + ec.message());
  if (files.empty()) return Status::NotFound("no *.yaml rule packs in " + dir.string());
  std::sort(files.begin(), files.end());

  auto pack = std::make_unique<RulePack>();
  std::vector<std::pair<std::string, YAML::Node>> docs;
  std::string all_bytes;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in) return Status::IOError(f.string() + ": cannot read");
    std::string bytes = ss.str();
    all_bytes += f.filename().string() + '\0' + bytes + '\0';
    try {
      docs.emplace_back(f.filename().string(), YAML::Load(bytes));
    } catch (const YAML::Exception& e) {
      return Status::InvalidArgument(f.string() + ":" + std::to_string(e.mark.line + 1) + ": " +
                                     e.msg);
    }
  }
  try {
    // Curated files first, then generated gazetteers, then generated files that merge.
    std::vector<Loader> loaders;
    SurfaceRegistry surfaces;
    for (int pass : {0, 1, 2}) {
      for (size_t i = 0; i < docs.size(); ++i) {
        Loader loader(*pack, surfaces, (dir / docs[i].first).string());
        loader.LoadFile(docs[i].second, pass);
        loaders.push_back(std::move(loader));
      }
    }
    for (const Loader& l : loaders) l.CheckPendingParties();
    for (Loader& l : loaders) l.FinishHolders();
    pack->shared_speaker_forms = surfaces.SharedSpeakerForms();
    std::erase_if(pack->shared_speaker_forms, [](const auto& kv) { return kv.first.rfind("office:", 0) == 0; });
  } catch (const PackError& e) {
    return Status::InvalidArgument(e.message);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument("rules: " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  if (pack->cues.empty()) return Status::InvalidArgument(dir.string() + ": no stance cues");
  pack->automaton.Build();
  pack->version = Hex64(Hash64(all_bytes));
  return pack;
}

}  // namespace negograph::ingest
