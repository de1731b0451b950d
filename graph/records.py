"""Typed, frozen records passed between pipeline stages.

ingest -> :class:`Document`; extract -> :class:`DocumentExtraction` (local
:class:`Mention`, :class:`LocalEntity`, :class:`Relation` with
:class:`Evidence`); resolve -> :class:`ResolvedGraph` (:class:`Entity`,
:class:`Link`). Every record carries provenance: the document, a character
span and the rule that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

#: Top-level entity types (the ontology's top classes).
ENTITY_TYPES = ("Organisation", "Programme", "Place")

#: Subtypes allowed for each top type (ontology subclasses; GUIDELINES.md).
SUBTYPES: dict[str, tuple[str, ...]] = {
    "Organisation": (
        "LocalAuthority",
        "CombinedAuthority",
        "GovernmentBody",
        "EducationProvider",
        "CulturalOrganisation",
        "Charity",
        "Business",
        "HealthBody",
        "Partnership",
    ),
    "Programme": ("Initiative", "FundingProgramme", "Strategy", "Network", "QualificationRoute"),
    "Place": ("Country", "Region", "LocalAuthorityArea", "Town", "Neighbourhood", "Site"),
}

#: Relation predicates (local names in the cg: namespace).
PREDICATES = (
    "partnerOf",
    "funds",
    "delivers",
    "participatesIn",
    "partOf",
    "locatedIn",
    "operatesIn",
)
SYMMETRIC = frozenset({"partnerOf"})


@dataclass(frozen=True, slots=True)
class Document:
    """A source document after ingestion: its normalised visible text and metadata."""

    doc_id: str
    path: str
    file_name: str
    text: str
    sha256: str
    format: str
    title: str | None = None
    publisher: str | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of a document: ``document.text[start:end] == sentence``."""

    doc_id: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a name in a document."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    subtype: str | None
    rule: str


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """An entity as seen inside one document: all its mentions grouped."""

    key: str
    doc_id: str
    name: str
    type: str
    subtype: str | None
    aliases: frozenset[str] = frozenset()
    mentions: tuple[Mention, ...] = ()
    ids: tuple[tuple[str, str], ...] = ()
    """Gazetteer identifiers, e.g. (("gss", "E08000036"),)."""


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two local entities (by key) with the sentence stating it."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence
    rule: str
    amount: Decimal | None = None
    currency: str | None = None
    amount_text: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    """Everything extracted from one document; independent of every other document."""

    document: Document
    entities: tuple[LocalEntity, ...]
    relations: tuple[Relation, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved entity: one node per real thing across all documents."""

    entity_id: str
    """Stable IRI local part, e.g. ``organisation/arts-council-england``."""
    label: str
    type: str
    subtype: str | None
    aliases: frozenset[str]
    documents: frozenset[str]
    ids: tuple[tuple[str, str], ...] = ()
    merged_by: tuple[str, ...] = ()
    """Resolution rules that merged local entities into this one (empty if one source)."""


@dataclass(frozen=True, slots=True)
class Link:
    """A resolved relation between two entities, with every sentence that states it."""

    subject: str
    predicate: str
    object: str
    evidence: tuple[tuple[Evidence, str], ...] = field(default=())
    """(evidence, rule) pairs, sorted."""
    amount: Decimal | None = None
    currency: str | None = None
    amount_text: str | None = None


@dataclass(frozen=True, slots=True)
class ResolvedGraph:
    """The output of entity resolution: what the RDF builder turns into triples."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    links: tuple[Link, ...]
    mentions: tuple[tuple[str, str], ...] = ()
    """(entity_id, doc_id) pairs for cg:mentionedIn."""
