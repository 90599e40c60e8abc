"""Normalisation every format passes through before extraction, in two views of one text.

*Display form* (:func:`display_text`, :func:`normalize_document`) is what values are cut
from, so it keeps the document's writing (contract 1.1): Chinese punctuation stays as written
(，；：（）), while full-width letters and digits become half-width, Kangxi radicals from
PDFs become ordinary characters (NFKC, except on punctuation and enclosed list labels such as
``①``), control and zero-width characters go, pinyin glosses that document sites insert
(``崗(gǎng)位``) and site watermarks are removed, spaced-out words (``营 销 总 部 经 理``,
``性 别``) are joined, and Traditional text becomes Simplified with OpenCC ``t2s`` (unless the
caller keeps the script; ``tw2sp`` would rewrite words: 资料→数据). Site boilerplate moves
out of the body into ``furniture``.

*Matching form* (:func:`fold`, :func:`matching_document`) is what the rules read: the
display form with full-width punctuation folded to ASCII (and, when the script is kept,
each Traditional character mapped to Simplified). Folding maps one character to one
character, so an offset in one view is the same offset in the other: spans point into both,
and :mod:`.as_written` finds each value's display writing by position.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache

from ..schemas.document import Block, Cell, Document, ReadIssue, Table
from .boilerplate import classify_boilerplate
from .lexicon import Lexicon
from .remembered import REMEMBERED_LENGTH, remembered

# Enclosed numerals are list labels; NFKC would turn "①" into a bare "1".
ENCLOSED = "\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf"
# Full-width ASCII punctuation (！＂…～ but not letters or digits): kept as written in the
# display form, folded to ASCII in the matching form.
FULL_WIDTH_PUNCT = "".join(chr(c) for c in range(0xFF01, 0xFF5F) if not chr(c).isalnum())
PROTECTED = re.compile(rf"[{ENCLOSED}{re.escape(FULL_WIDTH_PUNCT)}]+")
FOLD_TABLE = {ord(c): unicodedata.normalize("NFKC", c) for c in FULL_WIDTH_PUNCT}
FOLDED_CHARS = frozenset(FOLD_TABLE.values())
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
UNUSUAL = re.compile(f"{INVISIBLE.pattern}|{CONTROL.pattern}|{PRIVATE_USE.pattern}")
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[{TONED}])[a-zü{TONED}]{{1,7}}[)）]")
CJK = "\u4e00-\u9fff"
SPACED_RUN = re.compile(rf"[{CJK}](?: [{CJK}]){{2,}}")
SPACED_PAIR = re.compile(rf"([{CJK}]) {{1,6}}([{CJK}])")
SPACES = re.compile(r"[ \u3000]{2,}")


def nfkc(text: str) -> str:
    """NFKC everywhere but on punctuation written full-width and enclosed list labels."""
    if not PROTECTED.search(text):
        return unicodedata.normalize("NFKC", text)
    out, last = [], 0
    for m in PROTECTED.finditer(text):
        out.append(unicodedata.normalize("NFKC", text[last:m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(out)


def _nfkc_chinese(text: str) -> str:
    """A text with the Chinese characters of ``nfkc(text)``, in order (all that
    :func:`is_traditional` looks at), from one NFKC pass instead of one per stretch between
    protected runs (~30 → ~18 µs on a card's sample). Exact: a protected character is no
    Chinese character, and a line break in its place, a starter that composes with nothing,
    keeps each stretch's normalisation apart as nfkc's separate calls do."""
    return unicodedata.normalize("NFKC", PROTECTED.sub("\n", text))


FULL_WIDTH_RUN = re.compile(f"[{re.escape(FULL_WIDTH_PUNCT)}]+")


def fold(text: str) -> str:
    """The matching form of a display text: full-width punctuation as ASCII, pictographs as
    bullets or spaces (:func:`pictographs_as_marks`), same length."""
    # Only the runs of full-width punctuation are translated: str.translate with a dict looks
    # up every character of a Chinese text (~2x the cost over a compilation's cells).
    return pictographs_as_marks(FULL_WIDTH_RUN.sub(_folded_run, text))


def _folded_run(m: re.Match[str]) -> str:
    return m.group().translate(FOLD_TABLE)


# Emoji and dingbats (📍 ✅ 👉 🔥 ★ ➤), with the selector that asks for their colour form.
PICTOGRAPH_CHARS = "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]\ufe0f?"
PICTOGRAPH = re.compile(PICTOGRAPH_CHARS)
KEYCAP = re.compile("(\\d)\ufe0f?\u20e3")
LINE_OPENING = re.compile(f"(?m)^([ \t]*)((?:{PICTOGRAPH_CHARS})+)")


def pictographs_as_marks(text: str) -> str:
    """Postings written for phones mark their lines with emoji: ``📍工作地点：…``, ``✅岗位职责：``,
    ``👉 本科以上学历``, ``1️⃣ 负责…``, and wrap a title in them (``🔥【急招】店长🔥``). In the
    matching form a keycap is a numbered label (``1. ``), the pictographs that open a line are
    one bullet, and any other pictograph (a line that ends in one too is wrapped in them) is a
    space, so the words between read as they would without them. The lexicon's own bullets
    (★ ➤ ✓) stay as they are: they mark items wherever they stand."""
    if not PICTOGRAPH.search(text) and "\u20e3" not in text:
        return text
    bullets = _list_bullets()
    text = KEYCAP.sub(lambda m: (m.group(1) + ". ")[:len(m.group())], text)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = LINE_OPENING.match(line)
        wrapped = PICTOGRAPH.search(line.rstrip()[-2:]) is not None
        if m and not wrapped and not set(m.group(2)) & bullets:
            line = m.group(1) + "•" + " " * (len(m.group(2)) - 1) + line[m.end():]
        lines[i] = PICTOGRAPH.sub(lambda p: p.group() if p.group()[0] in bullets else " " * len(p.group()), line)
    return "\n".join(lines)


@cache
def _list_bullets() -> frozenset[str]:
    from .lexicon import load_lexicon

    return frozenset(load_lexicon().data.numbering.bullets)


def join_spaced(text: str, known: frozenset[str]) -> str:
    """Join characters a layout spread out: runs of 3+ single characters always, pairs only
    when they make a known label (``性 别`` → ``性别``, but ``共 人`` stays), and two words of two
    characters only when they make a known heading or label (``工作  任务`` → ``工作任务``)."""
    if " " not in text:
        return text  # both patterns need a space between two characters
    text = SPACED_RUN.sub(lambda m: m.group().replace(" ", ""), text)

    def pair(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        return a + b if a + b in known else m.group()

    text = SPACED_PAIR.sub(pair, text)
    # "工作  任务", "任职  要求": a four-character heading spread into two words
    return SPACED_WORDS.sub(lambda m: m.group(1) + m.group(2) if m.group(1) + m.group(2) in known else m.group(), text)


SPACED_WORDS = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2})[ \t]+([\u4e00-\u9fff]{2})(?![\u4e00-\u9fff])")


def display_text(text: str, lexicon: Lexicon, simplify: bool = False) -> str:
    """One block or cell in display form (see the module docstring)."""
    if not text:
        return text
    if UNUSUAL.search(text):  # most texts hold no invisible, control or private-use character
        text = INVISIBLE.sub("", text)
        text = CONTROL.sub(" ", text)
        text = PRIVATE_USE.sub("•", text) if text[:1] and PRIVATE_USE.match(text[:1]) else text
        text = PRIVATE_USE.sub("", text)
    text = nfkc(text).replace("\u3000", " ")
    if simplify:
        # Before joining spaced words: "職　　等" must become 职等 to be recognised as a label.
        text = to_simplified(text)
    if "(" in text or "（" in text:  # a gloss is bracketed; most texts have no bracket
        text = PINYIN_GLOSS.sub("", text)
    # Join spaced words before removing watermarks, which sometimes stand where a space was
    # ("男女不限Biblioteka 年 龄25") and sometimes inside a word ("客户服Βιβλιοθήκη 总监").
    text = join_spaced(text, _spaced_vocabulary(lexicon))
    for junk in lexicon.inline_junk:
        text = text.replace(junk, "")
    if lexicon.any_inline_pattern.search(text):  # a site's watermark: most texts hold none
        for pattern in lexicon.inline_patterns:
            text = pattern.sub(" ", text)
    return SPACES.sub("  ", text).strip()


# Kept for callers that think of it as "cleaning".
clean_text = display_text


@cache
def _spaced_vocabulary(lexicon: Lexicon) -> frozenset[str]:
    words = set(lexicon.labels) | set(lexicon.sections) | set(lexicon.meta_labels)
    return frozenset(w for w in words if len(w) in (2, 4))


# --- Traditional → Simplified -------------------------------------------------------------

@cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc  # lazy: only documents in Traditional characters need it

    return opencc.OpenCC("t2s")


def is_traditional(sample: str) -> bool:
    """True when converting with t2s changes a meaningful share of the Chinese characters.

    Simplified text is left alone: t2s also "simplifies" a few characters that are valid
    in Simplified writing (著, 乾), which would corrupt a Simplified document.
    """
    # the runs of Chinese joined: each run is matched in one tight loop, where removing what lies
    # between them tries the pattern at every Chinese character (half the time, same string)
    cjk = "".join(CJK_RUN.findall(sample))
    if not cjk:
        return False
    converted = _t2s().convert(cjk)
    if converted == cjk:
        return False  # most documents: nothing to count, character by character
    changed = sum(1 for a, b in zip(cjk, converted, strict=False) if a != b)
    return changed >= 3 and changed / len(cjk) >= 0.02


CJK_RUN = re.compile(rf"[{CJK}]+")


def to_simplified(text: str) -> str:
    return str(_t2s().convert(text)) if text else text


def simplified_by_char(text: str) -> str:
    """t2s one character at a time, so the result has the length of the input (the matching
    form of a document whose Traditional writing is kept)."""
    if not text:
        return text
    converter = _t2s()
    out = []
    for ch in text:
        conv = converter.convert(ch) if "\u4e00" <= ch <= "\u9fff" else ch
        out.append(conv if len(conv) == 1 else ch)
    return "".join(out)


# --- Document level -----------------------------------------------------------------------

def normalize_document(doc: Document, lexicon: Lexicon, keep_script: bool = False) -> Document:
    """The document in display form, boilerplate moved to furniture, ``script`` set."""
    sample = _opening(_texts(doc.blocks), SCRIPT_SAMPLE)
    traditional = is_traditional(_nfkc_chinese(sample))
    simplify = traditional and not keep_script

    # forms repeat their labels in every role and cards of a template share theirs: each
    # distinct text is normalised once per process (see .remembered)
    fix = _remembering(lambda text: display_text(text, lexicon, simplify),
                       remembered("display_simplified" if simplify else "display", lexicon))
    blocks = [map_block(b, fix) for b in doc.blocks]
    furniture = [map_block(b, fix) for b in doc.furniture]
    blocks = [b for b in blocks if b.text or b.table is not None or b.label]
    folder = _folder(traditional and keep_script)
    kept, removed = classify_boilerplate(blocks, lexicon, folder)
    blocks = _reindex(kept)
    furniture = _reindex(furniture + [b.model_copy(update={"style": "boilerplate"}) for b in removed])
    warnings = list(doc.warnings)
    if simplify:
        warnings.append(ReadIssue(code="traditional_chinese", message="converted to Simplified Chinese (OpenCC t2s)"))
    return doc.model_copy(update={"blocks": blocks, "furniture": furniture, "warnings": warnings,
                                  "script": "traditional" if traditional else "simplified"})


def _folder(by_char: bool) -> Callable[[str], str]:
    return (lambda text: fold(simplified_by_char(text))) if by_char else fold


def matching_document(doc: Document, keep_script: bool = False) -> Document:
    """The matching form of a normalised document: same blocks, same lengths, folded text."""
    # a compilation's cells repeat their texts (767 distinct in ~12,000): fold each once
    by_char = keep_script and doc.script == "traditional"
    folder = _remembering(_folder(by_char), remembered("fold_by_char" if by_char else "fold", None))
    return doc.model_copy(update={"blocks": [map_block(b, folder) for b in doc.blocks],
                                  "furniture": [map_block(b, folder) for b in doc.furniture]})


def _remembering(fn: Callable[[str], str], kept: dict[str, str]) -> Callable[[str], str]:
    """``fn`` answering a text from ``kept`` when it was asked before (in this document, or
    in this process for texts short enough to keep)."""
    local: dict[str, str] = {}

    def answer(text: str) -> str:
        found = kept.get(text)
        if found is None:
            found = local.get(text)
            if found is None:
                found = fn(text)
                (kept if len(text) <= REMEMBERED_LENGTH else local)[text] = found
        return found

    return answer


SCRIPT_SAMPLE = 50_000  # characters the script is judged on


def _opening(texts: Iterator[str], size: int) -> str:
    """The first ``size`` characters of ``texts`` joined, read no further than they reach (a
    compilation's text runs to ~300,000)."""
    parts: list[str] = []
    total = 0
    for text in texts:
        parts.append(text)
        total += len(text)
        if total >= size:
            break
    return "".join(parts)[:size]


def _texts(blocks: list[Block]) -> Iterator[str]:
    for b in blocks:
        if b.table is not None:
            yield from (c.text for c in b.table.cells)
        else:
            yield b.text


def map_block(block: Block, fix: Callable[[str], str]) -> Block:
    """``block`` with ``fix`` applied to its text or to every cell of its table.

    What ``fix`` leaves as it was is kept, not copied (blocks and cells are frozen): most
    text is already in display and matching form, and a compilation has thousands of cells.
    """
    if block.table is not None:
        old = block.table.cells
        # the texts first, compared as lists: most tables come out as they went in, and a call
        # per cell (a compilation has ~11,000) cost more than the fixing, which is cached; each
        # cell's text is read once (an attribute of a pydantic model costs ~5x a plain one's)
        before = [c.text for c in old]
        texts = [fix(text) for text in before]
        if texts == before:
            return block
        cells = [c if new == text else _with_text(c, new) for c, text, new in zip(old, before, texts, strict=True)]
        table = Table(n_rows=block.table.n_rows, n_cols=block.table.n_cols, cells=cells)
        return block.model_copy(update={"table": table})
    text = fix(block.text)
    label = fix(block.label) if block.label else block.label
    if text == block.text and label == block.label:
        return block
    return block.model_copy(update={"text": text, "label": label})


def _with_text(cell: Cell, text: str) -> Cell:
    return Cell(row=cell.row, col=cell.col, rowspan=cell.rowspan, colspan=cell.colspan, text=text)


def _reindex(blocks: list[Block]) -> list[Block]:
    mapping = {b.index: i for i, b in enumerate(blocks)}
    out = []
    for i, b in enumerate(blocks):
        update: dict[str, object] = {"index": i}
        if b.container is not None:
            parent, row, col = b.container
            update["container"] = (mapping.get(parent, parent), row, col)
        unchanged = b.index == i and update.get("container", b.container) == b.container
        out.append(b if unchanged else b.model_copy(update=update))
    return out
