"""Tables with a header row: funding announcements, partner lists, project tables.

A header cell names the role of its column ("Organisation", "Project",
"Amount", "Area" …). Each data row then gives typed names (an organisation,
a programme, a place) and relations between them: the organisation delivers
the project, the project operates in the area, and the document's funder
funds the project (or the organisation) with the row's amount. The funder is
the organisation that the text before the table says announces, awards or
funds the grants.

>>> column_role("Lead organisation")
'org'
>>> column_role("Amount awarded (£)")
'amount'
>>> column_role("Local authority area")
'place'
>>> column_role("Glasgow City Council") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROLES = (
    ("funder", re.compile(r"\b(?:funders?|funded\s+by|sponsors?|donors?)\b", re.I)),
    ("participant", re.compile(r"\b(?:schools|participants|participating|venues|host\s+schools|partner\s+schools)\b", re.I)),
    ("amount", re.compile(r"\b(?:amount|award(?:ed)?|grant|funding|value|total|£|budget|investment)\b", re.I)),
    ("place", re.compile(r"\b(?:area|location|place|region|local authority|borough|district|town|city|county|ward|constituency|nation)\b", re.I)),
    ("programme", re.compile(r"\b(?:project|programme|program|scheme|initiative|activity|title|festival|event)\b", re.I)),
    ("org", re.compile(r"\b(?:organisation|organization|recipient|grantee|applicant|lead|partner|provider|name|body|charity|company|employer|applicant)s?\b", re.I)),
)
_GRANT_MAKER_CUE = re.compile(
    r"\b(?:announc\w*|award\w*|grants?\b|allocat\w*|distribut\w*)", re.I
)
_FUNDER_CUE = re.compile(
    r"\b(?:announc\w*|award\w*|grant\w*|fund\w*|invest\w*|allocat\w*|distribut\w*|confirm\w*)\b", re.I
)


_HEADER_WORDS = frozenset(
    """amount award awarded grant grants funding funded value total budget investment £ gbp
    area areas location locations place places region regions local authority authorities borough
    district town city county ward constituency nation
    project projects programme programmes program scheme initiative activity title festival event events
    organisation organisations organization organizations recipient recipients grantee grantees
    applicant applicants lead partner partners provider providers name names body bodies charity
    charities company companies employer employers delivery delivering main of the and or in
    no number ref reference description summary year years date funder funders sponsor sponsors donor donors by schools participants participating venues host""".split()
)


def column_role(header: str) -> str | None:
    """The role of a column from its header text: funder, org, programme, place, amount (or None).

    Only header-like text counts (every word from a small header vocabulary), so a
    row of names ("Glasgow City Council | …") is never read as a header.
    """
    words = re.findall(r"[^\W\d_]+|£", header.lower())
    if not words or not all(w in _HEADER_WORDS for w in words):
        return None
    for role, rx in _ROLES:
        if rx.search(header):
            return role
    return None


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its span in the document text and its column role."""

    start: int
    end: int
    role: str | None

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]


def is_row(line: str) -> bool:
    """A table row: "| a | b |" (markdown) or "a | b" (as ingestion writes tables)."""
    stripped = line.strip()
    return stripped.startswith("|") or stripped.count(" | ") >= 1


def split_row(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """Cell spans of the table row ``text[s0:s1]`` (trimmed; empty cells kept as empty spans)."""
    row = text[s0:s1]
    if not is_row(row):
        return []
    cells: list[tuple[int, int]] = []
    pos = s0
    parts = row.split("|")
    for n, part in enumerate(parts):
        start = pos
        pos += len(part) + 1
        if (n == 0 or n == len(parts) - 1) and not part.strip():
            continue  # outside the leading / trailing pipe
        st = start + len(part) - len(part.lstrip())
        en = start + len(part.rstrip())
        cells.append((st, max(st, en)))
    return cells


def is_separator(line: str) -> bool:
    """A markdown header separator such as ``|---|:--|``."""
    return "-" in line and set(line.strip()) <= set("|-: ")


@dataclass(frozen=True, slots=True)
class TableRow:
    """A data row of a header table: its sentence index and its cells with roles."""

    sentence: int
    cells: tuple[Cell, ...]


def header_tables(text: str, sentences: list[tuple[int, int]]) -> tuple[list[TableRow], set[int]]:
    """Data rows of every table whose first row names at least two known roles,
    and the sentence indices of those header (and separator) rows."""
    rows: list[TableRow] = []
    headers: set[int] = set()
    i = 0
    while i < len(sentences):
        s0, s1 = sentences[i]
        if not is_row(text[s0:s1]) or is_separator(text[s0:s1]):
            i += 1
            continue
        header = [column_role(text[a:b]) for a, b in split_row(text, s0, s1)]
        j = i + 1
        if sum(1 for r in header if r) < 2:
            i = j
            continue
        headers.add(i)
        while j < len(sentences) and is_row(text[sentences[j][0] : sentences[j][1]]):
            line = text[sentences[j][0] : sentences[j][1]]
            if is_separator(line):
                headers.add(j)
            else:
                spans = split_row(text, *sentences[j])
                cells = tuple(
                    Cell(a, b, header[n] if n < len(header) else None) for n, (a, b) in enumerate(spans)
                )
                rows.append(TableRow(j, cells))
            j += 1
        i = j
    return rows, headers


def funder_sentences(text: str, sentences: list[tuple[int, int]], before: int) -> list[int]:
    """Sentences before ``before`` that may name the grant-maker, best first: those
    that announce, award or allocate grants (nearest first), then those that fund
    or invest. The caller takes the first that names an organisation."""
    out: list[int] = []
    for cue in (_GRANT_MAKER_CUE, _FUNDER_CUE):
        for k in range(before - 1, max(-1, before - 15), -1):
            s0, s1 = sentences[k]
            if k not in out and not is_row(text[s0:s1]) and cue.search(text[s0:s1]):
                out.append(k)
    return out
