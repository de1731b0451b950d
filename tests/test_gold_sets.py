"""Format checks for every held-out gold set (``tests/heldout*/``).

Each set is a folder with ``docs/`` (the documents) and ``gold/`` (one
``<document-stem>.json`` per document, in the format of
``/work/shared/gold/GUIDELINES.md``). These tests do not score the
extractor; they keep the annotations honest: each gold file parses and names
its document, uses only the listed types, subtypes and predicates with the
subject/object types each predicate allows, keeps ids and surface forms
unique, lists no relation twice, puts amounts only on ``funds`` and inside
the evidence, and every evidence span is a plain substring of the document's
visible text (raw text for ``.txt``, Markdown without ``**``, the ingested
article text for ``.html``). Names and aliases must occur in that text too,
except where a set's README lists a form the text only implies (a set may
list them in ``gold/implied.txt``, one per line).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ingest_html import html_text

TESTS = Path(__file__).resolve().parent
SETS = sorted(p for p in TESTS.glob("heldout*") if (p / "gold").is_dir() and (p / "docs").is_dir())
GOLD_FILES = [g for s in SETS for g in sorted((s / "gold").glob("*.json"))]

# The guidelines' vocabulary, not the ontology's (graph.records.SUBTYPES): gold files
# may say "Other" and spell "Qualification-route", which the ontology does not.
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


def gold_id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.stem}"


def test_there_are_held_out_sets() -> None:
    assert len(SETS) >= 2 and len(GOLD_FILES) >= 12


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_one_gold_per_document(folder: Path) -> None:
    docs = sorted(p.name for p in (folder / "docs").iterdir() if p.is_file())
    golds = sorted((folder / "gold").glob("*.json"))
    assert len(docs) >= 5
    assert sorted(load(p)["document"] for p in golds) == docs
    assert sorted(p.stem for p in golds) == sorted(Path(d).stem for d in docs)


def test_document_stems_differ_between_sets() -> None:
    """Scoring merges entities across documents by name, never documents; stems stay distinct."""
    seen: dict[str, str] = {}
    for folder in SETS:
        for doc in (folder / "docs").iterdir():
            assert doc.stem not in seen, f"{doc.stem} in {seen.get(doc.stem)} and {folder.name}"
            seen[doc.stem] = folder.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=gold_id)
def test_document_length_is_in_range(path: Path) -> None:
    words = len(visible_text(path.parent.parent / "docs" / load(path)["document"]).split())
    assert 250 <= words <= 700, words


@pytest.mark.parametrize("path", GOLD_FILES, ids=gold_id)
def test_entities_are_well_formed(path: Path) -> None:
    gold = load(path)
    assert set(gold) == {"document", "entities", "relations"}
    ids = [e["id"] for e in gold["entities"]]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert 15 <= len(ids) <= 50
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


@pytest.mark.parametrize("path", GOLD_FILES, ids=gold_id)
def test_names_and_aliases_occur_in_the_document(path: Path) -> None:
    gold = load(path)
    text = " ".join(visible_text(path.parent.parent / "docs" / gold["document"]).casefold().split())
    implied_file = path.parent / "implied.txt"
    implied = set(implied_file.read_text(encoding="utf-8").splitlines()) if implied_file.is_file() else set()
    for ent in gold["entities"]:
        for surface in [ent["name"], *ent["aliases"]]:
            if surface not in implied:
                assert surface.casefold() in text, surface


@pytest.mark.parametrize("path", GOLD_FILES, ids=gold_id)
def test_relations_are_well_formed_and_quoted(path: Path) -> None:
    gold = load(path)
    text = visible_text(path.parent.parent / "docs" / gold["document"])
    types = {e["id"]: e["type"] for e in gold["entities"]}
    seen = set()
    for rel in gold["relations"]:
        assert RELATION_KEYS <= set(rel) <= RELATION_KEYS | {"amount"}, rel
        subjects, objects = PREDICATES[rel["predicate"]]
        assert types[rel["subject"]] in subjects, rel
        assert types[rel["object"]] in objects, rel
        assert rel["subject"] != rel["object"], rel
        if rel["predicate"] == "partOf":
            assert types[rel["subject"]] == types[rel["object"]], rel
        assert rel["evidence"] in text, rel["evidence"]
        if "amount" in rel:
            assert rel["predicate"] == "funds"
            assert rel["amount"].startswith("£") and rel["amount"] in rel["evidence"]
        key = (rel["subject"], rel["predicate"], rel["object"])
        if rel["predicate"] == "partnerOf":
            key = (*sorted((rel["subject"], rel["object"])), "partnerOf")
        assert key not in seen, f"relation listed twice: {key}"
        seen.add(key)
    assert 10 <= len(seen) <= 60
