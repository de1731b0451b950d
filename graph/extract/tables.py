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
    # "Source" over a column of amounts: where the money comes from
    ("funder", re.compile(r"\b(?:funders?|funded\s+by|sponsors?|donors?|sources?(?:\s+of\s+funding)?)\b", re.I)),
    # "Role", "Role in the project", "Role on the steering group": what the row's body does
    ("role", re.compile(r"^\s*(?:main\s+)?roles?\b", re.I)),
    # "Based in", "Headquarters": where the body is
    ("base", re.compile(r"\b(?:based|headquarters|home\s+town|office)\b", re.I)),
    # "Main campus", "Drop-in hub", "Venue": the body's site
    ("site", re.compile(r"\b(?:campus|hub|venue|site|premises|address)\b", re.I)),
    ("participant", re.compile(r"^\s*(?:partner\s+|participating\s+|host\s+)?school\s*$|\b(?:schools|participants|participating|venues|host\s+schools|partner\s+schools)\b", re.I)),
    ("amount", re.compile(r"\b(?:amount|award(?:ed)?|grant|funding|value|total|£|budget|investment|allocation|allocated|contribution)\b", re.I)),
    # a ward's name is one place even with "and" in it ("Tuxford and Trent")
    ("ward", re.compile(r"\bwards?\b", re.I)),
    ("place", re.compile(r"\b(?:area|areas|location|place|region|local authority|borough|boroughs|district|districts|town|towns|city|county|constituency|nation|where)\b", re.I)),
    ("programme", re.compile(r"\b(?:project|programme|program|scheme|initiative|activity|title|festival|event|strand|course|commission|residency|action|exhibition)\b", re.I)),
    # "For", "Towards", "Purpose": what a funders table's row pays for (its "Programme" column
    # is then the funder's own fund, the channel)
    ("for", re.compile(r"^\s*(?:for|towards|purpose|used\s+for|funds?\s+for|(?:what\s+)?it\s+(?:pays|paid)\s+for|supporting)\s*$", re.I)),
    # "Board member", "Trustee", "Chair": a column of people, who are not entities (their
    # organisations are, in the column beside them)
    ("person", re.compile(r"^\s*(?:board\s+members?|trustees?|directors?|chair(?:person)?|representatives?"
                          r"|(?:named\s+|lead\s+)?contacts?(?:\s+names?)?|councillors?|people|person)\s*$", re.I)),
    # "Member": an organisation column whose rows belong to the page's partnership
    ("member", re.compile(r"^\s*members?\s*$", re.I)),
    ("org", re.compile(r"\b(?:organisation|organization|recipient|grantee|applicant|lead|partner|provider|name|body|charity|company|employer|applicant|member|college|school|group|club|society|societies|grantholder|grant\s+holder)s?\b"
                        r"|\bwho\s+runs\b|\brun\s+by\b|\bdelivered\s+by\b|\boperators?\b"
                        r"|^\s*(?:with|run\s+with|in\s+partnership\s+with)\s*$", re.I)),
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
    boroughs districts towns wards cities counties sector sectors groups club clubs society societies grantholder grantholders holder holders who delivered operator operators
    source sources months weeks duration period length term start end status council councils
    day days dates time times when museum museums gallery galleries theatre theatres
    artist artists maker makers writer writers commission commissions residency residencies
    seat seats board trustee trustees director directors chair chairperson representative representatives
    action actions exhibition exhibitions objects loans priority priorities theme themes towards purpose used pays paid supporting councillor councillors people person allocation allocations allocated contribution intervention interventions""".split()
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
    if _YEAR_HEADER.fullmatch(header):
        return "amount"  # "2025–26" over a column of sums: what each row gives that year
    return _role(header)


_YEAR_HEADER = re.compile(r"\s*(?:19|20)\d\d\s*[–—/-]\s*(?:\d\d|(?:19|20)\d\d)\s*(?:\(£\)|£)?\s*")


_SOURCE = re.compile(r"\s*(?:funding\s+)?sources?\b", re.I)


def table_roles(headers: list[str]) -> tuple[str | None, ...]:
    """The roles of a table's columns from their headers: as :func:`column_role`,
    but a "Source" column names funders only beside a column of amounts."""
    roles = [column_role(h) for h in headers]
    if roles.count("org") > 1:
        # "Project | Lead organisation | Partners | …": the lead's column names who runs each row;
        # the partners take part (each name in the cell, "A; B")
        roles = ["participant" if r == "org" and _PARTNERS.fullmatch(h) else r for h, r in zip(headers, roles, strict=True)]
    if "amount" not in roles:
        roles = [None if r == "funder" and _SOURCE.match(h) else r for h, r in zip(headers, roles, strict=True)]
    if roles.count("org") == 1 and any(r == "person" and _MEMBER_PEOPLE.search(h) for h, r in zip(headers, roles, strict=True)):
        # "Board member | Organisation | Seat": each row's organisation has a seat on the page's body
        roles = ["member" if r == "org" else r for r in roles]
    if any(_WHEN.fullmatch(h) for h in headers):
        # "Day | Time | Event | Venue | With": a schedule. Its event titles ("Talk: from linen to
        # laser cutting") name sessions of what the page is about, not programmes of their own; a
        # "Museum" or "Theatre" column names where each one is held
        roles = [None if r == "programme" and _EVENT.fullmatch(h) else "site" if _VENUE.fullmatch(h)
                 else "when" if _WHEN.fullmatch(h) else r for h, r in zip(headers, roles, strict=True)]
    return tuple(roles)


_MEMBER_PEOPLE = re.compile(r"\b(?:board|members?|trustees?|directors?|representatives?)\b", re.I)
_PARTNERS = re.compile(r"\s*(?:delivery\s+|project\s+|other\s+|supporting\s+|associate\s+)?partners(?:\s+organisations)?\s*", re.I)
_WHEN = re.compile(r"\s*(?:days?|dates?|times?|when)\s*", re.I)
_VENUE = re.compile(r"\s*(?:museums?|galler(?:y|ies)|theatres?)\s*", re.I)
_EVENT = re.compile(r"\s*(?:events?|activit(?:y|ies)|titles?)\s*", re.I)


def bracket_role(header: str) -> str | None:
    """The role of a bracketed part of a header: "Project (ward)" -> 'place', so a
    cell "Towpath Lights (Ossett South)" names a project and the place it runs in."""
    m = _BRACKETED.fullmatch(header.strip())
    if m and _role(m.group(1)) is not None:
        return _role(m.group(2))
    return None


_BRACKETED = re.compile(r"(.+?)\s*\((.+)\)")


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_HEADER_WORD = re.compile(r"[^\W\d_]+|£")


def _role(header: str) -> str | None:
    words = _HEADER_WORD.findall(header.lower())
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
    more: tuple[tuple[int, int], ...] = ()
    """The spans of the other lines a wrapped cell goes on to."""

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
        header = table_roles([text[a:b] for a, b in split_row(text, s0, s1)])
        j = i + 1
        if sum(1 for r in header if r) < 2:
            i = j
            continue
        headers.add(i)
        while j < len(sentences) and (is_row(text[sentences[j][0] : sentences[j][1]])
                                      or _group_heading(text, sentences, j)):
            line = text[sentences[j][0] : sentences[j][1]]
            if not is_row(line) or is_separator(line):
                # (a heading inside the table, "Coventry" over the rows of its grants, names a
                # group of rows: like the header it states nothing itself)
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


_GROUP_HEADING = re.compile(r"[^\W\d_][\w'’&,\- ]{0,60}")


def _group_heading(text: str, sentences: list[tuple[int, int]], j: int) -> bool:
    """Whether sentence ``j`` is a heading row inside a table: a short line of words with no
    cell separator and no full stop ("Coventry", "North Wales", a full-width ``<th colspan>``
    row as ingestion writes it) between two rows of the same table."""
    if j + 1 >= len(sentences) or not _GROUP_HEADING.fullmatch(text[sentences[j][0] : sentences[j][1]].strip()):
        return False
    if j == 0 or not is_row(text[sentences[j - 1][0] : sentences[j - 1][1]]):
        return False
    return is_row(text[sentences[j + 1][0] : sentences[j + 1][1]]) and not is_separator(
        text[sentences[j + 1][0] : sentences[j + 1][1]])


def _trim_start(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


# Fixed-width tables (text converted from PDF): columns are set apart by runs of
# spaces, and a long cell wraps onto the next line(s) under its own column.
#
#     Applicant              Project (ward)                  Award
#     ---------------------  ------------------------------  -------
#     Saltbrook Canal Trust  Towpath Lights (Ossett          £48,000
#                            South)
#     Kestrel Valley Youth   Harbour Songs                   £12,000
#     Theatre
#                                                            -------
#                            TOTAL                           £60,000
#
# A row is a line with a cell in the first column and the lines its wrapped
# cells go on to: a line with nothing in the first column, a line indented
# inside the first column, and (in a table of amounts) a line with no amount
# go on with the row above. Where blank lines stand between the rows, they
# alone (and the amounts) end a row. Rules (---) are skipped; a total line ends
# the table.

_SEGMENT = re.compile(r"\S+(?: \S+)*")  # a run of text; two spaces or a tab end it
_COLUMN_SLACK = 2  # a cell may start this many characters before or after its header
_RULE_LINE = re.compile(r"[ \t]*[-=_─━–]{3,}[-=_─━– \t]*")
_TOTAL = re.compile(r"(?:grand\s+|sub-?)?totals?\b", re.I)
_HAS_DIGIT = re.compile(r"\d")


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
    ends: tuple[int, ...] = ()
    """Where each header cell ends (positions in a line): a right-aligned cell
    (an amount) belongs to the header it lies under."""


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
    words = _HEADER_WORD.findall(cell.lower())
    return bool(words) and all(w in _HEADER_WORDS for w in words)


def is_rule_line(line: str) -> bool:
    """A line drawn across (part of) a table: "-----  ------", "=======", "______"."""
    return _RULE_LINE.fullmatch(line) is not None


def line_cells(text: str, ls: int, le: int, cols: tuple[int, ...], ends: tuple[int, ...] = ()) -> list[tuple[int, int, int]]:
    """(column, start, end) of each piece of text on the line ``text[ls:le]`` of a
    fixed-width table. A run of text that goes on into the next column with one
    space between is cut at the space nearest the column's start; a piece goes to
    the column whose header it lies under (most overlap), else to the last column
    that starts at or before it."""
    out: list[tuple[int, int, int]] = []
    for a, b in _segments(text, ls, le):
        cuts = []
        for c in cols[1:]:
            if a - ls < c - _COLUMN_SLACK and c < b - ls:
                near = [p for p in range(max(a, ls + c - _COLUMN_SLACK - 1), min(b, ls + c + _COLUMN_SLACK))
                        if text[p] == " "]
                if near:
                    cuts.append(min(near, key=lambda p: abs(p + 1 - (ls + c))))
        for pa, pb in zip([a, *(c + 1 for c in cuts)], [*cuts, b], strict=True):
            out.append((_column_of(pa - ls, pb - ls, cols, ends), pa, pb))
    return out


def _column_of(a: int, b: int, cols: tuple[int, ...], ends: tuple[int, ...]) -> int:
    if ends:
        overlaps = [min(b, e) - max(a, c) for c, e in zip(cols, ends, strict=True)]
        best = max(range(len(cols)), key=lambda k: overlaps[k])
        if overlaps[best] > 0:
            return best
    return max((n for n, c in enumerate(cols) if c <= a + _COLUMN_SLACK), default=0)


def _aligned(text: str, ls: int, le: int, cols: tuple[int, ...], ends: tuple[int, ...], amount_col: int | None) -> bool:
    """Whether a line reads as a row of the table: pieces under at least half the
    columns (two or more), the first in the first column, each under a different
    column, and an amount under the amount column if there is one."""
    segs = _segments(text, ls, le)
    ks = [_column_of(a - ls, b - ls, cols, ends) for a, b in segs]
    if len(segs) < max(2, (len(cols) + 1) // 2) or ks[0] != 0 or len(set(ks)) < len(ks):
        return False
    return amount_col is None or any(k == amount_col and _HAS_DIGIT.search(text, a, b) for k, (a, b) in zip(ks, segs, strict=True))


@lru_cache(maxsize=4)
def fixed_width_tables(text: str) -> tuple[FixedTable, ...]:
    """Every fixed-width table of ``text``: a line of two or more header cells
    (at least two of them with a known role) set apart by runs of spaces, and the
    lines under it (see the comment above for where its rows begin and end). A
    line that runs across the columns as one piece of prose, starts left of the
    first column, or gives a total ends the table; so does a blank line that no
    row of the table follows."""
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
        roles = table_roles([text[a:b] for a, b in segs])
        if sum(1 for r in roles if r) < 2:
            continue
        cols = tuple(a - s for a, _ in segs)
        ends = tuple(b - s for _, b in segs)
        amount_col = roles.index("amount") if "amount" in roles else None
        rows, j = _fixed_rows(text, lines, i, cols, ends, amount_col)
        if rows:
            out.append(FixedTable((s, e), cols, roles, tuple(bracket_role(text[a:b]) for a, b in segs),
                                  tuple((a, b) for a, b in rows), ends))
            i = j
    return tuple(out)


def _fixed_rows(text: str, lines: list[tuple[int, int]], i: int, cols: tuple[int, ...], ends: tuple[int, ...],
                amount_col: int | None) -> tuple[list[list[int]], int]:
    """The rows under a header line (``lines[i]`` is the first line after it) and
    the index of the first line after the table."""
    body: list[tuple[int, int, list[tuple[int, int, int]]] | None] = []  # None: a blank line or a rule
    blank_between = False
    j = i
    while j < len(lines):
        ls, le = lines[j]
        line = text[ls:le]
        if not line.strip():
            nxt = lines[j + 1] if j + 1 < len(lines) else None
            if nxt is None or not _aligned(text, nxt[0], nxt[1], cols, ends, amount_col):
                break
            blank_between = blank_between or any(b is not None for b in body)
            body.append(None)
            j += 1
            continue
        if is_rule_line(line):
            body.append(None)
            j += 1
            continue
        cells = line_cells(text, ls, le, cols, ends)
        first = cells[0][1] - ls
        if first < cols[0] - _COLUMN_SLACK or _TOTAL.match(text, cells[0][1]):
            break
        segs = _segments(text, ls, le)
        if len(segs) == 1 and segs[0][1] - ls > cols[1] + 10 and first <= cols[0] + _COLUMN_SLACK:
            break  # one run of text across the columns: prose under the table
        body.append((ls, le, cells))
        j += 1
    rows: list[list[int]] = []
    left: int | None = None  # where the first cells of rows start
    row_amount = False  # the current row has its amount
    amounts = False  # the table's rows give amounts
    after_break = True
    for item in body:
        if item is None:
            after_break = True
            continue
        ls, le, cells = item
        ks = {k for k, _, _ in cells}
        first = cells[0][1] - ls
        has_amount = amount_col in ks and any(
            k == amount_col and _HAS_DIGIT.search(text, a, b) for k, a, b in cells)
        if not rows:
            starts = 0 in ks
        elif has_amount and row_amount:
            starts = True  # one amount a row
        elif after_break:
            starts = True  # a blank line or a rule ends the row above
        elif blank_between or 0 not in ks:
            starts = False  # rows are set apart by blank lines; nothing in the first column: a wrapped line
        elif left is not None and first > left and not _HAS_DIGIT.search(text, cells[0][1], cells[0][2]):
            starts = False  # indented inside the first column: a wrapped name
        else:
            starts = not amounts or has_amount  # in a table of amounts, a line without one is wrapped
        after_break = False
        if starts:
            rows.append([ls, le])
            if 0 in ks and left is None:
                left = first
            row_amount = has_amount
            amounts = amounts or has_amount
        elif rows:
            rows[-1][1] = le
            row_amount = row_amount or has_amount
        else:
            break
    return rows, (j if rows else i)


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
    if text[start:end] == part:
        return Cell(start, end, role)
    last = pos_map[hi - 1]
    more = tuple((max(a, start), min(b, (last or 0) + 1)) for a, b in frags
                 if a < (last or 0) + 1 and b > end)
    return Cell(start, end, role, part, more)


# a place cell wrapped after a list separator ("Llandeilo and" / "Tywi valley") lists places
_LIST_END = re.compile(r"(?:,|;|/|&|\band)\s*$")
_WARD_LIST_END = re.compile(r"[,;/]\s*$")
# "City-wide", "All wards", "Various": no place
_NO_PLACE = re.compile(r"(?i)[\w-]+[- ]wide|all(?:\s+\w+)?|various|multiple|n/?a|tb[ca]|none|[-–—]")
# "Pit to Pantry oral history", "Donkeys to Dodgems (oral history)", "Mill Pilot (see note 2)": the name, then what it is
_DESCRIBED = re.compile(r"(?P<name>.+?)(?:\s+\([^()]*\b[a-z][^()]*\)|(?:\s+[a-z][a-z\-]*){2,})\s*")
_FUNCTION_WORDS = frozenset("a an and at by for from in of on or the to with".split())
# "Jobcentre Plus (DWP)": the body, then its short name or its parent's
_ACRONYM_TAIL = re.compile(r"(?P<name>.+?)\s+\([A-Z][A-Za-z&]{1,9}\)")
_WORDS = re.compile(r"[^\W_][\w'’&\-]*")
_NAME_ROLES = frozenset({"org", "member", "funder", "programme"})


_PLACE_IN_BRACKETS = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|upon|on|under|in|the|of|le)){0,4}")


def _is_name(value: str) -> bool:
    """Whether a cell reads as a name: it opens with a capital (or a digit) and has
    no more lower-case words than capitalised ones ("Council capital programme" has)."""
    words = [w for w in _WORDS.findall(value) if w.lower() not in _FUNCTION_WORDS]
    capitals = sum(1 for w in words if not w[0].islower())
    return bool(words) and not value[0].islower() and capitals >= len(words) - capitals


def _name_part(value: str, role: str | None) -> tuple[int, int]:
    """The part of a cell's text that names it: a name without the description
    after it ("Pit to Pantry oral history", "Sand Lines (village tour)"), an
    organisation without an acronym after it ("Jobcentre Plus (DWP)"), a funder
    without what it funds through ("Welsh Government, Transforming Towns")."""
    if role not in _NAME_ROLES:
        return 0, len(value)
    if role == "funder" and ", " in value:
        value = value[: value.index(", ")]
    m = _DESCRIBED.fullmatch(value)
    if m is not None:
        words = [w for w in _WORDS.findall(m.group("name")) if w.lower() not in _FUNCTION_WORDS]
        if len(words) >= 2 and all(not w[0].islower() for w in words) and not m.group("name").endswith(tuple(_FUNCTION_WORDS)):
            return 0, m.end("name")
    if role != "programme":
        m = _ACRONYM_TAIL.fullmatch(value)
        if m is not None:
            return 0, m.end("name")
    return 0, len(value)


def fixed_row_cells(text: str, table: FixedTable, row: tuple[int, int]) -> tuple[Cell, ...]:
    """The cells of one row of a fixed-width table, wrapped cells joined."""
    cols = table.columns
    frags: list[list[tuple[int, int]]] = [[] for _ in cols]
    for ls, le in line_spans(text[row[0] : row[1]]):
        ls, le = ls + row[0], le + row[0]
        for k, a, b in line_cells(text, ls, le, cols, table.ends):
            frags[k].append((a, b))
    cells: list[Cell] = []
    for k, fr in enumerate(frags):
        role = table.roles[k]
        for group in _list_groups(text, fr, role):
            value = " ".join(text[a:b] for a, b in group)
            if role in ("place", "ward") and _NO_PLACE.fullmatch(value):
                continue
            m = _BRACKETED.fullmatch(value) if table.inner[k] or role in ("place", "ward") else None
            if m and not table.inner[k] and not _PLACE_IN_BRACKETS.fullmatch(m.group(2)):
                m = None
            if m:
                # "Towpath Lights (Ossett South)" under "Project (ward)"; "Boston (Fenside)": a place and a part of it
                parts = [(m.start(1), m.end(1), role), (m.start(2), m.end(2), table.inner[k] or role)]
            else:
                lo, hi = _name_part(value, role)
                if role in _NAME_ROLES and not _is_name(value[lo:hi]):
                    continue  # "Council capital programme", "core costs": no name
                parts = [(lo, hi, role)]
            for lo, hi, r in parts:
                cell = _fragment_cell(text, group, lo, hi, r)
                if cell is not None:
                    cells.append(cell)
    return tuple(cells)


def _list_groups(text: str, frags: list[tuple[int, int]], role: str | None) -> list[list[tuple[int, int]]]:
    """The fragments of a wrapped cell, grouped into the names it lists: a place
    cell wrapped after "and" or a comma ("Llandeilo and" / "Tywi valley") lists
    two places; any other wrapped cell is one name."""
    end = {"place": _LIST_END, "ward": _WARD_LIST_END}.get(role or "")
    if end is None or len(frags) < 2:
        return [frags] if frags else []
    groups: list[list[tuple[int, int]]] = [[]]
    for a, b in frags:
        groups[-1].append((a, b))
        m = end.search(text, a, b)
        if m is not None and m.start() > a:
            groups[-1][-1] = (a, m.start())
            groups.append([])
    return [g for g in groups if g]


def funder_sentences(text: str, sentences: list[tuple[int, int]], before: int) -> list[int]:
    """Sentences before ``before`` that may name the grant-maker, best first: those
    that announce, award or allocate grants (nearest first), then those that fund
    or invest. The caller takes the first that names an organisation."""
    # the fourteen sentences before the table, its rows (and headings) not counted: a long table's
    # last rows have the same lead-in as its first
    window: list[int] = []
    k = before - 1
    while k >= 0 and len(window) < 14:
        s0, s1 = sentences[k]
        if not is_row(text[s0:s1]) and not _group_heading(text, sentences, k):
            window.append(k)
        k -= 1
    out: list[int] = []
    for n in (0, 1):
        for k in window:
            s0, s1 = sentences[k]
            if k not in out and funder_cues(text[s0:s1])[n]:
                out.append(k)
    return out


@lru_cache(maxsize=1024)
def funder_cues(sentence: str) -> tuple[bool, bool]:
    """Whether a sentence (not a table row) announces, awards or allocates grants, and
    whether it funds or invests (:func:`funder_sentences`). Cached: each sentence with
    an amount asks about the dozen sentences before it, so most are asked several times
    (``graph.extract.names.clear_caches`` empties the cache)."""
    if is_row(sentence):
        return False, False
    return _GRANT_MAKER_CUE.search(sentence) is not None, _FUNDER_CUE.search(sentence) is not None
