"""Partnership maps without a browser: selection, layout, the HTML, the CLI.

Browser behaviour (drawn counts, search, filters, escaping at run time) is in
test_maps_browser.py.
"""

from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser

import handbuilt
import mapfixtures
import networkx as nx
import pytest
from click.testing import CliRunner
from handbuilt import (
    COAST_IRI as COAST,
    COLLEGE_IRI as COLLEGE,
    FESTIVAL_IRI as FESTIVAL,
    HARBOUR_IRI as HARBOUR,
    HCC_IRI as HCC,
    HILL_IRI as HILL,
    SKILLS_IRI as SKILLS,
    TRUST_IRI as TRUST,
)
from hypothesis import given, settings, strategies as st

from graph.cli import main
from graph.errors import EntityNotFound
from graph.netx import to_networkx
from graph.render import MapError, filter_graph, render_map, render_view, select_map, style
from graph.render.layout import layout
from graph.store import to_turtle


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return to_networkx(handbuilt.rdf_graph())


def page_data(html: str) -> tuple[list[dict], list[dict], dict]:
    """The nodes, edges and page data embedded in a map."""

    def grab(prefix: str) -> object:
        start = html.index(prefix) + len(prefix)
        end = html.index(";\n", start)
        return json.loads(html[start:end].removesuffix(")"))

    return grab("var nodes = new vis.DataSet("), grab("var edges = new vis.DataSet("), grab("var CG = ")


