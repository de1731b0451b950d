"""Write ``graph/data/given_names.txt``: people's given names (run once, by hand).

The source is the US Census Bureau's 1990 frequency lists of first names
(public domain; 1,219 male and 4,275 female names), as shipped in the ``names``
0.3.0 package (``dist.male.first``, ``dist.female.first``). It is read at build
time only, never at run time:

    uv run --with names==0.3.0 python scripts/build_given_names.py

The extractor uses the list for one thing: a two- or three-word name that
starts with a given name and has no organisation, programme or place word in it
("Tom Jago" in "with Tom Jago, Falmouth Makers Guild") is a person, so a slot
that would make an unknown name an organisation ("with X, Y") leaves it alone.
One lower-case name per line, sorted; lines starting with ``#`` are comments.
"""

from __future__ import annotations

import os
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "graph" / "data" / "given_names.txt"


def main() -> None:
    import names  # type: ignore[import-not-found]

    here = os.path.dirname(names.__file__)
    found: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(here, part), encoding="ascii") as fh:
            for line in fh:
                if line.strip():
                    found.add(line.split()[0].lower())
    header = (
        "# Given names: US Census Bureau 1990 first-name frequency lists (public domain),\n"
        "# as shipped in the `names` 0.3.0 package; written by scripts/build_given_names.py.\n"
    )
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(header + "".join(f"{n}\n" for n in sorted(found)), encoding="utf-8")
    os.replace(tmp, OUT)
    print(f"{len(found)} names -> {OUT}")


if __name__ == "__main__":
    main()
