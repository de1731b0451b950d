"""Relation rules over one sentence whose entity mentions are masked.

Each sentence is rewritten with its mentions replaced by placeholders
(``<<0>>``, ``<<1>>`` …); the rules are regular expressions over that masked
text, with named groups for subject and object lists, so "in partnership with
A, B and C" gives three relations and "Y, funded by X" and "X funded Y" both
give X funds Y. Rules name themselves (``funds:passive`` …) and the name is
stored with the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from graph.extract.amounts import find_amounts, has_amount, parse_amount
from graph.extract.lexicon import AGENT_NOUNS, LEGAL_FORMS, SCOPE_ADVERBS, STREET_WORDS, TRADE_NOUNS
from graph.textnorm import fold

ENT = r"<<\d+>>"


def _by_first_letter(alternatives: str) -> str:
    r"""The plain alternatives "a|b|…" (no group, each opening with a letter) as one
    alternative per first letter, the words after it kept in their order:
    "charity|company|firm" -> "(?:c(?:harity|ompany)|f(?:irm))". Only words of one
    first letter can match at one place, and the regex engine tries each alternative in
    turn: it then tries one per letter, not one per word.

    >>> _by_first_letter(r"charity|company|firm|social\s+enterprise")
    '(?:c(?:harity|ompany)|f(?:irm)|s(?:ocial\\s+enterprise))'
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives.split("|"):
        assert alt[:1].isalpha() and "(" not in alt, alt
        groups.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{c}(?:{'|'.join(rests)})" for c, rests in groups.items()) + ")"


#: Mention numbers from here up stand for "we"/"our" (the author) or a topic, not a name.
SPEAKER_IDX = 10_000_000
#: The mention number that stands for the page's main programme (set by the document pass).
MAIN_IDX = 3 * SPEAKER_IDX
_LIST_ITEM = (
    r"(?:the\s+)?(?:wider\s+|whole\s+|surrounding\s+|neighbouring\s+)?"
    # "and the charity X", "and the Doncaster-based logistics firm X"
    # (not "by A with the charity B": a linking word is no premodifier)
    r"(?:(?:<<\d+>>-based\s+|<<\d+>>\s+)?(?:(?!(?:with|and|by|from|for|to|of|in|at|on)\s)[a-z\-]+\s+){0,2}?" + _by_first_letter("university|college|" + TRADE_NOUNS) + r"\s+(?=<<))?"
    # "with Hexham's Warmer Homes CIC": a town's body
    r"(?:<<\d+>>’s\s+(?=<<))?"
)
#: "A, B and C": names joined by commas, "and", "&", "or" (a semicolon ends a clause, not a list item;
#: "A, the B's library service" is A alone)
# (an item may carry its amount: "A (£640,000), the Council (£215,000) and B (£85,000)")
_PAREN_AMOUNT = r"(?:\s*\(£[^()<]{1,20}\))?"
LIST = rf"{ENT}{_PAREN_AMOUNT}(?:\s*(?:,\s*(?!(?:the\s+)?<<\d+>>’s\s+[a-z])(?:and\s+|&\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*){_LIST_ITEM}{ENT}{_PAREN_AMOUNT})*"
#: a list of bodies each placed where it is: "A in Motherwell, B, C at Eurocentral and D"
_AT = r"(?:\s+(?:in|at)\s+(?:<<\d+>>|[a-z][\w\-]*))?"
PLACED_LIST = rf"{ENT}{_AT}(?:\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*){_LIST_ITEM}{ENT}{_AT})*"
#: "…: Coventry; Dudley; Telford": after a colon, semicolons separate the items too
COLON_LIST = rf"{ENT}(?:\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*|;\s*){_LIST_ITEM}{ENT})*"


@dataclass(slots=True)  # not frozen: cheaper to build and read (every sentence makes a few)
class SentMention:
    """A typed entity mention inside one sentence (offsets relative to the sentence)."""

    idx: int
    group: int
    type: str
    subtype: str | None
    start: int
    end: int
    possessive: bool = False
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """A relation found by a rule, between local groups."""

    subject: int
    predicate: str
    object: int
    rule: str
    amount: Decimal | None = None
    currency: str | None = None
    amount_text: str | None = None


def mask(sentence: str, mentions: list[SentMention]) -> tuple[str, list[int], list[tuple[int, int, int]] | None]:
    """Replace mentions by placeholders; return the masked text, a char map and the
    placeholders as (start, end, mention number) in the masked text (what a scan of it
    with :data:`_ENT_ID` finds; None where the sentence itself holds a "<<").

    ``cmap[i]`` is the sentence offset of masked position ``i``.
    """
    out: list[str] = []
    cmap: list[int] = []
    ents: list[tuple[int, int, int]] | None = None if "<<" in sentence else []
    pos = 0
    last: SentMention | None = None
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < pos:
            continue
        if last is not None and m.group == last.group:
            # "the Department for Education (DfE) funds …": the bracketed acronym is part of the name
            gap = _OPEN_BRACKET.fullmatch(sentence, pos, m.start)
            close = _CLOSE_BRACKET.match(sentence, m.end)
            if gap and close:
                pos = close.end()
                continue
        last = m
        out.append(sentence[pos : m.start])
        cmap.extend(range(pos, m.start))
        ph = f"<<{m.idx}>>"
        if ents is not None:
            ents.append((len(cmap), len(cmap) + len(ph), m.idx))
        out.append(ph)
        cmap.extend([m.start] * len(ph))
        pos = m.end
        if m.cue == "poss":
            out.append("’s")  # "our X": the author's X
            cmap.extend([pos] * 2)
        elif m.possessive:
            # swallow the possessive ending so "<<3>>'s" reads as a possessive
            tail = _POSSESSIVE_TAIL.match(sentence, pos)
            if tail:
                out.append("’s")
                cmap.extend([pos] * 2)
                pos = tail.end()
    out.append(sentence[pos:])
    cmap.extend(range(pos, len(sentence)))
    # "£12.4 million": a decimal point is not a sentence stop for the rules' [^<.;] gaps
    if ents is not None and any(i < 0 for _s, _e, i in ents):
        ents = None  # ("<<-1>>" is no placeholder to _ENT_ID)
    return _DECIMAL_POINT.sub("·", "".join(out)), cmap, ents


# compiled once: mask() runs on every sentence with two or more entities
_OPEN_BRACKET = re.compile(r"\s*\(\s*(?:the\s+)?")
_CLOSE_BRACKET = re.compile(r"\s*\)")
_POSSESSIVE_TAIL = re.compile(r"(?:’s|'s|’|')")
# a "." between digits; written "." first so that the regex engine can skip from one "." to the next
_DECIMAL_POINT = re.compile(r"\.(?<=\d\.)(?=\d)")


_ESCAPES = re.compile(r"\\.|\(\?P")


class _Rule:
    """A compiled rule pattern that first checks, cheaply, that the text holds
    what any match of the pattern must contain: as many mention placeholders as
    the pattern names, one string of each set of strings it cannot do without
    (see :func:`_literal_needs`), and one whole word of each set of words it
    cannot do without (see :func:`_word_needs`: looked up in the set of the
    text's words, made once per text). Most rules fail that check on most
    sentences, and scanning a sentence with the pattern costs far more."""

    __slots__ = ("mentions", "needs", "rx", "words")

    def __init__(
        self,
        rx: re.Pattern[str],
        mentions: int,
        needs: tuple[tuple[str, ...], ...],
        words: tuple[frozenset[str], ...] = (),
    ) -> None:
        self.rx, self.mentions, self.needs, self.words = rx, mentions, needs, words

    def may_match(self, text: str, pos: int = 0) -> bool:
        facts = _FACTS[0]
        if facts[0] is not text:
            facts = _text_facts(text)
        if self.mentions > 1 and facts[1] < self.mentions:
            return False
        if self.words and not pos:  # (from pos > 0, "^" and "\b" read pos as the text's start)
            have = facts[2]
            for ws in self.words:
                if have.isdisjoint(ws):
                    return False
        for words in self.needs:
            for w in words:
                if w in text:
                    break
            else:
                return False
        return True

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        # (may_match(text), inlined: this runs for most rules on every sentence they see)
        facts = _FACTS[0]
        if facts[0] is not text:
            facts = _text_facts(text)
        if self.mentions > 1 and facts[1] < self.mentions:
            return _NO_MATCHES
        if self.words:
            have = facts[2]
            for ws in self.words:
                if have.isdisjoint(ws):
                    return _NO_MATCHES
        for words in self.needs:
            for w in words:
                if w in text:
                    break
            else:
                return _NO_MATCHES
        return self.rx.finditer(text)

    def chain(self, text: str, group: str) -> Iterator[re.Match[str]]:
        """Matches that may share a mention: each next match starts at the last one's
        ``group`` ("X in A, B": "X in A" and then "A, B")."""
        m = next(self.finditer(text), None)
        while m is not None:
            yield m
            m = self.rx.search(text, m.start(group))

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.rx.match(text, pos) if self.may_match(text, pos) else None


_NO_MATCHES: Iterator[re.Match[str]] = iter(())  # exhausted for good, so one serves every rule
_NOT_A_TO_Z = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def letter_runs(text: str) -> frozenset[str]:
    """The runs of the letters a-z in ``text`` (what the regex ``[a-z]+`` finds), as a set:
    every other character, as one byte ("?" past ASCII), made a space, then ``str.split``,
    at half the cost of the regex."""
    return frozenset(text.encode("ascii", "replace").translate(_NOT_A_TO_Z).decode("ascii").split())
# the last text's placeholder count and words: the rules of one sentence all run on the
# same (folded, masked) text
_FACTS: list[tuple[str, int, frozenset[str]]] = [("", 0, frozenset())]


def _text_facts(text: str) -> tuple[str, int, frozenset[str]]:
    """``text``, its number of "<<", and its runs of the letters a-z as a set (kept
    for the last text asked)."""
    facts = (text, text.count("<<"), letter_runs(text))
    _FACTS[0] = facts  # one tuple, so threads never see a text with another's facts
    return facts


def _parts(items):  # type: ignore[no-untyped-def]
    """The items of a parsed pattern with each run of literal characters joined:
    ``(None, text)`` for a run, ``(op, av)`` for anything else, in order."""
    run: list[str] = []
    for op, av in items:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        if run:
            yield None, "".join(run)
            run = []
        yield op, av
    if run:
        yield None, "".join(run)


def _literal_needs(items) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    r"""What every match of a parsed pattern (a sequence of ``re._parser`` items)
    contains: a list of sets of strings, one string of each set at least.

    A run of literal characters is needed; so is what a group, or a repeat of at
    least one, needs; of alternatives, one word of what each alternative needs.
    Anything else (classes, optional parts, look-arounds) needs nothing here.

    >>> from re import _parser
    >>> _literal_needs(_parser.parse(r"(?:run|led)\s+by\s+(?:the\s+)?<<\d+>>"))
    [('led', 'run'), ('by',), ('<<',), ('>>',)]
    """
    out: list[tuple[str, ...]] = []
    for op, av in _parts(items):
        if op is None:
            out.append((av,))
        elif op is _SUBPATTERN and not av[1] & re.IGNORECASE:
            out += _literal_needs(av[3])
        elif op in _REPEATS and av[0] >= 1:
            out += _literal_needs(av[2])
        elif op is _BRANCH:
            alternatives = [_literal_needs(alt) for alt in av[1]]
            if all(alternatives):
                # of each alternative, its most telling set: few and long strings
                out.append(tuple(sorted({
                    w for needs in alternatives
                    for w in max(needs, key=lambda ws: min(map(len, ws)) / len(ws))
                })))
    return out


def _placeholders(items) -> int:  # type: ignore[no-untyped-def]
    r"""How many "<<" every match of a parsed pattern holds at least: those of its literal
    runs, of its groups and of its repeats of at least one, and of alternatives the fewest
    any alternative holds (where :func:`_literal_needs` keeps one set of strings for all).

    >>> from re import _parser
    >>> _placeholders(_parser.parse(r"<<\d+>>\s+(?:a|the)\s+<<\d+>>|<<\d+>>,\s+<<\d+>>"))
    2
    """
    n = 0
    for op, av in _parts(items):
        if op is None:
            n += av.count("<<")
        elif op is _SUBPATTERN:
            n += _placeholders(av[3])
        elif op in _REPEATS and av[0] >= 1:
            n += av[0] * _placeholders(av[2])
        elif op is _BRANCH:
            n += min(_placeholders(alt) for alt in av[1])
    return n


def _word_needs(items, left: bool = False, right: bool = False) -> list[frozenset[str]]:  # type: ignore[no-untyped-def]
    r"""The whole words every match of a parsed pattern contains: a list of sets of
    words, one word of each set at least, where a word is a run of the letters a-z
    with no such letter just before or after it in the text (so it is one of the
    text's :func:`letter_runs`).

    A stretch of letters (literal letters, and groups, alternatives and optional
    parts made only of them: "fund(?:s|ed)?") is a whole word when no match can
    have a letter next to it: beside it the pattern has a character that is no
    letter (a space, ``\s``, "<", ","), a ``\b``, the start ``^`` or end ``$``, or
    (``left``, ``right``) the outer pattern guarantees it. Groups, repeats of at
    least one and alternatives (each alternative must need a word) are looked
    into as in :func:`_literal_needs`.

    >>> from re import _parser
    >>> _word_needs(_parser.parse(r"\b(?:run|led)\s+by\s+(?:the\s+)?<<\d+>>")) == [{"led", "run"}, {"by"}]
    True
    >>> _word_needs(_parser.parse(r"(?:run|led)\s+by\s"))  # "run" may end "overrun"
    [frozenset({'by'})]
    >>> _word_needs(_parser.parse(r"\bfund(?:s|ed)?\s+by\s")) == [{"fund", "funds", "funded"}, {"by"}]
    True
    >>> _word_needs(_parser.parse(r"funds\s+by\s"))  # "funds" may end "refunds"
    [frozenset({'by'})]
    """
    items = list(items)
    out: list[frozenset[str]] = []
    i = 0
    while i < len(items):
        if _letters(items[i]) is not None:
            j = i
            lang: set[str] | None = {""}
            while j < len(items) and lang is not None:
                more = _letters(items[j])
                if more is None:
                    break
                lang = {a + b for a in lang for b in more}
                lang = lang if len(lang) <= _MAX_WORDS else None
                j += 1
            if lang and "" not in lang and _guarded(items, i, -1, left) and _guarded(items, j - 1, 1, right):
                out.append(frozenset(lang))
            i = max(j, i + 1)
            continue
        op, av = items[i]
        lok, rok = _guarded(items, i, -1, left), _guarded(items, i, 1, right)
        if op is _SUBPATTERN and not av[1] & re.IGNORECASE:
            out += _word_needs(av[3], lok, rok)
        elif op in _REPEATS and av[0] >= 1:
            # a later round of the repeat follows an earlier one, an earlier one precedes a later one
            out += _word_needs(av[2], lok and _seq_edge(av[2], -1)[1], rok and _seq_edge(av[2], 0)[1])
        elif op is _BRANCH:
            alternatives = [_word_needs(alt, lok, rok) for alt in av[1]]
            if all(alternatives):
                out.append(_either(alternatives))
        i += 1
    return out


_MAX_WORDS = 400


def _either(alternatives: list[list[frozenset[str]]]) -> frozenset[str]:
    r"""What every match of one of several alternatives contains, given what each needs
    (one word of each of its sets): one word of the union of a set of each. Of each
    alternative's sets, the one that keeps the union most telling is picked (no short
    word, few words, long ones):

    >>> from re import _parser
    >>> [sorted(ws) for ws in _word_needs(_parser.parse(r"\b(?:members|councils)\s+(?:are|include)\s|\bwhose\s+members\s"))]
    [['councils', 'members']]

    rather than {are, include, whose}: "are" is in most sentences.
    """
    union = frozenset[str]()
    for needs in alternatives:
        union = min((union | ws for ws in needs), key=_telling)
    return union


def _telling(words: frozenset[str]) -> tuple[bool, int, int, list[str]]:
    """A sort key for sets of needed words, the most telling first."""
    return min(map(len, words)) <= 3, len(words), -min(map(len, words)), sorted(words)


def _letters(item) -> set[str] | None:  # type: ignore[no-untyped-def]
    """The strings of letters a-z an item matches, when they are few and it matches
    nothing else (a literal letter; groups, alternatives, ``?`` and ``[..]`` of them)."""
    op, av = item
    if op is _LITERAL:
        return {chr(av)} if 97 <= av <= 122 else None
    if op is _IN:
        chars = {chr(v) for o, v in av if o is _LITERAL and 97 <= v <= 122}
        return chars if len(chars) == len(av) else None
    if op is _SUBPATTERN and not av[1] & re.IGNORECASE:
        return _letters_seq(av[3])
    if op is _BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            lang = _letters_seq(alt)
            if lang is None:
                return None
            out |= lang
        return out if len(out) <= _MAX_WORDS else None
    if op in _REPEATS and av[1] == 1 and av[0] in (0, 1):
        lang = _letters_seq(av[2])
        return None if lang is None else (lang | {""} if av[0] == 0 else lang)
    return None


def _letters_seq(items) -> set[str] | None:  # type: ignore[no-untyped-def]
    lang: set[str] | None = {""}
    for item in items:
        more = _letters(item)
        if more is None or lang is None:
            return None
        lang = {a + b for a in lang for b in more}
        if len(lang) > _MAX_WORDS:
            return None
    return lang


def _nonletter_class(av) -> bool:  # type: ignore[no-untyped-def]
    """Whether a character class ``[..]`` matches no letter a-z."""
    for op, v in av:
        if op is _LITERAL:
            if 97 <= v <= 122:
                return False
        elif op is _RANGE:
            if v[0] <= 122 and v[1] >= 97:
                return False
        elif op is _CATEGORY:
            if v not in _NONLETTER_CATEGORIES:
                return False
        else:  # a negated class, ...
            return False
    return True


def _edge(item, side: int) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    """(empty, sure): whether ``item`` can match nothing, and whether each match of it
    that is not empty starts (``side`` 0) or ends (``side`` -1) with no letter a-z."""
    op, av = item
    if op is _LITERAL:
        return False, not 97 <= av <= 122
    if op is _IN:
        return False, _nonletter_class(av)
    if op is _SUBPATTERN:
        empty, sure = _seq_edge(av[3], side)
        return empty, sure and not av[1] & re.IGNORECASE
    if op in _REPEATS:
        empty, sure = _seq_edge(av[2], side)
        return empty or av[0] == 0, sure
    if op is _BRANCH:
        edges = [_seq_edge(alt, side) for alt in av[1]]
        return any(e for e, _ in edges), all(s for _, s in edges)
    if op in (_AT, _ASSERT, _ASSERT_NOT):
        return True, True  # no character
    if op in (_ANY, _NOT_LITERAL):
        return False, False
    return True, False  # anything else: not known


def _seq_edge(items, side: int) -> tuple[bool, bool]:  # type: ignore[no-untyped-def]
    """:func:`_edge` of a sequence of items."""
    sure = True
    for item in list(items)[:: 1 if side == 0 else -1]:
        empty, item_sure = _edge(item, side)
        sure = sure and item_sure
        if not empty:
            return False, sure
    return True, sure


