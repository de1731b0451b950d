"""Train the pair classifier (graph/extract/pairs.py) on the development gold sets.

    uv run python scripts/train_relations.py            # writes graph/data/relation_model.json
    uv run python scripts/train_relations.py --crossval # leave-one-set-out figures, writes nothing

Training data: every development set under tests/ (``tests/heldout*/`` with ``docs/``
and ``gold/``), never the seed gold (tests/gold, a copy of ../shared/gold) and never
the blind sets (``BLIND``). Each document is extracted by the rules alone; every pair
of entities named in one sentence that the rules left unrelated there is an example, labelled
with the gold relation between the gold entities they match (by type and name or alias,
as ``civicgraph evaluate`` matches) when the gold's evidence is that sentence, else
``none``. Features (``pair_features``) never contain a name. A feature is kept only if
it occurs in at least ``MIN_SETS`` training sets, so no one document's wording is
learnt by heart. The fit is scikit-learn's multinomial logistic regression (lbfgs,
deterministic), so the same sets give the same file.

``--crossval`` trains one model per development set without that set, evaluates the
set with it (``civicgraph evaluate`` with ``CIVICGRAPH_RELATION_MODEL``), and prints
each set's relation F1 with the rules alone and with its held-out model: the honest
measure of what the classifier adds on documents it has not seen. The evaluations run
``--jobs`` at a time (about a minute for one threshold on two cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["CIVICGRAPH_RELATION_MODEL"] = "none"  # training data comes from the rules alone
for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_threads] = "1"  # one thread: the same sums in the same order, the same weights

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

#: Sets kept blind: never trained on, never looked into (see their READMEs).
BLIND = frozenset({"heldout7", "heldout9", "heldout28", "heldout30"})
MIN_SETS = 3
C = 1.0
THRESHOLD = 0.35
MODEL = ROOT / "graph" / "data" / "relation_model.json"


def development_sets() -> list[str]:
    out = []
    for d in sorted((ROOT / "tests").glob("heldout*")):
        if d.name not in BLIND and (d / "docs").is_dir() and (d / "gold").is_dir():
            out.append(d.name)
    return out


def _ws(s: str) -> str:
    return " ".join(s.split())


Example = tuple[str, list[str], str]


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


def fit(data: dict[str, list[Example]]) -> dict[str, object]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    sets_of: dict[str, set[str]] = defaultdict(set)
    for name, rows in data.items():
        for _, feats, _ in rows:
            for f in feats:
                sets_of[f].add(name)
    keep = {f for f, s in sets_of.items() if len(s) >= MIN_SETS}
    rows = [r for name in sorted(data) for r in data[name]]
    groups: dict[str, object] = {}
    for group in sorted({g for g, _, _ in rows}):
        mine = [(feats, label) for g, feats, label in rows if g == group]
        if len({label for _, label in mine}) < 2:
            continue  # nothing to tell apart: the group states nothing
        vec = DictVectorizer(sort=True)
        x = vec.fit_transform([{f: 1 for f in feats if f in keep} for feats, _ in mine])
        clf = LogisticRegression(C=C, max_iter=5000)
        clf.fit(x, [label for _, label in mine])
        classes = [str(c) for c in clf.classes_]
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
        groups[group] = {
            "examples": len(mine),
            "classes": classes,
            "intercept": [round(float(v), 4) for v in intercept],
            "weights": dict(sorted(weights.items())),
        }
    return {
        "about": "civicgraph pair classifier (graph/extract/pairs.py), written by scripts/train_relations.py",
        "trained_on": sorted(data),
        "examples": len(rows),
        "min_sets": MIN_SETS,
        "C": C,
        "threshold": THRESHOLD,
        "groups": groups,
    }


def dump(model: dict[str, object]) -> str:
    """The model as JSON with one line per weight row (diffs stay readable)."""
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


def _rel_f1(set_name: str, model_path: str) -> float:
    env = dict(os.environ, CIVICGRAPH_RELATION_MODEL=model_path)
    gold, docs = (ROOT / "tests" / "gold", ROOT / "seeds") if set_name == "seeds" else (
        ROOT / "tests" / set_name / "gold", ROOT / "tests" / set_name / "docs")
    out = subprocess.run([sys.executable, "-m", "graph", "evaluate", "--gold", str(gold), str(docs),
                          "--format", "json"], env=env, capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout)["relations"]["all"]["f1"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--crossval", action="store_true", help="leave-one-set-out relation F1 per set")
    ap.add_argument("--thresholds", default="", help="with --crossval: comma-separated thresholds to compare")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="with --crossval: evaluations run at once (default: one per core)")
    ap.add_argument("--out", default=str(MODEL), help="model file to write")
    args = ap.parse_args()
    sets = development_sets()
    data = {name: examples(name) for name in sets}
    if not args.crossval:
        text = dump(fit(data))
        out = Path(args.out)
        tmp = out.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
        print(f"{out}: {sum(len(v) for v in data.values())} examples from {len(sets)} sets")
        return
    thresholds = [float(t) for t in args.thresholds.split(",")] if args.thresholds else [THRESHOLD]
    total = [0.0] * len(thresholds)
    with tempfile.TemporaryDirectory() as tmpdir, ThreadPoolExecutor(max_workers=args.jobs) as pool:
        folds = [(name, {k: v for k, v in data.items() if k != name}) for name in sets]
        folds.append(("seeds", data))  # the seed gold: never trained on, scored with the full model
        pending = []
        for name, train in folds:  # fits one by one here; evaluations run in the pool meanwhile
            model = fit(train)
            paths = ["none"]
            for t in thresholds:
                path = Path(tmpdir) / f"without-{name}-{t}.json"
                path.write_text(dump({**model, "threshold": t}), encoding="utf-8")
                paths.append(str(path))
            pending.append((name, [pool.submit(_rel_f1, name, p) for p in paths]))
        for name, futures in pending:
            rules, *held = (f.result() for f in futures)
            if name != "seeds":
                for i, h in enumerate(held):
                    total[i] += h - rules
            print(f"{name:10s} rules {rules:.3f}  held-out model "
                  + "  ".join(f"{h:.3f} ({h - rules:+.3f})" for h in held), flush=True)
    print(f"summed change over {len(sets)} development sets, thresholds {thresholds}: "
          + "  ".join(f"{x:+.3f}" for x in total))


if __name__ == "__main__":
    main()
