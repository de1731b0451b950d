"""Split document text into sentence spans that survive PDF and web conversion.

A line break ends a sentence unless the text wraps (the next line starts in
lower case, or the line ends mid-phrase with a comma, "and", "of" …); a
bullet or table row always starts a new one; inside a line the usual
full-stop rule applies, guarded against abbreviations ("e.g.", "Dr.", "St.").
Spans index the original text, so ``text[start:end]`` is the exact sentence.

>>> t = "Heading without stop\\nThe council funds it. It runs in\\nLeeds and York.\\n• A bullet"
>>> [t[s:e] for s, e in split_sentences(t)]
['Heading without stop', 'The council funds it.', 'It runs in\\nLeeds and York.', 'A bullet']
"""

from __future__ import annotations

import re

from graph.extract.lexicon import CONNECTORS, LEADING_STOP, ORG_HEADS
from graph.extract.tables import fixed_width_blocks, line_spans

_LIST_LABEL = re.compile(
    r"[ \t]*(?:[\w’' ]{0,30}\s)?(?:partners?|funders?|sponsors?|supporters?|members|schools|venues|employers|exhibitors)\s*:", re.I
)
_POSTCODE_END = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$")
_LEADER_END = re.compile(r"(?:\.{3,}\s*|\s{3,})£?\d[\d,.]*(?:k|m|bn)?$")
# (lettered and bracketed items too, as reports number them: "(a) X, run by Y;", "b) …", "(iii) …")
_BULLET = re.compile(r"^[ \t]*(?:[•●▪◦‣∙·*\-–—]|\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-z]\)|\([ivx]{1,4}\))[ \t]+", re.M)
# a list item without a bullet, as PDF text has them: an indented line "  Name – what it is"
DASH_ITEM = re.compile(r"(?P<ind>[ \t]{2,})[A-Z][^\n–—]{0,80}?\s[–—-]\s")
_TABLE = re.compile(r"^\s*\||^[^\n|]+ \| [^\n]*$", re.M)


def _is_table_row(line: str) -> bool:
    """Whether ``line`` opens a table row (:data:`_TABLE`). Each branch needs a "|": most lines
    have none, and the test for one spares the regex's backtracking over the whole line."""
    return "|" in line and _TABLE.match(line) is not None
_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|St|No|no|Co|Cllr|Prof|Rt|Hon|approx|vs|inc)\.|\b[A-Z]\.)$"
)
# (a middle dot between spaces parts the fields of a metadata line: "12 June 2025 · Boyd Mill Centre, Kilmarnock")
# Its first character is read by one class ahead of the alternatives (each alternative then
# checks which one it was), so the regex engine skips to where a boundary may start instead
# of trying a match at every character of the text: the plain form is
#   (?<!\.\.)[.!?][\"”’)\]¹²³⁰⁴⁵⁶⁷⁸⁹]*\s+(?=[\"“‘(\[]?[A-Z0-9£•])| ·\s+(?=\S)
# (a stop after two dots ends a dotted leader, "Department for Communities ...... £211,000",
# not a full stop)
_BOUNDARY = re.compile(r"[.!? ](?:(?<=[.!?])(?<!\.\.[.!?])[\"”’)\]¹²³⁰⁴⁵⁶⁷⁸⁹]*\s+(?=[\"“‘(\[]?[A-Z0-9£•])|(?<= )·\s+(?=\S))")
# _BOUNDARY for a text with no middle dot, where only its first alternative can match: it opens
# with [.!?] and not a space (the commonest character), so the regex engine tries no match at
# each space of the text
_STOP_BOUNDARY = re.compile(r"[.!?](?<!\.\.[.!?])[\"”’)\]¹²³⁰⁴⁵⁶⁷⁸⁹]*\s+(?=[\"“‘(\[]?[A-Z0-9£•])")
_CONTINUES = re.compile(r"(?:,|;|\b(?:and|or|of|the|for|with|to|in|by|a|an|from|at|on|&))$")
# a prose line that ends in a capitalised word ("... working with Hartlepool Borough"): the plain
# form "(?<![\w'’-])[A-Z][\w'’&-]*$" opens with its look-behind, so the regex engine tried a match
# at every character of the paragraph; written with the capital first (the look-behind after it),
# it skips from one capital to the next (tests/test_regex_fast_paths.py checks the two alike)
_ENDS_CAPITALISED = re.compile(r"[A-Z](?<![\w'’-][A-Z])[\w'’&-]*$")
_FIRST_WORD = re.compile(r"[A-Z][\w'’-]*")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# _CONTINUES matches a few characters at the very end: look there only, not through
# the whole paragraph again at every wrapped line
_CONTINUES_REACH = 20