def _guarded(items, p: int, step: int, outer: bool) -> bool:  # type: ignore[no-untyped-def]
    r"""Whether in every match the character before (``step`` -1) or after (``step`` 1)
    what ``items[p]`` matched is no letter a-z, or the text ends there (``outer``: what
    the enclosing pattern guarantees past the end of ``items``). ``items[p]`` must
    start (-1) or end (1) with a letter, for a ``\b`` beside it to tell."""
    q = p + step
    while 0 <= q < len(items):
        op, av = items[q]
        if op is _AT:
            if av is _AT_BOUNDARY or av in (_AT_BEGINNING, _AT_BEGINNING_STRING) and step == -1 or (
                av in (_AT_END, _AT_END_STRING) and step == 1
            ):
                return True
            q += step
            continue
        if op is _ASSERT and av[0] == step and _seq_edge(av[1], 0 if step == 1 else -1) == (False, True):
            return True  # "(?=\s)", "(?<=\d\.)"
        empty, sure = _edge(items[q], 0 if step == 1 else -1)
        if not sure:
            return False
        if not empty:
            return True
        q += step
    return outer


try:
    from re import _constants, _parser  # type: ignore[attr-defined]  # Python 3.11+'s regex parser
except ImportError:  # pragma: no cover - another Python: rules run unchecked
    _parser = None  # type: ignore[assignment]
else:
    _LITERAL, _SUBPATTERN, _BRANCH = _constants.LITERAL, _constants.SUBPATTERN, _constants.BRANCH
    _REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
    _IN, _RANGE, _CATEGORY, _AT = _constants.IN, _constants.RANGE, _constants.CATEGORY, _constants.AT
    _ASSERT, _ASSERT_NOT, _ANY, _NOT_LITERAL = _constants.ASSERT, _constants.ASSERT_NOT, _constants.ANY, _constants.NOT_LITERAL
    _AT_BOUNDARY, _AT_BEGINNING, _AT_BEGINNING_STRING = _constants.AT_BOUNDARY, _constants.AT_BEGINNING, _constants.AT_BEGINNING_STRING
    _AT_END, _AT_END_STRING = _constants.AT_END, _constants.AT_END_STRING
    _NONLETTER_CATEGORIES = (_constants.CATEGORY_SPACE, _constants.CATEGORY_DIGIT, _constants.CATEGORY_NOT_WORD)


@cache
def _rx(pattern: str) -> _Rule:
    """Compile a rule pattern once (the rule patterns are constants).

    Rule patterns run on the folded masked sentence (:func:`fold`), so they are
    written in lower case and compiled case-sensitively; that matches what they
    would match with ``re.I`` on the sentence as written.
    """
    bare = _ESCAPES.sub("", pattern)
    if bare != bare.lower():
        raise ValueError(f"rule patterns match folded text and must be lower case: {pattern[:80]!r}")
    rx = re.compile(pattern)
    parsed = _parser.parse(pattern) if _parser is not None else None
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return _Rule(rx, 0, ())
    needs = _literal_needs(parsed)
    mentions = max(needs.count(("<<",)), _placeholders(parsed))
    # placeholders are in every sentence the rules see, so only their number tells;
    # long sets of words cost more to look for than they save
    words = [ws for ws in needs if len(ws) <= 10 and not any("<" in w or ">" in w for w in ws)]
    whole = _word_needs(parsed)
    # a set of strings is needed anyway when each word of a needed set of words holds one of them
    words = [ws for ws in words if not any(all(any(w in word for w in ws) for word in wset) for wset in whole)]
    words.sort(key=lambda ws: (len(ws), -min(map(len, ws))))
    # a set that holds a smaller needed set is there whenever that one is
    whole = [ws for ws in whole if not any(other < ws for other in whole)]
    whole.sort(key=len)
    return _Rule(rx, mentions, tuple(words), tuple(dict.fromkeys(whole)))


_POSS_NEXT = re.compile(
    rf"’s\s+(?:[\w\-]+\s+){{0,2}}?(?P<o>{ENT})"
    # "our mentoring scheme, Next Stop,": the name in apposition to a programme noun
    rf"|’s\s+(?:[\w\-]+\s+){{0,3}}?(?:programme|project|scheme|initiative|pilot|service|strand|course|festival|fund)\s*,\s*(?P<o2>{ENT})"
)


# an organisation right before "run by": "X is run by", "X, which is run by", "the Xs run by"
_RUN_BY_UNIT = re.compile(r"<<(?P<u>\d+)>>\s*(?:,\s*(?:which|that)\s+)?(?:(?:is|are|was|were|has\s+been)\s+(?:also\s+|now\s+|still\s+)?)?$")
_RUN_VERB = re.compile(r"(?:run|managed|operated|owned|governed)\b", re.I)

_LEAD_CLAUSES = re.compile(r"\s*(?:[\w\-]+\s+(?:\w+\s+)?by\s+(?:the\s+)?<<\d+>>\s*(?:,|and)\s*)*")


def _lead_target(masked: str, m: re.Match[str], S: Sentence, types: tuple[str, ...] = ("Programme", "Organisation")) -> int | None:
    """"Funded by X and commissioned by Y, the Z programme …": when a sentence opens
    with a participle clause, its target is the first entity after the clause."""
    if not _LEAD_CLAUSES.fullmatch(masked[: m.start()]):
        return None
    comma = masked.find(",", m.start())
    if comma < 0:
        return None
    return S.after(comma, types, 60)


# "Lunch, kindly sponsored by C", "Lunch sponsored by C": one word (or a short phrase and a comma)
_BARE_LEAD = re.compile(
    r"\s*(?:[A-Za-z][\w ]{0,25},\s*|(?i:(?:most|all|half|much|part|some|the\s+rest|the\s+remainder)\s+of\s+)?(?i:the\s+)|[A-Z][a-z]+\s+"
    # "A further £350,000 … is being provided by A"
    r"|(?i:an?\s+(?:further|additional|extra|separate|second)\s+))?"
    r"(?:kindly\s+|generously\s+|proudly\s+)?"
)


# "The restoration, costing £940,000, was funded by …": a common noun for the page's own work
_GENERIC_LEAD = re.compile(
    r"\s*(?:the|this|its|our)\s+(?:[a-z][\w\-]*\s+){0,2}?(?:restoration|refurbishment|work|works|project|programme|scheme|"
    r"pilot|building\s+work|capital\s+work|redevelopment|conversion|renovation|repairs?|first\s+year|second\s+year|"
    r"traineeships|apprenticeships|residencies|placements|bursaries|sessions|courses|workshops|festival|event|day|exhibition|tour|book|film)"
    r"(?:\s*,[^<;]{0,50}?,)?\s+(?:was|is|were|are|has\s+been|have\s+been|will\s+be)\s+(?:also\s+|jointly\s+|mainly\s+|largely\s+|partly\s+)?",
    re.I,
)


_CLAUSE_LEAD = re.compile(
    r"[,;]\s*(?:and\s+|but\s+|while\s+)?(?:the|this|our)\s+(?:day|event|evening|festival|summit|conference|lunch|programme|project)\s+"
    r"(?:was|is|were|are|has\s+been)\s+(?:also\s+|kindly\s+|generously\s+)?$",
    re.I,
)


def _page_target(masked: str, m: re.Match[str], recent_programme: SentMention | None) -> int | None:
    """ "Hosted by A and B", "Lunch, kindly sponsored by C": a line that opens with the
    participle names no target; on a page about one programme (or in its section) it is that
    one. So is "The restoration, costing £940,000, was funded by …": the page's own work."""
    if recent_programme is None or recent_programme.idx != MAIN_IDX:
        return None
    if not (_BARE_LEAD.fullmatch(masked, 0, m.start()) or _GENERIC_LEAD.fullmatch(masked, 0, m.start())):
        return None
    return recent_programme.idx


# "X took over the work of Y in 2024 and is jointly funded by A": the verb's subject opens the sentence
_COORD_PASSIVE = re.compile(
    r"\s*(?:the\s+)?<<(?P<s>\d+)>>\s+[a-z][^;:]*?\sand\s+(?:is|was|are|were|has\s+been|have\s+been|will\s+be)\s+(?:[a-z]+ly\s+|also\s+)?"
)


def _coord_subject(masked: str, m: re.Match[str], S: Sentence) -> int | None:
    c = _COORD_PASSIVE.fullmatch(masked, 0, m.start())
    return int(c.group("s")) if c and S.typ(int(c.group("s"))) in ("Organisation", "Programme") else None


def _first(*candidates: int | None) -> int | None:
    """The first candidate that is not None (mention index 0 is a real mention)."""
    return next((c for c in candidates if c is not None), None)


_ENT = re.compile(ENT)
# a heading "Bee Network, Greater Manchester Combined Authority" (compiled once: every sentence tries it)
_HEADING_PAIR = re.compile(rf"\s*(?:[\w ]{{0,20}}:\s*)?(?P<o>{ENT})\s*(?:,|–|-|—|\|)\s*(?P<a>{ENT})\s*")
_ENT_ID = re.compile(r"<<(\d+)>>")


def _ids(s: str) -> list[int]:
    return [int(x) for x in _ENT_ID.findall(s)]


_AMOUNT = r"£[\d.,·]+\s*(?:m|bn|k|million|billion)?\b"
#: "£640,000 to the X Trust", "£560,000 goes to X", "X receives £390,000", "X has been awarded £325,000"
# after "Name – £X" in a list: the words that make Name the giver, not the receiver
_GIVER_ITEM = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:[^<.;]{0,40}?\b)?(?:from|through|towards|via|in\s+support\s+of)\b")
_GIVER_ITEM_FOR = re.compile(r"\b(?:towards|for)\s+(?:the\s+|our\s+)?<<(?P<p>\d+)>>")
_FOR_PROJECT = re.compile(
    r"(?:,\s+(?:a|an|the|its|their)\s[^,.;]{0,60},|,[^,<.;]{0,60},)?\s*(?:for|towards|to\s+(?:deliver|run|lead|launch|expand|develop|pilot|set\s+up))\s+"
    r"(?:the\s+|its\s+|their\s+|a\s+new\s+)?<<(?P<p>\d+)>>"
)
AWARD_TO = (
    rf"(?P<a>{_AMOUNT})\s*,?\s+(?:goes\s+|will\s+go\s+|has\s+gone\s+|is\s+going\s+"
    r"|(?:has\s+been\s+|have\s+been\s+|was\s+|were\s+|is\s+|will\s+be\s+)(?:awarded|allocated|given|granted)\s+)?to\s+(?:the\s+)?<<(?P<o>\d+)>>"
    rf"|<<(?P<o2>\d+)>>(?:\s*,\s*(?:a|an|the|one|our|its)\s[^,;.]{{0,80}},)?[^<.;]{{0,30}}?\b(?:receives|received|receive|will\s+receive|has\s+been\s+awarded|was\s+awarded|is\s+awarded|"
    rf"gets|will\s+get|wins|won)\s+(?:a\s+grant\s+of\s+|an\s+award\s+of\s+)?(?P<a2>{_AMOUNT})(?![\w.,]*\s*from)"
    # a list item of awards: "Kestrel Learning Partnership – £2.1m for maths courses"
    rf"|^\s*<<(?P<o3>\d+)>>\s*(?:[–—:,]|\s-)\s*(?P<a3>{_AMOUNT})"
)
_V_FUND_PASSIVE = (
    r"(?:funded|co-funded|part-funded|supported|financed|backed|sponsored|commissioned and funded|grant-funded|paid\s+for|devolved|allocated|awarded|granted"
    # "The costs were met by A": met or covered only with costs as the subject
    r"|costs?\s+(?:were|was|are|is|will\s+be|have\s+been|has\s+been)\s+(?:largely\s+|mainly\s+|partly\s+|fully\s+)?(?:met|covered)"
    # "a further £10,000 was given by A": an amount given, donated or contributed
    # ("a further £350,000 towards community transport is being provided by A")
    r"|£[\d.,]+\s*(?:m|k|bn|million|billion)?(?:\s+(?:towards|for)\s+[^<.;£]{1,60}?)?\s+(?:was|were|has\s+been|had\s+been|is|is\s+being|will\s+be)\s+"
    r"(?:given|donated|contributed|raised|provided))"
)
_V_DELIVER_PASSIVE = (
    r"(?:delivered|run|led|launched|co-ordinated|coordinated|commissioned|managed|organised|organized|hosted|administered|"
    r"operated|developed|created|founded|established|co-presented|presented|set up|produced|curated|driven|convened|facilitated|"
    r"drawn up|prepared|devised|overseen|programmed|taught|staged)"
)
_V_DELIVER_ACTIVE = (
    r"(?:launched|launches|runs|ran|delivers|delivered|leads|led|drives|drove|coordinates|co-ordinates|coordinated|"
    r"commissioned|commissions|manages|managed|operates|operated|hosts|hosted|developed|created|established|"
    r"set up|introduced|piloted|organises|organised|runs|oversees|oversaw|convenes|convened|"
    r"is leading|is delivering|is running|leading on|delivering|running|coordinating|pioneered|pioneers|"
    r"championed|spearheaded|co-designed|designed|rolled out|trialled|trialed|refreshed|expanded|"
    r"produces|stages|curates|deliver|launch|run|lead|drive|coordinate|manage|operate|host|develop|create|establish|pilot)"
)
_INTENT = (
    r"(?:(?:aims?|aiming|plans?|planning|seeks?|seeking|wants?|hopes?|intends?)\s+to\s+|is\s+aiming\s+to\s+|will\s+|"
    r"(?:ambition|aim|plan|goal|mission|role|priority)\s+is\s+to\s+)?"
)
_FUNDERS_LIST = re.compile(
    r"<<(?P<s>\d+)>>’s\s+(?:[a-z\-]+\s+){0,2}?(?:funders|supporters|sponsors|donors|funding\s+partners)\b[^<:]{0,30}:"
)
_AS_PART_OF = re.compile(r"\bas\s+part\s+of\s+(?:the\s+)?(?P<p><<\d+>>)")
# "the County Council's library service": the owner of a unit (no name of its own)
_UNIT_NOUNS = r"(?:service|services|team|department|unit|arm|division|directorate)"
_UNIT_OWNER = re.compile(rf"’s\s+(?:[a-z\-]+\s+){{0,3}}?{_UNIT_NOUNS}\b")
# the end of a gap that makes the next name a source of money, not its target
_FROM_SOURCE = re.compile(r"\bfrom\s+(?:its|their|the|our|his|her)?\s*(?:own\s+)?(?:(?:share|part|slice)\s+of(?:\s+the)?\s*)?$")
_POSS_FUND = re.compile(r"’s\s+(?:[\w\-]+\s+){0,2}?<<(?P<f>\d+)>>")
# "£1.06 million from A through its F": F is A's channel, not what the money pays for
_THROUGH_ITS_AFTER = re.compile(r"(?:\s+\([^()<>]*\))?\s+(?:through|via)\s+(?:its|their)\s+(?:[\w\-]+\s+){0,2}?<<(?P<f>\d+)>>")
_THROUGH_AFTER = re.compile(r"\s+(?:through|via)\s+(?:the\s+|its\s+|their\s+)?<<(?P<f>\d+)>>")
# a sentence whose subject is the programme's own work ("Activity is …", "Sessions run …")
_ACTIVITY_SUBJECT = re.compile(
    r"\s*(?:(?:all|most|the|our|its|weekly|monthly|free|new|further)\s+)*(?:activity|activities|sessions?|workshops?|classes|"
    r"courses?|events?|work|delivery|clubs?|drop-ins?|pop-up|archive\s+days|tours|walks|performances|screenings|"
    r"exhibitions?|shows?|displays?|project|programme|scheme|pilot|group)\b"
)
_ACTIVITY_NOUN = re.compile(
    r"\b(?:sessions|workshops|classes|courses|drop-ins|clubs|events|performances|screenings|tours|walks|placements|activities)\b"
)
_PEOPLE_NOUNS = r"(?:residents|communities|people|families|children|pupils|learners|workers|households)"
_PEOPLE_OF = re.compile(rf"{_PEOPLE_NOUNS}\b")
_THROUGH = re.compile(r"\b(?:through|via)(?:\s+(?:its|their|the|our))?\s*$")
_EACH_BEFORE_VERB = re.compile(r"\seach\s+\S+\s*$")
_V_FUND_ACTIVE = (
    r"(?:sponsored|sponsors|sponsor|funded|funds|fund|invested|invests|provided|provides|gave|gives|awarded|awards|granted|allocated|committed|contributed|pledged|is investing|has invested|have invested|has funded|have funded|has provided|has awarded|is contributing|are contributing|is providing|are providing|is giving|is awarding|"
    # "Kirklees Council is putting in a further £350,000", "ACE matched that with £150,000"
    r"is putting in|are putting in|put in|puts in|is committing|has committed|have committed|matched that with|matched this with|matched it with|"
    # "the Department for Education, which pays for Skills Bootcamps nationally"
    r"pays for|is paying for|are paying for|has paid for|paid for|"
    # "The Council added £15,000 from its Place Fund"
    r"added|adds|has added|have added|is adding|"
    # "The Scottish Government put £420,000 into X", "A, B and C each pay £32,000 a year towards
    # X", "A has given £20,000 for X" (only before an amount: "put on a show", "pays off")
    r"put(?=\s+(?:in\s+)?£)|puts(?=\s+(?:in\s+)?£)|pay(?=\s+£)|pays(?=\s+£)|given(?=\s+£))"
)
# "we worked this year with …"
_SEASON_WITH = r"(?:this|last|over\s+the\s+(?:past|last))\s+(?:year|season|summer|term)\s+with"
# (each alternative opens with a letter, no group or optional part: so the regex engine skips
# to the letters an alternative opens with instead of trying a match at every character)
_PARTNER_CUE = (
    r"(?:in partnership with|in collaboration with|working in partnership with|working closely with|working with|worked with|work with|works with|"
    r"together with|alongside|collaborating with|collaborated with|collaborates with|partnered with|partnering with|partners with|"
    r"joined forces with|teamed up with|in conjunction with|jointly with|in association with|a\s+joint\s+bid\s+with|joint\s+bid\s+with|"
    r"work(?:s|ed|ing)?\s+(?:closely|directly|together|jointly|hand\s+in\s+hand)\s+with|co-produced\s+with|"
    r"hand\s+in\s+hand\s+with|side\s+by\s+side\s+with|"
    # "We worked this year with A, B and C"
    rf"worked\s+{_SEASON_WITH}|have\s+worked\s+{_SEASON_WITH}|co-produces\s+with|co-delivered\s+with)"
)
_PARTICIPANTS = (
    r"(?:employers|partners|organisations|organizations|businesses|members|companies|venues|schools|colleges|providers|councils|authorities|firms)"
    # "Employers recruiting on the day include …"
    r"(?:\s+(?!such\b|including\b|like\b|include\b|included\b)[a-z]+){0,4}?\s*,?\s+(?:such as|including|like|include|included)"
)
_PARTICIPANTS_WIDE = (
    r"(?:\b(?:employers|partners|organisations|organizations|businesses|companies|firms|venues|schools|colleges|"
    r"(?:partner|host|member|placement)\s+(?:organisation|organization|employer|venue|school|body))\b"
    r"[^.;]{1,60}?\b(?:such\s+as|including|include|includes|included|among\s+them(?:\s+(?:were|are))?)"
    # "Sixty employers offered placements. Among them were A, B and C."
    r"|^\s*among\s+them\s+(?:were|are)\b"
    # "Five local employers have signed up to offer placements to learners: A, B and C"
    r"|\b(?:employers|businesses|companies|firms|schools|colleges|venues)\b[^.;:<]{1,90}?:)"
)
# cheap guards: a rule group runs only when one of its cue strings is in the (folded) sentence
# (plain substrings, looked for with ``in`` by :func:`_holds_any`: a tenth of the cost of a
# regex alternation of them, which tries every one at every character)
_FUND_CUES = (
    "fund", "invest", "grant", "provid", "gave", "give", "award", "alloc", "commit", "contribut", "pledg", "back",
    "sponsor", "financ", "support", "donat", "money", "paid", "devolv", "cost", "£",
)
_PARTICIPATE_CUES = (
    "such as", "includ", "like", "part", "particip", "join", "member", "signed", "involved", "with", "from", "among them",
    "evaluat", "assessed", "accredited", "certificated", "validated", "filmed", "photographed", "documented", "printed",
    "catered", "cooked", "recorded", "archived", "placement",
)
_PARTNER_CUES = ("with", "alongside", "together", "launched", "founded", "established", "set up", "partner", "joined", "teamed")


