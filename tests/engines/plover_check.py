#!/usr/bin/env python3
"""PLOVER export validated against the published data model (issue 17).

The field lists below are the PLOVER manual's, copied by name from
openeventdata/PLOVER, PLOVER_MANUAL.tex at commit 5e0c24f ("replace
incorrect DEMAND refs with REQUEST"; draft 2.0): chapter "Data Fields"
(tables "PLOVER JSON", "Information object for entities", "... for text",
"... for citations"), the event categories with their modes, the general
contexts table, the auxiliary modes and the quad categories. Every event of
`negograph export --format plover` on the demo must use only those names
(plus our declared extras), carry the required fields, and equal the
position it comes from.

Exit codes: 0 passed, 1 failed. Env: NEGOGRAPH_BINARY, NEGOGRAPH_ENGINES_DIR.
"""
import json
import os
import re
import subprocess
import sys

RECORD_FIELDS = {  # name: required
    "id": True, "has_event": False, "date": True, "time": False, "enddate": False,
    "endtime": False, "actor": True, "recipient": False, "event": True, "event_loc": False,
    "event_text": False, "quad_code": False, "event_scale": False, "mode": False,
    "context": False, "link": False, "text": False, "text_info": False, "cite_info": False,
    "coder": False, "coded_date": False, "coded_time": False, "comment": False,
}
ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text",
                 "religion", "ethnicity", "office", "gender", "age"}
TEXT_INFO_FIELDS = {"sequence", "start", "end", "text_story"}
CITE_INFO_FIELDS = {"corpus", "citation", "url", "title", "language", "publication", "license",
                    "copyright", "coder", "codebook", "version"}
# Event categories -> their modes (empty: "Supplementary fields: None").
REQUEST_MODES = {"assist", "change", "yield", "meet"}
EVENT_MODES = {
    "AGREE": set(), "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": REQUEST_MODES, "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": REQUEST_MODES,
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"},
}
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
        "RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
        "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
CONTEXTS = {"military", "intelligence", "executive", "legislative", "election",
            "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
            "human_rights", "rights_freedoms", "repression", "human_security", "lgbt",
            "religion_ethnicity", "inequality", "diplomatic", "territory", "health", "asylum",
            "migration", "disasters", "natural_resource", "environment", "technology",
            "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
            "illegal_drugs", "trafficking"}
AUXILIARY_MODES = {"historical", "future", "hypothetical", "negation"}
# What we add beside PLOVER's names (the manual invites named extra fields).
OUR_RECORD_FIELDS = {"negograph", "date_precision"}
OUR_ENTITY_FIELDS = {"negograph_id"}
# Our stances -> PLOVER categories (docs/exports.md); DEMAND is REQUEST now.
STANCE_EVENT = {"demand": "REQUEST", "offer": "AGREE", "accept": "AGREE", "assure": "AGREE",
                "reject": "REJECT", "threaten": "THREATEN"}

BIN = os.environ["NEGOGRAPH_BINARY"]
DIR = os.environ["NEGOGRAPH_ENGINES_DIR"]


def check_entities(where, entities):
    assert isinstance(entities, list) and entities, (where, "a non-empty list of entities")
    for e in entities:
        assert isinstance(e, dict), where
        extra = set(e) - ENTITY_FIELDS - OUR_ENTITY_FIELDS
        assert not extra, (where, "entity fields not in PLOVER", extra)
        if "code" in e:
            assert re.fullmatch(r"[A-Z]{3}", e["code"]), (where, e["code"])


def check(event, position):
    where = event.get("id")
    extra = set(event) - set(RECORD_FIELDS) - OUR_RECORD_FIELDS
    assert not extra, (where, "fields not in PLOVER", extra)
    for name, required in RECORD_FIELDS.items():
        assert not required or name in event, (where, "missing required", name)
    if event.get("date_precision") != "unknown":
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", event["date"]), (where, event["date"])
    check_entities(where, event["actor"])
    if "recipient" in event:
        check_entities(where, event["recipient"])
    events = event["event"]
    assert isinstance(events, list) and events and set(events) <= set(EVENT_MODES), (where, events)
    if event.get("mode") is not None:
        allowed = set().union(*(EVENT_MODES[e] for e in events))
        assert set(event["mode"]) <= allowed, (where, event["mode"])
    if "context" in event and event["context"] is not None:
        assert set(event["context"]) <= CONTEXTS | AUXILIARY_MODES, (where, event["context"])
    if "quad_code" in event:
        assert event["quad_code"] in {QUAD[e] for e in events}, (where, event["quad_code"])
    assert set(event.get("text_info", {})) <= TEXT_INFO_FIELDS, where
    cite = event.get("cite_info", {})
    assert set(cite) <= CITE_INFO_FIELDS, (where, set(cite) - CITE_INFO_FIELDS)
    if "language" in cite:
        assert re.fullmatch(r"[a-z]{2}", cite["language"]), (where, cite["language"])
    # The event is its position.
    assert events == [STANCE_EVENT[position["stance"]]], (where, events, position["stance"])
    assert event["actor"][0]["negograph_id"] == position["actor"]
    assert ("recipient" in event) == bool(position["target"]), where
    assert event["text"] == position["quote"]
    assert event["text_info"]["start"] == position["start"]
    assert ("hypothetical" in event["context"]) == bool(position["condition"]), where
    assert event.get("link", "") == position["round"], where


def main():
    db = ["--db", os.path.join(DIR, "db")]
    positions = {p["id"]: p for p in map(json.loads, subprocess.run(
        [BIN, "query", "--format", "jsonl", "--limit", "0", *db], check=True,
        capture_output=True, text=True).stdout.splitlines())}
    with open(os.path.join(DIR, "plover.jsonl"), encoding="utf-8") as f:
        events = [json.loads(line) for line in f]  # JSON Lines: one object per line
    assert len(events) == len(positions) > 0, (len(events), len(positions))
    ids = [e["id"] for e in events]
    assert len(set(ids)) == len(ids), "ids are unique"
    coded = {"state": 0, "IGO": 0}
    for e in events:
        check(e, positions[e["id"]])
        for ent in e["actor"]:
            if "code" in ent:
                coded["IGO" if ent["code"] == "IGO" else "state"] += 1
    cats = sorted({c for e in events for c in e["event"]})
    print(f"plover: {len(events)} events valid against the manual's field list; "
          f"categories {cats}; actors coded: {coded['state']} ISO alpha-3, {coded['IGO']} IGO")
    assert coded["state"] > 0, "states carry their ISO 3166 alpha-3 code"
    return 0


if __name__ == "__main__":
    sys.exit(main())
