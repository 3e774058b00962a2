// People introduced with their party, named later by surname (see people.h).
#include "ingest/people.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace negograph::ingest {
namespace {

constexpr uint32_t kMaxNameWords = 3;
constexpr size_t kMinSurname = 3;
constexpr uint32_t kMaxRoleWords = 3;
constexpr uint32_t kMaxTitledName = 7;  // "Emir Sheikh Tamim Bin Hamad al-Thani"

// Who a surname stands for: an actor (kActor) or a lexicon speaker (kSpeaker).
struct Person {
  EntryKind kind = EntryKind::kActor;
  uint32_t ref = 0;
  uint32_t from_tok = 0;  // mentions only after the introduction
  bool ambiguous = false;
};

class PeopleScan {
 public:
  PeopleScan(std::string_view text, uint8_t lang, LexedText& lx)
      : text_(text), german_(lang == kLangDe), lx_(lx), toks_(lx.tokens), cover_(MentionCover(lx)) {}

  void Run() {
    for (size_t m = 0; m < lx_.mentions.size(); ++m) {
      const Mention& mm = lx_.mentions[m];
      if (mm.kind == EntryKind::kSpeaker) {
        SpeakerSurname(mm);
      } else if (mm.kind == EntryKind::kActor && !mm.inner) {
        TitleBeforeName(mm);
        NameBeforeTitle(mm);
        NameOfCountry(mm);
      }
    }
    if (people_.empty()) return;
    AddMentions();
  }

 private:
  bool Word(uint32_t t) const { return t < toks_.size() && toks_[t].type == TokenType::kWord; }
  bool Side(uint32_t t) const { return Word(t) && (toks_[t].roles & kRoleSideNoun) && cover_[t] < 0; }
  std::string_view Text(uint32_t t) const { return TokenText(text_, toks_[t]); }
  // A capitalised word that may be part of a name: no function word, no lexicon term.
  bool NameWord(uint32_t t) const {
    return Word(t) && toks_[t].upper && !toks_[t].digit && toks_[t].roles == 0 && cover_[t] < 0 &&
           Text(t).size() >= 2;
  }

  bool Register(uint32_t t, EntryKind kind, uint32_t ref) {
    std::string_view w = Text(t);
    if (w.size() < kMinSurname) return false;
    auto [it, added] = people_.emplace(std::string(w), Person{kind, ref, t + 1, false});
    if (!added && (it->second.kind != kind || it->second.ref != ref)) it->second.ambiguous = true;
    return true;
  }

  // "Boris Johnson" (a speaker term) → "Johnson" later; "Liu He" → "Liu".
  void SpeakerSurname(const Mention& m) {
    if (m.te < m.tb + 2) return;
    for (uint32_t t = m.te; t-- > m.tb;) {
      if (Word(t) && (toks_[t].upper || ParticleName(t)) && toks_[t].roles == 0 && !toks_[t].digit &&
          Register(t, EntryKind::kSpeaker, m.ref)) {
        return;
      }
    }
  }

  // The name after t: up to three name words; returns the end (t when none).
  uint32_t NameAt(uint32_t t) const {
    uint32_t e = t;
    while (e < toks_.size() && e < t + kMaxNameWords && NameWord(e)) ++e;
    return e;
  }

  // A name is long enough: two words, or (English, or German before a comma
  // or the verb of saying) one.
  bool NameOk(uint32_t b, uint32_t e) const {
    if (e >= b + 2) return true;
    if (e != b + 1) return false;
    if (!german_) return true;
    return e < toks_.size() && (toks_[e].type == TokenType::kComma || (toks_[e].roles & kRoleSpeech));
  }

  // "der polnische Außenminister Jan Nowak", "US-Präsident Jan Nowak",
  // "Chinese Vice Premier Liu", "Poland's envoy Jan Nowak".
  void TitleBeforeName(const Mention& m) {
    uint32_t t = m.te;
    bool role = m.partial;  // "US-Präsident": the title is the compound's head
    while (t < toks_.size() && (toks_[t].type == TokenType::kQuote || (Word(t) && Text(t) == "s"))) ++t;
    for (uint32_t k = 0; k < kMaxRoleWords && Side(t); ++k, ++t) role = true;
    if (!role) return;
    if (t < toks_.size() && toks_[t].type == TokenType::kComma) ++t;
    uint32_t e = NameAt(t);
    if (!NameOk(t, e)) return;
    Register(e - 1, EntryKind::kActor, m.ref);
  }

