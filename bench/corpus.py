"""Seeded synthetic corpus for bench/run, built from the rule packs' own
lexicons (ingest/rules/*.yaml): actor, issue, speaker and stance-cue terms and
the function words (negation, condition, speech frames) put into sentence
templates per language, so the extractor meets attribution, negation,
conditions and lists, not just filler. Nothing here is copied from a
publisher: every sentence is assembled from the packs' single terms.

Two products:
  write_text_corpus(dir, bytes, seed)  -> Markdown documents (de + en), streamed
  write_extractions(path, positions, seed) -> DocumentExtraction JSON lines
      (what `negograph ingest --from-jsonl` reads), same vocabulary and
      templates, the labels taken from the template that built each sentence.
"""
import hashlib
import json
import os
import random

import yaml

STANCES = ["demand", "offer", "reject", "accept", "threaten", "assure"]


def _plain(terms):
    """Terms usable verbatim: no wildcard, no quote marks, not too short."""
    out = []
    for t in terms or []:
        t = str(t)
        if "*" in t or len(t) < 3 or "'" in t or "’" in t:
            continue
        out.append(t)
    return out


class Lexicon:
    def __init__(self, rules_dir):
        def load(name):
            with open(os.path.join(rules_dir, name), encoding="utf-8") as f:
                return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

        self.actors = []  # (id, label, [terms])
        for a in load("actors.yaml")["actors"]:
            terms = _plain(a.get("terms"))
            if terms:
                label = a.get("label", {})
                self.actors.append((a["id"], label.get("en", a["id"]) if isinstance(label, dict) else label, terms))
        self.issues = []
        for i in load("issues.yaml")["issues"]:
            t = i.get("terms") or {}
            terms = _plain(t.get("en", []) + t.get("de", []) if isinstance(t, dict) else t)
            if terms and not i.get("wrapper"):
                label = i.get("label", {})
                self.issues.append((i["id"], label.get("en", i["id"]) if isinstance(label, dict) else label, terms))
        self.speakers = [(s["id"], s["name"], s["party"], _plain(s.get("terms")))
                         for s in load("speakers.yaml")["speakers"] if _plain(s.get("terms"))]
        self.cues = {}     # lang -> stance -> [verb terms]
        self.markers = {}  # lang -> group -> [words]
        for lang in ("de", "en"):
            by_stance = {}
            for c in load(f"stances_{lang}.yaml")["cues"]:
                if c.get("kind", "verb") != "verb":
                    continue
                terms = [t for t in _plain(c.get("terms")) if " that" not in t and " darauf" not in t]
                if terms:
                    by_stance.setdefault(c["stance"], []).extend(terms)
            self.cues[lang] = by_stance
            self.markers[lang] = load(f"markers_{lang}.yaml")["words"]

    def phrases(self):
        """Every literal term of the lexicons: the raw-scan baseline's patterns."""
        out = set()
        for _, _, terms in self.actors + self.issues:
            out.update(terms)
        for s in self.speakers:
            out.update(s[3])
        for lang in self.cues:
            for terms in self.cues[lang].values():
                out.update(terms)
            for group in ("negation", "negation_adverb", "condition", "speech"):
                out.update(_plain(self.markers[lang].get(group)))
        return sorted(out)


FILLER = {
    "en": ["The talks in {place} lasted {n} hours.", "Both delegations briefed their capitals in the evening.",
           "The next round is due in {place} within {n} days.", "Officials gave no further details."],
    "de": ["Die Gespräche in {place} dauerten {n} Stunden.", "Beide Delegationen unterrichteten am Abend ihre Hauptstädte.",
           "Die nächste Runde ist in {n} Tagen in {place} geplant.", "Weitere Einzelheiten wurden nicht genannt."],
}
PLACES = ["Genf", "Wien", "Brüssel", "Geneva", "Vienna", "Brussels", "Minsk", "Istanbul"]


class Generator:
    """Sentences with known labels: (text, [(actor, stance, issue, speaker)])."""

    def __init__(self, lexicon, seed):
        self.lx = lexicon
        self.rnd = random.Random(seed)

    def _actor(self):
        a = self.rnd.choice(self.lx.actors)
        return a[0], a[1], self.rnd.choice(a[2])

    def _issue(self):
        i = self.rnd.choice(self.lx.issues)
        return i[0], i[1], self.rnd.choice(i[2])

    def _cue(self, lang):
        stance = self.rnd.choice([s for s in STANCES if s in self.lx.cues[lang]])
        return stance, self.rnd.choice(self.lx.cues[lang][stance])

    def sentence(self, lang):
        r = self.rnd
        m = self.lx.markers[lang]
        (aid, _, a), (iid, _, i), (st, v) = self._actor(), self._issue(), self._cue(lang)
        kind = r.randrange(7)
        if kind == 0:
            return f"{a} {v} {i}.", [(aid, st, iid, "")]
        if kind == 1:  # attribution after the clause
            sp = r.choice(self.lx.speakers)
            said = r.choice(_plain(m["speech"]) or ["said"])
            text = f"{a} {v} {i}, {said} {r.choice(sp[3])}." if lang == "de" else f"{a} {v} {i}, {r.choice(sp[3])} {said}."
            return text, [(aid, st, iid, sp[0])]
        if kind == 2:  # negation
            neg = r.choice(_plain(m["negation_adverb"]) or ["not"])
            text = f"{a} {v} {i} {neg}." if lang == "de" else f"{a} has {neg} {v} {i}."
            return text, [(aid, st, iid, "")]
        if kind == 3:  # condition
            (bid, _, b), (jid, _, j), (st2, v2) = self._actor(), self._issue(), self._cue(lang)
            cond = r.choice(_plain(m["condition"]) or ["if"]).capitalize()
            text = f"{cond} {b} {j} {v2}, {v} {a} {i}." if lang == "de" else f"{cond} {b} {v2} {j}, {a} {v} {i}."
            return text, [(aid, st, iid, ""), (bid, st2, jid, "")]
        if kind == 4:  # list of actors
            (bid, _, b), (cid, _, c) = self._actor(), self._actor()
            conj = "und" if lang == "de" else "and"
            return f"{a}, {b} {conj} {c} {v} {i}.", [(x, st, iid, "") for x in (aid, bid, cid)]
        if kind == 5:  # reported speech frame before the clause
            sp = r.choice(self.lx.speakers)
            text = f"{r.choice(sp[3])} zufolge {v} {a} {i}." if lang == "de" else f"According to {r.choice(sp[3])}, {a} {v} {i}."
            return text, [(aid, st, iid, sp[0])]
        text = r.choice(FILLER[lang]).format(place=r.choice(PLACES), n=r.randrange(2, 30))
        return text, []


