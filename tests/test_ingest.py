"""Ingestion: every format read into visible text, every bad input one clear InputError."""

from __future__ import annotations

import doctest
import hashlib
import importlib.util
import os
import random
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import graph.ingest
import graph.ingest_html
import graph.ingest_pdf
from graph.errors import InputError
from graph.ingest import (
    SUPPORTED,
    DocMeta,
    discover,
    load_metadata,
    normalise_text,
    read_document,
)
from graph.ingest_html import html_text

DOCS = Path(__file__).parent / "fixtures" / "docs"
TXT = DOCS / "creative-skills-pilot.txt"
MD = DOCS / "culture-compact.md"
HTML = DOCS / "library-makerspaces.html"
PDF = DOCS / "skills-bootcamps-report.pdf"
SUPPORTED_LIST = ".htm, .html, .markdown, .md, .pdf, .txt"


def error_of(path: Path, metadata: dict[str, DocMeta] | None = None) -> str:
    """The one-line message read_document raises for ``path``."""
    with pytest.raises(InputError) as info:
        read_document(path, metadata)
    message = str(info.value)
    assert "\n" not in message
    assert info.value.path == str(path)
    return message


# ----------------------------------------------------------------------------- formats


def test_txt_keeps_text_as_written():
    doc = read_document(TXT)
    raw = TXT.read_bytes()
    assert doc.format == "txt"
    assert doc.doc_id == "creative-skills-pilot"
    assert doc.file_name == "creative-skills-pilot.txt"
    assert doc.path == TXT.as_posix()
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.text == raw.decode("utf-8").strip("\n")
    # curly quotes and footnote markers are kept, not NFKC-normalised
    assert "£120,000.¹" in doc.text
    assert "Bolton’s young people call it “the Octagon offer”." in doc.text
    assert "  • Mentoring by local employers" in doc.text
    assert (doc.title, doc.publisher, doc.year) == (None, None, None)


def test_markdown_syntax_dropped_and_tables_kept():
    text = read_document(MD).text
    prose = text.replace('raw_code_kept = "as **is**"', "")
    assert text.startswith("Culture Compact for Greater Lincolnshire\n")
    assert "The Culture Compact is led by Lincolnshire County Council and supported by" in text
    assert "\nArts Council England.\n" in text  # link text kept, URL and title dropped
    for syntax in ("#", "**", "](", "artscouncil.org.uk", "cathedral.png", "draft: do not cite"):
        assert syntax not in prose
    assert "• Lincoln Museum\n• University of Lincoln\n• The Collection, Lincoln" in text
    assert (
        "Funder | Programme | Amount\n"
        "Arts Council England | Culture Compact | £50,000\n"
        "Lincolnshire County Council | Culture Compact | £25,000"
    ) in text
    assert "---" not in text
    assert 'raw_code_kept = "as **is**"' in text  # code fences kept verbatim
    assert "```" not in text
    assert (
        "Contact: culture@lincolnshire.gov.uk or see https://www.lincolnshire.gov.uk/culture."
        in text
    )


def test_markdown_front_matter_gives_metadata(tmp_path):
    p = tmp_path / "compact.md"
    p.write_text(
        '---\ntitle: "Culture Compact"\npublisher: Lincolnshire County Council\n'
        "date: 2024-05-01\ntags: [culture]\n---\n# Culture Compact\n\nBody text.\n",
        encoding="utf-8",
    )
    doc = read_document(p)
    assert doc.text == "Culture Compact\n\nBody text."
    assert (doc.title, doc.publisher, doc.year) == (
        "Culture Compact",
        "Lincolnshire County Council",
        2024,
    )


def test_markdown_emphasis_does_not_eat_snake_case_or_arithmetic():
    from graph.ingest import markdown_text

    assert markdown_text("file_name_here and 2 * 3 * 4") == "file_name_here and 2 * 3 * 4"
    assert markdown_text("_Skills_ and __Culture__ and ***Both***") == "Skills and Culture and Both"
    assert (
        markdown_text("Funded<sup>1</sup> by <b>ACE</b> & 3 < 4 > 2")
        == "Funded1 by ACE & 3 < 4 > 2"
    )
    assert markdown_text("Title\n=====\n\n> quoted [ref][1]\n\n[1]: https://x.org") == (
        "Title\n\n\nquoted ref\n"
    )