def _holds_any(text: str, cues: tuple[str, ...]) -> bool:
    """Whether one of ``cues`` is in ``text``."""
    for cue in cues:
        if cue in text:
            return True
    return False

_IN_PLACE = (
    r"(?:in|across|throughout|within|around|for|covering|serving|expand(?:s|ed|ing)?\s+to|expand(?:s|ed|ing)?\s+into|"
    # "older residents of A and B", "young people from east Belfast"
    rf"{_PEOPLE_NOUNS}\s+(?:of|from))"
)

class Sentence:
    """Helpers to pick subjects and objects by type and position in one sentence."""

    def __init__(self, masked: str, mentions: dict[int, SentMention], ents: list[tuple[int, int, int]] | None = None) -> None:
        self.masked = masked
        self.m = mentions
        # the placeholders as (start, end, mention number), found once (or given, as mask()
        # made them): the helpers below are asked many times per sentence. A placeholder
        # "<<n>>" holds "<<" only at its start, so the placeholders a scan of masked[a:b]
        # would find are exactly those of this list that lie inside [a, b).
        self.ents = ents if ents is not None else [(m.start(), m.end(), int(m.group(1))) for m in _ENT_ID.finditer(masked)]

    def typ(self, i: int) -> str:
        return self.m[i].type

    def _span(self, start: int | None, stop: int | None) -> tuple[int, int]:
        """The bounds of ``masked[start:stop]`` (negative and too large values as slicing reads them)."""
        lo, hi, _ = slice(start, stop).indices(len(self.masked))
        return lo, hi

    def before(self, pos: int, types: tuple[str, ...], skip_unit_owners: bool = False) -> int | None:
        """The nearest mention of ``types`` ending before masked position ``pos``;
        with ``skip_unit_owners``, passing over a body named only as the owner of a
        unit ("Derbyshire Libraries, the County Council's library service, working with …")."""
        _, hi = self._span(None, pos)
        best = None
        for _s, e, i in self.ents:
            if e > hi:
                break
            if self.typ(i) in types and not (skip_unit_owners and _UNIT_OWNER.match(self.masked, e)):
                best = i
        return best

    def first(self, types: tuple[str, ...], end: int | None = None) -> int | None:
        _, hi = self._span(None, end)
        for _s, e, i in self.ents:
            if e > hi:
                break
            if self.typ(i) in types:
                return i
        return None

    def after(self, pos: int, types: tuple[str, ...], within: int = 80) -> int | None:
        lo, hi = self._span(pos, pos + within)
        for s, e, i in self.ents:
            if e > hi:
                break
            if s >= lo and self.typ(i) in types:
                return i
        return None


# a programme named as where money comes from: "from its F allocation", "through F", "a £14,800 F"
_CHANNEL_BEFORE = re.compile(r"(?:\bfrom|\bthrough|\bvia|\bits|\btheir|’s|\d)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}$", re.I)


_INDIRECT_OBJECT = re.compile(r"\s+(?:the\s+)?<<(\d+)>>")


def _only_channels(masked: str, S: Sentence) -> bool:
    """Whether every programme the sentence names is named as a source of money (so none is
    what the money goes to)."""
    return all(_CHANNEL_BEFORE.search(masked, max(0, s - 40), s) for s, _e, i in S.ents if S.typ(i) == "Programme")


_WITH_ADJUNCT = re.compile(r",\s*with\s+(?:(?:a|an|the|further|additional|match|matched|extra|some)\s+){0,3}$", re.I)
_OWN_AMOUNT = re.compile(r"\s*\(£")


def _item_amount(masked: str, sentence: str, cmap: list[int], a: int, start: int,
                 default: tuple[Decimal, str, str] | None) -> tuple[Decimal, str, str] | None:
    """A list item's own amount in brackets ("A (£640,000), B (£85,000)"), else ``default``."""
    tag = f"<<{a}>>"
    k = masked.find(tag, start)
    if k < 0:
        return default
    own = _OWN_AMOUNT.match(masked, k + len(tag))
    return _amount_near(sentence, cmap, own.end() - 1) if own else default


def _amount_near(sentence: str, cmap: list[int], pos: int) -> tuple[Decimal, str, str] | None:
    best = None
    at = cmap[min(pos, len(cmap) - 1)] if cmap else 0
    for m in find_amounts(sentence):
        parsed = parse_amount(m.group(0))
        if parsed is None:
            continue
        d = abs(m.start() - at)
        if best is None or d < best[0]:
            best = (d, parsed[0], parsed[1], m.group(0))
    return None if best is None else (best[1], best[2], best[3])


_UNIT = re.compile(
    r"^(?:Centre|Center|Institute|School|Faculty|Department|Unit)\b"
    r"|\b(?:Unit|Department|Centre|Center|Institute|School|Faculty|Lab|Laboratory|Observatory|Service|Team|Library)$"
)

ORG = ("Organisation",)
PROG = ("Programme",)
PLACE = ("Place",)
AGENT_OR_PROG = ("Organisation", "Programme")

_PLACE_RANK = {"Country": 0, "Region": 1, "LocalAuthorityArea": 2, "Town": 3, "Neighbourhood": 4, "Site": 5}


def _rank(m: SentMention) -> int:
    """How small a place is (a country 0 … a site 5; unknown kinds smallest)."""
    return _PLACE_RANK.get(m.subtype or "", 9)


def _inside(m: SentMention) -> str:
    """The predicate for a smaller place in a larger one: a site is located in it, an area is part of it."""
    return "locatedIn" if m.subtype == "Site" else "partOf"


# (compiled once: the function below passed these to re.search and the like, which looked each up in
# re's cache at every call (and compiled it during whichever document first reached it)
_PRONOUN_LEAD = re.compile(r"(?:It|They|(?P<poss>Its|Their))\s+(?=[a-z])")
_QUOTE_THEN_BRACKET_END = re.compile(r"[”\"’']\s*\(\s*$")
_BRACKET_END = re.compile(r"\(\s*$")
_BY_WITH_END = re.compile(r"\b(?:by|with)\s*$")
_LIST_JOIN_END = re.compile(r"(?:,|\band|&)\s*(?:the\s+)?$")
_NAMED_END = re.compile(r"<<(\d+)>>\s*,?\s*(?:is\s+|was\s+)?$")
_APPOSITION_END = re.compile(r"(<<\d+>>)\s*(?:,|\bis|\bwas|\bare)\s*(?:an?|the)\s+$")
_ENT_NUMBER = re.compile(r"<<(\d+)>>")
_ENT_END = re.compile(rf"(?:{ENT})\s*$")


