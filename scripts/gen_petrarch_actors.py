#!/usr/bin/env python3
"""Generate actor, speaker and agent rule packs from the PETRARCH2/Phoenix dictionaries.

Source: the Open Event Data Alliance's repository openeventdata/petrarch2 (MIT),
folder petrarch2/data/dictionaries. Pass a checkout (or a bare git directory,
read with `git show`) and the commit is written into each generated header.

What is kept, and why (a term must NAME the party):
  countries  Phoenix.Countries.actors.txt country blocks ("LEBANON_ [LBN]"):
             synonyms that WordNet lists as adjectives ("Lebanese") become
             `adjectives:` (they name the party only with an agent noun:
             "Lebanese officials", never "Lebanese food"); synonyms that WordNet
             glosses as the capital of the country become terms ("Beirut");
             multi-word names that contain the country's name become terms.
             Cities, provinces and misspellings are dropped.
  leaders    persons of the countries file with a <CCC>GOV code and a date
             range that reaches past 2000 -> speakers of that country, with
             `period:` from the codes. Full names always; single-word synonyms
             ("Karzai") only when WordNet does not know them as a common word.
  orgs       Phoenix.International.actors.txt blocks with an IGO code and no
             date, grouped by code (IGOUNO -> un); single words only when not a
             common word, acronyms as exact-case terms.
  groups     Phoenix.MilNonState.actors.txt: non-state armed groups by name.
  agents     Phoenix.agents.txt: government and diplomatic agent nouns
             (minister, officials, delegation ...) whose head is in AGENT_HEADS
             -> side nouns: an actor adjective or name followed by one names
             that party ("Kenyan officials").
Generated ids reuse the gazetteer's (scripts/gen_actor_gazetteer.py) and the
curated ones; curated terms win every duplicate (see docs/rules.md).

usage: scripts/gen_petrarch_actors.py PETRARCH2_REPO [RULES_DIR]
"""
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tabari  # noqa: E402
from gen_actor_gazetteer import CURATED_IDS, normalize_key  # noqa: E402

DICT = "petrarch2/data/dictionaries/"
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
# Phoenix codes that are not ISO 3166-1 alpha-3.
EXTRA_CODES = {"KSV": ("kosovo", "Kosovo")}
# IGO codes -> our ids (curated actors.yaml); other codes get an id of their own.
IGO_IDS = {"IGOUNO": "un", "IGOEUREEC": "eu", "IGOWSTNAT": "nato", "IGOSEAASN": "asean",
           "IGOBUSOPC": "opec", "IGOAFRAFU": "african_union", "IGOMEAARL": "arab_league",
           "IGOBUSIMF": "imf", "IGOUNOIAE": "iaea", "IGOBUSGSS": "g77", "IGOBUSGOS": "g7",
           "IGOBUSWTO": "wto", "IGOUNODEVWBK": "world_bank", "IGOUNOHLHWHO": "who"}
# Heads of agent nouns that name a party's negotiators or government.
AGENT_HEADS = {"minister", "ministers", "ministry", "government", "administration", "official",
               "officials", "envoy", "envoys", "ambassador", "diplomat", "diplomats", "delegation",
               "negotiator", "negotiators", "spokesman", "spokeswoman", "spokesperson", "cabinet",
               "parliament", "president", "premier", "chancellor", "secretary", "leadership",
               "authorities", "foreign office", "leader", "leaders", "representative",
               "representatives", "emissary", "junta", "regime", "monarch", "king", "emir",
               "prime minister", "foreign minister", "head of state", "head of government"}
# Capitals that neither the Phoenix country block nor WordNet's glosses give
# (our own curation), by ISO alpha-3.
CAPITALS_EN = {"SRB": ["Belgrade"], "MHL": ["Majuro"], "KSV": ["Pristina"], "MNE": ["Podgorica"],
               "MKD": ["Skopje"], "TLS": ["Dili"], "SSD": ["Juba"]}
