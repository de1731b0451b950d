"""The SPARQL endpoint: the real ``civicgraph serve`` process queried with SPARQLWrapper."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import handbuilt
import pytest
from handbuilt import (
    TRUST_IRI as TRUST,
)
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper

from graph.server import SparqlServer, choose_type, free_port
from graph.store import to_turtle

PREFIX = "PREFIX cg: <https://w3id.org/civicgraph/ontology#>\n" \
         "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
FUNDED = PREFIX + "SELECT ?label WHERE { ?f cg:funds ?p . ?p rdfs:label ?label } ORDER BY ?label"


def _start(graph: Path, *options: str) -> tuple[subprocess.Popen[bytes], str, Path]:
    port = free_port()
    log = graph.parent / f"serve-{port}.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--graph", str(graph), "--port", str(port), *options],
        stdout=subprocess.DEVNULL, stderr=log.open("wb"),
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text()}")
        if "SPARQL endpoint:" in log.read_text():
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return proc, f"http://127.0.0.1:{port}", log
            except OSError:
                pass
        time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"server not ready after 30 s: {log.read_text()}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    graph = folder / "graph.ttl"
    graph.write_text(to_turtle(handbuilt.rdf_graph()), encoding="utf-8")
    proc, url, log = _start(graph, "--limit", "5")
    try:
        yield url, log
    finally:
        _stop(proc)


def _client(url: str, query: str, fmt: str, post: bool = False) -> SPARQLWrapper:
    s = SPARQLWrapper(url + "/query")
    s.setQuery(query)
    s.setReturnFormat(fmt)
    if post:
        s.setMethod(POST)
    return s


@pytest.mark.parametrize("post", [False, True])
def test_select_json(server, post):
    url, _ = server
    data = _client(url, FUNDED, JSON, post).query().convert()
    assert data["head"]["vars"] == ["label"]
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == [
        "Hill Arts Festival", "Skills Bridge"]


def test_select_csv_tsv_xml(server):
    url, _ = server
    raw = _client(url, FUNDED, CSV).query().convert()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert rows == [["label"], ["Hill Arts Festival"], ["Skills Bridge"]]
    tsv = _client(url, FUNDED, TSV).query().convert().decode("utf-8").splitlines()
    assert tsv == ["?label", '"Hill Arts Festival"', '"Skills Bridge"']
    doc = _client(url, FUNDED, XML, post=True).query().convert()
    ns = "http://www.w3.org/2005/sparql-results#"
    labels = [e.firstChild.data for e in doc.getElementsByTagNameNS(ns, "literal")]
    assert labels == ["Hill Arts Festival", "Skills Bridge"]


def test_ask(server):
    url, _ = server
    q = PREFIX + f"ASK {{ <{TRUST}> a cg:Funder }}"
    assert _client(url, q, JSON).query().convert()["boolean"] is True


def test_construct_as_turtle(server):
    url, _ = server
    q = PREFIX + "CONSTRUCT { ?f cg:funds ?p } WHERE { ?f cg:funds ?p }"
    raw = _client(url, q, TURTLE).query().convert()  # SPARQLWrapper hands Turtle back as bytes
    g = Graph().parse(data=raw.decode("utf-8"), format="turtle")
    assert len(g) == 2
    assert {str(s) for s in g.subjects()} == {TRUST}


def test_result_cap(server):
    url, log = server
    req = urllib.request.Request(
        url + "/query?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}),
        headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.headers["X-Civicgraph-Truncated"] == "5"
        assert len(json.loads(resp.read())["results"]["bindings"]) == 5
    q = "CONSTRUCT WHERE { ?s ?p ?o }"
    req = urllib.request.Request(url + "/query", data=urllib.parse.urlencode({"query": q}).encode(),
                                 headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.headers["X-Civicgraph-Truncated"] == "5"
        assert resp.read().decode().count(" .\n") == 5


@pytest.mark.parametrize("how", ["wrapper", "form", "body", "get-query"])
def test_updates_are_refused(server, how):
    url, _ = server
    update = f"INSERT DATA {{ <{TRUST}> <http://www.w3.org/2000/01/rdf-schema#label> \"Hacked\" }}"
    if how == "wrapper":
        s = SPARQLWrapper(url + "/query", updateEndpoint=url + "/update")
        s.setMethod(POST)
        s.setQuery(update)
        with pytest.raises(Exception) as err:  # SPARQLWrapper raises urllib's HTTPError for 403
            s.query()
        assert "403" in str(err.value)
    else:
        if how == "form":
            req = urllib.request.Request(url + "/update", data=urllib.parse.urlencode(
                {"update": update}).encode())
        elif how == "body":
            req = urllib.request.Request(url + "/update", data=update.encode(),
                                         headers={"Content-Type": "application/sparql-update"})
        else:
            req = urllib.request.Request(url + "/query?" + urllib.parse.urlencode({"query": update}))
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=30)
        assert err.value.code == 403
        assert "read-only" in err.value.read().decode()
    labels = _client(url, PREFIX + f"SELECT ?l WHERE {{ <{TRUST}> rdfs:label ?l }}", JSON).query().convert()
    assert [b["l"]["value"] for b in labels["results"]["bindings"]] == ["Northfield Trust"]


def test_bad_query_is_400_with_position(server):
    url, _ = server
    req = urllib.request.Request(url + "/query?" + urllib.parse.urlencode({"query": "SELECT ?x {"}))
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=30)
    assert err.value.code == 400
    assert "1:" in err.value.read().decode()


def test_query_page_is_served_locally(server):
    url, _ = server
    with urllib.request.urlopen(url + "/", timeout=30) as resp:
        page = resp.read().decode()
    assert "yasgui" in page.lower()
    with urllib.request.urlopen(url + "/yasgui.min.js", timeout=30) as resp:
        assert resp.headers["Content-Type"].startswith("application/javascript")
        assert len(resp.read()) > 100_000


def test_each_request_is_logged(server):
    url, log = server
    _client(url, FUNDED, JSON).query()
    time.sleep(0.2)
    lines = log.read_text().splitlines()
    assert any("GET /query select 200 2 results" in line for line in lines)
    assert lines[0].startswith("oxigraph ") and "read-only" in lines[0]


def test_time_limit(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(to_turtle(handbuilt.rdf_graph()), encoding="utf-8")
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with SparqlServer(graph, port=0, timeout=1) as srv:
        req = urllib.request.Request(srv.url + "/query?" + urllib.parse.urlencode({"query": slow}))
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=60)
        assert err.value.code == 503
        assert "timed out after 1 s" in err.value.read().decode()
        assert time.monotonic() - started < 15


def test_missing_graph_fails_cleanly(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "graph", "serve", "--graph", str(tmp_path / "none.ttl"), "--port", "0"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and "no such graph file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_busy_port_fails_cleanly(tmp_path):
    graph = tmp_path / "graph.ttl"
    graph.write_text(to_turtle(handbuilt.rdf_graph()), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        srv = SparqlServer(graph, port=port)
        with pytest.raises(Exception, match=f"cannot listen on 127.0.0.1:{port}"):
            srv.start()


@pytest.mark.parametrize("accept, expected", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv", "text/csv"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
    ("application/sparql-results+xml, application/sparql-results+json;q=0.8",
     "application/sparql-results+xml"),
    ("image/png", None),
])
def test_content_negotiation(accept, expected):
    from graph.server import RESULT_TYPES

    assert choose_type(accept, RESULT_TYPES, "application/sparql-results+json") == expected


def test_query_page_runs_a_query_in_a_browser(tmp_path):
    """The YASGUI page served by Oxigraph sends its query through the front and shows the table."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("no /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    graph = tmp_path / "graph.ttl"
    graph.write_text(to_turtle(handbuilt.rdf_graph()), encoding="utf-8")
    log: list[str] = []
    with SparqlServer(graph, port=0, log=log.append) as srv, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(srv.url + "/")
            page.wait_for_selector(".yasqe .CodeMirror", timeout=20000)
            page.evaluate(
                "() => document.querySelector('.yasqe .CodeMirror').CodeMirror.setValue("
                "'SELECT ?label WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label }')"
            )
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table tbody tr", timeout=20000)
            assert "Riverside College" in page.inner_text(".yasr")
        finally:
            browser.close()
    assert any("/yasgui.min.js page 200" in line for line in log)
    assert any(" /sparql select 200 8 results" in line for line in log)