def sentence_relations(
    sentence: str,
    mentions: list[SentMention],
    topic: SentMention | None = None,
    recent_programme: SentMention | None = None,
    grant_maker: SentMention | None = None,
) -> Iterator[Found]:
    """Yield the relations stated in one sentence.

    ``grant_maker`` is the organisation an earlier sentence names as awarding
    grants; "£640,000 to the X Trust" and "X receives £390,000" are its grants.

    ``topic`` is an entity the sentence is about without naming it (a bullet's
    heading, "The council …" after a sentence naming the council); it stands
    as the subject when the sentence starts with no subject of its own.
    """
    ms = list(mentions)
    if topic is not None:
        ms = [topic, *ms]
    if recent_programme is not None and recent_programme.idx not in {m.idx for m in ms}:
        ms_all = [*ms, recent_programme]
    else:
        ms_all = ms
        recent_programme = None
    if grant_maker is not None:
        ms_all = [*ms_all, grant_maker]
    if len({m.group for m in ms_all}) < 2:
        return  # every rule relates two different entities
    masked, cmap, ents = mask(sentence, [m for m in ms if m is not topic])
    if topic is not None:
        # "It runs the museum": the topic stands in for the pronoun
        pron = _PRONOUN_LEAD.match(masked)
        cut = 0
        if pron:
            cut = pron.end()  # (letters and spaces: no placeholder)
            masked, cmap = masked[cut:], cmap[cut:]
        # "Its members are …": the topic's members
        prefix = f"<<{topic.idx}>>’s " if pron and pron.group("poss") else f"<<{topic.idx}>> "
        masked = prefix + masked
        cmap = [0] * len(prefix) + cmap
        if ents is not None and topic.idx >= 0:
            shift = len(prefix) - cut
            ents = [(0, len(f"<<{topic.idx}>>"), topic.idx), *((a + shift, b + shift, i) for a, b, i in ents)]
        else:
            ents = None
    by_idx = {m.idx: m for m in ms_all}
    S = Sentence(masked, by_idx, ents)
    g = {m.idx: m.group for m in ms_all}
    seen: set[tuple[int, str, int]] = set()

    def emit(a: int, p: str, b: int, rule: str, amount=None) -> Iterator[Found]:  # type: ignore[no-untyped-def]
        if a not in g or b not in g or g[a] == g[b]:
            return
        if p == "operatesIn" and SPEAKER_IDX <= a < 2 * SPEAKER_IDX and rule not in ("operatesIn:organisation-works-in", "operatesIn:serves", "operatesIn:area-and-parts",
                                                                           "operatesIn:reaches"):
            return  # "we visited Glasgow": where the author went is not where it operates ("we worked … across X", "we serve X" is)
        key = (g[a], p, g[b])
        if p == "partnerOf":
            key = (min(g[a], g[b]), p, max(g[a], g[b]))
        if key in seen:
            return
        seen.add(key)
        if amount:
            yield Found(g[a], p, g[b], rule, amount[0], amount[1], amount[2])
        else:
            yield Found(g[a], p, g[b], rule)

    low = fold(masked)  # what the _rx rule patterns run on (same offsets as masked)

    # ---- funds
    if _holds_any(low, _FUND_CUES):
        # the funded body is named before the first "funded by" (not an agent of an earlier one:
        # "supported by A and sponsored by B" does not make B fund A)
        passives = list(_P02.finditer(low))  # (one scan for both uses)
        first_passive = passives[0].start() if passives else len(masked)
        page_first = None  # the page's programme, when the sentence's first "funded by" named no target
        for n, m in enumerate(passives):
            page = _page_target(masked, m, recent_programme)
            if n == 0:
                page_first = page
            # "Our hosts were A, and the day was sponsored by B": a clause about the page's own event
            clause = (recent_programme.idx if recent_programme is not None and recent_programme.idx == MAIN_IDX
                      and _CLAUSE_LEAD.search(masked, 0, m.start()) else None)
            target = _first(clause, _coord_subject(masked, m, S), S.before(m.start(), PROG), S.before(first_passive, ORG), _lead_target(masked, m, S),
                            page, page_first if n > 0 else None)  # "…, and a further £10,000 was given by B"
            # "funded by the UK Government through the UK Shared Prosperity Fund": its channel
            ch = _THROUGH_AFTER.match(masked, m.end())
            if ch and S.typ(int(ch.group("f"))) == "Programme":
                for a in _ids(m.group("l"))[-1:]:
                    if S.typ(a) == "Organisation":
                        yield from emit(a, "delivers", int(ch.group("f")), "delivers:funds-through")
            if target is None:
                continue
            amt = _amount_near(sentence, cmap, m.start())
            targets = [target]
            co = _CO_SUBJECTS.search(masked, 0, m.start()) if target == S.before(m.start(), PROG) else None
            if co is not None:
                # "A and B are paid for by X": both programmes
                targets = [t for t in _ids(co.group("l")) if S.typ(t) == "Programme"] or targets
            for a in _ids(m.group("l")):
                if S.typ(a) == "Organisation":
                    for t in targets:
                        yield from emit(a, "funds", t, "funds:passive", _item_amount(masked, sentence, cmap, a, m.start("l"), amt))

        for m in _P03.finditer(low):
            # the receiver: a programme named around it, else the sentence's subject
            # ("X received funding from Y"), not an organisation that is itself a funder
            # ("funded by A, with a further £45,000 from B")
            subject = _P04.match(low)
            subj_org = _ids(subject.group("s"))[0] if subject else None
            if subj_org is not None and S.typ(subj_org) != "Organisation":
                subj_org = None
            # "Thanks to new funding from X …, we reached …": the author (as "we") receives
            speaker = next((i for i in by_idx if SPEAKER_IDX <= i < 2 * SPEAKER_IDX and S.typ(i) == "Organisation"
                            and by_idx[i].cue != "poss"), None)
            # "£60,000 came from Arts Council England's Libraries Improvement Fund": the fund is
            # the giver's channel (it runs it), the money goes to what the sentence is about
            channel = _POSS_FUND.match(masked, m.end()) or _THROUGH_ITS_AFTER.match(masked, m.end())
            after = S.after(channel.end() if channel else m.end(), PROG)
            # "P is funded by A and by F, which …, with match funding from B": the adjunct is P's
            before = S.first(PROG) if _WITH_ADJUNCT.search(masked, 0, m.start()) else S.before(m.start(), PROG)
            target = _first(before, after, subj_org, speaker,
                            recent_programme.idx if recent_programme is not None else None)
            if channel is not None:
                f_i = int(channel.group("f"))
                for a in _ids(m.group("l"))[-1:]:
                    if S.typ(a) == "Organisation" and S.typ(f_i) == "Programme":
                        yield from emit(a, "delivers", f_i, "delivers:possessive")
            if target is None:
                continue
            amt = _amount_near(sentence, cmap, m.start())
            for a in _ids(m.group("l")):
                if S.typ(a) == "Organisation":
                    yield from emit(a, "funds", target, "funds:funding-from", amt)
        for m in _P05.finditer(low):
            funders = [a for a in _ids(m.group("l")) if S.typ(a) == "Organisation"]
            funded = _ids(m.group("o"))[0]
            if _FROM_SOURCE.search(m.group("mid")):
                # "contributed £180,000 from its Y allocation", "is putting in £350,000 from its share of
                # the F": Y and F are where the money came from; it goes to the programme in hand
                if (recent_programme is not None and recent_programme.idx == MAIN_IDX and S.typ(funded) == "Programme"
                        and S.first(PROG) == funded and has_amount(m.group("mid"))):
                    amt = _amount_near(sentence, cmap, m.start("mid"))
                    for a in funders[-1:]:
                        yield from emit(a, "funds", recent_programme.idx, "funds:from-its-budget", amt)
                continue
            if _THROUGH.search(m.group("mid")) and S.typ(funded) == "Programme":
                # "ACE provided £90,000 through National Lottery Project Grants": the funder's
                # channel, not what it funds; the money goes to the programme in hand
                amt = _amount_near(sentence, cmap, m.start("mid"))
                for a in funders[-1:]:
                    yield from emit(a, "delivers", funded, "delivers:funds-through")
                    if recent_programme is not None and S.first(PROG) == funded:
                        yield from emit(a, "funds", recent_programme.idx, "funds:through-channel", amt)
                continue
            if _GAPPED.search(m.group("mid")) and _AMOUNT_NEXT.match(masked, m.end()):
                # "A awarded us £40,000 and B £10,000" where no author is known to stand for "us":
                # B gives too (the verb and its object are left out), to the page's programme
                # (with an author, "us" is its mention and _GAP_TAIL below reads the sentence)
                to = recent_programme.idx if recent_programme is not None and recent_programme.idx == MAIN_IDX else None
                if to is not None:
                    for a in (*funders[-1:], funded):
                        if S.typ(a) == "Organisation":
                            yield from emit(a, "funds", to, "funds:gapped-list", _amount_near(sentence, cmap, m.start("mid")))
                continue
            if S.typ(funded) in AGENT_OR_PROG:
                amt = _amount_near(sentence, cmap, m.start("mid"))
                # "A, B and C each pay £32,000 towards X": every one of them gives
                for a in funders if _EACH_BEFORE_VERB.search(low, m.start(), m.start("mid")) else funders[-1:]:
                    yield from emit(a, "funds", funded, "funds:active", amt)
                tail = _GAP_TAIL.match(masked, m.end())
                if tail and S.typ(int(tail.group("b"))) == "Organisation":
                    # "A awarded us £40,000 and B £10,000": B gave to the same receiver
                    yield from emit(int(tail.group("b")), "funds", funded, "funds:gapped-list",
                                    _amount_near(sentence, cmap, tail.end() - 2))
        if recent_programme is not None and (has_amount(sentence) or "sponsor" in low) and (
                S.first(PROG) is None or (_only_channels(masked, S) and not any(
                    m.group == recent_programme.group for m in ms))):
            # (a sentence that names programmes only as where money comes from, "A provided £45,000
            # from its F allocation, and B gave £3,000 towards travel", still gives to the one in hand)
            for m in _P06.finditer(low):
                io = _INDIRECT_OBJECT.match(masked, m.end())
                if io is not None and S.typ(int(io.group(1))) == "Organisation":
                    continue  # "B awarded the Foundation £45,000": the money goes to the body named
                funders = [a for a in _ids(m.group("l")) if S.typ(a) == "Organisation"]
                amt = _amount_near(sentence, cmap, m.end())
                for a in funders[-1:]:
                    yield from emit(a, "funds", recent_programme.idx, "funds:active-topic", amt)
        # "The Tarn Foundation’s contribution was £12,000": the page's programme is funded
        if recent_programme is not None and recent_programme.idx == MAIN_IDX and "’s" in low:
            for m in _P_CONTRIBUTION.finditer(low):
                a = int(m.group("a"))
                if S.typ(a) == "Organisation" and S.first(PROG) is None:
                    yield from emit(a, "funds", recent_programme.idx, "funds:contribution-was", _amount_near(sentence, cmap, m.end()))
        # "X made a further grant of £75,000 towards Y", "X is awarding £420,000 to Y"
        for m in _P07.finditer(low):
            a, o = _ids(m.group("a"))[0], _ids(m.group("o"))[0]
            if S.typ(a) == "Organisation" and S.typ(o) in AGENT_OR_PROG:
                yield from emit(a, "funds", o, "funds:grant-of-towards", _amount_near(sentence, cmap, m.start("amt")))
        # "BBC Children in Need – £30,000 (year 2 of 3) towards Make Your Mark": a funders list item
        gm = _P08.match(low)
        if gm and _GIVER_ITEM.match(masked, gm.end()):
            pm = _GIVER_ITEM_FOR.search(masked, gm.end())
            f_i = int(gm.group("f"))
            if pm and S.typ(int(pm.group("p"))) == "Programme" and S.typ(f_i) == "Organisation":
                yield from emit(f_i, "funds", int(pm.group("p")), "funds:funders-list-item", _amount_near(sentence, cmap, gm.start("a")))
        for m in _rx(AWARD_TO).finditer(low):
            if m.group("o3") and _GIVER_ITEM.match(masked, m.end()):
                continue  # a funders list: the named body gives (below), it does not receive
            o = int(m.group("o") or m.group("o2") or m.group("o3"))
            if S.typ(o) in AGENT_OR_PROG and not any(
                S.typ(a) == "Organisation" and a != o for a in _ids(masked[: m.start()])
            ):
                amt = _amount_near(sentence, cmap, next(m.start(g) for g in ("a", "a2", "a3") if m.group(g)))
                if grant_maker is not None:
                    yield from emit(grant_maker.idx, "funds", o, "funds:award-to", amt)
                # "£96,000 to X for Maths in the Market": the money is for X's project too, which X runs
                # (whoever gives it)
                pm = _FOR_PROJECT.match(masked, m.end())
                if pm and S.typ(o) == "Organisation" and S.typ(int(pm.group("p"))) == "Programme" and (
                        grant_maker is not None or not m.group("o3")):  # ("A – £48,000 for P" may list A as a funder)
                    p = int(pm.group("p"))
                    if grant_maker is not None:
                        yield from emit(grant_maker.idx, "funds", p, "funds:award-to-for", amt)
                    yield from emit(o, "delivers", p, "delivers:award-to-for")
        for mm in ms:
            if mm.cue in ("funded", "backed", "supported") and mm.type == "Organisation":
                pos = masked.find(f"<<{mm.idx}>>")
                obj = S.after(pos + 4, AGENT_OR_PROG, 60)
                if obj is not None:
                    yield from emit(mm.idx, "funds", obj, "funds:x-funded", _amount_near(sentence, cmap, pos))

    # ---- delivers (passive "run by X", active "X launched Y", possessive "X's Y")
    if "(" in low:
        # "Creative Scotland (Open Fund)", "Arts Council England (Museum Estate and Development
        # Fund, £120,000 for …)": a funder and, in brackets, the fund it gave through
        for m in _P_BODY_FUND_BRACKET.finditer(low):
            a, f_i = int(m.group("a")), int(m.group("f"))
            if S.typ(a) == "Organisation" and S.typ(f_i) == "Programme" and by_idx[f_i].subtype == "FundingProgramme":
                yield from emit(a, "delivers", f_i, "delivers:body-fund-bracket")
    for m in _P10.finditer(low):
        agents = [a for a in _ids(m.group("l")) if S.typ(a) == "Organisation"]
        helpers = [a for a in _ids(m.group("w") or "") if S.typ(a) == "Organisation"]
        unit = _RUN_BY_UNIT.search(masked, 0, m.start())
        if unit and _RUN_VERB.match(masked, m.start()) and S.typ(int(unit.group("u"))) == "Organisation":
            # "Kirkleatham Museum is run by the borough council", "the museums run by X"
            for a in agents:
                yield from emit(int(unit.group("u")), "partOf", a, "partOf:run-by")
            continue
        target = _first(S.before(m.start(), PROG), _lead_target(masked, m, S, PROG), _page_target(masked, m, recent_programme))
        prev_org = S.before(m.start(), ORG)
        if target is not None:
            for a in agents:
                yield from emit(a, "delivers", target, "delivers:passive")
            # "the pilot run by Hull College with Northern Edge Studios": the second takes part
            for b in helpers:
                yield from emit(b, "participatesIn", target, "participatesIn:run-by-with")
                for a in agents:
                    yield from emit(a, "partnerOf", b, "partnerOf:run-by-with")
        elif _QUOTE_THEN_BRACKET_END.search(masked[: m.start()]):
            # 'Three workshops ran: "Money advice" (led by A), …': a session's leader takes part in
            # the page's event
            if recent_programme is not None and recent_programme.idx == MAIN_IDX:
                for a in agents:
                    yield from emit(a, "participatesIn", recent_programme.idx, "participatesIn:session-led-by")
        elif prev_org is not None and _BRACKET_END.search(masked[: m.start()]):
            for a in agents:
                yield from emit(prev_org, "partOf", a, "partOf:run-by")
        for i, a in enumerate(agents):
            for b in agents[i + 1 :]:
                yield from emit(a, "partnerOf", b, "partnerOf:co-agents")
    # "ODL will expand to A and B", "we will extend Make Your Mark to Birtley": where it will run too
    if "xten" in low or "xpand" in low or "roll" in low:
        for m in _P75.finditer(low):
            cands = [int(x) for x in (m.group("p2"), m.group("p")) if x is not None]
            prog = next((c for c in cands if S.typ(c) == "Programme"), None)
            if prog is None and recent_programme is not None and recent_programme.idx == MAIN_IDX and not cands:
                prog = recent_programme.idx
            for p_i in _ids(m.group("l")):
                if prog is not None and S.typ(p_i) == "Place":
                    yield from emit(prog, "operatesIn", p_i, "operatesIn:expands-to")
    # "Bristol City Council provides studio space free of charge", "A lets the college use a
    # classroom free of charge": support in kind is taking part, not funding
    if recent_programme is not None and ("free of charge" in low or "rent-free" in low or "no cost" in low):
        for m in _P_IN_KIND.finditer(low):
            a = int(m.group("a"))
            prog = _first(S.first(PROG), recent_programme.idx)
            if S.typ(a) == "Organisation" and prog is not None:
                yield from emit(a, "participatesIn", prog, "participatesIn:in-kind")
    # "Learners were referred by A and B", "Hyndburn Council refers young people": referrers take part
    if recent_programme is not None and recent_programme.idx == MAIN_IDX and "refer" in low:
        for m in _P74.finditer(low):
            for a in _ids(m.group("l") or m.group("l2")):
                if S.typ(a) == "Organisation":
                    yield from emit(a, "participatesIn", recent_programme.idx, "participatesIn:refers")
    # "A and B run the sessions together": the programme in hand (the page's or the section's)
    if recent_programme is not None and recent_programme.idx == MAIN_IDX and S.first(PROG) is None:
        for m in _P73.finditer(low):
            agents = [a for a in _ids(m.group("l")) if S.typ(a) == "Organisation"]
            for a in agents:
                yield from emit(a, "delivers", recent_programme.idx, "delivers:runs-the-activity")
            for i, a in enumerate(agents):
                for b in agents[i + 1 :]:
                    yield from emit(a, "partnerOf", b, "partnerOf:co-agents")
    for m in _P11.finditer(low):
        deliverers = [a for a in _ids(m.group("l")) if S.typ(a) == "Organisation"]
        if m.group("rel"):
            deliverers = deliverers[-1:]  # "…with X, which runs Y": the clause is about X
        elif _BY_WITH_END.search(masked[: m.start()]):
            continue
        objects = [o for o in _ids(m.group("o")) if S.typ(o) == "Programme"]
        for o in objects:
            for a in deliverers:
                yield from emit(a, "delivers", o, "delivers:active")
        if objects:
            # "Wrexham University and the County Borough Council have launched X": partners in it
            for i, a in enumerate(deliverers):
                for b in deliverers[i + 1 :]:
                    yield from emit(a, "partnerOf", b, "partnerOf:co-agents")
    for mm in ms:
        if (mm.possessive or mm.cue == "poss") and mm.type == "Organisation":
            pos = masked.find(f"<<{mm.idx}>>’s")
            if pos >= 0:
                nxt = _POSS_NEXT.match(masked, pos + len(f"<<{mm.idx}>>"))
                if nxt:
                    o = _ids(nxt.group("o") or nxt.group("o2"))[0]
                    if S.typ(o) == "Programme":
                        yield from emit(mm.idx, "delivers", o, "delivers:possessive")
    # "It runs the Ulster Museum, the Folk Museum and …": bodies an organisation runs are units of it
    for m in _P12.finditer(low):
        a = _ids(m.group("a"))[0]
        if S.typ(a) == "Organisation":
            for o in _ids(m.group("l")):
                if S.typ(o) == "Organisation" and by_idx[o].subtype != "Partnership":
                    yield from emit(o, "partOf", a, "partOf:runs")
    # "Paisley's Ferguslie Trust" is in Paisley; "Sunderland's cultural education partnership" works there
    for mm in ms:
        if mm.possessive and mm.type == "Place":
            pos = masked.find(f"<<{mm.idx}>>’s")
            nxt = _POSS_NEXT.match(masked, pos + len(f"<<{mm.idx}>>")) if pos >= 0 else None
            if nxt:
                o = _ids(nxt.group("o") or nxt.group("o2"))[0]
                if S.typ(o) == "Organisation" and by_idx[o].subtype != "Partnership":
                    yield from emit(o, "locatedIn", mm.idx, "locatedIn:place-possessive")
                elif S.typ(o) in ("Programme", "Organisation"):
                    yield from emit(o, "operatesIn", mm.idx, "operatesIn:place-possessive")
    # "X signed a civic agreement with A, B and C": partners
    for m in _P13.finditer(low):
        a = _ids(m.group("a"))[0]
        if S.typ(a) == "Organisation":
            for b in _ids(m.group("l")):
                if S.typ(b) == "Organisation":
                    yield from emit(a, "partnerOf", b, "partnerOf:signed-with")
    # "We are grateful to all of our funders: the X Foundation (£150,000), Y Council and Z": each gives to us
    fl = _FUNDERS_LIST.search(low) if "’s" in low else None
    if fl and S.typ(int(fl.group("s"))) == "Organisation":
        for m in _ENT.finditer(masked, fl.end()):
            f_i = int(m.group(0)[2:-2])
            if S.typ(f_i) == "Organisation" and f_i != int(fl.group("s")):
                yield from emit(f_i, "funds", int(fl.group("s")), "funds:our-funders-list")
    # "We are also grateful to the X Foundation and to Y Ltd for unrestricted donations": each gives to us
    for m in _P58.finditer(low):
        receiver = next((i for i in by_idx if SPEAKER_IDX <= i < 2 * SPEAKER_IDX), None)
        if receiver is not None:
            for a in _ids(m.group("l")):
                if S.typ(a) == "Organisation":
                    yield from emit(a, "funds", receiver, "funds:thanked-for-funding")
    # "We are a delivery partner in Uni Connect North East", "X is a member of the Y network"
    for m in _P14.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if S.typ(a) == "Organisation" and S.typ(b) == "Programme":
            yield from emit(a, "participatesIn", b, "participatesIn:partner-in")
        elif S.typ(a) == "Organisation" and S.typ(b) == "Organisation":
            yield from emit(a, "partOf", b, "partOf:partner-in")
            # "… is a member of the Fife Partnership, alongside the three community trusts, A, B and C"
            al = _ALONGSIDE.match(low, m.end())
            for c in _ids(al.group("l")) if al else ():
                if S.typ(c) == "Organisation" and "member" in m.group(0):
                    yield from emit(c, "partOf", b, "partOf:member-alongside")
    # "A and B, both part of the C Trust"
    for m in _P15.finditer(low):
        b = _ids(m.group("b"))[0]
        for a in _ids(m.group("l")):
            if S.typ(a) == S.typ(b) and S.typ(a) in ("Organisation", "Place"):
                yield from emit(a, "partOf", b, "partOf:both-part-of")
            elif S.typ(a) == "Organisation" and S.typ(b) == "Programme":
                yield from emit(a, "participatesIn", b, "participatesIn:both-part-of")
    # "Multiply, which Lincolnshire County Council runs across the county": the object comes first
    for m in _P62.finditer(low):
        prog_i, a = _ids(m.group("p"))[0], _ids(m.group("a"))[0]
        if S.typ(prog_i) == "Programme" and S.typ(a) == "Organisation":
            pred = "funds" if m.group("v").startswith("fund") else "delivers"
            yield from emit(a, pred, prog_i, f"{pred}:which-x-runs")
    # "Skills Forward, a new programme from the combined authority,": the body it comes from runs it
    for m in _P60.finditer(low):
        prog_i, a = _ids(m.group("p"))[0], _ids(m.group("a"))[0]
        if S.typ(prog_i) == "Programme" and S.typ(a) == "Organisation":
            yield from emit(a, "delivers", prog_i, "delivers:a-programme-from")
    # "Next Step Medway is the council's employment support service"
    for m in _P16.finditer(low):
        prog_i, a = _ids(m.group("p"))[0], _ids(m.group("a"))[0]
        if S.typ(prog_i) == "Programme" and S.typ(a) == "Organisation":
            yield from emit(a, "delivers", prog_i, "delivers:is-xs")
    # "X, together with Y, ran Z": both deliver it
    for m in _P17.finditer(low):
        o = _ids(m.group("o"))[0]
        if S.typ(o) == "Programme":
            for a in [_ids(m.group("a"))[0], *_ids(m.group("l"))]:
                if S.typ(a) == "Organisation":
                    yield from emit(a, "delivers", o, "delivers:together-with")
    # "X provides support across the region, leading on programmes such as Y"
    for m in _P18.finditer(low):
        subj = S.first(ORG, m.start())
        if subj is not None:
            for o in _ids(m.group("o")):
                if S.typ(o) == "Programme":
                    yield from emit(subj, "delivers", o, "delivers:participle")
    # "X funds initiatives such as Y", "funding initiatives such as Y"
    for m in _P19.finditer(low):
        subjs = [a for a in _ids(masked[: m.start()]) if S.typ(a) == "Organisation"]
        lead_subj = _P20.match(low)
        if lead_subj:
            subjs = [a for a in _ids(lead_subj.group("l")) if S.typ(a) == "Organisation"] or subjs[-1:]
        else:
            subjs = subjs[-1:]
        for o in _ids(m.group("o")):
            if S.typ(o) in AGENT_OR_PROG:
                for a in subjs:
                    yield from emit(a, "funds", o, "funds:funding-such-as")
    # "Barnsley Council refreshed its Love Where You Live strategy" ("X, Irvine's arts charity, on its P": past a possessive place)
    # but "from its UK Shared Prosperity Fund allocation": a share of a fund the body takes part in
    for m in _P21.finditer(low):
        a, o = _ids(m.group("a"))[0], _ids(m.group("o"))[0]
        giver = S.first(ORG)
        if (giver is not None and giver != a and _THROUGH_ITS.search(low, 0, m.start("o")) and _TO_BEFORE.search(low, 0, m.start("a"))
                and by_idx[o].subtype == "FundingProgramme"):
            a = giver  # "A has confirmed £X to B through its Place Fund": A's fund
        elif S.typ(a) == "Place" and low.startswith(("’s ", "'s "), m.end("a")):
            owner = S.before(m.start("a"), ORG)  # "X, Irvine's arts charity, on its P": X's
            a = a if owner is None else owner
        if S.typ(a) == "Organisation" and S.typ(o) == "Programme":
            if m.group("share"):
                yield from emit(a, "participatesIn", o, "participatesIn:its-allocation")
            else:
                yield from emit(a, "delivers", o, "delivers:its-programme")
    # a heading "Bee Network, Greater Manchester Combined Authority"
    hm = _HEADING_PAIR.fullmatch(masked)
    if hm:
        a, o = _ids(hm.group("a"))[0], _ids(hm.group("o"))[0]
        if S.typ(a) == "Organisation" and S.typ(o) == "Programme":
            yield from emit(a, "delivers", o, "delivers:heading")
    # "X-led programme"
    for mm in ms:
        if mm.cue in ("led", "run") and mm.type == "Organisation":
            pos = masked.find(f"<<{mm.idx}>>")
            obj = S.after(pos + 4, PROG, 60)
            if obj is not None:
                yield from emit(mm.idx, "delivers", obj, "delivers:x-led")

    # ---- partnerOf / participatesIn via "working with"
    if _holds_any(low, _PARTNER_CUES):
        for m in _P22.finditer(low):
            subj = S.before(m.start(), ORG, skip_unit_owners=True)
            subj_prog = S.before(m.start(), PROG)
            po = _PART_OF_APPOSITION.search(low, 0, m.start()) if subj is not None and "of <<" in low else None
            if po is not None and int(po.group("b")) == subj and S.typ(int(po.group("a"))) == "Organisation":
                subj = int(po.group("a"))  # "A, part of B, working with C": A works with C
            if m.group("fund") and subj is not None:
                for b in _ids(m.group("l")):
                    if S.typ(b) == "Organisation":
                        yield from emit(b, "funds", subj, "funds:and-funded-by", _amount_near(sentence, cmap, m.start()))
            for b in _ids(m.group("l")):
                if S.typ(b) == "Organisation" and subj is not None:
                    yield from emit(subj, "partnerOf", b, "partnerOf:cue")
                if S.typ(b) == "Organisation" and subj_prog is not None:
                    # "P was launched by A in partnership with B": B takes part in P
                    yield from emit(b, "participatesIn", subj_prog, "participatesIn:partner-of-deliverer")
                elif S.typ(b) == "Programme" and subj is not None and subj_prog is None:
                    yield from emit(subj, "participatesIn", b, "participatesIn:working-with")
                elif S.typ(b) == "Organisation" and subj is None and subj_prog is None and m.group(0).startswith("in "):
                    # "In partnership with A, B and C." as a line of its own on a programme's page
                    page = _page_target(masked, m, recent_programme)
                    if page is not None:
                        yield from emit(b, "participatesIn", page, "participatesIn:page-partners")
        # "The Trust is now working with A and B on Frame Ready": all of them take part in it
        for m in _P_WITH_ON.finditer(low):
            o = int(m.group("o"))
            if S.typ(o) != "Programme":
                continue
            subj = S.before(m.start(), ORG, skip_unit_owners=True)
            for b in [*_ids(m.group("l")), *([subj] if subj is not None else [])]:
                if S.typ(b) == "Organisation":
                    yield from emit(b, "participatesIn", o, "participatesIn:working-with-on")
        # "Leeds City Council runs the Skills programme with Leeds City College and DfE"
        for m in _P23.finditer(low):
            a, o = _ids(m.group("a"))[0], _ids(m.group("o"))[0]
            if S.typ(a) == "Organisation" and S.typ(o) == "Programme":
                for b in _ids(m.group("l")):
                    if S.typ(b) == "Organisation":
                        yield from emit(a, "partnerOf", b, "partnerOf:runs-with")
        for m in _P24.finditer(low):
            ids = [a for a in _ids(m.group("l")) if S.typ(a) == "Organisation"]
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    yield from emit(a, "partnerOf", b, "partnerOf:together")
        for m in _P25.finditer(low):
            subs = [a for a in _ids(m.group("a")) if S.typ(a) == "Organisation"]
            for i, a in enumerate(subs):
                for b in subs[i + 1 :]:
                    yield from emit(a, "partnerOf", b, "partnerOf:co-subjects")
            for a in _ids(m.group("a")):
                for b in _ids(m.group("l")):
                    if S.typ(a) == "Organisation" and S.typ(b) == "Organisation":
                        yield from emit(a, "partnerOf", b, "partnerOf:x-works-with-y")
        # "launched by A and B" style co-agents handled above; "A and B launched Y"
        for m in _P26.finditer(low):
            ids = [a for a in _ids(m.group("l")) if S.typ(a) == "Organisation"]
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    yield from emit(a, "partnerOf", b, "partnerOf:co-agents")

    # ---- participatesIn
    if _holds_any(low, _PARTICIPATE_CUES):
        # "P is delivered with A and B", "developed together with A"
        for m in _P27.finditer(low):
            # ("Recording days were organised with A" on a project's own page: that project)
            prog = _first(S.before(m.start(), PROG),
                          recent_programme.idx if recent_programme is not None and recent_programme.idx == MAIN_IDX
                          and S.before(m.start(), ORG) is None else None)
            if prog is None:
                continue
            # "Track Ready, a bootcamp that Carlton designed with A": Carlton and A are partners
            agent = _AGENT_BEFORE.search(low, 0, m.start())
            maker = int(agent.group(1)) if agent and S.typ(int(agent.group(1))) == "Organisation" else None
            for b in _ids(m.group("l")):
                if S.typ(b) == "Organisation":
                    if maker is not None and maker != b:
                        yield from emit(maker, "partnerOf", b, "partnerOf:made-with")
                        yield from emit(b, "participatesIn", prog, "participatesIn:made-with")
                    elif m.group("j") and m.group(0).startswith(("delivered", "run")):
                        # "Open Doors … was run jointly with the University of Sunderland": co-run
                        yield from emit(b, "delivers", prog, "delivers:run-jointly-with")
                    else:
                        yield from emit(b, "participatesIn", prog, "participatesIn:delivered-with")
        # "after-school sessions for pupils from A and B", "led by volunteers from C": their
        # organisations take part in the programme the sentence (or the page) is about
        for m in _P64.finditer(low):
            prog = _first(S.before(m.start(), PROG), S.after(m.end(), PROG, 120),
                          recent_programme.idx if recent_programme is not None else None)
            if prog is None:
                continue
            for a in _ids(m.group("l")):
                if S.typ(a) == "Organisation":
                    yield from emit(a, "participatesIn", prog, "participatesIn:people-from")
        page_prog = recent_programme.idx if recent_programme is not None and recent_programme.idx == MAIN_IDX else None
        # "evaluated for us by A", "placements with A"; "Ulster University has been appointed to
        # evaluate the programme" (that one may name the programme after it)
        for rule, rx, used, after in (("participatesIn:support-role", _P_SUPPORT_ROLE, "by" in low or "placement" in low or "help" in low, False),
                                      ("participatesIn:evaluator", _P_EVALUATOR, "evaluat" in low, True)):
            for m in rx.finditer(low) if used else ():
                prog = _first(S.after(m.end(), PROG, 40) if after else None, S.before(m.start(), PROG), page_prog)
                if prog is None:
                    continue
                for a in _ids(m.group("l")):
                    # ("with help from A, the county council's library service": the council owns A)
                    if S.typ(a) == "Organisation" and f"<<{a}>>’s" not in masked[m.start() : m.end() + 2]:
                        yield from emit(a, "participatesIn", prog, rule)
        # "Our partners this year included A, B and C": the author's partners, not a programme's
        op = None
        for m in _P59.finditer(low):
            owner = int(m.group("s") or m.group("s2") or m.group("s3"))
            if S.typ(owner) != "Organisation":
                continue
            op = op or m
            for a in _ids(m.group("l") or m.group("a2") or m.group("a3")):
                if S.typ(a) == "Organisation":
                    yield from emit(owner, "partnerOf", a, "partnerOf:our-partners-included")
        for m in _P28.finditer(low) if op is None else ():
            # "employers taking part in the bootcamp include A and B": the programme may sit inside the cue
            prog = _first(S.before(m.start(), PROG), S.after(m.start(), PROG, 180), recent_programme.idx if recent_programme is not None else None)
            if prog is None:
                continue
            for a in _ids(m.group("l")):
                if S.typ(a) == "Organisation":
                    yield from emit(a, "participatesIn", prog, "participatesIn:such-as")
        for m in _P29.finditer(low) if op is None else ():
            # on a page about one programme, "Employers recruiting on the day include …" take part in
            # it (a body's "members" or "partners" are its own: the membership rules read those)
            # ("The employer panel's members include …": a panel of the programme, not a body)
            own = m.group(0).startswith(("members", "partners")) and not _COMMON_POSSESSOR.search(masked, 0, m.start())
            page = recent_programme.idx if recent_programme is not None and recent_programme.idx == MAIN_IDX and not own else None
            prog = _first(S.before(m.start(), PROG), S.after(m.end(), PROG, 120), page)
            if prog is None:
                continue
            for a in _ids(m.group("l")):
                if S.typ(a) == "Organisation":
                    yield from emit(a, "participatesIn", prog, "participatesIn:such-as")
        for m in _P31.finditer(low):
            o = _ids(m.group("o"))[0]
            owned = _POSS_FUND.match(masked, m.end())
            if owned is not None:
                o = int(owned.group("f"))  # "joins Arts Council England's National Portfolio": the portfolio
            for a in _ids(m.group("l")):
                if S.typ(a) == "Organisation" and S.typ(o) == "Programme":
                    yield from emit(a, "participatesIn", o, "participatesIn:takes-part")
                elif S.typ(a) == "Organisation" and S.typ(o) == "Organisation":
                    yield from emit(a, "partOf", o, "partOf:member-of")

    # "Undergraduates from the University of York mentored …", "tutors from X": X takes part in
    # the programme in hand (the sentence's, else the section's or the last one named)
    if " from " in low:
        for m in _PEOPLE_FROM.finditer(low):
            prog = _first(S.first(PROG), recent_programme.idx if recent_programme is not None else None)
            if prog is None:
                break
            for a in _ids(m.group("l")):
                if S.typ(a) == "Organisation":
                    yield from emit(a, "participatesIn", prog, "participatesIn:people-from")

    # ---- partOf
    for m in _P32.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if S.typ(a) == S.typ(b) and S.typ(a) in ("Organisation", "Place"):
            yield from emit(a, "partOf", b, "partOf:part-of")
        elif S.typ(a) == "Organisation" and S.typ(b) == "Programme":
            yield from emit(a, "participatesIn", b, "participatesIn:part-of")
    for m in _P33.chain(low, "b"):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if m.group("sep").strip() == "," and (
            _P34.match(low, m.end())
            or _LIST_JOIN_END.search(masked[: m.start()])
        ):
            continue  # "across A, B and C" is a list of places, not "A, B" (A in B)
        if S.typ(a) == "Place" and S.typ(b) == "Place":
            ra = _rank(by_idx[a])
            rb = _rank(by_idx[b])
            if (ra == rb and by_idx[a].subtype == "Town" and m.group("sep").replace(" ", "") == ",in"):
                # "Newington, in Ramsgate": a town's district named as a town, placed in it in so many words
                yield from emit(a, "partOf", b, "partOf:place-comma-in-place")
            elif ra > rb and (rb <= 2 or by_idx[a].subtype == "Site" or (
                    # "Northwood in Kirkby", "Harlescott, Shrewsbury" (not "Sketty, Morriston and the city centre")
                    by_idx[a].subtype == "Neighbourhood" and not (
                        m.group("sep").strip() == "," and _LIST_GOES_ON.match(low, m.end())))):
                # a site is in a town; a neighbourhood or town is part of the larger area
                p_ = _inside(by_idx[a])
                yield from emit(a, p_, b, f"{p_}:place-in-place")
    # "Colne, Trawden and Barnoldswick in Pendle", "St Ives and Ramsey in Huntingdonshire": every
    # place of the list is part of the area (the rule above reads the last one only)
    if " in <<" in low:
        for m in _PLACES_LIST_IN.finditer(low):
            ids, b = _ids(m.group("l")), _ids(m.group("b"))[0]
            if len(ids) < 2 or S.typ(b) != "Place" or b not in by_idx or _rank(by_idx[b]) > 2:
                continue
            if all(S.typ(a) == "Place" and a in by_idx and _rank(by_idx[a]) > _rank(by_idx[b]) for a in ids):
                for a in ids:
                    yield from emit(a, _inside(by_idx[a]), b, f"{_inside(by_idx[a])}:places-in-place")
    # "Dundee's Hilltown", "Sheffield's Page Hall and Burngreave": a town's own neighbourhoods
    if "’s" in masked:
        for m in _PLACE_POSS.finditer(masked):
            b = int(m.group("b"))
            if S.typ(b) != "Place":
                continue
            rb = _rank(by_idx[b])
            if rb > 3:
                continue  # a town or a larger area owns them
            for a in _ids(m.group("l")):
                if S.typ(a) == "Place" and _rank(by_idx[a]) > rb:
                    p_ = _inside(by_idx[a])
                    yield from emit(a, p_, b, f"{p_}:place-possessive")
    # "Swinton and Wath upon Dearne, in Rotherham", "Thornaby, in Stockton-on-Tees"
    # "Mexborough sits at the western edge of Doncaster borough"
    if " of " in low and ("sits" in low or "lies" in low or " is " in low or "stands" in low):
        for m in _P_EDGE_OF.finditer(low):
            a, b = int(m.group("a")), int(m.group("b"))
            if S.typ(a) == "Place" and S.typ(b) == "Place" and (
                    _rank(by_idx[a]) > _rank(by_idx[b])):
                yield from emit(a, _inside(by_idx[a]), b, "partOf:lies-in-part-of")
    if ", in " in low:
        for m in _P_COMMA_IN.finditer(low):
            b = int(m.group("b"))
            if S.typ(b) != "Place":
                continue
            rb = _rank(by_idx[b])
            for a in _ids(m.group("l")):
                if S.typ(a) == "Place" and a != b and _rank(by_idx[a]) > rb and rb <= 2:
                    yield from emit(a, "partOf", b, "partOf:comma-in")

    # "a partnership between A and B" (no named body before it): the members are partners
    for m in _P35.finditer(low):
        named = _NAMED_END.search(masked[: m.start()])
        if named and S.typ(int(named.group(1))) == "Organisation" and by_idx[int(named.group(1))].subtype in (None, "Partnership"):
            continue  # "X, a partnership of …" names a body: its members are part of it (below)
        ids = [a for a in _ids(m.group("l")) if S.typ(a) == "Organisation"]
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                yield from emit(a, "partnerOf", b, "partnerOf:partnership-between")
    # "the Humber Cultural Compact, a partnership of A, B and C": members are part of it
    for m in _P36.finditer(low):
        x = _ids(m.group("x"))[0]
        if S.typ(x) in ("Organisation", "Programme"):
            for b in _ids(m.group("l")):
                if S.typ(b) == "Organisation":
                    p_ = "partOf" if S.typ(x) == "Organisation" else "participatesIn"
                    yield from emit(b, p_, x, f"{p_}:partnership-of")
    for m in _P37.finditer(low):
        x = _ids(m.group("x"))[0]
        if S.typ(x) == "Organisation" and by_idx[x].subtype == "Partnership":
            for b in _ids(m.group("l")):
                if S.typ(b) == "Organisation":
                    yield from emit(b, "partOf", x, "partOf:brings-together")
    # "the council's library service": a unit of the body named in the possessive
    for mm in ms:
        if mm.possessive and mm.type == "Organisation":
            pos = masked.find(f"<<{mm.idx}>>’s")
            nxt = _POSS_NEXT.match(masked, pos + len(f"<<{mm.idx}>>")) if pos >= 0 else None
            if nxt:
                o = _ids(nxt.group("o") or nxt.group("o2"))[0]
                if S.typ(o) == "Organisation" and _UNIT.search(sentence[by_idx[o].start : by_idx[o].end]):
                    yield from emit(o, "partOf", mm.idx, "partOf:possessive-unit")
    # "X has supported 2,300 Salford residents": a programme serves a place's people
    for m in _P38.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if S.typ(a) == "Programme" and S.typ(b) == "Place":
            yield from emit(a, "operatesIn", b, "operatesIn:serves-residents")

    # "Medical Research Unit at the University of X": a unit of a university
    for m in _P39.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if (
            S.typ(a) == "Organisation"
            and S.typ(b) == "Organisation"
            and by_idx[b].subtype in ("EducationProvider", "LocalAuthority", "HealthBody")
            and _UNIT.search(sentence[by_idx[a].start : by_idx[a].end])
            # "schools: Dent Grammar School, Sedbergh College and …": a school listed beside a
            # college is none of its units (a university's school is: "Business School, X University")
            and not (sentence[by_idx[a].start : by_idx[a].end].endswith("School") and "," in m.group(0)
                     and "University" not in sentence[by_idx[b].start : by_idx[b].end])
        ):
            yield from emit(a, "partOf", b, "partOf:unit-of")

    # "across Birmingham and the wider West Midlands"
    for m in _P40.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if S.typ(a) == "Place" and S.typ(b) == "Place":
            yield from emit(a, "partOf", b, "partOf:and-the-wider")

    # "X will guarantee an interview to every Moray Pathways completer": X takes part in it
    if "interview" in low:
        for m in _P_GUARANTEED_INTERVIEW.finditer(low):
            a, p_i = int(m.group("a")), int(m.group("p"))
            if S.typ(a) == "Organisation" and S.typ(p_i) == "Programme":
                yield from emit(a, "participatesIn", p_i, "participatesIn:guarantees-interviews")

    # ---- locatedIn
    for m in _P41.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if S.typ(a) == "Organisation" and S.typ(b) == "Place":
            yield from emit(a, "locatedIn", b, "locatedIn:in")
            more = _AND_PLACE_AFTER.match(low, m.end())
            if more and S.typ(int(more.group("c"))) == "Place":
                # "Jobcentre Plus in Galashiels and Hawick": a body with a base in each town
                yield from emit(a, "locatedIn", int(more.group("c")), "locatedIn:in")
        elif S.typ(a) == "Place" and by_idx[a].subtype == "Site" and S.typ(b) == "Place":
            yield from emit(a, "locatedIn", b, "locatedIn:site-in")
    if " of <<" in low:
        # "Slate Crafts CIC of Bodmin": a registered body "of" a place is there
        for m in _LEGAL_OF_PLACE.finditer(low):
            a, b = int(m.group("a")), int(m.group("b"))
            if a in by_idx and S.typ(a) == "Organisation" and S.typ(b) == "Place" \
                    and sentence[by_idx[a].start : by_idx[a].end].rsplit(None, 1)[-1] in LEGAL_FORMS:
                yield from emit(a, "locatedIn", b, "locatedIn:legal-form-of")
    # "X is a further education college with campuses in A and B": it is in each
    # and "WECA is the mayoral combined authority for A, B and C": the body's area
    for m, pred, rule in (
        *((m, "locatedIn", "locatedIn:with-sites-in") for m in _P61.finditer(low)),
        *((m, "operatesIn", "operatesIn:the-body-for") for m in _P67.finditer(low)),
    ):
        a = _ids(m.group("a"))[0]
        if S.typ(a) == "Organisation":
            for b in _ids(m.group("l")):
                if S.typ(b) == "Place":
                    yield from emit(a, pred, b, rule)
    # "the Stamford care provider Hollybrook Care Homes", "Plymouth boatbuilder Oreston Yachts"
    for m in _P63.finditer(low):
        p_i, o = int(m.group("p") or m.group("p2") or m.group("p3")), int(m.group("o") or m.group("o2") or m.group("o3"))
        if S.typ(p_i) == "Place" and S.typ(o) == "Organisation":
            yield from emit(o, "locatedIn", p_i, "locatedIn:place-trade-name")
    # "X is a cluster of warehouses set in 20 acres on the edge of Y"
    for m in _P42.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if S.typ(a) == "Organisation" and S.typ(b) == "Place":
            yield from emit(a, "locatedIn", b, "locatedIn:set-in")
    for mm in ms:
        if mm.cue in ("based", "headquartered") and mm.type == "Place":
            pos = masked.find(f"<<{mm.idx}>>")
            # "X, a Leeds-based firm," names X before; "the Leeds-based X" after
            appos = _APPOSITION_END.search(masked[:pos])
            org = int(appos.group(1)[2:-2]) if appos and S.typ(int(appos.group(1)[2:-2])) == "Organisation" else S.after(pos + 4, ORG, 60)
            if org is not None:
                yield from emit(org, "locatedIn", mm.idx, "locatedIn:x-based")

    # "TNLCF, which awarded the Trust a three-year grant of £540,000": a grant given to X
    for m in _P43.finditer(low):
        a, o = _ids(m.group("a"))[0], _ids(m.group("o"))[0]
        if S.typ(a) == "Organisation" and S.typ(o) in AGENT_OR_PROG:
            yield from emit(a, "funds", o, "funds:awarded-x-a-grant", _amount_near(sentence, cmap, m.end()))
    # "Derbyshire Libraries, the County Council's library service": a unit of the body
    for m in _P44.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if S.typ(a) == "Organisation" and S.typ(b) == "Organisation" and a != b:
            yield from emit(a, "partOf", b, "partOf:unit-apposition")
    # "Felling, Low Fell and Deckham, three neighbourhoods of Gateshead",
    # "Peterborough’s Millfield and Gladstone neighbourhoods": parts of the place
    for m, rule in (
        *((m, "partOf:neighbourhoods-of") for m in _P57.finditer(low)),
        *((m, "partOf:place-possessive-areas") for m in _P66.finditer(low)),
    ):
        p_i = _ids(m.group("p"))[0]
        if S.typ(p_i) == "Place":
            for a in _ids(m.group("l")):
                # (a part is not larger than its whole: "the Leeds wards of Armley …" lists Leeds's parts)
                if S.typ(a) == "Place" and a != p_i and not _rank(by_idx[a]) < _rank(by_idx[p_i]) < 9:
                    yield from emit(a, "partOf", p_i, rule)
    # "the five boroughs of the Tees Valley: A, B …", "the Grimsby wards of A, B and C",
    # "Gravesham's two towns, A and B", "two Derby wards, A and B", "X, the … district that
    # takes in A, B and C": the places listed are parts of the one named first
    for rx in _UNITS_LISTED:
        for m in rx.finditer(low):
            p_i = _ids(m.group("p"))[0]
            if S.typ(p_i) != "Place":
                continue
            rp = _rank(by_idx[p_i])
            for a in _ids(m.group("l")):
                if S.typ(a) == "Place" and a != p_i and _rank(by_idx[a]) > rp:
                    yield from emit(a, _inside(by_idx[a]), p_i, "partOf:units-listed")
    for m in _ONE_OF_UNITS.finditer(low):
        a, p_i = _ids(m.group("a"))[0], _ids(m.group("p"))[0]
        if S.typ(a) == "Place" and S.typ(p_i) == "Place":
            yield from emit(a, "partOf", p_i, "partOf:one-of-units")
    # "The Combined Authority brings together A, B and C": its members are part of it
    for m in _P45.finditer(low):
        a = _ids(m.group("a") or m.group("a2"))[0]
        if S.typ(a) == "Organisation":
            for b in _ids(m.group("l") or m.group("l2")):
                if S.typ(b) == "Organisation" and b != a:
                    yield from emit(b, "partOf", a, "partOf:brings-together")
    # "the adult education budget devolved to SYMCA by the Department for Education"
    for m in _P46.finditer(low):
        a, o = _ids(m.group("a"))[0], _ids(m.group("o"))[0]
        if S.typ(a) == "Organisation" and S.typ(o) in AGENT_OR_PROG:
            yield from emit(a, "funds", o, "funds:devolved-to-by")
    # "Lewis Loom Heritage, a community company in Stornoway": an apposition places the body
    placed: dict[int, int] = {}  # body -> end of the apposition placing it: "in Z" there is where it is
    for m in _P47.finditer(low):
        a = _ids(m.group("a"))[0]
        if not (S.typ(a) == "Organisation" or (S.typ(a) == "Place" and by_idx[a].subtype == "Site")):
            continue
        for b in _ids(m.group("b2") or m.group("b")) + _ids(m.group("b3") or ""):
            if S.typ(b) == "Place" and b != a:
                placed[a] = m.end()
                yield from emit(a, "locatedIn", b, "locatedIn:apposition")
    # one body, one programme (or body), one pattern: see _PAIR_RULES
    for rx, cue, pred, obj_types, rule in _PAIR_RULES:
        if cue in low:
            for m in rx.finditer(low):
                a, o = int(m.group("a")), int(m.group("o"))
                if S.typ(a) == "Organisation" and S.typ(o) in obj_types and a != o:
                    yield from emit(a, pred, o, rule)
    # "held at Kestrel Reading Rooms, 14 Green Lane, Ilford IG1 1XA": a street address places what it follows
    if "," in low or " on " in low:
        for m in _P_STREET_ADDRESS.finditer(low):
            a, b = int(m.group("a")), int(m.group("b"))
            if m.group("s") is not None:
                st = by_idx[int(m.group("s"))]
                if sentence[st.start : st.end].rsplit(None, 1)[-1].lower() not in _STREET_ENDS:
                    continue  # "A, B, C": a list, not a site, its street and its town
            if (S.typ(b) == "Place" and a != b and a not in placed
                    and (S.typ(a) == "Organisation" or (S.typ(a) == "Place" and by_idx[a].subtype in ("Site", None)))):
                placed[a] = m.end()
                yield from emit(a, "locatedIn", b, "locatedIn:street-address")
    # "Five projects in A, B and C will share £1.08 million from the F Fund": the fund reaches those places
    if "shar" in low:
        for m in _P_SHARE_FROM.finditer(low):
            f = _ids(m.group("f"))[0]
            if S.typ(f) == "Programme":
                for share_place in _ids(m.group("l")):
                    if S.typ(share_place) == "Place":
                        yield from emit(f, "operatesIn", share_place, "operatesIn:share-from")
    # "- Jo Bell, HR Lead, Tarn Foods, Kendal", "led by Roe Energy Co-operative, Limavady": a body
    # and its town closing a line or a sentence (an affiliation, an agenda's byline), not a list item
    if "," in low:
        for m in _P_ORG_TOWN_END.finditer(low):
            if low.endswith((">>, ", ">>,", ">> and "), 0, m.start()):
                continue  # the last items of a list ("A, B, Kendal")
            a, b = int(m.group("a")), int(m.group("b"))
            if S.typ(a) == "Organisation" and by_idx[a].subtype != "GovernmentBody" and S.typ(b) == "Place" \
                    and by_idx[b].subtype in ("Town", "Neighbourhood"):
                yield from emit(a, "locatedIn", b, "locatedIn:org-comma-town")
    # "the X Summit, the yearly network day of the Y Network", "X is the annual conference of Y"
    if " of " in low:
        for m in _P_EVENT_OF.finditer(low):
            e, o = int(m.group("e")), int(m.group("o"))
            if S.typ(e) == "Programme" and S.typ(o) == "Organisation":
                yield from emit(o, "delivers", e, "delivers:event-of")
    # "the university's main campus at Penryn", "from the Trust's offices at Mill Hill House"
    for m in _P48.finditer(low):
        a, b = _ids(m.group("a"))[0], _ids(m.group("b"))[0]
        if S.typ(a) == "Organisation" and S.typ(b) == "Place":
            yield from emit(a, "locatedIn", b, "locatedIn:premises-at")

    # "Linoleum Lives will catalogue 3,000 samples at Kirkcaldy Galleries": a project, as the
    # subject, does its work at a site
    if " at " in low:
        sm = _P_PROG_AT_SITE.match(low)
        if sm is not None:
            p_i, v = int(sm.group("p")), int(sm.group("v"))
            if S.typ(p_i) == "Programme" and S.typ(v) == "Place" and by_idx[v].subtype == "Site":
                yield from emit(p_i, "operatesIn", v, "operatesIn:subject-at-site")
    # "the festival, held each July at the Crescent Rooms", "it operates from the Community Centre"
    for m in _P49.finditer(low):
        v = _ids(m.group("v"))[0]
        subj = _first(S.before(m.start(), PROG), recent_programme.idx if recent_programme is not None and S.first(ORG, m.start()) is None else None)
        if subj is not None and S.typ(v) == "Place" and by_idx[v].subtype in ("Site", "Neighbourhood", "Town"):
            yield from emit(subj, "operatesIn", v, "operatesIn:held-at")
    # "You must live in Barnsley, Doncaster or Sheffield" on a flyer about one programme
    if recent_programme is not None and S.first(AGENT_OR_PROG) in (None, recent_programme.idx):
        for m in _P50.finditer(low):
            for p_i in _ids(m.group("l")):
                if S.typ(p_i) == "Place":
                    yield from emit(recent_programme.idx, "operatesIn", p_i, "operatesIn:document-programme")
    # a list line "Buxton and Glossop: From Spa to Mill, a series of exhibitions …": the places
    # before the colon are where the line's programme runs
    pl = _P51.match(low)
    if pl and all(S.typ(p_i) == "Place" for p_i in _ids(pl.group("l"))):
        prog = S.after(pl.end(), PROG, 400)
        if prog is not None:
            for p_i in _ids(pl.group("l")):
                yield from emit(prog, "operatesIn", p_i, "operatesIn:place-line")
    # "members of Belper Youth Forum are running Mill Voices", "volunteers from X run …"
    for m in _P52.finditer(low):
        a = _ids(m.group("a"))[0]
        if S.typ(a) != "Organisation":
            continue
        if m.group("o") and S.typ(_ids(m.group("o"))[0]) == "Programme":
            yield from emit(a, "delivers", _ids(m.group("o"))[0], "delivers:members-of-x-run")
        part = _AS_PART_OF.search(low, m.end())
        if part and S.typ(_ids(part.group("p"))[0]) == "Programme":
            yield from emit(a, "participatesIn", _ids(part.group("p"))[0], "participatesIn:as-part-of")
    # a timetable line "Little Hulton: Monday mornings at the Cleggs Lane Community Hub"
    tt = _P53.match(low)
    if tt:
        p_i, v = _ids(tt.group("p"))[0], _ids(tt.group("v"))[0]
        if S.typ(p_i) == "Place" and S.typ(v) in ("Organisation", "Place"):
            yield from emit(v, "locatedIn", p_i, "locatedIn:timetable-line")

    # ---- operatesIn
    # "In the North East, X drives the Y network": the sentence's programmes work there (its
    # bodies mostly are there or act there once: over the development sets 3 of 17 such
    # bodies were said to operate there)
    lead = _P54.match(low)
    if lead:
        places = [p for p in _ids(lead.group("l")) if S.typ(p) == "Place"]
        rest = masked[lead.end():]
        actors = [int(x) for x in _ENT_NUMBER.findall(rest)]
        for p in places:
            for a in actors:
                if S.typ(a) == "Programme":
                    yield from emit(a, "operatesIn", p, "operatesIn:in-place-lead")
    # "We work across the borough of Hastings: the Old Town, St Leonards and neighbourhoods such as
    # Ore and Hollington": the area and its parts, where the subject works
    if ":" in low:
        for m in _P_AREA_COLON_PARTS.finditer(low):
            area = int(m.group("p"))
            if S.typ(area) != "Place":
                continue
            parts = [p for p in (int(x) for x in _ENT_NUMBER.findall(m.group("rest"))) if S.typ(p) == "Place" and p != area]
            who = S.before(m.start(), ORG + PROG)
            if who is not None:
                yield from emit(who, "operatesIn", area, "operatesIn:area-and-parts")
            for p in parts:
                yield from emit(p, "partOf", area, "partOf:area-colon-parts")
                if who is not None:
                    yield from emit(who, "operatesIn", p, "operatesIn:area-and-parts")
    # "Some of our programmes also reach Bexhill and the wider Rother district": where the subject works
    if "reach" in low:
        for m in _P_REACH_PLACES.finditer(low):
            places = [p for p in _ids(m.group("l")) if S.typ(p) == "Place"]
            who = S.before(m.start(), ORG + PROG)
            if who is not None and places:
                for p in places:
                    yield from emit(who, "operatesIn", p, "operatesIn:reaches")
    # "... develop their LCEPs: Coventry; Dudley; Telford": a programme and a list of places
    colon = _P55.match(low)
    if colon:
        places = [p for p in _ids(colon.group("l")) if S.typ(p) == "Place"]
        prog = S.before(colon.end("pre"), PROG)
        if prog is not None and len(places) >= 2:
            for p in places:
                yield from emit(prog, "operatesIn", p, "operatesIn:colon-list")
    # "Preston, South Ribble and Fylde, all in Lancashire": each place lies within the last
    if "all in" in low or "all within" in low:
        for m in _P_ALL_IN.finditer(low):
            p_i = int(m.group("p"))
            if S.typ(p_i) == "Place":
                for a in _ids(m.group("l")):
                    if S.typ(a) == "Place" and a != p_i:
                        yield from emit(a, "partOf", p_i, "partOf:all-in")
    if "cover" in low or "serv" in low or (" for " in low and " is " in low):
        # "NECA is the combined authority for A, B and C", "The trust serves A and B": its area
        for m in _P_SERVES.finditer(low):
            a = int(m.group("a"))
            if S.typ(a) in AGENT_OR_PROG:
                for p in _ids(m.group("l")):
                    if S.typ(p) == "Place":
                        yield from emit(a, "operatesIn", p, "operatesIn:serves")
    for mm in ms:
        if mm.cue == "wide" and mm.type == "Place":
            pos = masked.find(f"<<{mm.idx}>>")
            prog = _first(S.before(pos, PROG), S.after(pos + 4, PROG, 60))
            if prog is not None:
                yield from emit(prog, "operatesIn", mm.idx, "operatesIn:x-wide")
    for m in _P56.finditer(low):
        places = [p for p in _ids(m.group("l")) if S.typ(p) == "Place"]
        if not places:
            continue
        prog = S.before(m.start(), PROG)
        subj = prog
        rule = "operatesIn:programme-in"
        if subj is None:
            org = S.before(m.start(), ORG)
            scope = m.group(0)[:6].lower() in ("across", "throug")  # "the largest funder of heritage across the UK"
            if org is not None and m.start() >= placed.get(org, 0) and (scope and org == S.first(ORG) or _WORKS_VERB.search(low, 0, m.start())):
                # "X, in partnership with Y, worked with young people in Z": the subject works there
                if not _ENT_END.search(masked[: m.start()].rstrip()):
                    subj, rule = org, "operatesIn:organisation-works-in"
        if (subj is None and recent_programme is not None and recent_programme.idx == MAIN_IDX
                and S.first(ORG) is None and S.first(PROG) is None
                # ("Priority is given to residents of A, B and C": the people it serves)
                and (_ACTIVITY_SUBJECT.match(low) or _PEOPLE_OF.match(m.group(0))
                     # "Our advisers hold drop-in sessions in community venues in A, B and C"
                     or _ACTIVITY_NOUN.search(low, 0, m.start()))):
            # "Activity is concentrated in A and B" on a page about one programme: it works there
            subj, rule = recent_programme.idx, "operatesIn:main-programme-in"
        if subj is None:
            continue
        # skip "X in Y" right after an organisation name: that is locatedIn
        if masked[: m.start()].rstrip().endswith(f"<<{subj}>>") and S.typ(subj) == "Organisation":
            continue
        for p in places:
            yield from emit(subj, "operatesIn", p, rule)
    # "Rural learners from Bolsover and Bassetlaw …", "trainees came mostly from A and B": where the page's programme works
    if recent_programme is not None and recent_programme.idx == MAIN_IDX and S.first(PROG) is None and " from " in low:
        for m in _P76.finditer(low):
            for p in _ids(m.group("l")) + _ids(m.group("a") or "") + _ids(m.group("b") or ""):
                if S.typ(p) == "Place":
                    yield from emit(recent_programme.idx, "operatesIn", p, "operatesIn:participants-from")
    # "Eight schools in A, B and C took part": the programme in hand works in those places
    if recent_programme is not None and recent_programme.idx == MAIN_IDX and S.first(PROG) is None and ("part" in low or "joined" in low or "signed" in low):
        for m in _P72.finditer(low):
            for p in _ids(m.group("l")):
                if S.typ(p) == "Place":
                    yield from emit(recent_programme.idx, "operatesIn", p, "operatesIn:participants-in-took-part")


