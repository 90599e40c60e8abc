"""Markdown reader: blocks a person checked against corpus postings (pingcap, PPLabs, DDFE,
sunyongjian, luotao1, mokaki) and against small documents written here."""

from __future__ import annotations

from pathlib import Path

from conftest import corpus_document
from jdx.extractors import ReadOptions, read_document
from jdx.extractors.limits import Limits
from jdx.extractors.markdown import soft_break_splits
from jdx.extractors.sniff import text_dialect
from jdx.extractors.text import read_text
from jdx.schemas.document import STYLE_BOLD, BlockKind, Document


def md(text: str, name: str = "posting.md") -> Document:
    return read_document(text.encode("utf-8"), options=ReadOptions(filename=name))


def shape(doc: Document) -> list[tuple]:
    return [(b.kind.value, b.text, b.label, b.level, b.style) for b in doc.blocks if b.table is None]


def headings(doc: Document, style: str | None = None) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == BlockKind.HEADING and b.style == style]


def items(doc: Document) -> list[tuple[str, str, int]]:
    return [(b.label, b.text, b.level) for b in doc.blocks if b.kind == BlockKind.LIST_ITEM]


# --- corpus ---------------------------------------------------------------------------------

def test_pingcap_front_matter_bold_labels_and_numbered_items() -> None:
    doc = corpus_document("pingcap__website/markdown-pages/zh/careers/business/commercial-sales.md")
    assert doc.format == "md"
    assert doc.metadata["title"] == "Inside Sales"
    assert doc.metadata["tags"] == ["Business"]
    assert doc.metadata["location"] == "北京"
    assert doc.metadata["position"] == "true"  # as written, not a boolean
    assert doc.metadata["summary"].startswith("实现 TiDB 产品销售业绩和利润目标；")
    assert not any("实现 TiDB 产品销售业绩和利润目标；从" in b.text for b in doc.blocks)  # summary is not body
    assert [(b.text, b.level) for b in doc.blocks if b.kind == BlockKind.HEADING and b.style is None] == [
        ("Inside Sales", 0)]
    assert headings(doc, STYLE_BOLD) == ["岗位职责：", "任职要求：", "加分项：", "待遇：", "工作地点："]
    duties = items(doc)[:7]
    assert duties[0] == ("1.", "实现 TiDB 产品销售业绩和利润目标；", 0)
    assert duties[6] == ("7.", "通过收集反馈，市场信息和行业趋势，产品需求和竞争问题，进行销售计划和预测管理。", 0)
    assert len(items(doc)) == 7 + 9 + 1
    texts = [b.text for b in doc.blocks]
    assert "Base 20K - 40K，期权 + 丰厚的业绩奖金，优秀者可面议" in texts
    assert texts[-1] == "北京"


def test_pingcap_bold_labels_without_colon_and_no_blank_line_before_h1() -> None:
    doc = corpus_document("pingcap__website/markdown-pages/zh/careers/business/senior-solution-architect-overseas.md")
    assert doc.metadata["title"] == "高级解决方案架构师"
    assert doc.blocks[0].kind == BlockKind.HEADING and doc.blocks[0].text == "高级解决方案架构师"
    assert headings(doc, STYLE_BOLD) == ["职位描述：", "任职要求：", "加分项：", "待遇", "联系方式：",
                                          "工作地点"]
    assert "25k-35k +期权，13 薪+奖金，优秀者可面议" in [b.text for b in doc.blocks]


def test_pplabs_headings_lists_and_html_tail() -> None:
    doc = corpus_document("github__personal-website/_posts/2019-07-09-Product-Manager.md")
    assert doc.metadata == {"title": "招聘：产品经理（2人）[已结束]", "published": "false", "categories": ["招聘"],
                            "tags": ["产品职位"]}
    assert [(b.text, b.level) for b in doc.blocks if b.kind == BlockKind.HEADING and b.level == 2] == [
        ("岗位1：产品经理-海外应用", 2), ("岗位2：产品经理", 2)]
    assert headings(doc)[:3] == ["岗位1：产品经理-海外应用", "工作职责", "基本要求"]
    assert ("1.", "15-20k * 14", 0) in items(doc)
    texts = [b.text for b in doc.blocks]
    # a link reads as its text; a bold line between <hr> tags is a bold heading; <br/> ends a block
    assert "关于公司薪酬福利等招聘答疑请点此了解" in texts
    assert headings(doc, STYLE_BOLD) == ["简历投递邮箱：ash@pplabs.org"]
    assert texts[-2:] == ["公司地址： 上海浦东新区亮秀路112号Y1座9楼910室", "近2号线金科路"]


