"""Leave-one-set-out figures for the rules with both learned stages, each trained
without the set it is scored on.

    uv run python scripts/crossval.py            # every development set, then the seeds
    uv run python scripts/crossval.py --jobs 2

For each development set (``scripts/training.py``): the name typer is trained on
the other sets (``scripts/train_types.py``), then the pair classifier is trained on
the other sets' documents as extracted with that typer (``scripts/train_relations.py``),
and the set is scored with both (``civicgraph evaluate``) and with the rules alone
(``CIVICGRAPH_TYPE_MODEL=none``, ``CIVICGRAPH_RELATION_MODEL=none``). The seeds, never
trained on, are scored with both stages trained on every development set. This is
the honest measure of what the learned stages add on documents they have not seen;
the packaged models were trained on every development set, so a development set's
figures with them overstate.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import train_relations, train_types  # noqa: E402
from scripts.training import development_sets, dump, evaluate_set  # noqa: E402

TYPE_ENV = "CIVICGRAPH_TYPE_MODEL"
RELATION_ENV = "CIVICGRAPH_RELATION_MODEL"


def _scores(set_name: str, env: dict[str, str]) -> tuple[float, float]:
    result = evaluate_set(set_name, env)
    return float(result["entities"]["all"]["f1"]), float(result["relations"]["all"]["f1"])  # type: ignore[index]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="evaluations run at once")
    args = ap.parse_args()
    sets = development_sets()
    os.environ[RELATION_ENV] = "none"
    os.environ[TYPE_ENV] = "none"
    type_data = {name: train_types.examples(name) for name in sets}
    rules_alone = {RELATION_ENV: "none", TYPE_ENV: "none"}
    total = [0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmpdir, ThreadPoolExecutor(max_workers=args.jobs) as pool:
        pending = []
        for held in [*sets, "seeds"]:
            train = [s for s in sets if s != held]
            type_path = Path(tmpdir) / f"types-without-{held}.json"
            type_path.write_text(dump(train_types.fit_model({s: type_data[s] for s in train})), encoding="utf-8")
            os.environ[TYPE_ENV] = str(type_path)  # the pair classifier learns from what this typer leaves
            rel_data = {s: train_relations.examples(s) for s in train}
            rel_path = Path(tmpdir) / f"relations-without-{held}.json"
            rel_path.write_text(dump(train_relations.fit_model(rel_data)), encoding="utf-8")
            os.environ[TYPE_ENV] = "none"
            both = {TYPE_ENV: str(type_path), RELATION_ENV: str(rel_path)}
            pending.append((held, pool.submit(_scores, held, rules_alone), pool.submit(_scores, held, both)))
        for held, f0, f1 in pending:
            (e0, r0), (e1, r1) = f0.result(), f1.result()
            if held != "seeds":
                total[0] += e1 - e0
                total[1] += r1 - r0
            print(f"{held:10s} rules alone {e0:.3f} / {r0:.3f}  with both learned stages held out "
                  f"{e1:.3f} ({e1 - e0:+.3f}) / {r1:.3f} ({r1 - r0:+.3f})", flush=True)
    print(f"summed change over {len(sets)} development sets: entity F1 {total[0]:+.3f}, relation F1 {total[1]:+.3f}")


if __name__ == "__main__":
    main()
