#!/usr/bin/env python3
"""Generate ingest/rules/actors_adjectives_de.yaml: German country adjectives and demonyms.

For every country of the gazetteer (Debian iso-codes, German names from its
gettext catalogue) the adjective is derived by rule from the German name
(Albanien -> albanisch, Japan -> japanisch, Finnland -> finnisch) unless the
curated EXCEPTIONS table below names it (Libanon -> libanesisch, China ->
chinesisch). Adjectives are emitted with '*' ("libanesisch*" finds
"libanesische", "libanesischen") and mark holders and sides only: "die
libanesische Regierung" names Lebanon, "die libanesische Küche" does not.
Demonym plurals ("die Iraner", "die Russen") are emitted as terms for the
curated table only: German reports use them for the state ("Die Iraner
lehnten ab").

With --check, every derived adjective is looked up with hunspell (de_DE) and
the unknown ones are listed on stderr, for curation; nothing from the
dictionary is written into the output.

usage: scripts/gen_actor_adjectives_de.py [--check] [OUT.yaml]
"""
import gettext
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_actor_gazetteer import CURATED_IDS, normalize_key  # noqa: E402

ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
# alpha-2 -> (adjective stem, demonym plurals). Stems end in "isch"/"sch"; our own curation.
EXCEPTIONS = {
    "AF": ("afghanisch", ["Afghanen"]), "EG": ("ägyptisch", ["Ägypter"]),
    "AR": ("argentinisch", ["Argentinier"]), "AU": ("australisch", ["Australier"]),
    "BE": ("belgisch", ["Belgier"]), "BO": ("bolivianisch", []), "BR": ("brasilianisch", ["Brasilianer"]),
    "CL": ("chilenisch", ["Chilenen"]), "CN": ("chinesisch", ["Chinesen"]), "CO": ("kolumbianisch", []),
    "DK": ("dänisch", ["Dänen"]), "DE": ("deutsch", []), "EE": ("estnisch", ["Esten"]),
    "FI": ("finnisch", ["Finnen"]), "FR": ("französisch", ["Franzosen"]), "FJ": ("fidschianisch", []),
    "GB": ("britisch", ["Briten"]), "GR": ("griechisch", ["Griechen"]), "GH": ("ghanaisch", []),
    "IN": ("indisch", ["Inder"]), "ID": ("indonesisch", ["Indonesier"]), "IQ": ("irakisch", ["Iraker"]),
    "IR": ("iranisch", ["Iraner"]), "IE": ("irisch", ["Iren"]), "IS": ("isländisch", ["Isländer"]),
    "IL": ("israelisch", ["Israelis"]), "IT": ("italienisch", ["Italiener"]), "JP": ("japanisch", ["Japaner"]),
    "JO": ("jordanisch", ["Jordanier"]), "QA": ("katarisch", ["Katarer"]), "KE": ("kenianisch", ["Kenianer"]),
    "CU": ("kubanisch", ["Kubaner"]), "KW": ("kuwaitisch", []), "LB": ("libanesisch", ["Libanesen"]),
    "LY": ("libysch", ["Libyer"]), "MA": ("marokkanisch", ["Marokkaner"]), "MH": ("marshallisch", []),
    "MX": ("mexikanisch", ["Mexikaner"]), "NZ": ("neuseeländisch", ["Neuseeländer"]),
    "NL": ("niederländisch", ["Niederländer"]), "NG": ("nigerianisch", ["Nigerianer"]),
    "KP": ("nordkoreanisch", ["Nordkoreaner"]), "NO": ("norwegisch", ["Norweger"]),
    "AT": ("österreichisch", ["Österreicher"]), "PK": ("pakistanisch", ["Pakistaner"]),
    "PS": ("palästinensisch", ["Palästinenser"]), "PL": ("polnisch", ["Polen"]),
    "PT": ("portugiesisch", ["Portugiesen"]), "RU": ("russisch", ["Russen"]), "SA": ("saudisch", ["Saudis"]),
    "SE": ("schwedisch", ["Schweden"]), "CH": ("schweizerisch", ["Schweizer"]), "RS": ("serbisch", ["Serben"]),
    "ES": ("spanisch", ["Spanier"]), "ZA": ("südafrikanisch", ["Südafrikaner"]),
    "KR": ("südkoreanisch", ["Südkoreaner"]), "SD": ("sudanesisch", []), "SY": ("syrisch", ["Syrer"]),
    "TW": ("taiwanisch", ["Taiwaner"]), "TH": ("thailändisch", []), "CZ": ("tschechisch", ["Tschechen"]),
    "TR": ("türkisch", ["Türken"]), "UA": ("ukrainisch", ["Ukrainer"]), "HU": ("ungarisch", ["Ungarn"]),
    "US": ("amerikanisch", ["Amerikaner"]), "AE": ("emiratisch", []), "VN": ("vietnamesisch", []),
    "BY": ("belarussisch", []), "VE": ("venezolanisch", []), "YE": ("jemenitisch", []),
    "GE": ("georgisch", ["Georgier"]), "GL": ("grönländisch", []), "AM": ("armenisch", ["Armenier"]),
    "AZ": ("aserbaidschanisch", []), "LT": ("litauisch", ["Litauer"]), "LV": ("lettisch", ["Letten"]),
    "SI": ("slowenisch", []), "SK": ("slowakisch", []), "HR": ("kroatisch", ["Kroaten"]),
    "BA": ("bosnisch", []), "MK": ("nordmazedonisch", []), "ME": ("montenegrinisch", []),
    "RO": ("rumänisch", ["Rumänen"]), "BG": ("bulgarisch", ["Bulgaren"]), "MD": ("moldauisch", []),
    "KZ": ("kasachisch", []), "UZ": ("usbekisch", []), "PH": ("philippinisch", []),
    "MY": ("malaysisch", []), "SG": ("singapurisch", []), "BD": ("bangladeschisch", []),
    "LK": ("sri-lankisch", []), "NP": ("nepalesisch", []), "ET": ("äthiopisch", []),
    "NE": ("nigrisch", []), "ML": ("malisch", []), "SN": ("senegalesisch", []), "TZ": ("tansanisch", []),
    "UG": ("ugandisch", []), "RW": ("ruandisch", []), "CD": ("kongolesisch", []), "TN": ("tunesisch", []),
    "DZ": ("algerisch", []), "OM": ("omanisch", []), "BH": ("bahrainisch", []), "CA": ("kanadisch", ["Kanadier"]),
    "PE": ("peruanisch", []), "EC": ("ecuadorianisch", []), "UY": ("uruguayisch", []),
    "PY": ("paraguayisch", []), "CR": ("costa-ricanisch", []), "PA": ("panamaisch", []),
    "LU": ("luxemburgisch", []), "MT": ("maltesisch", []), "CY": ("zyprisch", []), "AL": ("albanisch", []),
    "MN": ("mongolisch", []), "KH": ("kambodschanisch", []), "MM": ("myanmarisch", []),
    "TV": ("tuvaluisch", []), "BB": ("barbadisch", []), "JM": ("jamaikanisch", []),
}


