"""PDF text layer via pypdf: pages joined by a blank line, line-end hyphenation undone.

Ligature characters some fonts emit ("ﬁ", "ﬂ") are spelt out so names match
(this is the only PDF-specific character change; see :data:`LIGATURES`).

Every failure of pypdf becomes one :class:`~graph.errors.InputError`; pypdf's
own log messages and warnings are silenced while reading so the user sees
only that one line.

>>> dehyphenate("employ-\\nment and Stoke-on-\\nTrent")
'employment and Stoke-on-\\nTrent'
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

from graph.errors import InputError

#: Typographic ligatures some PDF fonts emit as one character ("ﬁnance").
LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_BROKEN = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w)")


def dehyphenate(text: str) -> str:
    """Join words broken across a line end ("employ-\\nment") when both parts are lower-case letters."""

    def join(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if a.isalpha() and a.islower() and b.isalpha() and b.islower():
            return a + b
        return m.group(0)

    return _BROKEN.sub(join, text)


@contextlib.contextmanager
def quiet_pypdf() -> Iterator[None]:
    """Silence the ``pypdf`` loggers (its modules log to children of "pypdf") and warnings."""
    logger = logging.getLogger("pypdf")
    old_level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(old_level)


def pdf_text(data: bytes, path: Path) -> tuple[str, dict[str, object]]:
    """Return the text layer of a PDF and what its document info says (title, publisher).

    Raises:
        InputError: not a PDF, corrupt, encrypted, or no text layer (scanned).
    """
    from pypdf import PdfReader

    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(path, "corrupt PDF: no %PDF header (not a PDF file?)")
    with quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    ok = bool(reader.decrypt(""))
                except Exception:  # noqa: BLE001 - missing crypto backend, bad handler...
                    ok = False
                if not ok:
                    raise InputError(path, "encrypted PDF (remove the password and try again)")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = _info(reader)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf raises many exception types
            reason = "truncated (no %%EOF end marker)" if b"%%EOF" not in data else _reason(exc)
            raise InputError(path, f"corrupt PDF: {reason}") from None
    if not pages:
        raise InputError(path, "corrupt PDF: no pages")
    text = "\n\n".join(p.strip("\n") for p in pages)
    text = "\n".join(
        line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )
    return dehyphenate(text.translate(LIGATURES)), info


def _info(reader: object) -> dict[str, object]:
    meta = getattr(reader, "metadata", None)
    if not meta:
        return {}
    found: dict[str, object] = {}
    title = str(meta.get("/Title") or "").strip()
    if title and not title.lower().startswith(("microsoft word", "untitled")):
        found["title"] = title
    publisher = str(meta.get("/Publisher") or "").strip()
    if publisher:
        found["publisher"] = publisher
    return found


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
