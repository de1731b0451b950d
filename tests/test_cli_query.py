"""CLI tests (in-process, CliRunner) of sparql, partners, path, brokers, communities,
funders, reach and show."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import queryfixture
from click.testing import CliRunner
from handbuilt import (
    TRUST_IRI as TRUST,
)

from graph.cli import main
from graph.store import to_turtle

COMMANDS = ["sparql", "serve", "partners", "path", "brokers", "communities", "funders", "reach", "show"]


@pytest.fixture(scope="module")
def gpath(tmp_path_factory) -> str:
    p = tmp_path_factory.mktemp("cliq") / "graph.ttl"
    p.write_text(to_turtle(queryfixture.rdf_graph()), encoding="utf-8")
    return str(p)


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert "Traceback" not in (result.output or ""), result.output
    return result


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(command):
    r = run(command, "--help")
    assert r.exit_code == 0
    assert "Example" in r.output and f"civicgraph {command}" in r.output


# ---- sparql -----------------------------------------------------------------------


def test_sparql_table(gpath):
    r = run("sparql", "SELECT ?l WHERE { ?o a cg:LocalAuthority ; rdfs:label ?l } ORDER BY ?l",
            "--graph", gpath)
    assert r.exit_code == 0
    assert r.output.splitlines() == ["l", "---------------------", "Harbour City Council",
                                     "Hill District Council", "(2 rows)"]


def test_sparql_saved_query_with_param_csv(gpath):
    r = run("sparql", "funders-of", "--param", "programme=Skills Bridge", "--graph", gpath,
            "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [(x["funderLabel"], x["amount"], x["amountText"]) for x in rows] == [
        ("Northfield Trust", "250000", "£250,000")]


def test_sparql_json_is_standard(gpath):
    r = run("sparql", "most-partners", "--graph", gpath, "--format", "json")
    data = json.loads(r.output)
    assert data["head"]["vars"] == ["label", "partners", "documents", "organisation"]
    assert len(data["results"]["bindings"]) == 2


def test_sparql_file_and_stdin(gpath, tmp_path: Path):
    q = tmp_path / "q.rq"
    q.write_text("ASK { organisation:northfield-trust a cg:Funder }", encoding="utf-8")
    assert run("sparql", str(q), "--graph", gpath).output == "yes\n"
    r = run("sparql", "-", "--graph", gpath, "--format", "tsv",
            input="SELECT ?f WHERE { ?f a cg:Funder }")
    assert r.output.splitlines() == ["?f", f"<{TRUST}>"]


def test_sparql_construct_prints_turtle(gpath):
    r = run("sparql", "CONSTRUCT { ?f cg:funds ?p } WHERE { ?f cg:funds ?p }", "--graph", gpath)
    assert r.exit_code == 0
    assert "@prefix cg:" in r.output
    assert "organisation:northfield-trust cg:funds programme:hill-arts-festival" in r.output


def test_sparql_list(gpath):
    r = run("sparql", "--list")
    assert r.exit_code == 0
    names = [line.split()[0] for line in r.output.splitlines()[2:-1]]
    assert len(names) >= 10 and "funders-of" in names and "evidence-for" in names
    listed = json.loads(run("sparql", "--list", "--format", "json").output)
    assert {q["name"] for q in listed} == set(names)


def test_sparql_syntax_error(gpath):
    r = run("sparql", "SELECT ?x WHERE {\n  ?x ?y }", "--graph", gpath)
    assert r.exit_code == 1
    assert r.output.startswith("error: SPARQL syntax error at line 2, column")
    assert len(r.output.strip().splitlines()) == 1


def test_sparql_update_refused(gpath):
    r = run("sparql", "DELETE WHERE { ?s ?p ?o }", "--graph", gpath)
    assert r.exit_code == 1 and "read-only" in r.output


def test_sparql_unknown_saved_query_and_entity(gpath):
    r = run("sparql", "funders-off", "--graph", gpath)
    assert r.exit_code == 1 and "did you mean: funders-of" in r.output
    r = run("sparql", "funders-of", "--param", "programme=Skils Bridge", "--graph", gpath)
    assert r.exit_code == 1 and "did you mean: Skills Bridge" in r.output
    r = run("sparql", "partners-of", "--param", "organisation=HCC", "--graph", gpath)
    assert r.exit_code == 1 and "is ambiguous" in r.output


def test_sparql_usage_errors(gpath):
    assert run("sparql", "--graph", gpath).exit_code == 2
    assert run("sparql", "SELECT * {}", "--param", "a=b", "--graph", gpath).exit_code == 2
    assert run("sparql", "funders-of", "--param", "novalue", "--graph", gpath).exit_code == 2


def test_missing_graph_file(tmp_path):
    r = run("sparql", "funders", "--graph", str(tmp_path / "nope.ttl"))
    assert r.exit_code == 1 and "no such graph file" in r.output
    r = run("show", "x", "--graph", str(tmp_path / "nope.ttl"))
    assert r.exit_code == 1 and "no such graph file" in r.output


# ---- networkx commands ------------------------------------------------------------


def test_partners(gpath):
    r = run("partners", "Riverside College", "--graph", gpath)
    assert r.exit_code == 0
    assert r.output.splitlines()[0] == "Riverside College: 3 connected entities within 1 hop"
    assert "Harbour City Council is a partner of Riverside College" in r.output or \
        "Riverside College is a partner of Harbour City Council" in r.output
    assert "“Harbour City Council delivers Skills Bridge in partnership with Riverside College.”" in r.output


def test_partners_depth_via_json(gpath):
    r = run("partners", "Harbour City Council", "--depth", "2", "--via", "partnerOf,delivers",
            "--graph", gpath, "--format", "json")
    data = json.loads(r.output)
    assert [(p["label"], p["depth"]) for p in data["partners"]] == [
        ("Riverside College", 1), ("Skills Bridge", 1)]


def test_partners_unknown_and_ambiguous(gpath):
    r = run("partners", "Riverside Colege", "--graph", gpath)
    assert r.exit_code == 1
    assert r.output == "error: 'Riverside Colege' matches no entity; did you mean: Riverside College?\n"
    r = run("partners", "HCC", "--graph", gpath)
    assert r.exit_code == 1 and "'HCC' is ambiguous; did you mean: Harbour City Council" in r.output
    r = run("partners", "NFT", "--via", "gives", "--graph", gpath)
    assert r.exit_code == 1 and "unknown relation 'gives'" in r.output


def test_path_in_words(gpath):
    r = run("path", "Hill District Council", "Riverside College", "--graph", gpath)
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0] == "Hill District Council -> Riverside College: 4 hops"
    assert lines[1] == "  1. Hill District Council delivers Hill Arts Festival [cg:delivers]"
    assert "Northfield Trust funds Hill Arts Festival (£1.2 million) [cg:funds]" in r.output
    assert "“The Northfield Trust gave £1.2 million" in r.output


def test_path_none_is_a_clean_answer(gpath):
    r = run("path", "Lonely Museum", "NFT", "--graph", gpath)
    assert r.exit_code == 0
    assert r.output == "No connection between Lonely Museum and Northfield Trust within 4 hops.\n"
    r = run("path", "Hill District Council", "Riverside College", "--max-len", "3", "--graph", gpath,
            "--format", "json")
    assert r.exit_code == 0 and json.loads(r.output)["paths"] == []


def test_path_all(gpath):
    r = run("path", "Harbour City Council", "Harbour City", "--all", "--max-len", "3",
            "--graph", gpath, "--format", "json")
    paths = json.loads(r.output)["paths"]
    assert len(paths) >= 3 and len(paths[0]) == 2
    r = run("path", "Harbour City Council", "Harbour City", "--all", "--max-len", "3", "--graph", gpath)
    assert r.output.startswith("Connection 1: Harbour City Council -> Harbour City: 2 hops")


def test_path_errors(gpath):
    assert run("path", "NFT", "Northfield Trust", "--graph", gpath).exit_code == 1
    r = run("path", "Nowhere", "NFT", "--graph", gpath)
    assert r.exit_code == 1 and r.output.startswith("error: 'Nowhere' matches no entity")
    assert run("path", "NFT", "Skills Bridge", "--max-len", "0", "--graph", gpath).exit_code == 2


def test_brokers(gpath):
    r = run("brokers", "--graph", gpath, "--top", "2")
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0].split() == ["rank", "organisation", "subtype", "betweenness", "links"]
    assert lines[2].startswith("1     Northfield Trust")
    assert len(lines) == 4
    data = json.loads(run("brokers", "--graph", gpath, "--format", "json").output)
    assert data[0]["node"] == TRUST


def test_communities(gpath):
    r = run("communities", "--graph", gpath)
    assert r.exit_code == 0
    assert r.output.startswith("Community 1: ")
    data = json.loads(run("communities", "--graph", gpath, "--format", "json").output)
    members = [{m["label"] for m in c["organisations"]} for c in data]
    assert any({"Hill District Council", "Hill Community Centre"} <= m for m in members)
    r = run("communities", "--graph", gpath, "--min-size", "50")
    assert r.output == "No community of 50 or more organisations.\n"


def test_funders(gpath):
    r = run("funders", "--graph", gpath)
    assert r.output.splitlines() == [
        "Northfield Trust funds 2 (stated total 1450000 GBP)",
        "  - Hill Arts Festival (Programme): £1.2 million",
        "  - Skills Bridge (Programme): £250,000",
    ]
    data = json.loads(run("funders", "--graph", gpath, "--format", "json").output)
    assert data[0]["total"] == {"GBP": "1450000"}


def test_reach(gpath):
    r = run("reach", "Northfield Trust", "--graph", gpath)
    assert r.exit_code == 0
    assert r.output.splitlines()[0] == "Northfield Trust reaches 7 entities; stated funding 1450000 GBP"
    assert "-> Skills Bridge is delivered by Harbour City Council (Organisation)" in r.output
    assert "-> Hill Arts Festival has as participant Hill Community Centre (Organisation)" in r.output
    r = run("reach", "Riverside College", "--graph", gpath)
    assert r.exit_code == 1 and "funds nothing" in r.output


def test_show(gpath):
    r = run("show", "nft", "--graph", gpath)
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0] == "Northfield Trust  (Organisation/Charity, funder)"
    assert "  also called: NFT" in lines
    assert "  mentioned in: handbuilt-report.txt" in lines
    assert "  relations: 2" in lines
    c = json.loads(run("show", "Skills Bridge", "--graph", gpath, "--format", "json").output)
    assert c["type"] == "Programme" and len(c["relations"]) == 4
    assert all(rel["evidence"] for rel in c["relations"])


def test_show_ambiguous_then_resolved(gpath):
    r = run("show", "HCC", "--graph", gpath)
    assert r.exit_code == 1
    suggestion = r.output.split("did you mean: ")[1].split(", ")[1].rstrip("?\n")
    assert suggestion == "Hill Community Centre [organisation/hill-community-centre]"
    r = run("show", suggestion, "--graph", gpath)
    assert r.exit_code == 0 and r.output.startswith("Hill Community Centre")


def test_smoke_on_a_built_graph(tmp_path):
    pipeline = pytest.importorskip("graph.pipeline")
    doc = tmp_path / "report.txt"
    doc.write_text(
        "The Harbour Skills Fund is funded by the Northfield Trust with £250,000. "
        "Harbour City Council delivers the Harbour Skills Fund in partnership with Riverside College.\n",
        encoding="utf-8",
    )
    result = pipeline.build([doc])
    out = tmp_path / "out"
    pipeline.write_outputs(pipeline.render_outputs(result), out)
    r = run("sparql", "graph-summary", "--graph", str(out), "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["head"]["vars"] == ["type", "subtype", "entities", "documents"]
    for args in (["funders"], ["brokers"], ["communities"]):
        r = run(*args, "--graph", str(out), "--format", "json")
        assert r.exit_code == 0, r.output
        assert isinstance(json.loads(r.output), list)


def test_readme_documents_every_query_command_and_saved_query(root):
    from graph.sparql import saved_queries

    text = (root / "README.md").read_text(encoding="utf-8")
    section = text.split("<!-- section:query -->")[1].split("<!-- /section:query -->")[0]
    for command in COMMANDS:
        assert f"$ civicgraph {command}" in section or f"uv run civicgraph {command}" in section, command
    for name in saved_queries():
        assert name in section, name