def test_pplabs_inline_code_marks_are_removed() -> None:
    doc = corpus_document("github__personal-website/_posts/2019-04-20-all-positions.md")
    assert ("-", "配合后端完成 Web 和 Native APP 的前端开发；", 0) in items(doc)
    assert ("-", "精通 React、Angular、Vue 等一种或多种常见框架", 0) in items(doc)


def test_ddfe_literal_numbers_kept_as_labels_even_when_wrong() -> None:
    doc = corpus_document("DDFE__DDFE-blog/JD.md")
    assert headings(doc)[:4] == ["滴滴 WebApp 架构团队招聘", "招聘职位", "Head Count", "工作地点"]
    business = [i for i in items(doc) if "支撑滴滴" in i[1]]
    assert [label for label, _, _ in business] == ["1.", "1."]  # the source numbers both items 1.
    bonus = items(doc)[16:26]
    assert [label for label, _, _ in bonus][:4] == ["1.", "2.", "2.", "4."]  # duplicated 2., no 3. in the source
    assert ["社招：1", "应届：0", "实习：0"] == [b.text for b in doc.blocks[4:7]]
    assert doc.blocks[-1].text.startswith("我们是一个年轻的团队") and "cube-ui、better-scroll" in doc.blocks[-1].text


def test_sunyongjian_sections_and_bullets() -> None:
    doc = corpus_document("sunyongjian__blog/JD.md")
    assert [h for h in headings(doc) if h.endswith("方向")] == ["WebApp 方向", "运营方向", "系统方向", "支付方向"]
    assert ("-", "移动端方向", 0) in items(doc)  # a mis-leveled heading written as a bullet stays a bullet
    requirements = [t for _, t, _ in items(doc)]
    assert "2 年以上前端开发经验（能力特别突出者例外）" in requirements
    assert doc.blocks[-1].text == "sunyongjian0108@gmail.com"


def test_luotao1_table_of_roles_and_bracket_labels() -> None:
    doc = corpus_document("luotao1__luotao1/JD.md")
    table = next(b.table for b in doc.blocks if b.table is not None)
    grid = [[c.text for c in row] for row in table.rows()]
    assert grid[0] == ["岗位名称", "招聘范围", "工作地点"]  # bold markup removed
    assert grid[1] == ["飞桨多硬件方向研发工程师", "社招/校招/实习生", "优先北京/上海，深圳需要特别优秀"]  # link as text
    assert len(grid) == 8
    # every section heading has an <a id> the table links to: marked as a linked (anchor) heading
    assert headings(doc, "anchor") == ["飞桨多硬件方向研发工程师", "飞桨AI编译器研发工程师", "AI平台后端开发工程师",
                                       "飞桨平台前端研发工程师", "飞桨推理方向量化压缩岗位", "大模型推理性能优化工程师",
                                       "大模型工程效率研发工程师"]
    assert "【工作职责】" in [b.text for b in doc.blocks if b.kind == BlockKind.PARAGRAPH]
    assert "具有以下条件者优先：" in [b.text for b in doc.blocks]


def test_mokaki_one_item_per_line_without_blank_lines() -> None:
    doc = corpus_document("mokaki__2020work/招聘.md")
    texts = [b.text for b in doc.blocks]
    start = texts.index("公司福利:")
    assert texts[start + 1:start + 4] == ["有薪年假", "有薪侍產假", "有薪生日假"]
    role = texts.index("1.業務員")
    assert texts[role + 1:role + 3] == ["要求: 中五程度,三年或以上餐廳食品銷售經驗", "職責: 開拓客戶,產品銷售"]
    assert "Web Programmer" in texts


# --- documents of our own -------------------------------------------------------------------

