"""The committed outputs/: current with the code, parseable by two parsers, closed vocabulary.

If ``test_outputs_are_current`` fails, the extractor (or the RDF shape) changed
since outputs/ was built: run ``uv run civicgraph build`` and commit outputs/.
"""

from __future__ import annotations

import difflib

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef, namespace as ns
from seedbuild import OUTPUTS, ROOT, seeds_files

STALE = "outputs/ is stale: run `uv run civicgraph build`"
GRAPH_TTL = OUTPUTS / "graph.ttl"
CG_NS = "https://w3id.org/civicgraph/ontology#"

#: rdflib's closed vocabularies: ``URIRef(iri) in NS`` only for terms the vocabulary defines.
CLOSED = (ns.RDF, ns.RDFS, ns.OWL, ns.XSD, ns.SKOS, ns.DCTERMS, ns.PROV, ns.ORG, ns.SDO)
#: Web Annotation (https://www.w3.org/TR/annotation-vocab/): the selector terms civicgraph may use.
OA_NS = "http://www.w3.org/ns/oa#"
OA_TERMS = {"exact", "prefix", "suffix", "start", "end", "hasSource", "hasSelector", "hasTarget",
            "TextQuoteSelector", "TextPositionSelector", "SpecificResource", "Annotation"}
#: W3C Basic Geo (https://www.w3.org/2003/01/geo/).
GEO_NS = "http://www.w3.org/2003/01/geo/wgs84_pos#"
GEO_TERMS = {"SpatialThing", "Point", "lat", "long", "alt", "lat_long", "location"}
#: How ontology.ttl declares a term.
DECLARING = {ns.OWL.Class, ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty, ns.OWL.AnnotationProperty,
             ns.OWL.SymmetricProperty, ns.OWL.TransitiveProperty, ns.OWL.FunctionalProperty,
             ns.RDF.Property, ns.RDFS.Class}


@pytest.fixture(scope="module")
def graph_text() -> str:
    if not GRAPH_TTL.is_file():
        pytest.fail(f"{GRAPH_TTL} is missing; {STALE}")
    return GRAPH_TTL.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def declared() -> set[str]:
    onto = Graph().parse(ROOT / "ontology.ttl", format="turtle")
    return {str(s) for s, o in onto.subject_objects(ns.RDF.type) if o in DECLARING and isinstance(s, URIRef)}


def test_outputs_are_current():
    """Every file render_outputs() gives for the seeds equals the file in outputs/."""
    expected = seeds_files()
    assert "graph.ttl" in expected
    for name, text in sorted(expected.items()):
        path = OUTPUTS / name
        assert path.is_file(), f"{STALE} ({path.relative_to(ROOT)} is missing)"
        current = path.read_bytes().decode("utf-8")
        if current != text:
            diff = list(difflib.unified_diff(current.splitlines(), text.splitlines(), "committed", "now",
                                             lineterm="", n=0))
            changed = sum(1 for ln in diff if ln[:1] in "+-" and ln[:3] not in ("+++", "---"))
            pytest.fail(f"{STALE} ({path.relative_to(ROOT)}: {changed} lines differ)\n"
                        + "\n".join(diff[:20]))


def test_graph_ttl_parses_with_rdflib_and_pyoxigraph(graph_text):
    rd = Graph().parse(data=graph_text, format="turtle")  # rdflib's own parser and default store
    ox_triples = list(ox.parse(graph_text, format=ox.RdfFormat.TURTLE))
    assert len(rd) > 500
    assert len(rd) == len({(t.subject, t.predicate, t.object) for t in ox_triples})
    # the two parsers read the same triples (compare as N-Triples lines)
    rd_nt = sorted({ln for ln in rd.serialize(format="nt").splitlines() if ln.strip()})
    ox_nt = sorted({f"{t.subject} {t.predicate} {t.object} ." for t in ox_triples})
    assert _canon(rd_nt) == _canon(ox_nt)


def _canon(lines: list[str]) -> list[str]:
    """N-Triples lines re-read by pyoxigraph, so both writers' escaping agrees."""
    triples = ox.parse("\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    return sorted(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def _unknown(iri: str, declared: set[str]) -> bool:
    if iri.startswith(CG_NS):
        return iri not in declared
    if iri.startswith(OA_NS):
        return iri[len(OA_NS):] not in OA_TERMS
    if iri.startswith(GEO_NS):
        return iri[len(GEO_NS):] not in GEO_TERMS
    vocab = next((v for v in CLOSED if iri.startswith(str(v._NS))), None)
    return vocab is None or URIRef(iri) not in vocab


def test_graph_ttl_uses_only_declared_or_standard_terms(graph_text, declared):
    triples = list(ox.parse(graph_text, format=ox.RdfFormat.TURTLE))
    predicates = {t.predicate.value for t in triples}
    classes = {t.object.value for t in triples if t.predicate.value == str(ns.RDF.type)}
    datatypes = {t.object.datatype.value for t in triples if isinstance(t.object, ox.Literal)}
    # any cg: IRI anywhere (e.g. the rdf:predicate of a statement) must be declared too
    cg_anywhere = {
        term.value for t in triples for term in (t.subject, t.predicate, t.object)
        if isinstance(term, ox.NamedNode) and term.value.startswith(CG_NS)
    }
    assert str(ns.RDF.type) in predicates and CG_NS + "Organisation" in classes
    bad = sorted(i for i in predicates | classes | datatypes | cg_anywhere if _unknown(i, declared))
    assert not bad, f"terms neither in ontology.ttl nor in a standard vocabulary: {bad}"


def test_closed_vocabulary_check_catches_typos(declared):
    """The check above is real: near-miss terms are refused."""
    for iri in (CG_NS + "fund", CG_NS + "Funders", str(ns.SKOS) + "altlabel",
                OA_NS + "Exact", "http://purl.org/dc/terms/titel", "http://example.org/x"):
        assert _unknown(iri, declared), iri
    for iri in (CG_NS + "funds", CG_NS + "Funder", str(ns.SKOS.altLabel), OA_NS + "exact",
                str(ns.DCTERMS.title), str(ns.XSD.gYear), str(ns.PROV.wasDerivedFrom)):
        assert not _unknown(iri, declared), iri


def test_graph_ttl_entities_are_under_the_id_namespace(graph_text):
    triples = list(ox.parse(graph_text, format=ox.RdfFormat.TURTLE))
    subjects = {t.subject for t in triples}
    assert all(isinstance(s, ox.NamedNode) for s in subjects), "blank nodes make IRIs unstable"
    outside = sorted(s.value for s in subjects if not s.value.startswith("https://w3id.org/civicgraph/id/"))
    assert not outside, outside[:5]


def test_outputs_has_no_temp_leftovers():
    if not OUTPUTS.is_dir():
        pytest.fail(f"{OUTPUTS} is missing; {STALE}")
    leftovers = [p.name for p in OUTPUTS.iterdir() if p.name.startswith(".tmp") or p.suffix == ".tmp"]
    assert not leftovers, leftovers