# Capitals stay out until the analyzer tells a place ("a delegation to Lima",
# "nach Lima") from a party ("Lima rejected"): as actors inside a theme they
# cut it. The curated actors.yaml names the capitals used as metonyms.
WITH_CAPITALS = False
MAX_WORDS = 4  # organisation and group names longer than this are dropped
MIN_YEAR = "2012"  # a leader whose office ended before this is not a speaker of today's texts
ORG_WORDS = {"organization", "organisation", "union", "community", "council", "bank", "fund",
             "commission", "league", "association", "group", "alliance", "agency", "court", "forum",
             "federation", "partnership", "panel", "tribunal", "parliament", "assembly", "nations",
             "secretariat", "conference", "cooperation", "co-operation", "committee", "states"}


def read(repo, rel):
    repo = Path(repo)
    if (repo / rel).exists():
        return (repo / rel).read_text(encoding="utf-8", errors="replace")
    return subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{rel}"], check=True,
                          capture_output=True, text=True, errors="replace").stdout


def commit_of(repo):
    repo = Path(repo)
    gitdir = repo / ".git" if (repo / ".git").exists() else repo
    return subprocess.run(["git", "--git-dir", str(gitdir), "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()


def q(s):
    return json.dumps(s, ensure_ascii=False)


def iso_ids():
    """alpha-3 -> (id, English label), as gen_actor_gazetteer.py names them."""
    out = dict(EXTRA_CODES)
    for c in json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]:
        label = c.get("common_name", c["name"])
        out[c["alpha_3"]] = (CURATED_IDS.get(c["alpha_2"], normalize_key(label)), label)
    return out


def is_country_code(code, ids):
    return len(code) == 3 and code in ids


def header(commit, what, counts):
    return [f"# GENERATED by scripts/gen_petrarch_actors.py; do not edit. {what}",
            f"# Source: openeventdata/petrarch2 @ {commit}, petrarch2/data/dictionaries.",
            "# Those dictionaries: The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance.",
            "#   Permission is hereby granted, free of charge, to any person obtaining a copy of this",
            "#   software ... The above copyright notice and this permission notice shall be included in",
            "#   all copies or substantial portions of the Software. (full text: LICENSE of that repository)",
            "# Counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
            "version: 1", "generated: true"]


def keep_single(word, wn):
    """A one-word name names a party only when it is not a common English word."""
    return not wn.is_common(word)


def countries(blocks, ids, wn):
    actors = defaultdict(lambda: {"terms": [], "adjectives": [], "cased": []})
    speakers = []
    for b in blocks:
        # A country block: a plain country code that is current ("[SRB]" or
        # "[SRB >060605]" after "[SCGSRB 920428-060605]").
        codes = [c for c in b.codes if is_country_code(c.code, ids) and not c.end]
        if codes:
            cid, label = ids[codes[-1].code]
            a = actors[cid]
            a["label"] = label
            if WITH_CAPITALS:
                a["terms"] += CAPITALS_EN.get(codes[-1].code, [])
            country = label.lower()
            for name, _, _ in b.names:
                t = tabari.title(name)
                low = t.lower()
                if low in wn.adjectives and low != country:
                    a["adjectives"].append(t)
                elif WITH_CAPITALS and wn.capital_of.get(low) and (
                        wn.capital_of[low] in (country, name.lower()) or
                        wn.capital_of[low].startswith(country + " ")):
                    a["terms"].append(t)
                elif " " in low and country in low and "occupied" not in low:
                    # "Saudi Arabian" is an adjective, "Republic of Korea" a name.
                    adj = low.endswith(("an", "ese", "ish", "i")) and not low.endswith(country)
                    a["adjectives" if adj else "terms"].append(t)
            continue
        gov = [c for c in b.codes if len(c.code) == 6 and c.code.endswith("GOV") and c.code[:3] in ids
               and c.start and (c.end[:4] >= MIN_YEAR if c.end else c.start[:4] >= "1995")]
        if not gov:
            continue
        party = ids[gov[-1].code[:3]][0]
        terms = []
        for name, _, _ in b.names:
            t = tabari.title(name)
            if " " in t or (keep_single(t, wn) and len(t) > 3 and name != b.names[0][0]):
                terms.append(t)
        if not terms:
            continue
        periods = sorted({f"{c.start}-{c.end}" for c in gov if c.code[:3] == gov[-1].code[:3]})
        speakers.append({"id": "p_" + normalize_key(terms[0]), "name": terms[0], "party": party,
                         "role": "government", "period": " ".join(periods), "terms": terms})
    return actors, speakers


def grouped(blocks, wn, id_of, kind):
    """International organisations and non-state groups, one actor per id."""
    actors = {}
    for b in blocks:
        if any(c.start or c.end for c in b.codes) or not b.codes:
            continue
        aid = id_of(b)
        if aid is None:
            continue
        a = actors.setdefault(aid, {"label": label(b.names[0][0], wn), "terms": [], "cased": [],
                                    "type": kind})
        for name, _, acro in b.names:
            if acro and acro not in a["cased"]:
                a["cased"].append(acro)
            t = tabari.title(name)
            if " " in name:
                # Long descriptive names ("Anti-Imperialist Territorial Nuclei for the
                # Construction of ...") are not how reports name a party, and each
                # costs automaton states.
                if name.count(" ") < MAX_WORDS:
                    a["terms"].append(t)
            elif len(name) <= 5:
                if len(name) >= 3 and "." not in name:
                    a["cased"].append(name)  # "ETA" is a word: only the exact-case acronym names it
            elif keep_single(name, wn):
                a["terms"].append(t)
    return actors


def label(name, wn):
    """Display label: acronyms stay upper case ("ASEAN", not "Asean")."""
    if " " not in name and len(name) <= 6 and not wn.is_common(name) and name.lower() not in wn.proper:
        return name
    return tabari.title(name)


def org_like(b, wn):
    """An IGO block names an organisation (not one of its officials) when its name says so."""
    name = b.names[0][0]
    words = set(name.lower().split(" "))
    return bool(words & ORG_WORDS) or (" " not in name and len(name) <= 6)


PLURAL_HEADS = {"minister", "official", "diplomat", "envoy", "negotiator", "representative",
                "leader", "ambassador", "secretary"}
# Words allowed before an agent head ("deputy foreign minister"); others
# ("fire brigade official", "jute and textiles minister") are too specific to name a side.
AGENT_MODIFIERS = {"foreign", "deputy", "prime", "vice", "interior", "defence", "defense", "finance",
                   "trade", "economy", "economic", "commerce", "energy", "environment", "chief", "senior",
                   "high", "top", "government", "cabinet", "caretaker", "interim", "affairs", "state",
                   "of", "head", "external", "relations", "climate", "national", "security", "justice"}


def agents(text, path):
    """Agent nouns (with plurals) whose head names a government or its negotiators."""
    macros = {}
    out = set()
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^!([A-Z]+)!\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^([A-Z!_'\-]+)\s*(?:\{([^}]*)\})?\s*\[(~[A-Z]+)\]", line)
        if not m:
            tabari.warn(path, n, "malformed agent line")
            continue
        name, plural, code = m.groups()
        if not (code.startswith("~GOV") or code.startswith("~LEG")) or code.startswith("~GOVMIL"):
            continue
        forms = [name]
        for mac, words in macros.items():
            if f"!{mac}!" in name:
                forms = [name.replace(f"!{mac}!", w) for w in words]
        if plural:
            forms += [p for p in plural.split() if p]
        for f in forms:
            if "!" in f:
                tabari.warn(path, n, f"unknown macro in {f!r}")
                continue
            words = f.strip("_").replace("_", " ").lower()
            if words.endswith(" " ) or not words:
                continue
            head = words.split(" ")[-1]
            if (words in AGENT_HEADS or head in AGENT_HEADS) and \
                    all(w in AGENT_MODIFIERS or w in AGENT_HEADS for w in words.split(" ")[:-1]):
                out.add(words)
                if head in PLURAL_HEADS and not words.endswith("s"):
                    consonant_y = words.endswith("y") and words[-2:-1] not in "aeiou"
                    out.add(words[:-1] + "ies" if consonant_y else words + "s")
    return sorted(out)


def write_actors(path, lines, actors, with_label):
    lines.append("actors:")
    for aid in sorted(actors):
        a = actors[aid]
        terms = list(dict.fromkeys(a["terms"]))
        cased = list(dict.fromkeys(a.get("cased", [])))
        adjs = list(dict.fromkeys(a.get("adjectives", [])))
        if not (terms or cased or adjs):
            continue
        lines.append(f"  - id: {aid}")
        if "type" in a:
            lines.append(f"    type: {a['type']}")
        if with_label and a.get("label"):
            lines.append(f"    label: {{en: {q(a['label'])}}}")
        if terms:
            lines.append(f"    terms: [{', '.join(q(t) for t in terms)}]")
        if cased:
            lines.append(f"    cased: [{', '.join(q(t) for t in cased)}]")
        if adjs:
            lines.append(f"    adjectives: [{', '.join(q(t) for t in adjs)}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(argv) >= 2 else 2
    repo = argv[1]
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent.parent / "ingest/rules"
    commit = commit_of(repo)
    wn = tabari.WordNet()
    ids = iso_ids()
    cfile, ifile, mfile, afile = (DICT + f for f in ("Phoenix.Countries.actors.txt",
                                                      "Phoenix.International.actors.txt",
                                                      "Phoenix.MilNonState.actors.txt",
                                                      "Phoenix.agents.txt"))
    cactors, speakers = countries(tabari.read_blocks(cfile, read(repo, cfile)), ids, wn)

    def igo_id(b):
        code = b.codes[0].code
        if not code.startswith("IGO"):
            return None
        if code in IGO_IDS:
            return IGO_IDS[code]
        return normalize_key(tabari.title(b.names[0][0])) if org_like(b, wn) else None

    orgs = grouped(tabari.read_blocks(ifile, read(repo, ifile)), wn, igo_id, "organisation")
    groups = grouped(tabari.read_blocks(mfile, read(repo, mfile)), wn,
                     lambda b: normalize_key(tabari.title(b.names[0][0])), "other")
    side = agents(read(repo, afile), afile)

    orgs = {k: v for k, v in orgs.items() if v["terms"] or v["cased"]}
    groups = {k: v for k, v in groups.items() if v["terms"] or v["cased"]}
    n_adj = sum(len(a["adjectives"]) for a in cactors.values())
    n_cap = sum(len(a["terms"]) for a in cactors.values())
    lines = header(commit, "Country adjectives, capitals and names; international organisations;"
                   " non-state groups.",
                   {"countries": len(cactors), "adjectives": n_adj, "names and capitals": n_cap,
                    "organisations": len(orgs), "non-state groups": len(groups)})
    lines += ["merge: true", "lang: en"]
    merged = {}
    for aid, a in cactors.items():
        merged[aid] = dict(a)
    for aid, a in list(orgs.items()) + list(groups.items()):
        if aid in merged:
            merged[aid]["terms"] += a["terms"]
            merged[aid]["cased"] = merged[aid].get("cased", []) + a["cased"]
        else:
            merged[aid] = a
    write_actors(out / "actors_petrarch.yaml", lines, merged, True)

    unique = {}
    for s in sorted(speakers, key=lambda s: s["id"]):
        unique.setdefault(s["id"], s)  # two blocks of one name: the first
    seen = set(unique)
    slines = header(commit, "Leaders (government office holders) with their periods.",
                    {"speakers": len(unique)})
    slines.append("speakers:")
    for s in unique.values():
        slines.append(f"  - {{id: {s['id']}, name: {q(s['name'])}, party: {s['party']}, role: {s['role']},"
                      f" period: {q(s['period'])}, terms: [{', '.join(q(t) for t in s['terms'])}]}}")
    (out / "speakers_petrarch.yaml").write_text("\n".join(slines) + "\n", encoding="utf-8")

    alines = header(commit, "Agent nouns: an actor adjective or name before one names that party.",
                    {"agent nouns": len(side)})
    alines += ["lang: en", "words:", f"  side_noun: [{', '.join(q(s) for s in side)}]"]
    (out / "markers_agents_en.yaml").write_text("\n".join(alines) + "\n", encoding="utf-8")
    print(f"countries {len(cactors)} (adjectives {n_adj}, names/capitals {n_cap}), organisations "
          f"{len(orgs)}, non-state groups {len(groups)}, speakers {len(seen)}, agent nouns {len(side)}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
