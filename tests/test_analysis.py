"""Unit tests of graph.netx, graph.lookup and graph.analysis on graphs with known answers."""

from __future__ import annotations

from decimal import Decimal

import handbuilt
import networkx as nx
import pytest
import queryfixture
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

from graph import analysis
from graph.errors import EntityNotFound, GraphLoadError, QueryError
from graph.lookup import find_entity
from graph.namespace import ID_IRI
from graph.netx import entity_nodes, to_networkx
from graph.store import load_graph, new_graph

CENTRE = ID_IRI + "organisation/hill-community-centre"
MUSEUM = ID_IRI + "organisation/lonely-museum"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return to_networkx(handbuilt.rdf_graph())


@pytest.fixture(scope="module")
def GX() -> nx.MultiDiGraph:
    return to_networkx(queryfixture.rdf_graph())


# ---- netx -------------------------------------------------------------------------


def test_nodes_carry_label_type_subtype_aliases_documents(G):
    assert G.number_of_nodes() == 8
    t = G.nodes[TRUST]
    assert (t["label"], t["type"], t["subtype"], t["funder"]) == (
        "Northfield Trust", "Organisation", "Charity", True)
    assert t["aliases"] == ["NFT"]
    assert t["documents"] == [ID_IRI + "document/handbuilt-report"]
    assert G.nodes[HCC]["funder"] is False
    assert G.nodes[COAST]["type"] == "Place" and G.nodes[COAST]["subtype"] == "Region"


def test_one_edge_per_relation_and_one_per_symmetric_pair(G):
    assert G.number_of_edges() == len(handbuilt.LINKS) == 9
    partner_edges = [(u, v) for u, v, k in G.edges(keys=True) if k == "partnerOf"]
    assert partner_edges == [(HCC, COLLEGE)]  # smaller IRI first, once
    assert G.edges[HCC, COLLEGE, "partnerOf"]["symmetric"] is True
    assert G.edges[TRUST, SKILLS, "funds"]["symmetric"] is False


def test_edges_carry_evidence_amounts_and_weight(G):
    e = G.edges[TRUST, FESTIVAL, "funds"]
    assert e["amount"] == Decimal("1200000")
    assert (e["currency"], e["amount_text"], e["weight"]) == ("GBP", "£1.2 million", 1)
    [ev] = e["evidence"]
    assert ev["sentence"].startswith("The Northfield Trust gave £1.2 million")
    assert ev["file_name"] == "handbuilt-report.txt"
    assert handbuilt.TEXT[ev["start"]:ev["end"]] == ev["sentence"]
    assert ev["rule"] == "test:funds"
    # partnerOf: both reified directions carry the same sentence, counted once
    assert G.edges[HCC, COLLEGE, "partnerOf"]["weight"] == 1


def test_documents_on_graph(G):
    doc = G.graph["documents"][ID_IRI + "document/handbuilt-report"]
    assert doc["file_name"] == "handbuilt-report.txt"
    assert doc["title"] == "A hand-built report"


def test_entity_nodes_by_type(G):
    assert entity_nodes(G, "Programme") == [FESTIVAL, SKILLS]


def test_graph_without_entities_is_an_error():
    with pytest.raises(GraphLoadError, match="no civicgraph entities"):
        to_networkx(new_graph())


def test_converts_a_loaded_file(handbuilt_ttl):
    G2 = to_networkx(load_graph(handbuilt_ttl))
    assert sorted(G2.edges(keys=True)) == sorted(to_networkx(handbuilt.rdf_graph()).edges(keys=True))


# ---- lookup -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Northfield Trust", "the northfield trust", "NORTHFIELD TRUST!",
                                  "NFT", "organisation/northfield-trust", TRUST,
                                  "Northfield Trust [organisation/northfield-trust]"])
def test_find_entity_by_label_alias_or_id(G, name):
    assert find_entity(G, name) == TRUST


def test_unknown_name_suggests_close_matches(G):
    with pytest.raises(EntityNotFound) as err:
        find_entity(G, "Riverside Colege")
    assert err.value.suggestions[0] == "Riverside College"
    assert not err.value.ambiguous
    assert "did you mean: Riverside College" in str(err.value)


def test_partial_name_suggests_names_containing_it(G):
    with pytest.raises(EntityNotFound) as err:
        find_entity(G, "Hill")
    assert set(err.value.suggestions[:2]) == {"Hill Arts Festival", "Hill District Council"}


