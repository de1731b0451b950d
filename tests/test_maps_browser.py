"""Partnership maps in a real browser: headless Debian Chromium through Playwright.

One browser for the whole module; each map is written to a temp folder and
opened from a file:// URL, the way a strategist opens it from disk.
"""

from __future__ import annotations

import handbuilt
import mapfixtures
import pytest
from browser import BrowserUnavailable, launch, open_map

from graph.netx import to_networkx
from graph.render import render_map

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def browser():
    try:
        with launch() as b:
            yield b
    except BrowserUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def maps(tmp_path_factory, root):
    """name -> (HTML file, networkx graph drawn)."""
    from graph.pipeline import build

    folder = tmp_path_factory.mktemp("maps")
    built = to_networkx(build([root / "tests" / "fixtures" / "docs" / "culture-compact.md"]).graph)
    G = to_networkx(handbuilt.rdf_graph())
    evil = to_networkx(mapfixtures.evil_rdf_graph())
    big = mapfixtures.synthetic_graph(1500, seed=11)
    isolated = G.copy()
    isolated.add_node("lonely-1", label="Lonely Trust", type="Organisation", subtype="Charity")
    isolated.add_node("lonely-2", label="Far Town", type="Place", subtype="Town")
    out = {}
    for name, graph, kwargs in (
        ("handbuilt", G, {}),
        ("built", built, {}),
        ("path", G, {"path": ("NFT", "Riverside College")}),
        ("evil", evil, {}),
        ("big", big, {}),
        ("capped", big, {"max_nodes": 400}),
        ("isolated", isolated, {}),
    ):
        title = mapfixtures.SCRIPT + mapfixtures.IMG if name == "evil" else f"Map {name}"
        path = folder / f"{name}.html"
        path.write_text(render_map(graph, title=title, **kwargs), encoding="utf-8")
        out[name] = (path, graph)
    return out


@pytest.fixture()
def opened(browser, maps, request):
    """Open the map named by the test's parameter; close the page afterwards."""
    path, graph = maps[request.param]
    page, log, seconds = open_map(browser, path)
    yield page, log, graph
    page.close()


def counts(page) -> dict:
    return page.evaluate("civicgraph.visibleCounts()")


