"""Name normalisation shared by the gazetteer, entity resolution and evaluation,
and the case folding the extraction rules match on (:func:`fold`).

The matching key follows ``GUIDELINES.md``: case-folded, punctuation and a
leading "the" removed, whitespace squeezed, "&" read as "and".

>>> norm_key("The Arts Council  England")
'arts council england'
>>> norm_key("Barnsley & Rotherham")
'barnsley and rotherham'
>>> norm_key("St. Helens’")
'st helens'
>>> norm_key("Kestrel Foundation¹")
'kestrel foundation'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_SUPERSCRIPTS = re.compile(r"[¹²³⁰⁴-⁹]+")


_FOLD_EXTRA = str.maketrans("İıſ", "iis")


def fold(text: str) -> str:
    """Lower-case ``text`` character for character, the way ``re.I`` compares letters.

    A lower-case pattern matched against ``fold(text)`` finds exactly what the
    same pattern with ``re.I`` finds in ``text``, at the same offsets, several
    times faster (the regex engine skips alternatives of plain letters quickly,
    and of case-insensitive ones slowly), so the extraction rules match on it.
    ``str.lower`` agrees with ``re.I`` except on "İ" (which it turns into two
    characters) and on "ı" and "ſ" (which ``re.I`` reads as "i" and "s");
    tests/test_fold.py checks this over every code point.

    >>> fold("Funded BY the Arts Council’s fund")
    'funded by the arts council’s fund'
    >>> fold("İſtanbul") == "istanbul"
    True
    """
    if text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text):
        return text.lower()  # (translate() looks up every character in its table: only when needed)
    return text.translate(_FOLD_EXTRA).lower()


def _ascii_key_table() -> dict[int, str | None]:
    """:func:`norm_key`'s replacements for the ASCII characters, as one ``str.translate``
    table: "&" reads "and", "'" goes, and "_" and every character that is neither a
    letter, a digit nor a space (``[^\\w\\s]`` in ASCII) becomes a space."""
    table: dict[int, str | None] = {}
    for cp in range(128):
        c = chr(cp)
        if c == "&":
            table[cp] = " and "
        elif c == "'":
            table[cp] = None
        elif c == "_" or not (c.isalnum() or c.isspace()):
            table[cp] = " "
    return table


_ASCII_KEY = _ascii_key_table()


@lru_cache(maxsize=8192)
def norm_key(name: str) -> str:
    """Return the matching key of a name (see module docstring).

    Cached: a document names the same bodies again and again
    (``graph.extract.names.clear_caches`` empties the cache)."""
    if name.isascii():
        # :func:`_key_of_any` for a name in ASCII (most names) without its regexes: no
        # superscripts, NFKC changes nothing, casefold() is lower(), and str.split() parts
        # at the same spaces as \s+ (tests/test_fold.py checks every ASCII character)
        s = " ".join(name.lower().translate(_ASCII_KEY).split())
    else:
        s = _key_of_any(name)
    if s.startswith("the "):
        s = s[4:]
    return s


def _key_of_any(name: str) -> str:
    """:func:`norm_key` of any name, but for the leading "the"."""
    s = unicodedata.normalize("NFKC", _SUPERSCRIPTS.sub("", name)).casefold()
    s = s.replace("&", " and ")
    s = s.replace("’", "").replace("'", "")
    s = _PUNCT.sub(" ", s).replace("_", " ")
    return _SPACE.sub(" ", s).strip()
