"""Name normalisation shared by the gazetteer, entity resolution and evaluation.

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

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_SUPERSCRIPTS = re.compile(r"[¹²³⁰⁴-⁹]+")


def norm_key(name: str) -> str:
    """Return the matching key of a name (see module docstring)."""
    s = unicodedata.normalize("NFKC", _SUPERSCRIPTS.sub("", name)).casefold()
    s = s.replace("&", " and ")
    s = s.replace("’", "").replace("'", "")
    s = _PUNCT.sub(" ", s).replace("_", " ")
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s
