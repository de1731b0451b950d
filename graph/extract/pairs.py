"""A learned fallback for relations the rules do not state: a pair classifier.

The rules read the wordings they know ("funded by X", "in partnership with A, B
and C"); new documents word the same facts in ways no rule knows. This stage
looks at every pair of entities named in one sentence that the rules left
unrelated in that sentence and scores each relation the ontology
allows between their types with a multinomial logistic regression over
features of the sentence in which every name is replaced by its type: the words
between the two names, the words either side, their subtypes, how far apart
they are, and the sentence's other words (one model for each pair of types).
No name reaches a feature, so the model knows wordings, not bodies.

The weights are a versioned data file, ``graph/data/relation_model.json``,
written by ``scripts/train_relations.py`` from the project's own development
gold sets (never the seed gold, never the blind sets); nothing is downloaded.
A pair gets the most probable relation when its probability reaches the model's
threshold (chosen by leave-one-set-out cross-validation, recorded in the file).
``CIVICGRAPH_RELATION_MODEL`` names another model file, or ``none`` to run the
rules alone.
"""

from __future__ import annotations

import json
import math
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from graph import EXTRACTOR_VERSION
from graph.errors import CivicGraphError
from graph.extract.tables import split_row
from graph.records import DocumentExtraction, Evidence, LocalEntity, Relation

_M = TypeVar("_M")

#: Environment variable naming the model file ("none": no classifier).
MODEL_ENV = "CIVICGRAPH_RELATION_MODEL"

_TOKEN = re.compile(r"[a-z0-9£']+|[,;:()&/|–-]")  # "|": a table row's cell border
_TAG = {"Organisation": "ORG", "Programme": "PROG", "Place": "PLACE"}
_LIST_WORDS = frozenset({",", "and", "&", "the"})
_GROUP_NAMES = {(a, b): f"{ta}>{tb}" for a, ta in _TAG.items() for b, tb in _TAG.items()}

#: (predicate, subject type, object type) the ontology and its shapes allow.
ALLOWED = frozenset({
    ("partnerOf", "Organisation", "Organisation"),
    ("funds", "Organisation", "Organisation"),
    ("funds", "Organisation", "Programme"),
    ("delivers", "Organisation", "Programme"),
    ("participatesIn", "Organisation", "Programme"),
    ("partOf", "Organisation", "Organisation"),
    ("partOf", "Place", "Place"),
    ("partOf", "Programme", "Programme"),
    ("locatedIn", "Organisation", "Place"),
    ("locatedIn", "Place", "Place"),
    ("operatesIn", "Organisation", "Place"),
    ("operatesIn", "Programme", "Place"),
})


#: The pairs of types (the one named first first) the classifier looks at. Pairs
#: that open with a place, and two programmes, are left out for speed only: they
#: are about 40% of the candidate pairs, and with them the cross-validated gain
#: was +0.311 summed relation F1 against +0.248 without (same features, 0.45 and
#: 0.4), at a cost the speed target cannot spare today (README, "Speed").
GROUPS = ("ORG>ORG", "ORG>PLACE", "ORG>PROG", "PROG>ORG", "PROG>PLACE")


@dataclass(frozen=True, slots=True)
class SpanMention:
    """A name in a sentence: offsets relative to the sentence, its entity key and types."""

    start: int
    end: int
    key: str
    type: str
    subtype: str | None


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-6" if n < 7 else "7-12" if n < 13 else "far"


def sentence_tokens(sentence: str, mentions: Sequence[SpanMention]) -> tuple[list[str], list[str | None]]:
    """Lower-case tokens of ``sentence`` with each name replaced by its type tag
    (``ORG``, ``PROG``, ``PLACE``), and for each token the key of the entity it
    stands for (None for a word). A name that overlaps an earlier one is skipped."""
    toks: list[str] = []
    owner: list[str | None] = []
    pos = 0
    for m in mentions:
        if m.start < pos:
            continue
        words = _TOKEN.findall(sentence[pos:m.start].lower())
        toks.extend(words)
        owner.extend([None] * len(words))
        toks.append(_TAG[m.type])
        owner.append(m.key)
        pos = m.end
    words = _TOKEN.findall(sentence[pos:].lower())
    toks.extend(words)
    owner.extend([None] * len(words))
    return toks, owner