def test_html_visible_text_only():
    doc = read_document(HTML)
    text = doc.text
    assert doc.format == "html"
    assert text.startswith("Library makerspaces in Sunderland\n\n")
    # entities decoded, NBSP a plain space, inline elements do not break lines
    assert (
        "Sunderland City Council runs makerspaces in three libraries with "
        "Sunderland College & the Fab Lab network." in text
    )
    assert "• Young people learned laser cutting.\n• Adults gained digital skills." in text
    assert "Site | Visitors\nCity Library | 1,200\nWashington Library | 850" in text
    boilerplate = (
        "dataLayer", "trackPageView", "colour: red", "Skip to main content", "cookies",
        "LGA home", "Topics", "Events and webinars", "Case studies", "enable JavaScript",
        "Share this page", "Subscribe", "Libraries Taskforce", "©",
    )  # fmt: skip
    for junk in boilerplate:
        assert junk not in text, junk
    assert doc.title == "Library makerspaces in Sunderland | Local Government Association"
    assert doc.publisher == "Local Government Association"
    assert doc.year == 2023


def test_html_without_main_drops_boilerplate_by_id_class_and_role():
    page = HTML.read_text(encoding="utf-8")
    page = page.replace('<main id="content">', "<div>").replace("</main>", "</div>")
    page = page.replace("<body", '<body><div role="navigation">Sitemap</div><div')
    text, _ = html_text(page)
    assert "Sunderland City Council runs makerspaces" in text
    assert "City Library | 1,200" in text
    for junk in ("cookies", "Skip to main content", "Case studies", "Share this page", "Sitemap"):
        assert junk not in text, junk


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # an article's own header (title, date) is content; the site header and footers are not
        (
            "<header><a>Site</a></header><main><article><header><h1>Title</h1><p>1 May 2024</p>"
            "</header><p>Body.</p><footer>Tags: x</footer></article></main>",
            "Title\n\n1 May 2024\n\nBody.",
        ),
        # a listing page with several articles keeps every one of them
        (
            "<nav>Menu</nav><article><h2>A</h2><p>one</p></article><article><h2>B</h2><p>two</p></article>",
            "A\n\none\n\nB\n\ntwo",
        ),
        (
            '<div class="menu">Home</div><div role="main"><p>Main text.</p></div><p>Aside.</p>',
            "Main text.",
        ),
        # an empty <main> falls back to the page
        ("<body><main></main><p>Outside main.</p></body>", "Outside main."),
        # hidden elements and <pre> line breaks
        ("<p hidden>Secret</p><p aria-hidden='true'>Icon</p><pre>a\nb</pre>", "a\nb"),
    ],
)
def test_html_content_choice(page, expected):
    assert html_text(page)[0] == expected


def test_pdf_text_layer_dehyphenated():
    doc = read_document(PDF)
    text = doc.text
    assert doc.format == "pdf"
    assert text.startswith("Skills Bootcamps in Staffordshire\n")
    assert "helps adults move into skilled employment in digital" in text
    assert "new qualifications." in text
    # only lower-case word breaks are joined; real hyphens stay
    assert "Stoke-on-\nTrent College" in text
    assert "Newcastle-under-Lyme" in text
    assert "\n\nResults\n" in text  # pages joined by a blank line
    assert doc.title == "Skills Bootcamps in Staffordshire"
    assert doc.sha256 == hashlib.sha256(PDF.read_bytes()).hexdigest()


