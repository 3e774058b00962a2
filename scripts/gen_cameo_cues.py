#!/usr/bin/env python3
"""Generate ingest/rules/stances_cameo_en.yaml: English stance cues from the CAMEO verb dictionary.

Source: CAMEO.2.0.txt of openeventdata/petrarch2 (MIT), folder
petrarch2/data/dictionaries. A verb block there reads
"---  DEMAND   [100]  ---" followed by synonym lines ("ENTREAT", "BID {BIDS
BADE ...}", optionally with their own "[code]"). Codes map to our stances by
their CAMEO family:
  02 appeal, 10 demand        -> demand
  03 express intent           -> offer (promise/pledge/guarantee... -> assure)
  05 diplomatic cooperation, 08 yield -> accept
  12 reject                   -> reject
  13 threaten                 -> threaten
Only verbs of the curated KEEP table (clear negotiation reading) are emitted,
as lemmas (the loader inflects them, ingest/morphology_en.h); KEEP also gives
the phrase a verb takes in statements ("object" -> "object to"). Verbs that
CAMEO lists under another family than KEEP expects are reported and skipped.
A malformed line of the source is reported with file:line and skipped.

usage: scripts/gen_cameo_cues.py PETRARCH2_REPO [OUT.yaml]
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_petrarch_actors import commit_of, read  # noqa: E402

SRC = "petrarch2/data/dictionaries/CAMEO.2.0.txt"
FAMILY = {"02": "demand", "10": "demand", "03": "offer", "05": "accept", "08": "accept", "12": "reject",
          "13": "threaten"}
# CAMEO verb -> (cue, lemma phrase). Our own selection: the verbs whose past
# tense in a report names a negotiating position.
KEEP = {
    "REQUEST": ("demand", "request"), "ADVOCATE": ("demand", "advocate"), "CLAMOR": ("demand", "clamor for"),
    "CLAMOUR": ("demand", "clamour for"), "APPEAL": ("demand", "appeal for"), "PLEAD": ("demand", "plead for"),
    "PETITION": ("demand", "petition for"), "INSIST": ("demand", "insist on"),
    "IMPLORE": ("urge", "implore"), "ENTREAT": ("urge", "entreat"), "EXHORT": ("urge", "exhort"),
    "BEG": ("urge", "beg"),
    "PROFFER": ("offer", "proffer"), "VOLUNTEER": ("offer", "volunteer"),
    "GUARANTEE": ("assure", "guarantee"), "PLEDGE": ("assure", "pledge"), "PROMISE": ("assure", "promise"),
    "VOUCH": ("assure", "vouch for"), "REASSURE": ("assure", "reassure"), "ASSURE": ("assure", "assure"),
    "AGREE": ("accept", "agree to"), "ENDORSE": ("accept", "endorse"), "ACCEDE": ("accept", "accede to"),
    "ACQUIESCE": ("accept", "acquiesce"), "APPROVE": ("accept", "approve"), "CONCEDE": ("accept", "concede"),
    "CONSENT": ("accept", "consent to"), "RATIFY": ("accept", "ratify"),
    "OBJECT": ("reject", "object to"), "DEFY": ("reject", "defy"),
}
# cue -> (stance, expected CAMEO stance, extra YAML lines, fires, not): examples in our own words.
CUES = {
    "demand": ("demand", "demand", [],
               ["Iran requested a delay of the inspections.", "Brazil appealed for more climate finance."],
               ["The hotel requested payment from the journalists.", "The film appealed to young viewers."]),
    "urge": ("demand", "demand", ["target: true"],
             ["Japan implored China to resume the talks."],
             ["The singer implored the audience to stand up."]),
    "offer": ("offer", "offer", ["negated: reject"],
              ["Norway volunteered to host the next round of talks."],
              ["Several students volunteered at the shelter."]),
    "assure": ("assure", "offer", ["negated: none"],
               ["Germany vouched for the loans to Greece."],
               ["The teacher vouched for the student."]),
    "accept": ("accept", "accept", ["negated: reject"],
               ["Turkey ratified the accession protocol of Sweden."],
               ["The committee approved the minutes of the meeting."]),
    "reject": ("reject", "reject", ["negated: accept"],
               ["Hungary objected to the sanctions package."],
               ["The lawyer objected to the question."]),
}
# Verbs already cued by the curated stances_en.yaml: not repeated here.
CURATED = {"ASSURE", "PROMISE", "PLEDGE", "AGREE", "ENDORSE", "THREATEN", "INSIST", "REASSURE"}


def parse(path, text):
    """CAMEO verb -> CAMEO code, for synonym lines of verb blocks."""
    out = {}
    code = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[(\S*)\]\s+---\s*$", line)
        if m:
            code = m.group(2)
            continue
        if line.startswith("-") or line.startswith("~") or code is None:
            continue
        m = re.match(r"^\+?([A-Z][A-Z_&'\-]*)\s*(\{[^}]*\})?\s*(?:\[(\S+)\])?\s*$", line.strip())
        if not m:
            print(f"{path}:{n}: malformed verb line; skipped", file=sys.stderr)
            continue
        verb, own = m.group(1), m.group(3)
        c = own or code
        if c and c != "---":
            out.setdefault(verb, c)
    return out


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(argv) >= 2 else 2
    repo = argv[1]
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent.parent / "ingest/rules/stances_cameo_en.yaml"
    verbs = parse(SRC, read(repo, SRC))
    lemmas = {k: [] for k in CUES}
    skipped = []
    for verb, (cue, phrase) in sorted(KEEP.items()):
        code = verbs.get(verb)
        if code is None:
            skipped.append(f"{verb} (not in CAMEO)")
            continue
        family = FAMILY.get(code[:2])
        if family != CUES[cue][1]:
            skipped.append(f"{verb} (CAMEO {code} = {family})")
            continue
        if verb in CURATED:
            continue
        lemmas[cue].append(phrase)
    for s in skipped:
        print(f"skipped {s}", file=sys.stderr)
    n = sum(len(v) for v in lemmas.values())
    lines = ["# GENERATED by scripts/gen_cameo_cues.py; do not edit.",
             f"# Source: openeventdata/petrarch2 @ {commit_of(repo)}, {SRC}.",
             "# That dictionary: The MIT License (MIT), Copyright (c) 2015 Open Event Data Alliance.",
             "#   Permission is hereby granted, free of charge, to any person obtaining a copy of this",
             "#   software ... The above copyright notice and this permission notice shall be included in",
             "#   all copies or substantial portions of the Software. (full text: LICENSE of that repository)",
             f"# Counts: CAMEO verbs read {len(verbs)}, lemmas kept {n}, cues {sum(1 for v in lemmas.values() if v)}",
             "version: 1", "generated: true", "lang: en", "cues:"]
    for cue, (stance, _, extra, fires, nots) in CUES.items():
        if not lemmas[cue]:
            continue
        lines.append(f"  - id: en.{stance}.cameo_{cue}")
        lines.append(f"    stance: {stance}")
        lines.append(f"    lemmas: [{', '.join(json.dumps(x) for x in lemmas[cue])}]")
        lines += [f"    {e}" for e in extra]
        lines.append("    examples:")
        lines.append(f"      fires: [{', '.join(json.dumps(x) for x in fires)}]")
        lines.append(f"      not: [{', '.join(json.dumps(x) for x in nots)}]")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({n} lemmas)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
