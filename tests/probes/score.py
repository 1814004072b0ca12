"""Score the extractor on the probe lists that helpers wrote from tests/gold/README.md
alone, without seeing the code: `python tests/probes/score.py [-v]`.

passages.json and stories.json were written in session 7; real_actors.json (real
countries and bodies, invented people), wire_stories.json (wire round-ups) and
domestic.json (parties, courts, unions, rebels) in session 8. These are development data
now (rules were written from their failures); they are kept so that a change can be
checked against wording nobody on the extractor wrote. A probe's actors that the text
names only by an adjective ("Karvian troops") get a first line naming the country, as a
real article would.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

from kg.pipeline import build

HERE = Path(__file__).parent
MUTUAL = {"met", "spokeWith", "agreed", "signedAgreement", "cooperated", "agreedToMeet"}
CONTEXT = ("are neighbours.", "is a country.")


def score(name: str, verbose: bool) -> None:
    probes = json.loads((HERE / name).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, probe in enumerate(probes):
            text = probe["text"]
            absent = sorted(
                {
                    actor
                    for s, _, o in probe["relations"]
                    for actor in (s, o)
                    if " " not in actor and not re.search(rf"\b{re.escape(actor)}\b", text)
                }
            )
            lead = ""
            if absent:
                lead = " and ".join(absent) + " " + CONTEXT[0 if len(absent) > 1 else 1]
            path = Path(tmp) / f"p{n:03}.md"
            path.write_text(f"---\ntitle: T\ndate: 2026-03-20\n---\n{lead}\n\n{text}\n")
            paths.append(path)
        result = build(paths)
    labels = {a.actor_id: a.label for a in result.actors}
    found: dict[str, set[tuple[str, str, str]]] = {}
    for e in result.events:
        if not e.evidence.endswith(CONTEXT):
            found.setdefault(Path(e.source).stem, set()).add(
                (labels[e.subject], e.relation, labels[e.object])
            )
    right = wrong = missed = 0
    for n, probe in enumerate(probes):
        got = found.get(f"p{n:03}", set())
        wants = [tuple(r) for r in probe["relations"]]
        hit = {w for w in wants if w in got or (w[1] in MUTUAL and (w[2], w[1], w[0]) in got)}
        extra = [g for g in got if g not in wants and (g[2], g[1], g[0]) not in wants]
        right, wrong, missed = right + len(hit), wrong + len(extra), missed + len(wants) - len(hit)
        if verbose and (extra or len(hit) < len(wants)):
            print(f"{name} {n}: missed {[w for w in wants if w not in hit]} extra {extra}")
    precision = right / max(1, right + wrong)
    recall = right / max(1, right + missed)
    print(f"{name}: {right} right, {wrong} wrong, {missed} missed;", end=" ")
    print(f"P {precision:.3f} R {recall:.3f}")


if __name__ == "__main__":
    for name in (
        "passages.json",
        "stories.json",
        "real_actors.json",
        "wire_stories.json",
        "domestic.json",
    ):
        score(name, "-v" in sys.argv)