def masked_tokens(sentence: str, mentions: Sequence[SpanMention], a: str, b: str) -> tuple[list[str], int, int]:
    """:func:`sentence_tokens` with the pair's tags marked (``A_ORG``/``B_PLACE``),
    and the positions of the first tag of ``a`` and of ``b`` (-1 if absent).

    >>> ms = [SpanMention(0, 9, "k1", "Organisation", None), SpanMention(31, 37, "k2", "Place", "Town")]
    >>> masked_tokens("Acme Arts works with pupils in Dorset.", ms, "k1", "k2")[0]
    ['A_ORG', 'works', 'with', 'pupils', 'in', 'B_PLACE']
    """
    toks, owner = sentence_tokens(sentence, mentions)
    marked = [_mark(t, k, a, b) for t, k in zip(toks, owner, strict=True)]
    return marked, owner.index(a) if a in owner else -1, owner.index(b) if b in owner else -1


def _mark(token: str, key: str | None, a: str, b: str) -> str:
    """A token as the pair (``a``, ``b``) sees it: its names' tags marked A_ or B_."""
    return token if key is None or (key != a and key != b) else ("A_" if key == a else "B_") + token


def sentence_features(toks: Sequence[str], sentence_has_rule: bool) -> list[str]:
    """The features a sentence gives every pair in it: its words, and whether a rule read it."""
    return [*sorted("sw:" + w for w in set(toks) if len(w) > 3 and not w.isupper()), f"sentrule={sentence_has_rule}"]


def own_features(toks: Sequence[str], owner: Sequence[str | None], a: SpanMention, b: SpanMention
                 ) -> tuple[list[str], bool]:
    """The pair's own features, and whether both names were found among the tokens
    (if not, the pair has only its subtypes and no sentence features). The pair's
    types are not a feature: each pair of types has a model of its own."""
    f = [f"S={a.subtype or ''}>{b.subtype or ''}"]
    ka, kb = a.key, b.key
    try:
        ia, ib = owner.index(ka), owner.index(kb)
    except ValueError:
        return f, False
    lo, hi = (ia, ib) if ia < ib else (ib, ia)

    def tok(i: int) -> str:
        return _mark(toks[i], owner[i], ka, kb)

    n = hi - lo - 1
    mid = owner[lo + 1:hi]
    f.append("d=" + _bucket(n))
    f.append("nm=" + _bucket(n - mid.count(None)))
    if _LIST_WORDS.issuperset(toks[lo + 1:hi]):  # (marking a tag leaves it no list word)
        f.append("listsep")
    if n <= 12:
        between = [tok(i) for i in range(lo + 1, hi)] if ka in mid or kb in mid else toks[lo + 1:hi]
        f.extend(["bw:" + w for w in between])
        f.extend([f"bb:{w1}_{w2}" for w1, w2 in zip(between, between[1:], strict=False)])
        f.append("bs:" + "_".join(between) if n <= 4 else "bs:long")
    else:
        f.append("far")
    if lo >= 1:
        f.append("l-1:" + tok(lo - 1))
        if lo >= 2:
            f.append("l-2:" + tok(lo - 2))
    if hi + 1 < len(toks):
        f.append("r+1:" + tok(hi + 1))
        if hi + 2 < len(toks):
            f.append("r+2:" + tok(hi + 2))
    if n > 0:
        f.append("b1:" + tok(lo + 1))
        f.append("bL:" + tok(hi - 1))
    first = next(i for i, k in enumerate(owner) if k is not None)
    f.append(f"first={lo == first}")
    return f, True


