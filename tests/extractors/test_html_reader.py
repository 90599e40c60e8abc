"""HTML reader: career-page markup as structure. Block-level expectations a person checked
against small pages written here and against the corpus career pages (php/jsp/aspx/html)."""

from __future__ import annotations

from conftest import corpus_document
from jdx.extractors import read_document
from jdx.schemas.document import STYLE_BOLD, BlockKind, Document


def page(body: str, head: str = '<meta charset="utf-8">') -> Document:
    return read_document(f"<html><head>{head}</head><body>{body}</body></html>".encode())


def shape(doc: Document) -> list[tuple]:
    return [(b.kind.value, b.text, b.label, b.level, b.style) for b in doc.blocks if b.table is None]


def test_whole_line_strong_or_b_is_a_bold_heading() -> None:
    doc = page("<div><strong>工作职责：</strong><br>1、跟进订单。<br><b>任职要求</b>：<br>"
               "<p>负责<strong>核心</strong>业务</p><p><b></b>1、本科以上</p></div>")
    assert shape(doc) == [
        ("heading", "工作职责：", None, None, STYLE_BOLD),
        ("paragraph", "1、跟进订单。", None, None, None),
        ("heading", "任职要求：", None, None, STYLE_BOLD),
        ("paragraph", "负责核心业务", None, None, None),
        ("paragraph", "1、本科以上", None, None, None),
    ]


def test_dt_number_and_dd_text_are_one_labelled_item() -> None:
    doc = page("<dl><dt>1.</dt><dd>参与制定人力资源战略规划；</dd><dt>2.</dt><dd>建立招聘体系；</dd></dl>")
    assert shape(doc) == [("list_item", "参与制定人力资源战略规划；", "1.", None, None),
                          ("list_item", "建立招聘体系；", "2.", None, None)]


def test_br_separated_items_are_separate_blocks() -> None:
    doc = page("<p>岗位职责：<br/>1、负责选址；<Br>2、负责谈判；<br>3、上级交办的其它事务。</p>")
    assert [b.text for b in doc.blocks] == ["岗位职责：", "1、负责选址；", "2、负责谈判；", "3、上级交办的其它事务。"]


def test_list_labels_levels_and_typed_numbers_not_doubled() -> None:
    doc = page("<ol><li>制定计划</li><li>执行计划<ul><li>按周复盘</li></ul></li></ol>"
               "<ol><li>1、大专以上学历</li><li>（2）两年经验</li></ol><ul><li>3、持有驾照</li></ul>")
    assert shape(doc) == [
        ("list_item", "制定计划", "1.", 0, None),
        ("list_item", "执行计划", "2.", 0, None),
        ("list_item", "按周复盘", "•", 1, None),
        ("list_item", "1、大专以上学历", None, 0, None),
        ("list_item", "（2）两年经验", None, 0, None),
        ("list_item", "3、持有驾照", None, 0, None),
    ]


def test_declared_gb2312_charset_decodes_gbk_bytes() -> None:
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' \
           "<body><p>招聘职位：会计</p><p>职位要求：</p><p>1. 熟悉财务软件</p></body></html>"
    doc = read_document(html.encode("gbk"))
    assert doc.encoding == "gbk"
    assert [b.text for b in doc.blocks] == ["招聘职位：会计", "职位要求：", "1. 熟悉财务软件"]


# --- corpus career pages ------------------------------------------------------------------

def test_php_page_with_strong_labels_and_br_items() -> None:
    doc = corpus_document("lxc512157407__qiyi/src/web/zh/Us.php")
    bold = [b.text for b in doc.blocks if b.style == STYLE_BOLD]
    assert bold[:4] == ["工作职责：", "任职要求：", "工作职责：", "任职要求："]
    texts = [b.text for b in doc.blocks]
    start = texts.index("销售经理")
    assert texts[start:start + 6] == ["销售经理", "工作职责：", "1、帮助业务经理处理订单的相关内容。", "2、解答客户的提问。",
                                      "3、跟进订单。", "4、每年有1~2次到上海等地出差。"]
    assert "文案策划（2名）" in texts


