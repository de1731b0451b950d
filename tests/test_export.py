"""Exports: every format written, RDF formats round-trip, tables count right."""

from __future__ import annotations

import csv
import io
import json

import exportfixture
import handbuilt
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Dataset, Graph

from graph.cli import main
from graph.export import (
    FORMATS,
    UnknownFormat,
    export,
    render_exports,
    target_paths,
    write_exports,
)
from graph.export.linked import document_quads, jsonld_context
from graph.export.view import read_view
from graph.store import sorted_ntriples, to_turtle

ID = "https://w3id.org/civicgraph/id/"
CG = "https://w3id.org/civicgraph/ontology#"
RDF_FORMATS = {
    "turtle": (".ttl", ox.RdfFormat.TURTLE),
    "nt": (".nt", ox.RdfFormat.N_TRIPLES),
    "jsonld": (".jsonld", ox.RdfFormat.JSON_LD),
    "trig": (".trig", ox.RdfFormat.TRIG),
    "nquads": (".nq", ox.RdfFormat.N_QUADS),
}


def _triples(data: bytes, fmt: ox.RdfFormat) -> set[str]:
    """Parse with pyoxigraph into a store (same literal canonicalisation as civicgraph's)."""
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(data, format=fmt))
    return {f"{q.subject} {q.predicate} {q.object} ." for q in store}


@pytest.fixture(params=["handbuilt", "twodocs"])
def any_graph(request):
    return handbuilt.rdf_graph() if request.param == "handbuilt" else exportfixture.rdf_graph()


@pytest.fixture()
def twodocs():
    return exportfixture.rdf_graph()


# ------------------------------------------------------------------- RDF


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_formats_round_trip(any_graph, fmt):
    suffix, oxfmt = RDF_FORMATS[fmt]
    files = export(any_graph, fmt)
    assert list(files) == [suffix]
    assert _triples(files[suffix], oxfmt) == set(sorted_ntriples(any_graph))


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "trig", "nquads"])
def test_rdf_formats_parse_with_rdflib_too(twodocs, fmt):
    suffix, oxfmt = RDF_FORMATS[fmt]
    data = export(twodocs, fmt)[suffix]
    rdflib_fmt = {
        "turtle": "turtle",
        "nt": "nt",
        "jsonld": "json-ld",
        "trig": "trig",
        "nquads": "nquads",
    }[fmt]
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=data, format=rdflib_fmt)
        assert len(list(ds.graphs())) >= 2  # the document graphs (plus rdflib's default)
        back = _triples(ds.serialize(format="nquads").encode(), ox.RdfFormat.N_QUADS)
    else:
        g = Graph()
        g.parse(data=data, format=rdflib_fmt)
        back = _triples(g.serialize(format="nt").encode(), ox.RdfFormat.N_TRIPLES)
    assert back == set(sorted_ntriples(twodocs))


def test_turtle_is_the_store_turtle_and_deterministic(twodocs):
    a = export(twodocs, "turtle")[".ttl"]
    assert a == to_turtle(twodocs).encode()
    assert a == export(exportfixture.rdf_graph(), "turtle")[".ttl"]


def test_ntriples_sorted(twodocs):
    lines = export(twodocs, "nt")[".nt"].decode().splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_jsonld_reads_naturally(twodocs):
    doc = json.loads(export(twodocs, "jsonld")[".jsonld"])
    assert doc["@context"] == jsonld_context()
    nodes = {n["id"]: n for n in doc["@graph"]}
    ace = nodes["organisation/arts-council-england"]
    assert ace["label"] == "Arts Council England"
    assert sorted(ace["type"]) == ["Funder", "GovernmentBody", "Organisation"]
    assert ace["funds"] == ["programme/creative-wakefield", "programme/place-fund"]
    assert ace["altLabel"] == "ACE"
    council = nodes["organisation/wakefield-council"]
    assert council["partnerOf"] == "organisation/leeds-2023"
    assert nodes["place/wakefield"]["identifier"] == "E08000036"
    assert nodes["place/wakefield"]["lat"] == "53.6833"
    stmt = next(
        n
        for n in doc["@graph"]
        if n.get("predicate") == "funds" and n["object"] == "programme/creative-wakefield"
    )
    assert stmt["amount"] == "80000" and stmt["currency"] == "GBP"
    assert sorted(stmt["derivedFrom"]) == ["document/east-flyer", "document/west-report"]
    evid = nodes[stmt["evidence"][0]]
    assert isinstance(evid["start"], int) and evid["exact"].endswith(".")


