"""One exception tree for civicgraph.

Every error a user can cause is a :class:`CivicGraphError`; the CLI prints its
message on one line and exits 1. Messages say what went wrong and, where it
helps, what to do.
"""

from __future__ import annotations


class CivicGraphError(Exception):
    """Base class of every error civicgraph raises on purpose."""


class InputError(CivicGraphError):
    """A document could not be read (missing, unreadable, unsupported, empty, corrupt)."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class GraphLoadError(CivicGraphError):
    """A graph file is missing or cannot be parsed."""


class QueryError(CivicGraphError):
    """A SPARQL query is malformed or cannot run."""


class EntityNotFound(CivicGraphError):
    """A name matches no entity (or more than one); carries suggestions."""

    def __init__(self, name: str, suggestions: list[str], ambiguous: bool = False) -> None:
        self.name = name
        self.suggestions = suggestions
        self.ambiguous = ambiguous
        what = "is ambiguous" if ambiguous else "matches no entity"
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"'{name}' {what}{hint}")


class ValidationFailed(CivicGraphError):
    """The graph does not conform to the SHACL shapes."""
