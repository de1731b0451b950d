"""ontology.ttl: parses, uses only real external terms, matches graph.namespace.CG, ships in
the wheel, and is documented as HTML."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import exportfixture
import handbuilt
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from graph.cli import main
from graph.namespace import CG, CG_IRI, ID_IRI, ONTOLOGY_IRI, ontology_path
from graph.ontodoc import ontology_docs, ontology_html

#: Closed vocabularies from rdflib (DefinedNamespace: ``iri in NS`` is True only for real terms).
CLOSED = (ORG, PROV, SKOS, DCTERMS, SDO, RDF, RDFS, OWL, XSD)

#: Web Annotation vocabulary (https://www.w3.org/TR/annotation-vocab/), written down from the
#: spec: classes, properties and named individuals.
OA_NS = "http://www.w3.org/ns/oa#"
OA_TERMS = frozenset(
    """
    Annotation Choice CssSelector CssStyle DataPositionSelector Direction FragmentSelector
    HttpRequestState Motivation RangeSelector ResourceSelection Selector SpecificResource State
    Style SvgSelector TextPositionSelector TextQuoteSelector TextualBody TimeState XPathSelector
    annotationService bodyValue cachedSource canonical end exact hasBody hasEndSelector
    hasPurpose hasScope hasSelector hasSource hasStartSelector hasState hasTarget motivatedBy
    prefix processingLanguage refinedBy renderedVia sourceDate sourceDateEnd sourceDateStart
    start styleClass styledBy suffix textDirection via
    PreferBody PreferContainedDescriptions PreferContainedIRIs assessing bookmarking
    classifying commenting describing editing highlighting identifying linking moderating
    questioning replying tagging ltrDirection rtlDirection autoDirection
    """.split()
)

#: W3C Basic Geo (WGS84) vocabulary (https://www.w3.org/2003/01/geo/), for coordinates.
GEO_NS = "http://www.w3.org/2003/01/geo/wgs84_pos#"
GEO_TERMS = frozenset({"SpatialThing", "Point", "lat", "long", "alt", "lat_long", "location"})

#: IRIs that are not vocabulary terms (the ontology itself, its version, its licence).
NOT_TERMS = {
    ONTOLOGY_IRI,
    ONTOLOGY_IRI + "/0.1.0",
    "https://opensource.org/licenses/MIT",
}


def _unknown_terms(iris: set[str]) -> set[str]:
    """IRIs that are neither declared cg: terms nor real terms of a known vocabulary."""
    declared = {str(getattr(CG, n)) for n in CG.__annotations__}
    bad = set()
    for iri in iris:
        if iri.startswith(CG_IRI):
            ok = iri in declared
        elif iri.startswith(OA_NS):
            ok = iri[len(OA_NS) :] in OA_TERMS
        elif iri.startswith(GEO_NS):
            ok = iri[len(GEO_NS) :] in GEO_TERMS
        elif iri.startswith(ID_IRI) or iri in NOT_TERMS:
            ok = True
        elif iri.startswith("http://statistics.data.gov.uk/id/statistical-geography/"):
            ok = True  # data: ONS geography IRIs in owl:sameAs
        else:
            ns = next((ns for ns in CLOSED if iri.startswith(str(ns._NS))), None)
            ok = ns is not None and URIRef(iri) in ns
        if not ok:
            bad.add(iri)
    return bad


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def test_parses_with_rdflib_and_pyoxigraph(onto):
    assert len(onto) > 200
    quads = list(ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE))
    assert len(quads) == len(onto)


def test_owl_version_iri(onto):
    ont = URIRef(ONTOLOGY_IRI)
    assert (ont, RDF.type, OWL.Ontology) in onto
    version_iri = onto.value(ont, OWL.versionIRI)
    info = onto.value(ont, OWL.versionInfo)
    assert version_iri is not None and info is not None
    assert str(version_iri) == f"{ONTOLOGY_IRI}/{info}"


def test_top_classes_are_disjoint(onto):
    from rdflib.collection import Collection

    groups = [
        list(Collection(onto, onto.value(g, OWL.members)))
        for g in onto.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert any({CG.Organisation, CG.Programme, CG.Place} <= set(members) for members in groups)


def test_namespace_matches_ontology(onto):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    declared = {
        str(s)[len(CG_IRI) :]
        for k in kinds
        for s in onto.subjects(RDF.type, k)
        if str(s).startswith(CG_IRI)
    }
    assert declared == set(CG.__annotations__)
    used = {str(t) for triple in onto for t in triple if isinstance(t, URIRef)}
    assert {u for u in used if u.startswith(CG_IRI)} <= {CG_IRI + n for n in declared}
    with pytest.raises(AttributeError):
        CG.fund  # noqa: B018 - a typo is an error


def test_every_term_in_the_ontology_exists(onto):
    used = {str(t) for triple in onto for t in triple if isinstance(t, URIRef)}
    assert _unknown_terms(used) == set()


def test_closed_vocabulary_check_catches_a_typo():
    assert _unknown_terms(
        {
            "https://schema.org/Projekt",
            "http://www.w3.org/ns/oa#exakt",
            "http://www.w3.org/ns/prov#wasQuotedBy",
        }
    ) == {
        "https://schema.org/Projekt",
        "http://www.w3.org/ns/oa#exakt",
        "http://www.w3.org/ns/prov#wasQuotedBy",
    }


@pytest.mark.parametrize("make", [handbuilt.rdf_graph, exportfixture.rdf_graph])
def test_every_term_the_data_uses_exists(make):
    g = make()
    terms = set()
    for _s, p, o in g:
        terms.add(str(p))
        if p == RDF.type:
            terms.add(str(o))
        if isinstance(o, Literal) and o.datatype is not None:
            terms.add(str(o.datatype))
    assert _unknown_terms(terms) == set()
    # every class the data uses is declared in the ontology (not only in the namespace)
    onto = Graph().parse(ontology_path(), format="turtle")
    classes = {str(o) for o in g.objects(None, RDF.type)}
    assert all((URIRef(c), RDF.type, OWL.Class) in onto for c in classes)


def test_json_ld_context_terms_exist(root):
    ctx = json.loads((root / "graph" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    prefixes = {
        k: v
        for k, v in ctx.items()
        if isinstance(v, str) and not k.startswith("@") and v.endswith(("#", "/"))
    }
    iris = set()
    for value in ctx.values():
        if isinstance(value, dict):
            for key in ("@id", "@type"):
                v = value.get(key, "")
                pfx, _, local = v.partition(":")
                if pfx in prefixes:
                    iris.add(prefixes[pfx] + local)
    assert iris and _unknown_terms(iris) == set()


def test_wheel_ships_ontology_shapes_and_context(tmp_path, root):
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    cmd = [uv, "build", "--wheel", "--out-dir", str(tmp_path), "-q"]
    # the build backend (hatchling) is in uv's cache once the project is installed
    done = subprocess.run([*cmd, "--offline"], cwd=root, timeout=120, capture_output=True)
    if done.returncode != 0:
        subprocess.run(cmd, cwd=root, check=True, timeout=120, capture_output=True)
    (wheel,) = tmp_path.glob("civicgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"graph/ontology.ttl", "graph/shapes.ttl", "graph/context.jsonld"} <= names
    shipped = zipfile.ZipFile(wheel).read("graph/ontology.ttl")
    assert shipped == (root / "ontology.ttl").read_bytes()


class _Checker(HTMLParser):
    VOID = {"meta", "br", "img", "link", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids.add(a["id"])
        if tag == "a":
            self.hrefs.append(a.get("href", ""))
        if tag == "script":
            self.scripts += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()


def test_ontology_docs_html():
    files = ontology_docs()
    assert set(files) == {"index.html", "ontology.ttl", "shapes.ttl", "context.jsonld"}
    page = files["index.html"].decode("utf-8")
    checker = _Checker()
    checker.feed(page)
    assert checker.stack == [] and checker.scripts == 0
    for name in CG.__annotations__:
        assert name in checker.ids, name
    internal = [h[1:] for h in checker.hrefs if h.startswith("#")]
    assert internal and set(internal) <= checker.ids
    assert not any(h.startswith("http") and h.endswith((".js", ".css")) for h in checker.hrefs)
    assert "org:OrganizationalCollaboration" in page  # alignments are listed
    assert "Namespace policy" in page and "owl:SymmetricProperty" in page
    assert "<th>Disjoint with</th>" in page


def test_ontology_docs_escape_text():
    ttl = (
        ontology_path()
        .read_text(encoding="utf-8")
        .replace('"Funder"@en', '"Funder <script>alert(1)</script> & co"@en')
    )
    page = ontology_html(ttl)
    assert "<script>" not in page
    assert "Funder &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_cli_ontology_docs(tmp_path):
    out = tmp_path / "onto"
    r = CliRunner().invoke(main, ["ontology-docs", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == [
        "context.jsonld",
        "index.html",
        "ontology.ttl",
        "shapes.ttl",
    ]
    assert "civicgraph ontology" in (out / "index.html").read_text(encoding="utf-8")


def test_library_modules_do_not_import_click(root):
    for rel in ("graph/export", "graph/validate.py", "graph/ontodoc.py"):
        for path in (root / rel).rglob("*.py") if (root / rel).is_dir() else [root / rel]:
            text = Path(path).read_text(encoding="utf-8")
            assert "import click" not in text, path
