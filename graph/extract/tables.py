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
from functools import lru_cache

_ROLES = (
    ("funder", re.compile(r"\b(?:funders?|funded\s+by|sponsors?|donors?)\b", re.I)),
    # "Role", "Role in the project", "Role on the steering group": what the row's body does
    ("role", re.compile(r"^\s*(?:main\s+)?roles?\b", re.I)),
    # "Based in", "Headquarters": where the body is
    ("base", re.compile(r"\b(?:based|headquarters|home\s+town|office)\b", re.I)),
    # "Main campus", "Drop-in hub", "Venue": the body's site
    ("site", re.compile(r"\b(?:campus|hub|venue|site|premises|address)\b", re.I)),
    ("participant", re.compile(r"\b(?:schools|participants|participating|venues|host\s+schools|partner\s+schools)\b", re.I)),
    ("amount", re.compile(r"\b(?:amount|award(?:ed)?|grant|funding|value|total|£|budget|investment)\b", re.I)),
    # a ward's name is one place even with "and" in it ("Tuxford and Trent")
    ("ward", re.compile(r"\bwards?\b", re.I)),
    ("place", re.compile(r"\b(?:area|areas|location|place|region|local authority|borough|boroughs|district|districts|town|towns|city|county|constituency|nation|where)\b", re.I)),
    ("programme", re.compile(r"\b(?:project|programme|program|scheme|initiative|activity|title|festival|event|strand|course)\b", re.I)),
    # "Member": an organisation column whose rows belong to the page's partnership
    ("member", re.compile(r"^\s*members?\s*$", re.I)),
    ("org", re.compile(r"\b(?:organisation|organization|recipient|grantee|applicant|lead|partner|provider|name|body|charity|company|employer|applicant|member|college|school|group|club|society|societies|grantholder|grant\s+holder)s?\b"
                        r"|\bwho\s+runs\b|\brun\s+by\b|\bdelivered\s+by\b|\boperators?\b", re.I)),
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
    no number ref reference description summary year years date funder funders sponsor sponsors donor donors by schools participants participating venues host
    role roles in on to for with what where it runs run covered covering served based headquarters office home
    main campus hub drop site sites venue premises address member members college colleges school steering group
    strand strands course courses completers learners places contact website
    boroughs districts towns wards cities counties sector sectors groups club clubs society societies grantholder grantholders holder holders who delivered operator operators""".split()
)


def column_role(header: str) -> str | None:
    """The role of a column from its header text: funder, org, programme, place, amount (or None).

    Only header-like text counts (every word from a small header vocabulary), so a
    row of names ("Glasgow City Council | …") is never read as a header. A header
    "Project (ward)" is a programme column (see :func:`bracket_role`).
    """
    m = _BRACKETED.fullmatch(header.strip())
    if m and _role(m.group(2)) is not None:
        return _role(m.group(1))
    return _role(header)


def bracket_role(header: str) -> str | None:
    """The role of a bracketed part of a header: "Project (ward)" -> 'place', so a
    cell "Towpath Lights (Ossett South)" names a project and the place it runs in."""
    m = _BRACKETED.fullmatch(header.strip())
    if m and _role(m.group(1)) is not None:
        return _role(m.group(2))
    return None


_BRACKETED = re.compile(r"(.+?)\s*\((.+)\)")


def _role(header: str) -> str | None:
    words = re.findall(r"[^\W\d_]+|£", header.lower())
    if not words or not all(w in _HEADER_WORDS for w in words):
        return None
    for role, rx in _ROLES:
        if rx.search(header):
            return role
    return None


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its span in the document text and its column role.

    A cell of a fixed-width table may be wrapped over several lines: then
    ``value`` is its whole text (fragments joined by a space) and the span is
    its first fragment, the part that can be pointed at in the text.
    """

    start: int
    end: int
    role: str | None
    value: str | None = None

    def text(self, doc: str) -> str:
        return self.value if self.value is not None else doc[self.start : self.end]


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
    fixed = fixed_width_tables(text)
    starts = {_trim_start(text, s0): n for n, (s0, _) in enumerate(sentences)} if fixed else {}
    for table in fixed:
        h = starts.get(_trim_start(text, table.header[0]))
        if h is None:
            continue
        headers.add(h)
        for row in table.rows:
            si = starts.get(_trim_start(text, row[0]))
            if si is not None:
                rows.append(TableRow(si, fixed_row_cells(text, table, row)))
    rows.sort(key=lambda r: r.sentence)
    return rows, headers


def _trim_start(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


# Fixed-width tables (text converted from PDF): columns are set apart by runs of
# spaces, and a long cell wraps onto the next line(s) under its own column.
#
#     Applicant              Project (ward)                  Award
#     Saltbrook Canal Trust  Towpath Lights (Ossett          £48,000
#                            South)

_SEGMENT = re.compile(r"\S+(?: \S+)*")  # a run of text; two spaces or a tab end it
_COLUMN_SLACK = 2  # a cell may start this many characters before or after its header


@dataclass(frozen=True, slots=True)
class FixedTable:
    """A fixed-width table: its header line, column starts (positions in a line),
    the roles of the columns and of their bracketed parts, and the span of each
    row (its first line with the lines its wrapped cells go on to)."""

    header: tuple[int, int]
    columns: tuple[int, ...]
    roles: tuple[str | None, ...]
    inner: tuple[str | None, ...]
    rows: tuple[tuple[int, int], ...]


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, without the line breaks."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _segments(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SEGMENT.finditer(text, s, e)]


def _header_like(cell: str) -> bool:
    words = re.findall(r"[^\W\d_]+|£", cell.lower())
    return bool(words) and all(w in _HEADER_WORDS for w in words)


@lru_cache(maxsize=4)
def fixed_width_tables(text: str) -> tuple[FixedTable, ...]:
    """Every fixed-width table of ``text``: a line of two or more header cells
    (at least two of them with a known role) set apart by runs of spaces, and the
    lines under it up to a blank line. A line whose first column is empty goes
    on with the row above it; a line that runs across the columns as one piece of
    prose, or starts left of the first column, ends the table."""
    if "   " not in text:
        return ()
    lines = line_spans(text)
    out: list[FixedTable] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        i += 1
        if "  " not in text[s:e] or "|" in text[s:e]:
            continue
        segs = _segments(text, s, e)
        if len(segs) < 2 or not all(_header_like(text[a:b]) for a, b in segs):
            continue
        roles = tuple(column_role(text[a:b]) for a, b in segs)
        if sum(1 for r in roles if r) < 2:
            continue
        cols = tuple(a - s for a, _ in segs)
        rows: list[list[int]] = []
        j = i
        while j < len(lines):
            ls, le = lines[j]
            line_segs = _segments(text, ls, le)
            if not line_segs:
                break
            first = line_segs[0][0] - ls
            if first < cols[0] - _COLUMN_SLACK:
                break
            if len(line_segs) == 1 and line_segs[0][1] - ls > cols[1] + 10 and first <= cols[0] + _COLUMN_SLACK:
                break  # one run of text across the columns: prose under the table
            if first <= cols[0] + _COLUMN_SLACK:
                rows.append([ls, le])
            elif rows:
                rows[-1][1] = le
            else:
                break
            j += 1
        if rows:
            out.append(FixedTable((s, e), cols, roles, tuple(bracket_role(text[a:b]) for a, b in segs),
                                  tuple((a, b) for a, b in rows)))
            i = j
    return tuple(out)


def fixed_width_blocks(text: str) -> dict[int, int]:
    """Start -> end of every header line and row of the fixed-width tables of
    ``text``: the sentence splitter keeps each one whole."""
    out: dict[int, int] = {}
    for t in fixed_width_tables(text):
        out[t.header[0]] = t.header[1]
        for a, b in t.rows:
            out[a] = b
    return out


def _fragment_cell(text: str, frags: list[tuple[int, int]], lo: int, hi: int, role: str | None) -> Cell | None:
    """The cell for characters ``lo:hi`` of the fragments joined by single spaces."""
    pos_map: list[int | None] = []
    for n, (a, b) in enumerate(frags):
        if n:
            pos_map.append(None)
        pos_map.extend(range(a, b))
    value = " ".join(text[a:b] for a, b in frags)
    while lo < hi and value[lo].isspace():
        lo += 1
    while hi > lo and value[hi - 1].isspace():
        hi -= 1
    if hi <= lo:
        return None
    start = pos_map[lo]
    if start is None:
        return None
    end = start
    k = lo
    while k < hi and pos_map[k] is not None and pos_map[k] == start + (k - lo):
        end = start + (k - lo) + 1
        k += 1
    part = value[lo:hi]
    return Cell(start, end, role, None if text[start:end] == part else part)


def fixed_row_cells(text: str, table: FixedTable, row: tuple[int, int]) -> tuple[Cell, ...]:
    """The cells of one row of a fixed-width table, wrapped cells joined."""
    cols = table.columns
    frags: list[list[tuple[int, int]]] = [[] for _ in cols]
    for ls, le in line_spans(text[row[0] : row[1]]):
        ls, le = ls + row[0], le + row[0]
        for a, b in _segments(text, ls, le):
            # a cell that runs into the next column with one space between: cut at the column
            cuts = [ls + c for c in cols[1:] if a < ls + c < b and text[ls + c - 1] == " " and text[ls + c] != " "]
            for pa, pb in zip([a, *cuts], [*(c - 1 for c in cuts), b], strict=True):
                k = max((n for n, c in enumerate(cols) if c <= pa - ls + _COLUMN_SLACK), default=0)
                frags[k].append((pa, pb))
    cells: list[Cell] = []
    for k, fr in enumerate(frags):
        if not fr:
            continue
        value = " ".join(text[a:b] for a, b in fr)
        m = _BRACKETED.fullmatch(value) if table.inner[k] else None
        parts = [(m.start(1), m.end(1), table.roles[k]), (m.start(2), m.end(2), table.inner[k])] if m else [
            (0, len(value), table.roles[k])
        ]
        for lo, hi, role in parts:
            cell = _fragment_cell(text, fr, lo, hi, role)
            if cell is not None:
                cells.append(cell)
    return tuple(cells)


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
