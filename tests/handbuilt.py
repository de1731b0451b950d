"""A small hand-built graph where the right answers are known.

Shared by the tests of queries, maps and exports. The text is written for the
tests (not taken from the seeds).

Entities: two councils, a combined authority, a funder (Northfield Trust),
two programmes, three places. Relations:

* Northfield Trust --funds(£250,000)--> Skills Bridge
* Harbour City Council --delivers--> Skills Bridge
* Harbour City Council --partnerOf-- Riverside College
* Riverside College --participatesIn--> Skills Bridge
* Skills Bridge --operatesIn--> Harbour City
* Harbour City --partOf--> North Coast
* Riverside College --locatedIn--> Harbour City
* Northfield Trust --funds(£1.2 million)--> Hill Arts Festival
* Hill District Council --delivers--> Hill Arts Festival
* Hill District Council is not connected to Riverside College except through
  the funder and the programmes.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from graph.iri import entity_id, entity_iri
from graph.records import Document, Entity, Evidence, Link, ResolvedGraph

TEXT = (
    "Skills Bridge is funded by the Northfield Trust with £250,000. "
    "Harbour City Council delivers Skills Bridge in partnership with Riverside College. "
    "Skills Bridge runs across Harbour City, which is part of the North Coast. "
    "Riverside College, based in Harbour City, takes part in Skills Bridge. "
    "The Northfield Trust gave £1.2 million to the Hill Arts Festival, run by Hill District Council."
)
DOC_ID = "handbuilt-report"


def _sentence(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    # widen to the sentence
    s = TEXT.rfind(". ", 0, start)
    s = 0 if s < 0 else s + 2
    e = TEXT.find(". ", start)
    e = len(TEXT) if e < 0 else e + 1
    return Evidence(DOC_ID, s, e, TEXT[s:e])


def _ent(name: str, type_: str, subtype: str | None, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(
        entity_id=entity_id(type_, name),
        label=name,
        type=type_,
        subtype=subtype,
        aliases=frozenset(aliases),
        documents=frozenset({DOC_ID}),
    )


TRUST = _ent("Northfield Trust", "Organisation", "Charity", ("NFT",))
HARBOUR_COUNCIL = _ent("Harbour City Council", "Organisation", "LocalAuthority", ("HCC",))
HILL_COUNCIL = _ent("Hill District Council", "Organisation", "LocalAuthority")
COLLEGE = _ent("Riverside College", "Organisation", "EducationProvider")
SKILLS = _ent("Skills Bridge", "Programme", "Initiative")
FESTIVAL = _ent("Hill Arts Festival", "Programme", "Initiative")
HARBOUR = _ent("Harbour City", "Place", "Town")
COAST = _ent("North Coast", "Place", "Region")

ENTITIES = (TRUST, HARBOUR_COUNCIL, HILL_COUNCIL, COLLEGE, SKILLS, FESTIVAL, HARBOUR, COAST)

# Their IRIs (node ids in the networkx graph), for tests of queries and maps.
TRUST_IRI = str(entity_iri(TRUST.entity_id))
HCC_IRI = str(entity_iri(HARBOUR_COUNCIL.entity_id))
HILL_IRI = str(entity_iri(HILL_COUNCIL.entity_id))
COLLEGE_IRI = str(entity_iri(COLLEGE.entity_id))
SKILLS_IRI = str(entity_iri(SKILLS.entity_id))
FESTIVAL_IRI = str(entity_iri(FESTIVAL.entity_id))
HARBOUR_IRI = str(entity_iri(HARBOUR.entity_id))
COAST_IRI = str(entity_iri(COAST.entity_id))


def _link(s: Entity, p: str, o: Entity, fragment: str, amount: str | None = None,
          text: str | None = None) -> Link:
    return Link(
        subject=s.entity_id,
        predicate=p,
        object=o.entity_id,
        evidence=((_sentence(fragment), f"test:{p}"),),
        amount=Decimal(amount) if amount else None,
        currency="GBP" if amount else None,
        amount_text=text,
    )


LINKS = (
    _link(TRUST, "funds", SKILLS, "funded by the Northfield", "250000", "£250,000"),
    _link(HARBOUR_COUNCIL, "delivers", SKILLS, "Harbour City Council delivers"),
    _link(HARBOUR_COUNCIL, "partnerOf", COLLEGE, "in partnership with Riverside"),
    _link(COLLEGE, "participatesIn", SKILLS, "takes part in Skills Bridge"),
    _link(SKILLS, "operatesIn", HARBOUR, "runs across Harbour City"),
    _link(HARBOUR, "partOf", COAST, "part of the North Coast"),
    _link(COLLEGE, "locatedIn", HARBOUR, "based in Harbour City"),
    _link(TRUST, "funds", FESTIVAL, "gave £1.2 million", "1200000", "£1.2 million"),
    _link(HILL_COUNCIL, "delivers", FESTIVAL, "run by Hill District Council"),
)

DOCUMENT = Document(
    doc_id=DOC_ID,
    path=f"tests/{DOC_ID}.txt",
    file_name=f"{DOC_ID}.txt",
    text=TEXT,
    sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
    format="txt",
    title="A hand-built report",
    publisher="civicgraph tests",
    year=2024,
)


def resolved() -> ResolvedGraph:
    """The hand-built graph as a ResolvedGraph."""
    return ResolvedGraph(
        documents=(DOCUMENT,),
        entities=ENTITIES,
        links=LINKS,
        mentions=tuple((e.entity_id, DOC_ID) for e in ENTITIES),
    )


def rdf_graph():
    """The hand-built graph as RDF (Oxigraph-backed rdflib graph)."""
    from graph.rdf import build_rdf

    return build_rdf(resolved())