class TagCounter(HTMLParser):
    """Counts start tags and records event-handler attributes, as a browser parses."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.handlers: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.handlers += [(tag, k) for k, _ in attrs if k.startswith("on")]


# ---- selection -------------------------------------------------------------


def test_whole_network_keeps_everything(G):
    view = select_map(G)
    assert view.mode == "network"
    assert set(view.graph) == set(G) and view.graph.number_of_edges() == 9
    assert view.left_out_nodes == 0 and view.notes == ()


def test_ego_map_depth_one_and_two(G):
    one = select_map(G, focus="HCC")
    assert set(one.graph) == {HCC, COLLEGE, SKILLS}
    assert one.highlight_nodes == {HCC} and one.mode == "ego"
    two = select_map(G, focus="Harbour City Council", depth=2)
    assert set(two.graph) == {HCC, COLLEGE, SKILLS, TRUST, HARBOUR}
    assert "depth 2" in two.notes[0]


def test_path_map_highlights_a_real_shortest_path_in_context(G):
    view = select_map(G, path=("NFT", "Riverside College"))
    assert view.highlight_nodes == {TRUST, SKILLS, COLLEGE}
    assert {(u, v) for u, v, _ in view.highlight_edges} == {(TRUST, SKILLS), (COLLEGE, SKILLS)}
    # context: every neighbour of a path entity is drawn too
    assert {HCC, FESTIVAL, HARBOUR} <= set(view.graph)
    assert HILL not in view.graph and COAST not in view.graph
    assert view.notes[0].startswith("path (2 steps): Northfield Trust")


def test_type_filters_match_types_subtypes_and_funders(G):
    assert set(select_map(G, types=["Place"]).graph) == {HARBOUR, COAST}
    assert set(select_map(G, types=["localauthority"]).graph) == {HCC, HILL}
    assert set(select_map(G, types=["Funder"]).graph) == {TRUST}
    both = select_map(G, types=["Programme", "Town"])
    assert set(both.graph) == {SKILLS, FESTIVAL, HARBOUR}
    assert [p for _, _, p in both.graph.edges(data="predicate")] == ["operatesIn"]


def test_predicate_filter_keeps_only_those_relations(G):
    H, notes = filter_graph(G, predicates=["funds"])
    assert set(H) == {TRUST, SKILLS, FESTIVAL}
    assert {p for _, _, p in H.edges(data="predicate")} == {"funds"}
    assert notes == ["relations: funds"]


def test_place_filter_includes_parts_of_the_place(G):
    # North Coast has part Harbour City; the college is located and the programme
    # operates there
    assert set(select_map(G, place="North Coast").graph) == {COAST, HARBOUR, COLLEGE, SKILLS}
    assert set(select_map(G, place="Harbour City").graph) == {HARBOUR, COLLEGE, SKILLS}


def test_filters_apply_before_the_ego_map(G):
    view = select_map(G, focus="Northfield Trust", depth=3, predicates=["funds", "delivers"])
    assert set(view.graph) == {TRUST, SKILLS, FESTIVAL, HCC, HILL}


def test_cap_keeps_the_best_connected_and_the_focus(G):
    view = select_map(G, max_nodes=3)
    assert view.graph.number_of_nodes() == 3
    assert SKILLS in view.graph  # degree 4, the hub
    assert view.left_out_nodes == 5 and view.selected_edges == 9
    assert "5 entities" in view.notes[-1] and "left out" in view.notes[-1]
    focused = select_map(G, focus="North Coast", depth=3, max_nodes=2)
    assert COAST in focused.graph and len(focused.graph) == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"types": ["Council"]}, "unknown type 'Council'"),
        ({"predicates": ["fundedBy"]}, "unknown predicate 'fundedBy'"),
        ({"focus": "HCC", "path": ("HCC", "NFT")}, "either a focus"),
        ({"focus": "HCC", "depth": 0}, "depth must be at least 1"),
        ({"path": ("HCC", "Hill District Council"), "types": ["Organisation"]}, "no path"),
        ({"focus": "HCC", "types": ["Place"]}, "not in the filtered map"),
        ({"types": ["Funder"], "predicates": ["partOf"]}, "nothing to draw"),
    ],
)
def test_impossible_maps_raise_one_line_errors(G, kwargs, message):
    with pytest.raises(MapError, match=message) as info:
        select_map(G, **kwargs)
    assert "\n" not in str(info.value)


def test_unknown_entity_raises_entity_not_found(G):
    with pytest.raises(EntityNotFound):
        select_map(G, focus="Nowhere Borough Council")
    with pytest.raises(EntityNotFound):
        select_map(G, place="Skills Bridge")  # not a place


# ---- the page --------------------------------------------------------------


def test_page_has_every_node_and_edge_with_styles(G):
    html = render_map(G, title="Hand-built")
    nodes, edges, data = page_data(html)
    assert len(nodes) == 8 and len(edges) == 9
    by_label = {n["label"]: n for n in nodes}
    trust = by_label["Northfield Trust"]
    assert trust["funder"] and trust["shape"] == "diamond" and trust["borderWidth"] == 4
    assert trust["aliases"] == ["NFT"]
    assert trust["docs"] == ["A hand-built report (handbuilt-report.txt)"]
    assert by_label["Skills Bridge"]["shape"] == "square"
    assert by_label["North Coast"]["shape"] == "triangle"
    # size grows with degree
    assert by_label["Skills Bridge"]["size"] > by_label["Hill District Council"]["size"]
    # colour by subtype
    assert by_label["Harbour City Council"]["color"]["background"] == by_label[
        "Hill District Council"]["color"]["background"]
    assert by_label["Harbour City Council"]["color"]["background"] != trust["color"]["background"]
    preds = {e["pred"]: e for e in edges}
    assert preds["partnerOf"]["arrows"]["to"]["enabled"] is False
    assert preds["funds"]["arrows"]["to"]["enabled"] is True
    assert preds["partOf"]["dashes"] is True and preds["funds"]["label"] == "funds"
    funds = [e for e in edges if e["pred"] == "funds" and e.get("amount") == "£250,000"]
    assert funds and funds[0]["ev"][0]["s"].startswith("Skills Bridge is funded by")
    assert funds[0]["ev"][0]["d"] == "A hand-built report (handbuilt-report.txt)"
    assert data["summary"] == (
        "8 entities (4 organisations, 2 programmes, 2 places; 1 funder) · 9 relations · 1 document"
    )
    assert data["physics"] is True


def test_page_is_self_contained(G):
    html = render_map(G, title="Hand-built")
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import", html)
    for word in ("bootstrap", "cdn.jsdelivr", "cdnjs", "tom-select", "TomSelect"):
        assert word not in html
    tags = TagCounter()
    tags.feed(html)
    assert tags.tags.get("script") == 2 and "link" not in tags.tags and "iframe" not in tags.tags


def test_document_text_is_escaped_everywhere():
    G = to_networkx(mapfixtures.evil_rdf_graph())
    title = "Map of " + mapfixtures.SCRIPT + mapfixtures.IMG
    html = render_map(G, title=title)
    for payload in mapfixtures.PAYLOADS:
        assert payload not in html
    assert "</script><script>" not in html
    tags = TagCounter()
    tags.feed(html)
    # only the two scripts of the template; no injected elements or handlers
    assert tags.tags.get("script") == 2
    assert not {"img", "svg"} & set(tags.tags) and tags.handlers == []
    nodes, edges, data = page_data(html)
    assert {n["label"] for n in nodes} == {
        e.label for e in (mapfixtures.TRUST, mapfixtures.PROGRAMME, mapfixtures.SONS, mapfixtures.TOWN)
    }
    assert all("title" not in n for n in nodes) and all("title" not in e for e in edges)
    assert "&lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;" in html  # the <h1> and <title>


def test_path_page_marks_the_path(G):
    view = select_map(G, path=("NFT", "Riverside College"))
    nodes, edges, data = page_data(render_view(view, title="Path"))
    marked = {n["label"] for n in nodes if n["borderWidth"] == 5}
    assert marked == {"Northfield Trust", "Skills Bridge", "Riverside College"}
    assert all("opacity" in n for n in nodes if n["label"] not in marked)
    thick = [e for e in edges if e["color"]["color"] == style.HIGHLIGHT]
    assert len(thick) == 2 and data["mode"] == "path" and len(data["focus"]) == 3


def test_large_map_is_laid_out_in_python_with_physics_off():
    S = mapfixtures.synthetic_graph(1200, seed=3)
    html = render_map(S, title="Synthetic")
    nodes, edges, data = page_data(html)
    assert len(nodes) == 1200 and len(edges) == S.number_of_edges()
    assert data["physics"] is False and '"enabled": false' in html
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in nodes)
    assert "label" not in edges[0]  # too many edges to label; the legend explains colours


def test_pages_are_deterministic_text_files(G):
    S = mapfixtures.synthetic_graph(400, seed=8)  # laid out in Python
    for graph in (G, S):
        one, two = render_map(graph, title="T"), render_map(graph.copy(), title="T")
        assert one == two and one.endswith("</html>\n")


def test_capped_page_says_what_was_left_out():
    S = mapfixtures.synthetic_graph(300, seed=4)
    nodes, _, data = page_data(render_map(S, title="Synthetic", max_nodes=100))
    assert len(nodes) == 100
    assert "showing the 100 best-connected of 300 entities" in data["notes"][-1]


def test_map_of_a_document_built_by_the_pipeline(root):
    from graph.pipeline import build

    result = build([root / "tests" / "fixtures" / "docs" / "culture-compact.md"])
    G = to_networkx(result.graph)
    assert G.number_of_nodes() > 0
    nodes, edges, data = page_data(render_map(G, title="Culture compact"))
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert {n["label"] for n in nodes} == {a["label"] for _, a in G.nodes(data=True)}


# ---- layout ----------------------------------------------------------------


def test_layout_is_deterministic_and_separates_components():
    S = mapfixtures.synthetic_graph(2000, seed=5)
    S.add_nodes_from(["lonely-1", "lonely-2"])
    one, two = layout(S), layout(S)
    assert one == two and set(one) == set(S)
    comps = sorted(nx.weakly_connected_components(S), key=len, reverse=True)
    boxes = []
    for comp in comps[:20]:
        xs = [one[n][0] for n in comp]
        ys = [one[n][1] for n in comp]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
    # the giant component is spread out, not collapsed to a point
    xs = [one[n][0] for n in comps[0]]
    assert max(xs) - min(xs) > 500


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 40), st.floats(0.0, 0.3), st.integers(0, 10_000))
def test_layout_gives_every_node_a_finite_position(n, p, seed):
    g = nx.gnp_random_graph(n, p, seed=seed, directed=True)
    pos = layout(g, seed=seed)
    assert set(pos) == set(g)
    assert all(math.isfinite(c) for xy in pos.values() for c in xy)


# ---- command line ----------------------------------------------------------


@pytest.fixture()
def graph_file(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(handbuilt.rdf_graph()), encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(main, ["map", *args], catch_exceptions=False)


def test_cli_whole_network_written_beside_the_graph(graph_file):
    result = run("--graph", str(graph_file))
    assert result.exit_code == 0, result.output
    out = graph_file.parent / "map.html"
    assert result.output.startswith(f"wrote {out} (8 entities, 9 relations")
    nodes, edges, _ = page_data(out.read_text(encoding="utf-8"))
    assert len(nodes) == 8 and len(edges) == 9


def test_cli_modes_and_filters(graph_file, tmp_path):
    folder = graph_file.parent
    assert run("--graph", str(graph_file), "--focus", "HCC", "--depth", "2").exit_code == 0
    assert len(page_data((folder / "map-hcc.html").read_text())[0]) == 5
    assert run("--graph", str(graph_file), "--path", "NFT", "Riverside College").exit_code == 0
    assert (folder / "map-nft-to-riverside-college.html").exists()
    out = tmp_path / "places.html"
    result = run("--graph", str(graph_file), "--types", "Organisation,Programme", "--types",
                 "Town", "--predicates", "locatedIn,operatesIn", "--out", str(out))
    assert result.exit_code == 0, result.output
    labels = {n["label"] for n in page_data(out.read_text())[0]}
    assert labels == {"Riverside College", "Skills Bridge", "Harbour City"}
    result = run("--graph", str(graph_file), "--place", "North Coast", "--title", "Coast")
    assert "(4 entities, 4 relations" in result.output
    assert "<title>Coast</title>" in (folder / "map-filtered.html").read_text()


def test_cli_cap_is_reported_on_stderr(graph_file, tmp_path):
    result = run("--graph", str(graph_file), "--max-nodes", "3", "--out", str(tmp_path / "m.html"))
    assert result.exit_code == 0
    assert "showing the 3 best-connected of 8 entities" in result.stderr
    assert "(3 entities" in result.stdout


def test_cli_errors_exit_1_with_one_line(graph_file, tmp_path):
    bad = run("--graph", str(graph_file), "--focus", "Nowhere")
    assert bad.exit_code == 1 and bad.stderr.startswith("error: 'Nowhere' matches no entity")
    bad = run("--graph", str(graph_file), "--types", "Councils")
    assert bad.exit_code == 1 and "unknown type 'Councils'" in bad.stderr
    bad = run("--graph", str(tmp_path / "missing.ttl"))
    assert bad.exit_code == 1 and bad.stderr.startswith("error:")
    assert run("--graph", str(graph_file), "--depth", "0").exit_code == 2
    assert not list(tmp_path.glob("*.html"))


def test_cli_help_has_examples():
    result = run("--help")
    assert result.exit_code == 0
    assert "civicgraph map --focus" in result.output and "--path A B" in result.output


def test_readme_documents_every_map_option(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section:maps -->")[1].split("<!-- /section:maps -->")[0]
    from graph.cli.maps import map_cmd

    for param in map_cmd.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in section, f"README maps section does not mention {opt}"
    assert "outputs/map.png" in section and "bench_maps.py" in section
