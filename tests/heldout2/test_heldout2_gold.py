"""Format checks for the second held-out set (tests/heldout2/).

Each gold file must follow /work/shared/gold/GUIDELINES.md: it parses, names
its document, uses only the listed types, subtypes and predicates, keeps ids
unique and relation ends resolvable, and every evidence span occurs verbatim
in the document's visible text (raw text for .txt, Markdown without its
emphasis markers for .md, the ingested article text for .html).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ingest_html import html_text

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold"
FIRST_SET = HERE.parent / "heldout" / "docs"

SUBTYPES = {
    "Organisation": {
        "LocalAuthority",
        "CombinedAuthority",
        "GovernmentBody",
        "EducationProvider",
        "CulturalOrganisation",
        "Charity",
        "Business",
        "HealthBody",
        "Partnership",
        "Other",
    },
    "Programme": {"Initiative", "FundingProgramme", "Strategy", "Network", "Qualification-route"},
    "Place": {"Country", "Region", "LocalAuthorityArea", "Town", "Neighbourhood", "Site"},
}
# predicate -> (allowed subject types, allowed object types)
PREDICATES = {
    "partnerOf": ({"Organisation"}, {"Organisation"}),
    "funds": ({"Organisation"}, {"Programme", "Organisation"}),
    "delivers": ({"Organisation"}, {"Programme"}),
    "participatesIn": ({"Organisation"}, {"Programme"}),
    "partOf": ({"Organisation", "Place"}, {"Organisation", "Place"}),
    "locatedIn": ({"Organisation", "Place"}, {"Place"}),
    "operatesIn": ({"Programme", "Organisation"}, {"Place"}),
}
ENTITY_KEYS = {"id", "name", "type", "subtype", "aliases"}
RELATION_KEYS = {"subject", "predicate", "object", "evidence"}

GOLD_FILES = sorted(GOLD.glob("*.json"))


def visible_text(doc: Path) -> str:
    """The text a reader sees, in the form the evidence spans are copied from."""
    src = doc.read_text(encoding="utf-8")
    if doc.suffix == ".html":
        return html_text(src)[0]
    if doc.suffix == ".md":
        return src.replace("**", "")
    return src


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_one_gold_per_document_and_six_documents() -> None:
    docs = sorted(p.name for p in DOCS.iterdir() if p.is_file())
    named = sorted(load(p)["document"] for p in GOLD_FILES)
    assert len(docs) == 6
    assert named == docs
    assert sorted(p.stem for p in GOLD_FILES) == sorted(Path(d).stem for d in docs)


def test_stems_differ_from_the_first_heldout_set() -> None:
    if not FIRST_SET.is_dir():
        pytest.skip("no first held-out set")
    first = {p.stem for p in FIRST_SET.iterdir()}
    assert not first & {p.stem for p in DOCS.iterdir()}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_document_length_is_in_range(path: Path) -> None:
    words = len(visible_text(DOCS / load(path)["document"]).split())
    assert 250 <= words <= 600, words


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_entities_are_well_formed(path: Path) -> None:
    gold = load(path)
    assert set(gold) == {"document", "entities", "relations"}
    ids = [e["id"] for e in gold["entities"]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    names: set[tuple[str, str]] = set()
    for ent in gold["entities"]:
        assert set(ent) == ENTITY_KEYS, ent
        assert ent["subtype"] in SUBTYPES[ent["type"]], ent
        assert isinstance(ent["aliases"], list)
        assert ent["name"].strip() and ent["name"] not in ent["aliases"], ent
        for surface in [ent["name"], *ent["aliases"]]:
            key = (surface.casefold(), ent["type"])
            assert key not in names, f"surface form used twice: {surface}"
            names.add(key)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_names_and_aliases_occur_in_the_document(path: Path) -> None:
    gold = load(path)
    text = visible_text(DOCS / gold["document"]).casefold()
    text = " ".join(text.split())
    # from "Middlesbrough and Redcar and Cleveland Borough Councils"
    implied = {"Middlesbrough Borough Council"}
    for ent in gold["entities"]:
        for surface in [ent["name"], *ent["aliases"]]:
            if surface in implied:
                continue
            assert surface.casefold() in text, surface


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_relations_are_well_formed_and_quoted(path: Path) -> None:
    gold = load(path)
    text = visible_text(DOCS / gold["document"])
    types = {e["id"]: e["type"] for e in gold["entities"]}
    seen = set()
    for rel in gold["relations"]:
        assert RELATION_KEYS <= set(rel) <= RELATION_KEYS | {"amount"}, rel
        subjects, objects = PREDICATES[rel["predicate"]]
        assert types[rel["subject"]] in subjects, rel
        assert types[rel["object"]] in objects, rel
        assert rel["subject"] != rel["object"], rel
        assert rel["evidence"] in text, rel["evidence"]
        if "amount" in rel:
            assert rel["predicate"] == "funds"
            assert rel["amount"].startswith("£") and rel["amount"] in rel["evidence"]
        key = (rel["subject"], rel["predicate"], rel["object"])
        if rel["predicate"] == "partnerOf":
            key = (*sorted((rel["subject"], rel["object"])), "partnerOf")
        assert key not in seen, f"relation listed twice: {key}"
        seen.add(key)