def test_pdf_fixture_matches_its_generator(tmp_path):
    spec = importlib.util.spec_from_file_location("make_pdf", DOCS / "make_pdf.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = tmp_path / "out.pdf"
    module.main()
    assert module.OUT.read_bytes() == PDF.read_bytes()


def test_metadata_overrides_what_the_document_says():
    meta = {HTML.name: DocMeta(title="Makerspaces", year=2024)}
    doc = read_document(HTML, meta)
    assert (doc.title, doc.publisher, doc.year) == (
        "Makerspaces",
        "Local Government Association",
        2024,
    )


def test_text_rules_on_a_messy_txt(tmp_path):
    p = tmp_path / "messy.txt"
    p.write_bytes(
        "\ufeffArts\u00a0Council\u202fEngland\u2007funds\u200b the\u00ad Hub.   \r\n"
        "Line two\t\r\rafter\n\n\n\n\n\nfar\r\n".encode()
    )
    assert (
        read_document(p).text == "Arts Council England funds the Hub.\nLine two\n\nafter\n\n\nfar"
    )


# ----------------------------------------------------------------------------- bad inputs


def test_missing_path(tmp_path):
    p = tmp_path / "nope.txt"
    assert error_of(p) == f"{p}: no such file or folder"
    files, errors = discover([p])
    assert files == [] and [str(e) for e in errors] == [f"{p}: no such file or folder"]


def test_impossible_paths_are_input_errors_not_crashes(tmp_path):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    under_a_file = tmp_path / "file.txt" / "inner.txt"
    bad_paths = [under_a_file, Path("nul\x00name.txt"), tmp_path / ("x" * 300 + ".txt")]
    files, errors = discover(bad_paths)
    assert files == []
    assert [str(e) for e in errors] == [
        f"{under_a_file}: no such file or folder",
        "nul\x00name.txt: invalid file name",
        f"{bad_paths[2]}: cannot read (file name too long)",
    ]
    assert error_of(under_a_file) == f"{under_a_file}: no such file or folder"
    assert error_of(Path("nul\x00name.txt")) == "nul\x00name.txt: invalid file name"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path):
    p = tmp_path / "locked.txt"
    p.write_text("secret", encoding="utf-8")
    p.chmod(0)
    try:
        assert error_of(p) == f"{p}: cannot read (permission denied)"
    finally:
        p.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_fifo_is_not_read(tmp_path):
    """A FIFO would block a naive read forever; it is refused (works as root too)."""
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    assert error_of(p) == f"{p}: not a regular file"


def test_folder_named_like_a_file(tmp_path):
    p = tmp_path / "report.txt"
    p.mkdir()
    assert error_of(p) == f"{p}: is a folder, not a file"


def test_unsupported_extension(tmp_path):
    p = tmp_path / "report.docx"
    p.write_bytes(b"PK\x03\x04")
    expected = f"{p}: unsupported file type '.docx' (supported: {SUPPORTED_LIST})"
    assert error_of(p) == expected
    assert [str(e) for e in discover([p])[1]] == [expected]
    bare = tmp_path / "README"
    bare.write_text("x", encoding="utf-8")
    assert (
        error_of(bare)
        == f"{bare}: unsupported file type (no extension) (supported: {SUPPORTED_LIST})"
    )


def test_empty_file(tmp_path):
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    assert error_of(p) == f"{p}: empty file"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("blank.txt", " \n\t\r\n\u00a0\u200b\n"),
        ("blank.md", "<!-- only a comment -->\n\n---\n"),
        (
            "blank.html",
            "<html><head><title>T</title><script>var a = 1;</script></head><body> </body></html>",
        ),
    ],
)
def test_no_visible_text(tmp_path, name, content):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    assert error_of(p) == f"{p}: no visible text"


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Arts Council\nCaf\u00e9 culture".encode("latin-1"))
    assert error_of(p) == f"{p}: invalid UTF-8 at byte 16 (line 2, byte 0xe9); save it as UTF-8"


def test_utf16_and_binary_files(tmp_path):
    p = tmp_path / "utf16.txt"
    p.write_bytes("Arts Council England".encode("utf-16"))
    assert error_of(p) == f"{p}: UTF-16 text, not UTF-8; save it as UTF-8"
    q = tmp_path / "image.html"
    q.write_bytes(b"GIF89a\x01\x00\x01\x00")
    assert error_of(q) == f"{q}: binary file (NUL byte at byte 7), not text"


