"""SHACL validation: the fixtures conform; deliberately broken graphs fail readably."""

from __future__ import annotations

import dataclasses
import json
import time
from decimal import Decimal

import exportfixture
import handbuilt
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from graph.cli import main
from graph.errors import ValidationFailed
from graph.iri import entity_id, entity_iri
from graph.namespace import CG, OA
from graph.records import Entity, Evidence, Link, ResolvedGraph
from graph.store import to_turtle
from graph.validate import check, validate

ID = "https://w3id.org/civicgraph/id/"
COLLEGE = URIRef(ID + "organisation/riverside-college")
HILL = URIRef(ID + "organisation/hill-district-council")
HARBOUR = URIRef(ID + "place/harbour-city")
SKILLS = URIRef(ID + "programme/skills-bridge")


def _only(report, needle: str):
    hits = [v for v in report.violations if needle in v.line()]
    assert hits, report.text()
    return hits


def test_handbuilt_conforms(handbuilt_graph):
    report = validate(handbuilt_graph)
    assert report.conforms, report.text()
    assert report.violations == ()
    assert report.text() == "graph conforms to the civicgraph shapes"


def test_two_document_fixture_conforms():
    report = validate(exportfixture.rdf_graph())
    assert report.conforms, report.text()


def test_missing_label(handbuilt_graph):
    handbuilt_graph.remove((COLLEGE, RDFS.label, None))
    report = validate(handbuilt_graph)
    assert not report.conforms
    (v,) = _only(report, "organisation:riverside-college")
    assert v.path == "rdfs:label"
    assert v.line() == (
        "Violation: organisation:riverside-college: rdfs:label: an entity needs exactly one "
        "rdfs:label (its preferred name; other names go in skos:altLabel)"
    )


def test_two_labels(handbuilt_graph):
    handbuilt_graph.add((HILL, RDFS.label, Literal("Hill DC")))
    report = validate(handbuilt_graph)
    (v,) = report.violations
    assert v.path == "rdfs:label" and v.focus == "organisation:hill-district-council"
    assert v.label in ("Hill DC", "Hill District Council")
    assert "exactly one rdfs:label" in v.line()


def test_funds_from_a_place(handbuilt_graph):
    handbuilt_graph.add((HARBOUR, CG.funds, SKILLS))
    report = validate(handbuilt_graph)
    lines = [v.line() for v in report.violations]
    assert any(
        '"Harbour City" (place:harbour-city): the subject of cg:funds must be a '
        "cg:Organisation" in ln
        for ln in lines
    ), lines
    assert any("must be typed cg:Funder" in ln for ln in lines)
    # and the new triple has no evidence either
    assert any(
        "cg:funds: this relation has no cg:Statement with cg:Evidence" in ln
        and "programme:skills-bridge" in ln
        for ln in lines
    )


def test_relation_without_evidence(handbuilt_graph):
    st = next(handbuilt_graph.subjects(RDF.predicate, CG.locatedIn))
    for ev in list(handbuilt_graph.objects(st, CG.evidence)):
        handbuilt_graph.remove((st, CG.evidence, ev))
    report = validate(handbuilt_graph)
    assert not report.conforms
    _only(report, "cg:locatedIn: this relation has no cg:Statement with cg:Evidence")
    _only(report, "needs at least one cg:evidence")
    assert any(v.label == "Riverside College" for v in report.violations)


def test_relation_without_statement(handbuilt_graph):
    handbuilt_graph.add((COLLEGE, CG.partnerOf, HILL))
    report = validate(handbuilt_graph)
    hits = _only(report, "this relation has no cg:Statement")
    assert hits[0].value == "organisation:hill-district-council"


def test_amount_as_string(handbuilt_graph):
    st = next(handbuilt_graph.subjects(CG.amount, None))
    handbuilt_graph.remove((st, CG.amount, None))
    handbuilt_graph.add((st, CG.amount, Literal("250000")))
    report = validate(handbuilt_graph)
    (v,) = report.violations
    assert v.path == "cg:amount"
    assert "xsd:decimal" in v.message and "cg:funds" in (v.label or "")


