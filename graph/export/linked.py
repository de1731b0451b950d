"""RDF exports: Turtle, N-Triples, JSON-LD, and TriG / N-Quads by source document.

* Turtle and N-Triples are the graph as it is, sorted (byte-identical for the
  same graph).
* JSON-LD is compacted by hand against civicgraph's published ``@context``
  (``graph/context.jsonld``, embedded inline so nothing is fetched): keys read
  ``label``, ``funds``, ``partnerOf``; entity IRIs are relative to
  ``https://w3id.org/civicgraph/id/``; types are ontology class names.
* TriG and N-Quads put what each source document contributed into one named
  graph whose name is the document's IRI (see :func:`document_quads`), so a
  researcher can load, compare or retract one document's contribution.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from graph.export.view import (
    CG_IRI,
    PROV,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    _quads,
)
from graph.namespace import PREFIXES
from graph.store import sorted_ntriples, to_turtle

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@cache
def jsonld_context() -> dict:
    """Return civicgraph's JSON-LD ``@context`` (the object under the ``@context`` key)."""
    text = (resources.files("graph") / "context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def to_ntriples(graph: Graph) -> bytes:
    """Return the graph as sorted N-Triples."""
    lines = sorted_ntriples(graph)
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def to_turtle_bytes(graph: Graph) -> bytes:
    """Return the graph as deterministic Turtle."""
    return to_turtle(graph).encode("utf-8")


# ------------------------------------------------------------------- JSON-LD


class _Compactor:
    """Compact IRIs and values against the civicgraph context."""

    def __init__(self, ctx: dict) -> None:
        self.base = ctx["@base"]
        self.vocab = ctx["@vocab"]
        self.prefixes = {
            k: v
            for k, v in ctx.items()
            if isinstance(v, str) and not k.startswith("@") and v.endswith(("#", "/"))
        }
        self.terms: dict[str, tuple[str, str | None]] = {}  # IRI -> (term, @type)
        for key, value in ctx.items():
            if isinstance(value, dict) and "@id" in value:
                self.terms[self.expand(value["@id"])] = (key, value.get("@type"))

    def expand(self, compact: str) -> str:
        prefix, sep, rest = compact.partition(":")
        if sep and prefix in self.prefixes:
            return self.prefixes[prefix] + rest
        return compact

    def curie(self, iri: str) -> str:
        for prefix, ns in sorted(self.prefixes.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and ":" not in iri[len(ns) :] and iri[len(ns) :]:
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    def node_id(self, iri: str) -> str:
        if (
            iri.startswith(self.base)
            and iri[len(self.base) :]
            and ":" not in iri[len(self.base) :].split("/")[0]
        ):
            return iri[len(self.base) :]
        return iri

    def type_name(self, iri: str) -> str:
        rest = iri[len(self.vocab) :]
        if iri.startswith(self.vocab) and rest and rest not in self._keys():
            return rest
        return self.curie(iri)

    @cache  # noqa: B019 - one compactor per process
    def _keys(self) -> frozenset[str]:
        return (
            frozenset(self.prefixes) | frozenset(t for t, _ in self.terms.values()) | {"id", "type"}
        )

    def key_and_value(self, predicate: str, obj: Any) -> tuple[str, object]:
        term, coerce = self.terms.get(predicate, (None, None))
        if isinstance(obj, ox.NamedNode):
            if term and coerce == "@id":
                return term, self.node_id(obj.value)
            if term and coerce == "@vocab":
                known = self.terms.get(obj.value)
                return term, known[0] if known else obj.value
            return term or self.curie(predicate), {"@id": self.node_id(obj.value)}
        if isinstance(obj, ox.BlankNode):
            return term or self.curie(predicate), {"@id": f"_:{obj.value}"}
        dt = obj.datatype.value if obj.datatype else XSD_STRING
        key = term or self.curie(predicate)
        if obj.language:
            return key, {"@value": obj.value, "@language": obj.language}
        if term and coerce and coerce != "@id" and self.expand(coerce) == dt:
            return key, obj.value
        if not coerce and dt == XSD_STRING:
            return key, obj.value
        if not coerce and dt == XSD_INTEGER:
            return key, int(obj.value)
        return key, {"@value": obj.value, "@type": self.curie(dt)}


def to_jsonld(graph: Graph) -> bytes:
    """Return the graph as compact JSON-LD with civicgraph's ``@context`` inline."""
    ctx = jsonld_context()
    c = _Compactor(ctx)
    nodes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for q in _quads(graph):
        s: Any = q.subject
        sid = c.node_id(s.value) if isinstance(s, ox.NamedNode) else f"_:{s.value}"
        if q.predicate.value == RDF_TYPE and isinstance(q.object, ox.NamedNode):
            nodes[sid]["type"].append(c.type_name(q.object.value))
            continue
        key, value = c.key_and_value(q.predicate.value, q.object)
        nodes[sid][key].append(value)
    out = []
    for sid in sorted(nodes):
        node: dict[str, object] = {"id": sid}
        props = nodes[sid]
        for key in sorted(props, key=lambda k: (k != "type", k != "label", k)):
            values = sorted(props[key], key=lambda v: json.dumps(v, sort_keys=True))
            uniq = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
            node[key] = uniq[0] if len(uniq) == 1 else uniq
        out.append(node)
    doc = {"@context": ctx, "@graph": out}
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# ---------------------------------------------------- named graphs by document


def document_quads(graph: Graph) -> list[ox.Quad]:
    """Return the graph's triples as quads, one named graph per source document.

    The named graph ``<doc>`` holds what the document contributed:

    * the ``cg:Document`` node's own triples;
    * every entity ``cg:mentionedIn <doc>``: its types, labels, alternative
      labels, identifiers, ``owl:sameAs``, coordinates and the
      ``cg:mentionedIn <doc>`` triple (an entity named in two documents
      appears in both graphs);
    * every ``cg:Statement`` ``prov:wasDerivedFrom <doc>``: its direct
      relation triple, its ``rdf:subject/predicate/object``, amount triples,
      ``prov:wasDerivedFrom <doc>`` and the ``cg:evidence`` links to evidence
      quoted from that document;
    * every ``cg:Evidence`` ``prov:wasQuotedFrom <doc>`` with all its triples.

    Triples no document accounts for (none in a graph built by civicgraph)
    stay in the default graph, so the union of all graphs is the input graph.
    """
    by_subject: dict[Any, list[ox.Quad]] = defaultdict(list)
    triples: set[tuple] = set()
    for q in _quads(graph):
        t = (q.subject, q.predicate, q.object)
        if t not in triples:
            triples.add(t)
            by_subject[q.subject].append(q)

    def objs(s: Any, p: str) -> list:
        return [q.object for q in by_subject.get(s, []) if q.predicate.value == p]

    doc_class = ox.NamedNode(CG_IRI + "Document")
    docs = sorted(
        (
            s
            for s, qs in by_subject.items()
            if any(q.predicate.value == RDF_TYPE and q.object == doc_class for q in qs)
        ),
        key=str,
    )
    per_doc: dict[Any, set[tuple]] = {d: set() for d in docs}
    covered: set[tuple] = set()
    mentioned = CG_IRI + "mentionedIn"
    derived = PROV + "wasDerivedFrom"
    quoted = PROV + "wasQuotedFrom"
    entity_props = {
        RDF_TYPE,
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://www.w3.org/2004/02/skos/core#altLabel",
        "http://purl.org/dc/terms/identifier",
        "https://schema.org/identifier",
        "http://www.w3.org/2002/07/owl#sameAs",
        "http://www.w3.org/2003/01/geo/wgs84_pos#lat",
        "http://www.w3.org/2003/01/geo/wgs84_pos#long",
    }
    evidence_docs: dict[Any, set] = {}
    for s, qs in by_subject.items():
        for q in qs:
            if q.predicate.value == quoted:
                evidence_docs.setdefault(s, set()).add(q.object)

    for s, qs in by_subject.items():
        for q in qs:
            p, o = q.predicate.value, q.object
            if s in per_doc:  # the document node itself
                per_doc[s].add((q.subject, q.predicate, o))
            if p == mentioned and o in per_doc:
                for eq in qs:
                    if eq.predicate.value in entity_props or eq is q:
                        per_doc[o].add((eq.subject, eq.predicate, eq.object))
            elif p == derived and o in per_doc:
                subj, pred, ob = objs(s, RDF_SUBJECT), objs(s, RDF_PREDICATE), objs(s, RDF_OBJECT)
                if subj and pred and ob:
                    direct = (subj[0], pred[0], ob[0])
                    if direct in triples:
                        per_doc[o].add(direct)
                for sq in qs:
                    sp = sq.predicate.value
                    if sp == derived and sq.object != o:
                        continue
                    if sp == CG_IRI + "evidence" and o not in evidence_docs.get(sq.object, ()):
                        continue
                    per_doc[o].add((sq.subject, sq.predicate, sq.object))
            elif p == quoted and o in per_doc:
                per_doc[o].update((eq.subject, eq.predicate, eq.object) for eq in qs)
    for ts in per_doc.values():
        covered |= ts
    quads = [ox.Quad(t[0], t[1], t[2], d) for d, ts in per_doc.items() for t in ts]
    quads.extend(ox.Quad(t[0], t[1], t[2], ox.DefaultGraph()) for t in triples - covered)
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return quads


def _prefixes() -> dict[str, str]:
    return {k: str(v) for k, v in PREFIXES.items()}


def to_trig(graph: Graph) -> bytes:
    """Return the graph as TriG, one named graph per source document."""
    pfx = _prefixes()
    out = ox.serialize(document_quads(graph), format=ox.RdfFormat.TRIG, prefixes=pfx)
    # Oxigraph writes prefixes in its own map order: write them ourselves, sorted.
    body = [ln for ln in (out or b"").decode("utf-8").splitlines() if not ln.startswith("@prefix ")]
    head = [f"@prefix {k}: <{v}> ." for k, v in sorted(pfx.items())]
    return ("\n".join(head) + "\n\n" + "\n".join(body).strip() + "\n").encode("utf-8")


def to_nquads(graph: Graph) -> bytes:
    """Return the graph as sorted N-Quads, one named graph per source document."""
    lines = sorted({str(q) + " ." for q in document_quads(graph)})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


__all__ = [
    "document_quads",
    "jsonld_context",
    "to_jsonld",
    "to_nquads",
    "to_ntriples",
    "to_trig",
    "to_turtle_bytes",
]