def _blocks(text: str, whole: dict[int, int]) -> list[tuple[int, int]]:
    """Group lines into blocks: paragraphs with wrapped lines joined; the spans
    in ``whole`` (start -> end: rows of fixed-width tables) are blocks as they are."""
    blocks: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    skip_to = -1
    for s, e in line_spans(text):
        if s < skip_to:
            continue
        if s in whole:
            if cur:
                blocks.append(cur)
            cur = None
            blocks.append((s, whole[s]))
            skip_to = whole[s]
            continue
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            if cur:
                blocks.append(cur)
            cur = None
            continue
        starts_new = bool(_BULLET.match(line) or _is_table_row(line) or DASH_ITEM.match(line))
        if cur is not None and not starts_new:
            prev = text[cur[0] : cur[1]].rstrip()
            first = stripped[0]
            item = _BULLET.match(text, cur[0], cur[1])
            dash = DASH_ITEM.match(text, cur[0], cur[1]) if item is None else None
            indent = len(line) - len(line.lstrip())
            wraps = (
                first.islower()
                # "• Funder – £40,000 over three years for Open\n  Lines": a hanging indent goes on
                # with a long item line (a short one over an indented address is an item of its own)
                or (item is not None and indent >= max(2, item.end() - cur[0] - 1)
                    and len(prev) - prev.rfind("\n") > 50)
                or (dash is not None and indent > len(dash.group("ind")) and len(prev) - prev.rfind("\n") > 40)
                or (
                    _CONTINUES.search(prev, max(0, len(prev) - _CONTINUES_REACH)) is not None
                    and not prev.endswith((".", ":", "?", "!"))
                )
                # "... with the following areas:" + a run-in list on the next line
                or (prev.endswith(":") and ";" in stripped)
                or _name_wraps(prev, stripped)
                # "…, Ulster University Business" over "School": a name's head noun wrapped alone
                or (stripped in _HEAD_LINES and _ENDS_CAPITALISED.search(prev) is not None
                    and not prev.endswith((".", ":", "?", "!", ",", ";")))
                # a long line cut mid-sentence by PDF conversion ("... Council for Voluntary\nServices")
                or (
                    len(prev) >= 60
                    and not prev.endswith((".", ":", "?", "!", ";", "”", '"'))
                    and not _BULLET.match(text[cur[0] : cur[1]])
                    and (len(stripped) >= 60 or stripped.endswith((".", "?", "!")))
                )
            )
            # (an address line ends at its postcode: "…, Pontypool NP4 7PZ" over the next address)
            # (and a dotted leader line at its amount: "Department for Communities ...... £211,000",
            # "BBC Children in Need          £29,700")
            # (a head noun wrapped alone ends its name: the line after it is the next line's own)
            if wraps and not first.islower() and prev[prev.rfind("\n") + 1 :].strip() in _HEAD_LINES:
                wraps = False
            if wraps and not _is_table_row(text[cur[0] : cur[1]]) and not _POSTCODE_END.search(prev) and not (
                    ("..." in prev or "   " in prev) and _LEADER_END.search(prev)):
                cur = (cur[0], e)
                continue
        if cur:
            blocks.append(cur)
        cur = (s, e)
    if cur:
        blocks.append(cur)
    return blocks


# a line that is only an organisation's head noun ("School", "Trust", "Council"): the end of the
# name on the line before
_HEAD_LINES = frozenset(h.capitalize() for h in ORG_HEADS if h.isalpha())


def _name_wraps(prev: str, line: str) -> bool:
    """A short prose line cut inside a name: "... with Hartlepool Borough" + "Council and ...".

    The previous line must read as prose (two or more lower-case words that are
    not name connectors), end in a capitalised word, and the next line must open
    with a capitalised word that does not begin sentences ("The", "It", "We"),
    and the line must be about as long as the one under it (a wrapped line fills
    the column; "12.00 Careers in care and the NHS" over a longer line does not).
    Headings and list lines ("Redcar and Cleveland Borough Council") have no such
    lower-case words, so they stay lines of their own.
    """
    prev_line = prev[prev.rfind("\n") + 1 :].strip()
    # a wrapped line fills the column: a heading or a list line is shorter than the line under it
    if len(prev_line) < 0.8 * len(line) or not _ENDS_CAPITALISED.search(prev_line):
        return False
    first = _FIRST_WORD.match(line)
    if first is None or first.group().lower() in LEADING_STOP:
        return False
    # the sentence goes on under the name ("Council and ... on the"), or ends there
    goes_on = any(w[0].islower() for w in _WORD.findall(line)) or line.endswith((".", "!", "?"))
    prose = [w for w in _WORD.findall(prev_line) if w[0].islower() and w not in CONNECTORS]
    return goes_on and len(prose) >= 2


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _BULLET.match(text, s, e) if s < e else None
    if m and m.end() <= e:
        s = m.end()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``, in order."""
    spans: list[tuple[int, int]] = []
    whole = fixed_width_blocks(text)
    boundary = _BOUNDARY if "·" in text else _STOP_BOUNDARY
    for bs, be in _blocks(text, whole):
        if bs in whole:
            s, e = _trim(text, bs, be)
            if e > s:
                spans.append((s, e))
            continue
        start = bs
        bullet = _BULLET.match(text, bs, be)
        scan_from = bullet.end() if bullet else bs
        for m in boundary.finditer(text, scan_from, be):
            cut = m.start() + 1
            # keep closing quotes/brackets with the sentence
            while cut < be and text[cut] in "\"”’)]¹²³⁰⁴⁵⁶⁷⁸⁹":
                cut += 1
            if _ABBREV.search(text[max(start, cut - 8) : cut]):
                continue
            if text[m.start() + 1] == "·" and _LIST_LABEL.match(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                continue  # "Festival partners: A · B · C": a labelled list, one sentence (not "When: … · Where: …")
            s, e = _trim(text, start, cut)
            if e > s:
                spans.append((s, e))
            start = m.end()
        s, e = _trim(text, start, be)
        if e > s:
            spans.append((s, e))
    return spans
