"""A learned fallback for relations the rules do not state: a pair classifier.

The rules read the wordings they know ("funded by X", "in partnership with A, B
and C"); new documents word the same facts in ways no rule knows. This stage
looks at every pair of entities named in one sentence that the rules left
unrelated (anywhere in the document) and scores each relation the ontology
allows between their types with a multinomial logistic regression over
features of the sentence in which every name is replaced by its type: the words
between the two names, the words either side, their types and subtypes, how far
apart they are, and the sentence's other words. No name reaches a feature, so
the model knows wordings, not bodies.

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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from graph import EXTRACTOR_VERSION
from graph.errors import CivicGraphError
from graph.records import DocumentExtraction, Evidence, LocalEntity, Relation

#: Environment variable naming the model file ("none": no classifier).
MODEL_ENV = "CIVICGRAPH_RELATION_MODEL"

_TOKEN = re.compile(r"[a-z0-9£']+|[,;:()&/–-]")
_TAG = {"Organisation": "ORG", "Programme": "PROG", "Place": "PLACE"}
_LIST_WORDS = frozenset({",", "and", "&", "the"})

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


def masked_tokens(sentence: str, mentions: Sequence[SpanMention], a: str, b: str) -> tuple[list[str], int, int]:
    """Lower-case tokens of ``sentence`` with each name replaced by its type tag
    (``A_ORG``/``B_PLACE`` for the pair, ``ORG`` … for the others), and the
    positions of the first tag of ``a`` and of ``b`` (-1 if absent).

    >>> ms = [SpanMention(0, 9, "k1", "Organisation", None), SpanMention(31, 37, "k2", "Place", "Town")]
    >>> masked_tokens("Acme Arts works with pupils in Dorset.", ms, "k1", "k2")[0]
    ['A_ORG', 'works', 'with', 'pupils', 'in', 'B_PLACE']
    """
    toks: list[str] = []
    ia = ib = -1
    pos = 0
    for m in mentions:
        if m.start < pos:
            continue
        toks.extend(_TOKEN.findall(sentence[pos:m.start].lower()))
        tag = _TAG[m.type]
        if m.key == a:
            ia = len(toks) if ia < 0 else ia
            tag = "A_" + tag
        elif m.key == b:
            ib = len(toks) if ib < 0 else ib
            tag = "B_" + tag
        toks.append(tag)
        pos = m.end
    toks.extend(_TOKEN.findall(sentence[pos:].lower()))
    return toks, ia, ib


def pair_features(sentence: str, mentions: Sequence[SpanMention], a: SpanMention, b: SpanMention,
                  sentence_has_rule: bool) -> list[str]:
    """Features of the pair (``a`` named first) in ``sentence``; no name is in any of them.

    >>> ms = [SpanMention(0, 9, "k1", "Organisation", None), SpanMention(31, 37, "k2", "Place", "Town")]
    >>> f = pair_features("Acme Arts works with pupils in Dorset.", ms, ms[0], ms[1], False)
    >>> [x for x in f if x.startswith(("T=", "bw:in", "bL:", "d="))]
    ['T=ORG>PLACE', 'd=4-6', 'bw:in', 'bw:in|ORG>PLACE', 'bL:in']
    """
    toks, ia, ib = masked_tokens(sentence, mentions, a.key, b.key)
    pair = _TAG[a.type] + ">" + _TAG[b.type]
    f = ["T=" + pair, f"S={a.subtype or ''}>{b.subtype or ''}"]
    if ia < 0 or ib < 0:
        return f
    lo, hi = min(ia, ib), max(ia, ib)
    between = toks[lo + 1:hi]
    f.append("d=" + _bucket(len(between)))
    f.append("nm=" + _bucket(sum(1 for t in between if t.isupper())))
    if all(t in _LIST_WORDS for t in between):
        f.append("listsep|" + pair)
    if len(between) <= 12:
        for w in between:
            f.append("bw:" + w)
            f.append(f"bw:{w}|{pair}")
        f.extend(f"bb:{w1}_{w2}" for w1, w2 in zip(between, between[1:], strict=False))
        f.append("bs:" + "_".join(between) if len(between) <= 4 else "bs:long")
    else:
        f.append("far")
    for k in (1, 2):
        if lo - k >= 0:
            f.append(f"l-{k}:{toks[lo - k]}")
        if hi + k < len(toks):
            f.append(f"r+{k}:{toks[hi + k]}")
    if between:
        f.append("b1:" + between[0])
        f.append("bL:" + between[-1])
        f.append(f"b1|{between[0]}|{pair}")
        f.append(f"bL|{between[-1]}|{pair}")
    f.extend(sorted("sw:" + w for w in set(toks) if len(w) > 3 and not w.isupper()))
    f.append(f"sentrule={sentence_has_rule}")
    first = next(i for i, t in enumerate(toks) if t.isupper())
    f.append(f"first={lo == first}")
    return f


@dataclass(frozen=True, slots=True)
class PairModel:
    """Weights of the pair classifier: one row of class scores per feature."""

    classes: tuple[str, ...]
    """``none`` or ``predicate:ab`` / ``predicate:ba`` (subject named first / second)."""
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float

    def probabilities(self, features: Sequence[str]) -> list[float]:
        z = list(self.intercept)
        for name in set(features):
            row = self.weights.get(name)
            if row is not None:
                z = [x + w for x, w in zip(z, row, strict=True)]
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        return [x / total for x in e]


def read_model(path: str | os.PathLike[str]) -> PairModel:
    """Read a model file written by ``scripts/train_relations.py``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        classes = tuple(data["classes"])
        k = len(classes)
        intercept = tuple(float(x) for x in data["intercept"])
        weights = {f: tuple(float(x) for x in row) for f, row in data["weights"].items()}
        threshold = float(data["threshold"])
        if len(intercept) != k or any(len(row) != k for row in weights.values()) or "none" not in classes:
            raise ValueError("rows do not match the classes")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CivicGraphError(f"{path}: not a civicgraph relation model ({exc})") from None
    return PairModel(classes, intercept, weights, threshold)