# The rule patterns that are built from the shared pieces (ENT, LIST, _AMOUNT …), in the
# order they were first used in sentence_relations: formatted and compiled once, at import.
# "A and B are funded by": the coordinated subjects just before a passive
_CO_SUBJECTS = re.compile(r"^\s*(?:the\s+)?(?P<l><<\d+>>(?:\s*,\s*<<\d+>>)*\s*,?\s+(?:and|&)\s+<<\d+>>)\s+(?:are|were|have\s+been|will\s+be)\s+(?:also\s+|both\s+|jointly\s+)?$")
_P02 = _rx(rf"(?:{_V_FUND_PASSIVE})\s+(?:(?:[\w£.,·]+|<<\d+>>)\s+){{0,4}}?by\s+(?:the\s+)?(?P<l>{LIST})")
_P03 = _rx(rf"(?:funding|investment|grants?|money|a grant|financial support|backing|{_AMOUNT}|(?:further|additional|other)\s+support(?=\s+(?:comes|came)\b))\s+(?:(?:comes|came|will\s+come|is|was)\s+)?(?:(?:of|over|across|a|each|per|in)\s+[^<.;]{{0,40}}?|(?:for|towards)\s+[^<.;]{{0,40}}?\s(?:comes|came|will\s+come|is|was)\s+)?from\s+(?:the\s+)?(?P<l>{LIST})")
_P04 = _rx(rf"^\s*(?:the\s+)?(?P<s>{ENT})")
_P05 = _rx(rf"(?P<l>{LIST})(?:\s*,\s*(?:a|an|the|one|our|its)\s[^,;.]{{0,80}},)?\s+(?:has\s+|have\s+|had\s+|also\s+|will\s+|each\s+)?(?:{_V_FUND_ACTIVE})\b(?P<mid>(?:(?!,\s+(?:and|but|while|whereas)\s+(?:the\s+)?<<)[^<.;]|(?<=\d)\.(?=\d)){{0,70}}?)(?:in|to|for|into|towards|on)?\s*(?:the\s+)?(?P<o>{ENT})")
_P06 = _rx(rf"(?P<l>{LIST})(?:\s*,\s*(?:a|an|the|one|our|its)\s[^,;.]{{0,80}},)?\s+(?:has\s+|have\s+|had\s+|also\s+|will\s+|each\s+)?(?:{_V_FUND_ACTIVE})\b")
_P_GUARANTEED_INTERVIEW = _rx(
    r"<<(?P<a>\d+)>>\s+(?:will\s+|also\s+|has\s+|have\s+)*(?:guarantee|guarantees|guaranteed|offers?|offered)\s+"
    r"(?:an?\s+|a\s+guaranteed\s+)?(?:job\s+)?interviews?\s+(?:to|for)\s+(?:every|each|all|any)\s+(?:the\s+)?<<(?P<p>\d+)>>"
)
_P07 = _rx(rf"(?P<a>{ENT})[^<.;]{{0,40}}?\b(?:made|gave|awarded|awarding|provided|providing|pledged|committed|announced|confirmed|approved|earmarked)\s+(?:a\s+|an\s+)?(?:further\s+|new\s+|additional\s+)?(?:(?:grant|award|investment|donation|contribution)s?\s+of\s+)?(?P<amt>{_AMOUNT})\s+(?:in\s+grants?\s+)?(?:(?:over|across)\s+(?:the\s+next\s+)?(?:two|three|four|five|\d+)\s+years\s+|(?:a|per|each)\s+year\s+)?(?:to|towards|for|into)\s+(?:the\s+|an?\s+(?:[a-z\-]+\s+){{0,2}}(?:wave|round|phase|year|season|stage|cohort|expansion|extension)\s+of\s+(?:the\s+)?)?(?P<o>{ENT})")
_P08 = _rx(rf"^\s*<<(?P<f>\d+)>>\s*(?:[–—:]|\s-)\s*(?P<a>{_AMOUNT})")
# ", with C running the summer strand": a body doing part of the work
_HELPER_ING = r"(?:running|leading|delivering|hosting|managing|coordinating|co-ordinating|organising|organizing|providing|teaching)"
_P10 = _rx(rf"(?:{_V_DELIVER_PASSIVE})\s+(?:in\s+\d{{4}}\s+|{SCOPE_ADVERBS})?by\s+(?:the\s+)?{_LIST_ITEM}(?P<l>{LIST}(?:\s*,?\s*(?:together|along|jointly)\s+with\s+(?:the\s+)?{LIST})?)(?:(?:\s+(?:with|alongside|in\s+partnership\s+with)|\s*,\s*with(?=\s+(?:the\s+)?{LIST}\s+{_HELPER_ING}\b))\s+(?:the\s+)?(?:charity\s+|support\s+of\s+(?:the\s+)?)?(?P<w>{LIST}))?")
_P11 = _rx(rf"(?P<l>{LIST})(?:\s+and\s+(?:the|its|their|our)\s+(?:[a-z\-]+\s+){{0,2}}?[a-z]+s(?=\s))?(?:’s)?\s*(?:(?P<rel>,\s*(?:which|who|that)\s+)|(?:\s*,\s*(?:a|an|the|one|our|its)\s[^,;.]{{0,80}},)?\s+)(?:has\s+|have\s+|had\s+|also\s+|now\s+|jointly\s+|recently\s+|successfully\s+|today\s+|formally\s+|officially\s+|together\s+)*{_INTENT}(?:{_V_DELIVER_ACTIVE})\b(?P<mid>[^<.;]{{0,60}}?)(?P<o>{LIST})")
_P73 = _rx(
    rf"^\s*(?:the\s+)?(?P<l>{LIST})\s+(?:jointly\s+|also\s+|now\s+)?(?:run|runs|ran|deliver|delivers|delivered|lead|leads|led|organise|organises|organised|"
    r"host|hosts|hosted|teach|teaches|taught|coordinate|coordinates|coordinated|manage|manages|managed)\s+"
    r"(?:the|these|its|their|our|all\s+the)\s+(?:[a-z\-]+\s+){0,2}?(?:sessions|classes|workshops|programme|project|scheme|course|courses|walks|"
    r"events|activities|festival|parade|clubs?|tours|trails?|residencies|training|pilot|initiative)\b"
)
_P_IN_KIND = _rx(
    r"<<(?P<a>\d+)>>(?:\s*,\s*(?:which|who)|\s+(?:also|now|has|have|is|are|will))?\s+"
    r"(?:provides?|provided|providing|offers?|offered|offering|lends?|lent|lending|lets?|letting|gives?|gave|given|donates?|donated)\b"
    r"[^.;]{0,120}?\b(?:free\s+of\s+charge|rent-free|at\s+no\s+cost)"
)
_P74 = _rx(
    # ("Jobcentre Plus, part of the DWP, refers most participants")
    rf"(?P<l>{LIST})(?:\s*,\s*(?:a|an|the|part\s+of)\s[^,;.]{{0,60}},)?\s+(?:can\s+|will\s+|also\s+|may\s+)?(?:refer|refers|referred)\s+(?:(?:most|many|all|some|the|its|our|their)\s+(?:of\s+(?:the|its|our|their)\s+)?)?(?:young\s+people|people|you|learners|clients|residents|"
    r"families|participants|them|pupils|children|adults|patients|customers)\b"
    # "referred by Jobcentre Plus, by Careers Wales and by the Heron Trust"
    rf"|\breferred\s+(?:to\s+(?:us|it|the\s+\w+)\s+)?by\s+(?:the\s+)?(?P<l2>{LIST}(?:\s*,?\s*(?:and\s+)?by\s+(?:the\s+)?{LIST})*)"
)
_P75 = _rx(
    r"(?:<<(?P<p>\d+)>>[^<.;]{0,30}?)?\b(?:expand|expands|expanded|expanding|extend|extends|extended|extending|roll\s+out|rolls\s+out|rolled\s+out)\s+"
    rf"(?:(?:the\s+)?<<(?P<p2>\d+)>>\s+)?(?:in)?to\s+(?:the\s+)?(?P<l>{LIST})"
)
_COMMON_POSSESSOR = re.compile(r"\b(?!its\b|their\b|our\b)[a-z]+(?:’s|'s)\s+$")
_P76 = _rx(
    r"\b(?:learners|trainees|participants|apprentices|pupils|students|young\s+people|residents|jobseekers|claimants|recruits)\b"
    rf"(?:\s+(?:came|come|were|are|mostly|mainly|largely|all))*\s+from\s+(?:across\s+)?(?:the\s+)?(?P<l>{LIST})"
    # "…, from Carnoustie to Brechin": the two ends of the area they come from
    rf"(?:\s*,\s*from\s+(?P<a>{ENT})\s+to\s+(?P<b>{ENT}))?"
)
_P12 = _rx(rf"(?P<a>{ENT})\s+(?:also\s+|now\s+|currently\s+)?(?:runs|operates|manages|owns|ran|operated|managed)\s+(?:the\s+)?(?P<l>{LIST})")
_P13 = _rx(rf"(?P<a>{ENT})(?:\s*\(\s*{ENT}\s*\))?[^<.;]{{0,20}}?\b(?:signed|agreed|formed|entered\s+into)\s+(?:an?\s+|the\s+)?[^<.;]{{0,50}}?\b(?:agreement|compact|partnership|memorandum|charter|deal|alliance)\b[^<.;]{{0,24}}?\bwith\s+(?:the\s+)?(?P<l>{LIST})")
_ALONGSIDE = _rx(rf"\s*,?\s+alongside\s+(?:the\s+)?(?:(?:[a-z\-]+|\d+)\s+){{0,4}}?(?:[a-z\-]+\s*,\s*)?(?:the\s+)?(?P<l>{LIST})")
_P14 = _rx(rf"(?P<a>{ENT})\s+(?:is|are|was|were|became|has\s+become|have\s+become)\s+(?:(?:a|an)\s+[a-z\-]+\s+[a-z\-]+\s+and\s+)?(?:a|an|the|one\s+of\s+the)\s+(?:[\w\-]+\s+){{0,2}}?(?:partner|partners|member|members)\s+(?:in|of|on)\s+(?:the\s+)?(?P<b>{ENT})")
_P15 = _rx(rf"(?P<l>{LIST})\s*,?\s*(?:both|all|each)\s+(?:part|members?)\s+of\s+(?:the\s+)?(?P<b>{ENT})")
_P16 = _rx(rf"(?P<p>{ENT})\s*(?:,|is|was|has\s+been)\s+(?:(?:the|an?)\s+)?(?P<a>{ENT})’s\s")
_P17 = _rx(rf"(?P<a>{ENT})\s*,\s*(?:together|along|jointly)\s+with\s+(?:the\s+)?(?P<l>{LIST})\s*,\s*(?:has\s+|have\s+|also\s+)?(?:{_V_DELIVER_ACTIVE})\b[^<.;]{{0,40}}?(?P<o>{ENT})")
_P18 = _rx(rf",\s*(?:leading|delivering|running|coordinating|co-ordinating|managing|hosting|driving)\b(?:\s+on)?[^<.;]{{0,60}}?(?P<o>{LIST})")
_P19 = _rx(rf"\b(?:funding|funds|funded|fund)\s+(?:\w+\s+){{0,2}}?(?:such\s+as|including|like)\s+(?:the\s+)?(?P<o>{LIST})")
_P20 = _rx(rf"^\s*(?:[^<]{{0,40}}:\s*)?(?P<l>{LIST})")
_P21 = _rx(rf"(?P<a>{ENT})(?:[^<.;]{{0,60}}?)\b(?:its|their)\s+(?:own\s+|new\s+|flagship\s+)?(?P<o>{ENT})(?P<share>\s+(?:allocation|budget|pot|award|grant|funding|money)\b)?")
_P22 = _rx(rf"{_PARTNER_CUE}\s+(?P<fund>\(and\s+(?:also\s+)?funded\s+by\)\s+)?{_LIST_ITEM}(?P<l>{LIST}(?:(?:\s+in\s+{ENT})?\s*,?\s+and\s+(?:also\s+)?with\s+(?:the\s+)?{LIST})*)")
_P23 = _rx(rf"(?P<a>{ENT})\s+(?:runs|ran|run|delivers|delivered|deliver|leads|led|lead|launched|co-ordinates|coordinates|coordinate|hosts|hosted|host|manages|manage|organises|organised|organise)\s+(?:the\s+|a\s+|its\s+)?(?P<o>{ENT})(?:\s+[a-z]+){{0,2}}\s+(?:with|alongside|together\s+with)\s+(?:the\s+)?(?P<l>{LIST})")
_P_WITH_ON = _rx(rf"\b(?:working|work|works|worked|collaborating|collaborate|partnering)\s+(?:closely\s+|together\s+)?with\s+(?:the\s+)?(?P<l>{LIST})\s+on\s+(?:the\s+|a\s+|its\s+|their\s+)?<<(?P<o>\d+)>>")
_P24 = _rx(rf"(?P<l>{LIST})\s+(?:have\s+|had\s+)?(?:(?:work|worked|working|partnered|collaborated|collaborate|came|come|are\s+working|have\s+worked)\s+together|joined\s+forces|teamed\s+up)")
_P25 = _rx(rf"(?P<a>{LIST})\s+(?:work|works|worked|working|partner|partners)\s+with\s+(?:the\s+)?(?P<l>{LIST})")
_P26 = _rx(rf"(?P<l>{LIST})\s+(?:jointly\s+)?(?:launched|co-founded|founded|established|set up)\b")
_P27 = _rx(rf"\b(?:delivered|run|developed|designed|created|organised|organized|produced|co-designed|built|planned|opened|researched|curated|devised|written|shaped|staged)\s+(?P<j>jointly\s+)?(?:together\s+|in\s+partnership\s+)?with\s+(?:the\s+)?(?P<l>{LIST})")
_AGENT_BEFORE = re.compile(r"<<(\d+)>>\s+(?:has\s+|have\s+|had\s+|will\s+be\s+|is\s+|was\s+)?$")
_P28 = _rx(rf"{_PARTICIPANTS_WIDE}\s+(?:the\s+)?(?P<l>{PLACED_LIST})")
_P29 = _rx(rf"{_PARTICIPANTS}\s+(?:the\s+)?(?P<l>{LIST})")
_P31 = _rx(rf"(?P<l>{LIST})\s*,?\s+(?:has\s+|have\s+|also\s+|both\s+|now\s+)*(?:takes?\s+part|took\s+part|taking\s+part|participates?|participated|joined|joins|will\s+join|signed\s+up|is\s+part|are\s+part|is\s+a\s+member|are\s+a\s+member|are\s+members|became\s+a\s+member|became\s+members|became\s+part|is\s+involved|are\s+involved|were\s+involved|(?:is|was|are|were)\\s+(?:a\\s+)?(?:founder|founding)\\s+members?)\s+(?:in|of|to)?\s*(?:the\s+)?(?P<o>{ENT})")
_P32 = _rx(rf"(?P<a>{ENT})\s*[,(]?\s*(?:which\s+is\s+|is\s+|are\s+|as\s+|(?:has|have)\s+(?:also\s+|now\s+)?been\s+|became\s+)?(?:also\s+|now\s+)?(?:part\s+of|a\s+member\s+of|a\s+division\s+of|a\s+subsidiary\s+of|a\s+department\s+of|(?:the|an?)\s+(?:[a-z\-]+\s+){{0,3}}?(?:service|team|division|directorate|arm|branch)\s+of|one\s+of\s+the\s+[\w\s]{{0,30}}?\s+of|one\s+of(?=\s+(?:the\s+)?<<)|within)\s+(?:the\s+)?(?P<b>{ENT})")
_P33 = _rx(rf"(?P<a>{ENT})\s*(?P<sep>,\s+in\s+(?:the\s+)?|,\s*|\s+in\s+(?:the\s+)?|\s+\(\s*)(?P<b>{ENT})")
_P_EDGE_OF = _rx(
    r"<<(?P<a>\d+)>>\s+(?:sits|lies|is|stands)\s+(?:at|on|in)\s+the\s+(?:[a-z\-]+\s+)?"
    r"(?:edge|heart|centre|center|north|south|east|west|part|side)\s+of\s+(?:the\s+)?<<(?P<b>\d+)>>"
)
_P_COMMA_IN = _rx(rf"(?P<l>{LIST})\s*,\s*in\s+(?:the\s+)?(?:(?:borough|county|city|district)\s+of\s+)?<<(?P<b>\d+)>>")
_PEOPLE_FROM = _rx(
    r"\b(?:pupils|students|undergraduates|graduates|volunteers|tutors|teachers|advisers|advisors|mentors|researchers|"
    r"(?:youth|link|support|outreach|case)\s+workers|producers|crew|engineers|artists|musicians|coaches|experts|"
    r"specialists|librarians|curators|archivists|clinicians|nurses|rangers|staff|apprentices|trainees|speakers|"
    r"analysts|conservators|champions|leavers|practitioners|designers|makers|writers|performers|employees)"
    rf"\s+(?:[a-z\-]+\s+){{0,2}}?from\s+(?:the\s+)?(?:{ENT}-based\s+|[a-z]+-based\s+)?(?P<l>{LIST})"
)
_PLACE_POSS = re.compile(rf"<<(?P<b>\d+)>>’s\s+(?P<l>{ENT}(?:(?:\s*,\s*|\s+and\s+){ENT})*)")
_PLACES_LIST_IN = _rx(rf"(?P<l>{LIST})\s+in\s+(?:the\s+)?(?P<b>{ENT})")
_LIST_GOES_ON = re.compile(r"\s*(?:and\b|or\b|&|,\s*(?:the\s+)?<<)")
_P34 = _rx(rf"\s*(?:,|and\b|&)\s*(?:the\s+)?{ENT}")
_P35 = _rx(rf"\b(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}?(?:partnership|collaboration|alliance|consortium)\s+(?:between|of)\s+(?:the\s+)?(?P<l>{LIST})")
_P36 = _rx(rf"(?P<x>{ENT})\s*,?\s*(?:is\s+|was\s+)?(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}?(?:partnership|consortium|alliance|collaboration|coalition|network|group|collective|federation)\s+(?:of|between|bringing\s+together|made\s+up\s+of)\s+(?:the\s+)?(?P<l>{LIST})")
_P37 = _rx(rf"(?P<x>{ENT})\s+(?:brings|brought|will\s+bring)\s+together\s+(?:the\s+)?(?P<l>{LIST})")
_P38 = _rx(rf"(?P<a>{ENT})[^<.;]{{0,40}}?\b(?:supported|supports|helped|helps|reached|reaches|serves|served|engaged|trained)\b[^<.;]{{0,30}}?(?P<b>{ENT})\s+(?:residents|people|families|young\s+people|pupils|learners|communities|businesses|adults)")
_P_ALL_IN = _rx(rf"(?P<l>{LIST})\s*,\s*all\s+(?:of\s+them\s+)?(?:in|within)\s+(?:the\s+)?<<(?P<p>\d+)>>")
_P_SERVES = _rx(
    rf"<<(?P<a>\d+)>>(?:\s*,\s*which|\s+which)?\s+(?:is\s+the\s+(?:[\w\-]+\s+){{0,3}}?(?:authority|council|agency|body|provider|hub|partnership|board|service|network|forum)\s+for"
    # ("We serve the five council areas of A, B and C")
    r"|is\s+(?:the\s+)?<<\d+>>\s+for|(?:covers|serves|serve|has\s+served|have\s+served|covered|served))\s+(?:the\s+)?"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:(?:council|local\s+authority)\s+)?(?:(?:county\s+borough|borough|county|city|district|area|region)s?\s+of\s+)?"
    rf"(?P<l>{LIST})"
)
# the middle of "A awarded us £40,000 and B £10,000" (up to B), and the amount right after B
_GAPPED = re.compile(r"^\s*(?:(?:us|we)\s+)?(?:a\s+total\s+of\s+|a\s+grant\s+of\s+)?£[\d.,]+\s*(?:m|k|bn|million|billion)?\s*,?\s+and\b\s*(?:the\s+)?$")
_GAP_TAIL = re.compile(r"\s*£[\d.,]+\s*(?:m|k|bn|million|billion)?\s*,?\s+and\s+(?:the\s+)?<<(?P<b>\d+)>>\s*£\d")
_AMOUNT_NEXT = re.compile(r"\s*(?:’s\s+)?£\d")
_P39 = _rx(rf"(?P<a>{ENT})\s*(?:\s(?:at|of)\s+|,\s*)(?:the\s+)?(?P<b>{ENT})")
_P40 = _rx(rf"(?P<a>{ENT})\s+and\s+the\s+(?:wider|surrounding|greater|rest\s+of\s+the)\s+(?P<b>{ENT})")
_LEGAL_OF_PLACE = re.compile(r"<<(?P<a>\d+)>>\s+of\s+<<(?P<b>\d+)>>")
_AND_PLACE_AFTER = re.compile(r"\s+and\s+<<(?P<c>\d+)>>(?!\s*(?:’s|<<))")
_P41 = _rx(rf"(?P<a>{ENT})(?:’s)?\s*,?\s*(?:(?:which\s+is\s+|is\s+|are\s+|was\s+)?(?:based|located|headquartered|situated|housed|sited)\s+)?(?:in|at|on\s+the\s+edge\s+of|in\s+the\s+heart\s+of|near)\s+(?:the\s+)?(?:(?:town|city|village|heart|centre|center|borough|county|district|area)\s+of\s+)?(?P<b>{ENT})")
_P42 = _rx(rf"(?P<a>{ENT})[^<.;]{{0,80}}?\b(?:based|located|situated|set|sited|housed|headquartered|nestled)\s+(?:[^<.;]{{0,40}}?\s)?(?:in|at|on\s+the\s+edge\s+of|in\s+the\s+heart\s+of|near)\s+(?:the\s+)?(?P<b>{ENT})")
_P43 = _rx(rf"(?P<a>{ENT})(?:\s*,\s*which)?[^<.;]{{0,30}}?\b(?:awarded|gave|granted|has\s+awarded|has\s+given)\s+(?:the\s+)?(?P<o>{ENT})\s+(?:a|an|its)\s+(?:[\w\-]+\s+){{0,3}}?(?:grant|award|donation|investment|contribution)\b")
_P44 = _rx(rf"(?P<a>{ENT})\s*,\s*(?:the\s+)?(?P<b>{ENT})’s\s+(?:[a-z\-]+\s+){{0,3}}?{_UNIT_NOUNS}\b")
_MEMBER_NOUNS = r"(?:constituent\s+|member\s+|founding\s+|current\s+)?(?:members|councils|authorities|organisations|organizations)"
_P45 = _rx(
    rf"(?P<a>{ENT})(?:(?:’s)?\s+{_MEMBER_NOUNS}\s+(?:are|include|included|were)"
    r"|\s+(?:brings\s+together|brought\s+together|is\s+made\s+up\s+of|was\s+made\s+up\s+of|comprises|is\s+comprised\s+of|consists\s+of|includes\s+the\s+councils\s+of)"
    # "brings together five councils: A, B …"
    r"(?:\s+(?:\w+\s+)?(?:councils|local\s+authorities|authorities|organisations|organizations|members|bodies)\s*[:–—])?"
    rf"|\s*,?\s+whose\s+{_MEMBER_NOUNS}\s+(?:are|include|included|were)"
    r"|\s+has\s+(?:\w+\s+)?(?:constituent|member)\s+(?:councils|authorities|organisations|organizations|members)\s*[:,]?)"
    rf":?\s+(?:the\s+)?(?P<l>{LIST})"  # ("Our members are: A, B and C")
    # "Members of the Kestrel Network include A, B and C"
    rf"|\bmembers\s+of\s+(?:the\s+)?(?P<a2>{ENT})\s+(?:include|includes|included|are|were)\s+(?:the\s+)?(?P<l2>{LIST})"
)
_P46 = _rx(rf"\b(?:devolved|delegated|allocated|awarded|granted|transferred)\s+to\s+(?:the\s+)?(?P<o>{ENT})\s+(?:in\s+\d{{4}}\s+)?by\s+(?:the\s+)?(?P<a>{ENT})")
#: a lower-case word that can modify or head a noun phrase: no function word, verb form or adverb
_NOUNISH = (
    r"(?!(?:and|or|of|to|in|on|at|for|with|by|from|is|was|are|were|has|have|had|will|would|can|could|"
    r"which|who|that|this|these|those|its|their|his|her|our|the|a|an|as|but|into|through|across|since|"
    r"during|said|says|also|now|then|where|when|while|after|before|than|not|based)\b)"
    r"[a-z][a-z\-’']*"
)
#: "X, a volunteer-run collection in Stranraer", "X is a family-owned engineering company in Y":
#: a description whose head is a noun (not "a charity working in", "a partner based in" has its rule)
_P47 = _rx(
    rf"(?P<a>{ENT})\s*(?:,|\s+is|\s+was)\s*(?:an?|the)\s+(?:{_NOUNISH}\s+(?:and\s+)?){{0,4}}?"
    rf"(?:{AGENT_NOUNS})\s+(?:based\s+)?(?:in|at|on)\s+(?:the\s+)?"
    # "a dance space in a former works office in X", "a social enterprise on the Fish Quay in Y"
    rf"(?:(?:an?\s+)?(?:{_NOUNISH}\s+){{1,5}}?(?:in|on|at)\s+(?:the\s+)?)?"
    # "the artist-run gallery in Swansea’s Uplands", "a bank on Mexborough’s High Street"
    rf"(?P<b>{ENT})(?:’s\s+(?P<b2>{ENT})|\s+in\s+(?P<b3>{ENT}))?"
)
_P_BODY_FUND_BRACKET = _rx(r"<<(?P<a>\d+)>>\s*\(\s*(?:the\s+|its\s+)?<<(?P<f>\d+)>>\s*(?:\)|,|[a-z]+\s+match\))")
_P_CONTRIBUTION = _rx(
    r"<<(?P<a>\d+)>>’s\s+(?:[a-z\-]+\s+){0,2}?(?:contribution|grant|donation|investment|share|award)\s+"
    # ("Carlton's contribution for the first two cohorts was £41,000")
    r"(?:(?:for|to|towards)\s+[^<.;£]{0,40}?\s)?(?:was|is|of|came\s+to|comes\s+to|totalled|totals|amounted\s+to)\s+£"
)
_P_EVENT_OF = _rx(
    r"<<(?P<e>\d+)>>\s*(?:,\s*|\s+(?:is|was|will\s+be)\s+)(?:the|an?)\s+(?:[a-z\-]+\s+){0,3}?"
    r"(?:conference|summit|festival|network\s+day|gathering|showcase|forum|awards|programme|project|scheme|initiative)\s+"
    r"(?:of|run\s+by|organised\s+by)\s+(?:the\s+)?<<(?P<o>\d+)>>"
)
# (opening with "<<": the engine skips to a placeholder; the list-item test is done on the match)
# "the Department for Education (DfE), which pays for Skills Bootcamps nationally"
_PART_OF_APPOSITION = re.compile(r"<<(?P<a>\d+)>>,\s+(?:an?\s+)?(?:part|member|one)\s+of\s+(?:the\s+)?<<(?P<b>\d+)>>,\s+$")
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")
_THROUGH_ITS = re.compile(r"\bthrough\s+(?:its|their)\s+(?:own\s+|new\s+)?$")
_P_IS_A_BODYS_PROGRAMME = _rx(
    r"<<(?P<o>\d+)>>\s+(?:is|was|has\s+been|will\s+be)\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,2}?<<(?P<a>\d+)>>\s+"
    r"(?:[a-z][\w\-]*\s+)?(?:programme|project|scheme|initiative|festival|pilot|fund|strategy|campaign|network|course|residency)\b"
)
_P_LEAD_PARTNER_FOR = _rx(
    r"<<(?P<a>\d+)>>\s+(?:is|was|will\s+be|has\s+been|acts\s+as|remains)\s+(?:the\s+)?(?:lead|lead\s+delivery|accountable)\s+"
    r"(?:partner|body|organisation|organization|provider)\s+(?:for|on|of)\s+(?:the\s+)?<<(?P<o>\d+)>>"
)
_P_WHICH_FUNDS = _rx(
    r"<<(?P<a>\d+)>>,\s+which\s+(?:also\s+|now\s+|still\s+)?(?:pays\s+for|funds|sponsors|part-funds|co-funds|bankrolls)\s+(?:the\s+)?<<(?P<o>\d+)>>"
)
# (pattern, a word every match holds, predicate, the object's types, rule) for rules that read one body
# <<a>> and one object <<o>> off a single pattern
_PAIR_RULES = (
    # "Brimble Steps is a Kestrel Trust programme": the body whose programme it is runs it
    (_P_IS_A_BODYS_PROGRAMME, "<<", "delivers", ("Programme",), "delivers:is-a-body-programme"),
    # "Kestrel Trust is the lead partner for Brimble Steps": the lead runs it
    (_P_LEAD_PARTNER_FOR, "lead", "delivers", ("Programme",), "delivers:lead-partner-for"),
    # "the Department for Education (DfE), which pays for Skills Bootcamps nationally"
    (_P_WHICH_FUNDS, "which", "funds", AGENT_OR_PROG, "funds:which-funds"),
)
#: the last words of a street's name (one list for the address pattern and for a street that is a mention)
_STREET_ENDS = STREET_WORDS | {"square", "row", "wynd", "gate"}
_P_STREET_ADDRESS = _rx(
    # ("the Old Mill on Hill Street, Newry", "the Rooms on Bridge Street in Portadown"; a street the
    # rules took for a name, "Lemon Quay", is a mention whose name ends in a street word)
    r"<<(?P<a>\d+)>>(?:,\s+|\s+on\s+)(?:(?:unit\s+)?\d+[a-z]?(?:-\d+)?\s+)?(?:(?:[a-z][\w’'\-]*\s+){1,3}?"
    rf"(?:{'|'.join(sorted(_STREET_ENDS))})"
    r"|<<(?P<s>\d+)>>)(?:\s*,\s+|\s+in\s+)<<(?P<b>\d+)>>"
)
_P_SHARE_FROM = _rx(
    r"\b(?:\w+\s+){0,2}?(?:projects|organisations|organizations|providers|groups|schools|colleges|charities|partnerships|councils|bodies|venues)\s+"
    rf"(?:[^<.;]{{0,30}}?\s+)?(?:in|across|from)\s+(?:the\s+)?(?P<l>{LIST})[^<.;]{{0,40}}?\b(?:share|sharing|shared|split)\b[^<.;]{{0,50}}?"
    rf"\b(?:from|through|via|under)\s+(?:the\s+)?(?P<f>{ENT})"
)
_P_ORG_TOWN_END = _rx(r"<<(?P<a>\d+)>>,\s*<<(?P<b>\d+)>>[ \t]*(?:[.;)]|\n|$)")
_P48 = _rx(rf"(?P<a>{ENT})’s\s+(?:main\s+|new\s+|head\s+|registered\s+)?(?:campus|campuses|office|offices|base|headquarters|premises|building|home)\s+(?:is\s+|are\s+)?(?:at|in|on)\s+(?:the\s+)?(?P<b>{ENT})")
_P_PROG_AT_SITE = _rx(
    r"^\s*(?:in\s+<<\d+>>\s*,\s+)?(?:the\s+)?<<(?P<p>\d+)>>\s+(?:will\s+|also\s+|now\s+|is\s+|are\s+|was\s+|were\s+)*[a-z]+\b"
    r"[^<.;]{0,80}?\bat\s+(?:the\s+)?<<(?P<v>\d+)>>"
)
_P49 = _rx(rf"\b(?:held|hosted|staged|recorded|based|housed|takes?\s+place|took\s+place|runs?|operates?|meets?|met|opened|opens|was\s+shown|is\s+shown)\s+(?:[^<.;]{{0,25}}?\s)?(?:at|from)\s+(?:the\s+)?(?P<v>{ENT})")
_P50 = _rx(rf"\b(?:live|lives|living|based|available|open\s+to|held|run|runs|delivered|offered|takes?\s+place|taking\s+place)\b[^<.;]{{0,30}}?\b(?:in|across|throughout)\s+(?:the\s+)?(?P<l>{LIST}(?:\s*,?\s*or\s+{ENT})?)")
_P51 = _rx(rf"^\s*(?P<l>{LIST})\s*:\s")
_P52 = _rx(rf"\b(?:members|volunteers|staff|students|artists|young\s+people)\s+(?:of|from|at)\s+(?:the\s+)?(?P<a>{ENT})\s+(?:are\s+|were\s+|will\s+be\s+|have\s+been\s+)?(?:running|run|runs|leading|lead|led|delivering|deliver|organising|organise|staffing|staff)\b(?:\s+(?:the\s+|a\s+)?(?P<o>{ENT}))?")
_P53 = _rx(rf"^\s*(?P<p>{ENT})\s*:\s*[^<.;]{{0,50}}?\bat\s+(?:the\s+)?(?P<v>{ENT})")
_P54 = _rx(rf"^\s*(?:in|across|throughout)\s+(?:the\s+)?(?P<l>{LIST})\s*,")
_P_REACH_PLACES = _rx(rf"\b(?:reach|reaches|reached|also\s+reach|now\s+reach)\s+(?:into\s+)?{_LIST_ITEM}(?P<l>{LIST})(?:\s+(?:district|area|borough|county|region))?\s*[.;,]")
_P_AREA_COLON_PARTS = _rx(
    r"\b(?:across|in|throughout|cover|covers|covering|serve|serves|serving)\s+(?:the\s+(?:whole\s+)?)?(?:borough|county|city|district|region|town|island|area|county\s+borough)\s+of\s+"
    r"<<(?P<p>\d+)>>\s*:\s*(?P<rest>[^.;]+)"
)
_P55 = _rx(rf"(?P<pre>.*?):\s*(?P<l>{COLON_LIST})\s*[.;]?\s*$")
# (matched on the folded text, as with re.I on the masked one)
_WORKS_VERB = re.compile(
    r"\b(?:works?|working|worked|operates?|operating|operated|supports?|supporting|supported|delivers?|delivering|delivered|"
    r"provides?|providing|provided|runs?|running|ran|leading|aims?|serves?|serving|served|helps?|helped|reached)\b"
)
_P56 = _rx(rf"\b{_IN_PLACE}\s+(?:the\s+)?(?:(?:whole|wider|entire|city|county|region|area)\s+(?:of\s+)?)?(?P<l>{LIST})")
_P57 = _rx(rf"(?P<l>{LIST})\s*(?:,\s*(?:the\s+)?)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)?\s*(?:neighbourhoods|wards|villages|estates|districts|suburbs|parishes|communities|areas)\s+(?:of|in)\s+(?:the\s+)?(?P<p>{ENT})")
_P58 = _rx(
    rf"\b(?:grateful|thanks|thank\s+you|indebted)\s+(?:also\s+)?to\s+(?:the\s+)?(?P<l>{LIST}(?:\s*,?\s*and\s+(?:also\s+)?to\s+(?:the\s+)?{LIST})?)"
    r"\s+for\s+(?:their\s+|its\s+)?(?:continued\s+|generous\s+|unrestricted\s+|core\s+|kind\s+|ongoing\s+)*"
    r"(?:funding|donations?|grants?|financial\s+support|sponsorship|gifts?)\b"
)
_P59 = _rx(
    rf"<<(?P<s>\d+)>>’s\s+(?:[a-z\-]+\s+){{0,2}}?partners?\b(?:[^<.;]{{0,30}}?\b(?:included|include|includes|were|are|have\s+been)\s+"
    # "two of our partners, A and B", "our partner councils, A and B", "our delivery partners: A, B"
    rf"|(?:\s+[a-z]+s)?\s*[,:]\s*)(?:the\s+)?(?P<l>{LIST})"
    # "our research partner for 2025 is the X", "NECA's evaluation partner, X", "its partner X"
    rf"|<<(?P<s2>\d+)>>’s\s+(?:[a-z\-]+\s+){{0,2}}?partner(?:\s*,|\s+(?:for\s+\d{{4}}\s+|this\s+year\s+)?is)?\s+(?:the\s+)?(?P<a2><<\d+>>)"
    # "Severnside Logistics, our corporate partner"
    rf"|(?P<a3><<\d+>>)\s*,\s*<<(?P<s3>\d+)>>’s\s+(?:[a-z\-]+\s+){{0,2}}?partner\b"
)
_P60 = _rx(
    rf"(?P<p>{ENT})\s*(?:,|\bis)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}?(?:programme|scheme|project|initiative|fund|pilot|service|strategy|plan|partnership)"
    rf"\s+(?:from|by|run\s+by|led\s+by|delivered\s+by|launched\s+by)\s+(?:the\s+)?(?P<a>{ENT})"
)
_P61 = _rx(
    rf"(?P<a>{ENT})[^<.;]{{0,80}}?\b(?:with|has|have|had|at|across)\s+(?:its\s+)?(?:\w+\s+)?(?:campuses|sites|centres|bases|offices|branches|premises|studios|venues)"
    rf"\s+(?:in|at|across)\s+(?:the\s+)?(?P<l>{LIST})"
)
_P62 = _rx(
    rf"(?P<p>{ENT})\s*,?\s+(?:which|that)\s+(?:the\s+)?(?P<a>{ENT})\s+(?:also\s+|now\s+|jointly\s+)?"
    r"(?P<v>runs|ran|manages|managed|leads|led|delivers|delivered|operates|operated|coordinates|coordinated|co-ordinates|funds|funded|set\s+up|launched|commissions|commissioned|adopted|published|approved|agreed)\b"
)
_P63 = _rx(
    # "the Belfast lighting designers X", "Gateshead games studio X", "the Stamford care provider X"
    rf"<<(?P<p>\d+)>>\s+(?:{_NOUNISH}\s+){{0,2}}?(?:{AGENT_NOUNS})\s+<<(?P<o>\d+)>>"
    # "X, a Shropshire grant-maker,", "X, the Leeds housing charity", "X (XY), an east Belfast charity"
    # "X, the Whitby children’s publisher", "X, the Derry museum of …", "X, a Swansea co-operative of …"
    rf"|<<(?P<o2>\d+)>>(?:\s*\(<<\d+>>\))?\s*(?:,|\s+is|\s+was)\s*(?:an?|the)\s+(?:(?:east|west|north|south|central|inner|rural|coastal)\s+)?"
    rf"<<(?P<p2>\d+)>>\s+(?:{_NOUNISH}\s+){{0,2}}?"
    # (not "X, the Portadown food processor Y": that premodifies Y, the first branch)
    rf"(?:{AGENT_NOUNS}|grant-makers?|grantmakers?|funders?|charity|trust)\b(?!(?:\s+{_NOUNISH}){{0,2}}\s*<<)"
    # "Seagate Studios, Irvine's community arts charity": the place's own
    rf"|<<(?P<o3>\d+)>>(?:\s*\(<<\d+>>\))?\s*,\s*<<(?P<p3>\d+)>>(?:’s|'s)\s+(?:(?:largest|biggest|oldest|main|only|leading|own|best-known)\s+)?"
    rf"(?:{_NOUNISH}\s+){{0,2}}?(?:{AGENT_NOUNS}|charity|trust)\b"
)
_P64 = _rx(
    r"\b(?:staff|pupils|students|volunteers|researchers|tutors|mentors|teachers|coaches|experts|apprentices|"
    r"learners|trainees|advisers|advisors|artists|curators|archivists|work\s+coaches|young\s+people|graduates|nurses|engineers|"
    r"conservators|historians|designers|makers|musicians|technicians|actors|dancers|writers|producers|facilitators|practitioners|specialists)"
    rf"\s+(?:and\s+[a-z]+\s+)?from\s+(?:the\s+)?(?P<l>{LIST})"
)
# "The project was evaluated for us by A", "paid placements with A and with B": bodies that do a
# part of the page's work take part in it
_P_SUPPORT_ROLE = _rx(
    r"\b(?:(?:evaluated|assessed|filmed|photographed|documented|printed|catered|cooked|recorded|archived|accredited|certificated|validated)\s+"
    r"(?:independently\s+)?(?:for\s+us\s+|on\s+our\s+behalf\s+)?by"
    # "placements with A", "Placements were hosted by A of Alloa and by B in Falkirk"
    r"|(?:work\s+|paid\s+|job\s+)?placements?\s+(?:were\s+|was\s+|are\s+|will\s+be\s+)?(?:with|hosted\s+by)"
    # "Sessions are held at the library, with help from A", "with the help of A"
    r"|with\s+(?:the\s+)?(?:kind\s+)?help\s+(?:from|of))\s+(?:the\s+)?"
    rf"(?P<l>{ENT}(?:\s+(?:of|in)\s+{ENT})?(?:\s*,\s*an?\s+[^,.;]{{0,40}},)?"
    rf"(?:\s*,?\s*(?:and\s+)?(?:with\s+|by\s+)?(?:the\s+)?{ENT}(?:\s+(?:of|in)\s+{ENT})?)*)"
)
_P_EVALUATOR = _rx(
    rf"(?P<l>{ENT}(?:\s+and\s+(?:the\s+)?{ENT})?)\s+(?:(?:(?:has|have)\s+been\s+|was\s+|were\s+|is\s+|are\s+|will\s+be\s+)(?:appointed|commissioned|contracted|chosen|selected)\s+to"
    r"|will|is\s+to|is\s+going\s+to)\s+(?:independently\s+)?evaluate\b"
)
_AREA_UNITS = (r"(?:neighbourhoods|wards|villages|estates|districts|suburbs|parishes|towns|market\s+towns|boroughs|"
               r"council\s+areas|local\s+authority\s+areas|localities|communities)")