# German exonyms of capitals and other German names the iso-codes catalogue
# lacks (our own curation); exact-case acronyms in CASED.
CAPITALS_DE = {  # only names that are not places a delegation travels to (see gen_petrarch_actors.py)
    "SA": ["Saudi-Arabien", "Saudi-Arabiens"],
    "AE": ["Vereinigten Arabischen Emirate", "Vereinigten Arabischen Emiraten"],
    "KP": ["Nordkorea"], "BY": ["Weißrussland"], "FJ": ["Fidschi-Inseln"], "MH": ["Marshall-Inseln"],
}
CASED = {"AE": ["VAE", "UAE"], "SA": ["KSA"]}
ADJ_EN = {"AE": ["Emirati"], "QA": ["Qatari"], "FJ": ["Fijian"], "MH": ["Marshallese"], "KW": ["Kuwaiti"],
          "BH": ["Bahraini"], "OM": ["Omani"], "YE": ["Yemeni"], "IQ": ["Iraqi"], "PK": ["Pakistani"],
          "BD": ["Bangladeshi"], "SA": ["Saudi"], "IL": ["Israeli"]}


def derive(name):
    """Rule-based adjective for a German country name (None for multi-word names)."""
    n = name.lower()
    if " " in n or "-" in n or "," in n:
        return None  # "Vereinigte Arabische Emirate", "Saudi-Arabien": curated only
    for suffix, repl in (("land", "isch"), ("ien", "isch"), ("istan", "isch"), ("stan", "isch"),
                         ("en", "isch"), ("an", "anisch"), ("a", "anisch"), ("e", "isch")):
        if n.endswith(suffix):
            return n[: -len(suffix)] + repl
    return n + "isch"  # Israel -> israelisch, Irak -> irakisch, Togo -> togoisch


