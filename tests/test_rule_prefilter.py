"""The relation rules skip a sentence when it lacks what any match of the rule's
pattern must contain (graph.extract.relations._Rule): check that the check never
skips a sentence the pattern matches, over every rule and every document here."""

from __future__ import annotations

import glob
import re

import pytest
from hypothesis import given, settings, strategies as st

from graph.extract import extract_document, relations
from graph.extract.relations import _literal_needs, _parser, _rx
from graph.ingest import discover, read_document

CORPORA = ["seeds", *sorted(glob.glob("tests/heldout*/docs")), "tests/fixtures/docs"]


def test_needs_of_patterns() -> None:
    def needs(pattern: str) -> list[tuple[str, ...]]:
        return _literal_needs(_parser.parse(pattern))

    assert needs(r"(?:funds|funded|fund)\s+by") == [("fund",), ("by",)]
    assert needs(r"<<\d+>>\s+(?:is\s+)?part\s+of") == [("<<",), (">>",), ("part",), ("of",)]
    assert needs(r"(?:with|along(?:side)?)\s+x") == [("along", "with"), ("x",)]
    assert needs(r"(?:with|\s*)x") == [("x",)]  # an alternative that needs nothing
    assert needs(r"(?:ab){0,2}(?:cd)+(?i:ef)") == [("cd",)]  # optional, repeated, case-blind


def test_rules_need_what_they_say() -> None:
    rule = _rx(r"(?P<a><<\d+>>)\s+(?:runs|led)\s+(?P<b><<\d+>>)")
    # "runs" and "led" stand between spaces: whole words, looked up in the text's words
    assert rule.mentions == 2 and rule.words == (frozenset({"led", "runs"}),) and rule.needs == ()
    assert rule.may_match("<<1>> runs <<2>>") and not rule.may_match("<<1>> runs it")
    assert not rule.may_match("<<1>> reruns <<2>>") and not rule.may_match("<<1>> misled <<2>>")
    assert not list(rule.finditer("<<1>> reruns <<2>>"))
    # a word the pattern may find inside a longer one is a string it needs, not a word
    loose = _rx(r"(?P<a><<\d+>>)\s+\w*(?:runs|led)\s+(?P<b><<\d+>>)")
    assert loose.words == () and loose.needs == (("led", "runs"),)
    assert loose.may_match("<<1>> reruns <<2>>")
    assert not list(rule.finditer("<<1>> funds <<2>>"))


def test_skipped_sentences_never_match(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = {"skipped": 0, "scanned": 0}

    def finditer(self: relations._Rule, text: str):  # type: ignore[no-untyped-def]
        found = list(self.rx.finditer(text))
        if self.may_match(text):
            checked["scanned"] += 1
        else:
            checked["skipped"] += 1
            assert not found, (self.rx.pattern, text)
        return iter(found)

    def match(self: relations._Rule, text: str, pos: int = 0) -> re.Match[str] | None:
        found = self.rx.match(text, pos)
        assert found is None or self.may_match(text, pos), (self.rx.pattern, text)
        return found

    monkeypatch.setattr(relations._Rule, "finditer", finditer)
    monkeypatch.setattr(relations._Rule, "match", match)
    files, _ = discover(CORPORA)
    for path in files:
        extract_document(read_document(path))
    assert checked["skipped"] > checked["scanned"] > 0  # the check does skip most


def test_case_blind_rules_are_not_prefiltered() -> None:
    assert _rx(r"(?i)by\s+<<\d+>>").needs == ()


@given(st.lists(st.sampled_from(["a", "bc", " ", "-", "\n", "(", ")", "AB", "LCEP", "s", "T", "é", "_", "1",
                                 " (AB)", "local partnership", ","]), max_size=30).map("".join))
@settings(max_examples=500, deadline=None)
def test_lower_expansions_fast_path_finds_what_the_pattern_finds(text: str) -> None:
    from graph.extract.rules import _LOWER_EXPANSION, _lower_expansions

    assert [(m.span(), m.groups()) for m in _lower_expansions(text)] == [
        (m.span(), m.groups()) for m in _LOWER_EXPANSION.finditer(text)
    ]


def test_finditer_checks_what_may_match_checks() -> None:
    """_Rule.finditer has may_match's checks inlined: it scans exactly the texts may_match lets by."""
    rules = [v for v in vars(relations).values() if isinstance(v, relations._Rule)]
    files, _ = discover(CORPORA)
    lines = [line.lower() for path in files[:40] for line in read_document(path).text.splitlines() if line.strip()]
    texts = [f"<<{n}>> {line} <<{n + 1}>>" if n % 3 else line for n, line in enumerate(lines)]
    texts += ["<<1>> funded by <<2>>", "<<1>> works with <<2>> and <<3>>", "", "<<1>>"]
    for rule in rules:
        for text in texts:
            assert (rule.finditer(text) is relations._NO_MATCHES) is not rule.may_match(text), (rule.rx.pattern, text)
