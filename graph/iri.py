"""The one place that mints IRIs.

Entity IRIs are ``https://w3id.org/civicgraph/id/<kind>/<slug>`` where the
slug comes from the entity's preferred label, so they are readable and the
same entity gets the same IRI whatever the order of the input documents
(resolution picks labels by a deterministic rule). Statements and evidence
get content-hash IRIs: the same triple and sentence always mint the same IRI.

>>> slugify("Arts Council England")
'arts-council-england'
>>> slugify("Barnsley & Rotherham’s  Fund")
'barnsley-and-rotherhams-fund'
>>> str(entity_iri("organisation/arts-council-england"))
'https://w3id.org/civicgraph/id/organisation/arts-council-england'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from graph.namespace import ID_IRI

_KIND = {"Organisation": "organisation", "Programme": "programme", "Place": "place"}


def slugify(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII slug: letters and digits joined by single hyphens."""
    text = text.replace("&", " and ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"['’`]", "", text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rstrip("-")
    return slug or "x"


def entity_id(type_: str, label: str) -> str:
    """Return the IRI local part for an entity of ``type_`` labelled ``label``."""
    return f"{_KIND[type_]}/{slugify(label)}"


def entity_iri(local: str) -> URIRef:
    """Return the full IRI for an entity local part (as minted by :func:`entity_id`)."""
    return URIRef(ID_IRI + local)


def document_iri(doc_id: str) -> URIRef:
    """Return the IRI of a source document."""
    return URIRef(f"{ID_IRI}document/{doc_id}")


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def statement_iri(subject: str, predicate: str, obj: str) -> URIRef:
    """Return the IRI of the reified statement for one relation triple."""
    return URIRef(f"{ID_IRI}statement/{_digest(subject, predicate, obj)}")


def evidence_iri(statement: URIRef, doc_id: str, start: int, end: int) -> URIRef:
    """Return the IRI of one evidence sentence for one statement."""
    return URIRef(f"{ID_IRI}evidence/{_digest(statement, doc_id, start, end)}")
