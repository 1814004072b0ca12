"""Score the current extractor against a precision audit: which events are judged right,
which wrong, which are new (never judged).

    python tests/audit/score.py tests/audit/round3_fiction [--all]

(``--all`` lists every event with its verdict, not only the unjudged ones.)

Each round holds the events `kg build` found (events.tsv, with tags.tsv saying whether
the code of 2026-12-01's start found them too) and a helper's verdicts on them
(verdicts.tsv), judged against tests/gold/README.md. round1_voa was run on the 53 VOA
stories of ../shared/corpus/voa_stories.jsonl listed in its stories.txt; the fiction
rounds keep their articles here.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from kg.pipeline import build

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "voa_stories.jsonl"


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def sources(round_dir: Path, tmp: Path) -> list[Path]:
    if (round_dir / "articles").is_dir():
        return sorted((round_dir / "articles").glob("*.md"))
    listed = (round_dir / "stories.txt").read_text(encoding="utf-8").splitlines()
    stories = {line.strip() for line in listed if line.strip() and not line.startswith("#")}
    corpus = tmp / "audit_corpus.jsonl"
    with CORPUS.open(encoding="utf-8") as lines, corpus.open("w", encoding="utf-8") as out:
        out.writelines(line for line in lines if str(json.loads(line)["id"]) in stories)
    return [corpus]


def main(round_dir: Path, every: bool = False) -> None:
    events = read_tsv(round_dir / "events.tsv")
    verdicts = {row["n"].strip(): row["verdict"] for row in read_tsv(round_dir / "verdicts.tsv")}

    def key(source: str, subject: str, relation: str, obj: str, evidence: str) -> tuple:
        # A sentence once ran on from a quote across a blank line; the quote it carried
        # does not make it another sentence.
        sentence = " ".join(evidence.split()).lstrip('"“” ')
        return source.split("#")[-1], subject, relation, obj, sentence

    judged = {
        key(e["source"], e["subject"], e["relation"], e["object"], e["evidence"]): verdicts[e["n"]]
        for e in events
    }
    with tempfile.TemporaryDirectory() as tmp:
        result = build(sources(round_dir, Path(tmp)))
    labels = {a.actor_id: a.label for a in result.actors}
    counts: Counter = Counter()
    for event in result.events:
        found = key(Path(event.source).name, labels[event.subject], event.relation,
                    labels[event.object], event.evidence)  # fmt: skip
        verdict = judged.get(found) or next(
            (v for k, v in judged.items() if k[:4] == found[:4] and k[4].endswith(found[4])),
            "unjudged",
        )
        counts[verdict] += 1
        if verdict == "unjudged" or every:
            print(f"{verdict:9} {labels[event.subject]} {event.relation} "
                  f"{labels[event.object]} | {event.evidence[:90]}")  # fmt: skip
    right, wrong = counts["right"], counts["wrong"]
    print(
        f"right {right}, wrong {wrong}, unjudged {counts['unjudged']}; "
        f"precision over judged events {right / max(right + wrong, 1):.2f}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), every="--all" in sys.argv)
