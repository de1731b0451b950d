"""The relation rules match lower-case patterns against ``fold(masked sentence)``
instead of matching with ``re.I``: check over every code point that the two
read text the same way, so the rules find exactly what they found before."""

from __future__ import annotations

import ast
import inspect
import re
import string
import sys

import pytest

from graph.extract import relations
from graph.extract.relations import _rx
from graph.textnorm import fold

ALL = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)


def test_fold_keeps_offsets() -> None:
    assert len(fold(ALL)) == len(ALL)
    assert len(fold("İstanbul ΑΣ")) == len("İstanbul ΑΣ")


def test_fold_reads_letters_as_re_ignorecase_does() -> None:
    """A character matches a lower-case ASCII letter under re.I exactly when it
    folds to that letter."""
    folded = fold(ALL)
    any_letter = re.compile("[a-z]", re.I)
    for c, f in zip(ALL, folded, strict=True):
        if any_letter.fullmatch(c):
            assert [x for x in string.ascii_lowercase if re.fullmatch(x, c, re.I)] == [f], repr(c)
        else:
            assert f not in string.ascii_lowercase, repr(c)


def test_fold_changes_only_cased_characters() -> None:
    """Digits, spaces, punctuation, "’", "£", "<" … stay themselves, and a changed
    character stays in the same classes (``\\w``, ``\\d``, ``\\s``), so ``[^<.;]``,
    ``\\b`` and the rest read the folded text as re.I reads the original."""
    classes = [re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")]
    for c, f in zip(ALL, fold(ALL), strict=True):
        if c != f:
            assert c.lower() != c.upper() or c in "ıſ", repr(c)
            assert f.isascii() <= f.isalpha(), repr(c)
            assert [bool(rx.match(c)) for rx in classes] == [bool(rx.match(f)) for rx in classes], repr(c)


def test_rule_patterns_must_be_lower_case() -> None:
    assert _rx(r"(?P<l>\d+)\s+by\b").match("12 by")
    with pytest.raises(ValueError, match="lower case"):
        _rx(r"[Ii]n\s+")


def test_rule_patterns_run_on_the_folded_sentence() -> None:
    """A rule pattern is lower case and compiled case-sensitively, so it must be
    given the folded sentence (``low``), never the masked one as written."""
    tree = ast.parse(inspect.getsource(relations))
    texts = [
        ast.unparse(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Call)
        and isinstance(node.func.value.func, ast.Name)
        and node.func.value.func.id == "_rx"
    ] + [
        ast.unparse(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and re.fullmatch(r"_P\d+", node.func.value.id) is not None
        and node.func.attr in ("finditer", "match", "search")
    ]
    assert texts and set(texts) == {"low"}


def test_norm_key_of_ascii_names_takes_the_general_steps() -> None:
    """norm_key reads a name in ASCII through one translate table instead of its
    regexes: the same key for every ASCII character, alone and between words."""
    from graph.textnorm import _key_of_any, norm_key

    norm_key.cache_clear()
    for cp in range(128):
        c = chr(cp)
        for name in (c, f"A{c}b", f"The{c}Arts  {c}{c} Council{c}", f" {c}the x{c}"):
            want = _key_of_any(name)
            assert norm_key(name) == (want[4:] if want.startswith("the ") else want), repr(name)
