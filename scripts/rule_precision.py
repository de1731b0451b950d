"""How often each extraction rule's links are right, over the development sets.

Builds each set named (a folder under ``tests/``, or ``seeds`` for the seed gold),
scores every resolved link against the set's gold with the evaluator's matching
(label or alias equal after normalisation, same type; ``partnerOf`` either way) and
counts, for each predicate and rule that stated the link, how many of its links are
right. A link stated by several rules counts for each of them.

A rule whose links are right less often than half the set's relation F1 costs F1 where
it fires; the worst such cases are where pruning pays (session 24 found a programme
placed in the council area its name begins with right once in 24 times). The blind
sets are refused: their per-item figures must not be looked at.

    uv run python scripts/rule_precision.py                     # every development set and the seeds
    uv run python scripts/rule_precision.py heldout31 heldout34 --max-precision 0.6 --min-wrong 3
    uv run python scripts/rule_precision.py seeds --format json
    uv run python scripts/rule_precision.py path/to/folder      # any folder with gold/ and docs/
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.evaluate import load_gold, match_entities, relation_right, system_from_graph  # noqa: E402
from graph.iri import entity_iri  # noqa: E402
from graph.pipeline import build  # noqa: E402
from scripts.training import BLIND, development_sets  # noqa: E402


def set_dirs(set_name: str) -> tuple[Path, Path]:
    """(gold, documents) of a set: ``seeds``, a set under tests/, or a folder with gold/ and docs/."""
    if set_name == "seeds":
        return ROOT / "tests" / "gold", ROOT / "seeds"
    folder = Path(set_name) if Path(set_name).is_dir() else ROOT / "tests" / set_name
    return folder / "gold", folder / "docs"


def rule_counts(set_name: str) -> dict[str, list[int]]:
    """``"predicate rule" -> [right, links]`` for one set."""
    gold_dir, docs = set_dirs(set_name)
    result = build([docs])
    gold = load_gold(gold_dir)
    sys_ents, _rels = system_from_graph(result.graph, gold.documents)
    match, _matched_by = match_entities(sys_ents, gold)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for link in result.resolved.links:
        right = relation_right(match, gold, str(entity_iri(link.subject)), link.predicate, str(entity_iri(link.object)))
        p = link.predicate
        for rule in sorted({r.split(":", 1)[1] if ":" in r else r for _ev, r in link.evidence}):
            c = counts[f"{p} {rule}"]
            c[0] += right
            c[1] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("sets", nargs="*", help="set names (default: every development set and the seeds)")
    ap.add_argument("--max-precision", type=float, default=1.0, help="list rules right at most this often")
    ap.add_argument("--min-wrong", type=int, default=0, help="list rules with at least this many wrong links")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    args = ap.parse_args(argv)
    sets = args.sets or ["seeds", *development_sets()]
    blind = sorted({Path(s).name for s in sets} & BLIND)
    if blind:
        print(f"error: {', '.join(blind)} blind: per-rule figures would show its items", file=sys.stderr)
        return 2
    missing = [s for s in sets if not all(d.is_dir() for d in set_dirs(s))]
    if missing:
        print(f"error: no such set: {', '.join(missing)}", file=sys.stderr)
        return 2
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in sets:
        for rule, (right, n) in rule_counts(s).items():
            total[rule][0] += right
            total[rule][1] += n
    rows = sorted(((rule, right, n) for rule, (right, n) in total.items()
                   if right / n <= args.max_precision and n - right >= args.min_wrong),
                  key=lambda r: (r[1] / r[2], -r[2], r[0]))
    if args.format == "json":
        print(json.dumps({"sets": sets, "rules": [{"rule": r, "right": right, "links": n} for r, right, n in rows]}, indent=1))
    else:
        for rule, right, n in rows:
            print(f"{right / n:.2f} {right:5d} / {n:5d}  {rule}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
