"""The one place that converts civicgraph RDF into a networkx graph.

:func:`to_networkx` reads the graph with three SPARQL queries run on the
Oxigraph store (nodes, relations with their statements and evidence,
documents), so it scales to graphs of a million triples without Python
triple loops. The result is a :class:`networkx.MultiDiGraph`:

* node key: the entity IRI (string); attributes ``label``, ``type``
  (Organisation|Programme|Place), ``subtype`` (or None), ``aliases`` (sorted),
  ``documents`` (sorted document IRIs), ``funder`` (bool), ``ids`` (sorted
  identifiers such as ONS GSS codes);
* edge: one per relation triple, keyed by predicate local name, attributes
  ``predicate``, ``symmetric`` (True for ``partnerOf``, stored ONCE per
  unordered pair, from the smaller IRI to the larger), ``evidence`` (list of
  dicts: ``sentence``, ``document``, ``file_name``, ``start``, ``end``,
  ``rule``), ``amount`` (Decimal or None), ``currency``, ``amount_text`` and
  ``weight`` (number of supporting sentences, at least 1);
* ``G.graph["documents"]``: document IRI -> ``{"file_name", "title",
  "publisher", "issued"}``.

The pattern follows rdflib's ``extras/external_graph_libs.py`` (one
converter, attributes on nodes and edges).

>>> import sys; sys.path.insert(0, "tests")
>>> import handbuilt
>>> G = to_networkx(handbuilt.rdf_graph())
>>> G.number_of_nodes(), G.number_of_edges()
(8, 9)
>>> G.nodes[ID_IRI + "organisation/northfield-trust"]["funder"]
True
>>> e = G.edges[ID_IRI + "organisation/northfield-trust", ID_IRI + "programme/skills-bridge", "funds"]
>>> e["amount"], e["amount_text"], e["weight"]
(Decimal('250000'), '£250,000', 1)
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from graph.errors import GraphLoadError
from graph.namespace import CG_IRI, ID_IRI
from graph.records import ENTITY_TYPES, PREDICATES, SUBTYPES, SYMMETRIC
from graph.store import oxigraph_store

_PREFIX = f"""
PREFIX cg: <{CG_IRI}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

_NODES = _PREFIX + """
SELECT ?e ?p ?o WHERE {
  VALUES ?top { cg:Organisation cg:Programme cg:Place }
  ?e a ?top .
  VALUES ?p { rdf:type rdfs:label skos:altLabel cg:mentionedIn dcterms:identifier }
  ?e ?p ?o .
}
"""

_EDGES = _PREFIX + """
SELECT ?s ?p ?o ?amount ?currency ?amountText ?sentence ?start ?end ?doc ?rule WHERE {
  VALUES ?p { @PREDICATES@ }
  ?s ?p ?o .
  OPTIONAL {
    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?st cg:amount ?amount }
    OPTIONAL { ?st cg:currency ?currency }
    OPTIONAL { ?st cg:amountText ?amountText }
    OPTIONAL {
      ?st cg:evidence ?ev .
      ?ev oa:exact ?sentence .
      OPTIONAL { ?ev oa:start ?start }
      OPTIONAL { ?ev oa:end ?end }
      OPTIONAL { ?ev prov:wasQuotedFrom ?doc }
      OPTIONAL { ?ev cg:extractedBy ?rule }
    }
  }
}
""".replace("@PREDICATES@", " ".join(f"cg:{p}" for p in PREDICATES))

_DOCS = _PREFIX + """
SELECT ?d ?fileName ?title ?publisher ?issued WHERE {
  ?d a cg:Document .
  OPTIONAL { ?d cg:fileName ?fileName }
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?d dcterms:publisher ?publisher }
  OPTIONAL { ?d dcterms:issued ?issued }
}
"""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_MENTIONED = CG_IRI + "mentionedIn"
_IDENT = "http://purl.org/dc/terms/identifier"
_SUBTYPES = {CG_IRI + s: s for subs in SUBTYPES.values() for s in subs}
_TOPS = {CG_IRI + t: t for t in ENTITY_TYPES}
_KINDS = {"organisation": "Organisation", "programme": "Programme", "place": "Place"}


def select(store: ox.Store, query: str, **kwargs: Any) -> ox.QuerySolutions:
    """Run a SELECT query on ``store`` (typed for the SELECT case)."""
    res = store.query(query, **kwargs)
    assert isinstance(res, ox.QuerySolutions), "not a SELECT query"
    return res


def _value(term: Any) -> str | None:
    return None if term is None else term.value


