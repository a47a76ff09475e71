"""Markdown articles as plain text: the words a reader sees, none of the markup.

The markdown is parsed into tokens by markdown-it-py (CommonMark, with GitHub's tables and
strikethrough, and footnotes from mdit-py-plugins), and each block becomes one paragraph of the text, blank-line separated, so
that the sentence splitter never joins two blocks:

- a heading is its own paragraph, as written (no full stop added: the metadata reader takes
  a leading one as the headline, as in a text file);
- emphasis, strikethrough, code spans and links are reduced to their words (a link keeps
  its text, not its URL; an autolink, whose text is its URL, is dropped); an image in
  running text is its alt text, a paragraph of images only (a figure) is dropped;
- raw HTML is reduced to its text (tags, comments, scripts and styles dropped);
- each list item (and each paragraph of a loose item) is a sentence of its own, given a
  full stop when it ends without punctuation; the list markers, numbers included, are gone;
- block quotes keep their words; a fenced code block is dropped (code is not prose, and its
  numbers are not claims), but a block indented four spaces is read as prose (in an article
  it is far more often text indented by accident than code), and so is a fence left unclosed
  (it would hide the rest of the article); a thematic break leaves nothing;
- a table row is one sentence that names its columns: ``| Cost | 2023 | 2024 |`` over
  ``| Fire | $201M | $209M |`` reads ``Fire — 2023: $201M; 2024: $209M.`` (a header word
  followed by a colon: the number parser takes ``Officers: 1,200`` as a figure, not
  ``Officers 1,200``, which reads like a name and a number);
- a footnote mark (``[^1]``) is dropped, not read as the figure 1; the footnotes themselves
  are paragraphs at the end, as a page shows them;
- soft line breaks are spaces (markdown joins the lines of a paragraph), hard breaks are
  line breaks.

Front matter (``---`` YAML, or ``+++`` TOML, as the document's first lines) is not text: its
title, date and author are returned beside the text. Only flat ``key: value`` fields are
read (and a list of authors); a block at the top that does not look like front matter is
left to the markdown parser.

Pure: text in, text and metadata out. Offsets of claims index the text returned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from itertools import zip_longest

# front matter fields read, by their usual names (Jekyll, Hugo, Pandoc, dev.to ...)
_FIELDS = {
    "title": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "publishdate": "published",
    "published_at": "published",
    "author": "author",
    "authors": "author",
    "byline": "author",
}
_FENCES = {"---": ("---", "..."), "+++": ("+++",)}  # opening line: the lines that may close it
_YAML_FIELD = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_TOML_FIELD = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*=[ \t]*(.*?)[ \t]*$")
_LIST_ENTRY = re.compile(r"^[ \t]*-[ \t]+(.*?)[ \t]*$")
# lines that belong to a field above them (indented, list entries), comments, TOML tables, blank
_OTHER_LINE = re.compile(r"^(?:[ \t]+\S.*|-(?:[ \t].*)?|#.*|\[.*\]|[ \t]*)$")
_BLOCK_SCALAR = {"|", ">", "|-", ">-", "|+", ">+"}
_MAX_FRONT_MATTER_LINES = 1000  # a longer block at the top is not front matter

# Deeper than this the parser skips the rest of the container (and of a list, the document):
# a document that deep is refused rather than read in part. 100 stays far from the
# interpreter's recursion limit.
_MAX_NESTING = 100
_FENCE_LINE = re.compile(r"^[ \t>]*(`{3,}|~{3,})[ \t]*$")

# A paragraph whose every line is one of these is a block of fields, not wrapped prose: its
# lines stay lines, so that the metadata reader sees a header (``TITLE: …`` / ``PUBLISHED: …``),
# a byline over a dateline, and ``Fire: $201M`` over ``Parks: $44M`` is two sentences.
_FIELD_LINE = re.compile(
    r"^\s*(?:[A-Za-z][\w .'’-]{0,30}:\s+\S|By\s+[A-Z]|(?i:published|updated|posted|last updated|first published)\b)")
_SOFT = "\x00"  # a soft line break while an inline run is read (markdown-it turns NUL into U+FFFD)

_SENTENCE_END = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BR = re.compile(r"^<br\s*/?>$", re.I)


@dataclass(frozen=True)
class MarkdownArticle:
    text: str  # the plain text, paragraphs separated by blank lines
    title: str | None = None  # the front matter's title, else the heading the document opens with
    published: str | None = None  # the front matter's date, as written
    author: str | None = None  # the front matter's author(s), as written


def markdown_to_text(md: str) -> str:
    """The plain text of a markdown document (see the module's docstring)."""
    return read_markdown(md).text


def read_markdown(md: str) -> MarkdownArticle:
    """The plain text of a markdown document, with the metadata its front matter gives."""
    fields, body = split_front_matter(md)
    tokens = _parser().parse(body)
    if any(t.level >= _MAX_NESTING - 1 for t in tokens):  # the parser skipped what lies deeper
        raise ValueError(f"quotes or lists nested more than {_MAX_NESTING - 2} deep; not read as markdown")
    blocks = _blocks(tokens, body.split("\n"))
    opening = _opening_heading(tokens)
    text = "\n\n".join(b for b in blocks if b)
    return MarkdownArticle(
        text=text + "\n" if text else "",
        title=fields.get("title") or opening,
        published=fields.get("published"),
        author=fields.get("author"),
    )


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])
    return parser.use(footnote_plugin)


