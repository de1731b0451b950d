"""Gazetteers of UK places and national organisations, read from packaged TSV files.

The data files live in ``graph/data/`` (see ``graph/data/README.md`` for their
sources, vintage and licence): ``places.tsv`` lists UK nations, English
regions, metropolitan counties and combined-authority areas, every local
authority area (April 2023 boundaries), English counties, cities and towns
with their ONS GSS and ISO 3166-2:GB codes; ``organisations.tsv`` lists UK
government departments, national public bodies, combined authorities and
major grant-making funders, with org-id identifiers where one was sourced;
``programmes.tsv`` lists national UK public programmes and funds (skills,
employment, culture, heritage, place) by the names their owners publish.

>>> gz = load_gazetteer()
>>> [e.name for e in gz.lookup("the city of bristol")]
['Bristol']
>>> dict(gz.lookup("Wakefield")[0].ids)["gss"]
'E08000036'
>>> gz.parent_of(gz.lookup("Wakefield")[0]).name
'Yorkshire and the Humber'
>>> gz.by_id("iso3166-2", "GB-KEN").name
'Kent'
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graph.errors import CivicGraphError
from graph.records import SUBTYPES
from graph.textnorm import norm_key

#: Identifier schemes used in :attr:`GazetteerEntry.ids`.
SCHEMES = ("gss", "iso3166-2", "org-id")

PLACE_COLUMNS = (
    "name",
    "subtype",
    "gss",
    "iso3166_2",
    "parent",
    "lat",
    "long",
    "aliases",
    "ambiguous",
)
ORG_COLUMNS = ("name", "subtype", "aliases", "org_id", "homepage", "note")
PROGRAMME_COLUMNS = ("name", "subtype", "aliases", "owner", "note")

#: ONS GSS code: entity prefix (letter + 2 digits) and 6 digits.
GSS_RE = re.compile(r"^[EKNSW]\d{2}\d{6}$")
ISO_RE = re.compile(r"^GB-[A-Z]{3}$")
ORG_ID_RE = re.compile(r"^[A-Z]{2}-[A-Z]{2,5}-[A-Za-z0-9]+$")
#: Generous bounding box of the UK and its islands (WGS84), for coordinate checks.
UK_BOUNDS = {"lat": (49.8, 60.9), "long": (-8.7, 1.8)}


class GazetteerError(CivicGraphError):
    """A gazetteer data file is malformed (the message names the file and line)."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known place or organisation with its names and identifiers."""

    name: str
    type: str
    """Top type: "Place", "Organisation" or "Programme"."""
    subtype: str
    ids: tuple[tuple[str, str], ...]
    """(scheme, value) pairs; schemes are "gss", "iso3166-2" and "org-id"."""
    aliases: tuple[str, ...]
    parent: str | None
    """Name of the containing place (places only)."""
    lat: float | None
    long: float | None
    ambiguous: bool
    """The name is also a common word or person's name: accept it only with context."""
    homepage: str | None
    owner: str | None = None
    """The body that runs a national programme (programmes only)."""

    def id(self, scheme: str) -> str | None:
        """Return the first identifier of ``scheme`` or None."""
        return next((v for s, v in self.ids if s == scheme), None)

    @property
    def forms(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


class Gazetteer:
    """A read-only index of gazetteer entries by normalised name and by identifier."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: tuple[GazetteerEntry, ...] = tuple(entries)
        by_key: dict[str, list[GazetteerEntry]] = {}
        by_form: dict[str, list[GazetteerEntry]] = {}
        by_id: dict[tuple[str, str], GazetteerEntry] = {}
        self._places: dict[str, GazetteerEntry] = {}
        # (norm_key's function itself, not its cache: the cache is for the names of the
        # documents, and thousands of gazetteer forms would fill it, to be freed at its next
        # clear_caches)
        key_of = norm_key.__wrapped__
        for e in self.entries:
            for form in e.forms:
                _append_once(by_key.setdefault(key_of(form), []), e)
                _append_once(by_form.setdefault(form, []), e)
            for pair in e.ids:
                by_id.setdefault(pair, e)
            if e.type == "Place":
                self._places.setdefault(e.name, e)
        self._by_key = {k: tuple(v) for k, v in by_key.items()}
        self._by_form = {k: tuple(v) for k, v in by_form.items()}
        self._by_id = by_id

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Return every entry whose name or alias has the same :func:`norm_key` as ``name``."""
        return self._by_key.get(norm_key(name), ())

    def forms(self) -> Mapping[str, tuple[GazetteerEntry, ...]]:
        """Map every surface form (name and aliases, original case) to its entries."""
        return dict(self._by_form)

    def parent_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        """Return the place that contains ``entry`` (None at the top or for organisations)."""
        return self._places.get(entry.parent) if entry.parent else None

    def by_id(self, scheme: str, value: str) -> GazetteerEntry | None:
        """Return the entry carrying identifier ``value`` in ``scheme`` (e.g. "gss", "E08000036")."""
        return self._by_id.get((scheme, value))

    def places(self) -> tuple[GazetteerEntry, ...]:
        """Entries of type Place."""
        return tuple(e for e in self.entries if e.type == "Place")

    def organisations(self) -> tuple[GazetteerEntry, ...]:
        """Entries of type Organisation."""
        return tuple(e for e in self.entries if e.type == "Organisation")

    def programmes(self) -> tuple[GazetteerEntry, ...]:
        """Entries of type Programme."""
        return tuple(e for e in self.entries if e.type == "Programme")


def _append_once(bucket: list[GazetteerEntry], e: GazetteerEntry) -> None:
    if not any(x is e for x in bucket):
        bucket.append(e)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def _rows(text: str, source: str, columns: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise GazetteerError(f"{source}:1: header must be {'<TAB>'.join(columns)}")
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(columns):
            raise GazetteerError(
                f"{source}:{lineno}: expected {len(columns)} tab-separated columns, found {len(cells)}"
            )
        row = dict(zip(columns, (c.strip() for c in cells), strict=True))
        if not row["name"]:
            raise GazetteerError(f"{source}:{lineno}: empty name")
        yield lineno, row


def _coord(value: str, axis: str, where: str) -> float | None:
    if not value:
        return None
    try:
        x = float(value)
    except ValueError:
        raise GazetteerError(f"{where}: {axis} {value!r} is not a number") from None
    lo, hi = UK_BOUNDS[axis]
    if not lo <= x <= hi:
        raise GazetteerError(f"{where}: {axis} {x} is outside the UK ({lo}..{hi})")
    return x


def parse_places(text: str, source: str = "places.tsv") -> list[GazetteerEntry]:
    """Parse a places TSV; raise :class:`GazetteerError` naming ``source`` and the line."""
    out = []
    for lineno, row in _rows(text, source, PLACE_COLUMNS):
        where = f"{source}:{lineno}"
        if row["subtype"] not in SUBTYPES["Place"]:
            raise GazetteerError(f"{where}: unknown place subtype {row['subtype']!r}")
        ids: list[tuple[str, str]] = []
        for code in _split(row["gss"]):
            if not GSS_RE.match(code):
                raise GazetteerError(f"{where}: bad GSS code {code!r}")
            ids.append(("gss", code))
        if row["iso3166_2"]:
            if not ISO_RE.match(row["iso3166_2"]):
                raise GazetteerError(f"{where}: bad ISO 3166-2 code {row['iso3166_2']!r}")
            ids.append(("iso3166-2", row["iso3166_2"]))
        if row["ambiguous"] not in ("0", "1"):
            raise GazetteerError(f"{where}: ambiguous must be 0 or 1, not {row['ambiguous']!r}")
        lat, long = _coord(row["lat"], "lat", where), _coord(row["long"], "long", where)
        if (lat is None) != (long is None):
            raise GazetteerError(f"{where}: give both lat and long or neither")
        out.append(
            GazetteerEntry(
                name=row["name"],
                type="Place",
                subtype=row["subtype"],
                ids=tuple(ids),
                aliases=_split(row["aliases"]),
                parent=row["parent"] or None,
                lat=lat,
                long=long,
                ambiguous=row["ambiguous"] == "1",
                homepage=None,
            )
        )
    return out


def parse_organisations(text: str, source: str = "organisations.tsv") -> list[GazetteerEntry]:
    """Parse an organisations TSV; raise :class:`GazetteerError` naming ``source`` and the line."""
    out = []
    for lineno, row in _rows(text, source, ORG_COLUMNS):
        where = f"{source}:{lineno}"
        if row["subtype"] not in SUBTYPES["Organisation"]:
            raise GazetteerError(f"{where}: unknown organisation subtype {row['subtype']!r}")
        ids = []
        if row["org_id"]:
            if not ORG_ID_RE.match(row["org_id"]):
                raise GazetteerError(f"{where}: bad org-id {row['org_id']!r}")
            ids.append(("org-id", row["org_id"]))
        if row["homepage"] and not row["homepage"].startswith(("https://", "http://")):
            raise GazetteerError(f"{where}: homepage must be an http(s) URL")
        out.append(
            GazetteerEntry(
                name=row["name"],
                type="Organisation",
                subtype=row["subtype"],
                ids=tuple(ids),
                aliases=_split(row["aliases"]),
                parent=None,
                lat=None,
                long=None,
                ambiguous=False,
                homepage=row["homepage"] or None,
            )
        )
    return out


def parse_programmes(text: str, source: str = "programmes.tsv") -> list[GazetteerEntry]:
    """Parse a programmes TSV; raise :class:`GazetteerError` naming ``source`` and the line."""
    out = []
    for lineno, row in _rows(text, source, PROGRAMME_COLUMNS):
        if row["subtype"] not in SUBTYPES["Programme"]:
            raise GazetteerError(f"{source}:{lineno}: unknown programme subtype {row['subtype']!r}")
        out.append(
            GazetteerEntry(
                name=row["name"],
                type="Programme",
                subtype=row["subtype"],
                ids=(),
                aliases=_split(row["aliases"]),
                parent=None,
                lat=None,
                long=None,
                ambiguous=False,
                homepage=None,
                owner=row["owner"] or None,
            )
        )
    return out


def _check(entries: list[GazetteerEntry]) -> None:
    names: set[tuple[str, str]] = set()
    ids: dict[tuple[str, str], str] = {}
    places = {e.name for e in entries if e.type == "Place"}
    for e in entries:
        if (e.type, e.name) in names:
            raise GazetteerError(f"duplicate {e.type.lower()} name {e.name!r}")
        names.add((e.type, e.name))
        for pair in e.ids:
            if pair in ids:
                raise GazetteerError(
                    f"{pair[0]} {pair[1]} is given to both {ids[pair]!r} and {e.name!r}"
                )
            ids[pair] = e.name
        if e.parent and e.parent not in places:
            raise GazetteerError(f"{e.name!r}: parent {e.parent!r} is not a place in the gazetteer")


def load_gazetteer_from(
    places: Path | None = None, organisations: Path | None = None, programmes: Path | None = None
) -> Gazetteer:
    """Load a gazetteer from explicit TSV paths (any may be None); checks cross-row rules."""
    entries: list[GazetteerEntry] = []
    for path, parse in ((places, parse_places), (organisations, parse_organisations), (programmes, parse_programmes)):
        if path is None:
            continue
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"{path}: cannot read gazetteer file ({exc})") from exc
        entries.extend(parse(text, str(path)))
    _check(entries)
    return Gazetteer(entries)


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Return the packaged gazetteer (places, organisations, programmes), loaded once and cached."""
    data = resources.files("graph") / "data"
    entries = parse_places(
        (data / "places.tsv").read_text(encoding="utf-8"), "graph/data/places.tsv"
    )
    entries += parse_organisations(
        (data / "organisations.tsv").read_text(encoding="utf-8"), "graph/data/organisations.tsv"
    )
    entries += parse_programmes(
        (data / "programmes.tsv").read_text(encoding="utf-8"), "graph/data/programmes.tsv"
    )
    _check(entries)
    return Gazetteer(entries)
