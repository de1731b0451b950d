"""Command-line interface: ``civicgraph`` (also ``python -m graph``).

Only this package imports click. Each command module parses options, calls
one library function and prints or writes the result.
"""

from graph.cli import (
    build as _build,  # noqa: F401  (registers commands)
    export as _export,  # noqa: F401
    maps as _maps,  # noqa: F401
    query as _query,  # noqa: F401
)
from graph.cli._app import main

__all__ = ["main"]
