"""Save a PNG of a partnership map as headless Chromium draws it.

Opens the map from disk (file://), waits until it is interactive, optionally
types a search so the card shows an entity, and saves the screenshot. Fails
if the page logs an error or tries to reach the network.

Usage::

    uv run python scripts/screenshot_map.py                       # outputs/map.html -> outputs/map.png
    uv run python scripts/screenshot_map.py outputs/map-hcc.html --out hcc.png --search HCC
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch, open_map  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", default="outputs/map.html")
    parser.add_argument("--out", default=None, help="PNG to write (default: beside the map)")
    parser.add_argument("--search", default=None, help="type this in the search box first")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()
    source = Path(args.map)
    if not source.exists():
        print(f"error: {source} does not exist; run `civicgraph build` or `civicgraph map`",
              file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else source.with_suffix(".png")
    with launch() as browser:
        page, log, seconds = open_map(browser, source, viewport=(args.width, args.height))
        if args.search:
            page.fill("#cg-search", args.search)
            page.press("#cg-search", "Enter")
        page.wait_for_timeout(300)
        page.screenshot(path=str(out))
        counts = page.evaluate("civicgraph.visibleCounts()")
    problems = log.errors + [f"request to {u}" for u in log.external_requests()]
    if problems:
        print("error: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"wrote {out} ({counts['nodes']:,} entities, {counts['edges']:,} relations drawn; "
          f"interactive after {seconds:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
