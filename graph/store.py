"""The one module that knows which RDF store backs civicgraph.

civicgraph talks rdflib everywhere, over the Oxigraph store from ``oxrdflib``
(parse, SPARQL and serialisation run in Rust). To plug in another store,
change :data:`STORE` (any rdflib store plugin name, e.g. ``"Memory"``); the
fast paths below fall back to rdflib when the graph is not Oxigraph-backed.

Turtle written by :func:`to_turtle` is deterministic: triples are sorted
(N-Triples order: subject, predicate, object) and grouped, so two builds of
the same inputs are byte-identical and diffs mean something.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.errors import GraphLoadError
from graph.namespace import PREFIXES

#: rdflib store plugin used for every graph civicgraph creates.
STORE = "Oxigraph"

#: File suffix -> (rdflib parser name for the Oxigraph store, pyoxigraph format).
FORMATS: dict[str, tuple[str, ox.RdfFormat]] = {
    ".ttl": ("ox-turtle", ox.RdfFormat.TURTLE),
    ".turtle": ("ox-turtle", ox.RdfFormat.TURTLE),
    ".nt": ("ox-ntriples", ox.RdfFormat.N_TRIPLES),
    ".trig": ("ox-trig", ox.RdfFormat.TRIG),
    ".nq": ("ox-nquads", ox.RdfFormat.N_QUADS),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind civicgraph's standard prefixes on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace), override=True, replace=True)
    return graph


def new_graph() -> Graph:
    """Return an empty rdflib graph over the configured store, prefixes bound.

    The triples live in the store's default graph, so SPARQL run directly on
    the underlying pyoxigraph store (:func:`oxigraph_store`) sees them.
    """
    return bind_prefixes(Graph(store=STORE, identifier=DATASET_DEFAULT_GRAPH_ID))


def oxigraph_store(graph: Graph) -> ox.Store | None:
    """Return the pyoxigraph store under ``graph``, or None for another store."""
    inner = getattr(graph.store, "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def load_graph(path: str | os.PathLike[str]) -> Graph:
    """Parse a Turtle, N-Triples, TriG or N-Quads file into a new graph.

    Quads are merged into one graph (the union of the named graphs).

    Raises:
        GraphLoadError: the file is missing, has an unknown suffix or does not parse.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.is_file():
        raise GraphLoadError(
            f"{p}: no such graph file (run 'civicgraph build' first, or pass --graph PATH)"
        )
    suffix = p.suffix.lower()
    if suffix not in FORMATS:
        raise GraphLoadError(
            f"{p}: unsupported graph format '{suffix}' (use .ttl, .nt, .trig or .nq)"
        )
    fmt = FORMATS[suffix][1]
    graph = new_graph()
    inner = oxigraph_store(graph)
    try:
        if inner is not None:
            if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
                # Rust all the way: 3-4x faster than feeding quads from Python
                inner.bulk_load(path=str(p), format=fmt, to_graph=_graph_name(graph))
            else:  # quads: merge every named graph into this one
                quads = ox.parse(path=str(p), format=fmt)
                target = _graph_name(graph)
                inner.extend(ox.Quad(q.subject, q.predicate, q.object, target) for q in quads)
        else:  # pragma: no cover - other stores
            graph.parse(str(p), format={".ttl": "turtle", ".nt": "nt"}.get(suffix, "turtle"))
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphLoadError(f"{p}: cannot parse graph: {_one_line(exc)}") from None
    return graph


def _graph_name(graph: Graph) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    from oxrdflib._converter import to_ox

    name = to_ox(graph.identifier)
    assert isinstance(name, (ox.NamedNode, ox.BlankNode, ox.DefaultGraph))
    return name


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def sorted_ntriples(graph: Graph) -> list[str]:
    """Return the graph as sorted, de-duplicated N-Triples lines (no trailing newline)."""
    inner = oxigraph_store(graph)
    if inner is not None:
        return sorted({f"{q.subject} {q.predicate} {q.object} ." for q in inner})
    text = graph.serialize(format="nt")  # pragma: no cover - other stores
    return sorted({line for line in text.splitlines() if line})  # pragma: no cover


def to_turtle(graph: Graph, prefixes: dict[str, object] | None = None) -> str:
    """Serialise ``graph`` as deterministic Turtle (sorted, grouped by subject)."""
    lines = sorted_ntriples(graph)
    return ntriples_to_turtle(lines, prefixes)


def ntriples_to_turtle(lines: Iterable[str], prefixes: dict[str, object] | None = None) -> str:
    """Serialise sorted N-Triples lines as Turtle with civicgraph's prefixes."""
    pfx = {k: str(v) for k, v in (prefixes or PREFIXES).items()}
    triples = ox.parse("\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    out = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=pfx)
    assert out is not None
    # Oxigraph writes prefixes in its own map order: write them ourselves, sorted.
    body = [ln for ln in out.decode("utf-8").splitlines() if not ln.startswith("@prefix ")]
    while body and not body[0].strip():
        body.pop(0)
    head = [f"@prefix {k}: <{v}> ." for k, v in sorted(pfx.items())]
    return "\n".join(head) + "\n\n" + "\n".join(body).rstrip() + "\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, then rename)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