def test_amount_without_currency(handbuilt_graph):
    st = next(handbuilt_graph.subjects(CG.amount, None))
    handbuilt_graph.remove((st, CG.currency, None))
    report = validate(handbuilt_graph)
    _only(report, "cg:amount has no cg:currency")


def test_evidence_offsets(handbuilt_graph):
    ev = next(handbuilt_graph.subjects(RDF.type, CG.Evidence))
    handbuilt_graph.remove((ev, OA.start, None))
    handbuilt_graph.add((ev, OA.start, Literal(99999)))
    report = validate(handbuilt_graph)
    _only(
        report,
        "oa:start: cg:Evidence needs exactly one oa:start, a non-negative integer not after oa:end",
    )
    handbuilt_graph.remove((ev, OA.start, None))
    handbuilt_graph.add((ev, OA.start, Literal(-1)))
    assert not validate(handbuilt_graph).conforms
    handbuilt_graph.remove((ev, OA.start, None))
    handbuilt_graph.add((ev, OA.start, Literal("3")))
    _only(validate(handbuilt_graph), "oa:start")


def test_evidence_needs_document(handbuilt_graph):
    ev = next(handbuilt_graph.subjects(RDF.type, CG.Evidence))
    handbuilt_graph.remove((ev, URIRef("http://www.w3.org/ns/prov#wasQuotedFrom"), None))
    _only(validate(handbuilt_graph), "needs exactly one prov:wasQuotedFrom")


def test_wrong_relation_ends(handbuilt_graph):
    # delivers a Place; operates in a Programme
    handbuilt_graph.remove((HILL, CG.delivers, None))
    handbuilt_graph.add((HILL, CG.delivers, HARBOUR))
    handbuilt_graph.add((SKILLS, CG.operatesIn, URIRef(ID + "programme/hill-arts-festival")))
    report = validate(handbuilt_graph)
    _only(report, "the object of cg:delivers / cg:participatesIn must be a cg:Programme")
    _only(report, "the object of cg:locatedIn / cg:operatesIn must be a cg:Place")


def test_missing_or_double_top_class(handbuilt_graph):
    handbuilt_graph.remove((COLLEGE, RDF.type, CG.Organisation))
    handbuilt_graph.add((HARBOUR, RDF.type, CG.Organisation))
    report = validate(handbuilt_graph)
    lines = "\n".join(v.line() for v in report.violations)
    assert (
        '"Riverside College" (organisation:riverside-college): rdf:type: an entity needs exactly one top class'
        in lines
    )
    assert (
        '"Harbour City" (place:harbour-city): rdf:type: an entity needs exactly one top class'
        in lines
    )
    assert "organisation subtype (or cg:Funder) also needs its top class" in lines


def _break_everything(g):
    g.remove((COLLEGE, RDFS.label, None))
    g.add((HILL, RDFS.label, Literal("Hill DC")))
    g.add((HARBOUR, CG.funds, SKILLS))
    g.add((HARBOUR, CG.partOf, COLLEGE))
    st = next(g.subjects(CG.amount, None))
    g.remove((st, CG.amount, None))
    g.add((st, CG.amount, Literal("250000")))
    g.remove((st, CG.currency, None))
    g.add((URIRef(ID + "statement/ghost"), RDF.type, CG.Statement))
    return g


def test_oxigraph_engine_agrees_with_pyshacl(handbuilt_graph):
    g = _break_everything(handbuilt_graph)
    fast, reference = validate(g), validate(g, engine="pyshacl")
    assert not fast.conforms and not reference.conforms

    def key(r):
        return sorted({(v.focus, v.path or "", v.message) for v in r.violations})

    assert key(fast) == key(reference)
    assert len(key(fast)) >= 8
    _only(fast, "cg:partOf must join two things of the same top class")
    _only(fast, "cg:amount has no cg:currency")


def test_identifiers_and_coordinates():
    g = exportfixture.rdf_graph()
    w = entity_iri(exportfixture.WAKEFIELD.entity_id)
    assert validate(g).conforms
    g.add((w, URIRef("http://www.w3.org/2002/07/owl#sameAs"), Literal("E08000036")))
    g.add((w, URIRef(exportfixture.GEO + "lat"), Literal("53.7")))
    report = validate(g)
    _only(report, "owl:sameAs must be an IRI")
    _only(report, "at most one geo:lat")


