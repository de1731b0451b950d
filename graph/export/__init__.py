"""Exports of the civicgraph graph in standard formats.

:func:`export` is a pure function: graph in, ``{file suffix: bytes}`` out
(one entry for most formats, two for ``csv`` and ``360giving``).
:func:`write_exports` writes several formats into a folder atomically; it is
what ``civicgraph export`` and ``civicgraph build --formats`` call.

========== ===================================== ==============================
format     files (suffix after the stem)         for
========== ===================================== ==============================
turtle     ``.ttl``                              RDF tools (deterministic)
nt         ``.nt``                               RDF tools, diffs (sorted)
jsonld     ``.jsonld``                           web developers (@context inline)
trig       ``.trig``                             one named graph per document
nquads     ``.nq``                               one named graph per document
graphml    ``.graphml``                          Gephi, yEd, networkx, igraph
gexf       ``.gexf``                             Gephi, sigma.js
csv        ``-nodes.csv``, ``-edges.csv``        spreadsheets, pandas, R
kumu       ``.kumu.json``                        Kumu (elements + connections)
360giving  ``.360giving.csv``, ``.360giving.json`` grants tools (360Giving)
========== ===================================== ==============================

>>> import sys; sys.path.insert(0, "tests"); import handbuilt
>>> sorted(export(handbuilt.rdf_graph(), "csv"))
['-edges.csv', '-nodes.csv']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from rdflib import Graph

from graph.errors import CivicGraphError
from graph.export import grants, linked, networks, tables
from graph.export.view import read_view
from graph.store import write_atomic

Exporter = Callable[[Graph], dict[str, bytes]]

#: Format name -> exporter (graph -> {suffix: bytes}).
EXPORTERS: dict[str, Exporter] = {
    "turtle": lambda g: {".ttl": linked.to_turtle_bytes(g)},
    "nt": lambda g: {".nt": linked.to_ntriples(g)},
    "jsonld": lambda g: {".jsonld": linked.to_jsonld(g)},
    "trig": lambda g: {".trig": linked.to_trig(g)},
    "nquads": lambda g: {".nq": linked.to_nquads(g)},
    "graphml": networks.to_graphml,
    "gexf": networks.to_gexf,
    "csv": lambda g: tables.to_csv(read_view(g)),
    "kumu": lambda g: tables.to_kumu(read_view(g)),
    "360giving": lambda g: grants.to_360giving(read_view(g)),
}

FORMATS = tuple(EXPORTERS)


class UnknownFormat(CivicGraphError):
    """An export format name is not one of :data:`FORMATS`."""


def check_formats(formats: Iterable[str]) -> list[str]:
    """Return the format names, de-duplicated in order; raise on an unknown one."""
    out: list[str] = []
    for f in formats:
        name = f.strip().lower()
        if not name:
            continue
        if name not in EXPORTERS:
            raise UnknownFormat(f"unknown export format '{f}' (choose from: {', '.join(FORMATS)})")
        if name not in out:
            out.append(name)
    return out


def export(graph: Graph, fmt: str) -> dict[str, bytes]:
    """Return the graph in format ``fmt`` as ``{file suffix: content}``.

    Raises:
        UnknownFormat: ``fmt`` is not one of :data:`FORMATS`.
    """
    (name,) = check_formats([fmt]) or [fmt]
    return EXPORTERS[name](graph)


def target_paths(out: str | os.PathLike[str], suffixes: Iterable[str]) -> dict[str, Path]:
    """Map each suffix to the file it is written to, given ``--out``.

    ``out`` ending in a suffix (``graph.ttl``) is used as it is when there is
    one file; otherwise the suffix is stripped and used as the stem
    (``grants.csv`` -> ``grants.360giving.csv``, ``net`` -> ``net-nodes.csv``).
    """
    p = Path(out)
    sfx = list(suffixes)
    if len(sfx) == 1 and p.name.endswith(sfx[0]):
        return {sfx[0]: p}
    stem = p
    for s in sorted(sfx, key=len, reverse=True):
        if p.name.endswith(s):
            stem = p.with_name(p.name[: -len(s)])
            break
    else:
        if p.suffix and p.suffix in {s[s.rfind(".") :] for s in sfx}:
            stem = p.with_suffix("")
    return {s: stem.with_name(stem.name + s) for s in sfx}


def render_exports(graph: Graph, formats: Iterable[str], stem: str = "graph") -> dict[str, bytes]:
    """Return ``{file name: content}`` for each format, named ``<stem><suffix>``.

    Nothing is written: ``civicgraph build --formats`` adds these to its own
    output files and writes them all at once.

    >>> import sys; sys.path.insert(0, "tests"); import handbuilt
    >>> sorted(render_exports(handbuilt.rdf_graph(), ["jsonld", "csv"]))
    ['graph-edges.csv', 'graph-nodes.csv', 'graph.jsonld']

    Raises:
        UnknownFormat: a format name is not one of :data:`FORMATS`.
    """
    out: dict[str, bytes] = {}
    for name in check_formats(formats):
        for suffix, data in export(graph, name).items():
            out[stem + suffix] = data
    return out


def write_exports(
    graph: Graph, formats: Iterable[str], out_dir: str | os.PathLike[str], stem: str = "graph"
) -> list[Path]:
    """Write each format into ``out_dir`` as ``<stem><suffix>``; return the paths written.

    Every file is written atomically. Example: ``write_exports(g, ["turtle",
    "jsonld"], "outputs")`` writes ``outputs/graph.ttl`` and ``outputs/graph.jsonld``.

    Raises:
        UnknownFormat: a format name is not one of :data:`FORMATS`.
    """
    written: list[Path] = []
    for name, data in render_exports(graph, formats, stem).items():
        path = Path(out_dir) / name
        write_atomic(path, data)
        written.append(path)
    return written


__all__ = [
    "EXPORTERS",
    "FORMATS",
    "UnknownFormat",
    "check_formats",
    "export",
    "render_exports",
    "target_paths",
    "write_exports",
]
