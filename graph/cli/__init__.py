"""Command-line interface: ``civicgraph`` (also ``python -m graph``).

Only this package imports click. Each command module parses options, calls
one library function and prints or writes the result.
"""

from graph.cli._app import main
from graph.cli import build as _build  # noqa: F401  (registers commands)

__all__ = ["main"]