def pair_features(sentence: str, mentions: Sequence[SpanMention], a: SpanMention, b: SpanMention,
                  sentence_has_rule: bool) -> list[str]:
    """Features of the pair (``a`` named first) in ``sentence``; no name is in any of them.

    >>> ms = [SpanMention(0, 9, "k1", "Organisation", None), SpanMention(31, 37, "k2", "Place", "Town")]
    >>> f = pair_features("Acme Arts works with pupils in Dorset.", ms, ms[0], ms[1], False)
    >>> [x for x in f if x.startswith(("S=", "bw:", "bL:", "d="))]
    ['S=>Town', 'd=4-6', 'bw:works', 'bw:with', 'bw:pupils', 'bw:in', 'bL:in']
    """
    toks, owner = sentence_tokens(sentence, mentions)
    own, found = own_features(toks, owner, a, b)
    return own + sentence_features(toks, sentence_has_rule) if found else own


def group_of(a_type: str, b_type: str) -> str:
    """The model group of a pair: its two types, the one named first first ("ORG>PLACE")."""
    return _GROUP_NAMES[(a_type, b_type)]


def group_classes(a_type: str, b_type: str) -> tuple[str, ...]:
    """The classes a pair of these types can take: ``none`` and every allowed
    ``predicate:ab`` (subject named first) or ``predicate:ba`` (subject named second).

    >>> group_classes("Programme", "Organisation")
    ('none', 'delivers:ba', 'funds:ba', 'participatesIn:ba')
    """
    out = []
    for pred in sorted({p for p, _, _ in ALLOWED}):
        if (pred, a_type, b_type) in ALLOWED:
            out.append(pred + ":ab")
        if pred != "partnerOf" and (pred, b_type, a_type) in ALLOWED:
            out.append(pred + ":ba")
    return ("none", *sorted(out))


@dataclass(frozen=True, slots=True)
class Group:
    """Weights for the pairs of one group: one row of class scores per feature."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def add(self, z: list[float], features: Iterable[str]) -> list[float]:
        """``z`` plus the weight rows of ``features`` (each counted once, in order)."""
        get = self.weights.get
        rows = [row for row in map(get, dict.fromkeys(features)) if row is not None]
        # column sums, left to right: the same floats as adding the rows one by one
        return list(map(sum, zip(z, *rows, strict=True))) if rows else z

    def probabilities(self, features: Sequence[str]) -> list[float]:
        """The probability of each class for a pair with these features."""
        return softmax(self.add(list(self.intercept), features))

    def best(self, probs: Sequence[float], threshold: float) -> str | None:
        """The most probable class other than ``none`` whose probability (in ``probs``,
        one per class) reaches ``threshold``, if any."""
        best: tuple[float, str] | None = None
        for c, p in zip(self.classes, probs, strict=True):
            if c != "none" and p >= threshold and (best is None or p > best[0]):
                best = (p, c)
        return None if best is None else best[1]


def parse_group(g: dict) -> Group:  # type: ignore[type-arg]
    """A model group from its JSON form (``classes``, ``intercept``, ``weights``: one row
    per feature, one number per class); ValueError when the rows do not fit the classes.
    Both learned stages' model files hold groups of this form."""
    classes = tuple(g["classes"])
    intercept = tuple(float(x) for x in g["intercept"])
    weights = {f: tuple(float(x) for x in row) for f, row in g["weights"].items()}
    if len(intercept) != len(classes) or any(len(row) != len(classes) for row in weights.values()):
        raise ValueError("rows do not match the classes")
    return Group(classes, intercept, weights)


def model_from_env(env_var: str, packaged: str, read: Callable[[str], _M]) -> _M | None:
    """The model the environment variable ``env_var`` names (read with ``read``), else the
    packaged file ``graph/data/<packaged>``; None when the variable says ``none``."""
    path = os.environ.get(env_var, "")
    if path.lower() == "none":
        return None
    return read(path or str(resources.files("graph") / "data" / packaged))


@dataclass(frozen=True, slots=True)
class PairModel:
    """The pair classifier: a multinomial logistic regression per group (pair of types)
    over the classes that group allows, and the probability a class needs."""

    groups: dict[str, Group]
    threshold: float


def softmax(z: Sequence[float]) -> list[float]:
    top = max(z)
    e = [math.exp(x - top) for x in z]
    total = sum(e)
    return [x / total for x in e]


