"""CLI commands: export (registered on the main group)."""

from __future__ import annotations

from graph.cli._app import main  # noqa: F401
