#!/usr/bin/env python3
"""Share of gold actors that the extractor resolves at all (any stance, any issue).

For every (document, required gold actor) pair, counts whether some predicted
position of that document names the actor, using the scorer's own actor
matching (its ACTORS table plus --actors aliases). Lexicon coverage, not
extraction quality: it tells whether the parties of a corpus are named.

usage: negograph extract TEXTS --format jsonl > pred.jsonl
       scripts/actor_coverage.py SCORE_PY GOLD_DIR pred.jsonl [--actors ALIASES.json]
"""
import importlib.util
import json
import sys
from collections import Counter, defaultdict


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) < 3 or "--help" in argv:
        print(__doc__)
        return 0 if "--help" in argv else 2
    score_py, gold_dir, pred = args[0], args[1], args[2]
    spec = importlib.util.spec_from_file_location("score", score_py)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    if "--actors" in argv:
        with open(argv[argv.index("--actors") + 1], encoding="utf-8") as f:
            sc.ACTORS.update(json.load(f))
    gold = sc.load_gold(gold_dir)
    per_doc = defaultdict(list)
    with open(pred, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                p = json.loads(line)
                d = sc.doc_key(p.get("doc", ""), set(gold))
                if d:
                    per_doc[d].append(p)
    total = hit = 0
    missed = Counter()
    for d, items in gold.items():
        for actor in sorted({g["actor"] for g in items if g.get("required", True)}):
            total += 1
            if any(sc.actor_matches(actor, p) for p in per_doc[d]):
                hit += 1
            else:
                missed[actor] += 1
    print(f"gold (document, actor) pairs resolved: {hit}/{total} = {hit / max(total, 1):.3f}")
    print("missed: " + ", ".join(f"{a} {n}" for a, n in missed.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
