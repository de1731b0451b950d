"""Entity resolution across documents (issue 3): conservative, explained, order-free.

Local entities are built directly (resolution is a pure step over
``DocumentExtraction`` records) so each rule is tested on its own; two tests
run the extractor on tiny invented documents end to end. Every name is
invented for the test.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from graph.extract import extract_document
from graph.extract.entities import variant_rule
from graph.records import (
    Document,
    DocumentExtraction,
    Entity,
    Evidence,
    LocalEntity,
    Mention,
    Relation,
    ResolvedGraph,
)
from graph.resolve import resolution_report, resolve, variant_keys
from graph.textnorm import norm_key

# ---------------------------------------------------------------- helpers


def make_doc(doc_id: str, text: str = "") -> Document:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(doc_id, f"{doc_id}.txt", f"{doc_id}.txt", text, sha, "txt")


def local(
    doc_id: str,
    n: int,
    name: str,
    type_: str = "Organisation",
    subtype: str | None = None,
    aliases: tuple[str, ...] = (),
    ids: tuple[tuple[str, str], ...] = (),
) -> LocalEntity:
    mention = Mention(doc_id, 0, len(name), name, type_, subtype, "test")
    return LocalEntity(
        f"{doc_id}#{n}", doc_id, name, type_, subtype, frozenset(aliases), (mention,), ids
    )


def doc(doc_id: str, *entities: LocalEntity, relations: tuple[Relation, ...] = ()) -> DocumentExtraction:
    return DocumentExtraction(make_doc(doc_id), tuple(entities), relations)


def rel(
    doc_id: str, s: int, p: str, o: int, sentence: str, amount: Decimal | None = None
) -> Relation:
    return Relation(
        f"{doc_id}#{s}",
        p,
        f"{doc_id}#{o}",
        Evidence(doc_id, 0, len(sentence), sentence),
        f"test:{p}",
        amount,
        "GBP" if amount is not None else None,
        None,
    )


def by_label(g: ResolvedGraph) -> dict[str, Entity]:
    return {e.label: e for e in g.entities}


def cluster_of(g: ResolvedGraph, form: str) -> Entity:
    (e,) = [e for e in g.entities if form == e.label or form in e.aliases]
    return e


# ---------------------------------------------------------------- norm_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Northfield Arts Trust", "northfield arts trust"),
        ("Harbourside  Arts &\u00a0Heritage Trust", "harbourside arts and heritage trust"),
        ("Northfield Arts Trust’s", "northfield arts trusts"),
        ("St. Anne’s Quay", "st annes quay"),
        ("KESTREL VALLEY FOUNDATION", "kestrel valley foundation"),
        ("Theatre Royal Coldwater", "theatre royal coldwater"),
    ],
)
def test_norm_key(name: str, key: str) -> None:
    assert norm_key(name) == key


# ------------------------------------------------ variant rules (pure)


def test_variant_keys_drop_council_modifiers() -> None:
    assert variant_keys("coldwater metropolitan borough council") == {"coldwater council"}


def test_variant_keys_drop_of() -> None:
    assert "arts council harbourside" in variant_keys("arts council of harbourside")


def test_variant_keys_of_a_plain_name_are_empty() -> None:
    assert variant_keys("northfield arts trust") == set()
    assert variant_keys("harbourside council") == set()


@pytest.mark.parametrize(
    ("short", "long_", "rule"),
    [
        ("northfield arts", "northfield arts trust", "generic-tail"),
        ("coldwater council", "coldwater metropolitan borough council", "dropped-modifiers"),
        ("job rotation pilot", "harbourside job rotation pilot", "place-prefix"),
        ("arts council of harbourside", "arts council harbourside", "without-of"),
        ("harbourside city council", "kestrel city council", None),
        ("harbourside council", "harbourside council", None),
    ],
)
def test_variant_rule(short: str, long_: str, rule: str | None) -> None:
    assert variant_rule(short, long_) == rule


# ------------------------------------------------------------- merge rules


def test_two_different_councils_never_merge() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Harbourside City Council", subtype="LocalAuthority")),
            doc("b", local("b", 0, "Kestrel City Council", subtype="LocalAuthority")),
            doc("c", local("c", 0, "Harbourside Council", subtype="LocalAuthority")),
        ]
    )
    labels = by_label(g)
    assert "Kestrel City Council" in labels
    assert "Kestrel City Council" not in {a for e in g.entities for a in e.aliases}
    assert cluster_of(g, "Harbourside Council") is labels["Harbourside City Council"]
    assert len(g.entities) == 2


def test_same_name_merges_across_documents_and_keeps_every_form() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Northfield Arts Trust", aliases=("NAT",))),
            doc("b", local("b", 0, "The Northfield Arts Trust")),
        ]
    )
    (e,) = g.entities
    assert e.documents == {"a", "b"}
    assert {e.label, *e.aliases} == {"Northfield Arts Trust", "The Northfield Arts Trust", "NAT"}
    assert any(r.startswith("same-name:") for r in e.merged_by)


def test_short_form_merges_with_its_one_long_form() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Coldwater Metropolitan Borough Council", subtype="LocalAuthority")),
            doc("b", local("b", 0, "Coldwater Council", subtype="LocalAuthority")),
        ]
    )
    (e,) = g.entities
    assert e.label == "Coldwater Metropolitan Borough Council"
    assert e.aliases == {"Coldwater Council"}
    assert e.merged_by == (
        "short-form:coldwater council->coldwater metropolitan borough council",
    )


def test_short_form_with_two_long_forms_stays_apart() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Coldwater Borough Council", subtype="LocalAuthority")),
            doc("b", local("b", 0, "Coldwater County Council", subtype="LocalAuthority")),
            doc("c", local("c", 0, "Coldwater Council", subtype="LocalAuthority")),
        ]
    )
    assert len(g.entities) == 3
    assert all(not e.merged_by for e in g.entities)


def test_acronym_only_entity_joins_the_entity_that_defines_it() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Northfield Arts Trust", aliases=("NAT",))),
            doc("b", local("b", 0, "NAT")),
        ]
    )
    (e,) = g.entities
    assert e.label == "Northfield Arts Trust"
    assert e.documents == {"a", "b"}
    assert e.merged_by == ("acronym:NAT",)


def test_acronym_defined_by_two_entities_does_not_merge() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Northfield Arts Trust", aliases=("NAT",))),
            doc("b", local("b", 0, "National Apprenticeship Taskforce", aliases=("NAT",))),
            doc("c", local("c", 0, "NAT")),
        ]
    )
    assert len(g.entities) == 3
    assert by_label(g)["NAT"].merged_by == ()


def test_acronym_is_never_the_label() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "NAT")),
            doc("b", local("b", 0, "NAT")),
            doc("c", local("c", 0, "Northfield Arts Trust", aliases=("NAT",))),
        ]
    )
    (e,) = g.entities
    assert e.label == "Northfield Arts Trust"


def test_same_name_different_type_stays_apart() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Kestrel Quarter", "Place", "Neighbourhood")),
            doc("b", local("b", 0, "Kestrel Quarter", "Programme", "Initiative")),
        ]
    )
    assert sorted(e.entity_id for e in g.entities) == [
        "place/kestrel-quarter",
        "programme/kestrel-quarter",
    ]


def test_same_identifier_merges_different_names() -> None:
    gss = (("gss", "E07000999"),)
    g = resolve(
        [
            doc("a", local("a", 0, "Coldwater", "Place", "LocalAuthorityArea", ids=gss)),
            doc("b", local("b", 0, "Borough of Coldwater", "Place", "LocalAuthorityArea", ids=gss)),
        ]
    )
    (e,) = g.entities
    assert e.ids == gss
    assert e.merged_by == ("same-identifier:gss=E07000999",)


def test_slug_collisions_get_distinct_ids() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Café Harbour Trust")),
            doc("b", local("b", 0, "Cafe Harbour Trust")),
        ]
    )
    assert sorted(e.entity_id for e in g.entities) == [
        "organisation/cafe-harbour-trust",
        "organisation/cafe-harbour-trust-2",
    ]


# ------------------------------------------------------------ links


def test_relations_map_onto_resolved_entities_with_all_evidence() -> None:
    s1 = "Northfield Arts Trust works with Brackley College."
    s2 = "Brackley College partners with the Northfield Arts Trust."
    g = resolve(
        [
            doc(
                "a",
                local("a", 0, "Northfield Arts Trust"),
                local("a", 1, "Brackley College"),
                relations=(rel("a", 0, "partnerOf", 1, s1),),
            ),
            doc(
                "b",
                local("b", 0, "Brackley College"),
                local("b", 1, "Northfield Arts Trust"),
                relations=(rel("b", 0, "partnerOf", 1, s2),),
            ),
        ]
    )
    (link,) = g.links
    assert link.predicate == "partnerOf"
    assert {link.subject, link.object} == {
        "organisation/northfield-arts-trust",
        "organisation/brackley-college",
    }
    assert [ev.sentence for ev, _ in link.evidence] == [s1, s2]


def test_funding_amount_is_carried_onto_the_link() -> None:
    s = "Kestrel Valley Foundation awarded £740,000 to the Coastline Skills Fund."
    g = resolve(
        [
            doc(
                "a",
                local("a", 0, "Kestrel Valley Foundation"),
                local("a", 1, "Coastline Skills Fund", "Programme", "FundingProgramme"),
                relations=(rel("a", 0, "funds", 1, s, Decimal("740000")),),
            )
        ]
    )
    (link,) = g.links
    assert (link.subject, link.predicate, link.object) == (
        "organisation/kestrel-valley-foundation",
        "funds",
        "programme/coastline-skills-fund",
    )
    assert (link.amount, link.currency) == (Decimal("740000"), "GBP")


def test_relation_between_forms_that_merge_is_dropped() -> None:
    s = "NAT is part of the Northfield Arts Trust."
    g = resolve(
        [
            doc(
                "a",
                local("a", 0, "NAT"),
                local("a", 1, "Northfield Arts Trust", aliases=("NAT",)),
                relations=(rel("a", 0, "partOf", 1, s),),
            )
        ]
    )
    assert len(g.entities) == 1
    assert g.links == ()


def test_resolution_report_explains_only_merges() -> None:
    g = resolve(
        [
            doc("a", local("a", 0, "Coldwater Metropolitan Borough Council")),
            doc("b", local("b", 0, "Coldwater Council"), local("b", 1, "Brackley College")),
        ]
    )
    (row,) = resolution_report(g)
    assert row["forms"] == ["Coldwater Council", "Coldwater Metropolitan Borough Council"]
    assert row["documents"] == ["a", "b"]
    assert row["rules"] == ["short-form:coldwater council->coldwater metropolitan borough council"]


# ------------------------------------------------- order independence


def _corpus() -> list[DocumentExtraction]:
    gss = (("gss", "E07000999"),)
    return [
        doc(
            "alpha",
            local("alpha", 0, "Coldwater Metropolitan Borough Council", subtype="LocalAuthority"),
            local("alpha", 1, "Coldwater Skills Pilot", "Programme", "Initiative"),
            local("alpha", 2, "Coldwater", "Place", "LocalAuthorityArea", ids=gss),
            relations=(
                rel("alpha", 0, "delivers", 1, "Coldwater MBC runs the Coldwater Skills Pilot."),
                rel("alpha", 1, "operatesIn", 2, "The pilot runs across Coldwater."),
            ),
        ),
        doc(
            "beta",
            local("beta", 0, "Coldwater Council", subtype="LocalAuthority"),
            local("beta", 1, "Northfield Arts Trust", aliases=("NAT",)),
            local("beta", 2, "Borough of Coldwater", "Place", "LocalAuthorityArea", ids=gss),
            relations=(
                rel("beta", 0, "partnerOf", 1, "Coldwater Council works with NAT."),
                rel("beta", 1, "funds", 0, "NAT gave £3.5m to Coldwater Council.", Decimal("3500000")),
            ),
        ),
        doc(
            "gamma",
            local("gamma", 0, "NAT"),
            local("gamma", 1, "Coldwater Skills Pilot", "Programme", None),
            local("gamma", 2, "Kestrel City Council", subtype="LocalAuthority"),
            relations=(
                rel("gamma", 0, "funds", 1, "NAT funded the Coldwater Skills Pilot."),
                rel("gamma", 2, "partnerOf", 0, "Kestrel City Council partnered with NAT."),
            ),
        ),
        doc("delta", local("delta", 0, "Harbourside City Council", subtype="LocalAuthority")),
    ]


def test_corpus_resolves_as_expected() -> None:
    g = resolve(_corpus())
    assert sorted(e.entity_id for e in g.entities) == [
        "organisation/coldwater-metropolitan-borough-council",
        "organisation/harbourside-city-council",
        "organisation/kestrel-city-council",
        "organisation/northfield-arts-trust",
        "place/borough-of-coldwater",
        "programme/coldwater-skills-pilot",
    ]
    assert len(g.links) == 6


@settings(max_examples=40, deadline=None)
@given(st.permutations(_corpus()))
def test_any_input_order_gives_identical_resolution(order: list[DocumentExtraction]) -> None:
    assert resolve(order) == resolve(_corpus())


# ------------------------------------------------------- end to end


def _extracted(doc_id: str, text: str) -> DocumentExtraction:
    return extract_document(make_doc(doc_id, text))


def test_end_to_end_short_form_and_acronym_across_documents() -> None:
    g = resolve(
        [
            _extracted(
                "one",
                "Coldwater Metropolitan Borough Council launched the Coldwater Skills Pilot. "
                "The Northfield Arts Trust (NAT) runs workshops.",
            ),
            _extracted(
                "two",
                "Annual review\n\nThe Harbour Dance Project was funded by NAT in 2023. "
                "Coldwater Council hosted the final show.",
            ),
        ]
    )
    council = cluster_of(g, "Coldwater Council")
    assert council.label == "Coldwater Metropolitan Borough Council"
    assert council.documents == {"one", "two"}
    trust = cluster_of(g, "NAT")
    assert trust.label == "Northfield Arts Trust"
    assert trust.documents == {"one", "two"}
    assert any(
        (lk.subject, lk.predicate, lk.object)
        == ("organisation/northfield-arts-trust", "funds", "programme/harbour-dance-project")
        for lk in g.links
    )


def test_end_to_end_councils_sharing_city_council_stay_apart() -> None:
    g = resolve(
        [
            _extracted("one", "Harbourside City Council funded the Harbour Youth Programme."),
            _extracted("two", "Kestrel City Council funded the Harbour Youth Programme."),
        ]
    )
    funders = sorted(lk.subject for lk in g.links if lk.predicate == "funds")
    assert funders == ["organisation/harbourside-city-council", "organisation/kestrel-city-council"]
    assert cluster_of(g, "Harbour Youth Programme").documents == {"one", "two"}
