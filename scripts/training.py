"""What the two training scripts share (``train_relations.py``, ``train_types.py``):
the development sets, the fit, the model file's layout and the evaluation of one
set with a model switched in by its environment variable.

The development sets are the gold sets under tests/ (``tests/heldout*/`` with
``docs/`` and ``gold/``), never the seed gold (tests/gold, a copy of ../shared/gold)
and never the blind sets (``BLIND``). A feature is kept only if it occurs in at
least ``min_sets`` training sets, so no one document's wording is learnt by heart.
The fit is scikit-learn's multinomial logistic regression (lbfgs, one thread,
deterministic), so the same sets give the same file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_threads] = "1"  # one thread: the same sums in the same order, the same weights

def marked_blind() -> frozenset[str]:
    """The held-out sets whose README's title line says they are blind ("# tests/heldout31:
    BLIND evaluation set …"): a new blind set is left out of training the moment it lands."""
    out = set()
    for d in (ROOT / "tests").glob("heldout*"):
        readme = d / "README.md"
        if readme.is_file() and "BLIND" in readme.read_text(encoding="utf-8").split("\n", 1)[0]:
            out.add(d.name)
    return frozenset(out)


#: Sets kept blind: never trained on, never looked into (see their READMEs). The named ones are
#: blind whatever their READMEs say; any other set whose README is marked blind is too.
BLIND = frozenset({"heldout7", "heldout9", "heldout28", "heldout30", "heldout32", "heldout33"}) | marked_blind()

#: A training example: its features and its label.
Example = tuple[list[str], str]


def development_sets() -> list[str]:
    out = []
    for d in sorted((ROOT / "tests").glob("heldout*")):
        # a set without its README is still being written (and may be blind): never train on it
        landed = (d / "README.md").is_file() and (d / "docs").is_dir() and (d / "gold").is_dir()
        if d.name not in BLIND and landed:
            out.append(d.name)
    return out


def kept_features(data: Mapping[str, Sequence[Example]], min_sets: int) -> set[str]:
    """The features that occur in at least ``min_sets`` of the sets."""
    sets_of: dict[str, set[str]] = defaultdict(set)
    for name, rows in data.items():
        for feats, _ in rows:
            for f in feats:
                sets_of[f].add(name)
    return {f for f, s in sets_of.items() if len(s) >= min_sets}


