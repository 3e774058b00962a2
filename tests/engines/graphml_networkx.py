#!/usr/bin/env python3
"""GraphML read by a real reader (issue 17): networkx (Debian's
python3-networkx) reads `negograph export --format graphml` of the demo into a
MultiDiGraph whose nodes, edges, typed attributes and dates equal what
`negograph query` answers.

Exit codes: 0 passed, 1 failed, 77 skipped (networkx missing).
Env: NEGOGRAPH_BINARY, NEGOGRAPH_ENGINES_DIR (the prepare fixture's output).
"""
import json
import os
import re
import subprocess
import sys

try:
    import networkx as nx
except ImportError as e:
    print(f"SKIPPED: networkx is not installed (apt-get install python3-networkx; "
          f"scripts/install-deps --with-engines): {e}")
    sys.exit(77)

BIN = os.environ["NEGOGRAPH_BINARY"]
DIR = os.environ["NEGOGRAPH_ENGINES_DIR"]


def negograph(*args):
    out = subprocess.run([BIN, *args, "--db", os.path.join(DIR, "db")], check=True,
                         capture_output=True, text=True).stdout
    return out


def main():
    g = nx.read_graphml(os.path.join(DIR, "negograph.graphml"))
    assert isinstance(g, nx.MultiDiGraph), type(g)
    positions = {p["id"]: p for p in map(json.loads, negograph(
        "query", "--format", "jsonl", "--limit", "0").splitlines())}
    actors = json.loads(negograph("query", "--list", "actors", "--format", "json"))["items"]
    issues = json.loads(negograph("query", "--list", "issues", "--format", "json"))["items"]
    docs = json.loads(negograph("query", "--list", "documents", "--format", "json"))["items"]
    print(f"networkx: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
          f"negograph: {len(actors) + len(issues)} actors+issues, {len(positions)} positions")
    assert len(positions) > 0
    assert g.number_of_nodes() == len(actors) + len(issues)
    assert g.number_of_edges() == len(positions)
    assert {n for n, d in g.nodes(data=True) if d["kind"] == "actor"} == \
        {"actor:" + a["id"] for a in actors}

    date_of = {d["id"]: d.get("date", "") for d in docs}
    iso = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    dated = 0
    for u, v, key, d in g.edges(keys=True, data=True):
        p = positions[key]  # edge ids are position ids
        assert (u, v) == ("actor:" + p["actor"], "issue:" + p["issue"]), (u, v, key)
        assert d["stance"] == p["stance"] and d["quote"] == p["quote"]
        # Typed keys come back typed: long/int -> int, boolean -> bool, double -> float.
        assert isinstance(d["span_start"], int) and d["span_start"] == p["start"]
        assert isinstance(d["span_end"], int) and d["span_end"] == p["end"]
        assert isinstance(d["sentence"], int) and isinstance(d["negated"], bool)
        assert isinstance(d["confidence"], float)
        assert d.get("round", "") == p["round"]
        assert d.get("date", "") == date_of[p["doc_id"]]
        if "date" in d:
            assert iso.match(d["date"]), d["date"]
            dated += 1
    for n, d in g.nodes(data=True):
        assert isinstance(d["positions"], int) and d["positions"] > 0
    print(f"networkx: every edge equal to its position; {dated} of {g.number_of_edges()} "
          f"edges dated for a timeline")
    assert dated == g.number_of_edges(), "every demo document has a date"
    return 0


if __name__ == "__main__":
    sys.exit(main())
