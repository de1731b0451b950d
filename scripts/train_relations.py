"""Train the pair classifier (graph/extract/pairs.py) on the development gold sets.

    uv run python scripts/train_relations.py            # writes graph/data/relation_model.json
    uv run python scripts/train_relations.py --crossval # leave-one-set-out figures, writes nothing

Training data: every development set under tests/ (``tests/heldout*/`` with ``docs/``
and ``gold/``), never the seed gold (tests/gold, a copy of ../shared/gold) and never
the blind sets (``BLIND``). Each document is extracted by the rules and the name
typer (``CIVICGRAPH_TYPE_MODEL``: the packaged typer unless it names another); every pair
of entities named in one sentence that the rules left unrelated there is an example, labelled
with the gold relation between the gold entities they match (by type and name or alias,
as ``civicgraph evaluate`` matches) when the gold's evidence is that sentence, else
``none``. Features (``pair_features``) never contain a name. A feature is kept only if
it occurs in at least ``MIN_SETS`` training sets, so no one document's wording is
learnt by heart. The fit is scikit-learn's multinomial logistic regression (lbfgs,
deterministic), so the same sets give the same file.

``--crossval`` trains one model per development set without that set, evaluates the
set with it (``civicgraph evaluate`` with ``CIVICGRAPH_RELATION_MODEL``), and prints
each set's relation F1 without the classifier and with its held-out model: the honest
measure of what the classifier adds on documents it has not seen. The evaluations run
``--jobs`` at a time (about a minute for one threshold on two cores).
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["CIVICGRAPH_RELATION_MODEL"] = "none"  # training data comes from the rules (and the name typer)

from graph.extract import extract_document  # noqa: E402
from graph.extract.pairs import (  # noqa: E402
    GROUPS,
    candidates,
    group_classes,
    pair_features,
)
from graph.extract.sentences import split_sentences  # noqa: E402
from graph.pipeline import read_documents  # noqa: E402
from graph.textnorm import norm_key  # noqa: E402
from scripts.training import (  # noqa: E402
    ROOT,
    fit,
    kept_features,
    main as training_main,  # noqa: E402
)

MIN_SETS = 3
C = 1.0
THRESHOLD = 0.45
MODEL = ROOT / "graph" / "data" / "relation_model.json"


def _ws(s: str) -> str:
    return " ".join(s.split())


Example = tuple[str, list[str], str]  # (group, features, label)


def examples(set_name: str) -> list[Example]:
    """(group, features, label) for every unrelated pair of every document of a set
    (a pair whose gold relation its group cannot state is left out)."""
    base = ROOT / "tests" / set_name
    docs, _ = read_documents([base / "docs"])
    golds = {}
    for f in sorted((base / "gold").glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        golds[data["document"]] = data
    out: list[Example] = []
    for doc in sorted(docs, key=lambda d: d.file_name):
        gd = golds.get(doc.file_name)
        if gd is None:
            continue
        ex = extract_document(doc)
        forms: dict[tuple[str, str], set[str]] = defaultdict(set)
        for e in gd["entities"]:
            for x in [e["name"], *e.get("aliases", [])]:
                if x.strip():
                    forms[(e["type"], norm_key(x))].add(e["id"])
        gold_rel: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for r in gd["relations"]:
            gold_rel[(r["subject"], r["object"])].append((r["predicate"], _ws(r.get("evidence", ""))))
        match = {le.key: set().union(*(forms.get((le.type, norm_key(x)), set()) for x in [le.name, *le.aliases]))
                 for le in ex.entities}
        sentences = split_sentences(doc.text)
        for si, ms, pairs, has_rule in candidates(ex, sentences, GROUPS):
            s, e = sentences[si]
            sentence = doc.text[s:e]
            flat = _ws(sentence)
            for a, b, group in pairs:
                labels = set()
                for ga in match[a.key]:
                    for gb in match[b.key]:
                        for (x, y), way in (((ga, gb), "ab"), ((gb, ga), "ba")):
                            for p, ev in gold_rel.get((x, y), []):
                                if ev and (ev in flat or flat in ev or ev[:60] in flat):
                                    labels.add(f"{p}:{'ab' if p == 'partnerOf' else way}")
                label = min(labels) if labels else "none"
                if label in group_classes(a.type, b.type):
                    out.append((group, pair_features(sentence, ms, a, b, has_rule), label))
    return out


def fit_model(data: dict[str, list[Example]]) -> dict[str, object]:
    keep = kept_features({name: [(feats, label) for _, feats, label in rows] for name, rows in data.items()}, MIN_SETS)
    rows = [r for name in sorted(data) for r in data[name]]
    groups: dict[str, object] = {}
    for group in sorted({g for g, _, _ in rows}):
        fitted = fit([(feats, label) for g, feats, label in rows if g == group], keep, C)
        if fitted is not None:
            groups[group] = fitted
    return {
        "about": "civicgraph pair classifier (graph/extract/pairs.py), written by scripts/train_relations.py",
        "trained_on": sorted(data),
        "examples": len(rows),
        "min_sets": MIN_SETS,
        "C": C,
        "threshold": THRESHOLD,
        "groups": groups,
    }


def main() -> None:
    training_main(__doc__ or "", MODEL, examples, fit_model, "CIVICGRAPH_RELATION_MODEL", ("relations",), THRESHOLD)


if __name__ == "__main__":
    main()
