"""A tabular view of a civicgraph RDF graph: nodes, relations, documents.

The table-shaped exports (CSV, Kumu, 360Giving) read the graph through this
view so that each of them does not repeat the SPARQL. It reads every triple
once from the Oxigraph store (or from rdflib for another store) and joins the
direct relation triples to their ``cg:Statement`` and ``cg:Evidence`` nodes.

``cg:partnerOf`` is asserted in both directions in the RDF; the view keeps it
as one undirected :class:`Edge` (source IRI sorts first), so a spreadsheet
does not count a partnership twice.

>>> import sys; sys.path.insert(0, "tests"); import handbuilt
>>> v = read_view(handbuilt.rdf_graph())
>>> len(v.nodes), len(v.edges), len(v.documents)
(8, 9, 1)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import Graph

from graph.namespace import CG_IRI, ID_IRI
from graph.records import PREDICATES, SYMMETRIC
from graph.store import oxigraph_store, sorted_ntriples

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_SUBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
RDF_PREDICATE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"
RDF_OBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DCT = "http://purl.org/dc/terms/"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SDO = "https://schema.org/"
#: W3C Basic Geo (WGS84) vocabulary, used for coordinates when the gazetteer gives them.
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"

TOP_CLASSES = ("Organisation", "Programme", "Place")


@dataclass(frozen=True, slots=True)
class Node:
    """An entity (organisation, programme or place)."""

    iri: str
    label: str
    type: str
    subtype: str | None
    funder: bool
    aliases: tuple[str, ...]
    documents: tuple[str, ...]
    """Document IRIs the entity is mentioned in."""
    identifiers: tuple[str, ...]
    """``dcterms:identifier`` / ``schema:identifier`` values (e.g. GSS codes)."""
    same_as: tuple[str, ...]
    lat: str | None = None
    long: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """One evidence sentence for a relation."""

    iri: str
    document: str
    exact: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Edge:
    """One relation between two entities, with its evidence."""

    source: str
    target: str
    predicate: str
    """Local name in the cg: namespace, e.g. ``funds``."""
    directed: bool
    statements: tuple[str, ...]
    documents: tuple[str, ...]
    evidence: tuple[Quote, ...]
    amount: Decimal | None = None
    currency: str | None = None
    amount_text: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A source document's metadata."""

    iri: str
    file_name: str | None
    title: str | None
    publisher: str | None
    issued: str | None