def test_published_context_file_is_valid_json_ld(root):
    text = (root / "graph" / "context.jsonld").read_text(encoding="utf-8")
    ctx = json.loads(text)["@context"]
    # every term maps to a real term; an empty document with the context parses
    g = Graph()
    g.parse(
        data=json.dumps(
            {
                "@context": ctx,
                "@id": "organisation/x",
                "label": "X",
                "funds": "programme/y",
                "type": "Organisation",
            }
        ),
        format="json-ld",
    )
    got = {(str(s), str(p), str(o)) for s, p, o in g}
    assert (ID + "organisation/x", CG + "funds", ID + "programme/y") in got
    assert (ID + "organisation/x", "http://www.w3.org/2000/01/rdf-schema#label", "X") in got


def _graphs(data: bytes) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        out.setdefault(str(q.graph_name), set()).add(f"{q.subject} {q.predicate} {q.object} .")
    return out


def test_one_named_graph_per_document(twodocs):
    graphs = _graphs(export(twodocs, "nquads")[".nq"])
    west, east = f"<{ID}document/west-report>", f"<{ID}document/east-flyer>"
    assert set(graphs) == {west, east}  # nothing left in the default graph
    union = set().union(*graphs.values())
    assert union == set(sorted_ntriples(twodocs))
    funds = (
        f"<{ID}organisation/arts-council-england> <{CG}funds> <{ID}programme/creative-wakefield> ."
    )
    delivers = (
        f"<{ID}organisation/wakefield-council> <{CG}delivers> <{ID}programme/creative-wakefield> ."
    )
    assert funds in graphs[west] and funds in graphs[east]  # stated by both
    assert delivers in graphs[east] and delivers not in graphs[west]  # only by B
    # each graph holds its own document node and only its own evidence
    for name, other in ((west, east), (east, west)):
        assert (
            f"{name} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CG}Document> ."
            in graphs[name]
        )
        quoted = [t for t in graphs[name] if "wasQuotedFrom" in t]
        assert quoted and all(t.endswith(f"{name} .") for t in quoted)
        derived = [t for t in graphs[name] if "wasDerivedFrom" in t]
        assert derived and all(t.endswith(f"{name} .") for t in derived)
        evidence_links = [t.split()[2] for t in graphs[name] if f"<{CG}evidence>" in t]
        assert all(
            f"{e} <http://www.w3.org/ns/prov#wasQuotedFrom> {name} ." in graphs[name]
            for e in evidence_links
        )
        assert not any(
            t.endswith(f"{other} .") and "mentionedIn" not in t
            for t in graphs[name]
            if "wasQuotedFrom" in t
        )


def test_retracting_a_document_removes_what_only_it_stated(twodocs):
    graphs = _graphs(export(twodocs, "nquads")[".nq"])
    kept = graphs[f"<{ID}document/west-report>"]
    assert not any(f"<{CG}delivers> <{ID}programme/creative-wakefield>" in t for t in kept)
    assert not any("wakefield-council" in t.split()[0] for t in kept)
    assert any(f"<{CG}funds> <{ID}programme/place-fund>" in t for t in kept)


def test_trig_and_nquads_hold_the_same_quads(twodocs):
    trig = {str(q) for q in ox.parse(export(twodocs, "trig")[".trig"], format=ox.RdfFormat.TRIG)}
    nq = {str(q) for q in ox.parse(export(twodocs, "nquads")[".nq"], format=ox.RdfFormat.N_QUADS)}
    assert trig == nq == {str(q) for q in document_quads(twodocs)}


def test_triples_no_document_explains_stay_in_default_graph(twodocs):
    from rdflib import Literal, URIRef

    twodocs.add((URIRef("urn:x"), URIRef("urn:p"), Literal("loose")))
    graphs = _graphs(export(twodocs, "nquads")[".nq"])
    assert graphs["DEFAULT"] == {'<urn:x> <urn:p> "loose" .'}


# ----------------------------------------------------------------- tables


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_csv_counts_and_columns(any_graph):
    view = read_view(any_graph)
    files = export(any_graph, "csv")
    nodes, edges = _rows(files["-nodes.csv"]), _rows(files["-edges.csv"])
    assert len(nodes) == len(view.nodes) and len(edges) == len(view.edges)
    assert list(nodes[0]) == [
        "id",
        "label",
        "type",
        "subtype",
        "funder",
        "aliases",
        "documents",
        "identifiers",
        "same_as",
        "lat",
        "long",
    ]
    assert {e["source"] for e in edges} | {e["target"] for e in edges} <= {n["id"] for n in nodes}