def _hex(data, digits):
    return hashlib.blake2b(data.encode(), digest_size=digits // 2).hexdigest()


def write_text_corpus(out_dir, target_bytes, seed, sentences_per_doc=40):
    """Markdown documents alternating de/en until target_bytes of body text.
    Returns {'files', 'bytes', 'sentences', 'labelled'} (bytes = file sizes)."""
    gen = Generator(lexicon(), seed)
    os.makedirs(out_dir, exist_ok=True)
    stats = {"files": 0, "bytes": 0, "sentences": 0, "labelled": 0}
    n = 0
    while stats["bytes"] < target_bytes:
        lang = "de" if n % 2 == 0 else "en"
        paras, para = [], []
        for s in range(sentences_per_doc):
            text, labels = gen.sentence(lang)
            para.append(text)
            stats["sentences"] += 1
            stats["labelled"] += len(labels)
            if len(para) == 4:
                paras.append(" ".join(para))
                para = []
        if para:
            paras.append(" ".join(para))
        day = 1 + n % 28
        body = (f"---\ntitle: synthetic {n}\ndate: 2022-01-{day:02d}\nlang: {lang}\n"
                f"source: negograph bench (generated)\n---\n" + "\n\n".join(paras) + "\n")
        path = os.path.join(out_dir, f"{n // 1000:04d}", f"doc-{n:07d}-{lang}.md")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        stats["bytes"] += len(body.encode())
        stats["files"] += 1
        n += 1
    return stats


def write_extractions(path, positions, seed, per_doc=50):
    """DocumentExtraction JSON lines with `positions` positions in all.
    Sentences are drawn from a seeded pool (generating each afresh would
    make a 1M-position input take minutes of Python)."""
    gen = Generator(lexicon(), seed)
    pool = {lang: [gen.sentence(lang) for _ in range(4096)] for lang in ("de", "en")}
    rnd = random.Random(seed)
    written, d = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while written < positions:
            lang = "de" if d % 2 == 0 else "en"
            sentences, pos = [], []
            while len(pos) < min(per_doc, positions - written):
                text, labels = rnd.choice(pool[lang])
                s_idx = len(sentences)
                sentences.append(text)
                for (actor, stance, issue, speaker) in labels:
                    if len(pos) >= min(per_doc, positions - written):
                        break
                    pos.append((s_idx, text, actor, stance, issue, speaker))
            body = " ".join(sentences)
            doc_id = _hex(f"{seed}|{d}|{body}", 32)
            name = f"synthetic-{d:07d}-{lang}"
            doc = {"id": doc_id, "name": name, "title": "", "date": f"2022-01-{1 + d % 28:02d}",
                   "lang": lang, "source": "bench", "round": "", "text": body, "rules_version": "bench"}
            items, actors, issues, people = [], {}, {}, {}
            for k, (s_idx, text, actor, stance, issue, speaker) in enumerate(pos):
                pid = _hex(f"{doc_id}|{k}|{actor}|{stance}|{issue}", 16)
                items.append({"id": pid, "doc": name, "doc_id": doc_id, "actor": actor, "actor_label": actor,
                              "stance": stance, "issue": issue, "issue_label": issue, "speaker": speaker,
                              "speaker_label": speaker, "sentence": s_idx, "start": 0, "end": len(text),
                              "quote": text, "rule": f"{lang}.{stance}.bench", "confidence": 1.0})
                actors[actor] = {"id": actor, "label": actor, "type": "state"}
                issues[issue] = {"id": issue, "label": issue, "open": False}
                if speaker:
                    people[speaker] = {"id": speaker, "label": speaker, "party": actor, "role": ""}
            f.write(json.dumps({"document": doc, "positions": items, "actors": list(actors.values()),
                                "issues": list(issues.values()), "people": list(people.values())},
                               ensure_ascii=False) + "\n")
            written += len(pos)
            d += 1
    return {"documents": d, "positions": written}


_LEXICON = None


def lexicon():
    """The rule packs' lexicon, loaded once."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon(RULES_DIR)
    return _LEXICON


RULES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ingest", "rules")