def test_ambiguous_alias(GX):
    with pytest.raises(EntityNotFound) as err:
        find_entity(GX, "hcc")
    assert err.value.ambiguous
    assert err.value.suggestions == [
        "Harbour City Council [organisation/harbour-city-council]",
        "Hill Community Centre [organisation/hill-community-centre]",
    ]
    # each suggestion resolves back to one entity
    assert [find_entity(GX, s) for s in err.value.suggestions] == [HCC, CENTRE]


def test_type_restriction(G):
    assert find_entity(G, "Harbour City", type_="Place") == HARBOUR
    with pytest.raises(EntityNotFound):
        find_entity(G, "Skills Bridge", type_="Organisation")


# ---- partners ---------------------------------------------------------------------


def test_direct_partners_of_college(G):
    got = analysis.partners(G, "Riverside College")
    assert [(p["node"], p["depth"]) for p in got] == [(HARBOUR, 1), (HCC, 1), (SKILLS, 1)]
    hcc = got[1]
    assert [(r["predicate"], r["direction"]) for r in hcc["relations"]] == [("partnerOf", "both")]
    assert "in partnership with Riverside College" in hcc["relations"][0]["evidence"][0]["sentence"]


def test_partners_depth_two_and_via(G):
    got = analysis.partners(G, "Harbour City Council", depth=2)
    assert {(p["node"], p["depth"]) for p in got} == {
        (COLLEGE, 1), (SKILLS, 1), (TRUST, 2), (HARBOUR, 2)}
    assert {p["through"] for p in got if p["depth"] == 2} == {COLLEGE, SKILLS}
    only = analysis.partners(G, "Harbour City Council", depth=3, via="partnerOf")
    assert [p["node"] for p in only] == [COLLEGE]
    assert [p["node"] for p in analysis.partners(G, TRUST, via=["funds"])] == [FESTIVAL, SKILLS]


def test_partner_direction_seen_from_the_object(G):
    [trust] = [p for p in analysis.partners(G, "Skills Bridge") if p["node"] == TRUST]
    [r] = trust["relations"]
    assert (r["predicate"], r["direction"], r["words"], r["amount"]) == (
        "funds", "in", "is funded by", "250000")


@pytest.mark.parametrize("kwargs, message", [
    ({"depth": 0}, "depth must be"),
    ({"via": "fundz"}, "unknown relation 'fundz'"),
    ({"via": ""}, "unknown relation"),
])
def test_partners_checks_inputs(G, kwargs, message):
    with pytest.raises(QueryError, match=message):
        analysis.partners(G, "Northfield Trust", **kwargs)


# ---- paths ------------------------------------------------------------------------


def test_shortest_path_through_funder(G):
    [p] = analysis.paths(G, "Hill District Council", "Riverside College")
    assert [h["to"] for h in p] == [FESTIVAL, TRUST, SKILLS, COLLEGE]
    first = p[0]["relations"][0]
    assert (first["predicate"], first["direction"]) == ("delivers", "out")
    second = p[1]["relations"][0]
    assert (second["predicate"], second["direction"]) == ("funds", "in")
    assert analysis.describe_hop(p[1]) == (
        "Northfield Trust funds Hill Arts Festival (£1.2 million) [cg:funds]")


def test_path_longer_than_max_len_is_no_answer(G):
    assert analysis.paths(G, "Hill District Council", "Riverside College", max_len=3) == []


def test_no_path_to_isolated_entity(GX):
    assert analysis.paths(GX, "Lonely Museum", "Northfield Trust", max_len=10) == []
    assert analysis.paths(GX, "Lonely Museum", "Northfield Trust", all=True) == []


def test_all_paths_shortest_first(G):
    found = analysis.paths(G, "Harbour City Council", "Harbour City", max_len=3, all=True)
    lengths = [len(p) for p in found]
    assert lengths == sorted(lengths) and lengths[0] == 2
    routes = {tuple(h["to"] for h in p) for p in found}
    assert (SKILLS, HARBOUR) in routes and (COLLEGE, HARBOUR) in routes
    assert (COLLEGE, SKILLS, HARBOUR) in routes


def test_path_via_restricts_relations(G):
    assert analysis.paths(G, "Harbour City Council", "Harbour City", via="partnerOf") == []


def test_path_to_itself_is_refused(G):
    with pytest.raises(QueryError, match="same entity"):
        analysis.paths(G, "NFT", "Northfield Trust")