  // "Jan Nowak, the Polish envoy," / "Jan Nowak, der polnische Außenminister,".
  void NameBeforeTitle(const Mention& m) {
    uint32_t t = m.tb;
    // The title follows the actor ("Polish envoy") or is its compound ("US-Gesandte").
    uint32_t after = m.te;
    if (!m.partial && !Side(after)) return;
    while (t > 0 && Word(t - 1) && (toks_[t - 1].roles & kRoleDeterminer) && cover_[t - 1] < 0) --t;
    if (t == 0 || toks_[t - 1].type != TokenType::kComma) return;
    uint32_t e = t - 1;  // the comma
    uint32_t b = e;
    while (b > 0 && e - b < kMaxNameWords && NameWord(b - 1)) --b;
    if (e < b + 2) return;  // a one-word name before a comma is too often a place
    Register(e - 1, EntryKind::kActor, m.ref);
  }

  // "President Abdel Fattah al-Sisi of Egypt", "Emir Sheikh Tamim al-Thani of
  // Qatar": title, given names and surname (three words at least, so "Central
  // Bank of X" is no person) before "of" and the party.
  void NameOfCountry(const Mention& m) {
    if (german_ || m.tb < 4 || !Word(m.tb - 1) || Text(m.tb - 1) != "of") return;
    const uint32_t e = m.tb - 1;
    uint32_t b = e, names = 0;
    for (; b > 0 && e - b < kMaxTitledName; --b) {
      if (NameWord(b - 1) || Particle(b - 1)) {
        ++names;
      } else if (!Side(b - 1) || !toks_[b - 1].upper) {
        break;  // a capitalised title ("President") may open the name
      }
    }
    if (e < b + 3 || names < 2 || !(NameWord(e - 1) || Particle(e - 1))) return;
    Register(e - 1, EntryKind::kActor, m.ref);
  }
  // "al-Thani", "bin": a lower-case name particle.
  bool Particle(uint32_t t) const {
    if (!Word(t) || cover_[t] >= 0 || toks_[t].roles != 0) return false;
    std::string_view w = Text(t);
    return w == "bin" || w == "ibn" || ParticleName(t);
  }
  bool ParticleName(uint32_t t) const {
    std::string_view w = Text(t);
    return (w.rfind("al-", 0) == 0 || w.rfind("el-", 0) == 0) && w.size() > 4;
  }

  void AddMentions() {
    std::vector<Mention> extra;
    for (uint32_t t = 0; t < toks_.size(); ++t) {
      if (!Word(t) || (!toks_[t].upper && !Particle(t)) || cover_[t] >= 0) continue;
      std::string_view w = Text(t);
      bool genitive = false;
      auto it = people_.find(std::string(w));
      // "Nowaks Vorschlag", "der Vorschlag Nowaks": the German genitive.
      if (it == people_.end() && german_ && w.size() > kMinSurname && w.back() == 's') {
        it = people_.find(std::string(w.substr(0, w.size() - 1)));
        genitive = true;
      }
      if (it == people_.end() || it->second.ambiguous || t < it->second.from_tok) continue;
      Mention m;
      m.start = toks_[t].start;
      m.end = toks_[t].end;
      m.tb = t;
      m.te = t + 1;
      m.kind = it->second.kind;
      m.ref = it->second.ref;
      m.genitive = genitive;
      extra.push_back(m);
    }
    if (extra.empty()) return;
    std::vector<Mention> merged;
    merged.reserve(lx_.mentions.size() + extra.size());
    std::merge(lx_.mentions.begin(), lx_.mentions.end(), extra.begin(), extra.end(), std::back_inserter(merged),
               [](const Mention& a, const Mention& b) { return a.start < b.start; });
    lx_.mentions.swap(merged);
    AttachMentionsToSentences(lx_);
  }

  std::string_view text_;
  bool german_;
  LexedText& lx_;
  const std::vector<Token>& toks_;
  std::vector<int> cover_;
  std::unordered_map<std::string, Person> people_;
};

}  // namespace

void AddIntroducedPeople(std::string_view text, uint8_t lang, LexedText& lexed) {
  PeopleScan(text, lang, lexed).Run();
}

}  // namespace negograph::ingest
