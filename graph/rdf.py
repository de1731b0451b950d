"""Turn a :class:`~graph.records.ResolvedGraph` into RDF under the civicgraph ontology.

Shape (see ``ontology.ttl`` and the README):

* entity: ``a cg:<Top>, cg:<Subtype>``; ``rdfs:label``; ``skos:altLabel``;
  ``cg:mentionedIn`` each document; funders also ``a cg:Funder``;
* relation: the direct triple ``s cg:<predicate> o`` (both directions for
  ``cg:partnerOf``) plus a ``cg:Statement`` (``rdf:subject/predicate/object``,
  ``prov:wasDerivedFrom`` the documents, ``cg:amount``/``cg:currency``/
  ``cg:amountText`` for funding) with one ``cg:Evidence`` per sentence
  (``oa:exact``, ``oa:start``, ``oa:end``, ``prov:wasQuotedFrom``,
  ``cg:extractedBy``);
* document: ``a cg:Document``; ``cg:fileName``; ``cg:sha256``;
  ``dcterms:title``/``dcterms:publisher``/``dcterms:issued`` where known.
"""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from graph import EXTRACTOR_VERSION
from graph.iri import document_iri, entity_iri, evidence_iri, statement_iri
from graph.namespace import CG, OA
from graph.records import SYMMETRIC, ResolvedGraph
from graph.store import new_graph

#: Gazetteer identifier schemes -> how they are written (see graph/data/README.md).
ONS_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"


GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")


def _coordinates(ids: tuple[tuple[str, str], ...]) -> tuple[float, float] | None:
    """WGS84 (lat, long) of a gazetteer place with these identifiers, if the gazetteer has them."""
    if not ids:
        return None
    from graph.gazetteer import load_gazetteer

    gz = load_gazetteer()
    for scheme, value in ids:
        entry = gz.by_id(scheme, value)
        if entry is not None and entry.lat is not None and entry.long is not None:
            return entry.lat, entry.long
    return None


def build_rdf(resolved: ResolvedGraph, graph: Graph | None = None) -> Graph:
    """Return an RDF graph for ``resolved`` (added to ``graph`` if given)."""
    g = new_graph() if graph is None else graph
    triples: list[tuple[URIRef, URIRef, Node]] = []
    add = triples.append

    for doc in resolved.documents:
        d = document_iri(doc.doc_id)
        add((d, RDF.type, CG.Document))
        add((d, CG.fileName, Literal(doc.file_name)))
        add((d, CG.sha256, Literal(doc.sha256)))
        add((d, CG.extractorVersion, Literal(EXTRACTOR_VERSION)))
        if doc.title:
            add((d, DCTERMS.title, Literal(doc.title)))
        if doc.publisher:
            add((d, DCTERMS.publisher, Literal(doc.publisher)))
        if doc.year:
            add((d, DCTERMS.issued, Literal(str(doc.year), datatype=XSD.gYear)))

    funders = {link.subject for link in resolved.links if link.predicate == "funds"}
    for ent in resolved.entities:
        e = entity_iri(ent.entity_id)
        add((e, RDF.type, getattr(CG, ent.type)))
        if ent.subtype:
            add((e, RDF.type, getattr(CG, ent.subtype)))
        if ent.entity_id in funders:
            add((e, RDF.type, CG.Funder))
        add((e, RDFS.label, Literal(ent.label)))
        for alias in ent.aliases:
            if alias != ent.label:
                add((e, SKOS.altLabel, Literal(alias)))
        for scheme, value in ent.ids:
            add((e, DCTERMS.identifier, Literal(value)))
            if scheme == "gss":
                add((e, OWL.sameAs, URIRef(ONS_GEOGRAPHY + value)))
        point = _coordinates(ent.ids)
        if point is not None:
            add((e, GEO.lat, Literal(f"{point[0]:.4f}", datatype=XSD.decimal)))
            add((e, GEO.long, Literal(f"{point[1]:.4f}", datatype=XSD.decimal)))

    for entity_local, doc_id in resolved.mentions:
        add((entity_iri(entity_local), CG.mentionedIn, document_iri(doc_id)))

    for link in resolved.links:
        s, o = entity_iri(link.subject), entity_iri(link.object)
        p = getattr(CG, link.predicate)  # closed namespace: an unknown term raises
        directions = [(s, o), (o, s)] if link.predicate in SYMMETRIC else [(s, o)]
        for a, b in directions:
            add((a, p, b))
            st = statement_iri(str(a), str(p), str(b))
            add((st, RDF.type, CG.Statement))
            add((st, RDF.subject, a))
            add((st, RDF.predicate, p))
            add((st, RDF.object, b))
            if link.amount is not None:
                add((st, CG.amount, Literal(link.amount, datatype=XSD.decimal)))
                add((st, CG.currency, Literal(link.currency or "GBP")))
                if link.amount_text:
                    add((st, CG.amountText, Literal(link.amount_text)))
            for ev, rule in link.evidence:
                d = document_iri(ev.doc_id)
                add((st, PROV.wasDerivedFrom, d))
                ei = evidence_iri(st, ev.doc_id, ev.start, ev.end)
                add((st, CG.evidence, ei))
                add((ei, RDF.type, CG.Evidence))
                add((ei, OA.exact, Literal(ev.sentence)))
                add((ei, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
                add((ei, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
                add((ei, PROV.wasQuotedFrom, d))
                add((ei, CG.extractedBy, Literal(rule)))

    g.addN((s_, p_, o_, g) for s_, p_, o_ in triples)
    return g