@pytest.mark.parametrize("opened", ["handbuilt", "built", "path", "big"], indirect=True)
def test_map_draws_every_node_and_edge_with_no_errors_and_no_network(opened):
    page, log, graph = opened
    drawn = counts(page)
    if page.evaluate("CG.mode") == "path":
        assert drawn == {"nodes": 6, "edges": 7}
    else:
        assert drawn == {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    assert page.evaluate("civicgraph.nodes.length") == drawn["nodes"]
    assert log.errors == []
    assert log.external_requests() == []
    assert log.requests and all(u.startswith(("file:", "data:")) for u in log.requests)


@pytest.mark.parametrize("opened", ["capped"], indirect=True)
def test_capped_map_draws_the_cap_and_says_so(opened):
    page, log, _ = opened
    assert counts(page)["nodes"] == 400
    assert "best-connected of 1,500 entities" in page.inner_text("#cg-side")
    assert log.errors == []


@pytest.mark.parametrize("opened", ["handbuilt"], indirect=True)
def test_search_finds_a_node_by_alias(opened):
    page, _, _ = opened
    page.fill("#cg-search", "hcc")
    assert page.inner_text("#cg-search-status") == "1 match"
    assert "Harbour City Council" in page.inner_text("#cg-results")
    page.press("#cg-search", "Enter")
    selected = page.evaluate("civicgraph.network.getSelectedNodes()")
    assert page.evaluate(f"civicgraph.nodes.get({selected[0]}).label") == "Harbour City Council"
    card = page.inner_text("#cg-card")
    assert "Harbour City Council" in card and "HCC" in card and "handbuilt-report.txt" in card
    # substring of a name, case-insensitive
    page.fill("#cg-search", "council")
    assert page.inner_text("#cg-search-status") == "2 matches"
    page.fill("#cg-search", "no such thing")
    assert page.inner_text("#cg-search-status") == "0 matches"


@pytest.mark.parametrize("opened", ["handbuilt"], indirect=True)
def test_type_and_relation_filters_hide_what_they_should(opened):
    page, log, _ = opened
    assert counts(page) == {"nodes": 8, "edges": 9}
    page.uncheck('input[data-top="Place"]')
    # two places gone, and partOf, locatedIn, operatesIn with them
    assert counts(page) == {"nodes": 6, "edges": 6}
    page.uncheck('input[data-pred="funds"]')
    assert counts(page) == {"nodes": 6, "edges": 4}
    page.uncheck('input[data-kind="LocalAuthority"]')
    assert counts(page) == {"nodes": 4, "edges": 1}  # college participatesIn programme
    assert page.evaluate('document.querySelector(\'input[data-top="Organisation"]\').indeterminate')
    # a hidden entity is still found, and says why it is not drawn
    page.fill("#cg-search", "north coast")
    page.press("#cg-search", "Enter")
    assert "(hidden by a filter)" in page.inner_text("#cg-results")
    assert "North Coast" in page.inner_text("#cg-card")
    page.click("#cg-reset")
    assert counts(page) == {"nodes": 8, "edges": 9}
    assert log.errors == []
    assert page.locator("input[data-isolated]").count() == 0  # every entity has a relation


@pytest.mark.parametrize("opened", ["isolated"], indirect=True)
def test_entities_without_relations_can_be_hidden(opened):
    page, _, graph = opened
    assert counts(page) == {"nodes": 10, "edges": 9}
    page.uncheck("input[data-isolated]")
    assert counts(page) == {"nodes": 8, "edges": 9}
    page.check("input[data-isolated]")
    assert counts(page)["nodes"] == 10


@pytest.mark.parametrize("opened", ["handbuilt"], indirect=True)
def test_hover_cards_show_evidence(opened):
    page, _, _ = opened
    funds = page.evaluate(
        "civicgraph.edges.get({filter: e => e.amount === '£250,000'}).map(e => e.id)"
    )
    page.evaluate(f"civicgraph.showEdge({funds[0]})")
    card = page.inner_text("#cg-card")
    assert "Northfield Trust — funds → Skills Bridge" in card
    assert "Skills Bridge is funded by the Northfield Trust with £250,000." in card
    assert "A hand-built report (handbuilt-report.txt)" in card
    # a real hover over a drawn node shows its card
    box = page.evaluate(
        """() => { const n = civicgraph.nodes.get({filter: x => x.label === 'Skills Bridge'})[0];
                   const p = civicgraph.network.getPositions([n.id])[n.id];
                   return civicgraph.network.canvasToDOM(p); }"""
    )
    origin = page.locator("#mynetwork").bounding_box()
    page.mouse.move(origin["x"] + box["x"], origin["y"] + box["y"])
    page.wait_for_function("document.getElementById('cg-card').textContent.includes('Skills Bridge')")
    assert "Programme · Initiative" in page.inner_text("#cg-card")


@pytest.mark.parametrize("opened", ["evil"], indirect=True)
def test_hostile_names_never_execute(opened):
    page, log, _ = opened
    for i in range(4):
        page.evaluate(f"civicgraph.showNode({i})")
    for i in range(3):
        page.evaluate(f"civicgraph.showEdge({i})")
    page.fill("#cg-search", "<img")
    page.press("#cg-search", "Enter")
    page.fill("#cg-search", "evil-alias")
    page.press("#cg-search", "Enter")
    # hover every node on the canvas too (vis-network's own tooltip path)
    origin = page.locator("#mynetwork").bounding_box()
    for pos in page.evaluate(
        "Object.values(civicgraph.network.getPositions()).map(p => civicgraph.network.canvasToDOM(p))"
    ):
        page.mouse.move(origin["x"] + pos["x"], origin["y"] + pos["y"])
    assert log.dialogs == []
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate(
        "[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
        ".some(a => a.name.startsWith('on'))).length"
    ) == 0
    # the payloads are shown as text
    assert page.title() == mapfixtures.SCRIPT + mapfixtures.IMG
    assert mapfixtures.QUOTES in page.inner_text("#cg-results") or mapfixtures.QUOTES in page.evaluate(
        "civicgraph.nodes.map(n => n.label).join('|')"
    )
    assert "EVIL-ALIAS" in page.inner_text("#cg-results")
    assert log.errors == [] and log.external_requests() == []
