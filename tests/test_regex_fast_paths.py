"""Patterns rewritten to open with a character class (so that the regex engine can
skip to the places where a match may start) find what their plain forms find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from graph.extract import references

ROOT = Path(__file__).resolve().parent.parent

PLAIN = {
    "_DEFINITE": (references._DEFINITE, r"\b(?:[Tt]he|[Tt]his|[Tt]hese)\s+"),
    "WE": (references.WE, r"\b(?:[Ww]e|[Oo]ur)\b(?!['’])"),
}


def _plain(name: str) -> re.Pattern[str]:
    fast, opening = PLAIN[name]
    rest = fast.pattern.split(r"h(?:e|is|ese)\s+", 1)[1] if name == "_DEFINITE" else ""
    return re.compile(opening + rest, fast.flags)


def _texts() -> list[str]:
    docs = [p.read_text(encoding="utf-8", errors="replace") for d in ("seeds", "tests") for p in (ROOT / d).rglob("*.txt")]
    rng = random.Random(7)
    alphabet = "tTheisWwOour _-'’x1\n"
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    return docs + noise + ["the", "The council", "xthe the", "our", "Our’s our'", "we", "swe we", "_the the"]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_fast_form_finds_what_the_plain_form_finds(name: str) -> None:
    fast, plain = PLAIN[name][0], _plain(name)
    for text in _texts():
        for pos in (0, 1, 5):
            assert [m.span() for m in fast.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)], (name, text[:80])