def test_csv_handbuilt_known_answers():
    files = export(handbuilt.rdf_graph(), "csv")
    nodes, edges = _rows(files["-nodes.csv"]), _rows(files["-edges.csv"])
    assert len(nodes) == 8 and len(edges) == 9  # partnerOf once, undirected
    trust = next(n for n in nodes if n["label"] == "Northfield Trust")
    assert trust["funder"] == "true" and trust["aliases"] == "NFT" and trust["subtype"] == "Charity"
    fund = next(
        e for e in edges if e["predicate"] == "funds" and e["target_label"] == "Skills Bridge"
    )
    assert fund["amount"] == "250000" and fund["currency"] == "GBP"
    assert fund["evidence"] == "Skills Bridge is funded by the Northfield Trust with £250,000."
    assert fund["documents"] == "document/handbuilt-report"
    partner = [e for e in edges if e["predicate"] == "partnerOf"]
    assert len(partner) == 1 and partner[0]["directed"] == "false"


def test_csv_carries_identifiers_and_coordinates(twodocs):
    nodes = _rows(export(twodocs, "csv")["-nodes.csv"])
    w = next(n for n in nodes if n["label"] == "Wakefield")
    assert w["identifiers"] == "E08000036"
    assert w["same_as"] == "http://statistics.data.gov.uk/id/statistical-geography/E08000036"
    assert (w["lat"], w["long"]) == ("53.6833", "-1.4977")


def test_kumu_blueprint(any_graph):
    view = read_view(any_graph)
    doc = json.loads(export(any_graph, "kumu")[".kumu.json"])
    assert set(doc) == {"elements", "connections"}
    labels = [e["label"] for e in doc["elements"]]
    assert len(labels) == len(set(labels)) == len(view.nodes)
    assert len(doc["connections"]) == len(view.edges)
    for c in doc["connections"]:
        assert c["from"] in labels and c["to"] in labels
        assert c["direction"] in ("directed", "undirected")
    for e in doc["elements"]:
        assert {"label", "type", "tags", "description"} <= set(e)


def test_kumu_disambiguates_shared_labels(twodocs):
    doc = json.loads(export(twodocs, "kumu")[".kumu.json"])
    labels = {e["label"] for e in doc["elements"]}
    assert {"Leeds 2023 (Organisation)", "Leeds 2023 (Programme)"} <= labels
    run = next(
        c
        for c in doc["connections"]
        if c["type"] == "delivers" and c["to"] == "Leeds 2023 (Programme)"
    )
    assert run["from"] == "Leeds 2023 (Organisation)"


def test_360giving_handbuilt():
    files = export(handbuilt.rdf_graph(), "360giving")
    rows = _rows(files[".360giving.csv"])
    grants = json.loads(files[".360giving.json"])["grants"]
    assert len(rows) == len(grants) == 2
    assert sorted(float(r["Amount Awarded"]) for r in rows) == [250000.0, 1200000.0]
    assert {g["amountAwarded"] for g in grants} == {250000, 1200000}
    for r in rows:
        assert r["Identifier"].startswith("360G-civicgraph-")
        assert r["Currency"] == "GBP" and r["Funding Org:Name"] == "Northfield Trust"
    skills = next(g for g in grants if "Skills Bridge" in g["title"])
    # funded thing is a programme with exactly one deliverer: that is the recipient
    assert skills["recipientOrganization"] == [
        {"id": "360G-civicgraph-organisation-harbour-city-council", "name": "Harbour City Council"}
    ]
    assert skills["beneficiaryLocation"] == [{"name": "Harbour City"}]
    assert "awardDate" not in skills


def test_360giving_geographic_codes(twodocs):
    files = export(twodocs, "360giving")
    grants = {g["title"]: g for g in json.loads(files[".360giving.json"])["grants"]}
    cw = grants["£80,000 from Arts Council England to Creative Wakefield"]
    assert cw["beneficiaryLocation"] == [
        {"name": "Wakefield", "geoCode": "E08000036", "geoCodeType": "MD"}
    ]
    assert cw["dataSource"].split() == [f"{ID}document/east-flyer", f"{ID}document/west-report"]
    pf = grants["£2 million from Arts Council England to Place Fund"]
    assert "recipientOrganization" not in pf  # nobody delivers it: no guess
    assert pf["grantProgramme"] == [{"title": "Place Fund"}]
    row = next(r for r in _rows(files[".360giving.csv"]) if r["Amount Awarded"] == "80000")
    assert row["Beneficiary Location:Geographic Code"] == "E08000036"