def test_corrupt_pdf_random_bytes(tmp_path, capsys, caplog):
    p = tmp_path / "random.pdf"
    p.write_bytes(random.Random(0).randbytes(4096))
    assert error_of(p) == f"{p}: corrupt PDF: no %PDF header (not a PDF file?)"
    q = tmp_path / "garbage.pdf"
    q.write_bytes(b"%PDF-1.4\n" + random.Random(1).randbytes(4096) + b"\n%%EOF\n")
    assert error_of(q).startswith(f"{q}: corrupt PDF: ")
    assert capsys.readouterr().err == ""
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_truncated_pdf(tmp_path, capsys, caplog):
    p = tmp_path / "truncated.pdf"
    p.write_bytes(PDF.read_bytes()[:1200])
    assert error_of(p) == f"{p}: corrupt PDF: truncated (no %%EOF end marker)"
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def _pdf(path: Path, *, text: str | None, user_password: str | None = None) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    encrypt = None
    if user_password is not None:
        encrypt = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner")
    c = canvas.Canvas(str(path), encrypt=encrypt, invariant=1)
    if text:
        c.drawString(72, 700, text)
    else:
        c.rect(72, 72, 300, 400, fill=1)  # a "scan": marks on the page but no text
    c.showPage()
    c.save()
    return path


def test_pdf_ligatures_spelt_out(tmp_path):
    from graph.ingest_pdf import LIGATURES

    assert "ﬁnance for ﬂagship oﬃces".translate(LIGATURES) == "finance for flagship offices"


def test_scanned_pdf_without_text_layer(tmp_path):
    p = _pdf(tmp_path / "scan.pdf", text=None)
    assert error_of(p) == f"{p}: no text layer (scanned?)"


def test_encrypted_pdf(tmp_path):
    p = _pdf(tmp_path / "locked.pdf", text="Arts Council England", user_password="secret")
    assert error_of(p) == f"{p}: encrypted PDF (remove the password and try again)"
    # owner-password-only PDFs open with an empty user password and are read
    q = _pdf(tmp_path / "restricted.pdf", text="Arts Council England", user_password="")
    assert read_document(q).text == "Arts Council England"


def test_aes_encrypted_pdfs(tmp_path):
    from pypdf import PdfWriter

    def encrypted(name: str, user_password: str) -> Path:
        writer = PdfWriter(clone_from=PDF)
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
        writer.write(tmp_path / name)
        return tmp_path / name

    # restrictions only (empty user password), as many published reports are: readable
    assert read_document(encrypted("open.pdf", "")).text == read_document(PDF).text
    p = encrypted("locked.pdf", "secret")
    assert error_of(p) == f"{p}: encrypted PDF (remove the password and try again)"


# ----------------------------------------------------------------------------- discovery


def test_discover_nested_folders(tmp_path):
    root = tmp_path / "docs"
    for rel in (
        "b.txt", "a.md", "Z.htm", "data.json", "logo.png", "metadata.toml", ".hidden.txt",
        "sub/c.html", "sub/deeper/d.pdf", "sub/notes.toml", ".git/e.txt", "sub/.cache/f.md",
    ):  # fmt: skip
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    files, errors = discover([root])
    assert errors == []
    assert [p.relative_to(root).as_posix() for p in files] == [
        "Z.htm", "a.md", "b.txt", "sub/c.html", "sub/deeper/d.pdf",
    ]  # fmt: skip
    assert all(str(p).startswith(str(root)) for p in files)  # paths as given, not resolved


def test_discover_explicit_files_dedupe_and_report(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    (tmp_path / "metadata.toml").write_text("", encoding="utf-8")
    files, errors = discover(
        [
            tmp_path / "a.txt",
            tmp_path,
            str(tmp_path / "b.json"),
            tmp_path / "metadata.toml",
            tmp_path / "gone.md",
        ]
    )
    assert files == [tmp_path / "a.txt"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'b.json'}: unsupported file type '.json' (supported: {SUPPORTED_LIST})",
        f"{tmp_path / 'gone.md'}: no such file or folder",
    ]


def test_supported_extensions():
    assert SUPPORTED == {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}


# ----------------------------------------------------------------------------- metadata


