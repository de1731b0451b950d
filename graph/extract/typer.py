"""A learned fallback for names the rules leave untyped: the name typer.

The rules type a capitalised name by its head noun ("… Trust"), the gazetteer or a
slot that says what it is ("funded by X"). Many names in these documents have none
of those: a village or neighbourhood too small for the gazetteer ("held at
Tremarrow"), a building ("the Old Sail Loft"), a local business or group with no
head noun ("Pellow & Daughters"), an event with a made-up name. The rules leave
them as untyped candidates and drop them.

This stage scores each such name once per document with a multinomial logistic
regression over ``none``, ``Organisation``, ``Programme`` and ``Place``: the
name's own words (its last word above all), whether its words are gazetteer
places or known heads, and the words just before and after each of its
mentions ("in", "at", "village", a line of its own). A name whose best type
reaches the model's threshold gets that type and rule ``learned:name-typer``.
The model learns what words say about a name, not names: a feature is kept only
if it occurs in several training sets (see ``scripts/train_types.py``).

The weights are a versioned data file, ``graph/data/type_model.json``, trained
on the project's development gold sets (never the seed gold, never the blind
sets); nothing is downloaded. ``CIVICGRAPH_TYPE_MODEL`` names another model
file, or ``none`` to run the rules alone.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import CivicGraphError
from graph.extract.entities import Found, PlaceLookup
from graph.extract.lexicon import (
    CONNECTORS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_HEADS,
    PROGRAMME_HEADS,
    SITE_HEADS,
    STREET_WORDS,
    given_names,
)
from graph.extract.pairs import Group, model_from_env, parse_group
from graph.extract.relations import letter_runs
from graph.textnorm import norm_key

#: Environment variable naming the model file ("none": no typer).
MODEL_ENV = "CIVICGRAPH_TYPE_MODEL"
#: The classes a model must have (in any order).
CLASSES = frozenset({"none", "Organisation", "Programme", "Place"})
#: The rule name the typer gives a mention.
RULE = "learned:name-typer"
_SUBTYPE = {"Organisation": None, "Programme": "Initiative", "Place": None}

_DECLINED_HEADS = frozenset(ORG_HEADS) | frozenset(PROGRAMME_HEADS) | STREET_WORDS
_HONOURS = frozenset({"obe", "mbe", "cbe", "kbe", "dbe"})
_WORD = re.compile(r"[a-z0-9£']+|[,;:()&/|–-]")
_LINE_OPEN = " \t#*-•>|"
_LINE_CLOSE = " \t*.:|"


@dataclass(frozen=True, slots=True)
class TypeModel:
    """The name typer: one multinomial logistic regression and the probability a type needs."""

    group: Group
    threshold: float


def untyped_names(found: Sequence[Found]) -> dict[str, list[Found]]:
    """The names the typer looks at: each untyped candidate name of the document (in
    order of first mention) with its mentions, leaving out a name that is, after
    normalising, also the name or another name of a typed mention; a name in capitals
    (an acronym: the acronym rules decide); a name whose last word is an
    organisation's or a programme's head noun or a street's ("… Programme", "… Road"):
    the rules saw that head and turned the name down (in the development sets such
    names are nearly all not entities: 7 of 270); and the names :func:`_may_name`
    rules out."""
    typed: set[str] = set()
    for f in found:
        if f.type is not None:
            typed.add(norm_key(f.name))
            typed.update(norm_key(a) for a in f.aliases)
    out: dict[str, list[Found]] = {}
    for f in found:
        if f.type is None and f.rule == "candidate" and not f.name.isupper() and _may_name(f.name):
            out.setdefault(f.name, []).append(f)
    return {name: fs for name, fs in out.items() if norm_key(name) not in typed}


def _may_name(name: str) -> bool:
    """Whether an untyped candidate may be an entity's name at all: not one whose last word
    is a head the rules turned down or an honour ("… OBE": a person), nor one made only
    of words that are never names and small words ("Table of Contents")."""
    low = name.lower().split()
    if low[-1] in _DECLINED_HEADS or low[-1] in _HONOURS:
        return False
    return not all(w in NOT_NAMES or w in CONNECTORS for w in low)


def name_features(name: str, mentions: Sequence[Found], text: str, is_place_word: Callable[[str], bool],
                  lower_words: Container[str]) -> list[str]:
    """Features of an untyped name from its words and its mentions' neighbours.

    ``lower_words`` are the words the document writes in lower case (a name with such
    a word is often a sentence's first words).

    >>> text = "Classes meet in Tremarrow on Tuesdays."
    >>> f = name_features("Tremarrow", [Found("Tremarrow", 16, 25, None, None, "candidate", 0)], text, lambda w: False, set())
    >>> [x for x in f if x[:3] in ("h:t", "p1:", "n1:")]
    ['h:tremarrow', 'n1:on', 'p1:in']
    """
    words = name.split()
    low = [w.lower() for w in words]
    head = low[-1]
    f = {"h:" + head, "w1:" + low[0], f"nw={min(len(words), 5)}", f"nm={min(len(mentions), 4)}"}
    f.update("w:" + w for w in low)
    if any(c.isdigit() for c in name):
        f.add("digit")
    for lex, tag in ((PLACE_HEADS, "place"), (SITE_HEADS, "site")):
        if head in lex:
            f.add("lex:" + tag)
    if low[0] in given_names():
        f.add("given")
    if any(is_place_word(w) for w in words):
        f.add("gazword")
    if is_place_word(words[0]):
        f.add("gazfirst")
    if any(len(w) > 3 and w in lower_words for w in low):
        f.add("lcword_in_doc")
    for m in mentions:
        before = _WORD.findall(text[max(0, m.start - 40) : m.start].lower())[-2:]
        after = _WORD.findall(text[m.end : m.end + 40].lower())[:2]
        f.add("p1:" + (before[-1] if before else "^"))
        if len(before) > 1:
            f.add("p2:" + " ".join(before))
        f.add("n1:" + (after[0] if after else "$"))
        if len(after) > 1:
            f.add("n2:" + " ".join(after))
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        if not text[line_start : m.start].strip(_LINE_OPEN):
            f.add("linestart")
        if not text[m.end : line_end if line_end >= 0 else len(text)].strip(_LINE_CLOSE):
            f.add("lineend")
    return sorted(f)


def document_names(found: Sequence[Found], text: str, places: PlaceLookup) -> list[tuple[str, list[Found], list[str]]]:
    """Each name the typer looks at, its mentions and its features (the typer and its
    training, ``scripts/train_types.py``, take their examples from here)."""
    names = untyped_names(found)
    if not names:
        return []
    lower_words = letter_runs(text)
    # a one-word name the document also writes in lower case ("Year", "Trust", "Sessions") is a
    # sentence's or a heading's first word (of 374 such names in the development sets, 1 is an
    # entity): not scored
    return [(name, fs, name_features(name, fs, text, places.is_place_word, lower_words)) for name, fs in names.items()
            if " " in name or name.lower() not in lower_words]


def best_type(model: TypeModel, features: Sequence[str]) -> str | None:
    """The most probable type for a name with these features, if it reaches the threshold."""
    return model.group.best(model.group.probabilities(features), model.threshold)


def type_names(found: list[Found], text: str, places: PlaceLookup, model: TypeModel) -> None:
    """Give the untyped candidate names the model is sure enough of their type. In place."""
    for _name, fs, features in document_names(found, text, places):
        t = best_type(model, features)
        if t is not None:
            for f in fs:
                f.type, f.subtype, f.rule = t, _SUBTYPE[t], RULE


def read_model(path: str | os.PathLike[str]) -> TypeModel:
    """Read a model file written by ``scripts/train_types.py``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        g = data["groups"]["NAME"]
        classes = tuple(g["classes"])
        if set(classes) != CLASSES or len(classes) != len(CLASSES):
            raise ValueError(f"classes {list(classes)}, expected {sorted(CLASSES)}")
        group = parse_group(g)
        threshold = float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CivicGraphError(f"{path}: not a civicgraph type model ({exc})") from None
    return TypeModel(group, threshold)


@lru_cache(maxsize=4)
def _model_at(path: str) -> TypeModel:
    return read_model(path)


def current_model() -> TypeModel | None:
    """The model named by ``CIVICGRAPH_TYPE_MODEL``, else the packaged one (None: switched off)."""
    return model_from_env(MODEL_ENV, "type_model.json", _model_at)

