"""Extractors: one document in, its entities and relations (with evidence) out.

Per-document work is independent of every other document, so documents can be
extracted in parallel and cached by content hash. ``EXTRACTORS`` is the
registry; the default ``rules`` extractor needs nothing but this package.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.extract.rules import extract_rules
from graph.records import Document, DocumentExtraction

#: Registry of extractors by name; each maps a Document to a DocumentExtraction.
EXTRACTORS: dict[str, Callable[[Document], DocumentExtraction]] = {"rules": extract_rules}


def extract_document(doc: Document, extractor: str = "rules") -> DocumentExtraction:
    """Run the named extractor on one document."""
    return EXTRACTORS[extractor](doc)