def test_load_metadata(tmp_path):
    assert load_metadata(tmp_path) == {}
    (tmp_path / "metadata.toml").write_text(
        '[documents."report.txt"]\ntitle = "Regional Insights"\npublisher = "Social Mobility Commission"\n'
        'year = 2025\nsource_url = "https://example.org/r"\n\n[documents."other.md"]\n',
        encoding="utf-8",
    )
    meta = load_metadata(tmp_path)
    assert meta == {
        "report.txt": DocMeta(
            "Regional Insights", "Social Mobility Commission", 2025, "https://example.org/r"
        ),
        "other.md": DocMeta(),
    }
    (tmp_path / "report.txt").write_text("Some text.", encoding="utf-8")
    doc = read_document(tmp_path / "report.txt", meta)
    assert (doc.title, doc.publisher, doc.year) == (
        "Regional Insights",
        "Social Mobility Commission",
        2025,
    )


def test_malformed_metadata_names_file_and_line(tmp_path):
    path = tmp_path / "metadata.toml"
    path.write_text('[documents."a.txt"]\ntitle = "ok"\nyear 2025\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_metadata(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{path}: invalid TOML: ")
    assert "line 3" in message and "\n" not in message


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('[documents."a.txt"]\ntitel = "x"\n', 'unknown key "titel" in documents."a.txt"'),
        ('[documents."a.txt"]\nyear = "2025"\n', 'documents."a.txt".year must be int'),
        ('[documents."a.txt"]\ntitle = 3\n', 'documents."a.txt".title must be str'),
        ('title = "x"\n', 'expected only [documents."<file name>"] tables'),
        ('[documents."a.txt"]\nyear = 25\n', 'documents."a.txt".year must be a four-digit year'),
    ],
)
def test_metadata_with_wrong_keys(tmp_path, body, problem):
    (tmp_path / "metadata.toml").write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_metadata(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'metadata.toml'}: {problem}")


def test_seed_metadata_loads(root):
    meta = load_metadata(root / "seeds")
    seeds = {p.name for p in (root / "seeds").glob("*.txt")}
    assert set(meta) <= seeds
    assert meta["smc-regional-insights-2025.txt"].publisher == "Social Mobility Commission"


# ----------------------------------------------------------------------------- properties

_DROPPED = {"\u200b", "\u00ad", "\ufeff"}
_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\r", "\n", " ", "\u00a0", "\u202f", "\u2007", *_DROPPED, "¹", "’"]),
    ),
    max_size=200,
)


def _visible(text: str) -> list[str]:
    return [c for c in text if not c.isspace() and c not in _DROPPED]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text)
def test_txt_reading_loses_no_content(original):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "doc.txt"
        p.write_bytes(original.encode("utf-8"))
        if "\x00" in original:
            with pytest.raises(InputError, match="binary file"):
                read_document(p)
            return
        if not _visible(original):
            with pytest.raises(InputError):
                read_document(p)
            return
        text = read_document(p).text
    assert _visible(text) == _visible(original)
    assert "\r" not in text and "\n\n\n\n" not in text
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert normalise_text(text) == text  # idempotent


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/=\"' abpditrlu-&;#!")) | st.characters(codec="utf-8"),
        max_size=120,
    )
)
def test_html_never_crashes(src):
    text, found = html_text(src)
    assert isinstance(text, str) and isinstance(found, dict)


# ----------------------------------------------------------------------------- docs and pipeline


@pytest.mark.parametrize("module", [graph.ingest, graph.ingest_html, graph.ingest_pdf])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_pipeline_reads_the_fixture_folder(tmp_path):
    from graph.pipeline import read_documents

    folder = tmp_path / "in"
    shutil.copytree(DOCS, folder, ignore=shutil.ignore_patterns("*.py"))
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    (folder / "copy").mkdir()
    shutil.copy(TXT, folder / "copy" / TXT.name)
    docs, errors = read_documents([folder])
    assert sorted(d.format for d in docs) == ["html", "md", "pdf", "txt", "txt"]
    assert len({d.doc_id for d in docs}) == 5
    assert [str(e) for e in errors] == [
        f"{folder / 'broken.pdf'}: corrupt PDF: no %PDF header (not a PDF file?)"
    ]
