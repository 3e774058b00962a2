"""Reader for TABARI/PETRARCH actor and agent dictionaries (shared by the gen_* scripts).

Format (PETRARCH2 docs/source/dictionaries.rst): a block starts with a name in
upper case with '_' for spaces ("LEBANON_  [LBN]"); '+NAME' lines add synonyms;
codes follow inline or on indented lines, each "[CODE]", "[CODE >YYMMDD]",
"[CODE <YYMMDD]" or "[CODE YYMMDD-YYMMDD]" (6- or 8-digit dates). '#' starts a
comment. A malformed line is reported with file:line on stderr and skipped;
it never ends up coded under the wrong party.
"""
import re
import sys
from dataclasses import dataclass, field

NAME_RE = re.compile(r"^[A-Z0-9][A-Z0-9 .'&/\-]*$")
CODE_RE = re.compile(r"^\[([~A-Z]{3,})(?:\s+([<>]?)(\d{6}|\d{8})(?:-(\d{6}|\d{8}))?)?\s*\]$")


@dataclass
class Code:
    code: str
    start: str  # YYYYMMDD or ""
    end: str    # YYYYMMDD or ""


@dataclass
class Block:
    file: str
    line: int
    names: list = field(default_factory=list)  # (display name, line)
    codes: list = field(default_factory=list)


def _date(d):
    if len(d) == 8:
        return d
    yy = int(d[:2])
    return ("20" if yy <= 30 else "19") + d


def parse_code(text):
    """'[AFGGOV 011222-141231]' -> Code, or None when malformed."""
    m = CODE_RE.match(text.strip())
    if not m:
        return None
    code, rel, d1, d2 = m.groups()
    if not d1:
        return Code(code, "", "")
    if not _valid(_date(d1)):
        return None
    if rel == ">":
        return Code(code, _date(d1), "")
    if rel == "<":
        return Code(code, "", _date(d1))
    if d2 is None:
        return None  # a single date without '<' or '>' has no meaning
    start, end = _date(d1), _date(d2)
    if start > end or not _valid(start) or not _valid(end):
        return None  # "20121207-20120802": a range that ends before it starts
    return Code(code, start, end)


def _valid(d):
    return 1 <= int(d[4:6]) <= 12 and 1 <= int(d[6:8]) <= 31


def clean_name(raw):
    """'+AFGHAN_NATIONAL_ARMY_' -> 'AFGHAN NATIONAL ARMY' or None when malformed."""
    s = raw.strip().lstrip("+").strip()
    s = s.replace("_", " ").strip()
    s = re.sub(r"\s+", " ", s)
    # "(ETA)" acronyms in parentheses are kept by the caller via acronym().
    s = re.sub(r"\s*\([A-Z0-9.\-]+\)\s*", " ", s).strip()
    if not s or not NAME_RE.match(s):
        return None
    return s


def acronym(raw):
    m = re.search(r"\(([A-Z][A-Z0-9.\-]{1,9})\)", raw)
    return m.group(1) if m else None


def warn(path, line, msg):
    print(f"{path}:{line}: {msg}; skipped", file=sys.stderr)


def read_blocks(path, text):
    """Parses a TABARI actor file into blocks; reports malformed lines."""
    blocks = []
    cur = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("<") or line.startswith("!") or "{" in line or "!" in line:
            continue  # agent macros and plural sets: agents file only
        stripped = line.strip()
        codes = re.findall(r"\[[^\]]*\]", stripped)
        rest = re.sub(r"\[[^\]]*\]", " ", stripped).strip()
        if "[" in rest or "]" in rest:
            warn(path, n, "unbalanced '[' or ']'")
            continue
        if rest:
            name = clean_name(rest)
            if name is None:
                warn(path, n, f"malformed name {rest!r}")
                if not stripped.startswith("+"):
                    cur = None  # codes below belong to the malformed block: drop them
                continue
            if stripped.startswith("+"):
                if cur is None:
                    warn(path, n, "synonym without a block")
                    continue
                cur.names.append((name, n, acronym(rest)))
            else:
                cur = Block(path, n)
                cur.names.append((name, n, acronym(rest)))
                blocks.append(cur)
        for c in codes:
            parsed = parse_code(c)
            if parsed is None:
                warn(path, n, f"malformed code {c!r}")
                continue
            if cur is None:
                warn(path, n, "code without a block")
                continue
            cur.codes.append(parsed)
    return blocks


class WordNet:
    """Which words are common English words or adjectives (WordNet 3.0)."""

    def __init__(self, root="/usr/share/wordnet"):
        self.adjectives = set()
        self.common = set()
        self.proper = set()
        self.capital_of = {}  # capital (lower) -> country (lower)
        for pos in ("noun", "verb", "adj", "adv"):
            with open(f"{root}/data.{pos}", encoding="latin-1") as f:
                for line in f:
                    if line.startswith("  "):
                        continue
                    parts = line.split()
                    count = int(parts[3], 16)
                    words = [parts[4 + 2 * i] for i in range(count)]
                    for w in words:
                        base = re.sub(r"\(.*\)$", "", w)
                        key = base.lower().replace("_", " ")
                        if pos == "adj":
                            self.adjectives.add(key)
                        (self.proper if base[:1].isupper() else self.common).add(key)
                    if pos == "noun" and "|" in line:
                        gloss = line.split("|", 1)[1]
                        m = re.match(r"\s*(?:the )?capital (?:and (?:largest|chief) (?:city|port) )?of ([A-Z][\w ]+)", gloss)
                        if m and words[0][:1].isupper():
                            self.capital_of.setdefault(words[0].lower().replace("_", " "), m.group(1).strip().lower())
                    if pos == "noun":
                        for w in words:
                            m = re.match(r"capital_of_(.+)$", w)
                            if m:
                                for cap in words:
                                    if not cap.startswith("capital_of_"):
                                        self.capital_of[cap.lower().replace("_", " ")] = \
                                            m.group(1).lower().replace("_", " ")

    def is_common(self, word):
        return word.lower() in self.common


SMALL = {"of", "the", "and", "for", "in", "on", "de", "al", "du", "la", "del", "von", "van", "der", "to"}


def title(name):
    """'ISLAMIC REPUBLIC OF AFGHANISTAN' -> 'Islamic Republic of Afghanistan'."""
    out = []
    for i, w in enumerate(name.split(" ")):
        lw = w.lower()
        if i and lw in SMALL:
            out.append(lw)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)
