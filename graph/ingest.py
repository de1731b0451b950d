"""Ingestion: files and folders in, typed :class:`~graph.records.Document` records out.

Supported formats are plain text, Markdown, HTML and PDF (with a text layer).
Every document becomes *visible text* normalised the same way
(:func:`normalise_text`); character offsets of evidence sentences refer to
that text, so what this module returns *is* the document for evidence
purposes. Every way a file can be bad (missing, unreadable, unsupported,
empty, not UTF-8, corrupt or scanned PDF) raises one
:class:`~graph.errors.InputError` whose message is ``"<path>: <problem>"``.

>>> normalise_text("Arts\\u00a0Council  \\r\\nEngland\\u200b")
'Arts Council\\nEngland'
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputError
from graph.ingest_html import html_text
from graph.ingest_pdf import pdf_text
from graph.iri import slugify
from graph.records import Document

#: File extensions read as documents, and the format each one is read as.
FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
SUPPORTED = set(FORMATS)

#: Name of the optional per-folder metadata file.
METADATA_FILE = "metadata.toml"


@dataclass(frozen=True, slots=True)
class DocMeta:
    """Metadata for one document from a folder's ``metadata.toml`` (all optional)."""

    title: str | None = None
    publisher: str | None = None
    year: int | None = None
    source_url: str | None = None


# --------------------------------------------------------------------------- discovery