def test_funding_without_amount_is_not_a_grant():
    import dataclasses

    from graph.rdf import build_rdf

    r = handbuilt.resolved()
    links = tuple(
        dataclasses.replace(lk, amount=None, currency=None, amount_text=None)
        if lk.object == handbuilt.FESTIVAL.entity_id and lk.predicate == "funds"
        else lk
        for lk in r.links
    )
    g = build_rdf(dataclasses.replace(r, links=links))
    grants = json.loads(export(g, "360giving")[".360giving.json"])["grants"]
    assert [gr["title"] for gr in grants] == ["£250,000 from Northfield Trust to Skills Bridge"]


# --------------------------------------------------------------- networks


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats_load_back(twodocs, fmt):
    netx = pytest.importorskip("graph.netx")
    import networkx as nx

    expected = netx.to_networkx(twodocs)
    data = export(twodocs, fmt)[f".{fmt}"]
    if fmt == "graphml":
        back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    else:
        back = nx.read_gexf(io.BytesIO(data))
    assert back.is_directed() and back.is_multigraph()  # parallel edges survive
    assert set(back.nodes) == set(expected.nodes)

    def edges(g):
        return sorted((u, v, d["predicate"]) for u, v, d in g.edges(data=True))

    assert edges(back) == edges(expected)
    assert len(edges(back)) == expected.number_of_edges()
    for _, attrs in back.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in attrs.values())
    ace = back.nodes[ID + "organisation/arts-council-england"]
    assert ace["label"] == "Arts Council England" and ace["type"] == "Organisation"
    assert ace["subtype"] == "GovernmentBody" and ace["aliases"] == "ACE"
    w = back.nodes[ID + "place/wakefield"]
    assert w["identifiers"] == "E08000036"
    (fund,) = [
        d
        for u, v, d in back.edges(data=True)
        if d["predicate"] == "funds" and v == ID + "programme/creative-wakefield"
    ]
    assert float(fund["amount"]) == 80000.0
    assert "Arts Council England funds Creative Wakefield" in fund["evidence"]


# ----------------------------------------------------------- API and CLI


def test_unknown_format_is_a_named_error(twodocs):
    with pytest.raises(UnknownFormat, match="choose from"):
        export(twodocs, "xlsx")


def test_every_format_exports(twodocs):
    for fmt in FORMATS:
        if fmt in ("graphml", "gexf"):
            try:
                import graph.netx  # noqa: F401
            except ImportError:
                continue
        files = export(twodocs, fmt)
        assert files and all(isinstance(v, bytes) and v for v in files.values())


def test_every_format_gives_the_same_bytes_on_another_day(twodocs, monkeypatch):
    """Exports do not depend on the clock (networkx stamps GEXF with today's date)."""
    import time

    today = {fmt: export(twodocs, fmt) for fmt in FORMATS}
    real = time.strftime
    monkeypatch.setattr(time, "strftime", lambda fmt, *a: real(fmt, time.gmtime(0)))
    for fmt in FORMATS:
        assert export(twodocs, fmt) == today[fmt], fmt


def test_target_paths(tmp_path):
    assert target_paths(tmp_path / "g.ttl", [".ttl"]) == {".ttl": tmp_path / "g.ttl"}
    assert target_paths(tmp_path / "g", [".ttl"]) == {".ttl": tmp_path / "g.ttl"}
    assert target_paths(tmp_path / "g.csv", ["-nodes.csv", "-edges.csv"]) == {
        "-nodes.csv": tmp_path / "g-nodes.csv",
        "-edges.csv": tmp_path / "g-edges.csv",
    }
    assert target_paths(tmp_path / "g.360giving.json", [".360giving.csv", ".360giving.json"]) == {
        ".360giving.csv": tmp_path / "g.360giving.csv",
        ".360giving.json": tmp_path / "g.360giving.json",
    }


def test_write_exports_writes_several(tmp_path, twodocs):
    paths = write_exports(twodocs, ["turtle", "jsonld", "csv", "360giving", "turtle"], tmp_path)
    assert sorted(p.name for p in paths) == sorted(
        [
            "graph.ttl",
            "graph.jsonld",
            "graph-nodes.csv",
            "graph-edges.csv",
            "graph.360giving.csv",
            "graph.360giving.json",
        ]
    )
    assert (tmp_path / "graph.ttl").read_bytes() == export(twodocs, "turtle")[".ttl"]
    with pytest.raises(UnknownFormat):
        write_exports(twodocs, ["turtle", "nope"], tmp_path)