def test_bold_line_variants_are_bold_headings_and_inline_bold_is_not() -> None:
    doc = md("**岗位职责：**\n\n__任职要求__\n\n**薪资待遇**：\n\n**工作地点：** 上海\n\n负责**核心**业务\n")
    assert shape(doc) == [
        ("heading", "岗位职责：", None, None, "bold"),
        ("heading", "任职要求", None, None, "bold"),
        ("heading", "薪资待遇：", None, None, "bold"),
        ("paragraph", "工作地点： 上海", None, None, None),
        ("paragraph", "负责核心业务", None, None, None),
    ]


def test_lists_keep_literal_markers_and_nesting_and_typed_numbers() -> None:
    doc = md("- 负责招聘\n  - 校园招聘\n  * 社会招聘\n1) 第一项\n2) 第二项\n\n3. 1、已编号的文本\n")
    assert items(doc) == [("-", "负责招聘", 0), ("-", "校园招聘", 1), ("*", "社会招聘", 1),
                          ("1)", "第一项", 0), ("2)", "第二项", 0), ("3.", "1、已编号的文本", 0)]


def test_soft_breaks_end_chinese_lines_but_join_wrapped_english() -> None:
    doc = md("岗位要求：\n本科及以上学历\n三年以上经验\n\nWe are looking for an engineer\nwho enjoys open source.\n"
             "Responsibilities:\nwrite code\n")
    assert [b.text for b in doc.blocks] == [
        "岗位要求：", "本科及以上学历", "三年以上经验",
        "We are looking for an engineer who enjoys open source.", "Responsibilities:", "write code"]
    assert soft_break_splits("the team", "1. Build things")
    assert not soft_break_splits("the team", "and the company")


def test_front_matter_nested_and_unreadable() -> None:
    doc = md("---\ntitle: 会计\nsalary:\n  min: 8000\n  max: 12000\ntags: [财务, 全职]\n---\n# 会计\n")
    assert doc.metadata == {"title": "会计", "salary.min": "8000", "salary.max": "12000", "tags": ["财务", "全职"]}
    assert [b.text for b in doc.blocks] == ["会计"]
    broken = md("---\ntitle: [unclosed\n---\n正文\n")
    assert [w.code for w in broken.warnings] == ["front_matter_unreadable"]
    assert [b.text for b in broken.blocks] == ["title: [unclosed", "正文"]  # nothing lost


def test_tables_code_fences_html_and_images() -> None:
    doc = md("| 指标 | 权重 |\n|---|---|\n| **回款率** | 30% |\n| [满意度](http://x) | 20% |\n\n"
             "```\n投递方式：邮件\n```\n\n<p>联系人：<b>王女士</b><br>电话：123</p>\n\n![logo](a.png)\n")
    table = doc.blocks[0].table
    assert [[c.text for c in r] for r in table.rows()] == [["指标", "权重"], ["回款率", "30%"], ["满意度", "20%"]]
    assert shape(doc)[0] == ("paragraph", "投递方式：邮件", None, None, "code")
    assert [b.text for b in doc.blocks[2:]] == ["联系人：王女士", "电话：123"]
    assert [w.code for w in doc.warnings] == ["image_skipped"]


def test_markdown_is_chosen_by_name_or_unmistakable_content_only() -> None:
    assert text_dialect(b"# a\n", "jd.MD") == "md"
    assert text_dialect(b"---\ntitle: x\n---\nbody\n", None) == "md"
    assert text_dialect(b"# \xe5\xb2\x97\xe4\xbd\x8d\n\n## b\n\n- item\n", None) == "md"
    assert text_dialect("# 注释行\n岗位名称：出纳\n".encode(), None) == "txt"
    assert text_dialect("岗位名称：出纳\n".encode(), "jd.txt") == "txt"


def test_text_reader_no_longer_interprets_markdown() -> None:
    doc = read_text("## 岗位职责\n**负责**收银\n".encode(), Limits())
    assert [(b.kind.value, b.text) for b in doc.blocks] == [("paragraph", "## 岗位职责"), ("paragraph", "**负责**收银")]


def test_jdx_blocks_reads_a_md_file_as_markdown(tmp_path: Path) -> None:
    from jdx.pipeline.cli import app
    from typer.testing import CliRunner

    path = tmp_path / "招聘.md"
    path.write_text("**岗位职责：**\n\n1. 负责收银\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["blocks", str(path), "--raw"])
    assert result.exit_code == 0
    assert '"format": "md"' in result.output and '"style": "bold"' in result.output
