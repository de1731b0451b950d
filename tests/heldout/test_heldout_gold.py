"""Consistency checks for the held-out gold set (tests/heldout/README.md).

These do not score the extractor; they keep the annotations honest: every
file follows GUIDELINES.md's format, every evidence string is a plain
substring of the document's visible text, and relation ends have the types
the guidelines allow.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ingest import read_document

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold"

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
SIGNATURES = {
    "partnerOf": ({"Organisation"}, {"Organisation"}),
    "funds": ({"Organisation"}, {"Organisation", "Programme"}),
    "delivers": ({"Organisation"}, {"Programme"}),
    "participatesIn": ({"Organisation"}, {"Programme"}),
    "partOf": ({"Organisation", "Place"}, {"Organisation", "Place"}),
    "locatedIn": ({"Organisation", "Place"}, {"Place"}),
    "operatesIn": ({"Programme", "Organisation"}, {"Place"}),
}
GOLD_FILES = sorted(GOLD.glob("*.json"))


def visible_text(path: Path) -> str:
    """The text a reader sees: the raw file, Markdown without bold markers, HTML as ingested."""
    if path.suffix == ".html":
        return read_document(path).text
    text = path.read_text(encoding="utf-8")
    return text.replace("**", "") if path.suffix == ".md" else text


def test_one_gold_file_per_document() -> None:
    assert {p.stem for p in GOLD_FILES} == {p.stem for p in DOCS.iterdir()}
    assert len(GOLD_FILES) == 6


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_consistent(gold_path: Path) -> None:
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = DOCS / data["document"]
    assert doc.stem == gold_path.stem
    text = visible_text(doc)
    assert 250 <= len(text.split()) <= 600

    types: dict[str, str] = {}
    for e in data["entities"]:
        assert e["id"] not in types, f"duplicate id {e['id']}"
        assert e["subtype"] in SUBTYPES[e["type"]], e
        assert e["name"] not in e["aliases"], e
        types[e["id"]] = e["type"]
    assert 15 <= len(types) <= 45

    seen: set[tuple[str, str, str]] = set()
    for r in data["relations"]:
        s, p, o = r["subject"], r["predicate"], r["object"]
        key = (min(s, o), p, max(s, o)) if p == "partnerOf" else (s, p, o)
        assert key not in seen, f"duplicate relation {key}"
        seen.add(key)
        subj_ok, obj_ok = SIGNATURES[p]
        assert types[s] in subj_ok and types[o] in obj_ok, r
        if p == "partOf":
            assert types[s] == types[o], r
        assert r["evidence"] in text, f"evidence not in {doc.name}: {r['evidence']!r}"
        if "amount" in r:
            assert p == "funds" and r["amount"] in r["evidence"], r
    assert 10 <= len(seen) <= 50
