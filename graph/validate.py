"""Check a graph against civicgraph's SHACL shapes (``graph/shapes.ttl``) with pySHACL.

The shapes state the data contract: every entity has exactly one
``rdfs:label`` and one top class; relation ends have the right classes; every
relation triple has a ``cg:Statement`` with ``cg:Evidence``; evidence has its
sentence, offsets and document; amounts are ``xsd:decimal`` with a currency.
No inference runs (entities carry their top class explicitly), which keeps a
few-thousand-triple graph at about two seconds: the core constraints run in
pySHACL, the SHACL-SPARQL constraints as whole-graph queries on Oxigraph
(see :func:`_sparql_checks`; ``engine="pyshacl"`` runs them all in pySHACL,
and a test checks both engines report the same violations).

>>> import sys; sys.path.insert(0, "tests"); import handbuilt
>>> validate(handbuilt.rdf_graph()).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from graph.errors import ValidationFailed
from graph.namespace import OA, PREFIXES
from graph.store import oxigraph_store, sorted_ntriples


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, ready to print."""

    severity: str
    """``Violation``, ``Warning`` or ``Info``."""
    focus: str
    """The focus node, compacted (``organisation:harbour-city-council``)."""
    label: str | None
    """The focus node's ``rdfs:label`` (first, if it has several)."""
    path: str | None
    value: str | None
    message: str
    shape: str

    def line(self) -> str:
        """One readable line: severity, focus label and IRI, path, message."""
        who = f'"{self.label}" ({self.focus})' if self.label else self.focus
        where = f" {self.path}:" if self.path else ""
        value = f" [value: {self.value}]" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {who}:{where} {self.message}{value}"


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of :func:`validate`."""

    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """All results, one per line, then a summary line."""
        lines = [v.line() for v in self.violations]
        n = sum(v.severity == "Violation" for v in self.violations)
        lines.append(
            "graph conforms to the civicgraph shapes"
            if self.conforms
            else f"{n} violation{'s' if n != 1 else ''} of the civicgraph shapes"
        )
        return "\n".join(lines)


@cache
def shapes_text() -> str:
    """Return the SHACL shapes (Turtle) shipped in the package."""
    return (resources.files("graph") / "shapes.ttl").read_text(encoding="utf-8")


@cache
def _shapes() -> Graph:
    g = Graph()
    g.parse(data=shapes_text(), format="turtle")
    return g


@cache
def _core_shapes() -> Graph:
    """The shapes without their SHACL-SPARQL constraints (those run on Oxigraph)."""
    g = Graph()
    for t in _shapes():
        g.add(t)
    for s, o in list(g.subject_objects(SH.sparql)):
        g.remove((s, SH.sparql, o))
    return g


@dataclass(frozen=True, slots=True)
class _SparqlCheck:
    shape: Any
    query: str
    message: str


_TARGETS = {
    SH.targetSubjectsOf: "{{ ?this <{}> ?_t{} }}",
    SH.targetObjectsOf: "{{ ?_t{1} <{0}> ?this }}",
    SH.targetClass: "{{ ?this a <{}> }}",
}


@cache
def _sparql_checks() -> tuple[_SparqlCheck, ...]:
    """Each SHACL-SPARQL constraint as one whole-graph query with its targets bound to ?this.

    SHACL-SPARQL runs a constraint's SELECT once per focus node with ``$this``
    pre-bound; rdflib's engine makes that minutes on a few thousand triples.
    The same semantics as one query: ``$this`` ranges over the shape's targets
    (joined in as a UNION), everything else is the constraint's own query.
    """
    g = _shapes()
    out = []
    for shape, constraint in sorted(g.subject_objects(SH.sparql), key=str):
        select = str(g.value(constraint, SH.select))
        message = str(g.value(constraint, SH.message) or "SPARQL constraint not met")
        prefixes = []
        for decl_owner in g.objects(constraint, SH.prefixes):
            for decl in g.objects(decl_owner, SH.declare):
                prefixes.append(
                    f"PREFIX {g.value(decl, SH.prefix)}: <{g.value(decl, SH.namespace)}>"
                )
        targets = []
        for pred, pattern in _TARGETS.items():
            for i, t in enumerate(sorted(g.objects(shape, pred), key=str)):
                targets.append(pattern.format(t, i))
        body = select[select.index("{", select.upper().index("WHERE")) + 1 : select.rindex("}")]
        body = body.replace("$this", "?this")
        query = "\n".join(sorted(set(prefixes))) + (
            "\nSELECT DISTINCT ?this ?path ?value WHERE {\n"
            + "{ SELECT DISTINCT ?this WHERE { "
            + "\n UNION ".join(targets)
            + " } }"
            + "\n{ "
            + body
            + " }\n}"
        )
        out.append(_SparqlCheck(shape, query, message))
    return tuple(out)


def _ox_store(graph: Graph) -> ox.Store:
    store = oxigraph_store(graph)
    if store is not None:
        return store
    fresh = ox.Store()  # pragma: no cover - other stores
    fresh.load("\n".join(sorted_ntriples(graph)), format=ox.RdfFormat.N_TRIPLES)  # pragma: no cover
    return fresh  # pragma: no cover


def _from_ox(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value if term.datatype else None
        return Literal(
            term.value, datatype=None if dt == _XSD_STRING else URIRef(dt) if dt else None
        )
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return term


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _memory_copy(graph: Graph) -> Graph:
    """pySHACL runs its SPARQL through rdflib: a plain in-memory graph is fastest."""
    if oxigraph_store(graph) is None and graph.store.__class__.__name__ == "Memory":
        return graph
    store = oxigraph_store(graph)
    if store is None:  # pragma: no cover - other stores
        g = Graph()
        g.parse(data="\n".join(sorted_ntriples(graph)), format="nt")
        return g
    g = Graph()
    g.addN((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object), g) for q in store)
    return g


def _compact(term: object) -> str:
    if isinstance(term, Literal):
        return f'"{term}"' + (f"^^{_compact(term.datatype)}" if term.datatype else "")
    text = str(term)
    best = ""
    best_prefix = ""
    for prefix, ns in PREFIXES.items():
        ns_s = str(ns)
        if text.startswith(ns_s) and len(ns_s) > len(best):
            best, best_prefix = ns_s, prefix
    return f"{best_prefix}:{text[len(best) :]}" if best else f"<{text}>"


def _describe(data: Graph, node: Any) -> str | None:
    """A human name for a focus node: its label, or what a statement/evidence says."""
    labels = sorted(str(x) for x in data.objects(node, RDFS.label))
    if labels:
        return labels[0]
    s = data.value(node, RDF.subject)
    p = data.value(node, RDF.predicate)
    o = data.value(node, RDF.object)
    if s is not None and p is not None and o is not None:

        def name(x: Any) -> str:
            lab = data.value(x, RDFS.label)
            return str(lab) if lab is not None else _compact(x)

        return f"{name(s)} {_compact(p)} {name(o)}"
    exact = data.value(node, OA.exact)
    if exact is not None:
        text = str(exact)
        return text if len(text) <= 60 else text[:57] + "..."
    return None


def validate(graph: Graph, engine: str = "oxigraph") -> Report:
    """Validate ``graph`` against the shipped SHACL shapes.

    Core SHACL constraints run in pySHACL. The SHACL-SPARQL constraints run as
    whole-graph queries on Oxigraph (``engine="oxigraph"``, fast) or per focus
    node in pySHACL (``engine="pyshacl"``, the reference; slow on big graphs).

    Returns a :class:`Report`; ``report.conforms`` is False when there is any
    violation. ``report.text()`` is what ``civicgraph validate`` prints.
    """
    if engine not in ("oxigraph", "pyshacl"):
        raise ValueError(f"unknown validation engine {engine!r}")
    data = _memory_copy(graph)
    conforms, results, _ = shacl_validate(
        data,
        shacl_graph=_core_shapes() if engine == "oxigraph" else _shapes(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        advanced=False,
    )
    out = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        shape = results.value(result, SH.sourceShape)
        out.append(
            _violation(
                data,
                severity,
                focus,
                path,
                value,
                messages[0] if messages else "constraint not met",
                shape,
            )
        )
    if engine == "oxigraph":
        store = _ox_store(graph)
        for chk in _sparql_checks():
            rows = store.query(chk.query, use_default_graph_as_union=True)
            for row in cast(ox.QuerySolutions, rows):
                out.append(
                    _violation(
                        data,
                        "Violation",
                        _from_ox(row["this"]),
                        _from_ox(row["path"]) if row["path"] else None,
                        _from_ox(row["value"]) if row["value"] else None,
                        chk.message,
                        chk.shape,
                    )
                )
    out = sorted(
        set(out), key=lambda v: (v.severity != "Violation", v.focus, v.path or "", v.message)
    )
    n = sum(v.severity == "Violation" for v in out)
    del conforms  # pySHACL's flag covers only the core part; count violations instead
    return Report(conforms=n == 0, violations=tuple(out))


def _violation(
    data: Graph,
    severity: str,
    focus: object,
    path: object,
    value: object,
    message: str,
    shape: object,
) -> Violation:
    return Violation(
        severity=severity,
        focus=_compact(focus),
        label=_describe(data, focus) if focus is not None else None,
        path=_compact(path) if isinstance(path, URIRef) else None,
        value=_compact(value) if value is not None else None,
        message=message,
        shape=_compact(shape) if isinstance(shape, URIRef) else "",
    )


def check(graph: Graph) -> Report:
    """Validate and raise when the graph does not conform (what ``build`` calls).

    Raises:
        ValidationFailed: with the number of violations and the first one.
    """
    report = validate(graph)
    if not report.conforms:
        n = sum(v.severity == "Violation" for v in report.violations)
        first = report.violations[0].line() if report.violations else ""
        raise ValidationFailed(
            f"graph does not conform to the civicgraph shapes: {n} violation(s); first: {first} "
            "(run 'civicgraph validate' for all)"
        )
    return report