def test_cli_export_to_file_and_stdout(tmp_path, handbuilt_ttl):
    runner = CliRunner()
    out = tmp_path / "g.jsonld"
    r = runner.invoke(
        main, ["export", "--graph", str(handbuilt_ttl), "--format", "jsonld", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert json.loads(out.read_text())["@graph"]
    r = runner.invoke(main, ["export", "--graph", str(handbuilt_ttl), "-f", "nt"])
    assert r.exit_code == 0
    assert r.stdout.count("\n") == len(sorted_ntriples(handbuilt.rdf_graph()))


def test_cli_export_two_file_formats(tmp_path, handbuilt_ttl):
    runner = CliRunner()
    r = runner.invoke(
        main,
        [
            "export",
            "--graph",
            str(handbuilt_ttl),
            "--format",
            "csv",
            "--out",
            str(tmp_path / "net"),
        ],
    )
    assert r.exit_code == 0, r.output
    assert len(_rows((tmp_path / "net-edges.csv").read_bytes())) == 9
    r = runner.invoke(main, ["export", "--graph", str(handbuilt_ttl), "--format", "360giving"])
    assert r.exit_code == 0, r.output
    assert (handbuilt_ttl.parent / "handbuilt.360giving.json").is_file()
    (tmp_path / "dir").mkdir()
    r = runner.invoke(
        main, ["export", "--graph", str(handbuilt_ttl), "-f", "kumu", "-o", str(tmp_path / "dir")]
    )
    assert r.exit_code == 0 and (tmp_path / "dir" / "graph.kumu.json").is_file()


def test_cli_export_errors(tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["export", "--graph", str(tmp_path / "none.ttl"), "-f", "nt"])
    assert r.exit_code == 1 and "error:" in r.output and "no such graph file" in r.output
    r = runner.invoke(main, ["export", "-f", "xlsx"])
    assert r.exit_code == 2
    r = runner.invoke(main, ["export", "--help"])
    assert r.exit_code == 0 and "Example" in r.output


# ------------------------------------------------------------- properties

names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=names, alias=names, sentence=names)
def test_round_trip_with_any_text(label, alias, sentence):
    import dataclasses

    from graph.rdf import build_rdf
    from graph.records import Evidence

    r = handbuilt.resolved()
    ents = tuple(
        dataclasses.replace(e, label=label, aliases=frozenset({alias}))
        if e is handbuilt.TRUST
        else e
        for e in r.entities
    )
    links = tuple(
        dataclasses.replace(
            lk, evidence=((Evidence("handbuilt-report", 0, 5, sentence), "test:any"),)
        )
        if lk.predicate == "funds"
        else lk
        for lk in r.links
    )
    g = build_rdf(dataclasses.replace(r, entities=ents, links=links))
    expected = set(sorted_ntriples(g))
    for fmt in ("jsonld", "trig", "turtle"):
        suffix, oxfmt = RDF_FORMATS[fmt]
        assert _triples(export(g, fmt)[suffix], oxfmt) == expected
    nodes = _rows(export(g, "csv")["-nodes.csv"])
    assert label in {n["label"] for n in nodes}


def test_render_exports_for_build(twodocs):
    files = render_exports(twodocs, ["jsonld", "360giving"], stem="g")
    assert sorted(files) == ["g.360giving.csv", "g.360giving.json", "g.jsonld"]
    assert files["g.jsonld"] == export(twodocs, "jsonld")[".jsonld"]


def test_pipeline_output_validates_and_round_trips(root):
    """Smoke test on a graph the real pipeline builds from the small fixture documents."""
    pipeline = pytest.importorskip("graph.pipeline")
    from graph.validate import validate

    docs = root / "tests" / "fixtures" / "docs"
    paths = sorted(p for p in docs.iterdir() if p.suffix in (".txt", ".md", ".html"))
    if not paths:
        pytest.skip("no fixture documents")
    g = pipeline.build(paths).graph
    report = validate(g)
    assert report.conforms, report.text()
    expected = set(sorted_ntriples(g))
    for fmt in ("jsonld", "trig", "nquads"):
        suffix, oxfmt = RDF_FORMATS[fmt]
        assert _triples(export(g, fmt)[suffix], oxfmt) == expected
    view = read_view(g)
    assert len(_rows(export(g, "csv")["-nodes.csv"])) == len(view.nodes) > 0


def test_cli_format_list_matches_library():
    from graph.cli.export import FORMAT_NAMES

    assert tuple(FORMAT_NAMES) == FORMATS