def main(argv):
    check = "--check" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    if any(a in ("-h", "--help") for a in argv[1:]):
        print(__doc__)
        return 0
    out = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "ingest/rules/actors_adjectives_de.yaml"
    de = gettext.translation("iso_3166-1", "/usr/share/locale", languages=["de"], fallback=True)
    rows = []
    for c in json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]:
        en = c.get("common_name", c["name"])
        aid = CURATED_IDS.get(c["alpha_2"], normalize_key(en))
        name_de = de.gettext(c.get("common_name") or c["name"])
        a2 = c["alpha_2"]
        if a2 in EXCEPTIONS:
            adj, demonyms = EXCEPTIONS[a2]
            rows.append((aid, adj, demonyms + CAPITALS_DE.get(a2, []), True, CASED.get(a2, []), ADJ_EN.get(a2, [])))
        else:
            adj = derive(name_de)
            if adj:
                rows.append((aid, adj, CAPITALS_DE.get(a2, []), False, CASED.get(a2, []), ADJ_EN.get(a2, [])))
    if check:
        words = "\n".join(r[1] + "e" for r in rows)
        res = subprocess.run(["hunspell", "-d", "de_DE", "-l"], input=words, capture_output=True, text=True)
        for w in res.stdout.split():
            print(f"unknown to hunspell: {w}", file=sys.stderr)
    curated = sum(1 for r in rows if r[3])
    lines = ["# GENERATED by scripts/gen_actor_adjectives_de.py; do not edit.",
             "# German country adjectives ('libanesisch*') and demonym plurals ('Libanesen') for every",
             "# country of Debian iso-codes: derived by rule from the German name, or from the",
             "# script's own curated tables (also German capital names, 'Kairo', and English",
             "# adjectives WordNet lacks, 'Emirati'). Adjectives name a party only before a side noun",
             "# ('die libanesische Regierung'), never on their own ('die libanesische Küche').",
             f"# Counts: countries {len(rows)}, curated {curated}, derived by rule {len(rows) - curated},"
             f" names and demonyms {sum(len(r[2]) for r in rows)}",
             "version: 1", "generated: true", "merge: true", "lang: de", "actors:"]
    for aid, adj, terms, _, cased, adj_en in sorted(rows):
        lines.append(f"  - id: {aid}")
        if terms:
            lines.append(f"    terms: [{', '.join(json.dumps(d, ensure_ascii=False) for d in terms)}]")
        if cased:
            lines.append(f"    cased: [{', '.join(json.dumps(d) for d in cased)}]")
        adjs = [adj + "*"] + adj_en
        lines.append(f"    adjectives: [{', '.join(json.dumps(a, ensure_ascii=False) for a in adjs)}]")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(rows)} countries)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
