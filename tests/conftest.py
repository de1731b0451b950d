"""Shared pytest fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import handbuilt  # noqa: E402


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture()
def handbuilt_graph():
    """A fresh RDF graph of the hand-built fixture (see tests/handbuilt.py)."""
    return handbuilt.rdf_graph()


@pytest.fixture()
def handbuilt_ttl(tmp_path: Path) -> Path:
    """The hand-built fixture written as Turtle to a temp file."""
    from graph.store import to_turtle

    p = tmp_path / "handbuilt.ttl"
    p.write_text(to_turtle(handbuilt.rdf_graph()), encoding="utf-8")
    return p
