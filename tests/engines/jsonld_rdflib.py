#!/usr/bin/env python3
"""JSON-LD parsed as RDF (issue 17): rdflib (Debian's python3-rdflib) reads
`negograph export --format jsonld` of the demo; every position becomes an
ng:Position with typed literals (xsd:integer, xsd:boolean, xsd:decimal) equal
to `negograph query`; actors and issues carry rdfs:label literals, and once
labels are language-tagged (issue 13) every one has a @de and an @en label.

Exit codes: 0 passed, 1 failed, 77 skipped (rdflib missing).
Env: NEGOGRAPH_BINARY, NEGOGRAPH_ENGINES_DIR (the prepare fixture's output).
"""
import json
import os
import subprocess
import sys
from decimal import Decimal

try:
    import rdflib
    from rdflib.namespace import RDF, RDFS, XSD
except ImportError as e:
    print(f"SKIPPED: rdflib is not installed (apt-get install python3-rdflib; "
          f"scripts/install-deps --with-engines): {e}")
    sys.exit(77)

BIN = os.environ["NEGOGRAPH_BINARY"]
DIR = os.environ["NEGOGRAPH_ENGINES_DIR"]
NG = rdflib.Namespace("https://negograph.invalid/ns#")


def negograph(*args):
    return subprocess.run([BIN, *args, "--db", os.path.join(DIR, "db")], check=True,
                          capture_output=True, text=True).stdout


def main():
    g = rdflib.Graph()
    g.parse(os.path.join(DIR, "negograph.jsonld"), format="json-ld")
    positions = {p["id"]: p for p in map(json.loads, negograph(
        "query", "--format", "jsonl", "--limit", "0").splitlines())}
    subjects = set(g.subjects(RDF.type, NG.Position))
    print(f"rdflib: {len(g)} triples, {len(subjects)} ng:Position; negograph: {len(positions)} positions")
    assert len(positions) > 0 and len(subjects) == len(positions)

    for s in subjects:
        p = positions[str(s).rsplit("/", 1)[1]]
        assert g.value(s, NG.actor) == NG["actor/" + p["actor"]]
        assert g.value(s, NG.issue) == NG["issue/" + p["issue"]]
        assert str(g.value(s, NG.stance)) == p["stance"]
        assert str(g.value(s, NG.quote)) == p["quote"]
        for prop, dtype, want in ((NG.sentence, XSD.integer, p["sentence"]),
                                  (NG.start, XSD.integer, p["start"]),
                                  (NG.end, XSD.integer, p["end"]),
                                  (NG.negated, XSD.boolean, p["negated"])):
            lit = g.value(s, prop)
            assert isinstance(lit, rdflib.Literal) and lit.datatype == dtype, (prop, lit)
            assert lit.toPython() == want, (prop, lit, want)
        conf = g.value(s, NG.confidence)
        assert conf.datatype == XSD.decimal, conf
        assert abs(Decimal(str(conf)) - Decimal(str(p["confidence"]))) < Decimal("0.001")

    # Labels: every actor and issue has an rdfs:label. Once the export tags
    # labels with their language (issue 13: one literal per language), every
    # node must carry both a @de and an @en label.
    nodes = set(g.subjects(RDF.type, NG.Actor)) | set(g.subjects(RDF.type, NG.Issue))
    assert nodes, "actors and issues are typed"
    tagged = {}
    for n in nodes:
        labels = list(g.objects(n, RDFS.label))
        assert labels and all(isinstance(lit, rdflib.Literal) for lit in labels), (n, labels)
        for lit in labels:
            tagged[lit.language] = tagged.get(lit.language, 0) + 1
    if any(lang is not None for lang in tagged):
        for n in nodes:
            langs = {lit.language for lit in g.objects(n, RDFS.label)}
            assert langs >= {"de", "en"}, (n, langs)
        print(f"rdflib: {len(nodes)} actors and issues, labels per language {tagged}")
    else:
        print(f"rdflib: {len(nodes)} actors and issues with plain labels "
              "(no language tags in this export yet: issue 13)")
    print("rdflib: typed literals equal to negograph's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
