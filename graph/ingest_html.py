"""Visible text of an HTML page with selectolax (lexbor): content kept, boilerplate dropped.

Scripts, styles, navigation, headers, footers, asides, forms, cookie banners
and share widgets go; ``<main>`` or ``<article>`` is preferred when present.
Block elements become line breaks, list items get a "• " prefix and table
cells are joined with " | " so a row stays on one line.

>>> html_text("<nav><a href='/'>Home</a></nav><main><h1>Report</h1><ul><li>Arts</li></ul>"
...           "<table><tr><td>Bury</td><td>£5m</td></tr></table></main>")[0]
'Report\\n\\n• Arts\\n\\nBury | £5m'
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as _Parser

#: Elements never shown as page content.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "header",
    "footer", "aside", "form", "button", "select", "object", "canvas", "dialog",
)  # fmt: skip

#: Words in an element's id, class or role that mark it as boilerplate.
BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|cookies?|consent|banner|"
    r"skip-?link|skip|share|sharing|social-share|footer|sidebar)(?:$|[\s_-])",
    re.I,
)

_PARAGRAPH = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre",
    "section", "article", "main", "figure", "address", "details", "hr",
}  # fmt: skip
_LINE = {
    "div", "li", "tr", "br", "dt", "dd", "caption", "figcaption", "summary", "thead", "tbody",
    "tfoot", "legend", "fieldset", "center", "body",
}  # fmt: skip
_CELL = {"td", "th"}
_KEEP_ALWAYS = {"html", "body", "main", "article"}
_WS = re.compile(r"[ \t\n\r\f\v]+")
# Break marks used while rendering (control characters never shown in a page).
_LINE_MARK, _PARA_MARK = "\x00", "\x01"
_NO_MARKS = str.maketrans({_LINE_MARK: None, _PARA_MARK: None})


def html_text(src: str) -> tuple[str, dict[str, object]]:
    """Return the visible text of an HTML document and its title/publisher/year from meta tags."""
    tree = _Parser(src)
    found = _meta(tree)
    page = tree.body or tree.root
    articles = tree.css("article")
    # <main> (or role="main"), or the one <article> (a listing page of several articles keeps them all)
    main = tree.css_first("main") or tree.css_first('[role="main"]')
    content = main or (articles[0] if len(articles) == 1 else None)
    text = _render(content) if content is not None else ""
    if not text.strip() and page is not None:
        text = _render(page)  # no main/article, or an empty one: the whole page
    return text, found


def _skipped(node, in_content: bool) -> bool:  # noqa: ANN001 - selectolax node type
    """Is this element boilerplate (by tag, or by id/class/role that is not a content wrapper)?

    A ``<header>`` inside ``<main>``/``<article>`` is the article's own header
    (its title, its date), so it is kept; the page's header is dropped.
    """
    tag = node.tag
    if tag == "header" and in_content:
        return False
    if tag in _DROP:
        return True
    if tag in _KEEP_ALWAYS:
        return False
    attrs = node.attributes
    if "hidden" in attrs or str(attrs.get("aria-hidden") or "").lower() == "true":
        return True
    role = str(attrs.get("role") or "").lower()
    names = [str(attrs.get("id") or ""), role, *str(attrs.get("class") or "").split()]
    marked = role in _BOILERPLATE_ROLES or any(
        BOILERPLATE.search(name) and not _MODIFIER.match(name) for name in names
    )
    # a wrapper such as <div class="page with-nav"> around the page content is kept
    return marked and node.css_first("main, article, h1") is None


_DROP = frozenset(DROP_TAGS)
_BOILERPLATE_ROLES = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
}  # fmt: skip
_MODIFIER = re.compile(r"(?:has|with|no|is|show|hide)[-_]", re.I)


def _render(root) -> str:  # noqa: ANN001
    out: list[str] = []
    cells: list[int] = []  # per open table row: number of cells seen
    in_cell = 0
    pre = 0
    in_content = 0  # open <main>/<article> elements
    stack: list[tuple[object, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag  # type: ignore[attr-defined]
        if tag == "-text":
            text = (node.text_content or "").translate(_NO_MARKS)  # type: ignore[attr-defined]
            out.append(text.replace("\n", _LINE_MARK) if pre else _WS.sub(" ", text))
            continue
        if tag.startswith("-") or tag == "!doctype":
            continue  # comments and other non-element nodes
        if entering:
            if _skipped(node, in_content > 0):
                continue
            if tag in ("main", "article"):
                in_content += 1
            if tag in _CELL:
                if cells and cells[-1] > 0:
                    out.append(" | ")
                if cells:
                    cells[-1] += 1
                in_cell += 1
            elif tag == "tr":
                out.append(_LINE_MARK)
                cells.append(0)
            else:
                out.append(_break(tag, in_cell))
            if tag == "li":
                out.append("• ")
            if tag == "pre":
                pre += 1
            stack.append((node, False))
            children = []
            child = node.child  # type: ignore[attr-defined]
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend((c, True) for c in reversed(children))
        else:
            if tag in ("main", "article"):
                in_content -= 1
            if tag in _CELL:
                in_cell -= 1
            elif tag == "tr":
                if cells:
                    cells.pop()
                out.append(_LINE_MARK)
            else:
                out.append(_break(tag, in_cell))
            if tag == "pre":
                pre -= 1
    return _tidy("".join(out))


def _break(tag: str, in_cell: int) -> str:
    if tag in _PARAGRAPH:
        return " " if in_cell else _PARA_MARK
    if tag in _LINE:
        return " " if in_cell else _LINE_MARK
    return ""


def _breaks(m: re.Match[str]) -> str:
    return "\n\n" if _PARA_MARK in m.group(0) else "\n"


def _tidy(text: str) -> str:
    """Turn break marks (and the spaces around them) into one line break or one blank line."""
    text = re.sub(
        f"[ {_LINE_MARK}{_PARA_MARK}]*[{_LINE_MARK}{_PARA_MARK}][ {_LINE_MARK}{_PARA_MARK}]*",
        _breaks,
        text,
    )
    text = re.sub(r"^•\s*$", "", text, flags=re.M)  # an empty list item
    text = re.sub(r"\n{3,}", "\n\n", text)
    return re.sub(r" {2,}", " ", text).strip()


_META_TITLE = ("og:title", "dc.title", "dcterms.title", "citation_title")
_META_PUBLISHER = (
    "dc.publisher",
    "dcterms.publisher",
    "publisher",
    "citation_publisher",
    "og:site_name",
)
_META_DATE = (
    "dcterms.issued", "dc.date.issued", "citation_publication_date", "article:published_time",
    "dc.date", "dcterms.date", "date",
)  # fmt: skip


def _meta(tree) -> dict[str, object]:  # noqa: ANN001
    metas: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = str(attrs.get("name") or attrs.get("property") or "").strip().lower()
        content = " ".join(str(attrs.get("content") or "").split())
        if key and content and key not in metas:
            metas[key] = content
    found: dict[str, object] = {}
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node is not None else ""
    title = title or next((metas[k] for k in _META_TITLE if k in metas), "")
    if title:
        found["title"] = title
    publisher = next((metas[k] for k in _META_PUBLISHER if k in metas), "")
    if publisher:
        found["publisher"] = publisher
    for key in _META_DATE:
        m = re.match(r"\s*((?:19|20)\d\d)\b", metas.get(key, ""))
        if m:
            found["year"] = int(m.group(1))
            break
    return found