# ------------------------------------------------------------------ front matter


def split_front_matter(md: str) -> tuple[dict[str, str], str]:
    """(the fields of ``_FIELDS`` that the front matter gives, the markdown after it).
    No front matter: no fields, the markdown as given."""
    lines = md.split("\n")
    fence = lines[0].rstrip() if lines else ""
    closers = _FENCES.get(fence.lstrip("\ufeff"))
    if closers is None:
        return {}, md
    for n, line in enumerate(lines[1:_MAX_FRONT_MATTER_LINES + 1], 1):
        if line.rstrip() in closers:
            fields = _front_matter_fields(lines[1:n], toml=fence.endswith("+++"))
            if fields is None:
                return {}, md
            return fields, "\n".join(lines[n + 1:])
    return {}, md


def _front_matter_fields(lines: list[str], *, toml: bool) -> dict[str, str] | None:
    """The fields wanted, or None when the lines are not front matter (prose after a rule).
    A field's value is on its line, or on the indented lines after it: a list (joined with
    commas) or a folded block (joined with spaces). The first of two same fields wins."""
    pattern = _TOML_FIELD if toml else _YAML_FIELD
    found: dict[str, tuple[list[str], list[str]]] = {}  # key: (list entries, folded lines)
    key = None
    awaiting: set[str] = set()  # fields whose value is on the lines after them
    for line in lines:
        field = None if line[:1].isspace() else pattern.match(line)
        if field:
            key = _FIELDS.get(field.group(1).lower())
            if key in found:
                key = None
            elif key:
                found[key] = (_values(field.group(2) or ""), [])
                if not found[key][0]:
                    awaiting.add(key)
            continue
        if not _OTHER_LINE.match(line):
            return None
        if key in awaiting:
            _continue_value(found[key], line)
    return {k: ", ".join(listed) if listed else " ".join(folded) for k, (listed, folded) in found.items()
            if listed or folded}


def _continue_value(value: tuple[list[str], list[str]], line: str) -> None:
    """A line after a field without a value on its own line: a list entry or folded text."""
    listed, folded = value
    entry = _LIST_ENTRY.match(line)
    if entry and not folded:
        listed.extend(_values(entry.group(1)))
    elif line.strip() and line[:1].isspace() and not listed:
        folded.append(line.strip())


def _values(raw: str) -> list[str]:
    """The strings a front matter value holds: a scalar (quotes removed) or ``[a, b]``."""
    raw = raw.strip()
    if raw in _BLOCK_SCALAR:
        return []
    if raw.startswith("[") and raw.endswith("]"):
        return [v for v in (_unquote(p) for p in raw[1:-1].split(",")) if v]
    value = _unquote(raw)
    return [value] if value else []


