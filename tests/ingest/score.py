#!/usr/bin/env python3
# A copy of the project scorer (../shared/eval/score.py, 2026-11-30), so that the demo
# corpus can be scored in a clone without ../shared. Tests prefer ../shared/eval/score.py.
"""Score extracted negotiation positions against gold annotations.

usage: score.py GOLD_DIR_OR_FILE PREDICTED.jsonl|- [--verbose] [--min-f1 X] [--actors ALIASES.json]

ALIASES.json (optional) maps more party keys to alias regexes, added to ACTORS below.

PREDICTED is JSON Lines, one position per line, as `negograph extract --format jsonl`
writes it. Fields read (strings; extra fields are ignored):
  doc            document id: the input file's name without its extension
  actor          party that holds the position (id);  actor_label: its display name
  stance         one of: demand offer reject accept threaten assure
  issue          issue id;  issue_label: its display name

Duplicate (doc, actor, stance, issue) lines count once, like one graph edge.

GOLD is JSON Lines (one file per document) with fields:
  doc, actor (a key of ACTORS below), stance (one stance, or several joined by "|"
  where the text supports either reading, e.g. "offer|demand" for a proposal), issue (a
  regular expression matched, case-insensitively, against the predicted issue id and
  label), required (bool).

A predicted position is correct when some gold item of the same document matches
its actor, stance and issue. Precision = correct / predicted. Recall = required gold
items matched / required gold items. Optional gold items (required: false) are
positions a careful reader could defend: finding them is not needed, but they are
not counted as errors either.
"""
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

# Which predicted actor strings count as which gold party.
ACTORS = {
    "usa": r"\b(usa|us|u\.s\.?|united[ _-]?states|vereinigte[n]?[ _-]?staaten|amerika|america|washington)\b",
    "russia": r"\b(russia|russland|russian[ _-]federation|russische[ _-]f[oö]deration|moskau|moscow|kreml|kremlin|ru|rus)\b",
    "nato": r"\b(nato|otan|north[ _-]atlantic)",
    "ukraine": r"\b(ukraine|ukr|kyiv|kiew|kiev)\b",
    "osce": r"\b(osce|osze)\b",
    "eu": r"\b(eu|european[ _-]union|europ[aä]ische[ _-]union)\b",
    "germany": r"\b(germany|deutschland|berlin|deu)\b",
    "france": r"\b(france|frankreich|paris|fra)\b",
    "uk": r"\b(uk|united[ _-]kingdom|gro[sß]britannien|britain|london|gbr)\b",
}
STANCES = {"demand", "offer", "reject", "accept", "threaten", "assure"}


def norm(s):
    return (s or "").strip().lower()


def load_jsonl(path):
    items = []
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            sys.exit(f"{path}:{n}: not JSON: {e}")
    return items


def load_gold(path):
    p = Path(path)
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    gold = defaultdict(list)
    for f in files:
        for g in load_jsonl(f):
            gold[g["doc"]].append(g)
    return gold


def doc_key(doc, gold_docs):
    d = Path(norm(doc)).name
    for suffix in (".txt", ".md", ".json"):
        if d.endswith(suffix):
            d = d[: -len(suffix)]
    return d if d in gold_docs else None


def actor_matches(gold_actor, pred):
    text = " ".join(norm(pred.get(k)) for k in ("actor", "actor_label"))
    pattern = ACTORS.get(gold_actor, r"\b" + re.escape(gold_actor) + r"\b")
    return re.search(pattern, text) is not None


def issue_matches(gold_issue, pred):
    text = " ".join(norm(pred.get(k)) for k in ("issue", "issue_label"))
    return re.search(gold_issue, text, re.IGNORECASE) is not None


def matches(g, pred):
    return (norm(pred.get("stance")) in g["stance"].split("|")
            and actor_matches(g["actor"], pred)
            and issue_matches(g["issue"], pred))


def score(gold, preds, verbose=False):
    gold_docs = set(gold)
    seen = set()
    per_doc = defaultdict(list)
    unknown_docs = set()
    for p in preds:
        d = doc_key(p.get("doc", ""), gold_docs)
        if d is None:
            unknown_docs.add(p.get("doc"))
            continue
        key = (norm(p.get("actor")), norm(p.get("stance")), norm(p.get("issue")))
        if (d,) + key in seen:
            continue
        seen.add((d,) + key)
        per_doc[d].append(p)

    correct = predicted = found = required = 0
    for d in sorted(gold_docs):
        golds, ps = gold[d], per_doc.get(d, [])
        predicted += len(ps)
        hit = [False] * len(golds)
        for p in ps:
            ok = False
            for i, g in enumerate(golds):
                if matches(g, p):
                    hit[i] = ok = True
            correct += ok
            if verbose and not ok:
                print(f"  FP {d}: {p.get('actor')} {p.get('stance')} {p.get('issue')}"
                      f" ({p.get('issue_label', '')})")
        for g, h in zip(golds, hit):
            if g.get("required", True):
                required += 1
                found += h
                if verbose and not h:
                    print(f"  FN {d}: {g['actor']} {g['stance']} /{g['issue']}/ :: {g.get('evidence', '')[:90]}")
    precision = correct / predicted if predicted else 0.0
    recall = found / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if verbose and unknown_docs:
        print(f"  (ignored positions of documents without gold: {sorted(unknown_docs)[:5]})")
    return precision, recall, f1, correct, predicted, found, required


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in argv
    def option(name):
        if name not in argv:
            return None
        value = argv[argv.index(name) + 1]
        args.remove(value)
        return value
    min_f1 = option("--min-f1")
    min_f1 = float(min_f1) if min_f1 is not None else None
    aliases = option("--actors")
    if aliases:
        ACTORS.update(json.loads(Path(aliases).read_text(encoding="utf-8")))
    if len(args) != 2:
        sys.exit(__doc__)
    gold = load_gold(args[0])
    preds = load_jsonl(args[1])
    bad = sorted({norm(p.get("stance")) for p in preds} - STANCES)
    if bad:
        print(f"warning: stances outside the vocabulary: {bad}")
    p, r, f1, c, n, fnd, req = score(gold, preds, verbose)
    print(f"precision {p:.3f} ({c}/{n})  recall {r:.3f} ({fnd}/{req})  F1 {f1:.3f}")
    if min_f1 is not None and f1 < min_f1:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
