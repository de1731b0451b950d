"""Code quality gates that run with the test suite: ruff (lint) and mypy (types).

Drift tests too: library modules never import click (only graph/cli does).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed in the test environment (uv sync installs it)")
    return found


def test_ruff_is_clean():
    res = subprocess.run([_tool("ruff"), "check", "graph", "tests", "scripts"], cwd=ROOT,
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_is_clean():
    res = subprocess.run([_tool("mypy"), "graph"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_only_the_cli_imports_click():
    offenders = []
    for path in (ROOT / "graph").rglob("*.py"):
        if "cli" in path.relative_to(ROOT / "graph").parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "click" or n.startswith("click.") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