def _unquote(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        inner = raw[1:-1]
        return inner.replace('\\"', '"') if raw[0] == '"' else inner.replace("''", "'")
    return raw.split(" #", 1)[0].strip()  # a YAML comment after a plain value


# ------------------------------------------------------------------ blocks


def _blocks(tokens, lines: list[str]) -> list[str]:
    """The paragraphs of the text, one per block of the document (``lines``), in order."""
    out: list[str] = []
    in_item = 0
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "list_item_open":
            in_item += 1
        elif t.type == "list_item_close":
            in_item -= 1
        elif t.type == "table_open":
            end = _closing(tokens, i)
            out.extend(_table(tokens[i:end]))
            i = end
        elif t.type == "html_block":
            out.extend(html_text(t.content))
        elif t.type == "code_block" or (t.type == "fence" and not _closed(t, lines)):
            out.extend(_preformatted(t.content))
        elif t.type == "inline":
            out.append(_block_text(t, tokens[i - 1].type, in_item > 0))
        # fenced code and thematic breaks (hr) leave nothing
        i += 1
    return out


def _closed(fence, lines: list[str]) -> bool:
    """Whether a fenced block ends with its closing fence: an unclosed one runs to the end
    of its container, most likely a stray fence over prose rather than code."""
    if not fence.map or fence.map[1] - fence.map[0] < 2:
        return False
    close = _FENCE_LINE.match(lines[fence.map[1] - 1]) if fence.map[1] <= len(lines) else None
    return bool(close) and close.group(1)[0] == fence.markup[0] and len(close.group(1)) >= len(fence.markup)


def _preformatted(content: str) -> list[str]:
    """The paragraphs of a block indented four spaces (markdown takes it for code, but in an
    article it is most often prose indented by accident) or of an unclosed fence."""
    return [t for t in (_tidy(" ".join(p.split("\n"))) for p in re.split(r"\n[ \t]*\n", content)) if t]


def _block_text(inline, opener: str, in_item: bool) -> str:
    if opener == "paragraph_open" and _only_images(inline.children):
        return ""  # a figure: its alt text is a caption, not a sentence of the article
    text = _inline_text(inline.children)
    return as_sentence(text) if in_item and opener == "paragraph_open" else text


def _opening_heading(tokens) -> str | None:
    """The text of the heading the document opens with, if it opens with one."""
    if len(tokens) >= 2 and tokens[0].type == "heading_open" and tokens[1].type == "inline":
        return _inline_text(tokens[1].children).replace("\n", " ") or None
    return None


def _closing(tokens, i: int) -> int:
    """The index of the token that closes the one opened at ``i``."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def as_sentence(text: str) -> str:
    """``text`` ending as a sentence: a full stop added when it ends without punctuation."""
    if not text or _SENTENCE_END.search(text):
        return text
    return text + "."


# ------------------------------------------------------------------ inline


def _inline_text(children) -> str:
    """The words of an inline run: markup, URLs and HTML tags left out. Its lines are
    joined by spaces, as markdown joins them, unless each is a field line (see _FIELD_LINE)."""
    out: list[str] = []
    for c in children or []:
        if c.type in ("text", "code_inline", "image"):  # an image's content is its alt text
            out.append(c.content)
        elif c.type == "softbreak":
            out.append(_SOFT)
        elif c.type == "hardbreak" or (c.type == "html_inline" and _BR.match(c.content)):
            out.append("\n")
    lines = "".join(out).split(_SOFT)
    keep = len(lines) > 1 and all(_FIELD_LINE.match(line) for line in lines)
    return _tidy(("\n" if keep else " ").join(lines))


def _only_images(children) -> bool:
    kinds = {c.type for c in children or [] if not (c.type == "text" and not c.content.strip())}
    return "image" in kinds and kinds <= {"image", "softbreak", "hardbreak", "link_open", "link_close"}


def _tidy(text: str) -> str:
    """Runs of spaces made one, each line trimmed, empty lines dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# ------------------------------------------------------------------ tables


def _table(tokens) -> list[str]:
    """One sentence per body row, each value after its column's header."""
    rows: list[list[str]] = []
    heads = 0
    for t in tokens:
        if t.type == "tr_open":
            rows.append([])
        elif t.type == "inline" and rows:
            rows[-1].append(_inline_text(t.children).replace("\n", " "))
        elif t.type == "thead_close":
            heads = len(rows)
    header = rows[0] if heads else []
    body = rows[heads:]
    if not body:  # a header alone: its words, as one line
        return [as_sentence("; ".join(c for c in header if c))]
    return [table_row(header, row) for row in body]


def table_row(header: list[str], row: list[str]) -> str:
    """``Fire — 2023: $201M; 2024: $209M.``: the row's first cell names it, each other
    cell follows its column's header (the first column's header names the labels: left out)."""
    label, *cells = row or [""]
    parts = [f"{h}: {v}" if h else v for h, v in zip_longest(header[1:], cells, fillvalue="") if v]
    said = "; ".join(parts)
    if label and said:
        said = f"{label} — {said}"
    return as_sentence(said or label)


# ------------------------------------------------------------------ raw HTML


_HTML_SKIP = {"script", "style", "template", "head"}
_HTML_BLOCK = {"p", "div", "section", "article", "header", "footer", "aside", "blockquote", "li", "ul", "ol", "tr",
               "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt", "figure", "figcaption", "details",
               "summary", "br", "hr"}
_HTML_CELL = {"td", "th"}


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HTML_SKIP:
            self.skipping += 1
        elif tag in _HTML_BLOCK:
            self.parts.append("\n\n")
        elif tag in _HTML_CELL:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _HTML_SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _HTML_BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> list[str]:
    """The paragraphs of text in a block of raw HTML."""
    reader = _HtmlText()
    reader.feed(html)
    reader.close()
    paragraphs = re.split(r"\n\s*\n", "".join(reader.parts))
    return [t for t in (_tidy(" ".join(p.split("\n"))) for p in paragraphs) if t]