_NUMBER_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
# "Fenland is the most northerly of Cambridgeshire's five districts", "Ards is one of the
# county's …": the place named first is one of the other's units
_ONE_OF_UNITS = _rx(rf"(?P<a>{ENT})\s+(?:is|was)\s+(?:one|the\s+(?:[a-z\-]+\s+){{1,2}}?)of\s+(?P<p>{ENT})’s\s+(?:{_NUMBER_WORD}\s+)?(?:[a-z\-]+\s+)?{_AREA_UNITS}\b")
_UNITS_LISTED = (
    # "the five boroughs of the Tees Valley: A, B and C"
    _rx(rf"\bthe\s+(?:{_NUMBER_WORD}\s+)?(?:[a-z\-]+\s+)?{_AREA_UNITS}\s+(?:of|in)\s+(?:the\s+)?(?P<p>{ENT})\s*(?::|–|—|\s-)\s*(?:the\s+)?(?P<l>{LIST})"),
    # "the Grimsby wards of A, B and C"
    _rx(rf"\bthe\s+(?P<p>{ENT})\s+(?:{_NUMBER_WORD}\s+)?{_AREA_UNITS}\s+of\s+(?:the\s+)?(?P<l>{LIST})"),
    # "Gravesham’s two towns, A and B"
    _rx(rf"(?P<p>{ENT})’s\s+(?:{_NUMBER_WORD}\s+)?(?:[a-z\-]+\s+)?{_AREA_UNITS}\s*(?:,|:|–|—)\s*(?:the\s+)?(?P<l>{LIST})"),
    # "two Derby wards, A and B"
    _rx(rf"\b{_NUMBER_WORD}\s+(?P<p>{ENT})\s+{_AREA_UNITS}\s*(?:,|:|–|—)\s*(?:the\s+)?(?P<l>{LIST})"),
    # "Wyre Forest, the north Worcestershire district that takes in A, B and C"
    _rx(rf"(?P<p>{ENT})\s*,\s*(?:the|a|an)\s+(?:[^,;.]{{0,60}}?\s+)?(?:district|borough|county|city|town|region|area|island|valley)\s+"
        rf"(?:that|which)\s+(?:takes\s+in|includes|covers|spans|is\s+made\s+up\s+of|comprises)\s+(?:the\s+towns\s+of\s+|the\s+villages\s+of\s+)?(?P<l>{LIST})"),
)
_P66 = _rx(rf"(?P<p>{ENT})’s\s+(?P<l>{LIST})\s+(?:neighbourhoods?|wards?|estates?|districts?|suburbs?|areas?|villages?)\b")
_P72 = _rx(
    r"\b(?:schools|academies|colleges|groups|libraries|venues|organisations|organizations|communities|families|residents|"
    r"people|pupils|students|learners|employers|businesses|clubs|charities)\b[^<.;]{0,40}?\b(?:in|from|across)\s+(?:the\s+)?"
    rf"(?P<l>{LIST})\s+(?:all\s+|also\s+|have\s+|has\s+|had\s+|have\s+already\s+)?(?:took\s+part|take\s+part|taken\s+part|joined|signed\s+up|participated)\b"
)
_P67 = _rx(
    rf"(?P<a>{ENT})(?:\s*\(\s*{ENT}\s*\))?\s+(?:is|was|has\s+been|acts\s+as)\s+the\s+(?:[a-z\-]+\s+){{0,4}}?"
    rf"(?:authority|council|partnership|body|organisation|organization|agency|board|lcep|lep|hub|network|trust|service|charity)"
    rf"(?:\s*\(\s*(?:{ENT}|[a-z]{{2,8}})\s*\))?\s+(?:for|covering|serving)\s+(?:the\s+)?(?P<l>{LIST})"
)