def fit(rows: Sequence[Example], keep: set[str], c: float) -> dict[str, object] | None:
    """A multinomial logistic regression over ``rows`` (features outside ``keep`` left
    out), as a model group: its classes, intercept and weight rows; None when the rows
    have one label only (nothing to tell apart)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len({label for _, label in rows}) < 2:
        return None
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([{f: 1 for f in feats if f in keep} for feats, _ in rows])
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(x, [label for _, label in rows])
    classes = [str(k) for k in clf.classes_]
    coef = clf.coef_
    intercept = clf.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: score of the second
        coef = [-coef[0] / 2, coef[0] / 2]
        intercept = [-intercept[0] / 2, intercept[0] / 2]
    weights = {}
    for j, f in enumerate(vec.get_feature_names_out()):
        row = [round(float(coef[k][j]), 4) for k in range(len(classes))]
        if max(abs(w) for w in row) >= 0.001:
            weights[str(f)] = row
    return {
        "examples": len(rows),
        "classes": classes,
        "intercept": [round(float(v), 4) for v in intercept],
        "weights": dict(sorted(weights.items())),
    }


def dump(model: Mapping[str, object]) -> str:
    """A model as JSON with one line per weight row (diffs stay readable)."""
    groups = model["groups"]
    assert isinstance(groups, dict)
    head = {k: v for k, v in model.items() if k != "groups"}
    parts = [json.dumps(head, ensure_ascii=False)[:-1] + ', "groups": {']
    gparts = []
    for name, g in groups.items():
        ghead = {k: v for k, v in g.items() if k != "weights"}
        rows = ",\n".join(f"{json.dumps(f, ensure_ascii=False)}: {json.dumps(row)}" for f, row in g["weights"].items())
        gparts.append(f"{json.dumps(name)}: " + json.dumps(ghead, ensure_ascii=False)[:-1] + ', "weights": {\n' + rows + "}}")
    parts.append(",\n".join(gparts))
    parts.append("}}")
    return "\n".join(parts) + "\n"


def write(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    out = Path(path)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)


def evaluate_set(set_name: str, env: Mapping[str, str]) -> dict[str, object]:
    """``civicgraph evaluate --format json`` on one set (``seeds``: the seed gold) with
    the given environment variables set."""
    gold, docs = (ROOT / "tests" / "gold", ROOT / "seeds") if set_name == "seeds" else (
        ROOT / "tests" / set_name / "gold", ROOT / "tests" / set_name / "docs")
    out = subprocess.run([sys.executable, "-m", "graph", "evaluate", "--gold", str(gold), str(docs),
                          "--format", "json"], env={**os.environ, **env}, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(out.stdout)
    return result


def _f1s(set_name: str, env: Mapping[str, str], keys: Sequence[str]) -> tuple[float, ...]:
    result = evaluate_set(set_name, env)
    return tuple(float(result[k]["all"]["f1"]) for k in keys)  # type: ignore[index]


def main(
    doc: str,
    model_path: Path,
    examples: Callable[[str], list[Any]],
    fit_model: Callable[[dict[str, list[Any]]], dict[str, object]],
    env_var: str,
    keys: Sequence[str],
    threshold: float,
    fixed_env: Mapping[str, str] | None = None,
) -> None:
    """The command line of a training script: write the model fitted on every
    development set, or with ``--crossval`` score each set with a model fitted without
    it (at each of ``--thresholds``) beside the same set with ``env_var=none``, and
    print the F1 of each of ``keys`` ("entities", "relations") and the summed changes."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--crossval", action="store_true", help="leave-one-set-out F1 per set")
    ap.add_argument("--thresholds", default="", help="with --crossval: comma-separated thresholds to compare")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="with --crossval: evaluations run at once (default: one per core)")
    ap.add_argument("--out", default=str(model_path), help="model file to write")
    args = ap.parse_args()
    sets = development_sets()
    data = {name: examples(name) for name in sets}
    if not args.crossval:
        write(args.out, dump(fit_model(data)))
        print(f"{args.out}: {sum(len(v) for v in data.values())} examples from {len(sets)} sets")
        return
    thresholds = [float(t) for t in args.thresholds.split(",")] if args.thresholds else [threshold]
    total = [[0.0] * len(keys) for _ in thresholds]
    fixed = dict(fixed_env or {})
    with tempfile.TemporaryDirectory() as tmpdir, ThreadPoolExecutor(max_workers=args.jobs) as pool:
        folds = [(name, {k: v for k, v in data.items() if k != name}) for name in sets]
        folds.append(("seeds", data))  # the seed gold: never trained on, scored with the full model
        pending = []
        for name, train in folds:  # fits one by one here; evaluations run in the pool meanwhile
            model = fit_model(train)
            paths = ["none"]
            for t in thresholds:
                path = Path(tmpdir) / f"without-{name}-{t}.json"
                path.write_text(dump({**model, "threshold": t}), encoding="utf-8")
                paths.append(str(path))
            pending.append((name, [pool.submit(_f1s, name, {**fixed, env_var: p}, keys) for p in paths]))
        for name, futures in pending:
            base, *held = (f.result() for f in futures)
            if name != "seeds":
                for i, h in enumerate(held):
                    for k in range(len(keys)):
                        total[i][k] += h[k] - base[k]
            print(f"{name:10s} without {' / '.join(f'{x:.3f}' for x in base)}  held-out model "
                  + "  ".join(" / ".join(f"{x:.3f} ({x - b:+.3f})" for x, b in zip(h, base, strict=True)) for h in held),
                  flush=True)
    print(f"summed change over {len(sets)} development sets ({', '.join(keys)} F1), thresholds {thresholds}: "
          + "  ".join(" / ".join(f"{x:+.3f}" for x in t) for t in total))
