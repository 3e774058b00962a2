#!/usr/bin/env python3
"""List German synonym candidates for the cue lemmas of a stances file (for curation).

Reads the `lemmas:` of every cue in ingest/rules/stances_de.yaml and prints, per
cue, the one-word verbs that openthesaurus-de-text (Debian package, LGPL,
/usr/share/openthesaurus-de/openthesaurus.txt: one synonym set per line,
separated by ';') puts in a set with one of them and that no cue lists yet.
Nothing is written into the rule packs: a person picks the verbs with a clear
negotiation reading, marks separable particles ("ab|weisen") and adds them
with examples of their own. Separable prefixes are guessed for display only.

usage: scripts/gen_cue_synonyms_de.py [STANCES_DE.yaml] [THESAURUS]
"""
import re
import sys
from pathlib import Path

import yaml

PARTICLES = ("zurück", "zusammen", "entgegen", "heraus", "hervor", "weg", "vor", "nach", "mit", "los",
             "fest", "ein", "auf", "aus", "bei", "an", "ab", "dar", "her", "hin", "zu", "gut")


def mark(verb):
    for p in PARTICLES:
        if verb.startswith(p) and len(verb) > len(p) + 3:
            return f"{p}|{verb[len(p):]}"
    return verb


def main(argv):
    if any(a in ("-h", "--help") for a in argv[1:]):
        print(__doc__)
        return 0
    stances = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "ingest/rules/stances_de.yaml"
    thesaurus = Path(argv[2]) if len(argv) > 2 else Path("/usr/share/openthesaurus-de/openthesaurus.txt")
    cues = yaml.safe_load(stances.read_text(encoding="utf-8"))["cues"]
    known = {l.replace("|", "") for c in cues for l in c.get("lemmas", [])}
    known |= {t.lower() for c in cues for t in c.get("terms", [])}
    sets = []
    for n, line in enumerate(thesaurus.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        words = [re.sub(r"\s*\(.*?\)\s*", " ", w).strip() for w in line.split(";")]
        sets.append({w for w in words if re.fullmatch(r"[a-zäöüß]+e?n", w)})
    for c in cues:
        lemmas = {l.replace("|", "") for l in c.get("lemmas", [])}
        if not lemmas:
            continue
        cands = set()
        for s in sets:
            if s & lemmas:
                cands |= s
        cands -= known
        print(f"{c['id']}: " + ", ".join(mark(v) for v in sorted(cands)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