@lru_cache(maxsize=4)
def _model_at(path: str) -> PairModel:
    return read_model(path)


def current_model() -> PairModel | None:
    """The model named by ``CIVICGRAPH_RELATION_MODEL``, else the packaged one (None: switched off)."""
    path = os.environ.get(MODEL_ENV, "")
    if path.lower() == "none":
        return None
    if not path:
        path = str(resources.files("graph") / "data" / "relation_model.json")
    return _model_at(path)


def sentence_pairs(text: str, sentences: Sequence[tuple[int, int]], entities: Sequence[LocalEntity]
                   ) -> list[tuple[int, list[SpanMention]]]:
    """For each sentence naming two or more entities: its index and its names in order."""
    spans = sorted(((m.start, m.end, le.key), le) for le in entities for m in le.mentions)
    out: list[tuple[int, list[SpanMention]]] = []
    j = 0
    for si, (s, e) in enumerate(sentences):
        while j < len(spans) and spans[j][0][0] < s:
            j += 1
        ms: list[SpanMention] = []
        k = j
        while k < len(spans) and spans[k][0][0] < e:
            (m0, m1, _), le = spans[k]
            if m1 <= e:
                ms.append(SpanMention(m0 - s, m1 - s, le.key, le.type, le.subtype))
            k += 1
        if len({m.key for m in ms}) >= 2:
            out.append((si, ms))
    return out


def first_mentions(ms: Sequence[SpanMention]) -> list[SpanMention]:
    """The first mention of each entity in a sentence, in order."""
    seen: dict[str, SpanMention] = {}
    for m in ms:
        seen.setdefault(m.key, m)
    return list(seen.values())


def classify(extraction: DocumentExtraction, sentences: Sequence[tuple[int, int]],
             model: PairModel) -> DocumentExtraction:
    """Add the classifier's relations for pairs the rules left unrelated."""
    doc = extraction.document
    text = doc.text
    related = {frozenset((r.subject, r.object)) for r in extraction.relations}
    rule_sentences = {r.evidence.start for r in extraction.relations}
    added: list[Relation] = []
    for si, ms in sentence_pairs(text, sentences, extraction.entities):
        s, e = sentences[si]
        sentence = text[s:e]
        has_rule = any(s <= x < e for x in rule_sentences)
        firsts = first_mentions(ms)
        for i, a in enumerate(firsts):
            for b in firsts[i + 1:]:
                if frozenset((a.key, b.key)) in related:
                    continue
                best = _best(model, pair_features(sentence, ms, a, b, has_rule), a, b)
                if best is None:
                    continue
                pred, subj, obj = best
                added.append(Relation(subj.key, pred, obj.key, Evidence(doc.doc_id, s, e, sentence),
                                      f"{EXTRACTOR_VERSION}:{pred}:pair-classifier"))
    if not added:
        return extraction
    return DocumentExtraction(doc, extraction.entities, extraction.relations + tuple(added))


def _best(model: PairModel, features: list[str], a: SpanMention, b: SpanMention
          ) -> tuple[str, SpanMention, SpanMention] | None:
    probs = model.probabilities(features)
    best: tuple[float, str, SpanMention, SpanMention] | None = None
    for c, p in zip(model.classes, probs, strict=True):
        if c == "none" or p < model.threshold:
            continue
        pred, way = c.split(":")
        subj, obj = (a, b) if way == "ab" else (b, a)
        if (pred, subj.type, obj.type) in ALLOWED and (best is None or p > best[0]):
            best = (p, pred, subj, obj)
    return None if best is None else best[1:]
