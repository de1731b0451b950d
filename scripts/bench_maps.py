"""Benchmark partnership maps: render synthetic graphs, open them in headless Chromium.

For each size it reports the Python render time (selection, layout, HTML),
the file size, and the time to interactive: from navigation start to the
page's ready flag, which the map sets on the first frame drawn after layout
(after stabilisation when physics is on), read from the page's own
``performance.now()`` clock. It also times one search and one type filter
once the page is ready, to show the page responds.

Usage::

    uv run python scripts/bench_maps.py                 # 500, 5,000, 20,000 (capped) and 20,000 (all)
    uv run python scripts/bench_maps.py --sizes 1000 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch, open_map  # noqa: E402
from mapfixtures import synthetic_graph  # noqa: E402

from graph.render import MAX_NODES, render_map  # noqa: E402


def bench(browser, n: int, cap: int | None, repeat: int, folder: Path) -> dict:
    G = synthetic_graph(n, seed=n)
    t0 = time.perf_counter()
    html = render_map(G, title=f"Synthetic {n}", max_nodes=cap)
    render_s = time.perf_counter() - t0
    path = folder / f"bench-{n}-{cap}.html"
    path.write_text(html, encoding="utf-8")
    tti, search_ms, filter_ms = [], [], []
    drawn = {}
    for _ in range(repeat):
        page, log, seconds = open_map(browser, path, timeout_ms=300_000)
        tti.append(seconds)
        drawn = page.evaluate("civicgraph.visibleCounts()")
        search_ms.append(page.evaluate(
            "(() => { const t = performance.now(); civicgraph.search('alias3'); "
            "return performance.now() - t; })()"
        ))
        filter_ms.append(page.evaluate(
            "(() => { const t = performance.now(); civicgraph.setKind('Town', false); "
            "return performance.now() - t; })()"
        ))
        if log.errors or log.external_requests():
            raise SystemExit(f"{path}: errors {log.errors} requests {log.external_requests()}")
        page.close()
    return {
        "n": n,
        "edges": G.number_of_edges(),
        "cap": cap,
        "drawn_nodes": drawn["nodes"],
        "drawn_edges": drawn["edges"],
        "render_s": render_s,
        "mb": path.stat().st_size / 1e6,
        "tti_s": statistics.median(tti),
        "search_ms": statistics.median(search_ms),
        "filter_ms": statistics.median(filter_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=None,
                        help="graph sizes (default: 500 5000 20000, and 20000 uncapped)")
    parser.add_argument("--repeat", type=int, default=3, help="page loads per map (median)")
    args = parser.parse_args()
    runs = [(n, MAX_NODES) for n in args.sizes] if args.sizes else [
        (500, MAX_NODES), (5000, MAX_NODES), (20000, MAX_NODES), (20000, None)
    ]
    print("| entities | relations | drawn (nodes / edges) | render in Python | file size "
          "| time to interactive | search | type filter |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp, launch() as browser:
        for n, cap in runs:
            r = bench(browser, n, cap, args.repeat, Path(tmp))
            print(
                f"| {r['n']:,} | {r['edges']:,} | {r['drawn_nodes']:,} / {r['drawn_edges']:,}"
                f"{'' if cap else ' (no cap)'} | {r['render_s']:.1f} s | {r['mb']:.1f} MB "
                f"| {r['tti_s']:.2f} s | {r['search_ms']:.0f} ms | {r['filter_ms']:.0f} ms |",
                flush=True,
            )


if __name__ == "__main__":
    main()