@dataclass(frozen=True, slots=True)
class View:
    """Nodes, edges and documents of a graph, sorted by IRI."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    documents: tuple[DocumentInfo, ...]


def local_id(iri: str) -> str:
    """Return ``iri`` without the civicgraph id namespace (``organisation/x``)."""
    return iri[len(ID_IRI) :] if iri.startswith(ID_IRI) else iri


def _quads(graph: Graph) -> list[ox.Quad]:
    store = oxigraph_store(graph)
    if store is not None:
        return list(store)
    text = "\n".join(sorted_ntriples(graph))  # pragma: no cover - other stores
    return list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))  # pragma: no cover


def _index(graph: Graph) -> dict[str, dict[str, list[ox.NamedNode | ox.Literal]]]:
    """subject IRI -> predicate IRI -> objects (de-duplicated, sorted)."""
    idx: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for q in _quads(graph):
        if isinstance(q.subject, ox.NamedNode):
            idx[q.subject.value][q.predicate.value].add(q.object)
    return {s: {p: sorted(os_, key=str) for p, os_ in po.items()} for s, po in idx.items()}


def _one(values: list | None) -> str | None:
    return values[0].value if values else None


def _int(value: str | None) -> int:
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0


def read_view(graph: Graph) -> View:
    """Return the nodes, edges and documents of ``graph``."""
    idx = _index(graph)
    tops = {CG_IRI + t: t for t in TOP_CLASSES}

    nodes: dict[str, Node] = {}
    documents: list[DocumentInfo] = []
    statements: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for s, po in idx.items():
        types = [t.value for t in po.get(RDF_TYPE, [])]
        if CG_IRI + "Document" in types:
            documents.append(
                DocumentInfo(
                    iri=s,
                    file_name=_one(po.get(CG_IRI + "fileName")),
                    title=_one(po.get(DCT + "title")),
                    publisher=_one(po.get(DCT + "publisher")),
                    issued=_one(po.get(DCT + "issued")),
                )
            )
        if CG_IRI + "Statement" in types:
            key = (_one(po.get(RDF_SUBJECT)), _one(po.get(RDF_PREDICATE)), _one(po.get(RDF_OBJECT)))
            if None not in key:
                statements[key].append(s)  # type: ignore[index]
        top = next((tops[t] for t in types if t in tops), None)
        if top is None:
            continue
        subtypes = sorted(
            t[len(CG_IRI) :]
            for t in types
            if t.startswith(CG_IRI) and t not in tops and t != CG_IRI + "Funder"
        )
        labels = [v.value for v in po.get(RDFS_LABEL, [])]
        nodes[s] = Node(
            iri=s,
            label=labels[0] if labels else local_id(s),
            type=top,
            subtype=subtypes[0] if subtypes else None,
            funder=CG_IRI + "Funder" in types,
            aliases=tuple(sorted({v.value for v in po.get(SKOS_ALT, [])} - set(labels[:1]))),
            documents=tuple(v.value for v in po.get(CG_IRI + "mentionedIn", [])),
            identifiers=tuple(
                sorted(
                    {
                        v.value
                        for p in (DCT + "identifier", SDO + "identifier")
                        for v in po.get(p, [])
                    }
                )
            ),
            same_as=tuple(v.value for v in po.get(OWL_SAMEAS, [])),
            lat=_one(po.get(GEO + "lat")),
            long=_one(po.get(GEO + "long")),
        )

    edges: dict[tuple[str, str, str], dict] = {}
    for s, po in idx.items():
        if s not in nodes:
            continue
        for name in PREDICATES:
            for o in po.get(CG_IRI + name, []):
                if not isinstance(o, ox.NamedNode):
                    continue
                a, b = s, o.value
                symmetric = name in SYMMETRIC
                key = (min(a, b), name, max(a, b)) if symmetric else (a, name, b)
                acc = edges.setdefault(
                    key, {"statements": set(), "amounts": [], "symmetric": symmetric}
                )
                acc["statements"].update(statements.get((a, CG_IRI + name, b), []))

    out: list[Edge] = []
    for (a, name, b), acc in sorted(edges.items()):
        quotes: dict[tuple[str, int, int], Quote] = {}
        docs: set[str] = set()
        amount = currency = amount_text = None
        for st in sorted(acc["statements"]):
            po = idx.get(st, {})
            docs.update(v.value for v in po.get(PROV + "wasDerivedFrom", []))
            if amount is None and po.get(CG_IRI + "amount"):
                try:
                    amount = Decimal(po[CG_IRI + "amount"][0].value)
                except InvalidOperation:
                    amount = None
                currency = _one(po.get(CG_IRI + "currency"))
                amount_text = _one(po.get(CG_IRI + "amountText"))
            for ev in po.get(CG_IRI + "evidence", []):
                epo = idx.get(ev.value, {})
                q = Quote(
                    iri=ev.value,
                    document=_one(epo.get(PROV + "wasQuotedFrom")) or "",
                    exact=_one(epo.get(OA + "exact")) or "",
                    start=_int(_one(epo.get(OA + "start"))),
                    end=_int(_one(epo.get(OA + "end"))),
                    rule=_one(epo.get(CG_IRI + "extractedBy")) or "",
                )
                quotes.setdefault((q.document, q.start, q.end), q)
        out.append(
            Edge(
                source=a,
                target=b,
                predicate=name,
                directed=not acc["symmetric"],
                statements=tuple(sorted(acc["statements"])),
                documents=tuple(sorted(docs)),
                evidence=tuple(quotes[k] for k in sorted(quotes)),
                amount=amount,
                currency=currency,
                amount_text=amount_text,
            )
        )
    return View(
        nodes=tuple(nodes[k] for k in sorted(nodes)),
        edges=tuple(out),
        documents=tuple(sorted(documents, key=lambda d: d.iri)),
    )
