"""A two-document graph for export and validation tests (not taken from the seeds).

* Document A ("west-report") and document B ("east-flyer") both state that
  Arts Council England funds Creative Wakefield (£80,000): one statement,
  evidence from each document.
* Only B states that Wakefield Council delivers Creative Wakefield (and, as a
  parallel edge for the network formats, participates in it).
* Wakefield (a local authority area with GSS code E08000036 and coordinates)
  is mentioned in both documents; Creative Wakefield operates in it.
* Arts Council England funds the Place Fund (a FundingProgramme) with £2 million
  in A, and the Place Fund is delivered by nobody (no recipient in 360Giving).
* "Leeds 2023" is both an organisation and a programme (a label shared by two
  entities, for Kumu's label keys).
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import Literal, URIRef

from graph.iri import entity_id
from graph.records import Document, Entity, Evidence, Link, ResolvedGraph

A_TEXT = (
    "Arts Council England funds Creative Wakefield with £80,000 this year. "
    "Arts Council England also put £2 million into the Place Fund. "
    "Leeds 2023 ran the Leeds 2023 festival programme."
)
B_TEXT = (
    "Creative Wakefield, funded by Arts Council England with £80,000, is delivered by "
    "Wakefield Council across Wakefield. "
    "Wakefield Council works in partnership with Leeds 2023."
)
TEXTS = {"west-report": A_TEXT, "east-flyer": B_TEXT}


def ev(doc: str, fragment: str) -> Evidence:
    text = TEXTS[doc]
    i = text.index(fragment)
    s = text.rfind(". ", 0, i)
    s = 0 if s < 0 else s + 2
    e = text.find(". ", i)
    e = len(text) if e < 0 else e + 1
    return Evidence(doc, s, e, text[s:e])


def ent(
    name: str,
    type_: str,
    subtype: str | None,
    docs: tuple[str, ...],
    ids: tuple[tuple[str, str], ...] = (),
    aliases: tuple[str, ...] = (),
) -> Entity:
    return Entity(
        entity_id(type_, name), name, type_, subtype, frozenset(aliases), frozenset(docs), ids
    )


ACE = ent(
    "Arts Council England",
    "Organisation",
    "GovernmentBody",
    ("west-report", "east-flyer"),
    aliases=("ACE",),
)
CREATIVE = ent("Creative Wakefield", "Programme", "Initiative", ("west-report", "east-flyer"))
COUNCIL = ent("Wakefield Council", "Organisation", "LocalAuthority", ("east-flyer",))
WAKEFIELD = ent(
    "Wakefield", "Place", "LocalAuthorityArea", ("east-flyer",), ids=(("gss", "E08000036"),)
)
PLACE_FUND = ent("Place Fund", "Programme", "FundingProgramme", ("west-report",))
LEEDS_ORG = ent("Leeds 2023", "Organisation", "CulturalOrganisation", ("west-report", "east-flyer"))
LEEDS_PROG = ent("Leeds 2023", "Programme", "Initiative", ("west-report",))
ENTITIES = (ACE, CREATIVE, COUNCIL, WAKEFIELD, PLACE_FUND, LEEDS_ORG, LEEDS_PROG)

LINKS = (
    Link(
        ACE.entity_id,
        "funds",
        CREATIVE.entity_id,
        (
            (ev("east-flyer", "funded by Arts Council"), "test:funds"),
            (ev("west-report", "funds Creative Wakefield"), "test:funds"),
        ),
        Decimal("80000"),
        "GBP",
        "£80,000",
    ),
    Link(
        ACE.entity_id,
        "funds",
        PLACE_FUND.entity_id,
        ((ev("west-report", "£2 million"), "test:funds"),),
        Decimal("2000000"),
        "GBP",
        "£2 million",
    ),
    Link(
        COUNCIL.entity_id,
        "delivers",
        CREATIVE.entity_id,
        ((ev("east-flyer", "delivered by"), "test:delivers"),),
    ),
    Link(
        COUNCIL.entity_id,
        "participatesIn",
        CREATIVE.entity_id,
        ((ev("east-flyer", "delivered by"), "test:participatesIn"),),
    ),
    Link(
        CREATIVE.entity_id,
        "operatesIn",
        WAKEFIELD.entity_id,
        ((ev("east-flyer", "across Wakefield"), "test:operatesIn"),),
    ),
    Link(
        LEEDS_ORG.entity_id,
        "delivers",
        LEEDS_PROG.entity_id,
        ((ev("west-report", "ran the Leeds"), "test:delivers"),),
    ),
    Link(
        COUNCIL.entity_id,
        "partnerOf",
        LEEDS_ORG.entity_id,
        ((ev("east-flyer", "in partnership with Leeds"), "test:partnerOf"),),
    ),
)


def _doc(doc_id: str, title: str) -> Document:
    text = TEXTS[doc_id]
    return Document(
        doc_id,
        f"tests/{doc_id}.txt",
        f"{doc_id}.txt",
        text,
        hashlib.sha256(text.encode()).hexdigest(),
        "txt",
        title,
        "civicgraph tests",
        2025,
    )


def resolved() -> ResolvedGraph:
    mentions = tuple(sorted((e.entity_id, d) for e in ENTITIES for d in e.documents))
    return ResolvedGraph(
        documents=(_doc("west-report", "West report"), _doc("east-flyer", "East flyer")),
        entities=ENTITIES,
        links=LINKS,
        mentions=mentions,
    )


GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"


def rdf_graph():
    """The two-document graph as RDF, with fixed WGS84 coordinates on Wakefield.

    graph.rdf adds coordinates from the gazetteer; they are replaced by fixed
    ones here so the tests do not depend on the gazetteer's values.
    """
    from rdflib.namespace import XSD

    from graph.iri import entity_iri
    from graph.rdf import build_rdf

    g = build_rdf(resolved())
    w = entity_iri(WAKEFIELD.entity_id)
    g.remove((w, URIRef(GEO + "lat"), None))
    g.remove((w, URIRef(GEO + "long"), None))
    g.add((w, URIRef(GEO + "lat"), Literal("53.6833", datatype=XSD.decimal)))
    g.add((w, URIRef(GEO + "long"), Literal("-1.4977", datatype=XSD.decimal)))
    return g
