"""OpenDocument text reader (.odt/.ott/.fodt): documents written here by hand from the ODF 1.2
schema (no LibreOffice on the test machines), each checked against what a person reads in it.

``odt()`` packs a body (and optional styles) the way an ODF package must be packed: the
``mimetype`` member first and stored uncompressed, then the manifest and the XML parts.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from jdx.extractors import DocumentError, ErrorCode, read_document, sniff
from jdx.pipeline.cli import app
from jdx.pipeline.convert import convert_bytes
from jdx.schemas.document import BlockKind, Document
from typer.testing import CliRunner

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
MIMETYPE = "application/vnd.oasis.opendocument.text"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{encryption}'
    '</manifest:file-entry>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>'
)
# What LibreOffice writes for a password: a checksum, the cipher and the key derivation.
ENCRYPTION_DATA = (
    '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
    'manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
    'manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" '
    'manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data>'
)


def content_xml(body: str, automatic_styles: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NAMESPACES} office:version="1.2">'
            f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")


def styles_xml(styles: str = "", master: str = "", automatic_styles: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NAMESPACES} office:version="1.2">'
            f"<office:styles>{styles}</office:styles>"
            f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
            f"<office:master-styles>{master}</office:master-styles></office:document-styles>")


def odt(body: str, *, automatic_styles: str = "", styles: str = "", master: str = "", encryption: str = "",
        mimetype: str = MIMETYPE, styles_automatic: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", MANIFEST.format(mimetype=mimetype, encryption=encryption))
        archive.writestr("content.xml", content_xml(body, automatic_styles))
        archive.writestr("styles.xml", styles_xml(styles, master, styles_automatic))
    return buffer.getvalue()


def read(data: bytes) -> Document:
    return read_document(data)


def body_lines(doc: Document) -> list[str]:
    return doc.text().splitlines()


# ----------------------------------------------------------------------------- sniffing


def test_an_odt_its_template_and_a_master_document_sniff_as_odt_whatever_their_name() -> None:
    assert sniff(odt("<text:p>x</text:p>"), "岗位.docx").format == "odt"
    for kind in ("-template", "-master"):
        variant = odt("<text:p>x</text:p>", mimetype=MIMETYPE + kind)
        assert sniff(variant).format == "odt"
        assert read(variant).blocks[0].text == "x"


def test_a_zip_that_is_not_odf_keeps_its_message_and_other_odf_kinds_are_named() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(DocumentError) as plain:
        sniff(buffer.getvalue())
    assert plain.value.code == ErrorCode.UNSUPPORTED_FORMAT
    assert plain.value.message == "a zip archive that is not a Word, Excel or OpenDocument file"
    with pytest.raises(DocumentError) as slides:
        sniff(odt("<text:p>x</text:p>", mimetype="application/vnd.oasis.opendocument.presentation"))
    assert slides.value.code == ErrorCode.UNSUPPORTED_FORMAT
    assert slides.value.message == "an OpenDocument presentation file, not a document jdx reads"


def test_a_damaged_zip_is_a_corrupt_file() -> None:
    data = odt("<text:p>岗位名称：出纳</text:p>")
    with pytest.raises(DocumentError) as damaged:
        read(data[: len(data) // 2])
    assert damaged.value.code == ErrorCode.CORRUPT_FILE


def test_broken_content_xml_is_a_corrupt_file() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)
        archive.writestr("content.xml", "<office:document-content><unclosed>")
    with pytest.raises(DocumentError) as broken:
        read(buffer.getvalue())
    assert broken.value.code == ErrorCode.CORRUPT_FILE


def test_a_password_protected_odt_fails_as_encrypted() -> None:
    with pytest.raises(DocumentError) as locked:
        read(odt("<text:p>x</text:p>", encryption=ENCRYPTION_DATA))
    assert locked.value.code == ErrorCode.ENCRYPTED


# ----------------------------------------------------------------------------- text


def test_spaces_tabs_breaks_spans_and_links_read_as_shown() -> None:
    doc = read(odt(
        "<text:p>\n   岗位名称：<text:span>出纳</text:span>  <text:s text:c=\"3\"/>编号<text:tab/>CW-01"
        "<text:line-break/>所属部门：<text:a xlink:href=\"http://x\">财务部</text:a><text:soft-page-break/>   </text:p>"
    ))
    # White space of the XML collapses to one space (ODF §6.1.2); text:s gives its three.
    assert doc.blocks[0].text == "岗位名称：出纳    编号\tCW-01\n所属部门：财务部"


def test_headings_by_outline_level_and_by_style_name() -> None:
    styles = ('<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"/>'
              '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>')
    automatic = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/>'
    doc = read(odt('<text:h text:outline-level="1">出纳岗位说明书</text:h>'
                   '<text:p text:style-name="P1">岗位职责</text:p>'
                   '<text:p text:style-name="Text_20_body">负责现金收付。</text:p>',
                   styles=styles, automatic_styles=automatic))
    kinds = [(b.kind, b.level, b.style, b.text) for b in doc.blocks]
    assert kinds == [
        (BlockKind.HEADING, 0, None, "出纳岗位说明书"),
        (BlockKind.HEADING, 1, "Heading 2", "岗位职责"),
        (BlockKind.PARAGRAPH, None, "Text body", "负责现金收付。"),
    ]


# ----------------------------------------------------------------------------- lists

DUTY_LIST_STYLE = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-prefix="（" style:num-suffix="）" '
    'style:num-format="一, 二, 三, ..."/>'
    '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-bullet text:level="3" text:bullet-char="●"/>'
    '</text:list-style>'
)


def test_a_numbered_duty_list_gets_its_labels_from_the_list_style() -> None:
    doc = read(odt(
        '<text:list xml:id="list1" text:style-name="L1">'
        '<text:list-item><text:p>财务核算</text:p>'
        '<text:list><text:list-item><text:p>审核原始凭证。</text:p></text:list-item>'
        '<text:list-item><text:p>登记现金日记账。</text:p>'
        '<text:list><text:list-item><text:p>每日核对库存现金。</text:p></text:list-item></text:list>'
        '</text:list-item></text:list></text:list-item>'
        '<text:list-item><text:p>资金管理</text:p><text:p>（本项由财务经理复核）</text:p>'
        '<text:list><text:list-item><text:p>办理银行结算。</text:p></text:list-item></text:list>'
        '</text:list-item></text:list>'
        '<text:p>任职资格</text:p>'
        '<text:list text:style-name="L1" text:continue-list="list1">'
        '<text:list-item><text:p>档案管理</text:p></text:list-item></text:list>'
        '<text:list text:style-name="L1"><text:list-item><text:p>新的一组</text:p></text:list-item></text:list>',
        automatic_styles=DUTY_LIST_STYLE,
    ))
    got = [(b.kind, b.label, b.level, b.text) for b in doc.blocks]
    assert got == [
        (BlockKind.LIST_ITEM, "（一）", 0, "财务核算"),
        (BlockKind.LIST_ITEM, "1.", 1, "审核原始凭证。"),
        (BlockKind.LIST_ITEM, "2.", 1, "登记现金日记账。"),
        (BlockKind.LIST_ITEM, "●", 2, "每日核对库存现金。"),
        (BlockKind.LIST_ITEM, "（二）", 0, "资金管理"),
        (BlockKind.PARAGRAPH, None, None, "（本项由财务经理复核）"),  # the item's second paragraph
        (BlockKind.LIST_ITEM, "1.", 1, "办理银行结算。"),  # level 2 restarts under a new level 1
        (BlockKind.PARAGRAPH, None, None, "任职资格"),
        (BlockKind.LIST_ITEM, "（三）", 0, "档案管理"),  # continues list1
        (BlockKind.LIST_ITEM, "（一）", 0, "新的一组"),  # a list of its own starts again
    ]


def test_display_levels_start_values_and_continue_numbering() -> None:
    style = ('<text:list-style style:name="L2">'
             '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1" '
             'text:start-value="3"/>'
             '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" '
             'text:display-levels="2"/></text:list-style>')
    doc = read(odt(
        '<text:list text:style-name="L2"><text:list-item><text:p>甲</text:p>'
        '<text:list><text:list-item><text:p>乙</text:p></text:list-item></text:list></text:list-item></text:list>'
        '<text:p>插入的说明</text:p>'
        '<text:list text:style-name="L2" text:continue-numbering="true"><text:list-item><text:p>丙</text:p>'
        '</text:list-item><text:list-item text:start-value="9"><text:p>丁</text:p></text:list-item></text:list>',
        automatic_styles=style))
    assert [(b.label, b.text) for b in doc.blocks] == [
        ("3.", "甲"), ("3.1.", "乙"), (None, "插入的说明"), ("4.", "丙"), ("9.", "丁")]


def test_a_list_takes_the_list_style_of_its_paragraph_style_and_without_any_shows_no_label() -> None:
    styles = ('<style:style style:name="List_20_Number" style:display-name="List Number" style:family="paragraph" '
              'style:list-style-name="L3"/>' + DECIMAL_LIST)
    automatic = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="List_20_Number"/>'
    doc = read(odt('<text:list><text:list-item><text:p text:style-name="P1">负责收款</text:p></text:list-item>'
                   '<text:list-item><text:p text:style-name="P1">负责付款</text:p></text:list-item></text:list>'
                   '<text:list><text:list-item><text:p>无编号</text:p></text:list-item></text:list>',
                   styles=styles, automatic_styles=automatic))
    assert [(b.kind, b.label, b.style, b.text) for b in doc.blocks] == [
        (BlockKind.LIST_ITEM, "1.", "List Number", "负责收款"), (BlockKind.LIST_ITEM, "2.", "List Number", "负责付款"),
        (BlockKind.LIST_ITEM, None, None, "无编号")]


def test_headings_numbered_by_the_outline_style() -> None:
    outline = ('<text:outline-style style:name="Outline">'
               '<text:outline-level-style text:level="1" style:num-prefix="第" style:num-suffix="章" '
               'style:num-format="一, 二, 三, ..."/>'
               '<text:outline-level-style text:level="2" style:num-format=""/></text:outline-style>')
    doc = read(odt('<text:h text:outline-level="1">总则</text:h><text:h text:outline-level="2">目的</text:h>'
                   '<text:h text:outline-level="1">岗位职责</text:h>'
                   # headings may also sit in a list that names the outline style
                   '<text:list text:style-name="Outline"><text:list-item>'
                   '<text:h text:outline-level="1">任职资格</text:h></text:list-item></text:list>', styles=outline))
    assert [(b.kind, b.label, b.level, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "第一章", 0, "总则"), (BlockKind.HEADING, None, 1, "目的"),
        (BlockKind.HEADING, "第二章", 0, "岗位职责"), (BlockKind.HEADING, "第三章", 0, "任职资格")]


# ----------------------------------------------------------------------------- tables

ROLE_CARD = (
    '<table:table table:name="岗位信息">'
    '<table:table-column table:number-columns-repeated="4"/>'
    '<table:table-header-rows><table:table-row>'
    '<table:table-cell table:number-columns-spanned="4"><text:p>岗位说明书</text:p></table:table-cell>'
    '<table:covered-table-cell table:number-columns-repeated="3"/>'
    '</table:table-row></table:table-header-rows>'
    '<table:table-row>'
    '<table:table-cell><text:p>岗位名称</text:p></table:table-cell>'
    '<table:table-cell><text:p>出纳</text:p></table:table-cell>'
    '<table:table-cell><text:p>所属部门</text:p></table:table-cell>'
    '<table:table-cell><text:p>财务部</text:p></table:table-cell>'
    '</table:table-row>'
    '<table:table-row>'
    '<table:table-cell table:number-rows-spanned="2"><text:p>岗位职责</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-spanned="3"><text:p>1. 办理现金收付。</text:p></table:table-cell>'
    '<table:covered-table-cell table:number-columns-repeated="2"/>'
    '</table:table-row>'
    '<table:table-row>'
    '<table:covered-table-cell/>'
    '<table:table-cell table:number-columns-spanned="3"><text:p>2. 登记日记账。</text:p></table:table-cell>'
    '<table:covered-table-cell/><table:covered-table-cell/>'
    '</table:table-row>'
    '</table:table>'
)


def test_a_role_card_table_keeps_its_merged_cells_once() -> None:
    doc = read(odt(ROLE_CARD))
    [block] = doc.blocks
    table = block.table
    assert block.kind == BlockKind.TABLE and (table.n_rows, table.n_cols) == (4, 4)
    cells = {(c.row, c.col): (c.rowspan, c.colspan, c.text) for c in table.cells}
    assert cells == {
        (0, 0): (1, 4, "岗位说明书"),
        (1, 0): (1, 1, "岗位名称"), (1, 1): (1, 1, "出纳"), (1, 2): (1, 1, "所属部门"), (1, 3): (1, 1, "财务部"),
        (2, 0): (2, 1, "岗位职责"), (2, 1): (1, 3, "1. 办理现金收付。"),
        (3, 1): (1, 3, "2. 登记日记账。"),
    }
    grid = table.grid()
    assert grid[3][0].text == "岗位职责" and grid[0][3].text == "岗位说明书"


def test_a_nested_table_follows_its_parent_and_points_at_its_cell() -> None:
    inner = ('<table:table><table:table-row><table:table-cell><text:p>内</text:p></table:table-cell>'
             '</table:table-row></table:table>')
    doc = read(odt('<table:table><table:table-row><table:table-cell><text:p>外</text:p></table:table-cell>'
                   f'<table:table-cell>{inner}</table:table-cell></table:table-row></table:table>'))
    outer, nested = doc.blocks
    assert outer.table.cells[1].text == "" and nested.container == (0, 0, 1)
    assert nested.table.cells[0].text == "内"


def test_a_list_in_a_cell_reads_with_its_labels() -> None:
    doc = read(odt('<table:table><table:table-row><table:table-cell>'
                   '<text:list text:style-name="L1"><text:list-item><text:p>核算</text:p></text:list-item>'
                   '<text:list-item><text:p>结算</text:p></text:list-item></text:list>'
                   '</table:table-cell></table:table-row></table:table>', automatic_styles=DUTY_LIST_STYLE))
    assert doc.blocks[0].table.cells[0].text == "（一）核算\n（二）结算"


# ----------------------------------------------------------------------------- frames, changes, notes


def test_a_text_box_is_read_after_the_paragraph_it_is_anchored_in() -> None:
    doc = read(odt(
        '<text:p>岗位名称：出纳<draw:frame draw:name="框1" text:anchor-type="paragraph" svg:width="5cm">'
        '<draw:text-box><text:p>编制日期：2024年3月</text:p></draw:text-box></draw:frame></text:p>'
        '<text:p>所属部门：财务部<draw:frame draw:name="图1"><draw:image xlink:href="Pictures/1.png"/>'
        '</draw:frame></text:p>'
    ))
    assert body_lines(doc) == ["岗位名称：出纳", "编制日期：2024年3月", "所属部门：财务部"]
    assert [w.code for w in doc.warnings] == ["image_skipped"]


def test_deleted_tracked_changes_are_not_shown_and_insertions_are() -> None:
    doc = read(odt(
        '<text:tracked-changes>'
        '<text:changed-region xml:id="ct1" text:id="ct1"><text:deletion>'
        '<office:change-info><dc:creator>HR</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info>'
        '<text:p>会计</text:p></text:deletion></text:changed-region>'
        '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion>'
        '<office:change-info><dc:creator>HR</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info>'
        '</text:insertion></text:changed-region>'
        '</text:tracked-changes>'
        '<text:p>岗位名称：<text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>出纳'
        '<text:change-end text:change-id="ct2"/></text:p>'
    ))
    assert body_lines(doc) == ["岗位名称：出纳"]


def test_comments_and_footnotes_are_skipped_and_counted() -> None:
    doc = read(odt(
        '<text:p>任职资格：大专以上学历<text:note text:id="ftn1" text:note-class="footnote">'
        '<text:note-citation>1</text:note-citation><text:note-body><text:p>含同等学力。</text:p></text:note-body>'
        '</text:note><office:annotation><dc:creator>HR</dc:creator><text:p>待确认</text:p></office:annotation>。'
        '</text:p>'
    ))
    assert body_lines(doc) == ["任职资格：大专以上学历。"]
    assert sorted(w.code for w in doc.warnings) == ["annotation_skipped", "note_skipped"]


def test_a_table_of_contents_is_skipped_and_headers_footers_are_furniture() -> None:
    master = ('<style:master-page style:name="Standard" style:page-layout-name="pm1">'
              '<style:header><text:p>某某有限公司 岗位说明书</text:p></style:header>'
              '<style:header-left style:display="false"><text:p>左页眉</text:p></style:header-left>'
              '<style:footer><text:p>第 <text:page-number>1</text:page-number> 页</text:p></style:footer>'
              '</style:master-page>'
              '<style:master-page style:name="First_20_Page" style:page-layout-name="pm2">'
              '<style:header><text:p>某某有限公司 岗位说明书</text:p></style:header></style:master-page>')
    doc = read(odt(
        '<text:table-of-content text:name="目录"><text:index-body>'
        '<text:p>岗位职责<text:tab/>1</text:p></text:index-body></text:table-of-content>'
        '<text:h text:outline-level="1">岗位职责</text:h>', master=master))
    assert body_lines(doc) == ["岗位职责"]
    assert [b.text for b in doc.furniture] == ["某某有限公司 岗位说明书", "第 1 页"]
    assert [w.code for w in doc.warnings] == ["index_skipped"]


# ----------------------------------------------------------------------------- flat XML, bounds


def test_a_flat_fodt_reads_like_the_package() -> None:
    flat = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NAMESPACES} office:version="1.2" '
            f'office:mimetype="{MIMETYPE}"><office:automatic-styles>{DUTY_LIST_STYLE}</office:automatic-styles>'
            '<office:body><office:text><text:p>岗位名称：出纳</text:p>'
            '<text:list text:style-name="L1"><text:list-item><text:p>现金收付</text:p></text:list-item></text:list>'
            '</office:text></office:body></office:document>').encode()
    assert sniff(flat, "x.txt").format == "fodt"
    doc = read(flat)
    assert doc.format == "odt" and body_lines(doc) == ["岗位名称：出纳", "（一） 现金收付"]


def test_a_hostile_space_run_is_refused() -> None:
    with pytest.raises(DocumentError) as hostile:
        read(odt('<text:p>a<text:s text:c="999999999"/>b</text:p>'))
    assert hostile.value.code == ErrorCode.TOO_LARGE


def test_a_huge_repeated_column_count_stays_within_the_table_bound() -> None:
    doc = read(odt('<table:table><table:table-row table:number-rows-repeated="100000">'
                   '<table:table-cell table:number-columns-repeated="1000000"><text:p>x</text:p></table:table-cell>'
                   '</table:table-row></table:table>'))
    table = doc.blocks[0].table
    assert table.n_cols == 1024 and table.n_rows * table.n_cols <= 50_000
    assert "truncated" in [w.code for w in doc.warnings]


# ----------------------------------------------------------------------------- end to end

JOB_DESCRIPTION_BODY = (
    '<text:h text:outline-level="1">出纳岗位说明书</text:h>'
    '<table:table><table:table-column table:number-columns-repeated="4"/>'
    '<table:table-row><table:table-cell><text:p>岗位名称</text:p></table:table-cell>'
    '<table:table-cell><text:p>出纳</text:p></table:table-cell>'
    '<table:table-cell><text:p>所属部门</text:p></table:table-cell>'
    '<table:table-cell><text:p>财务部</text:p></table:table-cell></table:table-row>'
    '<table:table-row><table:table-cell><text:p>直接上级</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-spanned="3"><text:p>财务经理</text:p></table:table-cell>'
    '<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row></table:table>'
    '<text:p>岗位职责：</text:p>'
    '<text:list text:style-name="L3">'
    '<text:list-item><text:p>负责现金收付和银行结算业务。</text:p></text:list-item>'
    '<text:list-item><text:p>登记现金日记账和银行存款日记账。</text:p></text:list-item>'
    '<text:list-item><text:p>保管库存现金和有价证券。</text:p></text:list-item>'
    '</text:list>'
    '<text:p>任职资格：</text:p>'
    '<text:p>大专以上学历，会计相关专业。</text:p>'
)
DECIMAL_LIST = ('<text:list-style style:name="L3"><text:list-level-style-number text:level="1" '
                'style:num-suffix="." style:num-format="1"/></text:list-style>')


def test_a_job_description_odt_converts_to_its_role() -> None:
    result = convert_bytes(odt(JOB_DESCRIPTION_BODY, automatic_styles=DECIMAL_LIST), "出纳岗位说明书.odt")
    assert result.status in ("ok", "partial"), result.error
    [role] = result.roles
    assert role.title == "出纳"
    assert role.source.format == "odt"
    assert [d.text for d in role.duties] == [
        "负责现金收付和银行结算业务", "登记现金日记账和银行存款日记账", "保管库存现金和有价证券"]  # as records keep duties


def test_jdx_convert_reads_an_odt_file(tmp_path: Path) -> None:
    path = tmp_path / "出纳岗位说明书.odt"
    path.write_bytes(odt(JOB_DESCRIPTION_BODY, automatic_styles=DECIMAL_LIST))
    result = CliRunner().invoke(app, ["convert", str(path)])
    assert result.exit_code == 0, result.output
    assert '"title": "出纳"' in result.stdout and '"format": "odt"' in result.stdout
    archive = tmp_path / "资料.zip"
    with zipfile.ZipFile(archive, "w") as plain:
        plain.writestr("岗位说明书.txt", "岗位名称：出纳")
    refused = CliRunner().invoke(app, ["convert", str(archive)])
    assert refused.exit_code == 1
    assert "a zip archive that is not a Word, Excel or OpenDocument file" in refused.stdout


def test_a_part_with_a_dtd_is_refused_and_tables_nested_past_the_bound_are_too_large() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE)
        archive.writestr("content.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]>' + content_xml("<text:p>&a;</text:p>")
                         .split("\n", 1)[1])
    with pytest.raises(DocumentError) as dtd:
        read(buffer.getvalue())
    assert dtd.value.code == ErrorCode.CORRUPT_FILE
    deep = "<text:p>x</text:p>"
    for _ in range(70):
        deep = f"<table:table><table:table-row><table:table-cell>{deep}</table:table-cell></table:table-row></table:table>"
    with pytest.raises(DocumentError) as nested:
        read(odt(deep))
    assert nested.value.code == ErrorCode.TOO_LARGE
