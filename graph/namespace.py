"""The civicgraph vocabulary as a closed namespace, plus the standard ones it uses.

``CG`` is a :class:`rdflib.namespace.DefinedNamespace`: a typo such as
``CG.fund`` raises ``AttributeError`` instead of minting a new predicate. A
test checks that the terms here are exactly those declared in ``ontology.ttl``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/civicgraph/ontology"
CG_IRI = ONTOLOGY_IRI + "#"
ID_IRI = "https://w3id.org/civicgraph/id/"

ID = Namespace(ID_IRI)
OA = Namespace("http://www.w3.org/ns/oa#")


class CG(DefinedNamespace):
    """civicgraph ontology terms (https://w3id.org/civicgraph/ontology#)."""

    _fail = True
    _NS = Namespace(CG_IRI)

    # top classes and records
    Organisation: URIRef
    Funder: URIRef
    Programme: URIRef
    Place: URIRef
    Document: URIRef
    Statement: URIRef
    Evidence: URIRef
    # organisation subtypes
    LocalAuthority: URIRef
    CombinedAuthority: URIRef
    GovernmentBody: URIRef
    EducationProvider: URIRef
    CulturalOrganisation: URIRef
    Charity: URIRef
    Business: URIRef
    HealthBody: URIRef
    Partnership: URIRef
    # programme subtypes
    Initiative: URIRef
    FundingProgramme: URIRef
    Strategy: URIRef
    Network: URIRef
    QualificationRoute: URIRef
    # place subtypes
    Country: URIRef
    Region: URIRef
    LocalAuthorityArea: URIRef
    Town: URIRef
    Neighbourhood: URIRef
    Site: URIRef
    # relations
    partnerOf: URIRef
    funds: URIRef
    delivers: URIRef
    participatesIn: URIRef
    partOf: URIRef
    locatedIn: URIRef
    operatesIn: URIRef
    mentionedIn: URIRef
    # provenance and documents
    evidence: URIRef
    extractedBy: URIRef
    amount: URIRef
    currency: URIRef
    amountText: URIRef
    fileName: URIRef
    sha256: URIRef
    extractorVersion: URIRef


#: Prefixes bound on every graph civicgraph writes.
PREFIXES: dict[str, object] = {
    "cg": CG._NS,
    "id": ID,
    "organisation": Namespace(ID_IRI + "organisation/"),
    "programme": Namespace(ID_IRI + "programme/"),
    "place": Namespace(ID_IRI + "place/"),
    "document": Namespace(ID_IRI + "document/"),
    "statement": Namespace(ID_IRI + "statement/"),
    "evidence": Namespace(ID_IRI + "evidence/"),
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": ORG,
    "schema": SDO,
    "oa": OA,
    "geo": Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#"),
}


def ontology_path() -> Path:
    """Return the path of ``ontology.ttl`` (inside the wheel, or at the repository root)."""
    packaged = resources.files("graph") / "ontology.ttl"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "ontology.ttl"