def discover(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders into the document files to read.

    Folders are walked recursively in sorted order; hidden files and folders
    (names starting with ".") and ``metadata.toml`` are skipped, and so are
    unsupported files inside folders. A missing path, or an unsupported file
    named explicitly, becomes an :class:`InputError` in the second list.
    Each file is returned once, in the order first found.

    >>> discover(["no/such/folder"])[1][0].args[0]
    'no/such/folder: no such file or folder'
    """
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = Path(os.path.abspath(p))
        if key not in seen:
            seen.add(key)
            files.append(p)

    for raw in paths:
        p = Path(raw)
        try:
            mode = p.stat().st_mode
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            errors.append(InputError(p, _os_problem(exc)))
            continue
        if stat.S_ISDIR(mode):
            for found in _walk(p, errors):
                add(found)
        elif p.name == METADATA_FILE:
            continue
        elif p.suffix.lower() not in SUPPORTED:
            errors.append(InputError(p, _unsupported(p)))
        else:
            add(p)
    return files, errors


def _walk(folder: Path, errors: list[InputError]) -> Iterator[Path]:
    found: list[Path] = []

    def failed(exc: OSError) -> None:
        errors.append(InputError(exc.filename, f"cannot read folder ({_os_reason(exc)})"))

    for top, dirs, names in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith(".") or name == METADATA_FILE:
                continue
            if Path(name).suffix.lower() in SUPPORTED:
                found.append(Path(top, name))
    yield from sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _unsupported(path: Path) -> str:
    kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
    return f"unsupported file type {kind} (supported: {', '.join(sorted(SUPPORTED))})"


# --------------------------------------------------------------------------- metadata


def load_metadata(folder: Path) -> dict[str, DocMeta]:
    """Read ``<folder>/metadata.toml`` if it exists; map file names to :class:`DocMeta`.

    The file holds one table per document::

        [documents."report.txt"]
        title = "Regional Insights"
        publisher = "Social Mobility Commission"
        year = 2025
        source_url = "https://example.org/report"

    Raises:
        InputError: the file is not valid TOML (the message gives the line),
            or has an unknown key or a value of the wrong type.
    """
    path = Path(folder) / METADATA_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None
    docs = data.get("documents", {})
    extra = sorted(set(data) - {"documents"})
    if extra or not isinstance(docs, dict):
        raise InputError(path, 'expected only [documents."<file name>"] tables')
    out: dict[str, DocMeta] = {}
    for name, table in docs.items():
        if not isinstance(table, dict):
            raise InputError(path, f'documents."{name}" must be a table')
        for key, value in table.items():
            want = int if key == "year" else str
            if key not in DocMeta.__slots__:
                allowed = ", ".join(DocMeta.__slots__)
                raise InputError(
                    path, f'unknown key "{key}" in documents."{name}" (allowed: {allowed})'
                )
            if not isinstance(value, want) or isinstance(value, bool):
                raise InputError(path, f'documents."{name}".{key} must be {want.__name__}')
            if key == "year" and isinstance(value, int) and not 1000 <= value <= 2999:
                raise InputError(path, f'documents."{name}".year must be a four-digit year')
        out[name] = DocMeta(**table)
    return out


# --------------------------------------------------------------------------- reading


def read_document(path: Path, metadata: Mapping[str, DocMeta] | None = None) -> Document:
    """Read one file into a :class:`~graph.records.Document`.

    ``doc_id`` is a slug of the file stem (the pipeline makes it unique);
    ``path`` is the path as given; ``sha256`` is of the raw bytes; title,
    publisher and year come from ``metadata`` (keyed by file name) when
    present, else from the document itself (HTML ``<title>``/meta tags, PDF
    document info), else ``None``.

    Raises:
        InputError: missing, unreadable or not a regular file; unsupported
            extension; empty or no visible text; invalid UTF-8 (with the byte
            offset); corrupt, encrypted or scanned (text-less) PDF.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, _unsupported(path))
    data = _read_bytes(path)
    if not data:
        raise InputError(path, "empty file")
    found: dict[str, object] = {}
    if fmt == "pdf":
        text, found = pdf_text(data, path)
    else:
        src = _decode(data, path)
        if fmt == "md":
            src, found = front_matter(src)
            text = markdown_text(src)
        elif fmt == "html":
            text, found = html_text(src)
        else:
            text = src
    text = normalise_text(text)
    if fmt == "pdf" and not text.strip():
        raise InputError(path, "no text layer (scanned?)")
    if not text.strip():
        raise InputError(path, "no visible text")
    meta = (metadata or {}).get(path.name, DocMeta())
    title = meta.title or found.get("title")
    publisher = meta.publisher or found.get("publisher")
    year = meta.year or found.get("year")
    return Document(
        doc_id=slugify(path.stem),
        path=path.as_posix(),
        file_name=path.name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        title=title if isinstance(title, str) else None,
        publisher=publisher if isinstance(publisher, str) else None,
        year=year if isinstance(year, int) else None,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError) as exc:
        raise InputError(path, _os_problem(exc)) from None
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise InputError(path, "not a regular file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None


def _os_problem(exc: OSError | ValueError) -> str:
    if isinstance(exc, ValueError):
        return "invalid file name"
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return "no such file or folder"
    if isinstance(exc, PermissionError):
        return "cannot read (permission denied)"
    return f"cannot read ({_os_reason(exc)})"


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _decode(data: bytes, path: Path) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(path, "UTF-16 text, not UTF-8; save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start]
        raise InputError(
            path,
            f"invalid UTF-8 at byte {exc.start} (line {line}, byte 0x{bad:02x}); save it as UTF-8",
        ) from None
    if "\x00" in text:
        raise InputError(path, f"binary file (NUL byte at byte {data.index(0)}), not text")
    return text


# --------------------------------------------------------------------------- text rules

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_INVISIBLE = str.maketrans({"\u200b": None, "\u00ad": None, "\ufeff": None})
_MANY_BLANKS = re.compile(r"\n{4,}")


def normalise_text(text: str) -> str:
    """Normalise visible text the same way for every format.

    Line endings become "\\n"; no-break, narrow no-break and figure spaces
    become plain spaces; zero-width spaces, soft hyphens and BOMs are dropped;
    trailing whitespace on each line is stripped; 3 or more blank lines
    collapse to 2; blank lines at the start and end go. Everything else
    (curly quotes, footnote markers, accents) is kept as it is: no NFKC.

    >>> normalise_text("a\\u00adb \\n\\n\\n\\n\\nc\\r")
    'ab\\n\\n\\nc'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_SPACES).translate(_INVISIBLE)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _MANY_BLANKS.sub("\n\n\n", text).strip("\n")


# --------------------------------------------------------------------------- markdown

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(
    r"\[([^\]]+)\]\((?:[^()\s]+|\([^)]*\))*(?:\s+\"[^\"]*\")?\)|\[([^\]]+)\]\[[^\]]*\]"
)
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?=\S)")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_STRONG = re.compile(r"(?<![\w*\\])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_EM = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])(.+?)(?<=[^\s\\])\1(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_INLINE_HTML = re.compile(
    r"</?(?:a|abbr|b|br|code|em|i|kbd|mark|small|span|strong|sub|sup|u)\b[^<>]*>", re.I
)
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^(title|publisher|year|date)[ \t]*:[ \t]*(.+?)[ \t]*$", re.M | re.I)


def front_matter(src: str) -> tuple[str, dict[str, object]]:
    """Split YAML front matter (``---`` ... ``---``) off a Markdown file.

    Only the simple ``title:``, ``publisher:`` and ``year:``/``date:`` keys
    are read (no YAML library: one key per line, optional quotes).

    >>> front_matter("---\\ntitle: 'Culture Compact'\\ndate: 2024-05-01\\n---\\n# Body")
    ('# Body', {'title': 'Culture Compact', 'year': 2024})
    """
    m = _FRONT.match(src.lstrip("\ufeff"))
    if not m:
        return src, {}
    found: dict[str, object] = {}
    for key, value in _FRONT_KEY.findall(m.group(1)):
        key, value = key.lower(), value.strip("\"'").strip()
        if key in ("year", "date"):
            year = re.match(r"(1\d|2\d)\d\d\b", value)
            if year and "year" not in found:
                found["year"] = int(year.group(0))
        elif value:
            found[key] = value
    return src.lstrip("\ufeff")[m.end() :], found


def markdown_text(src: str) -> str:
    """Drop Markdown syntax that is not content; keep the words, lists and table rows.

    Heading hashes, emphasis markers, link and image syntax, HTML comments,
    inline HTML tags (``<sup>``, ``<br>``...) and horizontal rules go; bullets become "• "; table rows become cells
    joined by " | "; fenced code is kept verbatim (without the fences).

    >>> markdown_text("# Title\\n\\n- **Arts** [Council](https://x.org)\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |")
    'Title\\n\\n• Arts Council\\n\\na | b\\n1 | 2'
    """
    src = _COMMENT.sub("", src.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str | None] = []
    fenced = False
    for line in src.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            out.append(line)
            continue
        out.append(_markdown_line(line))
    return "\n".join(line for line in out if line is not None)


def _markdown_line(line: str) -> str | None:
    """One line outside code fences; ``None`` drops the line entirely."""
    if _TABLE_SEP.match(line) and "-" in line and ("|" in line or line.strip().startswith(":")):
        return None
    if _REFDEF.match(line):
        return None
    if _RULE.match(line):
        return ""
    line = _QUOTE.sub("", line)
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _BULLET.sub(r"\1• ", line)
    line = _IMAGE.sub("", line)
    line = _INLINE_HTML.sub("", line)
    line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    for _ in range(2):  # nested emphasis: ***x***, **_x_**
        line = _STRONG.sub(r"\2", line)
        line = _EM.sub(r"\2", line)
    stripped = line.strip()
    if stripped.startswith("|") or (stripped.endswith("|") and "|" in stripped[:-1]):
        cells = [c.strip() for c in _split_cells(stripped.strip("|"))]
        if not any(cells):
            return None
        line = " | ".join(cells)
    return _ESCAPE.sub(r"\1", line)


def _split_cells(row: str) -> list[str]:
    # split on "|" that is not escaped as "\|"
    return [c.replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row)]
