"""Train the name typer (graph/extract/typer.py) on the development gold sets.

    uv run python scripts/train_types.py             # writes graph/data/type_model.json
    uv run python scripts/train_types.py --crossval  # leave-one-set-out figures, writes nothing

Train it before the pair classifier (``scripts/train_relations.py``): the names it
types are entities whose pairs that classifier learns from.

Training data: every development set (``scripts/training.py``). Each document is
extracted by the rules alone (typer and pair classifier off); every name the rules
leave untyped (``untyped_names_of``) is an example, labelled with the type of the
gold entity it names (by name or alias, as ``civicgraph evaluate`` matches), or
``none``. Features (``name_features``) are the name's words and its mentions'
neighbours; a feature must occur in at least ``MIN_SETS`` training sets.

``--crossval`` trains one model per development set without that set and evaluates
the set with it and without any typer (``civicgraph evaluate``, pair classifier off
both times, so its in-sample weights do not blur the figure), printing each set's
entity and relation F1 both ways: what the typer adds on documents it has not seen.
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["CIVICGRAPH_RELATION_MODEL"] = "none"
os.environ["CIVICGRAPH_TYPE_MODEL"] = "none"  # training data comes from the rules alone

from graph.extract.rules import untyped_names_of  # noqa: E402
from graph.pipeline import read_documents  # noqa: E402
from graph.textnorm import norm_key  # noqa: E402
from scripts.training import (  # noqa: E402
    ROOT,
    Example,
    fit,
    kept_features,
    main as training_main,  # noqa: E402
)

MIN_SETS = 3
C = 1.0
THRESHOLD = 0.5
MODEL = ROOT / "graph" / "data" / "type_model.json"


def examples(set_name: str) -> list[Example]:
    """(features, label) for every name the rules leave untyped in each document of a set."""
    base = ROOT / "tests" / set_name
    docs, _ = read_documents([base / "docs"])
    types: dict[str, dict[str, set[str]]] = {}
    for f in sorted((base / "gold").glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        forms: dict[str, set[str]] = defaultdict(set)
        for e in data["entities"]:
            for x in [e["name"], *e.get("aliases", [])]:
                if x.strip():
                    forms[norm_key(x)].add(e["type"])
        types[data["document"]] = forms
    out: list[Example] = []
    for doc in sorted(docs, key=lambda d: d.file_name):
        forms = types.get(doc.file_name)
        if forms is None:
            continue
        for name, _mentions, features in untyped_names_of(doc):
            label = min(forms.get(norm_key(name), {"none"}))
            out.append((features, label))
    return out


def fit_model(data: dict[str, list[Example]]) -> dict[str, object]:
    rows = [r for name in sorted(data) for r in data[name]]
    fitted = fit(rows, kept_features(data, MIN_SETS), C)
    assert fitted is not None, "the development sets name no untyped entity"
    return {
        "about": "civicgraph name typer (graph/extract/typer.py), written by scripts/train_types.py",
        "trained_on": sorted(data),
        "examples": len(rows),
        "min_sets": MIN_SETS,
        "C": C,
        "threshold": THRESHOLD,
        "groups": {"NAME": fitted},
    }


def main() -> None:
    # the pair classifier off both ways, so its in-sample weights do not blur the figure
    training_main(__doc__ or "", MODEL, examples, fit_model, "CIVICGRAPH_TYPE_MODEL", ("entities", "relations"),
                  THRESHOLD, {"CIVICGRAPH_RELATION_MODEL": "none"})


if __name__ == "__main__":
    main()
