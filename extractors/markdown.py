"""Markdown reader: job postings as structure, not as flat text.

Parsing is CommonMark's, by markdown-it-py (already installed as rich's dependency; a spec-
compliant parser whose tokens carry list markers, nesting and table cells, where mistune
renders to HTML/AST with its own dialect, and hand-written regexes would re-implement list
and emphasis rules badly). Pipe tables are GFM's, enabled in the same parser. YAML front
matter is read with PyYAML's BaseLoader, which keeps every scalar as written (``position:
true`` stays ``"true"``, a date stays its text).

What becomes what:
- front matter → ``Document.metadata`` (lists as lists, nested keys dotted), not body text;
- ``#`` headings → HEADING with 0-based ``level``;
- a line bold as a whole (``**岗位职责：**``, ``__X__``, ``**X**：``) → HEADING, style ``"bold"``;
- list items → LIST_ITEM with the literal marker as ``label`` (``1.``, ``-``, ``*``) and the
  nesting depth as ``level``; numbering typed inside an item's text stays in the text;
- pipe tables → TABLE (cell markup removed, links as their text);
- inline markup (``**``, ``__``, backticks, emphasis) removed, links as their text, images
  dropped, entities decoded; everything else as written;
- HTML blocks reduced to their text, which is then read as Markdown (authors put ``**bold**``
  lines between ``<hr>`` tags and expect them rendered); ``<br>`` ends a block;
- fenced and indented code → one PARAGRAPH (style ``"code"``) per line.

Soft line breaks (:func:`soft_break_splits`): CommonMark joins the lines of a paragraph, but
Chinese postings put one item or one ``要求：`` label per line without blank lines between
them, so a soft break ends the block unless it sits inside wrapped Latin prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..schemas.document import STYLE_BOLD, Block, BlockKind, Cell, Document, ReadIssue, Table
from .errors import DocumentError, ErrorCode
from .limits import Limits
from .options import DEFAULT_OPTIONS, ReadOptions
from .text import decode

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
# A line that opens an item or a label even without a blank line before it.
LINE_OPENER = re.compile(
    r"^(?:[-*+•·●▪■◆◇○]\s*\S"                      # bullets
    r"|\(?\d{1,3}[.、)）．]"                         # 1. 1、 1) (1)
    r"|[（(][\d一二三四五六七八九十]{1,3}[)）]"          # （一）
    r"|[①-⑳⑴-⒇]"                                   # circled and parenthesised numbers
    r"|[一二三四五六七八九十]{1,3}[、.．]"               # 一、
    r"|[^\s:：]{1,24}[:：])")                         # 要求： Responsibilities:
COLONS = ":："
BREAK_TAGS = {"br", "p", "div", "li", "tr", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
              "dd", "dt", "blockquote", "pre", "section", "article"}


def read_markdown(data: bytes, limits: Limits, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    if len(data) > 4 * limits.max_text_chars:
        raise DocumentError(ErrorCode.TOO_LARGE, f"Markdown file of {len(data):,} bytes is above the limit of "
                                                 f"{limits.max_text_chars:,} characters")
    text, encoding = decode(data)
    if len(text) > limits.max_text_chars:
        raise DocumentError(ErrorCode.TOO_LARGE,
                            f"text of {len(text):,} characters is above the limit of {limits.max_text_chars:,}")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    metadata, body, warnings = split_front_matter(text)
    builder = _Builder()
    builder.markdown(body)
    if warnings and not metadata:  # unreadable front matter: its lines stay in the body, nothing lost
        front = FRONT_MATTER.match(text)
        lines = front.group(1).split("\n") if front else []
        builder.blocks[:0] = [Block(index=0, kind=BlockKind.PARAGRAPH, text=ln.strip()) for ln in lines if ln.strip()]
    blocks = [b.model_copy(update={"index": i}) for i, b in enumerate(builder.blocks)]
    if not blocks and not metadata:
        raise DocumentError(ErrorCode.EMPTY_FILE, "the file holds no text")
    if builder.images:
        warnings.append(ReadIssue(code="image_skipped", message=f"{builder.images} image(s) were not read"))
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        warnings.append(ReadIssue(code="encoding_detected", message=f"decoded as {encoding}"))
    return Document(format="md", blocks=blocks, encoding=encoding, warnings=warnings, metadata=metadata)


# --- front matter ---------------------------------------------------------------------------

def split_front_matter(text: str) -> tuple[dict[str, str | list[str]], str, list[ReadIssue]]:
    """``(metadata, body, warnings)``: a leading ``---`` YAML block read as written."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, []
    import yaml  # lazy: only Markdown with front matter needs it

    body = text[match.end():]
    try:
        loaded = yaml.load(match.group(1), Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
    except yaml.YAMLError as exc:
        return {}, body, [ReadIssue(code="front_matter_unreadable", message=f"YAML front matter unreadable: {exc}")]
    if not isinstance(loaded, dict):
        return {}, body, [ReadIssue(code="front_matter_unreadable", message="front matter is not a YAML mapping")]
    metadata: dict[str, str | list[str]] = {}
    _flatten(loaded, "", metadata)
    return metadata, body, []


def _flatten(value: object, key: str, out: dict[str, str | list[str]]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(v, f"{key}.{k}" if key else str(k), out)
    elif isinstance(value, list):
        out[key] = [_scalar(v) for v in value]
    else:
        out[key] = _scalar(value)


def _scalar(value: object) -> str:
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


# --- soft breaks --------------------------------------------------------------------------

def soft_break_splits(before: str, after: str) -> bool:
    """Whether a soft line break between ``before`` and ``after`` ends a block.

    CommonMark renders a soft break as a space inside one paragraph, which is right for
    wrapped English prose. Chinese postings put one duty, one benefit or one ``要求：`` label
    per line without blank lines (a Chinese author never wraps a sentence by hand: the break
    would show as a stray space), so a break next to CJK text, after a label that ends its
    line with a colon, or before a line that opens a list item or a label, ends the block.
    """
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return True
    return bool(CJK.match(before[-1]) or CJK.match(after[0]) or before[-1] in COLONS or LINE_OPENER.match(after))


# --- token walk -----------------------------------------------------------------------------

@dataclass
class _Line:
    tokens: list = field(default_factory=list)

    def text(self) -> str:
        return "".join(_inline_text(t) for t in self.tokens).strip()

    def is_bold(self) -> bool:
        """The whole line is one strong span, optionally followed by a colon."""
        toks = [t for t in self.tokens if not (t.type == "text" and not t.content.strip())]
        if len(toks) >= 2 and toks[-1].type == "text" and not toks[-1].content.strip(COLONS + " \t"):
            toks = toks[:-1]
        if len(toks) < 3 or toks[0].type != "strong_open" or toks[-1].type != "strong_close":
            return False
        depth = 0
        for i, tok in enumerate(toks):  # the first strong span must close at the very end
            depth += tok.type == "strong_open"
            depth -= tok.type == "strong_close"
            if depth == 0 and i < len(toks) - 1:
                return False
        return bool(self.text().strip(COLONS + " \t"))


def _inline_text(tok) -> str:
    if tok.type in ("text", "code_inline"):
        return tok.content
    if tok.type == "softbreak":
        return " "
    return ""  # markup, links' open/close, html_inline other than <br>, images


def _next_line_text(children: list, start: int) -> str:
    parts: list[str] = []
    for tok in children[start:]:
        if tok.type in ("softbreak", "hardbreak") or _is_br(tok):
            break
        parts.append(_inline_text(tok))
    return "".join(parts)


def _is_br(tok) -> bool:
    return tok.type == "html_inline" and re.fullmatch(r"<br\s*/?>", tok.content.strip(), re.IGNORECASE) is not None


ANCHOR_ID = re.compile(r"<a\s[^>]*\b(?:id|name)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


class _Builder:
    def __init__(self) -> None:
        from markdown_it import MarkdownIt  # lazy: only Markdown files need it

        self.blocks: list[Block] = []
        self.images = 0
        self.linked: set[str] = set()  # anchors the page's own links point to ("(#infer1)")
        self.anchor: str | None = None  # a linked <a id> standing just before the next block
        self.parser = MarkdownIt("commonmark", {"html": True}).enable("table")
        self.plain_parser = MarkdownIt("commonmark", {"html": False}).enable("table")

    def markdown(self, text: str, html: bool = True) -> None:
        tokens = (self.parser if html else self.plain_parser).parse(text)
        if html:
            hrefs = (str(t.attrs.get("href", "")) for tok in tokens for t in tok.children or () if t.type == "link_open")
            self.linked |= {href[1:] for href in hrefs if href.startswith("#")}
        self._walk(tokens)

    def _add(self, kind: BlockKind, text: str, **kw) -> None:
        if text or kind == BlockKind.TABLE:
            self.blocks.append(Block(index=len(self.blocks), kind=kind, text=text, **kw))
            self.anchor = None

    def _walk(self, tokens: list) -> None:
        lists: list[str] = []
        pending: tuple[str, int] | None = None  # label and level of a list item's first line
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            kind = tok.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                lists.append(kind)
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                label = f"{tok.info}{tok.markup}" if lists and lists[-1] == "ordered_list_open" else tok.markup
                pending = (label, len(lists) - 1)
            elif kind == "list_item_close":
                pending = None
            elif kind == "heading_open":
                line = _Line(tokens[i + 1].children or [])
                # a heading the page's own list links to (<a id="x"></a> before it, "(#x)" above)
                style = "anchor" if self.anchor else None
                self._add(BlockKind.HEADING, line.text(), level=int(tok.tag[1]) - 1, style=style)
                i += 2
            elif kind == "inline":  # a paragraph's content (tight list items hide their <p>)
                self._paragraph(tok.children or [], pending)
                pending = None
                self._note_anchor(" ".join(t.content for t in tok.children or () if t.type == "html_inline"))
            elif kind in ("fence", "code_block"):
                for line in tok.content.split("\n"):
                    self._add(BlockKind.PARAGRAPH, line.strip(), style="code")
            elif kind == "html_block":
                self.markdown(_html_text(tok.content), html=False)
                self._note_anchor(tok.content)
            elif kind == "table_open":
                i = self._table(tokens, i)
            i += 1

    def _note_anchor(self, html: str) -> None:
        target = ANCHOR_ID.search(html)
        if target and target.group(1) in self.linked:
            self.anchor = target.group(1)

    def _paragraph(self, children: list, pending: tuple[str, int] | None) -> None:
        for n, line in enumerate(self._lines(children)):
            text = line.text()
            if not text:
                continue
            if n == 0 and pending is not None:
                self._add(BlockKind.LIST_ITEM, text, label=pending[0], level=pending[1])
            elif line.is_bold():
                self._add(BlockKind.HEADING, text, style=STYLE_BOLD)
            else:
                self._add(BlockKind.PARAGRAPH, text)

    def _lines(self, children: list) -> list[_Line]:
        lines = [_Line()]
        for k, tok in enumerate(children):
            if tok.type == "image":
                self.images += 1
            elif tok.type == "hardbreak" or _is_br(tok):
                lines.append(_Line())
            elif tok.type == "softbreak":
                if soft_break_splits(lines[-1].text(), _next_line_text(children, k + 1)):
                    lines.append(_Line())
                else:
                    lines[-1].tokens.append(tok)
            else:
                lines[-1].tokens.append(tok)
        return lines

    def _table(self, tokens: list, start: int) -> int:
        rows: list[list[str]] = []
        i = start
        while i < len(tokens) and tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "tr_open":
                rows.append([])
            elif tok.type == "inline" and rows:
                rows[-1].append("\n".join(line.text() for line in self._lines(tok.children or [])).strip())
            i += 1
        n_cols = max((len(r) for r in rows), default=0)
        if n_cols:
            cells = [Cell(row=r, col=c, text=row[c] if c < len(row) else "")
                     for r, row in enumerate(rows) for c in range(n_cols)]
            self._add(BlockKind.TABLE, "", table=Table(n_rows=len(rows), n_cols=n_cols, cells=cells))
        return i


class _TextOfHtml(HTMLParser):
    """Text of an HTML fragment, with a line break where a block element or ``<br>`` was."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BREAK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BREAK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BREAK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = [ln.strip() for ln in "".join(parser.parts).split("\n")]
    # one blank line between the pieces, so each reads as its own Markdown paragraph
    return "\n\n".join(ln for ln in lines if ln)
