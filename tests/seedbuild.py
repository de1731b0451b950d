"""The seeds built once per test session, shared by the pipeline, CLI and output tests.

Building ``seeds/`` takes about a second; :func:`seeds_result` caches the
:class:`graph.pipeline.BuildResult` (and :func:`seeds_files` its rendered
output files) so every test module that needs them shares one build. Treat
the returned objects as read-only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUTPUTS = ROOT / "outputs"
GOLD = ROOT / "tests" / "gold"


@cache
def seeds_result():
    """``graph.pipeline.build(["seeds"])``, once per session."""
    from graph.pipeline import build

    return build([SEEDS])


@cache
def seeds_files() -> dict[str, str]:
    """``graph.pipeline.render_outputs`` of the seeds build, once per session."""
    from graph.pipeline import render_outputs

    return render_outputs(seeds_result())