def read_model(path: str | os.PathLike[str]) -> PairModel:
    """Read a model file written by ``scripts/train_relations.py``."""
    allowed = {group_of(a, b): group_classes(a, b) for a in _TAG for b in _TAG}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        groups = {}
        for name, g in data["groups"].items():
            classes = tuple(g["classes"])
            if name not in allowed or not set(classes) <= set(allowed[name]) or "none" not in classes:
                raise ValueError(f"group {name} has classes {list(classes)}")
            try:
                groups[name] = parse_group(g)
            except ValueError as exc:
                raise ValueError(f"group {name}: {exc}") from None
        threshold = float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CivicGraphError(f"{path}: not a civicgraph relation model ({exc})") from None
    return PairModel(groups, threshold)


@lru_cache(maxsize=4)
def _model_at(path: str) -> PairModel:
    return read_model(path)


def current_model() -> PairModel | None:
    """The model named by ``CIVICGRAPH_RELATION_MODEL``, else the packaged one (None: switched off)."""
    return model_from_env(MODEL_ENV, "relation_model.json", _model_at)


def sentence_pairs(text: str, sentences: Sequence[tuple[int, int]], entities: Sequence[LocalEntity]
                   ) -> list[tuple[int, list[SpanMention]]]:
    """For each sentence naming two or more entities: its index and its names in order
    (``sentences`` are in order and do not overlap, as ``split_sentences`` gives them)."""
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[tuple[int, int, str, LocalEntity]]] = {}
    for le in entities:
        for m in le.mentions:
            si = bisect_right(starts, m.start) - 1
            if si >= 0 and m.end <= sentences[si][1]:
                by_sentence.setdefault(si, []).append((m.start, m.end, le.key, le))
    out: list[tuple[int, list[SpanMention]]] = []
    for si in sorted(by_sentence):
        found = by_sentence[si]
        if len({x[2] for x in found}) < 2:
            continue
        found.sort(key=lambda x: x[:3])
        s = starts[si]
        out.append((si, [SpanMention(m0 - s, m1 - s, key, le.type, le.subtype) for m0, m1, key, le in found]))
    return out


def rule_pairs(relations: Sequence[Relation], sentences: Sequence[tuple[int, int]]
               ) -> dict[int, set[tuple[str, str]]]:
    """For each sentence a rule relation starts in: the pairs of entity keys the rules
    relate there (both ways round)."""
    starts = [s for s, _ in sentences]
    out: dict[int, set[tuple[str, str]]] = {}
    for r in relations:
        si = bisect_right(starts, r.evidence.start) - 1
        if si >= 0 and r.evidence.start < sentences[si][1]:
            out.setdefault(si, set()).update(((r.subject, r.object), (r.object, r.subject)))
    return out


def first_mentions(ms: Sequence[SpanMention]) -> list[SpanMention]:
    """The first mention of each entity in a sentence, in order."""
    seen: dict[str, SpanMention] = {}
    for m in ms:
        seen.setdefault(m.key, m)
    return list(seen.values())


def candidates(extraction: DocumentExtraction, sentences: Sequence[tuple[int, int]], groups: Container[str]
               ) -> Iterator[tuple[int, list[SpanMention], list[tuple[SpanMention, SpanMention, str]], bool]]:
    """The pairs to score, sentence by sentence: the sentence's index, its names, its
    pairs of names (the one named first first, with their group) of the given groups
    that the rules left unrelated in that sentence, and whether a rule read the
    sentence. Sentences with no such pair are skipped. The classifier and its
    training (``scripts/train_relations.py``) take their pairs from here."""
    by_rules = rule_pairs(extraction.relations, sentences)
    nothing: set[tuple[str, str]] = set()
    text = extraction.document.text
    for si, ms in sentence_pairs(text, sentences, extraction.entities):
        if _names_row(text, sentences[si], ms):
            continue
        firsts = first_mentions(ms)
        related = by_rules.get(si, nothing)
        s0 = sentences[si][0]
        spans = sorted((m.start, m.end) for m in ms)
        todo = [(a, b, gname) for i, a in enumerate(firsts) for b in firsts[i + 1:]
                if (gname := group_of(a.type, b.type)) in groups and (a.key, b.key) not in related
                and not _one_list(text, s0, spans, a, b)]
        if todo:
            yield si, ms, todo, si in by_rules


