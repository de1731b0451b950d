"""Tests of graph.sparql: queries, result formats, errors and the saved queries."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import handbuilt
import pyoxigraph as ox
import pytest
import queryfixture
from handbuilt import (
    TRUST_IRI as TRUST,
)

from graph.errors import EntityNotFound, QueryError
from graph.sparql import (
    PARAM_TYPES,
    is_update,
    parse_saved,
    run_query,
    run_saved,
    saved_queries,
    shorten_iri,
)

Q_FUNDS = """SELECT ?funder ?label ?amount WHERE {
  ?funder cg:funds ?p ; rdfs:label ?label .
  ?st rdf:subject ?funder ; rdf:object ?p ; cg:amount ?amount .
} ORDER BY ?amount"""


@pytest.fixture(scope="module")
def g():
    return queryfixture.rdf_graph()


def test_select_with_default_prefixes(g):
    r = run_query(g, Q_FUNDS)
    assert r.kind == "select" and r.variables == ["funder", "label", "amount"]
    assert [(x["label"], x["amount"]) for x in r.records()] == [
        ("Northfield Trust", "250000"), ("Northfield Trust", "1200000")]


def test_table_is_readable(g):
    text = run_query(g, Q_FUNDS).serialize("table")
    lines = text.splitlines()
    assert lines[0].split() == ["funder", "label", "amount"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].split()[0] == "organisation:northfield-trust"
    assert lines[-1] == "(2 rows)"


def test_table_cuts_long_cells(g):
    text = run_query(g, "SELECT ?s WHERE { ?e oa:exact ?s }").serialize("table", max_width=20)
    assert all(len(line) <= 20 for line in text.splitlines()[2:-1])
    assert "…" in text


@pytest.mark.parametrize("streamed", [False, True])
def test_json_results_standard(g, streamed):
    r = run_query(g, Q_FUNDS, fmt="json" if streamed else None)
    data = json.loads(r.serialize("json"))
    assert data["head"]["vars"] == ["funder", "label", "amount"]
    first = data["results"]["bindings"][0]
    assert first["funder"] == {"type": "uri", "value": TRUST}
    assert first["amount"]["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"


@pytest.mark.parametrize("streamed", [False, True])
def test_csv_tsv_xml_results(g, streamed):
    def run(fmt):
        return run_query(g, Q_FUNDS, fmt=fmt if streamed else None).serialize(fmt)

    rows = list(csv.reader(io.StringIO(run("csv"))))
    assert rows[0] == ["funder", "label", "amount"]
    assert rows[1] == [TRUST, "Northfield Trust", "250000"]
    tsv = run("tsv").splitlines()
    assert tsv[0] == "?funder\t?label\t?amount"
    assert tsv[1].startswith(f"<{TRUST}>\t\"Northfield Trust\"")
    root = ET.fromstring(run("xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{ns}results/{ns}result")) == 2


def test_ask(g):
    assert run_query(g, "ASK { organisation:northfield-trust a cg:Funder }").boolean is True
    r = run_query(g, "ASK { organisation:harbour-city-council a cg:Funder }")
    assert r.serialize("table") == "no\n"
    assert json.loads(r.serialize("json")) == {"head": {}, "boolean": False}
    assert json.loads(run_query(g, "ASK {}", fmt="json").serialize("json"))["boolean"] is True


def test_construct_and_describe_give_turtle(g):
    r = run_query(g, "CONSTRUCT { ?f cg:funds ?p } WHERE { ?f cg:funds ?p }")
    assert r.kind == "graph" and len(r.triples) == 2
    ttl = r.serialize("table")
    assert "organisation:northfield-trust cg:funds" in ttl
    parsed = list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))
    assert {str(t) for t in parsed} == {str(t) for t in r.triples}
    assert r.serialize("turtle") == ttl  # deterministic
    nt = r.serialize("ntriples")
    assert nt.count(" .\n") == 2
    d = run_query(g, "DESCRIBE organisation:northfield-trust").serialize("turtle")
    assert 'rdfs:label "Northfield Trust"' in d
    with pytest.raises(QueryError, match="turtle or ntriples"):
        r.serialize("csv")


def test_empty_select(g):
    r = run_query(g, "SELECT ?x WHERE { ?x a cg:Nothing }")
    assert r.rows == [] and r.serialize("table").endswith("(0 rows)\n")
    assert json.loads(r.serialize("json"))["results"]["bindings"] == []


@pytest.mark.parametrize("query, where", [
    ("SELECT ?x WHERE {\n  ?x ?y }", "line 2, column"),
    ("SELECT ?x WHERE { ?x a foo:Bar }", "unknown prefix"),
    ("SELEC ?x WHERE { ?x ?y ?z }", "line 1, column 1"),
])
def test_syntax_errors_are_one_line_with_position(g, query, where):
    with pytest.raises(QueryError) as err:
        run_query(g, query)
    msg = str(err.value)
    assert msg.startswith("SPARQL syntax error")
    assert where in msg and "\n" not in msg


@pytest.mark.parametrize("update", [
    "INSERT DATA { <a:a> <a:b> <a:c> }",
    "PREFIX x: <http://x/>\n# comment\nDELETE WHERE { ?s ?p ?o }",
    "  clear all",
])
def test_updates_refused(g, update):
    assert is_update(update)
    with pytest.raises(QueryError, match="read-only"):
        run_query(g, update)
    assert run_query(g, "ASK { ?s ?p ?o }").boolean


def test_is_update_not_fooled_by_selects():
    assert not is_update("SELECT ?insert WHERE { ?insert ?p ?o }")
    assert not is_update("PREFIX delete: <http://x/> SELECT * { ?s ?p ?o }")


def test_empty_query(g):
    with pytest.raises(QueryError, match="empty"):
        run_query(g, "   ")


def test_shorten_iri():
    assert shorten_iri(TRUST) == "organisation:northfield-trust"
    assert shorten_iri("http://example.org/x") == "<http://example.org/x>"


# ---- saved queries ----------------------------------------------------------------


REQUIRED_TOPICS = {
    "funders-of", "funders", "partners-of", "programmes-by-place", "organisations-by-subtype",
    "who-delivers-what", "mentioned-in", "evidence-for", "most-partners",
    "places-with-most-programmes", "funding-totals-by-funder",
}


def test_saved_queries_shipped_with_headers():
    qs = saved_queries()
    assert len(qs) >= 10 and REQUIRED_TOPICS <= set(qs)
    for q in qs.values():
        assert q.text.startswith(f"# name: {q.name}\n# description: ")
        assert q.description
        for p in q.params:
            assert p.type in PARAM_TYPES
            assert f"?{p.name}" in q.text.split("WHERE")[0], f"{q.name}: ?{p.name} not projected"


def test_every_saved_query_runs(g):
    for name in saved_queries():
        r = run_saved(g, name, {"from": "NFT", "to": "Skills Bridge"} if name == "evidence-for" else {})
        assert r.kind == "select", name
        assert r.rows, f"{name} found nothing on the hand-built graph"


def test_funders_of_with_alias_param(g):
    r = run_saved(g, "funders-of", {"programme": "hill arts festival"})
    assert [(x["funderLabel"], x["amount"], x["amountText"]) for x in r.records()] == [
        ("Northfield Trust", "1200000", "£1.2 million")]


def test_partners_of(g):
    r = run_saved(g, "partners-of", {"organisation": "Riverside College"})
    [row] = r.records()
    assert row["partnerLabel"] == "Harbour City Council"
    assert "in partnership with Riverside College" in row["sentence"]


def test_programmes_by_place_follows_part_of(g):
    r = run_saved(g, "programmes-by-place", {"place": "North Coast"})
    assert [(x["programmeLabel"], x["where"]) for x in r.records()] == [("Skills Bridge", "Harbour City")]


def test_organisations_by_subtype(g):
    r = run_saved(g, "organisations-by-subtype", {"subtype": "localauthority"})
    assert [x["label"] for x in r.records()] == ["Harbour City Council", "Hill District Council"]
    with pytest.raises(QueryError, match="must be one of"):
        run_saved(g, "organisations-by-subtype", {"subtype": "Castle"})


def test_mentioned_in_by_file_name(g):
    r = run_saved(g, "mentioned-in", {"document": "handbuilt-report.txt"})
    assert len(r.rows) == 10
    with pytest.raises(QueryError, match="no document 'handbuilt-reprt.txt' in the graph; did you mean: handbuilt-report.txt"):
        run_saved(g, "mentioned-in", {"document": "handbuilt-reprt.txt"})


def test_evidence_for_either_direction(g):
    fwd = run_saved(g, "evidence-for", {"from": "Northfield Trust", "to": "Skills Bridge"}).records()
    back = run_saved(g, "evidence-for", {"from": "Skills Bridge", "to": "Northfield Trust"}).records()
    assert [x["sentence"] for x in fwd] == [x["sentence"] for x in back]
    [row] = fwd
    assert row["sentence"] == "Skills Bridge is funded by the Northfield Trust with £250,000."
    assert handbuilt.TEXT[int(row["start"]):int(row["end"])] == row["sentence"]
    with pytest.raises(QueryError, match="needs --param to"):
        run_saved(g, "evidence-for", {"from": "NFT"})


def test_rankings(g):
    assert run_saved(g, "funding-totals-by-funder").records()[0]["total"] == "1450000"
    places = run_saved(g, "places-with-most-programmes").records()
    assert {x["label"] for x in places} == {"Harbour City", "North Coast"}


def test_param_errors(g):
    with pytest.raises(QueryError, match="has no parameter 'programmme'"):
        run_saved(g, "funders-of", {"programmme": "x"})
    with pytest.raises(EntityNotFound, match="did you mean: Skills Bridge"):
        run_saved(g, "funders-of", {"programme": "Skils Bridge"})
    with pytest.raises(EntityNotFound) as err:
        run_saved(g, "partners-of", {"organisation": "HCC"})
    assert err.value.ambiguous
    with pytest.raises(QueryError, match="did you mean: funders-of"):
        run_saved(g, "fundres-of")


def test_injection_attempt_is_just_a_name(g):
    # a value is bound as an RDF term, never pasted into the query text
    evil = 'x" } ; DROP ALL ; SELECT * { "'
    with pytest.raises(EntityNotFound):
        run_saved(g, "funders-of", {"programme": evil})
    saved = parse_saved("# name: t\n# description: d\n# param: who string  a name\n"
                        "SELECT ?who ?e WHERE { ?e rdfs:label ?l FILTER(?l = ?who) }")
    from graph.sparql import bind_params

    subs = bind_params(g, saved, {"who": evil})
    assert run_query(g, saved.text, subs).rows == []
    subs = bind_params(g, saved, {"who": "Northfield Trust"})
    assert [x["e"] for x in run_query(g, saved.text, subs).records()] == [TRUST]


def test_parse_saved_needs_header():
    with pytest.raises(QueryError, match="must start with"):
        parse_saved("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="unknown type"):
        parse_saved("# name: x\n# description: y\n# param: a colour\nSELECT ?a {}")


def test_bench_script_smoke(root):
    """scripts/bench_query.py runs end to end on a tiny synthetic graph."""
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, str(root / "scripts" / "bench_query.py"), "--triples", "5000",
         "--repeat", "1", "--skip-brokers"],
        capture_output=True, text=True, timeout=120, cwd=root,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ratio" in proc.stdout and "partners depth 2" in proc.stdout
    assert "peak memory" in proc.stdout