def test_php5_page_ol_with_typed_numbers_has_no_second_label() -> None:
    doc = corpus_document("cnceo__166cai/application/views/v1.1/about/recruit.php5")
    duties = [b for b in doc.blocks if b.kind == BlockKind.LIST_ITEM and b.text.startswith("1、")]
    assert [(b.label, b.text[:12]) for b in duties] == [(None, "1、通过企业QQ在线客服"), (None, "1、大专以上学历，具备品")]
    assert [b.text for b in doc.blocks if b.kind == BlockKind.HEADING][:3] == ["人才招聘", "岗位职责：", "任职要求："]


def test_jsp_page_dt_dd_numbering() -> None:
    doc = corpus_document("liu67224657__besl-platform/webapps/www/htdocs/views/jsp/about/job/renshi.jsp")
    items = [(b.label, b.text) for b in doc.blocks if b.kind == BlockKind.LIST_ITEM and b.label != "•"]
    assert items[0] == ("1.", "参与制定人力资源战略规划，为人事决策提供建议和信息支持；")
    assert items[5] == ("6.", "完成领导交办的其他工作。")
    assert items[6] == ("1.", "相关专业本科以上学历；")
    assert len(items) == 16


def test_gb2312_aspx_page_decodes_and_keeps_its_items() -> None:
    doc = corpus_document("riderlg__company_web/WebApplication1/WebFront/zhaopin.aspx")
    assert doc.encoding == "gbk"
    texts = [b.text for b in doc.blocks]
    assert "招聘职位: .NET软件工程师 全职" in texts
    assert "1. 热爱软件行业，熟悉asp.net（C#），可根据系统需求对系统体系架构进行分析和设计；" in texts
    assert "薪酬2000-5000元/月+奖金" in texts


def test_cinema_page_bold_titles_in_one_paragraph() -> None:
    doc = corpus_document("hypo1986__ProjectCase-osghcinemas-2012.12.20/zhaopin.html")
    bold = [b.text for b in doc.blocks if b.style == STYLE_BOLD]
    assert ["节目开发总监", "节目制作总监", "业务拓展高级经理", "业务拓展经理"] == bold[1:5]
    texts = [b.text for b in doc.blocks]
    first = texts.index("节目开发总监")
    assert texts[first + 1:first + 3] == ["岗位职责：", "1、负责对外合作项目的挖掘、商业合作洽谈及客户跟进工作；"]


def test_page_title_header_and_footer_are_furniture() -> None:
    """A career page names its company in <title> and the footer: they are the page's furniture
    (as a Word file's running header is), never body blocks."""
    page = ("<html><head><title>加入我们 - 杭州云帆网络科技有限公司</title></head><body>"
            "<header><a href='/'>首页</a></header><h2>产品经理</h2><ul><li>负责需求分析</li></ul>"
            "<footer>简历投递：hr@example.com ©2026 杭州云帆网络科技有限公司</footer></body></html>")
    doc = read_document(page.encode("utf-8"))
    assert [b.text for b in doc.furniture] == ["加入我们 - 杭州云帆网络科技有限公司", "首页",
                                               "简历投递：hr@example.com ©2026 杭州云帆网络科技有限公司"]
    assert all("杭州云帆" not in b.text for b in doc.blocks)


def test_divs_named_as_menu_or_footer_are_page_furniture() -> None:
    """Pages older than <nav>/<footer> name them by class or id: the menu is left out, the
    footer goes to the furniture; a class that only contains such a word (job-header) is text."""
    doc = page('<div class="nav">首页 | 人才招聘</div><div class="job-header">会计</div>'
               '<p>负责总账核算。</p><div id="footer">Copyright 某某有限公司</div>')
    assert [b.text for b in doc.blocks] == ["会计", "负责总账核算。"]
    assert [b.text for b in doc.furniture] == ["Copyright 某某有限公司"]