def _one_list(text: str, s0: int, spans: Sequence[tuple[int, int]], a: SpanMention, b: SpanMention) -> bool:
    """Whether ``a`` and ``b`` are items of one list of three or more names ("thank West Midlands
    Combined Authority, Greater Manchester, Liverpool City Region and …"): nothing but names,
    commas and "and" between them, and a third name listed with them. Items of a list state
    nothing about each other. ``spans``: the sentence's mentions, in order."""
    pos = a.end
    items = 2
    for st, en in spans:
        if st < a.end or st >= b.start:
            continue
        if not _LIST_GAP.fullmatch(text, s0 + pos, s0 + st):
            return False
        pos = max(pos, en)
        items += 1
    if not _LIST_GAP.fullmatch(text, s0 + pos, s0 + b.start):
        return False
    if items >= 3:
        return True
    before = [(st, en) for st, en in spans if en <= a.start]
    after = [(st, en) for st, en in spans if st >= b.end]
    return bool((before and _LIST_GAP.fullmatch(text, s0 + before[-1][1], s0 + a.start) and text[s0 + before[-1][1]] == ",")
                or (after and _LIST_GAP.fullmatch(text, s0 + b.end, s0 + after[0][0])))


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _names_row(text: str, sentence: tuple[int, int], ms: Sequence[SpanMention]) -> bool:
    """Whether the sentence is a row of a table of names ("| A | B | C (Town) |", an annex of
    stakeholders): three or more cells, each nothing but names (and brackets). Side by side
    in a list, the names state nothing about each other."""
    s, e = sentence
    if "|" not in text[s:e]:
        return False
    cells = [(a - s, b - s) for a, b in split_row(text, s, e) if b > a]
    if len(cells) < 3:
        return False
    chars = list(text[s:e])
    for m in ms:
        chars[m.start : m.end] = " " * (m.end - m.start)
    return all(not _WORD.search("".join(chars[a:b])) for a, b in cells)


_WORD = re.compile(r"\w")


def classify(extraction: DocumentExtraction, sentences: Sequence[tuple[int, int]],
             model: PairModel) -> DocumentExtraction:
    """Add the classifier's relations for pairs the rules left unrelated in their sentence."""
    doc = extraction.document
    text = doc.text
    added: list[Relation] = []
    groups = model.groups
    for si, ms, todo, has_rule in candidates(extraction, sentences, groups):
        s, e = sentences[si]
        sentence = text[s:e]
        toks, owner = sentence_tokens(sentence, ms)
        bases: dict[str, list[float]] = {}  # per group: intercept plus the sentence's features, summed once
        for a, b, gname in todo:
            group = groups[gname]
            own, found = own_features(toks, owner, a, b)
            if found:
                if gname not in bases:
                    bases[gname] = group.add(list(group.intercept), sentence_features(toks, has_rule))
                z = group.add(bases[gname], own)
            else:
                z = group.add(list(group.intercept), own)
            best = _best(group, softmax(z), model.threshold, a, b)
            if best is not None:
                pred, subj, obj = best
                added.append(Relation(subj.key, pred, obj.key, Evidence(doc.doc_id, s, e, sentence),
                                      f"{EXTRACTOR_VERSION}:{pred}:pair-classifier"))
    if not added:
        return extraction
    return DocumentExtraction(doc, extraction.entities, extraction.relations + tuple(added))


def _best(group: Group, probs: list[float], threshold: float, a: SpanMention, b: SpanMention
          ) -> tuple[str, SpanMention, SpanMention] | None:
    c = group.best(probs, threshold)
    if c is None:
        return None
    pred, way = c.split(":")
    return (pred, a, b) if way == "ab" else (pred, b, a)
