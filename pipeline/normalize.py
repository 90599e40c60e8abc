"""Normalisation every format passes through before extraction.

Character level (:func:`clean_text`): control and zero-width characters out, NFKC (so
full-width letters, digits and ，：；（）！？ become half-width, Kangxi radicals from PDFs become
ordinary characters) while enclosed numerals such as ``①`` are kept because they are list
labels; pinyin glosses that document sites insert (``崗(gǎng)位``) removed; site watermarks
removed; spaced-out words (``营 销 总 部 经 理``, ``性 别``) joined.

Document level (:func:`normalize_document`): Traditional → Simplified with OpenCC ``t2s``
when the document is written in Traditional characters (``tw2sp`` would rewrite words:
资料→数据); page-chunk markers that document sites put at line starts repaired; site
boilerplate moved out of the body into ``furniture``. Spans of the output refer to the
normalised document this function returns.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..schemas.document import Block, BlockKind, Cell, Document, Table
from .boilerplate import classify_boilerplate
from .lexicon import Lexicon

# Enclosed numerals are list labels; NFKC would turn "①" into a bare "1".
ENCLOSED = re.compile(r"[\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]+")
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[{TONED}])[a-zü{TONED}]{{1,7}}\)")
CJK = "\u4e00-\u9fff"
SPACED_RUN = re.compile(rf"[{CJK}](?: [{CJK}]){{2,}}")
SPACED_PAIR = re.compile(rf"([{CJK}]) {{1,6}}([{CJK}])")
# A document site cuts a long page into chunks and starts each with "N、" (seed 000 has
# "一、參\n2、與公司…"): markers that number very long run-on lines.
PAGE_MARKER = re.compile(r"^(\d{1,3})、[.?？]?\s?")
PAGE_CHUNK_MIN = 300


def nfkc(text: str) -> str:
    if not ENCLOSED.search(text):
        return unicodedata.normalize("NFKC", text)
    out, last = [], 0
    for m in ENCLOSED.finditer(text):
        out.append(unicodedata.normalize("NFKC", text[last:m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(out)


def join_spaced(text: str, known: frozenset[str]) -> str:
    """Join characters a layout spread out: runs of 3+ single characters always, pairs only
    when they make a known label (``性 别`` → ``性别``, but ``共 人`` stays)."""
    text = SPACED_RUN.sub(lambda m: m.group().replace(" ", ""), text)

    def pair(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        return a + b if a + b in known else m.group()

    return SPACED_PAIR.sub(pair, text)


def clean_text(text: str, lexicon: Lexicon, traditional: bool = False) -> str:
    if not text:
        return text
    text = INVISIBLE.sub("", text)
    text = CONTROL.sub(" ", text.replace("\t", "\t"))
    text = PRIVATE_USE.sub("•", text) if text[:1] and PRIVATE_USE.match(text[:1]) else text
    text = PRIVATE_USE.sub("", text)
    text = nfkc(text)
    if traditional:
        # Before joining spaced words: "職　　等" must become 职等 to be recognised as a label.
        text = to_simplified(text)
    text = PINYIN_GLOSS.sub("", text)
    # Join spaced words before removing watermarks, which sometimes stand where a space was
    # ("男女不限Biblioteka 年 龄25") and sometimes inside a word ("客户服Βιβλιοθήκη 总监").
    text = join_spaced(text, _spaced_vocabulary(lexicon))
    for junk in lexicon.inline_junk:
        text = text.replace(junk, "")
    for pattern in lexicon.inline_patterns:
        text = pattern.sub(" ", text)
    return re.sub(r" {2,}", "  ", text).strip() if "  " in text else text.strip()


def _spaced_vocabulary(lexicon: Lexicon) -> frozenset[str]:
    return _vocab_cache(id(lexicon), lexicon)


@cache
def _vocab_cache(_key: int, lexicon: Lexicon) -> frozenset[str]:
    words = set(lexicon.labels) | set(lexicon.sections) | set(lexicon.meta_labels)
    return frozenset(w for w in words if len(w) == 2)


# --- Traditional → Simplified -------------------------------------------------------------

@cache
def _t2s():
    import opencc  # lazy: only documents in Traditional characters need it

    return opencc.OpenCC("t2s")


def is_traditional(sample: str) -> bool:
    """True when converting with t2s changes a meaningful share of the Chinese characters.

    Simplified text is left alone: t2s also "simplifies" a few characters that are valid
    in Simplified writing (著, 乾), which would corrupt a Simplified document.
    """
    cjk = re.findall(rf"[{CJK}]", sample)
    if not cjk:
        return False
    converted = _t2s().convert("".join(cjk))
    changed = sum(1 for a, b in zip(cjk, converted, strict=False) if a != b)
    return changed >= 3 and changed / len(cjk) >= 0.02


def to_simplified(text: str) -> str:
    return _t2s().convert(text) if text else text


# --- Document level -----------------------------------------------------------------------

def normalize_document(doc: Document, lexicon: Lexicon) -> Document:
    sample = "".join(_texts(doc.blocks))[:50_000]
    traditional = is_traditional(nfkc(sample))

    def fix(text: str) -> str:
        return clean_text(text, lexicon, traditional)

    blocks = [_map_block(b, fix) for b in doc.blocks]
    furniture = [_map_block(b, fix) for b in doc.furniture]
    blocks = [b for b in blocks if b.text or b.table is not None or b.label]
    blocks = repair_page_markers(blocks)
    kept, removed = classify_boilerplate(blocks, lexicon)
    blocks = _reindex(kept)
    furniture = _reindex(furniture + [b.model_copy(update={"style": "boilerplate"}) for b in removed])
    warnings = list(doc.warnings)
    if traditional:
        from ..schemas.document import ReadIssue

        warnings.append(ReadIssue(code="traditional_chinese", message="converted to Simplified Chinese (OpenCC t2s)"))
    return doc.model_copy(update={"blocks": blocks, "furniture": furniture, "warnings": warnings})


def _texts(blocks: list[Block]):
    for b in blocks:
        if b.table is not None:
            yield from (c.text for c in b.table.cells)
        else:
            yield b.text


def _map_block(block: Block, fix) -> Block:
    if block.table is not None:
        cells = [Cell(row=c.row, col=c.col, rowspan=c.rowspan, colspan=c.colspan, text=fix(c.text))
                 for c in block.table.cells]
        table = Table(n_rows=block.table.n_rows, n_cols=block.table.n_cols, cells=cells)
        return block.model_copy(update={"table": table})
    label = nfkc(block.label).strip() if block.label else block.label
    return block.model_copy(update={"text": fix(block.text), "label": label})


def repair_page_markers(blocks: list[Block]) -> list[Block]:
    """Undo "N、" chunk markers on consecutive very long lines, rejoining the cut words."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        run = _marker_run(blocks, i)
        if len(run) < 2:
            out.append(blocks[i])
            i += 1
            continue
        first = blocks[run[0]]
        text = PAGE_MARKER.sub("", first.text, count=1)
        for j in run[1:]:
            text += PAGE_MARKER.sub("", blocks[j].text, count=1)
        out.append(first.model_copy(update={"text": text}))
        i = run[-1] + 1
    return out


def _marker_run(blocks: list[Block], start: int) -> list[int]:
    run: list[int] = []
    expected = None
    for j in range(start, len(blocks)):
        b = blocks[j]
        m = PAGE_MARKER.match(b.text) if b.kind == BlockKind.PARAGRAPH else None
        if not m or (expected is not None and int(m.group(1)) != expected):
            break
        run.append(j)
        expected = int(m.group(1)) + 1
    # Every chunk but the last is a full page of run-on text; real numbered items are short.
    if len(run) >= 2 and all(len(blocks[j].text) >= PAGE_CHUNK_MIN for j in run[:-1]):
        return run
    return []


def _reindex(blocks: list[Block]) -> list[Block]:
    mapping = {b.index: i for i, b in enumerate(blocks)}
    out = []
    for i, b in enumerate(blocks):
        update: dict = {"index": i}
        if b.container is not None:
            parent, row, col = b.container
            update["container"] = (mapping.get(parent, parent), row, col)
        out.append(b.model_copy(update=update))
    return out
