#!/usr/bin/env python3
"""Sanity checks for the hand-annotated gold standard.

Run from the repository root (or anywhere):  python tests/gold/check_gold.py

Checks, for every *.yaml here (heldout*.yaml are held out, tuning*.yaml are tuning):
  * every document file exists, has YAML front matter, and its `date` equals the
    front-matter date;
  * every relation name is in the vocabulary;
  * every `evidence` string occurs verbatim (character for character) in the
    article body (front matter excluded);
  * relation dates are null, YYYY, YYYY-MM or YYYY-MM-DD and not after the
    article date;
  * every subject/object is listed in the document's `actors` (and every actor
    listed takes part in a relation), kinds are Person | Country | Organisation;
  * no document appears in both halves, and no seed article is used.
Prints per-half and per-relation counts.
"""

import re
import sys
from collections import Counter
from pathlib import Path

import yaml

GOLD = Path(__file__).resolve().parent

VOCAB = {
    "met": "CONSULT",
    "spokeWith": "CONSULT",
    "mediated": "CONSULT",
    "agreedToMeet": "AGREE",
    "agreed": "AGREE",
    "praised": "SUPPORT",
    "supported": "SUPPORT",
    "signedAgreement": "SUPPORT",
    "cooperated": "COOPERATE",
    "aided": "AID",
    "conceded": "CONCEDE",
    "retreated": "RETREAT",
    "demanded": "REQUEST",
    "criticized": "ACCUSE",
    "accused": "ACCUSE",
    "investigated": "ACCUSE",
    "rejected": "REJECT",
    "threatened": "THREATEN",
    "setDeadline": "THREATEN",
    "protested": "PROTEST",
    "sanctioned": "SANCTION",
    "mobilized": "MOBILIZE",
    "coerced": "COERCE",
    "attacked": "ASSAULT",
}
SYMMETRIC = {"met", "spokeWith", "signedAgreement", "cooperated"}
KINDS = {"Person", "Country", "Organisation"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def split_front_matter(text):
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        raise ValueError("missing YAML front matter")
    return yaml.safe_load(m.group(1)), m.group(2)


def as_str(d):
    return None if d is None else str(d)


def check_half(name, errors):
    path = GOLD / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    split = "heldout" if name.startswith("heldout") else "tuning"
    if data.get("split") != split:
        errors.append(f"{path.name}: split should be {split!r}, got {data.get('split')!r}")
    files, rel_counts, n_rel = [], Counter(), 0
    for doc in data["documents"]:
        f = doc["file"]
        files.append(f)
        where = f"{path.name}:{f}"
        if "seed" in f or not (f.startswith("articles/fic_") or f.startswith("articles/voa_")):
            errors.append(f"{where}: unexpected file (seed articles must not be used)")
        art = GOLD / f
        if not art.exists():
            errors.append(f"{where}: file not found")
            continue
        try:
            fm, body = split_front_matter(art.read_text(encoding="utf-8"))
        except ValueError as e:
            errors.append(f"{where}: {e}")
            continue
        for key in ("title", "date", "source"):
            if key not in fm:
                errors.append(f"{where}: front matter lacks {key}")
        art_date = as_str(fm.get("date"))
        if as_str(doc.get("date")) != art_date:
            errors.append(f"{where}: date {doc.get('date')} != front matter {art_date}")
        actors = {}
        for a in doc.get("actors") or []:
            if a["name"] in actors:
                errors.append(f"{where}: actor listed twice: {a['name']}")
            actors[a["name"]] = a
            if a.get("kind") not in KINDS:
                errors.append(f"{where}: bad kind for {a['name']}: {a.get('kind')}")
            if "wikidata" in a and not re.fullmatch(r"Q\d+", str(a["wikidata"])):
                errors.append(f"{where}: bad wikidata id for {a['name']}")
        used, seen = set(), set()
        for r in doc.get("relations") or []:
            n_rel += 1
            rel = r.get("relation")
            rel_counts[rel] += 1
            tag = f"{where}: {r.get('subject')} {rel} {r.get('object')}"
            if rel not in VOCAB:
                errors.append(f"{tag}: relation not in vocabulary")
            for role in ("subject", "object"):
                if not r.get(role):
                    errors.append(f"{tag}: missing {role}")
                elif r[role] not in actors:
                    errors.append(f"{tag}: {role} {r[role]!r} not in actors")
                used.add(r.get(role))
            if r.get("subject") == r.get("object"):
                errors.append(f"{tag}: subject == object")
            d = as_str(r.get("date"))
            if d is not None:
                if not DATE_RE.match(d):
                    errors.append(f"{tag}: bad date {d!r}")
                elif d > art_date[: len(d)]:
                    errors.append(f"{tag}: date {d} after article date {art_date}")
            ev = r.get("evidence")
            if not ev or ev not in body:
                errors.append(f"{tag}: evidence not found verbatim in body: {ev!r}")
            key = (r.get("subject"), rel, r.get("object"), d)
            if rel in SYMMETRIC:
                key = (frozenset((r.get("subject"), r.get("object"))), rel, d)
            if key in seen:
                errors.append(f"{tag}: duplicate relation (same actors, relation and date)")
            seen.add(key)
        for a in actors:
            if a not in used:
                errors.append(f"{where}: actor {a!r} takes part in no relation")
    return files, rel_counts, n_rel


def main():
    errors = []
    halves = {}
    for path in sorted(GOLD.glob("*.yaml")):
        halves[path.stem] = check_half(path.stem, errors)
    names = sorted(halves)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            overlap = set(halves[a][0]) & set(halves[b][0])
            if overlap:
                errors.append(f"documents in both {a} and {b}: {sorted(overlap)}")
    total = Counter()
    for name, (files, counts, n) in halves.items():
        n_fic = sum(f.startswith("articles/fic_") for f in files)
        n_voa = sum(f.startswith("articles/voa_") for f in files)
        print(f"{name}: {len(files)} documents ({n_fic} written, {n_voa} VOA), {n} relations")
        total += counts
    print(f"\nper relation ({' / '.join(names)} / total):")
    for rel in VOCAB:
        counts = [halves[name][1][rel] for name in names]
        print(f"  {rel:16s}" + "".join(f" {c:3d}" for c in counts) + f" {sum(counts):4d}")
    missing = {name: [r for r in VOCAB if halves[name][1][r] == 0] for name in halves}
    for name, m in missing.items():
        if m:
            print(f"note: {name} has no example of: {', '.join(m)}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