def test_check_raises_for_build(handbuilt_graph):
    assert check(handbuilt_graph).conforms
    handbuilt_graph.remove((COLLEGE, RDFS.label, None))
    with pytest.raises(
        ValidationFailed,
        match=r"1 violation\(s\); first: Violation: organisation:riverside-college",
    ):
        check(handbuilt_graph)


def test_cli_validate(tmp_path, handbuilt_ttl):
    runner = CliRunner()
    r = runner.invoke(main, ["validate", str(handbuilt_ttl)])
    assert r.exit_code == 0, r.output
    assert "conforms" in r.output
    g = handbuilt.rdf_graph()
    g.add((HARBOUR, CG.funds, SKILLS))
    bad = tmp_path / "bad.ttl"
    bad.write_text(to_turtle(g), encoding="utf-8")
    r = runner.invoke(main, ["validate", str(bad)])
    assert r.exit_code == 1
    assert (
        '"Harbour City" (place:harbour-city): the subject of cg:funds must be a cg:Organisation'
        in r.output
    )
    assert "violations of the civicgraph shapes" in r.output.splitlines()[-1]
    r = runner.invoke(main, ["validate", str(bad), "--format", "json"])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["conforms"] is False
    assert {"severity", "focus", "label", "path", "value", "message", "shape"} <= set(
        doc["results"][0]
    )
    r = runner.invoke(main, ["validate", str(tmp_path / "missing.ttl")])
    assert r.exit_code == 1 and "error:" in r.output


def _big(n: int) -> ResolvedGraph:
    """A synthetic graph: n organisations, n programmes, n/4 places, ~3n relations."""
    text = "x" * 200
    doc = dataclasses.replace(handbuilt.DOCUMENT, text=text)
    ents: list[Entity] = []
    links: list[Link] = []
    places = [
        Entity(
            entity_id("Place", f"Place {i}"),
            f"Place {i}",
            "Place",
            "Town",
            frozenset(),
            frozenset({doc.doc_id}),
        )
        for i in range(max(1, n // 4))
    ]
    ents += places
    for i in range(n):
        o = Entity(
            entity_id("Organisation", f"Org {i}"),
            f"Org {i}",
            "Organisation",
            "Charity",
            frozenset({f"O{i}"}),
            frozenset({doc.doc_id}),
        )
        p = Entity(
            entity_id("Programme", f"Prog {i}"),
            f"Prog {i}",
            "Programme",
            "Initiative",
            frozenset(),
            frozenset({doc.doc_id}),
        )
        ents += [o, p]
        ev = ((Evidence(doc.doc_id, i % 100, i % 100 + 50, text[i % 100 : i % 100 + 50]), "t"),)
        links.append(Link(o.entity_id, "delivers", p.entity_id, ev))
        links.append(Link(p.entity_id, "operatesIn", places[i % len(places)].entity_id, ev))
        if i:
            links.append(
                Link(
                    o.entity_id,
                    "funds",
                    entity_id("Programme", f"Prog {i - 1}"),
                    ev,
                    Decimal(1000 * i),
                    "GBP",
                    f"£{i},000",
                )
            )
    return ResolvedGraph(
        (doc,), tuple(ents), tuple(links), tuple((e.entity_id, doc.doc_id) for e in ents)
    )


def test_validation_is_fast_on_a_few_thousand_triples():
    from graph.rdf import build_rdf

    g = build_rdf(_big(150))
    assert len(g) > 4000
    t = time.perf_counter()
    report = validate(g)
    elapsed = time.perf_counter() - t
    assert report.conforms, report.text()[:2000]
    assert elapsed < 10, f"validation took {elapsed:.1f} s for {len(g)} triples"


def test_shapes_only_use_declared_terms(root):
    from rdflib import Graph

    shapes = Graph().parse(root / "graph" / "shapes.ttl")
    ns = "https://w3id.org/civicgraph/ontology#"
    used = {
        str(t)
        for triple in shapes
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(ns)
    }
    declared = {str(getattr(CG, name)) for name in CG.__annotations__}
    assert used and used <= declared, used - declared
    assert entity_iri("x")  # the id namespace is not a shape term
    assert XSD.decimal  # referenced in the amount shape
