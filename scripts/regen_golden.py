"""Regenerate the golden Turtle of the fixture document(s) in tests/fixtures/golden/.

The golden test (tests/test_pipeline.py::test_golden_turtle) never rewrites
the file: when the extractor or the RDF shape changes on purpose, run

    uv run python scripts/regen_golden.py           # rewrite, print the diff size
    uv run python scripts/regen_golden.py --check   # exit 1 if a golden file is out of date

and review the diff (``git diff tests/fixtures/golden``) before committing it.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "golden"
sys.path.insert(0, str(ROOT))

from graph.pipeline import build, render_outputs  # noqa: E402
from graph.store import write_atomic  # noqa: E402


def golden_pairs() -> list[tuple[Path, Path]]:
    """Each fixture document with the golden Turtle file beside it (same stem, .ttl)."""
    docs = sorted(p for p in GOLDEN.iterdir() if p.suffix in {".txt", ".md", ".html", ".pdf"})
    return [(doc, doc.with_suffix(".ttl")) for doc in docs]


def expected_turtle(doc: Path) -> str:
    """The Turtle that building ``doc`` alone gives now."""
    return render_outputs(build([doc], strict=True))["graph.ttl"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if out of date")
    args = parser.parse_args(argv)
    stale = 0
    for doc, ttl in golden_pairs():
        new = expected_turtle(doc)
        old = ttl.read_text(encoding="utf-8") if ttl.exists() else ""
        if new == old:
            print(f"{ttl.relative_to(ROOT)}: up to date")
            continue
        stale += 1
        diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
        changed = sum(1 for ln in diff if ln[:1] in "+-" and ln[:3] not in ("+++", "---"))
        if args.check:
            print(f"{ttl.relative_to(ROOT)}: out of date ({changed} lines differ)")
        else:
            write_atomic(ttl, new)
            print(f"{ttl.relative_to(ROOT)}: rewritten ({changed} lines changed)")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