def test_path_unknown_entity(G):
    with pytest.raises(EntityNotFound):
        analysis.paths(G, "Nowhere Council", "Northfield Trust")


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_every_returned_path_is_real(data):
    G = to_networkx(queryfixture.rdf_graph())
    nodes = sorted(G.nodes)
    a = data.draw(st.sampled_from(nodes))
    b = data.draw(st.sampled_from([n for n in nodes if n != a]))
    max_len = data.draw(st.integers(1, 5))
    for p in analysis.paths(G, a, b, max_len=max_len, all=data.draw(st.booleans())):
        assert 1 <= len(p) <= max_len
        assert p[0]["from"] == a and p[-1]["to"] == b
        seen = [a]
        for h in p:
            assert h["relations"], "every hop has a relation"
            for r in h["relations"]:
                u, v = (h["to"], h["from"]) if r["direction"] == "in" else (h["from"], h["to"])
                assert G.has_edge(u, v, r["predicate"]) or G.has_edge(v, u, r["predicate"])
            assert h["to"] not in seen  # simple path
            seen.append(h["to"])


# ---- brokers, communities ---------------------------------------------------------


def test_brokers_rank_the_funder_first(G):
    rows = analysis.brokers(G)
    assert rows[0]["node"] == TRUST
    assert all(r["betweenness"] > 0 for r in rows)
    assert {r["node"] for r in rows} <= {TRUST, HCC, HILL, COLLEGE}
    assert analysis.brokers(G, top=1) == rows[:1]
    with pytest.raises(QueryError):
        analysis.brokers(G, top=0)


def test_brokers_exact_value(G):
    # Northfield Trust is the only bridge between the Hill side (2 nodes) and the
    # Harbour side (5 nodes): 2 * 5 = 10 of the C(7, 2) = 21 pairs of other nodes.
    assert analysis.brokers(G)[0]["betweenness"] == round(10 / 21, 6)


def test_communities_split_harbour_and_hill(GX):
    got = analysis.communities(GX)
    groups = [{m["node"] for m in c["organisations"]} for c in got]
    assert {HCC, COLLEGE} in [g - {TRUST} for g in groups]
    assert any({HILL, CENTRE} <= g for g in groups)
    assert all(MUSEUM not in g for g in groups)
    assert got == analysis.communities(GX)  # deterministic
    assert [c["id"] for c in got] == list(range(1, len(got) + 1))


# ---- funders, reach, card ---------------------------------------------------------


def test_funders_with_amounts_and_total(G):
    [f] = analysis.funders(G)
    assert f["node"] == TRUST
    assert [(x["label"], x["amount"], x["amount_text"]) for x in f["funds"]] == [
        ("Hill Arts Festival", "1200000", "£1.2 million"), ("Skills Bridge", "250000", "£250,000")]
    assert f["total"] == {"GBP": "1450000"}


def test_reach_direct_and_through(G):
    r = analysis.reach(G, "NFT")
    assert [d["node"] for d in r["direct"]] == [FESTIVAL, SKILLS]
    through = {(t["via"], t["node"], t["predicate"]) for t in r["through"]}
    assert through == {
        (FESTIVAL, HILL, "delivers"),
        (SKILLS, HCC, "delivers"),
        (SKILLS, COLLEGE, "participatesIn"),
        (SKILLS, HARBOUR, "operatesIn"),
    }
    assert r["reached"] == 6
    assert r["total"] == {"GBP": "1450000"}


def test_reach_of_non_funder(G):
    with pytest.raises(QueryError, match="funds nothing"):
        analysis.reach(G, "Harbour City Council")


def test_card(G):
    c = analysis.card(G, "hcc")
    assert (c["label"], c["type"], c["subtype"], c["aliases"]) == (
        "Harbour City Council", "Organisation", "LocalAuthority", ["HCC"])
    assert c["documents"][0]["file_name"] == "handbuilt-report.txt"
    assert [(r["predicate"], r["other"]) for r in c["relations"]] == [
        ("delivers", SKILLS), ("partnerOf", COLLEGE)]
    assert all(r["evidence"] for r in c["relations"])


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_every_name_finds_its_entity_or_is_ambiguous(data):
    G = to_networkx(queryfixture.rdf_graph())
    node = data.draw(st.sampled_from(sorted(G.nodes)))
    name = data.draw(st.sampled_from([G.nodes[node]["label"], *G.nodes[node]["aliases"]]))
    variant = data.draw(st.sampled_from([name, name.upper(), name.lower(), f"  the {name} ",
                                         name.replace(" ", "  ")]))
    try:
        assert find_entity(G, variant) == node
    except EntityNotFound as err:
        assert err.ambiguous
        assert any(s.endswith(f"[{node[len(ID_IRI):]}]") for s in err.suggestions)