def _store(rdf: Graph | ox.Store) -> ox.Store:
    if isinstance(rdf, ox.Store):
        return rdf
    store = oxigraph_store(rdf)
    if store is None:  # another rdflib store: copy into a temporary Oxigraph store
        store = ox.Store()
        store.load(rdf.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def _fallback_node(iri: str) -> dict[str, Any]:
    """Attributes of a relation end that has no entity description."""
    local = iri[len(ID_IRI):] if iri.startswith(ID_IRI) else iri
    kind, _, slug = local.partition("/")
    return {
        "label": slug.replace("-", " ") if slug else iri,
        "type": _KINDS.get(kind),
        "subtype": None,
        "aliases": [],
        "documents": [],
        "funder": False,
        "ids": [],
    }


def to_networkx(rdf: Graph | ox.Store) -> nx.MultiDiGraph:
    """Return the civicgraph RDF graph ``rdf`` as a networkx MultiDiGraph.

    Args:
        rdf: an rdflib graph (ideally Oxigraph-backed, from
            :func:`graph.store.load_graph`) or a pyoxigraph store.

    Returns:
        The MultiDiGraph described in the module docstring.

    Raises:
        GraphLoadError: the graph has no civicgraph entities.
    """
    store = _store(rdf)
    nodes: dict[str, dict[str, Any]] = {}
    for row in select(store, _NODES):
        e, p, o = row["e"].value, row["p"].value, row["o"].value
        n = nodes.get(e)
        if n is None:
            n = nodes[e] = {"label": None, "type": None, "subtype": None, "aliases": set(),
                            "documents": set(), "funder": False, "ids": set()}
        if p == _RDF_TYPE:
            if o in _TOPS:
                n["type"] = _TOPS[o]
            elif o in _SUBTYPES:
                n["subtype"] = _SUBTYPES[o]
            elif o == CG_IRI + "Funder":
                n["funder"] = True
        elif p == _LABEL:
            # exactly one label by the shapes; if several, keep the smallest for determinism
            n["label"] = o if n["label"] is None else min(n["label"], o)
        elif p == _ALT:
            n["aliases"].add(o)
        elif p == _MENTIONED:
            n["documents"].add(o)
        elif p == _IDENT:
            n["ids"].add(o)
    if not nodes:
        raise GraphLoadError(
            "the graph has no civicgraph entities (cg:Organisation, cg:Programme, cg:Place)"
        )

    G = nx.MultiDiGraph()
    for iri in sorted(nodes):
        n = nodes[iri]
        G.add_node(
            iri,
            label=n["label"] or _fallback_node(iri)["label"],
            type=n["type"],
            subtype=n["subtype"],
            aliases=sorted(n["aliases"] - {n["label"]}),
            documents=sorted(n["documents"]),
            funder=n["funder"],
            ids=sorted(n["ids"]),
        )

    docs: dict[str, dict[str, Any]] = {}
    for row in select(store, _DOCS):
        docs[row["d"].value] = {
            "file_name": _value(row["fileName"]),
            "title": _value(row["title"]),
            "publisher": _value(row["publisher"]),
            "issued": _value(row["issued"]),
        }
    G.graph["documents"] = docs

    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in select(store, _EDGES):
        s, o = row["s"].value, row["o"].value
        pred = row["p"].value[len(CG_IRI):]
        symmetric = pred in SYMMETRIC
        if symmetric and s > o:
            s, o = o, s
        key = (s, o, pred)
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = {"predicate": pred, "symmetric": symmetric, "evidence": {},
                                 "amount": None, "currency": None, "amount_text": None}
        amount = _value(row["amount"])
        if amount is not None and edge["amount"] is None:
            try:
                edge["amount"] = Decimal(amount)
            except InvalidOperation:
                pass
        edge["currency"] = edge["currency"] or _value(row["currency"])
        edge["amount_text"] = edge["amount_text"] or _value(row["amountText"])
        sentence = _value(row["sentence"])
        if sentence is not None:
            doc = _value(row["doc"])
            start, end = _value(row["start"]), _value(row["end"])
            ev = {
                "sentence": sentence,
                "document": doc,
                "file_name": docs.get(doc or "", {}).get("file_name"),
                "start": int(start) if start is not None else None,
                "end": int(end) if end is not None else None,
                "rule": _value(row["rule"]),
            }
            # one sentence may support an edge through several rules: count it once
            edge["evidence"].setdefault((doc, ev["start"], ev["end"], sentence), []).append(ev)

    for (s, o, pred) in sorted(edges):
        edge = edges[(s, o, pred)]
        for end_iri in (s, o):
            if end_iri not in G:
                G.add_node(end_iri, **_fallback_node(end_iri))
        evidence = []
        for k in sorted(edge["evidence"], key=lambda k: (k[0] or "", k[1] or 0, k[2] or 0, k[3])):
            evs = edge["evidence"][k]
            rules = sorted({e["rule"] for e in evs if e["rule"]})
            ev = dict(evs[0], rule=", ".join(rules) if rules else None)
            evidence.append(ev)
        G.add_edge(
            s, o, key=pred,
            predicate=pred,
            symmetric=edge["symmetric"],
            evidence=evidence,
            amount=edge["amount"],
            currency=edge["currency"],
            amount_text=edge["amount_text"],
            weight=max(1, len(evidence)),
        )
    return G


def entity_nodes(G: nx.MultiDiGraph, type_: str | None = None) -> list[str]:
    """Return the node ids of ``G`` (of one top ``type_`` if given), sorted.

    >>> import sys; sys.path.insert(0, "tests")
    >>> import handbuilt
    >>> [n.rsplit("/", 1)[1] for n in entity_nodes(to_networkx(handbuilt.rdf_graph()), "Place")]
    ['harbour-city', 'north-coast']
    """
    return sorted(n for n, t in G.nodes(data="type") if type_ is None or t == type_)
