"""Extraction on realistic documents written for these tests (not the seeds): role
segmentation, sections and their synonyms, labels, lists, qualifications, reporting, KPIs,
nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lost_characters
from jdx.pipeline.convert import convert_bytes
from jdx.pipeline.fields.reporting import superior_clause, superior_name
from jdx.pipeline.lexicon import build_lexicon, bundled_data, load_lexicon
from jdx.pipeline.piece import Loc
from jdx.pipeline.scan import scan_text
from jdx.pipeline.segment import department_line
from jdx.pipeline.titles import (
    match_doc_title,
    recruiter_before_title,
    split_title,
    title_with_department,
    title_with_employer,
)
from jdx.schemas.role import ConvertResult, PeriodTargets


def convert(text: str, name: str = "test.txt", encoding: str = "utf-8", **kw) -> ConvertResult:
    result = convert_bytes(text.encode(encoding), name, raise_errors=True, **kw)
    assert result.status != "failed", result.error
    return result


ONE_LINE = (
    "华东机电有限公司工作说明书一、岗位资料岗位名称:设备主管 岗位编号: 岗位人数:2 职位等级: "
    "所属部门/科室:设备部 直属上司职位:生产经理 临时替代岗位:设备工程师 可轮调岗位:工艺主管 可升迁岗位:生产经理 "
    "二、岗位在组织中的位置生产经理设备主管维修班长 三、汇报程序及督导范围直接汇报对象:生产经理"
    "直接督导 2 个岗位,共 9 人间接督导 个岗位,共 人 四、岗位职责一、编制设备年度检修计划 二、组织设备点检与保养 "
    "三、处理设备突发故障 五、权限范围·维修人员考核权 ·备件采购建议权 六、使用设备电脑、万用表 七、任用资格"
    "受教育程度:大专以上 年龄:28岁以上 经验:五年以上设备管理经验 基本技能:较强的组织能力、故障分析能力 "
    "基本素质:认真、负责 八、业务接触对象公司外:设备供应商 公司内:生产部、质量部"
)


def test_a_whole_description_on_one_line() -> None:
    role = convert(ONE_LINE).roles[0]
    assert role.title == "设备主管"
    assert role.organization == "华东机电有限公司"
    assert (role.code, role.grade, role.headcount, role.department) == (None, None, 2, "设备部")
    assert role.reporting.reports_to == ["生产经理"]
    assert role.reporting.substitutes == ["设备工程师"]
    assert role.reporting.rotations == ["工艺主管"] and role.reporting.promotions == ["生产经理"]
    assert role.reporting.supervision.direct_positions == 2
    assert role.reporting.supervision.direct_headcount == 9
    assert role.reporting.supervision.indirect_headcount is None
    assert [d.text for d in role.duties] == ["编制设备年度检修计划", "组织设备点检与保养", "处理设备突发故障"]
    assert role.authorities == ["维修人员考核权", "备件采购建议权"]
    assert role.equipment == ["电脑", "万用表"]
    q = role.qualifications
    assert (q.education.level, q.education.or_above) == ("大专", True)
    assert q.age.min == 28 and q.experience.years_min == 5
    assert q.skills == ["较强的组织能力", "故障分析能力"] and q.qualities == ["认真", "负责"]
    assert role.contacts.external == ["设备供应商"] and role.contacts.internal == ["生产部", "质量部"]
    assert any(o.heading == "岗位在组织中的位置" for o in role.other_sections)


COMPILATION = """\
物业公司岗位说明书汇编
保安队长岗位说明书
保洁主管岗位说明书
保安队长岗位说明书
岗位概述:负责小区安全防范工作。
岗位职责
1. 制定保安排班表并检查执勤情况;
2. 组织消防演练:
- 每季度组织一次全员演练
- 检查消防器材完好
3. 处理突发治安事件。
任职要求
1.学历要求:高中及以上学历。
2.工作经验:3年以上保安管理经验。
3.退伍军人优先。
保洁主管岗位职责
一、负责保洁人员的排班与考核 二、检查公共区域卫生 三、完成上级交办的其他工作
以上岗位说明仅供参考,具体要求可根据公司实际情况进行调整。
"""


def test_compilation_table_of_contents_and_nested_lists() -> None:
    result = convert(COMPILATION)
    assert [r.title for r in result.roles] == ["保安队长", "保洁主管"]
    guard, cleaner = result.roles
    assert guard.purpose == "负责小区安全防范工作"
    assert [(d.text, d.category) for d in guard.duties] == [
        ("制定保安排班表并检查执勤情况", None),
        ("每季度组织一次全员演练", "组织消防演练"),
        ("检查消防器材完好", "组织消防演练"),
        ("处理突发治安事件", None),
    ]
    assert guard.qualifications.education.level == "高中"
    assert guard.qualifications.experience.years_min == 3
    assert [d.text for d in cleaner.duties] == ["负责保洁人员的排班与考核", "检查公共区域卫生", "完成上级交办的其他工作"]
    assert all(r.source.role_count == 2 for r in result.roles)
    assert [r.source.role_index for r in result.roles] == [0, 1]
    # the TOC lines and the compilation title make no role; the closer is not role text
    assert not any("仅供参考" in u.text for r in result.roles for u in r.unmapped)


SLIDES = (
    "门店运营体系-岗位职责 区域层面 (1)区域经理 汇报对象:运营总监 负责区域门店的经营指标达成。 "
    "每周巡店并输出巡店报告。 步骤3:门店运营体系-岗位职责 门店层面 (2)店长 汇报对象: 负责门店日常运营。 "
    "组织晨会 (3)收银员 (4)理货员 步骤4:服务承诺 1、七天无理由退货 2、会员积分"
)


def test_slide_deck_roles_and_empty_titles() -> None:
    result = convert(SLIDES)
    assert [r.title for r in result.roles] == ["区域经理", "店长"]
    area, store = result.roles
    assert area.reporting.reports_to == ["运营总监"]
    assert [d.text for d in area.duties] == ["负责区域门店的经营指标达成", "每周巡店并输出巡店报告"]
    assert store.reporting.reports_to == []  # "汇报对象:" followed by a duty is an empty label
    assert [d.text for d in store.duties] == ["负责门店日常运营", "组织晨会"]


FORM_CELLS = """\
岗位名称
质检员
岗位编号
岗位人数
3
直接上级
质量主管
工作目的
按标准检验来料和成品,防止不合格品流入下道工序。
职责序号
职责名称
职 责 内 容
工作时间
职责一
来料检验
按抽样标准检验来料并填写检验记录。
每批
负责不合格来料的标识与隔离。
工作需要时
职责二
成品检验
对成品进行出厂检验。
每日
"""


def test_form_flattened_one_cell_per_line() -> None:
    role = convert(FORM_CELLS).roles[0]
    assert role.title == "质检员"
    assert role.code is None and role.headcount == 3
    assert role.reporting.reports_to == ["质量主管"]
    assert role.purpose == "按标准检验来料和成品,防止不合格品流入下道工序"
    assert [(d.text, d.category, d.frequency) for d in role.duties] == [
        ("按抽样标准检验来料并填写检验记录", "来料检验", "每批"),
        ("负责不合格来料的标识与隔离", "来料检验", "工作需要时"),
        ("对成品进行出厂检验", "成品检验", "每日"),
    ]


KPI_TEXT = """\
销售经理岗位说明书
岗位职责
1、完成区域销售目标。
考核指标
销售经理关键业绩指标考核表
\t关键业绩指标
\t要求目标
\t权重

\t
\t月度
\t季度
\t半年
\t年度

\t回款率
\t90%
\t92%
\t95%
\t98%
\t40%

\t新客户数
\t2个
\t6个
\t12个
\t24个
\t50%
"""


def test_kpi_table_pasted_as_text_with_period_columns() -> None:
    role = convert(KPI_TEXT).roles[0]
    assert role.kpi_table_title == "销售经理关键业绩指标考核表"
    assert [k.name for k in role.kpis] == ["回款率", "新客户数"]
    assert role.kpis[0].targets == PeriodTargets(month="90%", quarter="92%", half_year="95%", year="98%")
    assert [k.weight_pct for k in role.kpis] == [40.0, 50.0]
    assert any(w.code == "kpi_weights" and "90" in w.message for w in role.warnings)


def test_gbk_text_reports_its_encoding() -> None:
    result = convert("岗位名称：出纳\n岗位职责：\n1、负责现金收付。\n", encoding="gbk")
    assert result.roles[0].source.encoding == "gbk"
    assert result.roles[0].duties[0].text == "负责现金收付"


def test_user_lexicon_teaches_a_company_label() -> None:
    text = "岗位名称:调度员\n带教师傅:王班长\n岗位职责\n1.负责车辆调度。\n"
    plain = convert(text).roles[0]
    assert plain.reporting.reports_to == []
    data = bundled_data()
    data["labels"]["reporting.reports_to"] = data["labels"]["reporting.reports_to"] + ["带教师傅"]
    role = convert(text, lexicon=build_lexicon(data)).roles[0]
    assert role.reporting.reports_to == ["王班长"]


def test_not_a_job_description_gives_no_role_and_a_warning() -> None:
    result = convert("今天天气很好,我们去公园散步。\n晚上吃了饺子。\n")
    assert result.roles == [] and result.status == "partial"
    assert [w.code for w in result.warnings] == ["not_a_job_description"]
    assert result.unassigned  # the text is still accounted for


@pytest.mark.parametrize("text", [ONE_LINE, COMPILATION, SLIDES, FORM_CELLS, KPI_TEXT])
def test_nothing_is_lost(text: str, lexicon) -> None:
    """Every Chinese character of the document (as the reader gives it) ends up in a field,
    other_sections, unmapped or unassigned — except label and heading words, which name
    fields rather than fill them."""
    result = convert(text)
    missing, total = lost_characters(text.encode("utf-8"), result, lexicon)
    assert sum(missing.values()) <= 0.01 * total, missing


# An operations manual: a roster of the positions (序号 | 岗位名称 | 人数 | 备注), each position's
# 岗位职能 under a （一）… heading, then the manual's next chapter. Checked by hand against the text.
MANUAL = (
    "第三章 岗位职责\n一、岗位设置\n序号\t岗位名称\t人数\t备注\n1\t校长\t1\t全面负责\n2\t教务主管\t1\t\n"
    "3\t会计\t1\t兼任出纳\n（一）校长岗位职能：\n1、全面负责学校的教学与行政管理工作；\n2、制定学校年度发展计划；\n"
    "（二）教务主管岗位职能：\n1、负责排课与教师考勤；\n2、组织教学质量检查；\n（三）会计岗位职能：\n"
    "1、负责日常账务处理；\n2、编制月度财务报表；\n第四章 培训中心管理制度\n1、培训中心每月组织一次教师培训；\n"
    "2、培训记录由行政部存档。\n"
)


def test_a_manual_roster_then_each_positions_duties_then_the_next_chapter() -> None:
    result = convert(MANUAL, "运营管理手册.txt")
    roles = {r.title: r for r in result.roles}
    assert list(roles) == ["校长", "教务主管", "会计"]
    assert [r.headcount for r in roles.values()] == [1, 1, 1]
    # the roster row's 备注 cell comes after the role's own duties and does not swallow them
    assert [d.text for d in roles["校长"].duties] == ["全面负责学校的教学与行政管理工作", "制定学校年度发展计划"]
    assert [(o.heading, o.text) for o in roles["校长"].other_sections] == [("备注", "全面负责")]
    # the next chapter ends the positions: its articles are no 会计 duties
    assert [d.text for d in roles["会计"].duties] == ["负责日常账务处理", "编制月度财务报表"]
    assert "培训中心每月组织一次教师培训；" in [u.text for u in result.unassigned]


def test_a_roster_column_the_lexicon_does_not_know_keeps_its_text() -> None:
    result = convert("招聘岗位\n岗位名称\t人数\t招聘范围\t学历\n销售代表\t5\t华东地区\t大专\n客服专员\t2\t全国\t中专\n")
    assert [(r.title, r.headcount) for r in result.roles] == [("销售代表", 5), ("客服专员", 2)]
    assert [(o.heading, o.text) for o in result.roles[0].other_sections] == [("招聘范围", "华东地区")]
    assert [(o.heading, o.text) for o in result.roles[1].other_sections] == [("招聘范围", "全国")]
    assert result.roles[0].qualifications.education.level == "大专"


def _docx_with_table(paragraphs: tuple[str, ...], rows: list[list[str]]) -> bytes:
    """A DOCX of ``paragraphs`` followed by one table of ``rows``."""
    import io

    import docx

    document = docx.Document()
    for line in paragraphs:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _blank_form_after_a_role() -> bytes:
    """A role, then a probation form whose header row names blank fields (姓名 | | 部门 | |
    应聘职位 | ) and whose last row holds an assessor's comment in a column without a header."""
    return _docx_with_table(
        ("岗位名称：行政专员", "岗位职责：", "1、负责办公用品采购；", "2、负责会议室预订与接待；", "试用期员工考核表："),
        [["姓名", "", "部门", "", "应聘职位", ""],
         ["入职日期", "", "考核日期", "", "附注", ""],
         ["主管评语", "工作认真，按时完成任务。", "", "", "考核结果：合格者予以录用，不合格者不予录用", ""]])


def test_a_table_read_as_a_roster_loses_no_cell(lexicon) -> None:
    data = _blank_form_after_a_role()
    result = convert_bytes(data, "行政专员.docx", raise_errors=True)
    assert [r.title for r in result.roles] == ["行政专员"]
    assert [d.text for d in result.roles[0].duties] == ["负责办公用品采购", "负责会议室预订与接待"]
    assert "工作认真，按时完成任务。" in [u.text for u in result.unassigned]  # a cell under no header
    missing, _ = lost_characters(data, result, lexicon, "行政专员.docx")
    assert not missing


def test_a_label_title_damaged_by_a_watermark_gives_way_to_the_heading() -> None:
    """Baidu Wenku copies put a watermark word where a character was (仓储Biblioteka 管): the
    heading still names the position whole."""
    text = "仓储主管岗位说明书\n岗位名称：仓储Biblioteka 管\n所属部门：物流部\n岗位职责：\n1、负责仓库日常管理；\n2、组织月度盘点。\n"
    role = convert(text).roles[0]
    assert (role.title, role.department) == ("仓储主管", "物流部")
    assert [d.text for d in role.duties] == ["负责仓库日常管理", "组织月度盘点"]


def test_a_label_title_without_the_headings_company_prefix_wins() -> None:
    role = convert("华邦集团客户服务总监职位说明书\n职位名称：客户服务总监\n岗位职责：\n1、制定客户服务策略。\n").roles[0]
    assert role.title == "客户服务总监"


def test_an_experiential_verb_in_the_requirements_stays_a_requirement() -> None:
    """``参与过…`` (has taken part in) under 任职要求 is experience asked of a candidate; ``负责…``
    there with no requirement word is a duty a scrambled page put in the wrong list."""
    text = ("岗位名称：视觉设计师\n岗位职责：\n1、负责新产品的视觉设计。\n任职要求：\n1、参与过用户量较大的出海产品的设计；\n"
            "2、负责公司官网与活动页面的改版设计；\n")
    role = convert(text).roles[0]
    assert [d.text for d in role.duties] == ["负责新产品的视觉设计", "负责公司官网与活动页面的改版设计"]
    q = role.qualifications
    kept = [*q.skills, *q.knowledge, *q.special, *q.preferred, *(u.text for u in role.unmapped)]
    assert any(t.startswith("参与过用户量较大的出海产品的设计") for t in kept)


def _form_card() -> bytes:
    """A role card as one form table: label | value pairs, a label naming alternatives
    (部门/分支机构), then a numbered duty list inside the table."""
    return _docx_with_table(
        ("岗位说明书",),
        [["岗位名称", "出纳", "岗位代码", ""], ["部门/分支机构", "总校", "所属部门", "财务部"],
         ["主要职责如下：", "", "", ""], ["1", "登记并清算现金收入与支出", "", ""], ["2", "按时发放员工工资", "", ""],
         ["从业年限", "2年以上", "", ""]])


def test_a_form_card_whose_first_row_looks_like_a_roster_header_is_one_role() -> None:
    result = convert_bytes(_form_card(), "岗位职责.docx", raise_errors=True)
    assert [r.title for r in result.roles] == ["出纳"]
    role = result.roles[0]
    assert role.department == "财务部" or role.department == "总校"
    assert [d.text for d in role.duties] == ["登记并清算现金收入与支出", "按时发放员工工资"]


def test_a_pay_line_under_no_heading_is_the_compensation() -> None:
    """Postings often end with the pay as a bare list after the requirements."""
    text = ("### 岗位：测试工程师\n#### 职位描述：\n- 负责测试方案的实现和执行\n#### 岗位要求\n- 本科及以上学历\n"
            "- 2年以上测试经验\n\n1. 15-25k * 14\n2. 五险一金\n")
    role = convert(text, "jobs.md").roles[0]
    assert role.title == "测试工程师"
    assert role.compensation and role.compensation.startswith("15-25k * 14")
    assert (role.salary.min, role.salary.max, role.salary.months) == (15000, 25000, 14)
    assert "15-25k * 14" not in role.qualifications.preferred + role.qualifications.skills



def test_a_shared_section_keeps_its_writing_in_every_role() -> None:
    """Pay stated once for every position keeps the document's full-width brackets and commas
    in each role (values as written), like the roles' own text does."""
    text = "薪资待遇：面议（另有年终奖，季度奖）\n一、会计\n岗位职责：\n1、负责账务处理。\n二、出纳\n岗位职责：\n1、负责现金收付。\n"
    roles = convert(text).roles
    assert [r.title for r in roles] == ["会计", "出纳"]
    assert [r.compensation for r in roles] == ["面议（另有年终奖，季度奖）"] * 2


def test_a_hong_kong_posting_with_middle_dot_bullets_and_thousands_separators() -> None:
    """Hong Kong and Taiwan postings bullet their lists with ``‧`` (U+2027) and write pay with
    thousands separators (``HK$18,000 - 22,000``): each bullet is one duty, and the pay range
    is read whole, not as ``000 - 22``."""
    text = ("(1) 倉庫主管\n職責：\n‧ 管理倉庫日常運作，包括收貨、存倉及出貨\n‧ 安排盤點\n"
            "要求：\n‧ 中學畢業或以上\n薪金：月薪 HK$16,500 - 21,000\n")
    role = convert(text).roles[0]
    assert [d.text for d in role.duties] == ["管理仓库日常运作，包括收货、存仓及出货", "安排盘点"]
    assert role.compensation == "月薪 HK$16,500 - 21,000"
    assert (role.salary.min, role.salary.max, role.salary.unit) == (16500, 21000, "month")


def test_a_duty_table_flattened_frequency_first_is_flagged_for_review() -> None:
    """A scraped duty table whose frequency column came out before its duty column attaches each
    frequency to the previous duty; the first frequency, with no duty before it, shows the
    scramble, and the role is flagged. The same table in row order is not."""
    scrambled = ("岗位名称：仓库主管\n工作职责\n工作内容\n工作频次\n每日\n负责货物出入库登记\n每周\n组织库存盘点\n"
                 "每月\n编制库存报表\n任职资格\n大专及以上学历\n")
    in_order = ("岗位名称：仓库主管\n工作职责\n工作内容\n工作频次\n负责货物出入库登记\n每日\n组织库存盘点\n每周\n"
                "编制库存报表\n每月\n任职资格\n大专及以上学历\n")
    role = convert(scrambled).roles[0]
    assert [d.text for d in role.duties] == ["负责货物出入库登记", "组织库存盘点", "编制库存报表"]
    assert role.review.needed and role.review.reasons == ["table_out_of_order"]
    role = convert(in_order).roles[0]
    assert [(d.text, d.frequency) for d in role.duties] == [
        ("负责货物出入库登记", "每日"), ("组织库存盘点", "每周"), ("编制库存报表", "每月")]
    assert not role.review.needed


_MARKDOWN_WITH_UNKNOWN_HEADINGS = """# 数据分析师

## 岗位职责
### 业务分析
- 负责搭建业务指标体系
- 负责专题分析报告
### 数据平台
- 维护报表平台
### 如果你热爱数据，欢迎加入我们！
- 喜欢分享

## 加分项
- 有互联网行业经验

## 团队氛围
- 扁平管理
- 每周技术分享
"""


def test_unknown_headings_of_the_sections_rank_or_written_as_sentences_end_the_section() -> None:
    """``## 团队氛围`` ranks with ``## 加分项`` and a sentence heading names no group: neither's items
    are wishes. Lower-ranked name headings (``### 业务分析``) still group the duties."""
    role = convert(_MARKDOWN_WITH_UNKNOWN_HEADINGS, "jd.md").roles[0]
    assert [(d.text, d.category) for d in role.duties] == [
        ("负责搭建业务指标体系", "业务分析"), ("负责专题分析报告", "业务分析"), ("维护报表平台", "数据平台")]
    assert role.qualifications.preferred == ["有互联网行业经验"]
    assert [u.text for u in role.unmapped] == ["如果你热爱数据，欢迎加入我们！", "喜欢分享", "团队氛围", "扁平管理",
                                               "每周技术分享"]


def test_a_department_named_in_the_introduction_is_every_roles_department() -> None:
    """A posting that names its department once above its roles speaks for each role that does
    not name its own."""
    text = ("## 团队介绍\n### 部门\n研发中心-数据平台组\n\n数据平台组负责公司的数据基础设施。\n\n"
            "## 招聘职位\n数据开发工程师\n\n## 工作内容\n- 负责数据仓库建设\n- 负责离线任务开发\n\n"
            "## 任职要求\n- 本科及以上学历\n")
    role = convert(text, "jd.md").roles[0]
    assert role.title == "数据开发工程师"
    assert role.department == "研发中心-数据平台组"
    assert role.evidence["department"].block == 2


def test_labels_set_in_brackets_are_labels() -> None:
    """``【所属部门】综合管理部``: the closing bracket ends the label as a colon would."""
    text = ("【岗位名称】仓库文员\n【所属部门】物流部\n【招聘人数】2名\n【工作性质】全职\n【岗位职责】\n"
            "1、负责出入库单据录入\n2、负责库存报表\n【福利】五险一金、包住\n")
    role = convert(text).roles[0]
    assert (role.title, role.department, role.headcount, role.employment_type) == ("仓库文员", "物流部", 2, "全职")
    assert role.benefits == ["五险一金", "包住"]


def _card_then_blank_forms() -> bytes:
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("招生顾问岗位说明书")
    d.add_paragraph("岗位职责：")
    d.add_paragraph("1、负责来访家长的咨询接待")
    d.add_paragraph("2、负责学员报名及回访")
    d.add_paragraph("任职要求：大专及以上学历")
    d.add_paragraph("附件一：应聘登记表")
    t = d.add_table(rows=4, cols=4)
    for c, text in enumerate(["姓名", "", "性别", ""]):
        t.cell(0, c).text = text
    for c, text in enumerate(["联系电话", "", "应聘职位", ""]):
        t.cell(1, c).text = text
    t.cell(2, 0).merge(t.cell(3, 0)).text = "教育及\n工作经历"
    for c, text in enumerate(["时间", "学校及工作单位", "职务"], start=1):
        t.cell(2, c).text = text
    d.add_paragraph("附件二：试用期考核表")
    t = d.add_table(rows=4, cols=6)
    for c, text in enumerate(["姓名", "", "部门", "", "应聘职位", ""]):
        t.cell(0, c).text = text
    t.cell(1, 0).text = "校长意见"
    t.cell(1, 1).merge(t.cell(1, 5))
    t.cell(2, 0).merge(t.cell(2, 5)).text = "考核结果：□合格，予以录用；□不合格，不予录用"
    t.cell(3, 0).merge(t.cell(3, 5)).text = "备注：试用期间每月考核一次"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_blank_form_after_a_role_gives_no_role() -> None:
    """Manuals append blank forms after their roles. A form label's value is its own empty box:
    ``应聘职位 | ␣`` does not take the next row's ``校长意见``, nor a merged ``教育及`` cell read again,
    as a position's name."""
    result = convert_bytes(_card_then_blank_forms(), "manual.docx", raise_errors=True)
    assert [r.title for r in result.roles] == ["招生顾问"]
    assert [d.text for d in result.roles[0].duties] == ["负责来访家长的咨询接待", "负责学员报名及回访"]
    # the forms end the role: their text belongs to no role, and the role is not diluted by it
    assert not result.roles[0].review.needed
    assert {"校长意见", "备注：试用期间每月考核一次"} <= {u.text for u in result.unassigned}


def test_a_postings_introduction_names_its_employer() -> None:
    """``…有限公司成立于2015年…`` before the roles: the company every role works for (rule
    blurb_organization)."""
    role = convert("杭州青禾网络科技有限公司成立于2015年，专注于企业服务软件。\n\n招聘职位：前端工程师\n岗位职责：\n"
                   "1、负责公司产品的前端开发；\n2、参与前端组件库建设。\n任职要求：\n1、本科及以上学历。\n").roles[0]
    assert (role.title, role.organization) == ("前端工程师", "杭州青禾网络科技有限公司")


def test_a_duty_label_with_a_list_value_lists_the_duties() -> None:
    """``职责：开拓新客户，维护老客户，…`` lists duties; it does not name one duty group (rule
    duty_list_value)."""
    role = convert("岗位名称：电话销售\n所属部门：销售部\n职责：开拓新客户，维护老客户，完成月度销售任务\n任职资格：高中及以上学历\n"
                   ).roles[0]
    assert [(d.text, d.category) for d in role.duties] == [("开拓新客户", None), ("维护老客户", None),
                                                           ("完成月度销售任务", None)]


def test_relation_labels_under_a_contacts_heading_are_contacts() -> None:
    """``上级：集团行政中心`` under 内部工作关系 is a unit the role deals with, not its superior (rule
    contact_relation_label)."""
    role = convert("岗位名称：行政主管\n所属部门：行政部\n直接上级：行政经理\n岗位职责：\n1、负责公司行政事务管理。\n"
                   "内部工作关系\n上级：集团行政中心\n外部工作关系\n上级：区政府办公室\n").roles[0]
    assert role.reporting.reports_to == ["行政经理"]
    assert (role.contacts.internal, role.contacts.external) == (["集团行政中心"], ["区政府办公室"])


def test_the_reason_beside_a_contact_is_kept_in_unmapped() -> None:
    """``事由：工作联系`` says why the role deals with a unit and names no one: the contact is the
    unit, and the reason stays in the role's unmapped text with its span instead of vanishing."""
    role = convert("岗位名称：行政主管\n岗位职责：\n1、负责公司行政事务管理。\n工作中接触到的公司内部岗位与事由\n"
                   "同级：各部门\n事由：日常事务协调、联系\n").roles[0]
    assert role.contacts.internal == ["各部门"]
    assert [u.text for u in role.unmapped] == ["事由：日常事务协调、联系"]


def test_the_running_header_completes_a_shortened_company_name() -> None:
    """The page header names the company in full where the body names its tail (rule
    full_company)."""
    import io

    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "江城示例城市燃气发展有限公司"
    for line in ("客服专员岗位说明书", "公司名称：燃气发展有限公司", "岗位名称：客服专员", "所属部门：客户服务部", "岗位职责：",
                 "1、负责客户来电接待；", "2、负责用户档案管理。"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    role = convert_bytes(out.getvalue(), "card.docx", raise_errors=True).roles[0]
    assert (role.title, role.organization) == ("客服专员", "江城示例城市燃气发展有限公司")


def test_an_english_title_of_three_words_is_the_title() -> None:
    """Latin names spell out in letters what Chinese writes in a few characters: a 27-letter
    ``Order Management Specialist`` is a title, not a sentence after an empty label."""
    role = convert("岗位名称：Order Management Specialist\n岗位职责：\n1、负责订单管理。\n").roles[0]
    assert role.title == "Order Management Specialist"


def test_a_long_english_run_on_line_splits_at_sentences_not_at_every_space() -> None:
    """Whitespace separates bullets of a Chinese run-on line (slides), not two Latin words."""
    text = ("岗位名称：采购专员\n岗位职责：\nMaintain and implement the procurement and supply of local products. "
            "Communicate with suppliers for order delivery. Manage key vendors and their contracts.\n")
    role = convert(text).roles[0]
    assert [d.text for d in role.duties] == ["Maintain and implement the procurement and supply of local products.",
                                             "Communicate with suppliers for order delivery.",
                                             "Manage key vendors and their contracts."]


def test_a_perk_list_naming_bonuses_is_benefits() -> None:
    """``福利待遇：五险一金、免费班车、全勤奖、年终奖`` names perks (a bonus is one); pay it is not,
    unless the text states pay itself (``底薪+提成+年终奖``)."""
    role = convert("岗位名称：普工\n岗位职责：\n1、按要求完成生产任务。\n薪资待遇：5500-7500元/月\n"
                   "福利待遇：五险一金、免费班车、包住宿、全勤奖、年终奖\n").roles[0]
    assert role.benefits == ["五险一金", "免费班车", "包住宿", "全勤奖", "年终奖"]
    assert role.compensation == "5500-7500元/月"
    role = convert("岗位名称：销售代表\n岗位职责：\n1、开拓客户。\n薪资福利：底薪+提成+年终奖\n").roles[0]
    assert (role.compensation, role.benefits) == ("底薪+提成+年终奖", [])


def test_majors_on_a_requirement_line_of_their_own() -> None:
    """``机电一体化相关专业`` on its own line under the degree names the majors; a wish
    (``…相关专业优先``) does not."""
    role = convert("岗位名称：设备技术员\n任职要求：\n1、中专及以上学历；\n2、机电一体化、自动化等相关专业；\n"
                   "3、2年以上设备维护经验。\n").roles[0]
    assert role.qualifications.majors == ["机电一体化", "自动化"]
    role = convert("岗位名称：设备技术员\n任职要求：\n1、中专及以上学历；\n2、机电一体化相关专业优先；\n").roles[0]
    assert role.qualifications.majors == []


def test_majors_named_before_the_degree_in_one_clause() -> None:
    """``拥有计算机、软件工程或相关专业本科及以上学历``: the majors stand before 专业 and the
    degree after it, in one clause; the lead-in verb is no major. A degree first and
    ``专业不限`` after it names none."""
    role = convert("# 后端开发工程师\n## 任职要求\n- 拥有计算机、软件工程或相关专业本科及以上学历\n"
                   "- 两年以上 Go 开发经验\n", name="jd.md").roles[0]
    assert role.qualifications.majors == ["计算机", "软件工程"]
    assert role.qualifications.education is not None and role.qualifications.education.level == "本科"
    role = convert("岗位名称：算法工程师\n任职要求：\n1、要求具有应用数学、统计学等相关专业硕士以上学历；\n").roles[0]
    assert role.qualifications.majors == ["应用数学", "统计学"]
    role = convert("岗位名称：文员\n任职要求：\n1、大专以上学历专业不限；\n").roles[0]
    assert role.qualifications.majors == []


def test_a_total_row_under_the_kpis_is_no_kpi() -> None:
    """合计 sums the indicators above it; it is not one of them."""
    role = convert("岗位名称：销售经理\n考核指标：\n销售额完成率\n回款率\n合计\n").roles[0]
    assert [k.name for k in role.kpis] == ["销售额完成率", "回款率"]


def test_a_flattened_form_label_directly_before_its_number() -> None:
    """``年龄25-45周岁`` between other fields of a flattened form: the label lost its colon, not
    its meaning."""
    role = convert("岗位名称：司机 所属部门：行政部\n性别：男 年龄25-45周岁 学历：高中\n"
                   "岗位职责：\n1、负责公司车辆驾驶\n").roles[0]
    assert role.qualifications.age is not None
    assert (role.qualifications.age.min, role.qualifications.age.max) == (25, 45)


def test_latin_headings_at_a_line_start_open_sections() -> None:
    """``Responsibilities`` alone on its line heads the duties; the same word inside a sentence
    (``customer requirements``) is prose and opens nothing."""
    result = convert("Senior Backend Engineer\n\nResponsibilities\n- Build and run our payment services\n"
                     "- Review code\n\nRequirements\n- Understand customer requirements well\n")
    assert [r.title for r in result.roles] == ["Senior Backend Engineer"]
    role = result.roles[0]
    assert [d.text for d in role.duties] == ["Build and run our payment services", "Review code"]
    assert [u.text for u in role.unmapped] == ["Understand customer requirements well"]


def test_a_numbered_heading_inside_a_run_ends_the_pay_text() -> None:
    """A scraped posting runs its parts together: ``…法定假期。其他信息：1、工作地点：…2、乘车路线：…``.
    ``1、工作地点`` is a numbered heading where the numbering starts, so the pay text ends before
    it and the commuting route is no part of the pay."""
    role = convert("岗位名称：数据分析师\n岗位职责：1.负责数据清洗；2.负责报表开发。福利待遇：底薪+绩效奖金+年终奖+"
                   "社保+公积金+法定假期。其他信息：1、工作地点：富士康龙华园区(深圳市宝安区东环二路02号)2、乘车路线："
                   "深圳北站乘M353抵达龙华富士康公交站\n").roles[0]
    assert role.compensation is not None and role.compensation.startswith("底薪+绩效奖金")
    assert "乘车路线" not in role.compensation


def test_degree_and_years_lines_before_any_heading_are_requirements() -> None:
    """A posting that opens with its requirements, unlabelled (``本科及以上学历``,
    ``3年以上销售经验``) before its first heading: such lines say what they are."""
    role = convert("销售代表\n本科及以上学历\n3年以上销售经验\n岗位职责：\n1、开拓客户\n2、维护客户关系\n").roles[0]
    assert role.title == "销售代表"  # requirement_before_sections: they stand under the position's line
    assert role.qualifications.education is not None and role.qualifications.education.level == "本科"
    assert role.qualifications.experience is not None and role.qualifications.experience.years_min == 3


def _docx(build) -> bytes:
    import io

    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(table, rows: list[list[str]]) -> None:
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text


def test_text_after_a_roster_table_speaks_for_every_row() -> None:
    """``福利待遇：…`` under a table of openings (one role per row) is every opening's."""
    def build(document) -> None:
        document.add_paragraph("招聘岗位")
        _fill(document.add_table(rows=3, cols=3),
              [["岗位名称", "人数", "任职要求"], ["销售代表", "3", "大专以上学历"], ["客服专员", "2", "中专以上学历"]])
        document.add_paragraph("福利待遇：五险一金、包吃包住")

    result = convert_bytes(_docx(build), "招聘.docx", raise_errors=True)
    assert [(r.title, r.benefits) for r in result.roles] == [
        ("销售代表", ["五险一金", "包吃包住"]), ("客服专员", ["五险一金", "包吃包住"])]


def test_a_duty_table_keeps_its_columns_across_a_section_row() -> None:
    """``序号 | 职责内容`` rows, a row across the table (``安全生产责任``), then more numbered rows:
    the rows after the section row are duties of the same columns, under that group."""
    def build(document) -> None:
        document.add_paragraph("岗位名称：安全员")
        table = document.add_table(rows=6, cols=2)
        _fill(table, [["序号", "职责内容"], ["1", "负责安全检查"], ["2", "负责隐患整改"], ["", ""],
                      ["1", "落实安全生产制度"], ["2", "组织安全培训"]])
        table.cell(3, 0).merge(table.cell(3, 1)).text = "安全生产责任"

    role = convert_bytes(_docx(build), "安全员.docx", raise_errors=True).roles[0]
    assert [(d.text, d.category) for d in role.duties] == [
        ("负责安全检查", None), ("负责隐患整改", None),
        ("落实安全生产制度", "安全生产责任"), ("组织安全培训", "安全生产责任")]
    assert role.unmapped == []


def test_a_dash_qualifier_is_no_part_of_the_title() -> None:
    """Doc-site titles and form headers add a classification after a long dash
    (``客户服务主管--工程施工类``, ``会计——总账``); the position is what stands before it."""
    assert convert("客户服务主管--工程施工类\n岗位职责：\n1、负责客户投诉处理\n2、负责回访\n").roles[0].title == "客户服务主管"
    assert convert("会计——总账\n岗位职责：\n1、负责总账核算\n").roles[0].title == "会计"


def test_recruiting_words_around_the_position_are_no_part_of_the_title() -> None:
    """``行政内勤岗位招聘JD``: a posting wraps the position in recruiting words."""
    assert convert("行政内勤岗位招聘JD\n岗位职责：\n1、负责办公用品采购\n").roles[0].title == "行政内勤"
    # a line of its own that opens the role: 招聘：前台 names the position 前台
    assert convert("招聘：前台\n岗位职责：\n1、负责来访接待\n2、负责电话转接\n").roles[0].title == "前台"


def test_a_line_packing_requirements_of_different_kinds_is_sorted_clause_by_clause() -> None:
    """``高中以上学历，能吃苦耐劳，3年以上仓库经验``: the degree, a quality and the years, each as
    written; a line with a wish stays whole among the wishes."""
    q = convert("岗位名称：仓库管理员\n任职要求：高中以上学历，能吃苦耐劳，3年以上仓库经验\n").roles[0].qualifications
    assert q.education is not None and (q.education.level, q.education.text) == ("高中", "高中以上学历")
    assert q.experience is not None and (q.experience.years_min, q.experience.text) == (3, "3年以上仓库经验")
    assert q.qualities == ["能吃苦耐劳"]
    q = convert("岗位名称：仓库管理员\n任职要求：高中以上学历，有叉车证者优先\n").roles[0].qualifications
    assert q.preferred == ["高中以上学历，有叉车证者优先"]


def test_requirements_riding_on_a_wish_keep_their_own_words() -> None:
    """``高中以上学历，有叉车证者优先，3年以上仓库经验``: the line is a wish, and its clauses that
    are none still state the years; the experience text is that clause as written, not the
    line with the wish cut out of its middle."""
    text = "岗位名称：仓库管理员\n任职要求：\n1、高中以上学历，有叉车证者优先，3年以上仓库经验\n"
    q = convert(text).roles[0].qualifications
    assert q.preferred == ["高中以上学历，有叉车证者优先，3年以上仓库经验"]
    assert q.experience is not None and (q.experience.years_min, q.experience.text) == (3, "3年以上仓库经验")


def test_an_ambiguous_heading_takes_the_section_its_list_reads_as() -> None:
    """``职责要求`` heads duties in one document and requirements in another: its list decides."""
    role = convert("岗位名称：出纳\n职责要求：\n1、负责现金收付\n2、负责银行结算\n3、处理日常报销\n").roles[0]
    assert [d.text for d in role.duties] == ["负责现金收付", "负责银行结算", "处理日常报销"]
    role = convert("岗位名称：出纳\n职责要求：\n1、大专以上学历\n2、两年以上出纳工作经验\n3、具有良好的沟通能力\n").roles[0]
    q = role.qualifications
    assert role.duties == [] and q.experience is not None and q.experience.years_min == 2
    assert q.skills == ["具有良好的沟通能力"]


PROSE_POSTING = ("本公司因业务发展需要，现招聘出纳一名。主要负责现金收付、银行结算和日记账登记。要求大专以上学历，"
                 "两年以上出纳工作经验。月薪4000-6000元，五险一金。\n"
                 "诚聘销售经理2名，负责华南区域的客户开发与维护；要求本科以上学历，3年以上销售经验。\n")


def test_a_posting_written_as_prose_gives_its_roles() -> None:
    """A 招聘启事 in sentences: each recruiting sentence (``现招聘出纳一名``, ``诚聘销售经理2名``)
    opens a role with its count; a sentence opening with a duty verb (``主要负责…``) is a duty,
    a degree sentence a requirement, a pay sentence (``月薪4000-6000元…``) the pay; nothing is lost."""
    from conftest import lost_characters
    from jdx.pipeline.lexicon import load_lexicon

    result = convert(PROSE_POSTING, name="招聘启事.txt")
    assert [(r.title, r.headcount) for r in result.roles] == [("出纳", 1), ("销售经理", 2)]
    cashier, sales = result.roles
    assert [d.text for d in cashier.duties] == ["主要负责现金收付、银行结算和日记账登记"]
    assert cashier.qualifications.education is not None and cashier.qualifications.education.level == "大专"
    assert cashier.qualifications.experience is not None and cashier.qualifications.experience.years_min == 2
    assert cashier.compensation == "月薪4000-6000元，五险一金"
    assert cashier.salary is not None and (cashier.salary.min, cashier.salary.max) == (4000, 6000)
    assert [d.text for d in sales.duties] == ["负责华南区域的客户开发与维护"]
    assert sales.qualifications.experience is not None and sales.qualifications.experience.years_min == 3
    missing, _total = lost_characters(PROSE_POSTING.encode(), result, load_lexicon(), name="招聘启事.txt")
    assert set(missing) <= {"名"}  # the counts' unit: 一名 and 2名 are the headcounts 1 and 2


def test_a_summary_heading_over_a_duty_list_heads_duties() -> None:
    """``岗位描述`` heads a summary in a 岗位说明书 and a duty list in a posting: a list of items
    opening with duty verbs under it is duties; one paragraph stays the purpose."""
    role = convert("岗位名称：出纳\n岗位描述：\n1、负责现金收付\n2、负责银行结算\n工作地址：深圳市南山区\n").roles[0]
    assert [d.text for d in role.duties] == ["负责现金收付", "负责银行结算"]
    assert role.location == ["深圳市南山区"]
    role = convert("岗位名称：出纳\n岗位描述：\n负责公司日常资金收付与核算，保证资金安全。\n岗位职责：\n1、负责现金收付\n").roles[0]
    assert role.purpose == "负责公司日常资金收付与核算，保证资金安全"  # the closing 。 is not kept, as everywhere
    assert [d.text for d in role.duties] == ["负责现金收付"]


def test_a_text_field_of_several_parts_keeps_each_part_as_written() -> None:
    """A purpose written as two items is both items, one per line as the document had them — not
    one string run together (``资金安全无差错账实相符``), and no ； between the halves of a line
    that wrapped (``确保\\n安全舒适``) that the document never had."""
    role = convert("岗位名称：出纳\n岗位目的：\n1、资金安全无差错\n2、账实相符\n岗位职责：\n1、负责现金收付\n").roles[0]
    assert role.purpose == "资金安全无差错\n账实相符"
    role = convert("岗位名称：客服专员\n一、岗位职责\n1、负责接听客户来电\n二、工作环境\n我们尊重客服工作，确保\n安全舒适\n").roles[0]
    assert role.work_conditions == "我们尊重客服工作，确保\n安全舒适"


def test_an_item_label_the_lexicon_does_not_know_keeps_its_words() -> None:
    """``…法定假期1、工作时间：8小时／每天；2、…`` in a run: ``工作时间`` is the item's own label,
    and the metadata label ``时间`` at its tail does not cut it into ``工作`` and ``时间：…``; the
    office hours are no pay range either."""
    role = convert("岗位名称：数据分析师\n岗位职责：1.负责数据清洗；2.负责报表开发。福利待遇：月薪6000-8000元，"
                   "法定假期1、工作时间：9:00-18:00，8小时／每天；2、员工入职即享受带薪年休假。\n").roles[0]
    assert role.compensation is not None and "工作时间：9:00-18:00" in role.compensation
    assert [o.heading for o in role.other_sections] == []
    assert role.salary is not None and (role.salary.min, role.salary.max, role.salary.unit) == (6000, 8000, "month")


def test_a_kpi_table_with_period_target_columns_ends_at_the_signature_rows() -> None:
    """``月度目标 | 季度目标 | 年度目标`` are the periods' target columns; the form's 签字确认 row across
    the table and its blank 任职者 | ␣ | 日期 | ␣ boxes end the KPI table."""
    import io

    import docx

    document = docx.Document()
    rows = [["岗位名称", "区域销售经理", "", "", ""], ["绩效考核", "", "", "", ""],
            ["考核指标", "权重", "月度目标", "季度目标", "年度目标"], ["销售额完成率", "40%", "≥95%", "≥100%", "≥100%"],
            ["回款率", "60%", "≥90%", "≥95%", "≥98%"], ["签字确认", "", "", "", ""], ["任职者", "", "日期", "", ""]]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(1, 4))
    table.cell(5, 0).merge(table.cell(5, 4))
    out = io.BytesIO()
    document.save(out)
    role = convert_bytes(out.getvalue(), "card.docx", raise_errors=True).roles[0]
    assert [(k.name, k.weight_pct) for k in role.kpis] == [("销售额完成率", 40), ("回款率", 60)]
    assert role.kpis[0].targets.model_dump(exclude_none=True) == {"month": "≥95%", "quarter": "≥100%", "year": "≥100%"}


def test_a_closing_run_that_speaks_for_all_roles_continues_to_its_perks() -> None:
    """``以上职位工作地点：葵涌`` opens a closing run about every role; the ``福利：`` after it is in the
    same run (rule shared_run_continues)."""
    text = ("(1) 仓务主任\n职责：\n‧ 管理仓库日常运作\n(2) 货车司机\n职责：\n‧ 驾驶货车运送货物\n"
            "以上职位工作地点：葵涌\n福利：五天工作、有薪年假、医疗保险\n")
    roles = convert(text).roles
    assert [r.title for r in roles] == ["仓务主任", "货车司机"]
    assert [r.location for r in roles] == [["葵涌"]] * 2
    assert [r.benefits for r in roles] == [["五天工作", "有薪年假", "医疗保险"]] * 2


def test_a_blank_in_a_contract_sentence_is_no_label() -> None:
    """``乙方工作为      部门    职位     月试用期。``: inside a sentence, a field word with a wide blank
    after it names the blank to fill (rule blank_in_sentence); the words after it are no title."""
    text = ("岗位名称：行政专员\n岗位职责：\n1、负责前台接待。\n劳动合同\n"
            "（一）甲方聘用乙方为员工，乙方工作为      部门    职位     月试用期。在此期间双方可提前七天通知解除合同。\n")
    roles = convert(text).roles
    assert [r.title for r in roles] == ["行政专员"]


def test_a_text_scanned_again_in_a_document_gets_pieces_of_its_own_at_its_own_place() -> None:
    """Forms repeat their texts (岗位职责 in every role of a compilation), so a document scans each
    distinct text once and rebases the pieces: they must equal a fresh scan at the new place, and
    be new objects (a role marks the pieces it used by identity)."""
    from jdx.pipeline.lexicon import load_lexicon
    from jdx.pipeline.piece import Loc
    from jdx.pipeline.rules import disabled
    from jdx.pipeline.scan import remembering_scanner, scan_text

    lexicon, scan = load_lexicon(), remembering_scanner()
    texts = ["岗位名称：出纳", "一、岗位职责1、负责现金收付；2、负责银行结算", "岗位名称：出纳"]
    for i, text in enumerate(texts):
        base = Loc(block=i, page=i, start=10 * i, end=10 * i + len(text), row=i, col=1)
        assert _fields(scan(text, base, lexicon)) == _fields(scan_text(text, base, lexicon))
    again = scan(texts[0], Loc(9, 2, 10, 17, 4, 1), lexicon)
    assert [(p.text, p.loc) for p in again] == [("出纳", Loc(9, 2, 15, 17, 4, 1))]
    assert again[0] is not scan(texts[0], Loc(9, 2, 10, 17, 4, 1), lexicon)[0]
    with disabled("shared_prefix"):  # a rule switched off: every scan must run the rules again
        assert remembering_scanner() is scan_text


def test_display_and_matching_forms_remembered_for_the_process_equal_fresh_ones() -> None:
    """A text's display and matching forms are kept for the process (cards of a template share
    their labels): a document normalised again, or after others, reads exactly as the first time,
    and a text too long to keep is normalised all the same."""
    from jdx.pipeline import remembered
    from jdx.pipeline.lexicon import load_lexicon
    from jdx.pipeline.normalize import display_text, fold, matching_document, normalize_document
    from jdx.schemas.document import Block, BlockKind, Cell, Document, Table

    lexicon = load_lexicon()
    long_text = "岗位职责：负责（ｇǎｎｇ）前台接待，" * (remembered.REMEMBERED_LENGTH // 10)
    texts = ["性 别：男", "ＱＱ群：１２３４５６７８", "岗位名称：出纳", long_text]
    table = Table(n_rows=1, n_cols=len(texts), cells=[Cell(row=0, col=i, text=t) for i, t in enumerate(texts)])
    doc = Document(format="docx", blocks=[Block(index=0, kind=BlockKind.TABLE, table=table),
                                          Block(index=1, kind=BlockKind.PARAGRAPH, text=long_text)])
    first = normalize_document(doc, lexicon)
    again = normalize_document(doc, lexicon)
    assert first == again
    assert [c.text for c in first.blocks[0].table.cells] == [display_text(t, lexicon) for t in texts]
    assert matching_document(first) == matching_document(again)
    assert [c.text for c in matching_document(first).blocks[0].table.cells] == \
        [fold(display_text(t, lexicon)) for t in texts]
    assert long_text not in remembered.remembered("display", lexicon)


def _fields(pieces: list) -> list[dict]:
    from dataclasses import asdict

    return [asdict(p) for p in pieces]


def test_a_paragraph_of_soft_broken_lines_is_not_a_flattened_page() -> None:
    """Word postings put a whole post in one paragraph of soft-broken lines (Shift+Enter). Its
    lines are kept, so it is not a page flattened onto one line, and a label word inside an item
    (``…相关工作经验，…``) is not a label glued to its value (rule flattened_line)."""
    import io

    import docx

    lines = ["岗位职责：", "1、负责公司来访客户的接待与登记工作；", "2、负责会议室的预订安排和会议记录的整理；",
             "3、协助上级主管完成办公用品的采购与发放；", "4、负责公司快递、信件和报刊的收发与登记，并及时转交相关部门；", "5、完成上级主管交办的其他工作。", "", "任职资格：",
             "1、大专及以上学历，文秘、行政管理等相关专业；", "2、一年以上相关工作经验，优秀应届毕业生亦可；",
             "3、性格开朗，待人热情，具有良好的沟通协调能力；", "4、熟练使用常用办公软件及办公设备。"]
    document = docx.Document()
    document.add_paragraph("行政前台招聘")
    run = document.add_paragraph().add_run()
    for i, line in enumerate(lines):
        if i:
            run.add_break()
        run.add_text(line)
    out = io.BytesIO()
    document.save(out)
    role = convert_bytes(out.getvalue(), "post.docx", raise_errors=True).roles[0]
    q = role.qualifications
    assert (q.experience.years_min, q.experience.text) == (1, "一年以上相关工作经验，优秀应届毕业生亦可")
    assert len(role.duties) == 5 and not role.unmapped


def test_the_sentence_before_the_duty_list_of_an_unheaded_card_is_its_purpose() -> None:
    """A card named in its file (``出纳工作职责.docx``) that never says 岗位职责 opens with one
    sentence summing the position up, then lists its duties: the sentence is the purpose
    (rule lead_sentence_is_purpose); a sentence announcing the list (``主要做以下工作``) is not."""
    text = "保障公司资金安全，按时完成资金收付与核算\n1、负责现金收付；\n2、负责银行结算；\n3、负责登记现金日记账。\n"
    role = convert_bytes(text.encode(), "出纳工作职责.txt").roles[0]
    assert role.purpose == "保障公司资金安全，按时完成资金收付与核算"
    assert [d.text for d in role.duties] == ["负责现金收付", "负责银行结算", "负责登记现金日记账"]
    announced = convert_bytes(text.replace("保障公司资金安全，按时完成资金收付与核算", "出纳主要做以下工作").encode(),
                              "出纳工作职责.txt").roles[0]
    assert announced.purpose is None


def test_an_english_degree_line_is_as_short_as_its_chinese_twin() -> None:
    """Lengths that tell a requirement from a sentence count a Latin word as one unit: a
    135-character ``Bachelor's degree or above in …`` (20 words) states the degree as surely as
    ``计算机相关专业本科及以上学历``, and its ``or above`` a few words after the degree counts."""
    text = ("Job Title: Technical Writer\n\nResponsibilities:\n\n1. Write product documentation\n"
            "2. Review release notes\n\nQualifications:\n\n1. Bachelor's degree or above in software, computer science or "
            "engineering relevant majors with an understanding of the software industry;\n"
            "2. Excellent command of both written and oral English;\n")
    role = convert_bytes(text.encode(), "writer.md").roles[0]
    education = role.qualifications.education
    assert education is not None and (education.level, education.or_above) == ("本科", True)
    assert education.text.startswith("Bachelor's degree or above in software")


def test_the_lines_after_an_announced_wish_list_are_wishes() -> None:
    """``4、具备以下条件者优先：`` heads unnumbered lines that are each a wish, up to the next item
    of its list (rule wish_list_announced); the heading line names no wish itself."""
    text = ("岗位名称：仓库管理员\n岗位职责：\n1、负责货物出入库\n任职要求：\n1、高中以上学历；\n2、能吃苦耐劳；\n"
            "3、身体健康；\n4、具备以下条件者优先：\n持有叉车证；\n有ERP系统操作经验；\n5、服从加班安排。\n")
    q = convert(text).roles[0].qualifications
    assert q.preferred == ["持有叉车证", "有ERP系统操作经验"]
    assert q.education is not None and q.education.level == "高中"


def test_a_majors_line_may_end_in_graduated_and_start_after_the_degree_word() -> None:
    """``会计、财务等相关专业毕业`` names the majors as surely as ``…相关专业`` (rule majors_line), and
    in ``统招学历师范专业毕业`` the words about the degree end at 学历: the major is 师范."""
    q = convert("岗位名称：会计\n任职要求：\n1、会计、财务等相关专业毕业。\n2、三年以上工作经验。\n").roles[0].qualifications
    assert q.majors == ["会计", "财务"]
    q = convert("岗位名称：数学教师\n任职要求：\n1、统招学历师范专业毕业；\n2、热爱教育事业。\n").roles[0].qualifications
    assert q.majors == ["师范"]


def test_a_duty_item_that_mentions_a_reward_is_still_a_duty() -> None:
    """Pay and penalty rules among duties (``迟交一天扣10元``) are assessment rules, but an item
    opening with a duty verb (``制定…奖励制度``, ``负责…处罚手续``) is a duty that mentions them,
    as an unnumbered line already was (rule pay_rule)."""
    text = ("岗位名称：人事主管\n岗位职责：\n1、制定部门的工作规范及奖励制度；\n2、负责审核员工奖励及处罚手续；\n"
            "3、迟交报表一天扣10元。\n")
    role = convert(text).roles[0]
    assert [d.text for d in role.duties] == ["制定部门的工作规范及奖励制度", "负责审核员工奖励及处罚手续"]
    assert [o.text for o in role.other_sections] == ["迟交报表一天扣10元。"]


def test_the_items_after_a_pay_line_that_opens_a_list_are_pay() -> None:
    """A numbered list under no pay heading that opens with the pay (``1. 10-20k * 14``) is the
    pay's list: ``2. 期权激励`` is pay too (rule pay_list_goes_on)."""
    text = ("### 岗位：插画师\n#### 职责描述：\n- 负责产品插画绘制\n#### 岗位要求\n- 美术相关专业\n- 熟练使用PS\n\n"
            "1. 12-18k * 13\n2. 年度旅游\n")
    role = convert_bytes(text.encode(), "posts.md").roles[0]
    assert role.compensation == "12-18k * 13；年度旅游"
    assert role.salary is not None and (role.salary.min, role.salary.max, role.salary.months) == (12000, 18000, 13)


def test_a_heading_the_pages_own_list_links_to_names_a_position() -> None:
    """A Markdown page lists its positions as links (``[数据标注员](#label)``) to anchors above
    each section's heading: the linked heading opens a role whatever its last word
    (``### 数据标注方向岗位``) (rule linked_heading)."""
    section = ("<a id=\"{id}\"></a>\n### {name}\n本岗位适用于社会招聘及实习生。\n\n【工作职责】\n- 负责{duty}\n"
               "- 负责{duty}的质量抽检\n\n")
    text = ("| **岗位名称** | **招聘范围** | **工作地点** |\n| --- | --- | --- |\n"
            "| [数据标注员](#label) | 社招 | 北京 |\n| [后端开发工程师](#backend) | 校招 | 上海 |\n"
            "| [测试工程师](#qa) | 社招 | 北京 |\n\n"
            + section.format(id="label", name="数据标注方向岗位", duty="图像数据标注")
            + section.format(id="backend", name="后端开发工程师", duty="服务端开发")
            + section.format(id="qa", name="测试工程师", duty="功能测试"))
    roles = convert_bytes(text.encode(), "jobs.md").roles
    assert [r.title for r in roles] == ["数据标注方向岗位", "后端开发工程师", "测试工程师"]
    assert [d.text for d in roles[0].duties] == ["负责图像数据标注", "负责图像数据标注的质量抽检"]


def test_a_requirement_item_that_is_only_a_heading_heads_its_nested_items() -> None:
    """``- 软素质：`` over nested items: each is a quality, whatever its words; the parent list
    goes on after them (rule item_heads_sub_list)."""
    text = ("### 推理工程师\n\n【工作职责】\n- 负责推理优化\n\n【职责要求】\n- 精通C++/Python\n- 软素质：\n"
            "  - 目标驱动，并有探索精神\n  - 团队协作及沟通能力\n- 熟悉CUDA编程\n")
    q = convert_bytes(text.encode(), "jd.md").roles[0].qualifications
    assert q.qualities == ["目标驱动，并有探索精神", "团队协作及沟通能力"]
    assert "熟悉CUDA编程" not in q.qualities


def test_a_base_line_says_where_the_job_is() -> None:
    """``Base 上海`` on a line of its own is the place of work, as a 工作地点 label would be (rule
    base_line); a sentence that starts with Base is not."""
    text = "## 招聘职位\nGo 开发工程师\n\nBase 上海\n\n## 工作内容\n- 负责交易系统开发\n"
    assert convert_bytes(text.encode(), "jd.md").roles[0].location == ["上海"]
    text = text.replace("Base 上海", "Base 薪资可谈，欢迎投递")
    assert convert_bytes(text.encode(), "jd.md").roles[0].location == []


def test_the_employer_introduced_after_the_role_is_its_organization() -> None:
    """A job page introduces its employer after the role (``关于我们`` / ``杭州示例软件有限公司成立
    于…``): the role takes that company as its organization; a company only mentioned inside a
    sentence (``…是阿里巴巴集团的合作伙伴``) is not the employer."""
    text = ("岗位名称：测试工程师\n岗位职责：\n1、负责功能测试\n2、负责编写测试报告\n关于我们\n"
            "杭州示例软件有限公司成立于2015年，专注于企业软件研发。\n")
    assert convert(text).roles[0].organization == "杭州示例软件有限公司"
    mention = text.replace("杭州示例软件有限公司成立于2015年", "我们成立于2015年，是阿里巴巴集团的合作伙伴")
    assert convert(mention).roles[0].organization is None


def test_a_list_of_perks_under_a_pay_heading_is_the_benefits() -> None:
    """``福利待遇：`` over ``- 五险一金`` / ``- 年度体检`` / ``- 每年 10 天带薪年假``: every item names a
    perk, so the list is the benefits and the pay stays the pay line; a list with a sentence
    among its items stays the pay text as written (rule list_names_perks)."""
    text = ("## 前端工程师\n\n**岗位职责：**\n\n- 负责页面开发\n\n**薪资：** 15K - 25K·14薪\n\n**福利待遇：**\n\n"
            "- 五险一金\n- 年度体检\n- 每年 10 天带薪年假\n")
    role = convert_bytes(text.encode(), "fe.md").roles[0]
    assert role.benefits == ["五险一金", "年度体检", "每年 10 天带薪年假"]
    assert role.compensation == "15K - 25K·14薪"
    sentences = text.replace("- 年度体检", "- 绝对能匹配上你能力的薪资，还有各种下午茶~")
    assert convert_bytes(sentences.encode(), "fe.md").roles[0].benefits == []


def test_a_label_one_space_before_its_number_has_lost_its_colon() -> None:
    """``从业年限 5年以上`` in a form typed as text: the label and its number (rule
    label_before_number); ``年龄 25 - 45 岁，身体健康`` keeps reading as prose, which gives the age."""
    role = convert("岗位名称：安全总监\n岗位职责：\n1、负责安全管理\n任职资格：\n学    历：本科\n从业年限 5年以上\n").roles[0]
    assert (role.qualifications.experience.years_min, role.qualifications.experience.text) == (5, "5年以上")
    role = convert("岗位名称：司机\n岗位职责：\n1、负责配送\n任职要求：\n年龄 25 - 45 岁，身体健康\n").roles[0]
    assert (role.qualifications.age.min, role.qualifications.age.max) == (25, 45)


def test_an_english_experience_line_states_years() -> None:
    """``3+ years of experience in data engineering`` is the experience requirement, as
    ``3年以上数据开发经验`` is (lexicon experience_words: experience)."""
    text = ("## Data Engineer\n\n### What you'll do\n* 负责数据仓库建设\n\n### What we're looking for\n"
            "* 3+ years of experience in data engineering\n* 熟练使用 SQL\n")
    experience = convert_bytes(text.encode(), "de.md").roles[0].qualifications.experience
    assert experience is not None and (experience.years_min, experience.text) == (
        3, "3+ years of experience in data engineering")


def test_a_bar_between_fields_separates_like_a_space() -> None:
    """Job boards join a posting's fields with bars (``月薪：12-18K｜职位描述：1. …``): the heading after
    the bar starts a section, the pay ends before it."""
    line = "职位：数据分析师｜地点：南京｜月薪：12-18K｜职位描述：1. 负责业务数据分析；2. 搭建数据看板。任职资格：1. 本科及以上学历\n"
    role = convert(line).roles[0]
    assert role.compensation == "12-18K"
    assert [d.text for d in role.duties] == ["负责业务数据分析", "搭建数据看板"]


def test_a_short_heading_with_its_colon_mid_line_opens_its_section() -> None:
    """A posting on one line (``职责：1.… 要求：1.…``): ``要求：`` after a space is the requirements'
    heading, not a label the lexicon does not know, so its items are requirements."""
    line = ("岗位：外贸业务员 地点：宁波 薪资：面议 职责：1.跟进订单进度 2.与国外客户邮件沟通 "
            "要求：1.英语四级以上 2.两年以上外贸业务经验 3.会说韩语者优先\n")
    q = convert(line).roles[0].qualifications
    assert q.experience is not None and q.experience.years_min == 2
    assert q.preferred == ["会说韩语者优先"]


def test_a_form_typed_as_text_keeps_its_spaced_age_range_and_its_unit() -> None:
    """``年    龄：25 - 35 岁`` is one value (rule spaced_age_range); ``单位：`` names the employer."""
    text = ("岗 位 说 明 书\n单位：远航物流有限公司          填写日期：2023-03-01\n岗位名称：调度员\n【岗位职责】\n"
            "1．负责车辆排班\n【任职要求】\n学    历：大专及以上\n年    龄：22 - 40 岁\n")
    role = convert(text).roles[0]
    age = role.qualifications.age
    assert age is not None and (age.min, age.max, age.text) == (22, 40, "22 - 40 岁")
    assert role.organization == "远航物流有限公司"


def test_a_numbered_duty_that_ends_in_a_position_word_is_a_duty() -> None:
    """``1．安排车辆调度`` ends in a position word (调度) but opens with a duty verb: an item of the
    duty list, not a numbered position that starts a second role (rule numbered_title; lexicon
    duty_verbs: 安排, 办理, 整理 …)."""
    role, *others = convert("岗位名称：调度员\n【岗位职责】\n1．安排车辆调度\n2．负责车辆排班\n").roles
    assert others == [] and [d.text for d in role.duties] == ["安排车辆调度", "负责车辆排班"]


def test_a_page_laid_out_in_one_table_keeps_its_introduction_before_its_roles() -> None:
    """A job page laid out in one big table holds its introduction and its roles in the same
    block: what comes before the first role in reading order is the preamble, so the employer
    its introduction names is every role's organization."""
    cells = ("<tr><td>海岸影城-招聘信息</td></tr><tr><td>海岸影城是厦门首家激光影城，现因新店开业，诚聘以下岗位。</td></tr>"
             "<tr><td><h3>放映员</h3>岗位职责：<br>1、负责影片放映<br>2、负责设备保养</td></tr>")
    html = f"<html><body><table>{cells}</table></body></html>"
    roles = convert_bytes(html.encode(), "jobs.html").roles
    assert [(r.title, r.organization) for r in roles] == [("放映员", "海岸影城")]


def test_a_hospital_or_a_university_is_an_organization() -> None:
    """Employers are not only companies: ``康宁医院门诊部岗位说明`` names the hospital (lexicon
    company_suffixes: 医院, 学院, 大学, 研究院, 研究所, 银行)."""
    text = "康宁医院门诊部岗位说明\n一、门诊导诊员\n岗位职责：\n1、负责就诊引导\n2、维护候诊秩序\n"
    role = convert(text).roles[0]
    assert (role.title, role.organization) == ("门诊导诊员", "康宁医院")


def test_a_note_after_a_value_can_say_it_holds_for_every_role() -> None:
    """``工作地点：苏州（以上岗位均同）`` after the last role: the place of every role above, and the
    note is no part of the place (rule shared_note)."""
    text = ("## 岗位一：Java 工程师\n**岗位职责：**\n- 负责后端开发\n\n## 岗位二：测试工程师\n**岗位职责：**\n"
            "- 负责自动化测试\n\n---\n\n**工作地点：** 无锡（以上岗位均同）\n")
    roles = convert_bytes(text.encode(), "jobs.md").roles
    assert [r.location for r in roles] == [["无锡"], ["无锡"]]


def test_the_company_perks_after_a_leaflets_last_role_are_every_roles() -> None:
    """A leaflet prints ``公司福利：`` over a list of perks after its last role: every role has them
    (rule company_wide); a 公司福利 list that runs on into other text stays the last role's."""
    text = ("一、仓管员\n岗位职责：\n负责货物出入库\n薪资待遇：4000元/月\n二、司机\n岗位职责：\n负责车辆配送\n"
            "薪资待遇：6000元/月\n公司福利：\n五险一金\n节日福利\n")
    roles = convert(text).roles
    assert [r.benefits for r in roles] == [["五险一金", "节日福利"], ["五险一金", "节日福利"]]
    runs_on = text + "我们是一家快速发展的物流企业，欢迎加入我们的团队，一起成长。\n"
    assert convert(runs_on).roles[0].benefits == []


def test_a_label_word_that_ends_a_phrase_is_not_glued_to_a_value() -> None:
    """In a posting flattened onto one line, ``…编辑工作经验者优先`` and ``…工作经验；`` end a phrase with a
    label word: followed by 者 or by the end of a sentence it labels nothing (lexicon prose_followers),
    so the requirement and the wish stay whole."""
    line = ("职位名称：学术编辑 1．岗位职责（1）追踪科研动态，策划选题，组织发表重要科研成果。（2）对学术文章进行初审，"
            "并组织专家开展评议。（3）撰写新闻稿件和宣传文案，提高期刊影响力。（4）负责期刊的出版质量把关。"
            "2．任职要求（1）热爱科技期刊编辑事业，具有良好的沟通协调能力和团队协作精神；（2）年龄35岁以下，身体健康；"
            "（3）具有相关专业硕士以上学位。（4）具有3年以上科技期刊编辑工作经验；有国际性科技期刊编辑工作经验者优先。"
            "工作地点：北京 薪资待遇：面议\n")
    q = convert(line).roles[0].qualifications
    assert q.preferred == ["有国际性科技期刊编辑工作经验者优先"]
    assert q.experience is not None and q.experience.years_min == 3


def test_a_labelled_list_after_a_sub_list_keeps_its_items() -> None:
    """After ``- 软素质：`` and its nested items, a label of its own (``专业技能：``) heads the items
    that follow at the top level: the sub-list's end does not end the label's list."""
    text = ("### 推理工程师\n\n【工作职责】\n- 负责推理优化\n\n【职责要求】\n- 软素质：\n  - 目标驱动\n  - 团队协作\n\n"
            "专业技能：\n\n- 熟悉数据库原理\n- 了解分布式系统\n")
    q = convert_bytes(text.encode(), "jd.md").roles[0].qualifications
    assert q.qualities == ["目标驱动", "团队协作"]
    assert q.skills == ["熟悉数据库原理", "了解分布式系统"]


# A compilation's preamble explains its form's terms, quoting each label; a row of two
# companies' full names follows. Checked by hand: none of it is a role's, all of it is text.
GLOSSARY = (
    "汇编说明\n关于岗位说明书的相关名词解释：\n“汇报关系”：指该岗位日常工作的汇报对象，包括直接上级和直接下级。\n"
    "销售公司全称：上海某某化工销售有限公司  合丰全称：某某特种化学有限公司\n"
    "岗位名称：出纳\n岗位职责：\n1、负责现金收付；\n2、登记现金日记账。\n"
)


def test_text_outside_roles_keeps_the_labels_written_in_it() -> None:
    """A label word inside text no role takes (``汇报关系`` in a definition, ``合丰全称：``) is
    part of that text: unassigned gives each line whole, as written, not cut at its labels."""
    result = convert(GLOSSARY)
    assert [r.title for r in result.roles] == ["出纳"]
    texts = [u.text for u in result.unassigned]
    assert "“汇报关系”：指该岗位日常工作的汇报对象，包括直接上级和直接下级。" in texts
    assert "销售公司全称：上海某某化工销售有限公司  合丰全称：某某特种化学有限公司" in texts
    assert "汇编说明" in texts  # a heading over no role is text too


# A table of contents (entry, spaces, page number) before the roles it lists.
WITH_CONTENTS = (
    "目录\n出纳  2\n会计  3\n仓管员  4\n"
    "岗位名称：出纳\n岗位职责：\n1、负责现金收付。\n岗位名称：会计\n岗位职责：\n1、编制会计凭证。\n"
    "岗位名称：仓管员\n岗位职责：\n1、负责物料收发。\n"
)


def test_a_table_of_contents_is_furniture_kept_in_the_output() -> None:
    """Furniture (a table of contents, a site's notice) is set aside from the roles, and the
    result still lists its text, so nothing of the file is lost."""
    result = convert(WITH_CONTENTS)
    assert [r.title for r in result.roles] == ["出纳", "会计", "仓管员"]
    assert [f.text for f in result.furniture] == ["出纳  2", "会计  3", "仓管员  4"]
    assert all(f.kind == "boilerplate" for f in result.furniture)


# A posting written as paragraphs under no heading (invented; checked by hand): the recruiting
# sentence opens the role; the work, the candidate, the offer and how to apply follow, each a
# paragraph that says by its opening which it is.
PARAGRAPH_POSTING = (
    "某某投资集团股份有限公司招聘财务经理\n\n"
    "因业务发展需要，我公司现面向社会公开招聘财务经理一名，具体要求如下。\n\n"
    "财务经理主要负责公司的日常财务核算与资金管理，组织编制月度、年度财务报表。\n\n"
    "应聘者须具有财务会计或相关专业本科及以上学历，具有五年以上财务工作经验。\n\n"
    "公司为员工缴纳五险一金，提供带薪年假和年度体检，月薪8000元至12000元。\n\n"
    "有意者请将简历发送至hr@example.com，联系人：王女士。\n"
)


def test_prose_paragraphs_go_to_the_part_of_the_posting_they_open_as() -> None:
    result = convert(PARAGRAPH_POSTING)
    [role] = result.roles
    assert (role.title, role.headcount, role.organization) == ("财务经理", 1, "某某投资集团股份有限公司")
    # the position as subject introduces the work: the duty is what follows 主要
    assert [d.text for d in role.duties] == ["负责公司的日常财务核算与资金管理，组织编制月度、年度财务报表"]
    q = role.qualifications
    assert (q.education.level, q.education.or_above) == ("本科", True)
    assert q.majors == ["财务会计"]  # the candidate and the verb before the majors are no major
    assert q.experience.years_min == 5
    assert role.benefits == ["五险一金", "带薪年假", "年度体检"]
    assert (role.salary.min, role.salary.max, role.salary.unit) == (8000, 12000, "month")
    assert "有意者请将简历发送至hr@example.com，联系人：王女士。" in [u.text for u in result.unassigned]


def test_a_paragraph_whose_work_is_introduced_by_de_gongzuo_shi() -> None:
    text = ("本行现诚聘客户经理若干名。\n"
            "客户经理的工作是开发和维护企业客户，完成存款、贷款等业务指标。\n"
            "我们希望您拥有金融、经济类专业全日制本科以上学历，年龄在35周岁以下。\n工作地点在杭州。\n")
    [role] = convert(text).roles
    assert [d.text for d in role.duties] == ["开发和维护企业客户，完成存款、贷款等业务指标"]
    assert role.qualifications.education.level == "本科"
    assert role.qualifications.majors == ["金融", "经济类"]
    assert role.location == ["杭州"]  # 在 states the place; it is no part of it
    assert all(u.text.strip("。") for u in role.unmapped)  # the full stop after the place is no lost text


def test_perks_named_after_a_verb_of_giving(lexicon) -> None:
    from jdx.pipeline.fields.pay import perks_in_prose

    assert perks_in_prose("公司为员工缴纳五险一金，提供带薪年假和年度体检，薪资面议。", lexicon) == [
        "五险一金", "带薪年假", "年度体检"]
    assert perks_in_prose("按照公司规定享受年假、带薪病假等假期福利。", lexicon) == ["年假", "带薪病假"]
    # a described offer names no perk
    assert perks_in_prose("享受国家规定的各项福利，提供有竞争力的薪酬。", lexicon) == []


def test_a_pay_range_with_the_unit_after_both_figures(lexicon) -> None:
    from jdx.pipeline.fields.pay import parse_salary

    s = parse_salary("月工资3500元至4500元", lexicon)
    assert (s.min, s.max, s.unit) == (3500, 4500, "month")
    s = parse_salary("3000元-5000元/月", lexicon)
    assert (s.min, s.max, s.unit) == (3000, 5000, "month")


def test_the_years_that_count_are_those_of_the_experience_clause(lexicon) -> None:
    from jdx.pipeline.fields.qualifications import years_in_text

    text = "团队成员的平均代码年龄超过10年。招聘要求是3年以上前端项目开发经验，熟练掌握 React"
    assert years_in_text(text, lexicon).years_min == 3
    # two experience clauses: the longer stated minimum, as before
    assert years_in_text("2年以上产品工作相关经验，4年以上互联网公司工作经验", lexicon).years_min == 4


def test_a_perk_cut_out_of_a_bracket_or_after_a_label_is_no_perk(lexicon) -> None:
    from jdx.pipeline.fields.pay import perks_in_prose

    # "（除法定节假日外，享受5天带薪年假）" cut at its comma leaves a bracket closed by nothing
    assert perks_in_prose("享受5天带薪年假）", lexicon) == []
    assert perks_in_prose("提供宿舍：带卫生间", lexicon) == []
    assert perks_in_prose("享受5天带薪年假", lexicon) == ["5天带薪年假"]


@pytest.mark.parametrize(("line", "title"), [
    ("行政专员招聘启事", "行政专员"), ("诚聘行政专员", "行政专员"), ("行政专员岗位招聘", "行政专员"),
    ("招聘主管招聘", "招聘主管"),  # 招聘主管 is a position: only the trailing recruiting word goes
])
def test_a_posting_title_line_names_its_position(line: str, title: str) -> None:
    text = f"{line}\n\n你将负责公司日常行政事务，包括办公用品采购与会议安排。\n\n要求大专以上学历，一年以上相关工作经验。\n"
    assert [r.title for r in convert(text).roles] == [title]


def test_a_company_posting_line_names_no_position() -> None:
    text = "某某大酒店招聘启事\n\n负责前台接待与客房预订。\n"
    assert all(r.title != "某某大酒店" for r in convert(text).roles)


def test_a_heading_run_into_its_paragraph_heads_that_paragraph_only() -> None:
    """``你将负责…`` heads its own paragraph; the candidate's and the offer's paragraphs after it
    say for themselves what they are (checked by hand)."""
    text = ("行政专员招聘启事\n\n你将负责公司日常行政事务，包括办公用品采购、会议室安排。\n\n"
            "你需要具备大专以上学历，一年以上行政工作经验。\n\n我们提供五险一金、带薪年假，月薪5000-7000元。\n")
    [role] = convert(text).roles
    assert [d.text for d in role.duties] == ["公司日常行政事务，包括办公用品采购、会议室安排"]
    assert role.qualifications.education.level == "大专" and role.qualifications.experience.years_min == 1
    assert (role.salary.min, role.salary.max) == (5000, 7000)


def test_a_recruiting_sentence_goes_on_with_what_it_asks() -> None:
    """``另招聘司机1名，要求持C1驾照，五年以上驾龄，年龄45岁以下。`` — the sentence after the
    position opens with 要求: the requirements (checked by hand)."""
    [driver] = convert("另招聘司机1名，要求持C1驾照，五年以上驾龄，年龄45岁以下。\n").roles
    q = driver.qualifications
    assert (driver.title, driver.headcount) == ("司机", 1)
    assert q.experience.years_min == 5 and q.age.max == 45


def test_a_sentence_opening_with_yaoqiu_asks_of_the_candidate() -> None:
    [driver] = convert("另招聘司机1名。要求持C1驾照，能吃苦耐劳。\n").roles
    assert "驾照" not in " ".join(u.text for u in driver.unmapped)
    q = driver.qualifications
    assert any("C1驾照" in v for v in q.certifications + q.skills + q.qualities + q.special)


# A Markdown leaflet of our own (a bakery; checked by hand): each position is one bold line with
# its count and pay, then bullets that mix what the job does with what it asks.
LEAFLET = (
    "# 麦香坊烘焙有限公司 诚聘\n\n"
    "**【面包师】2名  月薪6000-9000元**\n"
    "- 负责面包、蛋糕的制作与出品\n- 3年以上烘焙工作经验，持健康证\n- 年龄22-40岁\n\n"
    "**【店员】若干  月薪3800-4500元+提成**\n"
    "- 负责门店销售、收银及陈列\n- 18-35岁，形象好\n\n"
    "**工作地点：** 杭州市西湖区文三路100号\n"
)


def test_a_leaflet_line_names_the_position_its_count_and_its_pay() -> None:
    baker, clerk = convert(LEAFLET, "leaflet.md").roles
    assert (baker.title, baker.headcount) == ("面包师", 2)
    assert (baker.salary.min, baker.salary.max) == (6000, 9000)
    assert (clerk.title, clerk.headcount, clerk.salary.min) == ("店员", None, 3800)  # 若干 is no number
    # the bullets: the requirements say so themselves, the rest open with a duty verb
    assert [d.text for d in baker.duties] == ["负责面包、蛋糕的制作与出品"]
    assert baker.qualifications.experience.years_min == 3 and baker.qualifications.age.max == 40
    assert [d.text for d in clerk.duties] == ["负责门店销售、收银及陈列"]
    assert (clerk.qualifications.age.min, clerk.qualifications.age.max) == (18, 35)
    assert clerk.location == ["杭州市西湖区文三路100号"]  # a street address is a place, however long


def test_an_address_is_a_place_and_a_sentence_is_not(lexicon) -> None:
    from jdx.pipeline.fields.pay import place_prose

    assert not place_prose("杭州市西湖区文三路100号华星大厦", lexicon)
    assert place_prose("本岗位的工作地点为公司总部,需配合出差", lexicon)
    assert place_prose("申江路5005号联系人徐经理 15026542292", lexicon)  # a contact line holds an address


MARKDOWN_POSTING = """# 星河软件招聘

## 招聘岗位

### 1. 前端工程师
**岗位职责：**
- 负责公司Web产品的前端开发

**任职要求：**
- 本科及以上学历，3年以上前端开发经验

### 2. 后端工程师
**岗位职责：**
- 负责服务端接口开发

## 福利待遇
- 五险一金
- 年度体检

## 工作地点
上海市浦东新区张江路88号
"""


def test_sections_after_the_last_position_cover_every_position() -> None:
    """``## 福利待遇`` and ``## 工作地点`` after a posting's last position close the whole posting
    (rule closing_section): every position has them; ``招聘岗位`` above the positions heads no
    field and stays the document's own text."""
    result = convert_bytes(MARKDOWN_POSTING.encode(), "jobs.md")
    assert [r.benefits for r in result.roles] == [["五险一金", "年度体检"]] * 2
    assert [r.location for r in result.roles] == [["上海市浦东新区张江路88号"]] * 2
    assert "招聘岗位" in [u.text for u in result.unassigned]


def test_a_closing_place_after_a_leaflets_last_position_is_every_positions() -> None:
    text = ("墨彩印务有限公司 诚聘\n\n【印刷机长】1名  月薪9000-12000元\n- 负责印刷机的操作与日常保养\n\n"
            "【装订工】3名  月薪4500-5500元\n- 负责画册的折页与装订\n\n工作地点：东莞市长安镇振安中路168号\n")
    roles = convert_bytes(text.encode(), "leaflet.md").roles
    # a bracketed name with its count and pay heads a position on a plain line too (title_with_tails)
    assert [(r.title, r.headcount, r.compensation) for r in roles] == [
        ("印刷机长", 1, "月薪9000-12000元"), ("装订工", 3, "月薪4500-5500元")]
    assert [r.location for r in roles] == [["东莞市长安镇振安中路168号"]] * 2


def test_a_place_the_last_position_states_itself_stays_its_own() -> None:
    """Not a closing section: a 工作地点 inside the last position's own paragraph, or one each
    position states in its own form."""
    prose = ("本社招聘信贷员3名。信贷员的工作是开展农户贷款的调查与贷后管理。\n\n"
             "本社同时招聘综合柜员6名。该岗位主要负责办理存取款等柜面业务。工作地点在启明县城区营业部。\n")
    roles = convert(prose).roles
    assert [r.location for r in roles] == [[], ["启明县城区营业部"]]
    form = ("一、仓管员\n岗位职责：\n负责货物出入库\n工作地点：一号仓\n二、司机\n岗位职责：\n负责车辆配送\n"
            "工作地点：车队\n")
    assert [r.location for r in convert(form).roles] == [["一号仓"], ["车队"]]


WECHAT_POSTING = """🔥【急招】奶茶店店长 🔥

🏠 茶语时光餐饮管理有限公司
📍工作地点：杭州市西湖区文三路
⏰工作时间：早班9:00-18:00

✅岗位职责：
1️⃣ 负责门店日常运营管理
2️⃣ 负责员工排班与培训

✅任职要求：
👉 高中及以上学历
👉 2年以上餐饮门店管理经验
"""


def test_a_posting_that_marks_its_lines_with_emoji_reads_like_one_with_bullets() -> None:
    """Emoji that open a line are a bullet, keycaps a number, a 🔥…🔥 wrap decoration (matching
    form only); 【急招】 is a tag before the name (posting_title_line), and the company line
    under the title is the role's employer (rule organization_under_title)."""
    result = convert(WECHAT_POSTING)
    role = result.roles[0]
    assert (role.title, role.organization) == ("奶茶店店长", "茶语时光餐饮管理有限公司")
    assert role.location == ["杭州市西湖区文三路"]
    assert [d.text for d in role.duties] == ["负责门店日常运营管理", "负责员工排班与培训"]
    q = role.qualifications
    assert q.education is not None and q.education.level == "高中"
    assert q.experience is not None and q.experience.years_min == 2
    # text no field takes keeps its emoji: the display form is the document's writing
    assert "⏰工作时间：早班9:00-18:00" in [u.text for u in role.unmapped]


def test_pictographs_fold_to_marks_of_the_same_length() -> None:
    from jdx.pipeline.normalize import fold

    cases = {"📍工作地点：杭州": "•工作地点:杭州", "1️⃣ 负责门店": "1.  负责门店", "🔥【急招】店长 🔥": " 【急招】店长  ",
             "薪资💰6000": "薪资 6000", "★客服专员！★ 公司": "★客服专员!★ 公司"}
    for text, folded in cases.items():
        assert fold(text) == folded and len(fold(text)) == len(text)


def test_prose_names_the_superior_before_the_work() -> None:
    """``行政主管在行政经理领导下工作，负责…``: whom the position works under (rule
    superior_clause) is its reports_to, and the duty is the work that follows."""
    text = ("行政部岗位说明\n\n一、行政主管\n行政主管在行政经理领导下工作，负责公司行政事务的统筹安排。任职者应具有大专以上学历。\n\n"
            "二、前台接待\n前台接待向行政主管汇报，负责来访客人的接待登记与电话转接。\n")
    roles = convert(text).roles
    assert [r.reporting.reports_to for r in roles] == [["行政经理"], ["行政主管"]]
    assert [r.duties[0].text for r in roles] == ["负责公司行政事务的统筹安排", "负责来访客人的接待登记与电话转接"]


def test_prose_reporting_line_with_counted_reports() -> None:
    """``下属有会计2名、出纳1名``: 有 states the direct reports in prose, and when each is written
    with its count the names are the positions and the counts their headcount (rule
    counted_positions); ``本岗位的主要职责是：`` introduces the duties, colon and all; 担任本岗位
    须具备 is the candidate, not a major."""
    text = ("财务主管岗位说明\n\n财务主管隶属于财务部，直接上级为财务经理，下属有会计2名、出纳1名。\n\n"
            "本岗位的主要职责是：组织公司日常会计核算工作；编制月度财务报表。\n\n"
            "担任本岗位须具备会计学、财务管理等相关专业本科以上学历，5年以上财务工作经验。\n")
    role = convert(text).roles[0]
    assert role.reporting.direct_reports == ["会计", "出纳"]
    assert role.reporting.supervision.direct_headcount == 3
    assert [d.text for d in role.duties] == ["组织公司日常会计核算工作", "编制月度财务报表"]
    assert role.qualifications.majors == ["会计学", "财务管理"]


def test_a_job_boards_tag_line_gives_each_tag_its_field() -> None:
    """``北京 | 3-5年 | 本科`` (rule tag_line): the city, the years, the degree; the
    requirements restate the degree and the years in full and take their place. The title line
    carries the pay (title_with_tails on a plain line, with a pay range)."""
    text = ("数据分析师 15-25K·14薪\n北京 | 3-5年 | 本科\n岗位职责：\n1. 负责电商业务的数据分析；\n任职要求：\n"
            "1. 统计学、数学相关专业本科及以上学历；\n2. 3年以上互联网数据分析经验。\n")
    role = convert(text).roles[0]
    assert (role.title, role.compensation, role.location) == ("数据分析师", "15-25K·14薪", ["北京"])
    edu, exp = role.qualifications.education, role.qualifications.experience
    assert edu is not None and (edu.level, edu.or_above, edu.text) == ("本科", True, "统计学、数学相关专业本科及以上学历")
    assert role.qualifications.majors == ["统计学", "数学"]
    assert exp is not None and exp.text == "3年以上互联网数据分析经验"
    slashes = "## 高级Java开发工程师\n**20k-35k / 上海 / 经验5-10年 / 本科及以上 / 全职**\n\n工作职责：\n- 负责交易系统开发\n"
    role = convert_bytes(slashes.encode(), "job.md").roles[0]
    assert (role.compensation, role.location, role.employment_type) == ("20k-35k", ["上海"], "全职")
    assert role.qualifications.experience is not None and role.qualifications.experience.years_min == 5
    # a line of bars that is no tag line (two parts name no term) stays text
    assert convert("部门 | 岗位 | 说明\n行政专员\n岗位职责：\n1、负责日常行政事务\n").roles[0].location == []


def test_positions_listed_one_a_line_share_the_description_after_them() -> None:
    """``招聘职位`` over one line per position with its pay, then one 岗位描述 and 岗位要求: every
    position listed has the description (rule shares_description); the lines under 岗位描述
    that open with a duty verb are duties (summary_heading_lists_duties)."""
    text = ("### 招聘职位\n\n初中级前端开发工程师 12~25K\n\n高级前端开发工程师 20~40K\n\n### 岗位描述\n\n"
            "负责核心业务功能的前端研发工作；\n\n配合产品经理和设计师提高用户体验；\n\n### 岗位要求\n\n本科及以上学历；\n")
    roles = convert_bytes(text.encode(), "jobs.md").roles
    assert [(r.title, r.compensation) for r in roles] == [("初中级前端开发工程师", "12~25K"), ("高级前端开发工程师", "20~40K")]
    for role in roles:
        assert [d.text for d in role.duties] == ["负责核心业务功能的前端研发工作", "配合产品经理和设计师提高用户体验"]
        assert role.qualifications.education is not None and role.qualifications.education.level == "本科"


def test_a_position_line_over_prose_paragraphs_is_their_title() -> None:
    """The position's name alone on the first line, then paragraphs about it (rule
    position_line_over_prose); a clause of the first sentence names the superior
    (``…，向财务总监汇报。``); ``其主要职责包括`` heads the duties; the position asks through
    ``该职位要求候选人具有`` (no major), and a 以上 of another clause is not the degree's."""
    text = ("财务经理\n\n财务经理负责公司的财务管理工作，向财务总监汇报。其主要职责包括制定年度财务预算；组织编制财务报表。\n\n"
            "该职位要求候选人具有财务、会计相关专业硕士学历，8年以上财务管理经验。\n")
    role = convert(text).roles[0]
    assert (role.title, role.reporting.reports_to) == ("财务经理", ["财务总监"])
    assert [d.text for d in role.duties] == ["制定年度财务预算", "组织编制财务报表"]
    q = role.qualifications
    assert q.majors == ["财务", "会计"]
    assert q.education is not None and (q.education.level, q.education.or_above) == ("硕士", False)


def test_a_sentence_that_seeks_someone_names_the_position() -> None:
    """``我们正在寻找一位经验丰富的财务分析师加入…`` and ``诚聘2名销售经理，``: the count before
    the name (recruiting_sentence); under a heading that already names the role, such a
    sentence introduces it (rule introduces_open_role)."""
    text = "我们正在寻找一位经验丰富的财务分析师加入我们的团队。\n\n在这个职位上，你将负责编制月度经营分析报告。\n"
    role = convert(text).roles[0]
    assert (role.title, role.headcount, [d.text for d in role.duties]) == ("财务分析师", 1, ["负责编制月度经营分析报告"])
    assert convert("本公司诚聘2名销售经理，负责华东区域的客户开发。\n").roles[0].title == "销售经理"
    md = "# Data Engineer\n\n我们正在寻找一名数据工程师加入数据平台组。\n\n## 岗位职责\n- 维护数据管道\n"
    roles = convert_bytes(md.encode(), "jd.md").roles
    assert [r.title for r in roles] == ["Data Engineer"]


def test_prose_under_a_heading_title_says_what_each_paragraph_is() -> None:
    """A role titled by a heading and written in paragraphs: ``其主要职责包括…`` heads its own
    paragraph only, and the next paragraph (``该职位要求候选人具有…``) is the requirements, not
    more duties."""
    text = ("# 财务经理\n\n财务经理向财务总监汇报，其主要职责包括制定年度财务预算；组织编制财务报表。\n\n"
            "该职位要求候选人具有会计相关专业本科以上学历，8年以上财务管理经验。\n")
    role = convert_bytes(text.encode(), "jd.md").roles[0]
    assert [d.text for d in role.duties] == ["制定年度财务预算", "组织编制财务报表"]
    assert role.qualifications.experience is not None and role.qualifications.experience.years_min == 8


def test_labels_before_the_title_label_in_its_line_are_that_roles() -> None:
    """``岗位代码：A01，岗位名称：会计，招聘人数：1人``: the code before the name is the new role's,
    and the comma that parts a value from the next label is no part of the title."""
    text = ("招聘岗位及条件\n岗位代码：A01，岗位名称：会计，招聘人数：1人，学历要求：本科及以上。\n"
            "岗位代码：A02，岗位名称：护士，招聘人数：5人，学历要求：大专及以上。\n")
    roles = convert(text).roles
    assert [(r.title, r.code, r.headcount) for r in roles] == [("会计", "A01", 1), ("护士", "A02", 5)]


def test_a_company_line_with_the_year_of_its_recruiting_names_the_employer() -> None:
    """``恒达物流有限公司2024年招聘计划``: the year between the company and the recruiting words
    is no part of the name."""
    text = ("恒达物流有限公司2024年招聘计划\n\n| 岗位名称 | 人数 | 岗位职责 |\n|---|---|---|\n| 调度员 | 2 | 负责车辆调度安排 |\n")
    roles = convert_bytes(text.encode(), "plan.md").roles
    assert [(r.title, r.organization, r.headcount) for r in roles] == [("调度员", "恒达物流有限公司", 2)]


def test_english_form_labels_over_chinese_values() -> None:
    """A form with English labels and Chinese values (``Job Title: 行政专员``, ``Department:``,
    ``Reports To:``): the labels are the lexicon's, in either case."""
    text = ("Job Title: 行政专员\nDepartment: 行政部\nreports to: 行政经理\n\nJob Responsibilities:\n"
            "1. 负责公司日常行政事务管理\n")
    role = convert(text).roles[0]
    assert (role.title, role.department, role.reporting.reports_to) == ("行政专员", "行政部", ["行政经理"])


FAMILIES = Path(__file__).resolve().parent / "families" / "documents"


def convert_family(name: str) -> ConvertResult:
    path = FAMILIES / name
    return convert_bytes(path.read_bytes(), path.name)


def test_a_prose_posting_in_one_paragraph_says_each_part_in_its_own_sentence() -> None:
    """prose-10: the employer is the recruiting sentence's subject (rule company_subject); the
    clause after the department value a comma ended says whom the position reports to and its
    work (rule clause_after_value, with superior_clause's 直接); the sentence of pay after the
    one a heading ran into says for itself what it is (rule later_sentence_of_headed_paragraph)."""
    role = convert_family("prose-10-company-subject.txt").roles[0]
    assert (role.title, role.organization, role.department) == ("调度主管", "青岛远航冷链物流有限公司", "运输部")
    assert role.reporting.reports_to == ["运输部经理"]
    assert [d.text for d in role.duties] == ["负责车辆调度计划的编制与执行，跟踪在途车辆并处理运输异常"]
    assert role.salary is not None and (role.salary.min, role.salary.max) == (7000, 9000)
    assert role.benefits == ["五险一金", "员工宿舍"]


def test_a_company_subject_is_not_a_clause_of_cause() -> None:
    """``随着公司业务发展，现招聘…`` and ``本公司…``: no employer is named (rule company_subject)."""
    for lead in ("随着公司业务发展，现招聘会计1名。", "本公司因业务需要，现招聘会计1名。"):
        role = convert(lead + "要求本科以上学历，3年以上会计工作经验。\n").roles[0]
        assert role.title == "会计" and role.organization is None


def test_prose_with_no_title_line_is_titled_by_its_first_subject() -> None:
    """prose-11: 采购专员是…的基层岗位，向采购经理汇报，负责…: the first sentence's subject
    names the position (rule subject_of_first_paragraph); the work after the superior clause is
    a duty."""
    roles = convert_family("prose-11-subject-first.txt").roles
    assert [r.title for r in roles] == ["采购专员"]
    assert roles[0].reporting.reports_to == ["采购经理"]
    assert roles[0].duties[0].text == "负责原辅材料的询价、比价和下单工作"
    assert roles[0].qualifications.majors == ["物流管理", "工商管理"]


def test_a_notice_line_per_position_gives_name_count_terms() -> None:
    """leaflet-07: ``理货员6名，18-45岁，…，月薪3800元；`` (rule counted_position_line): each
    clause by its form — age, degree, years, a wish, pay, a perk; 报名地点 is no work place."""
    roles = convert_family("leaflet-07-counted-lines.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("理货员", 6), ("生鲜主管", 1), ("收银员", 3)]
    assert [r.compensation for r in roles] == ["月薪3800元", "月薪8000-10000元", "月薪3500-4200元；包午餐"]
    assert roles[0].qualifications.age is not None and (roles[0].qualifications.age.min, roles[0].qualifications.age.max) == (18, 45)
    assert roles[1].qualifications.experience is not None and roles[1].qualifications.experience.years_min == 5
    assert roles[2].qualifications.preferred == ["女性优先"] and roles[2].qualifications.gender is None
    assert all(r.location == [] for r in roles)


def test_a_line_with_a_count_but_no_position_opens_no_role() -> None:
    """``本店员工5名，…``: the name is no position's (rule counted_position_line)."""
    result = convert("本店员工5名，均为熟练工。\n")
    assert result.roles == []


def test_talking_headings_and_a_seeking_heading() -> None:
    """md-06: ``# 我们在找一位新媒体运营`` is a seeking sentence set as a heading; 你会做什么 /
    我们希望你 / 我们能给你 head duties, requirements and pay."""
    role = convert_family("md-06-talking-headings.md").roles[0]
    assert (role.title, role.headcount) == ("新媒体运营", 1)
    assert len(role.duties) == 3
    assert role.qualifications.majors == ["新闻学", "汉语言文学"]
    assert role.salary is not None and (role.salary.min, role.salary.max) == (6000, 9000)


def test_numbered_notice_lines_count_their_positions() -> None:
    """leaflet-08: ``一、厨师长：1名，…`` — a numbered line, the count after a colon (rule
    counted_position_line); 若干名 is no number; 女 is the gender, 男女不限 none; a wish stays a
    requirement even where a perk's word (餐) is in it."""
    roles = convert_family("leaflet-08-numbered-counted-lines.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("厨师长", 1), ("楼面经理", 2), ("传菜员", None), ("收银员", 1)]
    assert [r.qualifications.gender for r in roles] == [None, None, None, "女"]
    assert roles[1].qualifications.preferred == ["有连锁餐饮管理经验者优先"]
    assert [r.compensation for r in roles] == ["薪资面议", "月薪7000-9000元", "月薪3200-3800元；包食宿", "月薪3500元"]
    assert {r.organization for r in roles} == {"桂林漓江人家餐饮有限公司"}


def test_bulleted_names_with_counts_and_one_duty_lines() -> None:
    """leaflet-09: ``● 出纳（1人）`` heads a role (rule name_with_count); ``职责：负责现金收付、银行
    对账及票据保管；`` is one duty (rule one_duty_with_objects); the 待遇 line after the last
    position, before how to apply, is every position's (rule closing_section)."""
    roles = convert_family("leaflet-09-bulleted-counts.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("出纳", 1), ("销售内勤", 2)]
    assert [[d.text for d in r.duties] for r in roles] == [["负责现金收付、银行对账及票据保管"],
                                                          ["负责合同录入、发货跟踪及客户回款核对"]]
    assert [r.compensation for r in roles] == ["月薪4000-6000元，缴纳社保，单休"] * 2


def test_a_paragraph_asks_from_its_requirement_sentence() -> None:
    """leaflet-10: under ``一、活动策划（2名）`` one paragraph: duties, then from ``要求大专以上学历，…``
    requirements (rule sentence_asks); the company line above is no duty."""
    roles = convert_family("leaflet-10-paragraph-per-position.txt").roles
    assert [d.text for d in roles[0].duties] == ["负责企业年会、发布会等活动的方案策划与现场执行", "对接场地及供应商资源，控制活动预算"]
    assert roles[0].qualifications.experience is not None and roles[0].qualifications.experience.years_min == 2
    assert [d.text for d in roles[1].duties] == ["负责活动物料及公司宣传品的视觉设计，配合策划完成提案"]
    assert roles[1].qualifications.majors == ["视觉传达"]


def test_english_position_label_and_a_longer_heading_that_starts_with_it() -> None:
    """``Position: 财务分析师 Financial Analyst`` labels the title; in ``Position Description:`` the
    label word starts a section name and labels nothing (rule inside_longer_heading)."""
    text = ("Position: 财务分析师 Financial Analyst\nDepartment: 财务部\nReports to: 财务总监\n\n"
            "Position Description: 编制月度财务分析报告；参与年度预算编制。\n\n"
            "Requirements:\n- 财务、会计或经济类本科以上学历\n- 3年以上财务分析经验\n")
    role = convert(text).roles[0]
    assert (role.title, role.department, role.reporting.reports_to) == ("财务分析师 Financial Analyst", "财务部", ["财务总监"])
    assert [d.text for d in role.duties] == ["编制月度财务分析报告", "参与年度预算编制"]
    # a job site's copy run onto one line: the section name glued to the value before it
    flat = ("Job ID: 1024Location:  CHN-ShanghaiRelocation Provided:  NoEducation Required:  Bachelors "
            "DegreeExperience Required:  3 - 5 YearsPosition Description:  负责数据平台的建设与维护 设计离线与实时"
            "数据处理流程，保障数据质量 与业务团队协作完成数据需求的分析与交付Position Requirements: 计算机、数学或统计"
            "专业本科以上，3年以上工作经验 熟悉Python或Java，熟悉Hadoop、Spark等大数据组件 良好的沟通能力和团队合作精神\n")
    assert "Description" not in [r.title for r in convert(flat).roles]


def test_paragraphs_that_each_name_a_position_describe_each() -> None:
    """prose-12: no title lines; 工程部经理全面负责… / 电工负责… / 空调技工负责… — each paragraph's
    subject opens a role (rule subject_paragraphs), and its 任职者需… sentence asks."""
    roles = convert_family("prose-12-department-positions.txt").roles
    assert [r.title for r in roles] == ["工程部经理", "电工", "空调技工"]
    assert [r.duties[0].text for r in roles] == ["负责酒店设施设备的运行管理，制定年度维修保养计划，控制能耗与维修费用",
                                                "负责酒店供配电系统的日常巡检与维修，做好用电安全记录",
                                                "负责中央空调机组的运行操作与保养，处理客房空调报修"]
    assert roles[1].qualifications.experience is not None and roles[1].qualifications.experience.years_min == 2
    assert all(r.headcount is None for r in roles)


def test_a_rule_book_that_names_positions_as_subjects_gives_no_roles() -> None:
    """``财务经理负责审批…`` in a rule book: positions as subjects, but nothing asks anything of a
    person — no description (rule subject_paragraphs)."""
    text = ("费用报销管理规定\n\n报销人负责填写报销单并附原始票据。\n\n部门经理负责审核报销事项的真实性。\n\n"
            "财务经理负责复核票据并办理付款。\n")
    assert convert(text).roles == []


def test_each_sentence_of_a_prose_duty_paragraph_is_a_duty_after_its_subject() -> None:
    """prose-13: 招聘专员主要负责… and 招聘专员需要根据…: the subject and 需要 introduce the work in
    every sentence; 筛选简历并组织面试 is work, not how to apply."""
    role = convert_family("prose-13-what-the-job-is.txt").roles[0]
    assert [d.text for d in role.duties] == ["负责公司一线岗位的招聘工作", "根据门店的用人需求发布招聘信息，筛选简历并组织面试",
                                             "跟进候选人的入职安排", "统计各渠道的招聘效果"]
    assert role.qualifications.majors == ["人力资源管理", "工商管理"]


def test_a_job_boards_page_copied_as_text() -> None:
    """board-03: the name over its pay line (rule title_over_pay_line), tags set apart by spaces
    (rule tag_line), keyword tags that name no position (rule names_a_position), the employer's
    card at the end (rule employer_after_role) and the company facts after it."""
    roles = convert_family("board-03-copied-page.txt").roles
    assert len(roles) == 1  # 供应链 计划 S&OP: words set apart by spaces are no position's name
    role = roles[0]
    assert (role.title, role.compensation, role.organization) == ("供应链计划经理", "20-30K·14薪", "深圳星河智联电子有限公司")
    assert role.qualifications.education is not None and role.qualifications.education.level == "本科"
    assert "深圳市南山区科技园南区" in role.location and not any("人" in place for place in role.location)
    assert len(role.duties) == 3


def test_a_leaflet_header_line_is_no_tag_line() -> None:
    """``销售代表 3-5年 本科``: a position's name is no place, so the line is no tag line."""
    roles = convert("销售代表 3-5年 本科\n岗位职责：\n1、开拓华东区域客户；\n2、完成季度销售目标。\n").roles
    assert all("销售代表" not in r.location for r in roles)


def test_a_bilingual_title_counts_latin_words_as_words() -> None:
    """trad-04: ``誠聘 出納文員 Cashier Clerk`` — a Latin word is as long as one character
    (is_position_name measures in text units), and Clerk is a position word."""
    role = convert_family("trad-04-hk-bilingual-title.txt").roles[0]
    assert role.title == "出纳文员 Cashier Clerk"
    assert role.benefits == ["五天工作", "医疗保险", "有薪年假"]


def test_taiwan_bank_labels() -> None:
    """104-style bracket labels: 【擅長工具】 lists skills, 【科系要求】 majors."""
    text = ("【職缺名稱】行政助理\n【工作內容】\n1. 處理公司日常行政庶務\n2. 協助會議安排與紀錄\n"
            "【科系要求】企業管理相關\n【擅長工具】Word、Excel\n【薪資待遇】月薪 32,000~36,000元\n")
    role = convert(text).roles[0]
    assert role.title == "行政助理"
    assert role.qualifications.skills == ["Word", "Excel"]
    assert role.qualifications.majors == ["企业管理"]


def test_a_place_stated_as_a_choice() -> None:
    """``工作地点可选北京、上海或深圳``: 可选 states the place as 为 does (place copulas)."""
    text = "算法工程师\n\n岗位职责：\n1. 负责推荐算法的研发。\n\n本岗位适用于社会招聘，工作地点可选北京、上海或深圳。\n"
    assert convert(text).roles[0].location == ["北京", "上海", "深圳"]


def test_a_career_page_names_its_company_in_its_title_and_its_tags_with_dots() -> None:
    """<title>加入我们 - 某某有限公司</title>: the page's furniture names the organization (rule
    organization_from_furniture); ``杭州 · 3-5年 · 本科 · 全职`` is a tag line (middle dots)."""
    page = ("<html><head><title>加入我们 - 杭州云帆网络科技有限公司</title></head><body>"
            "<h2>Golang后端工程师 <span>15-30K</span></h2><p>杭州 · 3-5年 · 本科 · 全职</p>"
            "<h3>工作职责</h3><ul><li>负责核心业务系统的后端开发</li></ul>"
            "<h3>任职要求</h3><ul><li>3年以上Go语言开发经验</li></ul></body></html>")
    role = convert_bytes(page.encode("utf-8"), "jobs.html").roles[0]
    assert (role.title, role.organization) == ("Golang后端工程师", "杭州云帆网络科技有限公司")
    assert (role.location, role.employment_type) == (["杭州"], "全职")


def test_a_run_on_list_numbers_an_item_that_opens_with_a_figure() -> None:
    """``1.本科…；2.5年以上Java开发经验；3.…`` on one line: 2. is the run's next number and 5年 the
    item's figure (rule number_before_a_figure); 6.0K and a 2.5 with no run before it stay figures."""
    text = ("## 高级Java开发工程师\n\n**任职要求：** 1.本科及以上学历，计算机相关专业；2.5年以上Java开发经验；"
            "3.熟悉Spring Boot、MySQL、Redis。\n\n**薪资：** 6.0K-8.5K\n")
    role = convert(text, name="jd.md").roles[0]
    assert role.qualifications.experience is not None and role.qualifications.experience.years_min == 5
    assert role.compensation == "6.0K-8.5K"
    assert convert("数据分析师\n任职要求：2.5年以上数据分析经验，本科以上学历。\n").roles[0].qualifications.experience.years_min == 2.5


def test_an_openings_list_then_a_terms_line_per_position() -> None:
    """leaflet-11: ``招聘岗位：注塑工15名、…`` lists the openings (rule openings_list) and gives each
    described position its count; ``注塑工：18-45岁，…，月均6500-8500元。`` names a position and its
    terms (rule named_terms_line)."""
    roles = convert_family("leaflet-11-openings-then-terms.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("注塑工", 15), ("品检员", 4), ("物料员", 2)]
    assert [r.compensation for r in roles] == ["月均6500-8500元", "月薪5200-6000元", "月薪4800-5500元"]
    assert roles[2].qualifications.preferred == ["有物料管理经验者优先"]


def test_a_duty_line_under_a_name_and_colon_is_no_terms_line() -> None:
    """``销售经理：负责华南区域的客户开发，完成季度销售目标。``: the clauses are work, not terms."""
    text = "招聘启事\n\n销售经理：负责华南区域的客户开发，完成季度销售目标。\n"
    assert all(r.compensation is None for r in convert(text).roles)


def test_a_starred_line_names_a_position_its_count_and_its_sections() -> None:
    """leaflet-12: ``★ 分拣员 12名 要求：… 待遇：…`` — the name and its count open the line
    (rule name_with_count), the sections follow on it."""
    roles = convert_family("leaflet-12-starred-lines.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("派送员", None), ("分拣员", 12), ("客服专员", 2)]
    assert [r.compensation for r in roles] == ["底薪+提成，月入7000-11000元", "时薪22元，月结", "4200-5200元/月"]


def test_a_department_line_per_position_with_its_work() -> None:
    """lines-01: ``二、仓管员：负责物料的验收入库和发放，…`` — a position's name, a colon and its work
    (rule named_duties_line)."""
    roles = convert_family("lines-01-department-positions.txt").roles
    assert [r.title for r in roles] == ["仓储主管", "仓管员", "叉车工"]
    assert [len(r.duties) for r in roles] == [1, 1, 1]
    assert roles[1].duties[0].text == "负责物料的验收入库和发放，登记库存台账，做好库区5S管理"


def test_a_notice_counting_its_staff_as_a_whole_then_a_table_of_positions() -> None:
    """notice-02: ``公开招聘编外工作人员12名`` is the notice's total, no role (rule notice_total); the
    table's positions are the roles, and 其他条件 (a catch-all) states each one's age."""
    roles = convert_family("notice-02-county-hospital-table.docx").roles
    assert [(r.title, r.code, r.headcount) for r in roles] == [("临床医师", "201", 4), ("护士", "202", 6), ("药剂师", "203", 2)]
    assert [r.qualifications.age.max if r.qualifications.age else None for r in roles] == [35, 30, 35]


def test_questions_head_their_answers() -> None:
    """md-07: ``Q：这个岗位做什么？`` heads the duties its ``A：`` answer lists (rule question_heading);
    a manual's A：B：C： enumeration under no question keeps its letters."""
    role = convert_family("md-07-questions-and-answers.md").roles[0]
    assert [d.text for d in role.duties] == ["负责用户访谈与可用性测试的设计和执行", "整理研究结论并推动产品改进", "建立用户画像与体验指标体系"]
    assert role.location == ["上海市杨浦区创智天地"]
    assert role.salary is not None and (role.salary.min, role.salary.max) == (20000, 30000)


def test_perks_stated_for_all_positions_in_a_sentence() -> None:
    """``以上岗位均缴纳五险，提供住宿`` and ``以上岗位包吃住``: the perks an all-roles sentence names
    are every role's benefits (rule all_roles_sentence)."""
    text = ("招聘\n1.厨师：2名，3年以上川菜经验，月薪6000-7000元；\n2.服务员：5名，18-35岁，月薪3500-4000元。\n"
            "以上岗位均缴纳五险，提供住宿。\n")
    roles = convert(text).roles
    assert [r.title for r in roles] == ["厨师", "服务员"]
    assert all(r.benefits == ["五险", "住宿"] for r in roles)
    roles = convert("招聘\n1.保安：2名，男，50岁以下，月薪3600元；\n2.保洁：3名，55岁以下，月薪3000元。\n以上岗位包吃住。\n").roles
    assert all(r.benefits == ["包吃住"] for r in roles)


def test_a_duty_document_titled_by_a_secretary_position() -> None:
    """``综合办公室文秘岗位职责``: 文秘 is a position word, so the title line names the role."""
    text = "综合办公室文秘岗位职责\n\n1、负责公文的起草、审核和印发；\n2、负责会议的组织和记录。\n"
    roles = convert(text).roles
    assert len(roles) == 1 and roles[0].title.endswith("文秘") and len(roles[0].duties) == 2


def test_a_packed_requirement_line_loses_no_clause() -> None:
    """prose-13: ``要胜任这个岗位，一般需要…大专以上学历，一年以上…经验，能接受经常外出参加招聘会。`` —
    the degree and the years go to their fields; the clauses no field takes stay, with their
    spans, in unmapped (nothing lost)."""
    role = convert_family("prose-13-what-the-job-is.txt").roles[0]
    assert [u.text for u in role.unmapped] == ["要胜任这个岗位", "能接受经常外出参加招聘会"]


def test_text_after_a_roster_that_shares_nothing_is_kept() -> None:
    """notice-02: the 报名方式 section after the table of positions is taken out of the last role
    (it follows a roster) and shares no field; it stays the document's text (unassigned)."""
    result = convert_family("notice-02-county-hospital-table.docx")
    assert "报名时间：2026年3月1日至3月10日，报名地点为医院人事科。" in [u.text for u in result.unassigned]


def test_the_clauses_beside_a_wish_are_not_lost() -> None:
    """leaflet-01: ``要求：三年以上中餐热菜工作经验；持健康证；会做闽菜者优先。`` — the wish is preferred,
    the years are the experience, and 持健康证, a clause of its own (clause_list_requirements), is sorted
    by itself: a certification (it was kept only in unmapped)."""
    roles = convert_family("leaflet-01-one-line-headers.docx").roles
    cook = next(r for r in roles if r.title == "厨师")
    assert cook.qualifications.preferred == ["会做闽菜者优先"]
    assert cook.qualifications.certifications == ["持健康证"]


def test_a_notice_written_section_by_section_gives_one_role_per_position() -> None:
    """notice-03: ``二、岗位职责`` / ``（一）管网巡检员`` / items / ``（二）水质化验员`` / … and again
    under ``三、任职条件``: a section heading followed at once by a position's name heads positions
    (rule heads_positions), so each position's items there are that section's, and a name seen
    before returns to its role — two roles, each with the counts of the openings list above."""
    roles = convert_family("notice-03-sections-by-position.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("管网巡检员", 3), ("水质化验员", 2)]
    assert [len(r.duties) for r in roles] == [3, 3]
    assert roles[0].duties[0].text == "按巡检路线对供水管网、阀门及消火栓进行日常巡查"
    assert roles[0].qualifications.age is not None and roles[0].qualifications.age.max == 40
    assert roles[1].qualifications.experience is not None and roles[1].qualifications.experience.years_min == 2
    assert roles[1].qualifications.preferred == ["持有化学检验工职业资格证书者优先"]


def test_an_internal_competition_notice_with_a_line_per_position_in_each_section() -> None:
    """notice-04: ``一、竞聘岗位`` lists ``1. 安全环保部副部长（1名）`` — an entry dropped as a list of
    contents until ``安全环保部副部长：…`` under ``二、竞聘条件`` names it again and revives it —
    then one line per position under 竞聘条件 and under 岗位职责."""
    roles = convert_family("notice-04-internal-competition.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("安全环保部副部长", 1), ("物资采购部主管", 2)]
    assert [len(r.duties) for r in roles] == [3, 3]
    assert roles[0].qualifications.experience is not None and roles[0].qualifications.experience.years_min == 8
    assert roles[1].qualifications.education is not None and roles[1].qualifications.education.level == "大专"


def test_a_short_table_of_openings_without_its_header_row() -> None:
    """leaflet-13: three rows of name | count | requirements | pay and no header: every first cell
    names a position and every second is a count (rule small_roster), so each row is a role."""
    roles = convert_family("leaflet-13-headerless-table.docx").roles
    assert [(r.title, r.headcount) for r in roles] == [("厨师长", 1), ("面点师", 2), ("传菜员", 4)]
    assert [r.compensation for r in roles] == ["月薪9000-12000元", "月薪5500-7000元", "月薪3800-4500元"]
    assert roles[0].qualifications.experience is not None and roles[0].qualifications.experience.years_min == 5
    assert roles[2].qualifications.age is not None and (roles[2].qualifications.age.min, roles[2].qualifications.age.max) == (18, 45)


def test_a_headerless_pipe_table_gives_its_last_column_as_the_place() -> None:
    """md-08: Markdown takes the first row of a headerless pipe table for its header; the rows are
    still positions (rule small_roster), and the one column nothing else names, short names that
    are no positions, is the place (``成都``, ``重庆``)."""
    roles = convert_family("md-08-headerless-pipe-table.md").roles
    assert [(r.title, r.headcount, r.location) for r in roles] == [
        ("前端开发工程师", 2, ["成都"]), ("测试工程师", 1, ["成都"]), ("运维工程师", 1, ["重庆"])]


def test_a_contact_table_is_no_roster() -> None:
    """A contact list (names, places, phones: no position, no count, no requirement) is no roster."""
    text = "| 张三 | 北京 | 13800000000 |\n|---|---|---|\n| 李四 | 上海 | 13900000000 |\n"
    assert not convert(text, name="x.md").roles


def test_official_prose_enumerates_duties_with_a_numeral_and_shi() -> None:
    """prose-14: ``一是负责…；二是负责…`` — a numeral and 是 at a clause's start number the items
    (numbering style cn_copula), so the duties are the four clauses without 一是; 管理员 stands for
    档案室管理员 (rule short_names) as the subject whose superior is named (在…的领导下)."""
    role = convert_family("prose-14-official-enumeration.txt").roles[0]
    assert [d.text for d in role.duties] == ["负责局机关文书档案和不动产登记档案的接收、整理和归档", "负责档案的借阅登记和利用服务",
                                             "做好档案库房的防火、防潮和防虫工作", "完成领导交办的其他工作"]
    assert role.reporting.reports_to == ["局办公室主任"]
    assert not role.unmapped  # the wish's line is whole among the wishes: its clauses are not repeated


def test_a_numeral_and_shi_inside_a_word_numbers_nothing() -> None:
    """统一是 / 唯一是: the numeral belongs to the word before it."""
    role = convert("质检员岗位职责\n\n岗位职责：检验标准统一是关键，负责来料检验；负责成品抽检。\n").roles[0]
    assert role.duties[0].text.startswith("检验标准统一是关键")


def test_a_field_line_the_lexicon_does_not_know_is_no_duty() -> None:
    """notice-05: ``招聘人数：2人`` / ``研究方向：材料表征与分析测试`` / ``岗位要求：…`` — the unknown
    field after a known field's line is a field of its own (rule label_line_among_labels), kept
    under its name, not a duty of the numbered position. The notice's heading is no role of its
    own: ``招聘岗位`` under it, a label with nothing after it, says nothing yet (RoleDraft.has_content),
    so the heading heads the document and names the employer of every position."""
    roles = convert_family("notice-05-university-field-lines.txt").roles
    assert [(r.title, r.organization, r.headcount) for r in roles] == [("实验员", "江城理工大学", 2), ("辅导员", "江城理工大学", 3)]
    assert [r.duties for r in roles] == [[], []]
    assert [(s.heading, s.text) for s in roles[0].other_sections] == [("研究方向", "材料表征与分析测试")]


def test_a_field_line_among_a_sections_lines_stays_in_the_section() -> None:
    """``待遇：`` / ``实习期间薪资：200/天`` / ``转正后：8K-15K``: the second line follows no known
    field's line of its own (the pay label is inside the line before), so it stays pay."""
    text = "数据分析实习生\n\n岗位职责：\n1. 整理报表\n\n待遇：\n实习期间薪资：200/天，福利：餐补\n转正后：8K-15K，13薪\n"
    role = convert(text).roles[0]
    assert role.compensation is not None and "转正后：8K-15K" in role.compensation


def test_one_numbered_list_of_work_then_of_what_is_asked() -> None:
    """board-04: under 职位描述 one run of numbers lists the work, then from ``4. 大专及以上学历，1年
    以上…经验`` what is asked (rule asking_item_at): the items from there on are requirements."""
    role = convert_family("board-04-one-list-work-then-asks.txt").roles[0]
    assert [d.text for d in role.duties] == ["负责天猫、京东店铺的日常运营和维护", "策划并执行店铺促销活动，提升店铺流量和转化率",
                                             "分析店铺运营数据，提出优化方案"]
    assert role.qualifications.experience is not None and role.qualifications.experience.years_min == 1
    assert role.qualifications.preferred == ["有服装类目运营经验者优先"]


def test_a_duty_list_whose_later_items_still_do_work_stays_duties() -> None:
    """A requirement-looking item followed by more work (``负责…``) does not turn the list."""
    text = "行政专员\n\n岗位职责：\n1. 负责来访接待；\n2. 具有良好沟通能力；\n3. 负责办公用品采购。\n"
    assert len(convert(text).roles[0].duties) == 3


def test_requirement_lines_wrapped_at_the_page_width_are_joined() -> None:
    """pdftext-01: ``2. 1年以上…熟练使用办公软件及ERP`` / ``系统，会做数据透视表；`` — the line runs to
    the width the text is wrapped at, the next has no number and ends as the items end (rule
    wrapped_requirement): one requirement."""
    role = convert_family("pdftext-01-wrapped-lines.txt").roles[0]
    assert role.qualifications.experience is not None
    assert role.qualifications.experience.text == "1年以上销售内勤或文员工作经验，熟练使用办公软件及ERP系统，会做数据透视表"
    assert not role.unmapped


def test_a_short_line_under_an_unpunctuated_list_is_no_wrapped_tail() -> None:
    """A line well short of the text's width, under items that end without a mark, is its own."""
    text = ("前端工程师\n\n任职要求：\n- 熟悉 HTML、CSS、JavaScript，了解浏览器渲染原理与常见的性能优化手段\n"
            "- 具备良好的沟通技巧，积极的态度和同理心\n有意者请发送简历至邮箱。\n")
    role = convert(text, name="jd.md").roles[0]
    assert all("有意者" not in s for s in role.qualifications.skills + role.qualifications.qualities)


def test_a_recruiting_heading_names_the_employer() -> None:
    """md-08: ``# 青禾软件 2024 春季招聘`` — what stands before the recruiting words and the campaign
    they are for names the employer (rule recruiting_heading), though it carries no company word."""
    assert {r.organization for r in convert_family("md-08-headerless-pipe-table.md").roles} == {"青禾软件"}


def test_a_recruiting_heading_with_its_team_names_the_employer_before_the_team() -> None:
    """``# 滴滴 WebApp 架构团队招聘``: the team that recruits follows the employer's name."""
    text = "# 滴滴 WebApp 架构团队招聘\n\n## 高级前端工程师\n\n### 岗位职责\n\n- 负责移动端页面开发\n"
    assert convert(text, name="jd.md").roles[0].organization == "滴滴"


def test_a_team_or_a_bare_name_recruiting_names_no_employer() -> None:
    """``# 前端团队2024年招聘`` is a team's campaign; ``# 美团招聘`` says too little."""
    for heading in ("前端团队2024年招聘", "美团招聘"):
        text = f"# {heading}\n\n## 高级前端工程师\n\n### 岗位职责\n\n- 负责移动端页面开发\n"
        assert convert(text, name="jd.md").roles[0].organization is None, heading


def test_the_full_registered_name_wins_over_the_headings_brand() -> None:
    """md-02: ``# 澄海智造 2024 年社会招聘`` and ``澄海智造（苏州）科技有限公司专注于…`` below it: the
    full name wins (rule brand_of_full_name); the introduction under the heading is the
    document's preamble, not the first role's."""
    roles = convert_family("md-02-multi-roles-en-labels.md").roles
    assert {r.organization for r in roles} == {"澄海智造（苏州）科技有限公司"}


def test_a_title_with_the_document_word_first() -> None:
    """form-05: ``职位说明书——区域销售经理`` — the document word, a dash, then the position (rule
    title_after_doc_word)."""
    role = convert_family("form-05-title-after-doc-word.txt").roles[0]
    assert role.title == "区域销售经理"
    assert role.review.needed is False


def test_a_section_heading_with_its_first_duty_is_no_title() -> None:
    """``岗位职责：负责会计核算`` heads a section and starts its first duty: no position follows it."""
    role = convert("会计岗位说明书\n\n岗位职责：负责会计核算；编制报表。\n").roles[0]
    assert role.title == "会计" and role.duties[0].text == "负责会计核算"


def test_a_div_built_career_page() -> None:
    """html-05: the menu and footer are divs named nav / footer (page furniture by class or id),
    each position's name shares its line with its count and date (rule labels_after_on_line),
    and the page's title ``人才招聘-温州恒泰阀门有限公司`` names the company after a dash."""
    roles = convert_family("html-05-cms-div-page.html").roles
    assert [(r.title, r.headcount, r.organization) for r in roles] == [
        ("数控车床操作工", 5, "温州恒泰阀门有限公司"), ("品质检验员", 2, "温州恒泰阀门有限公司")]
    assert all("首页" not in u.text for r in roles for u in r.unmapped)


def test_indicator_lines_give_name_weight_and_target() -> None:
    """form-06: ``客户满意度（权重30%）：不低于95%`` — the indicator, its weight in brackets and its target
    after the colon (rule weighted_kpi_line)."""
    kpis = convert_family("form-06-kpi-lines.txt").roles[0].kpis
    assert [(k.name, k.weight_pct, k.targets.text if k.targets else None) for k in kpis] == [
        ("客户满意度", 30.0, "不低于95%"), ("投诉处理及时率", 40.0, "24小时内处理完毕"), ("团队人员流失率", 30.0, "低于10%")]


def test_the_sign_off_rows_after_a_table_of_indicators_are_no_indicators() -> None:
    """cards-01: ``任职者姓名 | 王建国 | 任职者签字 |`` and ``直接上级签字`` under the indicators are the
    form's own fields (rule form_row_after_indicators), not two more indicators."""
    roles = convert_family("cards-01-chemical.docx").roles
    assert [len(r.kpis) for r in roles if r.kpis] == [4, 4, 3]
    assert all(not k.name.startswith(("任职者", "直接上级")) for r in roles for k in r.kpis)


def test_a_grid_of_position_boxes() -> None:
    """leaflet-14: a Word poster's 2x2 table, one position to a cell (name and count, then 要求 and
    待遇 lines): each cell is read line by line (rule position_cards), four roles."""
    roles = convert_family("leaflet-14-position-boxes.docx").roles
    assert [(r.title, r.headcount) for r in roles] == [("仓库管理员", 2), ("叉车司机", 3), ("理货员", 5), ("客服专员", 1)]
    assert roles[1].compensation == "5500-6500元/月，包吃住"


def test_three_ways_of_saying_whom_a_position_reports_to() -> None:
    """form-07: a 汇报关系 line that is a sentence (向…汇报: rule superiors_in_sentence), 本岗位对财务经理负责
    (rule answers_to_a_position), and a 报告对象 label."""
    roles = convert_family("form-07-reporting-phrases.txt").roles
    assert [(r.title, r.reporting.reports_to) for r in roles] == [
        ("财务经理", ["财务总监"]), ("会计", ["财务经理"]), ("出纳", ["财务经理"])]


def test_what_a_position_answers_for_is_no_superior() -> None:
    """``本岗位对公司资金安全负责``: 对…负责 names a thing, not a position."""
    role = convert("出纳岗位说明书\n\n本岗位对公司资金安全负责。\n\n岗位职责：\n1. 办理现金收付。\n").roles[0]
    assert role.reporting.reports_to == []


def test_directly_led_by_keeps_the_adverb_out_of_the_name() -> None:
    """``由副总经理直接领导``: 直接 belongs to 领导, not to the superior's name."""
    role = convert("财务经理岗位说明书\n\n该岗位由副总经理直接领导。\n\n岗位职责：\n1. 负责财务管理。\n").roles[0]
    assert role.reporting.reports_to == ["副总经理"]


def test_more_labels_name_the_department() -> None:
    """工作部门 / 归属部门 / 部门归属 / 所在部室 / 所属中心 label the position's department."""
    for label in ("工作部门", "归属部门", "部门归属", "所在部室"):
        role = convert(f"会计岗位说明书\n\n{label}：财务部\n\n岗位职责：\n1. 负责总账核算。\n").roles[0]
        assert role.department == "财务部", label


def test_an_edition_line_under_a_compilations_heading_opens_no_role() -> None:
    """cards-01: ``生产部岗位说明书汇编`` / ``（2023年版）`` / the cards: the edition dates the heading
    (rule edition_note), so the heading is the compilation's, not a role of its own."""
    roles = convert_family("cards-01-chemical.docx").roles
    assert [r.title for r in roles] == ["生产部经理", "合成车间主任", "安全员"]


def test_a_notice_listing_its_openings_then_writing_section_by_section() -> None:
    """notice-06: ``一、招聘岗位及人数`` / ``1. 挂号收费员2名`` / ``2. 病案管理员1名``, then ``二、报名条件``
    (no position named), ``三、岗位职责`` with one ``名称：…`` line per position, ``四、薪酬待遇``. What a
    section addresses to a position by name is that position's; the rest is for every listed
    position (rule shares_description with addressed runs)."""
    roles = convert_family("notice-06-openings-then-sections.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("挂号收费员", 2), ("病案管理员", 1)]
    assert [[d.text for d in r.duties] for r in roles] == [["负责门急诊挂号、收费及退费办理，做好每日票据核对"],
                                                           ["负责出院病案的回收、整理、编码与归档"]]
    for role in roles:
        q = role.qualifications
        assert q.age is not None and (q.age.min, q.age.max) == (20, 35)
        assert q.education is not None and q.education.level == "大专"
        assert role.salary is not None and (role.salary.min, role.salary.max) == (3500, 4500)


def test_a_place_under_how_to_apply_is_not_where_the_job_is() -> None:
    """notice-06: ``报名时间：5月6日至5月15日，地点：医院综合楼二楼人事科`` under ``五、报名方式``: the
    bare 地点 label says where to sign up (rule place_to_apply); 工作地点 would keep its field."""
    roles = convert_family("notice-06-openings-then-sections.txt").roles
    assert [r.location for r in roles] == [[], []]
    role = convert("仓管员\n\n岗位职责：管理仓库。\n\n报名方式\n报名时间：3月1日起，工作地点：嘉兴\n").roles[0]
    assert role.location == ["嘉兴"]


def test_a_notices_sign_off_names_the_employer() -> None:
    """notice-06 ends ``临川县第三人民医院`` / ``2024年4月28日``: the signing body is the employer of
    every position (rule signoff_organization). Its opening clause ``根据医院发展需要…`` names no
    company though it holds 医院 (rule names_company)."""
    roles = convert_family("notice-06-openings-then-sections.txt").roles
    assert [r.organization for r in roles] == ["临川县第三人民医院"] * 2
    # an office under the body (人事科) may follow the name; a sentence is no sign-off
    text = "会计\n\n岗位职责：负责记账。\n\n欢迎加入华康医疗器械有限公司的团队\n2024年4月28日\n"
    assert convert(text).roles[0].organization is None


def test_a_department_line_heads_the_positions_after_it() -> None:
    """leaflet-15 (``【研发中心】``), md-09 (``## 技术部``) and a numbered ``一、生产部``: a line that is a
    department's name and nothing else, followed at once by a position, names the department of
    the positions after it, up to the next such line (rule department_line)."""
    roles = convert_family("leaflet-15-department-lines.txt").roles
    assert [(r.title, r.department) for r in roles] == [("固件工程师", "研发中心"), ("结构工程师", "研发中心"),
                                                        ("区域销售经理", "营销中心")]
    assert all(not r.unmapped for r in roles)
    roles = convert_family("md-09-department-headings.md").roles
    assert [(r.title, r.department, r.purpose) for r in roles] == [
        ("语音算法工程师", "技术部", None), ("测试开发工程师", "技术部", None), ("品牌专员", "市场部", None)]
    text = "招聘简章\n\n一、生产部\n1、种植技术员2名：农学相关专业，大专以上学历。\n\n二、财务部\n1、出纳1名：财会专业，中专以上学历。\n"
    assert [(r.title, r.department) for r in convert(text).roles] == [("种植技术员", "生产部"), ("出纳", "财务部")]
    # a contacts list's item (1、财务部) is no department line
    assert department_line("销售经理", load_lexicon()) is None


def test_one_bullet_of_work_before_the_labelled_asks_is_a_duty() -> None:
    """md-09: ``### 品牌专员（1人）`` / ``- 负责品牌活动的策划与执行`` / ``- 要求：…``: the bullet before the
    requirements' label reads like work and is the duty, even alone (rule work_before_asks)."""
    roles = convert_family("md-09-department-headings.md").roles
    assert [[d.text for d in r.duties] for r in roles] == [
        ["负责语音识别模型的训练与部署优化"], ["负责自动化测试框架与持续集成平台建设"], ["负责品牌活动的策划与执行"]]


def test_how_an_assessment_is_run_is_no_indicator() -> None:
    """form-08: ``考核周期：季度`` / ``考核方式：由客服经理按季度评定…`` under the indicators say how the
    assessment is run (lexicon: sections.other), kept under their names; ``我们提供：`` heads the perks."""
    role = convert_family("form-08-assessment-terms.txt").roles[0]
    assert [k.name for k in role.kpis] == ["客户满意度", "投诉处理及时率", "团队人员流失率"]
    assert [s.heading for s in role.other_sections] == ["考核周期", "考核方式"]
    assert role.benefits == ["五险一金", "带薪年假", "年度体检"]


def test_a_tag_before_the_company_and_a_count_glued_to_the_title() -> None:
    """leaflet-16: ``【诚聘英才】杭州禾丰餐饮管理有限公司`` (rule leading_tag) and ``岗位：面点师2名``
    (rule headcount_tail: a count glued to a Chinese name is the headcount)."""
    roles = convert_family("leaflet-16-tagged-company-line.txt").roles
    assert [(r.title, r.headcount, r.organization) for r in roles] == [
        ("面点师", 2, "杭州禾丰餐饮管理有限公司"), ("传菜员", 4, "杭州禾丰餐饮管理有限公司")]


def test_a_plain_texts_first_line_may_name_the_recruiting_employer() -> None:
    """leaflet-15 opens ``云帆电子2024年社会招聘``: a text file's first line standing alone is its
    heading, and a recruiting heading with its campaign names the employer (rule
    recruiting_heading); a first line that names a department recruiting names none."""
    roles = convert_family("leaflet-15-department-lines.txt").roles
    assert {r.organization for r in roles} == {"云帆电子"}
    text = "市场部2024年社会招聘\n\n市场专员\n岗位职责：负责市场调研。\n"
    assert convert(text).roles[0].organization is None


def test_a_name_over_a_paragraph_that_never_repeats_it() -> None:
    """prose-15: ``档案管理员`` alone, then ``在综合办公室主任的指导下，负责…`` — the paragraph says what the
    position is (rule describes_the_position) and opens with its superior, the position left
    unsaid (rule opens_with_superior): the clause is reports_to, the rest the duty as written."""
    role = convert_family("prose-15-name-over-paragraph.txt").roles[0]
    assert role.title == "档案管理员" and role.reporting.reports_to == ["综合办公室主任"]
    assert [d.text for d in role.duties] == [
        "负责公司文书档案和合同档案的收集、整理、立卷与归档，做好档案借阅登记和库房的防潮防火工作，定期编制档案检索目录"]
    # "在上级的领导下" names no position: the paragraph stays whole
    role = convert("出纳\n\n在上级的领导下，负责现金收付与银行结算业务，登记日记账。\n").roles[0]
    assert role.reporting.reports_to == [] and role.duties[0].text.startswith("在上级的领导下")


def test_a_subject_a_department_and_a_superior_with_the_verb_first() -> None:
    """prose-16: ``本职位隶属信息技术部，汇报给信息技术部经理，负责…``: the subject and the department
    label come before the sentence goes on (describes_the_position, goes_on), and 汇报给 puts the
    verb before the superior (lexicon reporting.report_to_verbs_first)."""
    role = convert_family("prose-16-subject-department-superior.txt").roles[0]
    assert (role.title, role.department) == ("网络运维工程师", "信息技术部")
    assert role.reporting.reports_to == ["信息技术部经理"]
    assert role.duties[0].text.startswith("负责公司机房")


def test_reporting_labels_worded_as_a_question_and_a_list() -> None:
    """form-09: ``向谁汇报：区域经理`` / ``所辖岗位：店员、收银员、理货员`` (lexicon labels)."""
    role = convert_family("form-09-reporting-label-words.txt").roles[0]
    assert role.reporting.reports_to == ["区域经理"]
    assert role.reporting.direct_reports == ["店员", "收银员", "理货员"]


def test_a_heading_with_who_recruits_a_verb_and_the_position() -> None:
    """md-10: ``## 星环数据 平台研发部招 高级Java工程师`` and ``## 青木游戏招聘：Unity 客户端工程师``: the
    position after the verb is the title, the recruiter's first word the employer (rule
    recruiter_before_title). 招聘专员 and 招商经理 are positions, 高薪急招 says how, not who."""
    roles = convert_family("md-10-recruiter-verb-title.md").roles
    assert [(r.title, r.organization) for r in roles] == [("高级Java工程师", "星环数据"), ("Unity 客户端工程师", "青木游戏")]
    lexicon = load_lexicon()
    assert recruiter_before_title("人力资源部招聘专员", lexicon) is None
    assert recruiter_before_title("区域招商经理", lexicon) is None
    assert recruiter_before_title("高薪急招 采购助理", lexicon) is None


def test_a_name_over_a_summary_label_heads_a_role() -> None:
    """``物流专员`` / ``职位概述：`` / items: a section label with its value on the lines below opens
    the role's text as a heading does (rule heading_line_opens_role)."""
    text = "物流专员\n\n职位概述：\n1. 负责货物出入库登记；\n2. 跟踪物流时效。\n\n任职要求：\n1. 大专以上学历。\n"
    role = convert(text).roles[0]
    assert role.title == "物流专员"


def test_a_pay_line_with_a_qualifier_glued_to_its_pay_word_is_one_pay_text() -> None:
    """board-05: ``待遇：`` / ``实习期间日薪：180元/天，福利：免费工作餐`` / ``转正后月薪：9K-12K，14薪``: each line
    states one regime of pay, kept whole as written (rule qualified_pay_line), the perks inside it
    still benefits; the empty ``待遇：`` label heads the lines below, so the first line is no field of
    its own (rule label_line_among_labels)."""
    role = convert_family("board-05-qualified-pay-lines.txt").roles[0]
    assert role.compensation == "实习期间日薪：180元/天，福利：免费工作餐；转正后月薪：9K-12K，14薪"
    assert role.benefits == ["免费工作餐"] and role.other_sections == []
    text = "数据实习生\n\n岗位职责：\n1. 整理报表\n\n待遇：\n实习期间薪资： 200/天，福利： 1500 元餐补/月\n"
    assert convert(text).roles[0].compensation == "实习期间薪资： 200/天，福利： 1500 元餐补/月"


def test_a_requirement_opening_with_a_verbs_characters_stays_a_requirement() -> None:
    """board-05: ``统计学、数学相关专业在读硕士`` under 任职要求 opens with 统计 (a duty verb) but names a
    degree and a major (lexicon qualifications.requirement_words): a requirement, not a duty the
    layout put there (rule duty_in_requirements)."""
    role = convert_family("board-05-qualified-pay-lines.txt").roles[0]
    assert [d.text for d in role.duties] == ["协助整理业务数据并制作周报", "参与用户行为分析专题"]
    assert role.qualifications.majors == ["统计学", "数学"]


def test_the_team_in_a_recruiting_heading_is_the_department() -> None:
    """md-11: ``# 橙果 数据平台团队招聘``: the employer, then the team that recruits — the department
    of every position under it (rule recruiting_team); a role's own department label would win."""
    roles = convert_family("md-11-team-heading.md").roles
    assert [(r.organization, r.department) for r in roles] == [("橙果", "数据平台团队")] * 2


def test_graphic_marks_part_a_flattened_postings_sections() -> None:
    """dump-03: ``●职责协助完成…●要求1.计算机…``: the same mark before two section names on a line
    parts the sections, each name glued to its content (rule marks_part_sections); a dash or a
    middle dot between items (``(三)-岗位职责``, ``1·…2·…``) parts nothing."""
    roles = convert_family("dump-03-marked-sections.txt").roles
    assert [r.title for r in roles] == ["", "", ""]  # the contract's title is a str: no position named
    assert [[d.text for d in r.duties] for r in roles] == [["协助完成语音数据的标注与质检，整理标注规范文档"],
                                                           ["负责仓储系统接口的开发与维护，处理线上问题"],
                                                           ["负责门店销售数据的日报与周报制作，支持运营分析"]]
    assert [r.qualifications.preferred for r in roles] == [["有数据标注经验者优先"], ["有WMS项目经验者优先"], ["有零售行业经验者优先"]]


def test_notes_on_how_indicators_are_assessed_are_no_indicators() -> None:
    """form-10: ``数据来源：…``, ``评分标准：…``, ``考核结果分为优秀、良好…四个等级。``, ``优秀：90分以上；良好：…``
    under the indicators (rule not_an_indicator): kpis holds the three indicators only; the notes
    stay in the role's text. A short indicator that ends a sentence (``准时参与培训、会议。``) stays."""
    role = convert_family("form-10-indicator-notes.txt").roles[0]
    assert [k.name for k in role.kpis] == ["库存准确率", "发货及时率", "仓库安全事故为零"]
    assert any(u.text.startswith("数据来源") for u in role.unmapped)
    text = "行政专员岗位说明书\n\n岗位职责：\n1. 负责会议安排。\n\n考核指标：\n1. 准时参与培训、会议。\n2. 会议纪要及时率\n"
    assert [k.name for k in convert(text).roles[0].kpis] == ["准时参与培训、会议", "会议纪要及时率"]


def test_a_clause_naming_another_listed_position_is_that_positions() -> None:
    """A notice lists its openings, then one shared condition line gives each position a clause
    (``收费员要求大专及以上学历，会计相关专业；药房调剂员要求中专及以上学历，药学专业``): each role keeps the
    clauses that name no other listed position (rule clauses_for)."""
    text = ("招聘公告\n\n一、招聘岗位\n1. 收费员1名\n2. 药房调剂员1名\n\n二、报名条件\n（一）年龄18-35周岁；\n"
            "（二）收费员要求大专及以上学历，会计相关专业；药房调剂员要求中专及以上学历，药学专业。\n")
    roles = convert(text).roles
    assert [(r.title, r.qualifications.education.level, r.qualifications.majors) for r in roles] == [
        ("收费员", "大专", ["会计"]), ("药房调剂员", "中专", ["药学"])]
    assert [r.qualifications.age.max for r in roles] == [35, 35]


def test_a_copyright_line_is_furniture_naming_the_employer() -> None:
    """board-06 ends ``Copyright © 2024 苏州青藤软件有限公司 All Rights Reserved``: page furniture
    (lexicon boilerplate phrases), and the company it names is the employer (rule copyright_owner)."""
    result = convert_family("board-06-copyright-footer.txt")
    role = result.roles[0]
    assert role.organization == "苏州青藤软件有限公司" and not role.review.needed
    assert any("苏州青藤软件有限公司" in f.text for f in result.furniture)


def test_lines_opened_by_a_duty_marker_are_the_duties() -> None:
    """leaflet-17: ``职责一：负责来访客户的登记与接待…`` / ``职责二：…``: each line is a duty, its marker the
    numbering (rule marked_duty); they were unmapped and the role flagged for low coverage."""
    role = convert_family("leaflet-17-duty-marker-lines.txt").roles[0]
    assert [d.text for d in role.duties] == ["负责来访客户的登记与接待，引导客户至会议室", "接听总机电话并准确转接",
                                             "管理前台区域的办公用品与快递收发"]
    assert role.unmapped == [] and not role.review.needed


def test_base_labels_the_place_but_not_inside_a_latin_word() -> None:
    """md-12: ``**[base]**`` / ``北京、上海`` and ``Base：杭州`` state the place (lexicon labels); ``熟悉
    Spark、HBase、Kafka`` holds the word inside HBase, which labels nothing (rule inside_latin_word)."""
    roles = convert_family("md-12-base-labels.md").roles
    assert [r.location for r in roles] == [["北京", "上海"], ["杭州"]]
    assert roles[0].qualifications.knowledge == ["熟悉Spark、HBase、Kafka等组件"] and roles[0].work_conditions is None
    # a flattened job-board line, where labels may stand glued to the text before them
    line = ("岗位职责：1.负责数据挖掘模型的开发与上线；2.维护数据仓库与指标体系；3.支持业务部门的数据分析需求。"
            "任职要求：1.应用数学、统计学等专业硕士以上学历；2.会用SPSS、MiniTab或者Matlab等统计分析工具；"
            "3.掌握常用数据结构和数据挖掘算法；4.有Kafka,Hadoop,Spark,Hive,Hbase等分布式大数据处理技术和工业数据分析"
            "工作经验者优先。福利待遇：底薪+加班费+绩效奖金+年终奖+社保+公积金。工作地点：深圳")
    pieces = scan_text(line, Loc(block=0, page=None, start=0, end=len(line)), load_lexicon())
    assert [p.name for p in pieces if p.key == "location"] == ["工作地点"]


def test_we_are_names_the_employer_a_description_does_not() -> None:
    """md-13: ``我们是青藤智联，一家专注于企业协同软件的创业公司。``: the name after 我们是 is the employer
    (rule introduced_employer); ``一家…的创业公司`` ends like a company but describes one (rule
    names_company). ``加入我们`` names no one."""
    assert convert_family("md-13-we-are-intro.md").roles[0].organization == "青藤智联"
    text = "加入我们，一起成长！\n\n产品经理\n岗位职责：\n1. 负责产品规划。\n"
    assert convert(text).roles[0].organization is None


def test_career_heading_names_and_career_prose() -> None:
    """form-11: ``晋升通道：`` / ``设备经理、生产经理`` — a line of names only under a career heading
    is the promotions (rule career_names); ``职业发展：公司为技术人员提供…`` — the empty label opens
    the career section in prose, kept in other_sections (it was a duty); ``职位定员`` is headcount."""
    role = convert_family("form-11-tabbed-form-career.txt").roles[0]
    assert role.reporting.promotions == ["设备经理", "生产经理"] and role.headcount == 2
    assert [d.text for d in role.duties] == ["负责设备的日常维护保养", "组织设备故障抢修", "编制设备保养计划"]
    assert [(o.heading, o.text) for o in role.other_sections] == [("职业发展", "公司为技术人员提供专业与管理双通道的发展路径。")]


def test_a_signoff_is_no_part_of_the_last_section() -> None:
    """html-06: ``<p>云溪县中医院<br>2024年6月3日</p>`` after the pay section: the sign-off's lines leave
    the roles (find_signoff, convert._without_signoff) — the pay text was joined with them
    (``…缴纳五险一金；云溪县中医院；2024年6月3日``) — and the body names the employer."""
    roles = convert_family("html-06-notice-table-signoff.html").roles
    assert [(r.organization, r.compensation) for r in roles] == [("云溪县中医院", "按医院薪酬制度执行，缴纳五险一金")] * 2


def test_an_introduction_that_says_what_it_recruits() -> None:
    """prose-17: ``现招聘门店督导两名，工作地点宁波。``: the count after the position's name and the place
    after the place's word, in prose (rule recruiting_terms); 工作地点灵活 names no place."""
    role = convert_family("prose-17-recruiting-introduction.txt").roles[0]
    assert (role.headcount, role.location) == (2, ["宁波"])
    role = convert("文员\n\n现招聘文员2名，工作地点灵活。\n\n岗位职责：\n1. 负责文件整理。\n").roles[0]
    assert (role.headcount, role.location) == (2, [])


def test_a_notice_gives_each_listed_position_its_own_clause() -> None:
    """notice-07: ``（二）网格员要求高中及以上学历；社工助理要求大专及以上学历，社会工作专业。`` — each role
    keeps the clause that names no other listed position (rule clauses_for); ``社工助理：在上级的领导下，
    协助…`` is that position's duty line though the work does not open it (rule work_after_superior)."""
    roles = convert_family("notice-07-clauses-per-position.txt").roles
    assert [(r.title, r.qualifications.education.level) for r in roles] == [("网格员", "高中"), ("社工助理", "大专")]
    assert [d.text for d in roles[1].duties] == ["在上级的领导下，协助开展社区居民服务项目，整理服务档案"]


def test_the_first_numbered_duty_is_no_title() -> None:
    """form-12: ``岗位职责：`` / ``一、客户接待`` / ``二、合同归档与印章管理``: the first item's words could
    name a position, but under the section's heading with the next item continuing its number it
    is the list's first item (rule first_item_of_section) — it was the title, the role marked ok."""
    role = convert_family("form-12-cn-numbered-duties.txt").roles[0]
    assert role.title == "行政文员"
    assert [d.text for d in role.duties] == ["客户接待", "合同归档与印章管理", "办公费用报销"]


def test_requirements_written_once_for_every_position() -> None:
    """leaflet-18: ``以上岗位均要求：高中以上学历，18-40周岁，能适应轮班。`` after the last position: the
    heading says it covers every role (scan: an adverb between 以上岗位 and the heading), and each
    role that states no such requirement has it (rule shared_requirement_runs) — it was a duty of
    the last role, marked ok."""
    roles = convert_family("leaflet-18-requirements-for-all.txt").roles
    assert [[d.text for d in r.duties] for r in roles] == [["负责收银结账与票据整理"], ["负责商品上架、补货与盘点"]]
    assert [(r.qualifications.education.level, r.qualifications.age.max) for r in roles] == [("高中", 40), ("高中", 40)]


def test_an_english_title_over_about_the_role() -> None:
    """board-07: ``Senior Backend Engineer`` / ``About the role`` / a sentence: a summary heading
    (lexicon purpose) after a name line opens the role (heading_line_opens_role); the name was
    unmapped and the role had no title."""
    role = convert_family("board-07-english-about-the-role.txt").roles[0]
    assert role.title == "Senior Backend Engineer"
    assert role.purpose == "You will build scalable APIs for our payments platform"


def test_a_cards_opening_field_line_heads_the_next_card() -> None:
    """cards-04: ``部门：财务部`` / ``岗位：会计主管`` / … / ``部门：行政部`` / ``岗位：前台``: the second
    department line, above the next card's title label, is that card's (rule card_head_label)."""
    roles = convert_family("cards-04-field-lines-first.txt").roles
    assert [(r.title, r.department) for r in roles] == [("会计主管", "财务部"), ("前台", "行政部")]


def test_an_openings_line_under_its_heading() -> None:
    """notice-08: ``一、招聘岗位`` / ``语文教师2名、数学教师1名`` and nothing describing each: two roles with
    their counts, the notice's sections for both; leaflet-19: the same list under ``招聘岗位：`` with a
    line per position after it: the list gives the counts and is no role (rule openings_label_roles)."""
    roles = convert_family("notice-08-openings-line-only.txt").roles
    assert [(r.title, r.headcount, r.qualifications.age.max) for r in roles] == [("语文教师", 2, 35), ("数学教师", 1, 35)]
    roles = convert_family("leaflet-19-openings-then-lines.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("注塑工", 15), ("品检员", 4)]


def test_a_title_beside_the_employers_whole_name() -> None:
    """md-14: ``易路软件有限公司 - 高级前端开发工程师``, ``后端工程师 | 杭州云栖科技有限公司``, ``测试工程师（苏州青藤
    软件有限公司）`` (rule title_with_employer); the bar form was taken for a company line and gave no
    title. A short word beside a title (``【深圳】``, ``- Web 方向``, ``（田林中心）``) is no employer."""
    roles = convert_family("md-14-title-beside-employer.md").roles
    assert [(r.title, r.organization) for r in roles] == [("高级前端开发工程师", "易路软件有限公司"),
                                                          ("后端工程师", "杭州云栖科技有限公司"),
                                                          ("测试工程师", "苏州青藤软件有限公司")]
    lexicon = load_lexicon()
    assert title_with_employer("【深圳】后端工程师", lexicon) is None
    assert title_with_employer("行政客服/前台（田林中心）", lexicon) is None


def test_indicators_typed_as_columns_aligned_with_spaces() -> None:
    """form-13: ``指标名称    权重    目标值    数据来源`` over rows aligned with spaces is a table (the text
    reader's spaced columns): each row one KPI with its weight and target. Read as lines, the header
    was a KPI and each name held the weight (``采购成本降低率 30% 年度降低``)."""
    role = convert_family("form-13-spaced-kpi-columns.txt").roles[0]
    assert [(k.name, k.weight_pct, k.targets.text if k.targets else None) for k in role.kpis] == [
        ("客户投诉次数", 40.0, "每月不超过2次"), ("来料批次合格率", 30.0, "≥97%"), ("内审不符合项关闭率", 30.0, "100%")]


def test_spaced_columns_need_three_aligned_rows_of_short_cells() -> None:
    """Label pairs padded with spaces (``岗位名称：质量主管    所属部门：质量管理部``), prose with a double
    space, and two rows only stay paragraphs."""
    from jdx.extractors.text import text_to_blocks
    from jdx.schemas.document import BlockKind

    table = "指标名称  权重  目标值\n回款率  40%  ≥90%\n新客户数  60%  12个\n"
    blocks = text_to_blocks(table)[0]
    assert [b.kind for b in blocks] == [BlockKind.TABLE]
    assert [c.text for c in blocks[0].table.cells][:3] == ["指标名称", "权重", "目标值"]
    assert BlockKind.TABLE not in {b.kind for b in text_to_blocks(
        "岗位名称：质量主管    所属部门：质量管理部    编号：Q1\n直接上级：质量经理    岗位定员：1人    职级：P5\n"
        "学历：大专    专业：不限    年龄：35岁以下\n")[0]}
    assert BlockKind.TABLE not in {b.kind for b in text_to_blocks(table.split("\n", 1)[1])[0]}
    prose = "负责公司  微信公众号的日常运营，策划并撰写推文，每周不少于三篇，跟踪数据并提出优化  建议和改进方案\n"
    assert BlockKind.TABLE not in {b.kind for b in text_to_blocks(prose * 3)[0]}


def test_requirements_run_on_as_clauses_parted_by_semicolons() -> None:
    """board-08: ``任职要求：中专及以上学历，电子商务相关专业优先；半年以上电商客服经验；打字速度…，有天猫
    店铺客服经验者优先。`` is a list of clauses (rule clause_list_requirements): both wishes are wishes,
    each whole; the line was read as one requirement and only its first wish was kept."""
    role = convert_family("board-08-semicolon-requirements.txt").roles[0]
    q = role.qualifications
    assert q.preferred == ["中专及以上学历，电子商务相关专业优先", "打字速度每分钟60字以上，有天猫店铺客服经验者优先"]
    assert (q.education.level, q.experience.years_min) == ("中专", 0.5)


def test_a_common_noun_labels_only_before_a_colon() -> None:
    """board-08: ``公司：宁波青柚日用品有限公司`` names the employer; the line ``公司为员工缴纳五险一金，…`` is a
    sentence about the perks (rule noun_without_colon): it was read as a second employer label and
    its first clause dropped from the pay text."""
    role = convert_family("board-08-semicolon-requirements.txt").roles[0]
    assert role.organization == "宁波青柚日用品有限公司"
    assert role.compensation == "5000-7000元/月；公司为员工缴纳五险一金，提供免费工作餐和员工宿舍"


def test_an_overview_names_the_superior_inside_its_sentence() -> None:
    """prose-18: ``药房组长是门诊药房的日常负责人，在药剂科主任的领导下组织药品调剂工作，下辖调剂员4名、药房助理
    若干名。`` under 岗位概述: the superior is named though the work follows 领导下 without a comma
    (superior_clause), the summary stays whole (rule summary_keeps_superior; it was cut around the
    clause), and the direct reports lose their counts though one is 若干 (rule counted_positions)."""
    role = convert_family("prose-18-overview-superior.txt").roles[0]
    assert role.title == "药房组长"
    assert role.purpose == "药房组长是门诊药房的日常负责人，在药剂科主任的领导下组织药品调剂工作"
    assert role.reporting.reports_to == ["药剂科主任"]
    assert role.reporting.direct_reports == ["调剂员", "药房助理"]
    assert role.reporting.supervision.direct_headcount is None
    lexicon = load_lexicon()
    m = superior_clause("在药剂科主任的领导下组织药品调剂工作", lexicon)
    assert m is not None and superior_name(m) and m.group(superior_name(m)) == "药剂科主任"
    assert superior_clause("在药剂科主任的领导组织药品调剂工作", lexicon) is None


def test_a_short_doc_word_makes_a_title_only_after_a_position() -> None:
    """``药房组长岗位说明`` titles 药房组长; ``康宁医院门诊部岗位说明`` heads a unit's compilation
    (rule names_no_position; prose-02 lost its employer to it), and ``职位说明：`` alone heads a section."""
    lexicon = load_lexicon()
    found = match_doc_title("药房组长岗位说明", lexicon)
    assert found is not None and found.title == "药房组长"
    assert match_doc_title("康宁医院门诊部岗位说明", lexicon) is None
    assert match_doc_title("职位说明：", lexicon) is None
    assert [r.organization for r in convert_family("prose-02-clinic.docx").roles] == ["康宁医院", "康宁医院"]


def test_a_gender_clause_of_a_packed_line() -> None:
    """notice-09: ``抄表员：高中及以上学历，男性，年龄40周岁以下，持有电动车驾驶证者优先；`` — the clause 男性
    requires a gender (rule gender_clause); it was left in unmapped."""
    roles = convert_family("notice-09-packed-conditions.txt").roles
    assert [(r.title, r.qualifications.gender, r.qualifications.age.max) for r in roles] == [
        ("抄表员", "男", 40), ("管道维修工", "男", 45)]
    assert not any("男性" in u.text for r in roles for u in r.unmapped)


def test_label_pairs_after_a_duty_table_are_the_forms() -> None:
    """form-14: after a ``序号 | 职责内容 | 工作标准`` duty table and a 任职资格 section row, the rows
    ``学历 | 本科及以上 | 专业 | …`` are label pairs (rule form_row_after_list): read as the table's items,
    only their second cell was kept and the majors, age and contacts were lost, coverage still 1.0.
    Experience under two labels: the one that states years wins (rule years_after_no_years) and
    ``行业背景 | 不要求`` stays in other_sections."""
    role = convert_family("form-14-duty-table-then-pairs.docx").roles[0]
    q = role.qualifications
    assert q.majors == ["人力资源管理", "教育学"]
    assert (q.age.min, q.age.max) == (25, 35)
    assert (q.experience.years_min, q.experience.text) == (2, "2年以上培训工作经验")
    assert [(o.heading, o.text) for o in role.other_sections] == [("行业背景", "不要求")]
    assert [d.metrics for d in role.duties] == [["每年12月前完成"], ["培训覆盖率100%"], ["每季度一次"]]
    assert role.contacts.external == ["培训机构", "高校"]
    assert not role.review.needed


def test_a_heading_word_inside_a_plain_position_name_is_no_doubt() -> None:
    """培训专员 (培训 heads a section), 电话客服, 部门助理: a heading word inside a plain position name
    (rule word_of_a_position_name) flagged 28 corpus roles doubtful; a title with tags is still doubtful."""
    from jdx.pipeline.review import _heading_as_title

    class Titled:
        def __init__(self, title: str) -> None:
            self.title = title

    lexicon = load_lexicon()
    for title in ("培训专员", "电话客服专员", "部门助理", "薪酬绩效主管"):
        assert _heading_as_title(Titled(title), None, lexicon) is None, title
    for title in ("客服专员（双休+社保+薪资4500-6000元）", "薪酬管理", "任职要求"):
        assert _heading_as_title(Titled(title), None, lexicon) == "doubtful_title", title


def test_a_pay_line_with_a_spaced_dot_under_the_title() -> None:
    """board-09: ``运维开发工程师`` / ``18-30K · 14薪`` / ``杭州 余杭区 | 3-5年 | 本科 | 全职``: the pay line is
    the pay, whole (rule pay_line_whole: the spaced dot parted ``14薪`` as an item, and the title was
    lost), so the line above is the title; the place tag may hold a district after a space."""
    role = convert_family("board-09-pay-line-under-title.txt").roles[0]
    assert (role.title, role.compensation) == ("运维开发工程师", "18-30K · 14薪")
    assert (role.salary.min, role.salary.max, role.salary.months) == (18000, 30000, 14)
    assert role.employment_type == "全职" and len(role.location) == 1
    from jdx.pipeline.tag_line import tag_line

    pieces = tag_line("杭州 余杭区 | 3-5年 | 本科 | 全职", Loc(0, None, 0, 24), load_lexicon())
    assert pieces is not None and [(p.key, p.text) for p in pieces][0] == ("location", "杭州 余杭区")


def test_indicator_groups_notes_and_totals_are_no_indicators() -> None:
    """form-15: under ``关键绩效指标（KPI）``, the gloss, the group headings ``定量指标：`` / ``定性指标：``
    (rule not_a_name), the remark ``注：以上指标按季度考核。`` (lexicon procedure_endings 注) and
    ``合计：100%`` (total_row) were KPIs; they stay in unmapped."""
    role = convert_family("form-15-kpi-groups-and-notes.txt").roles[0]
    assert [(k.name, k.weight_pct) for k in role.kpis] == [("招聘到岗率", 40), ("简历筛选及时率", 30), ("用人部门满意度", 30)]
    assert {"定量指标：", "注：以上指标按季度考核。", "合计：100%"} <= {u.text for u in role.unmapped}


def test_indicators_listed_on_the_headings_line() -> None:
    """form-16: ``关键绩效指标：资金收付差错率、日记账登记及时率、银行对账及时率。`` gives three indicators
    (rule inline_indicator_names); the line was unmapped. Work listed after 绩效考核 names no measure."""
    role = convert_family("form-16-kpi-names-inline.txt").roles[0]
    assert [k.name for k in role.kpis] == ["资金收付差错率", "日记账登记及时率", "银行对账及时率"]


def test_an_employer_blurb_between_the_name_and_its_sections() -> None:
    """board-10: ``仓储专员`` / ``青川冷链物流有限公司是一家…。因业务扩展，现诚聘仓储专员一名。`` / ``工作内容：…``:
    the paragraph introducing the employer (rule employer_introduction) neither stops the name from
    heading the posting (it was not_a_job_description, no role) nor stays unmapped: it names the
    organization, and its recruiting clause gives the count."""
    role = convert_family("board-10-employer-blurb-under-title.txt").roles[0]
    assert (role.title, role.organization, role.headcount) == ("仓储专员", "青川冷链物流有限公司", 1)
    assert role.duties[0].text == "负责冷库货物的收发与盘点，维护仓储系统数据"


def test_a_signoff_with_the_office_and_a_month() -> None:
    """leaflet-20: ``苏州恒泰精密机械有限公司人力资源部`` / ``2024年5月``: a sign-off dated by month only
    names the employer (the day was required)."""
    assert convert_family("leaflet-20-office-signoff.txt").roles[0].organization == "苏州恒泰精密机械有限公司"


def test_a_recruiting_word_set_off_before_the_employer() -> None:
    """md-15: ``# 招聘｜江海证券 2024 社会招聘`` (rule leading_recruiting_word): the employer was
    ``招聘｜江海证券``."""
    assert convert_family("md-15-bar-recruiting-heading.md").roles[0].organization == "江海证券"


def test_lettered_sub_items_and_a_number_before_a_figure() -> None:
    """form-17: ``3）协助完成公司年会筹备：`` / ``a. 联系场地与供应商；`` / ``b. …``: letters number items
    (they were unmapped), and ``2）1年以上行政工作经验。`` is item 2 (the bracket before a figure was
    refused, and the experience text kept ``2）``)."""
    role = convert_family("form-17-lettered-sub-items.txt").roles[0]
    assert [d.text for d in role.duties][-2:] == ["联系场地与供应商", "统计参会人员并安排座位"]
    assert role.qualifications.experience.text == "1年以上行政工作经验"
    numbering = load_lexicon().numbering
    assert [m.group() for m in numbering.matches("a. 联系场地").values()] == ["a."]
    assert [m.group() for m in numbering.matches("2)1年以上").values()] == ["2)"]
    assert not numbering.matches("持有C1驾照")  # a letter inside a word numbers nothing


def test_a_name_in_brackets_on_its_own_line() -> None:
    """leaflet-21: ``【美工】`` / ``工作内容`` / ``-…`` (rule name_in_brackets): the bracketed names headed
    no role."""
    assert [r.title for r in convert_family("leaflet-21-bracketed-names.txt").roles] == ["美工", "客服专员"]


def test_the_superior_under_other_phrasings() -> None:
    """cards-05: ``报告上级：财务经理`` (lexicon) went to other_sections; ``工作关系：向品质主管汇报；与生产部、
    仓储部协作。`` (rule superior_in_relations) was unmapped and named no superior. The sentence itself
    stays in unmapped: the cooperation clause names no side."""
    roles = convert_family("cards-05-superior-phrasings.txt").roles
    assert [r.reporting.reports_to for r in roles] == [["财务经理"], ["品质主管"]]
    assert any(u.text.startswith("向品质主管汇报") for u in roles[1].unmapped)


def test_a_department_beside_the_title() -> None:
    """md-16: ``技术部-Java开发工程师``, ``产品中心 | 产品经理`` (产品中心 was taken for an employer),
    ``财务专员（财务部）`` (rule title_with_department): title and department apart. A bracket after a
    title names a branch as often (``（田林中心）``, ``（总部）``): no department from those."""
    roles = convert_family("md-16-department-beside-title.md").roles
    assert [(r.title, r.department) for r in roles] == [("Java开发工程师", "技术部"), ("产品经理", "产品中心"),
                                                      ("财务专员", "财务部")]
    assert {r.organization for r in roles} == {"禾风科技有限公司"}
    lexicon = load_lexicon()
    assert title_with_department("行政客服/前台（田林中心）", lexicon) is None
    assert title_with_department("物流专员（总部）", lexicon) is None


def test_an_indicator_table_with_a_category_column_and_a_total() -> None:
    """form-18: ``考核项目 | 考核内容 | 权重 | 评分标准`` over ``业绩指标 | 销售额完成率 | 40% | …``: the indicators
    are the column whose values differ (rule indicator_column; the category 业绩指标 was each KPI's
    name), and the ``合计 | | 100% |`` row is the table's own (it became a KPI named 1 at 00%)."""
    role = convert_family("form-18-kpi-category-column.docx").roles[0]
    assert [(k.name, k.weight_pct) for k in role.kpis] == [("销售额完成率", 40), ("回款率", 30), ("客户满意度", 20),
                                                          ("出勤率", 10)]
    assert not role.unmapped


def test_the_kind_of_employment_in_brackets_after_a_title() -> None:
    """html-07: ``高中英语老师（兼职）`` → title 高中英语老师, employment_type 兼职 (rule employment_tail);
    a bracket holding anything else stays the title's (``行政客服/前台（田林中心）``)."""
    role = convert_family("html-07-employment-tail.html").roles[0]
    assert (role.title, role.employment_type) == ("高中英语老师", "兼职")
    from jdx.pipeline.titles import split_title

    assert split_title("行政客服/前台（田林中心）", load_lexicon()).employment is None


def test_symbol_font_bullets_read_as_latin_letters() -> None:
    """leaflet-22: ``Ø 负责…`` / ``§ 中专以上学历；``: Word's symbol-font bullets copied as Latin-1 letters
    open items (lexicon spaced_bullets; the items kept ``Ø `` and ``§ ``); ``Ø20`` is a diameter."""
    role = convert_family("leaflet-22-symbol-font-bullets.txt").roles[0]
    assert [d.text for d in role.duties] == ["负责车间设备的日常点检与保养", "更换Ø20以下的轴承与密封件", "填写设备维修记录"]
    assert role.qualifications.education.text == "中专以上学历"


def test_form_five_and_a_compound_skill_word() -> None:
    """trad-05: ``中五程度`` (Hong Kong's Form Five) is 高中 (lexicon; it was unmapped); ``良好中英文書寫能力``
    is a skill though jieba keeps 書寫能力 whole (rule compound_words; unmapped); ``條件要求`` heads
    requirements (lexicon)."""
    roles = convert_family("trad-05-form-five.txt").roles
    assert roles[0].qualifications.education.level == "高中"
    assert roles[0].qualifications.skills == ["良好中英文书写能力"]
    assert roles[1].qualifications.experience.years_min == 1 and not roles[1].unmapped


def test_bare_lines_under_a_bare_duties_word() -> None:
    """board-11: ``跨境电商运营`` / ``职责`` / one duty a line, no bullets, no end marks. ``职责`` alone heads
    the duties, not a group named by the next line (rule work_under_group_label; the work was taken
    for a group's name and the role had no title), and its lines are a list (unpunctuated_lines)."""
    role = convert_family("board-11-bare-lines.txt").roles[0]
    assert role.title == "跨境电商运营"
    assert [d.text for d in role.duties] == ["负责亚马逊店铺日常运营，包括商品上架、listing优化、广告投放",
                                             "分析店铺销售数据，制定促销方案", "跟进库存与物流，保证及时补货"]
    assert all(d.category is None for d in role.duties)


def test_long_unpunctuated_lines_are_a_list() -> None:
    """board-12: four duty lines, noun phrases of up to 18 characters, none ending a sentence: each is a
    duty (rule unpunctuated_lines; the long ones were joined as one wrapped paragraph). A seed's
    flattened form cells ``关键流程:…`` / ``重大结果:…`` stay one duty."""
    role = convert_family("board-12-noun-phrase-lines.txt").roles[0]
    assert [d.text for d in role.duties] == ["公司日常费用报销单据的审核与现金支付", "银行存款日记账与现金日记账的登记核对",
                                             "每月银行对账单的获取与余额调节表编制", "员工社保公积金的缴纳"]


def test_indicators_with_weights_listed_on_the_headings_line() -> None:
    """``KPI：库存准确率（40%）、发货及时率（40%）、安全事故次数（20%）`` (rule inline_indicator_names): each
    name with its bracketed weight; the line was unmapped."""
    role = convert("岗位名称：仓库主管\n岗位职责：\n1、负责仓库管理。\n\n"
                   "KPI：库存准确率（40%）、发货及时率（40%）、安全事故次数（20%）\n").roles[0]
    assert [(k.name, k.weight_pct) for k in role.kpis] == [("库存准确率", 40), ("发货及时率", 40), ("安全事故次数", 20)]


def test_superior_words_label_only_before_a_colon() -> None:
    """``上级领导：销售总监`` names the superior; ``完成上级领导交办的其他工作`` and ``向公司主管领导汇报工作`` are
    duties (lexicon colon_labels: those words label only before a colon, and count toward a flattened
    line only so — a 51job cell's 上级领导安排… made its 工作经验优先 a label)."""
    role = convert("岗位名称：销售主管\n上级领导：销售总监\n岗位职责：\n1、完成上级领导交办的其他工作；\n"
                   "2、向公司主管领导汇报工作。\n").roles[0]
    assert role.reporting.reports_to == ["销售总监"]
    assert [d.text for d in role.duties] == ["完成上级领导交办的其他工作", "向公司主管领导汇报工作"]


def test_a_requirement_under_a_label_the_lexicon_does_not_know() -> None:
    """form-19: ``其他：持物业管理员证`` under 任职要求 (rules names_a_requirement, requirement_sub_label): a
    special requirement; it went to other_sections. ``其他福利：…`` after requirements names perks: no."""
    role = convert_family("form-19-requirement-sub-labels.docx").roles[0]
    assert role.qualifications.special == ["持物业管理员证"]
    assert not role.other_sections
    role = convert("客服专员\n任职要求：\n1、大专以上学历；\n其他福利：周末双休，年度旅游\n").roles[0]
    assert role.qualifications.special == []


def test_a_brand_after_a_barred_recruiting_word() -> None:
    """``# 招聘 | 云帆智能`` over two postings names the employer though its name has no company word
    (the recruiting word set off by a bar says who recruits); ``# 招聘｜门店运营岗位`` names what is
    recruited (lexicon recruited_words, md-04)."""
    text = ("# 招聘 | 云帆智能\n\n## 嵌入式软件工程师\n\n### 岗位职责\n- 负责MCU固件开发\n\n"
            "## 硬件工程师\n\n### 岗位职责\n- 负责电路原理图设计\n")
    assert [r.organization for r in convert(text, name="jobs.md").roles] == ["云帆智能", "云帆智能"]
    assert {r.organization for r in convert_family("md-04-pipe-tables.md").roles} == {"广州青禾生鲜连锁有限公司"}


def test_front_matter_names_the_position_when_the_text_does_not() -> None:
    """md-17: ``title: 数据分析师`` / ``company: 北辰数科`` in the front matter, a body with bare 职责 / 要求
    headings (rules metadata_title, metadata_employer): the role had no title, marked for review. The
    body's own title wins (md-01: front matter 高级 iOS 开发工程师, body heading the same)."""
    role = convert_family("md-17-front-matter-only.md").roles[0]
    assert (role.title, role.organization, role.review.needed) == ("数据分析师", "北辰数科", False)
    assert convert_family("md-01-ios-engineer.md").roles[0].title == "高级 iOS 开发工程师"


def test_shift_words_are_special_requirements() -> None:
    """``能接受轮休`` among plain requirement lines is a special requirement (lexicon requirements.special:
    轮休, 单休, 排班, 值班); it was unmapped. (服从安排 stays a quality.)"""
    role = convert("店长\n\n工作职责\n负责门店日常运营管理\n\n任职资格\n高中及以上学历\n能接受轮休\n").roles[0]
    assert role.qualifications.special == ["能接受轮休"]


def test_a_verb_led_line_is_a_duty_of_its_own() -> None:
    """board-13: plain duty lines whose last ends with 。 (so not all unpunctuated): after the long first
    line, ``跟进仓库出入库数据，…`` opens with a duty verb and is a duty of its own, not the wrapped rest of
    the line before (rule line_opens_duty; the three were one duty). Under a numbered item such a line
    is still the item's wrapped rest (seed 004)."""
    role = convert_family("board-13-verb-led-lines.txt").roles[0]
    assert [d.text for d in role.duties] == ["负责物流订单的跟踪与异常处理，协调承运商按时提货", "跟进仓库出入库数据，核对每日发货单据",
                                             "完成上级交办的其他工作"]


def test_one_line_postings_with_a_bracketed_name_and_its_count() -> None:
    """dump-04: ``【配送司机】招聘3人，月薪6500-8000元。职责：…。要求：…``. The name in brackets and the count
    after the recruiting verb open the line's role (counted_position_line; the document was
    not_a_job_description), the terms end with the first sentence (rule sections_after_terms), and
    the short section words after a sentence's end head their sections (rule
    short_heading_after_sentence; 要求 was read into the duties)."""
    roles = convert_family("dump-04-bracket-count-terms.txt").roles
    assert [(r.title, r.headcount, r.compensation) for r in roles] == [
        ("配送司机", 3, "月薪6500-8000元"), ("收银员", 2, "月薪4000-4800元"), ("面包师", 1, "月薪7000-9000元")]
    assert [d.text for d in roles[0].duties] == ["负责门店货物配送，做好车辆日常保养"]
    assert roles[1].qualifications.age.max == 45


def test_a_csv_export_is_one_table() -> None:
    """roster-02: a ``.csv`` file is read by the standard library's CSV reader as one table (it was
    plain text: not_a_job_description); a quoted cell keeps its comma. A ``.csv`` of one column is
    read as text."""
    roles = convert_family("roster-02-export.csv").roles
    assert [(r.title, r.department, r.headcount) for r in roles] == [("仓库主管", "物流部", 1), ("叉车工", "物流部", 2)]
    assert roles[0].duties[0].text == "负责仓库全面管理,组织月度盘点"
    from jdx.extractors import ReadOptions, read_document
    from jdx.schemas.document import BlockKind

    doc = read_document("岗位名称\n出纳\n".encode(), options=ReadOptions(filename="x.csv"))
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_one_sentence_ads_sort_their_clauses() -> None:
    """leaflet-23: ``招聘司机一名，要求持C1驾照，三年以上驾龄，年龄45岁以下，月薪5000元，有意者请联系…``.
    要求 is the sentence's verb, not part of the licence (rule asking_lead); the 月薪 clause is the pay,
    not an unsorted requirement (rule pay_clause); a gender is a kind of requirement of its own, so
    ``女性，25岁以下，打字快，会Excel`` is parted (packed_requirements; the age took the whole line);
    a paragraph opened by 要求 is requirements though it ends with how to apply
    (prose_paragraph_section: the 文员 ad was an application and the role was lost); 身高 is a
    special requirement (lexicon)."""
    roles = convert_family("leaflet-23-one-sentence-ads.txt").roles
    assert [(r.title, r.headcount, r.compensation) for r in roles] == [
        ("司机", 1, "月薪5000元"), ("文员", 2, "月薪3000-3500元"), ("保安", 3, "月薪4200元")]
    driver, clerk, guard = (r.qualifications for r in roles)
    assert driver.certifications == ["持C1驾照"] and driver.experience.years_min == 3 and driver.age.max == 45
    assert (clerk.gender, clerk.age.text, clerk.skills) == ("女", "25岁以下", ["打字快", "会Excel"])
    assert (guard.gender, guard.age.max, guard.special) == ("男", 50, ["身高170cm以上", "身体健康"])
    assert [u.text for u in roles[1].unmapped] == ["招聘", "有意者请致电0577-12345678"]


def test_a_heading_may_announce_its_list() -> None:
    """form-20: ``一、岗位职责如下：``, ``二、任职要求包括：``, ``三、工作环境为：`` head their sections (rule
    announced_end: ``如下：`` was left unmapped, and ``为``/``是`` after a heading made it prose). Inside a
    paragraph (``…开展工作。其主要职责是：``) only a bare colon makes a heading: a department's duty
    statement in the corpus stayed no role."""
    role = convert_family("form-20-announced-headings.txt").roles[0]
    assert len(role.duties) == 3 and role.qualifications.skills == ["熟练使用Office办公软件"]
    assert role.work_conditions == "办公室，偶尔外出办事" and role.unmapped == []
    text = "教务部工作职责\n教务部是学校的职能部门，在校长的领导下开展工作。其主要职责是：\n1、负责教学计划管理\n2、负责排课\n"
    assert convert_bytes(text.encode(), "部门职责.txt").roles == []


def test_a_department_recruits() -> None:
    """notice-10: ``质检部需招聘质检员2名`` — the department as the recruiting sentence's subject (rule
    department_subject); 视力良好, 无色盲 are special requirements (lexicon: they were unmapped)."""
    role = convert_family("notice-10-department-request.txt").roles[0]
    assert (role.title, role.department, role.headcount) == ("质检员", "质检部", 2)
    assert role.qualifications.special == ["视力良好", "无色盲"]


def test_none_required_and_a_tag_line_opening_with_pay() -> None:
    """board-14: a tag line ``月薪4500-5500元 | 宁波北仑 | 全职`` (pay, place, type: tag_line took only
    lines with years or a degree; the whole line was the pay and the title was lost), and
    ``学历：不限`` is the education, with no level (rule no_degree_required; it went to other_sections)."""
    role = convert_family("board-14-none-required.txt").roles[0]
    assert (role.title, role.compensation, role.location, role.employment_type) == (
        "仓库理货员", "月薪4500-5500元", ["宁波北仑"], "全职")
    q = role.qualifications
    assert (q.education.level, q.education.text, q.experience.text) == (None, "不限", "不限")
    assert role.other_sections == []


def test_a_bilingual_form() -> None:
    """form-21: ``Department 部门: Supply Chain 供应链部`` — the English words before a Chinese label are
    the label's (rule english_twin: they were unmapped), a value that opens with a Latin word holds
    its spaces (rule latin_led_name: the department was ``Supply``), names are not split at a space
    beside a Latin word (split_names: the superior was three names), ``1. Contact the forwarder…`` is
    a duty, not the heading Contact (rule latin_heading: the duties went to how to apply, coverage
    1.0), and the long bilingual title is no doubtful one (rule bilingual_name)."""
    role = convert_family("form-21-bilingual-labels.txt").roles[0]
    assert (role.title, role.department, role.reporting.reports_to) == (
        "Logistics Coordinator 物流协调员", "Supply Chain 供应链部", ["Logistics Manager 物流经理"])
    assert role.duties[0].text.startswith("Contact the forwarder") and len(role.duties) == 3
    assert role.unmapped == [] and not role.review.needed


def test_a_bracketed_recruiting_word_and_a_grade_tail() -> None:
    """board-15: ``【招聘】高级Java开发工程师（P6-P7）`` titles 高级Java开发工程师 (posting_words took 招聘：X only;
    headcount_tail took levels, not grade codes); ``（H5）`` names a technology and stays. 精通… is a skill."""
    role = convert_family("board-15-grade-tail.txt").roles[0]
    assert role.title == "高级Java开发工程师"
    assert role.qualifications.skills == ["精通Spring Cloud微服务架构"]
    lexicon = load_lexicon()
    assert split_title("前端开发工程师（H5）", lexicon).title == "前端开发工程师（H5）"


def test_an_english_word_in_a_flattened_cell() -> None:
    """dump-05: in ``…transportation company for cargo…`` the word company labels no employer (rule
    latin_word_in_prose: ``for`` became the organization and the duty was cut), and ``要求：`` after a
    space heads the requirements (short_heading_after_sentence: it was read into the last duty)."""
    role = convert_family("dump-05-english-duties-one-line.txt").roles[0]
    assert role.organization is None
    assert [d.text for d in role.duties] == ["Contacting the transportation company for cargo receiving and delivering",
                                             "Daily tracking and recording for open orders"]
    assert role.qualifications.education.level == "大专"


def test_numbering_from_the_symbol_menu() -> None:
    """form-22: Roman numerals number a list (``Ⅰ、大专以上学历``: the label stayed in the value), and
    ``１．持有叉车操作证；`` / ``２．３年以上仓储工作经验。`` gives the item 3 years (rule
    next_item_before_a_figure: it was 2.3 years, the number in the text). 上岗条件 heads requirements."""
    role = convert_family("form-22-numbering-variants.txt").roles[0]
    q = role.qualifications
    assert (q.education.text, q.knowledge) == ("大专以上学历", ["熟悉WMS系统"])
    assert (q.experience.years_min, q.experience.text) == (3, "3年以上仓储工作经验")
    assert q.certifications == ["持有叉车操作证"] and role.unmapped == []


def test_reporting_lines_and_labels() -> None:
    """cards-06: the name alone, then ``汇报关系：向人力资源经理汇报``, then the work — the reporting line is
    an attribute under the name (rule reporting_heading: the role had no title). form-23: ``主管：``
    labels the superior before a colon only (lexicon colon_labels: ``仓库主管：负责…`` stays a position),
    ``所辖人员：`` the subordinates, and ``所辖人员：无`` leaves no empty other section."""
    role = convert_family("cards-06-reporting-heading.txt").roles[0]
    assert (role.title, role.reporting.reports_to) == ("人事助理", ["人力资源经理"])
    role = convert_family("form-23-supervisor-labels.txt").roles[0]
    assert (role.reporting.reports_to, role.reporting.direct_reports) == (["客服经理"], ["客服专员"])
    assert role.reporting.supervision.direct_headcount == 8 and role.other_sections == []
    text = "岗位：出纳\n直接领导：财务经理\n所辖人员：无\n工作职责：\n1、办理现金收付业务；\n"
    assert convert_bytes(text.encode(), "出纳.txt").roles[0].other_sections == []
    text = "仓库主管：负责仓库全面管理\n客服主管：负责客服团队\n"
    assert [(r.title, r.reporting.reports_to) for r in convert_bytes(text.encode(), "x.txt").roles] == [
        ("仓库主管", []), ("客服主管", [])]


def test_a_bracketed_brand_and_experience_without_years() -> None:
    """leaflet-24: ``【蓝海教育】诚聘英语教师`` — a recruiter in brackets ends there, the verb glued to the
    position (recruiter_before_title: the whole line was the title); ``有少儿教学经验`` is the experience,
    with no minimum (rule experience_without_years: it was unmapped). notice-11: 分行 ends an
    employer's name (lexicon: the organization was cut to 中国农业银行, or missed)."""
    role = convert_family("leaflet-24-bracketed-brand.txt").roles[0]
    assert (role.title, role.organization) == ("英语教师", "蓝海教育")
    assert (role.qualifications.experience.years_min, role.qualifications.experience.text) == (None, "有少儿教学经验")
    assert convert_family("notice-11-bank-branch.txt").roles[0].organization == "中国农业银行杭州分行"


def test_requirement_sentences_are_requirements_each() -> None:
    """prose-19: ``我们希望你拥有…本科以上学历，两年以上市场推广经验，具备出色的文案能力和沟通能力。有快消品
    行业经验者优先。`` — sentences part requirements as semicolons do (rule clause_list_requirements:
    the degree took the whole paragraph, the wish with it), and a job board's ``4，`` before a
    sentence numbers it, no part of its value."""
    q = convert_family("prose-19-requirement-sentences.txt").roles[0].qualifications
    assert q.education.text == "拥有市场营销或相关专业本科以上学历"
    assert (q.skills, q.preferred) == (["具备出色的文案能力和沟通能力"], ["有快消品行业经验者优先"])
    from jdx.pipeline.fields.qualifications import clause_list_requirements

    assert clause_list_requirements("3,大专及以上学历。4，具有较强的沟通能力") == ["大专及以上学历", "具有较强的沟通能力"]


def test_a_department_heads_its_positions() -> None:
    """lines-02: ``财务部各岗位职责`` over ``一、财务经理`` … heads the department's positions (rule
    department_doc_head: no role had a department; the holdout had a role too many). ``45岁以下，
    身体健康`` parts into an age and a special requirement (packed_requirements: the age took the
    clause whole), and ``…者尤佳`` is a wish (lexicon preferred_markers)."""
    roles = convert_family("lines-02-department-head.txt").roles
    assert [(r.title, r.department) for r in roles] == [("财务经理", "财务部"), ("会计", "财务部"), ("出纳", "财务部")]
    q = roles[2].qualifications
    assert (q.age.text, q.special, q.preferred) == ("45岁以下", ["身体健康"], ["有会计从业经验者尤佳"])


def test_a_short_wrapped_tail_ends_its_duty() -> None:
    """pdftext-02: ``…维护员工档案及人事信息`` / ``系统；`` — a line of a word and its semicolon under an
    unfinished item is the item's wrapped end (rule short_tail: lines of three characters were
    dropped as tick-box options, the word left unmapped and the duty cut)."""
    role = convert_family("pdftext-02-short-wrapped-tail.txt").roles[0]
    assert role.duties[1].text == "负责员工入职、转正、调动及离职手续的办理，维护员工档案及人事信息系统"
    assert role.unmapped == []


def test_a_filled_appraisal_is_no_job_description() -> None:
    """appraisal-filled-form: one employee's quarter, marks in the 得分 column — not a position's
    description (rule appraisal_form: it gave a 销售代表 role marked ok with the person's name in
    other_sections). form-24: the same indicators on a position's card with the 得分 column blank
    are its KPIs; the text reader takes rows one cell short of the header (the header was left
    out of the table and the card was no job description at all)."""
    result = convert_family("appraisal-filled-form.txt")
    assert result.roles == [] and [w.code for w in result.warnings] == ["not_a_job_description"]
    role = convert_family("form-24-kpi-blank-score-column.txt").roles[0]
    assert [(k.name, k.weight_pct) for k in role.kpis] == [("销售额完成率", 40.0), ("回款率", 30.0), ("客户满意度", 30.0)]


def test_superiors_stated_in_sentences() -> None:
    """cards-07: ``本职位的直接上级为财务经理。`` — the position's own field after 本职位的 (rule owner_start: a
    label glued to 的 was prose and the line unmapped; a place, ``本岗位的工作地点为…``, stays prose as
    the seeds' gold has it); ``接受财务经理的监督和指导，负责收银台的日常管理。`` — the superior (lexicon
    superior_closers), then the sum of the job over the 岗位职责 heading is the purpose (rule
    lead_sentence_is_purpose: it was unmapped)."""
    roles = convert_family("cards-07-superior-sentences.txt").roles
    assert [r.reporting.reports_to for r in roles] == [["财务经理"], ["财务经理"]]
    assert roles[1].purpose == "负责收银台的日常管理" and all(r.unmapped == [] for r in roles)


def test_indicators_under_numbered_groups() -> None:
    """form-25: ``（一）定量指标`` / ``1. 办公费用预算控制率 30%`` … — the group's name is no indicator (rule
    group_of_indicators: it was a KPI, so the bare percentages, adding up to 100, stayed targets),
    and ``关键业绩指标（KPI）：`` takes its English gloss (rule gloss_end: ``（KPI）：`` was unmapped)."""
    role = convert_family("form-25-kpi-numbered-groups.txt").roles[0]
    assert [(k.name, k.weight_pct, k.targets) for k in role.kpis] == [
        ("办公费用预算控制率", 30.0, None), ("会议组织满意度", 20.0, None), ("工作态度", 25.0, None), ("团队协作", 25.0, None)]
    assert [u.text for u in role.unmapped] == ["定量指标", "定性指标"]
    text = "岗位名称：销售经理\n关键业绩指标（KPI）：\n回款率：≥95%\n新客户数量：每季度不少于10家\n"
    assert convert_bytes(text.encode(), "x.txt").roles[0].unmapped == []


def test_listed_tasks_and_either_gender() -> None:
    """leaflet-25: ``岗位职责：货物出入库管理、库存盘点、单据整理`` — noun phrases parted by 、 are one duty
    each (rule task_list: one duty); ``负责订单录入、发货跟踪`` stays one duty with its objects. ``男女不限``
    in a packed line is the gender requirement, none (rule either_gender: it was unmapped)."""
    role = convert_family("leaflet-25-listed-tasks.txt").roles[0]
    assert [d.text for d in role.duties] == ["货物出入库管理", "库存盘点", "单据整理"]
    assert role.qualifications.gender is None and role.unmapped == []
    text = "岗位名称：跟单员\n岗位职责：负责订单录入、发货跟踪、客户对账\n"
    assert [d.text for d in convert_bytes(text.encode(), "x.txt").roles[0].duties] == ["负责订单录入、发货跟踪、客户对账"]


def test_a_form_row_with_an_unknown_label() -> None:
    """form-26: ``工作时间 | 周一至周五 9:00-18:00，需轮流值班`` among a two-column form's head rows goes to
    other_sections under its own name (rule unknown_label_cell: both cells were unmapped); ``备注 | 无``
    adds no other section (rule says_nothing: it gave one holding 无)."""
    role = convert_family("form-26-unknown-row-label.docx").roles[0]
    assert [(o.heading, o.text) for o in role.other_sections] == [("工作时间", "周一至周五 9:00-18:00，需轮流值班")]
    assert role.unmapped == []


def test_a_packed_requirement_sentence_in_prose() -> None:
    """prose-20: ``我们希望你有物业管理相关工作经验，持有物业管理员证，熟悉物业管理法规，年龄在30-45岁之间。`` —
    experience without years is a kind of its own, so the line parts (the age took it whole); ``要求具有
    较强的沟通能力`` — 要求 is the second sentence's verb (rule asking_lead, asked of each clause);
    ``工作内容主要是负责…`` — the duty starts at 负责 (rule after_copula)."""
    role = convert_family("prose-20-packed-requirement-sentence.txt").roles[0]
    q = role.qualifications
    assert (q.age.text, q.experience.text, q.certifications, q.skills) == (
        "年龄在30-45岁之间", "有物业管理相关工作经验", ["持有物业管理员证"], ["具有较强的沟通能力"])
    assert role.duties[0].text.startswith("负责小区的日常管理")


def test_a_taiwanese_job_bank_page() -> None:
    """trad-06: a run of fields the lexicon has no label for (出差外派：… / 上班時段：… / 休假制度：…) each goes
    under its own name, the line before as the pass left it (label_line_among_labels asked of the
    original line before: only the first after a known label was taken, the others unmapped); 職務類別
    is the category (lexicon); a wish in a labelled list (其他條件： / 2. 具會計丙級證照尤佳) is a wish
    (QualificationBuilder.add_listed: it was a special requirement)."""
    role = convert_family("trad-06-tw-job-bank.txt").roles[0]
    assert [o.heading for o in role.other_sections] == ["管理责任", "出差外派", "上班时段", "休假制度", "可上班日"]
    assert role.category == "会计助理、财务会计助理" and role.unmapped == []
    assert (role.qualifications.special, role.qualifications.preferred) == (["细心负责"], ["具会计丙级证照尤佳"])


def test_front_matter_place_and_pay() -> None:
    """md-18: ``location: 杭州`` and ``salary: 20k-35k`` in the front matter are the role's place and
    pay when the body states neither (rule metadata_terms: they were lost); the body's own win."""
    role = convert_family("md-18-front-matter-terms.md").roles[0]
    assert (role.location, role.compensation, role.salary.min) == (["杭州"], "20k-35k", 20000)
    text = "---\ntitle: 运营\nlocation: 杭州\n---\n\n## 运营专员\n工作地点：上海\n## 职责\n- 负责活动策划\n"
    assert convert_bytes(text.encode(), "x.md").roles[0].location == ["上海"]


def test_a_named_line_with_one_kind_of_term() -> None:
    """notice-12: ``销售助理：大专以上学历，熟练使用办公软件；`` after the openings list — a position's name,
    a colon and two clauses one of which says by its form what term it is, is that position's line
    (named_terms_line asked two such clauses: the line stayed in 销售经理's text, was cut out there as
    another position's clause, and the 销售助理 role was lost with it)."""
    roles = convert_family("notice-12-openings-then-named-lines.txt").roles
    assert [(r.title, r.headcount) for r in roles] == [("销售经理", 1), ("销售助理", 2), ("仓库管理员", 1)]
    assert roles[1].qualifications.skills == ["熟练使用办公软件"]


def test_numbered_duty_groups_under_a_title() -> None:
    """cards-08: ``前台岗位职责`` / ``一、日常接待`` / ``1. …`` / ``二、行政事务`` / ``1. …`` — the numbered lines
    name groups of 前台's duties (rule group_among_groups: 日常接待 reads like a position and became
    the title; 前台 was lost). One position among the numbered lines (``三、出纳``) keeps them positions."""
    role = convert_family("cards-08-numbered-duty-groups.txt").roles[0]
    assert role.title == "前台"
    assert [d.category for d in role.duties] == ["日常接待", "日常接待", "行政事务", "行政事务"]
    text = "岗位说明书\n一、财务经理\n1. 全面负责财务工作\n二、日常事务\n1. 负责报表汇总\n三、出纳\n1. 负责现金收付\n"
    assert [r.title for r in convert_bytes(text.encode(), "x.txt").roles] == ["财务经理", "出纳"]


def test_a_duty_module_table_with_a_spread_heading() -> None:
    """md-19: ``工作  任务`` — a four-character heading spread into two words is the heading (join_spaced
    joined only single characters: the tasks had no section and the document was no job
    description); ``职责表述：…`` names the module's group of duties (lexicon duties.category)."""
    from jdx.pipeline.lexicon import load_lexicon as _load
    from jdx.pipeline.normalize import display_text

    assert display_text("工作  任务", _load()) == "工作任务"
    assert display_text("上海  北京", _load()) == "上海  北京"
    role = convert_family("md-19-duty-module-table.md").roles[0]
    assert role.title == "店长助理"
    assert [d.category for d in role.duties] == ["负责店铺的日常经营管理"] * 2 + ["负责商品管理"] * 2


def test_the_work_in_the_sentence_after_a_reporting_sentence_is_the_duties() -> None:
    """``本岗位隶属于品质部，直接上级为品质主管。主要负责…``: the superior's value ends with its
    sentence, and the next sentence of the paragraph says for itself what it is (prose-21)."""
    role = convert_family("prose-21-work-after-reporting-sentence.txt").roles[0]
    assert role.department == "品质部" and role.reporting.reports_to == ["品质主管"]
    assert [d.text for d in role.duties] == ["负责来料、制程及成品的检验工作，填写检验记录并对不合格品进行标识和隔离",
                                             "定期校准检验仪器并做好点检记录"]


def test_a_terms_paragraph_gives_the_hours_as_conditions_and_the_rest_as_pay() -> None:
    """``工作时间为做六休一，早九晚六，月薪4000-5500元，包吃住。`` (rule terms_paragraph): the pay
    clause makes it the pay paragraph; the hours before it are the conditions (leaflet-26). A
    paragraph of what the employer gives (``公司为员工缴纳六险二金，…，月薪…``) stays pay whole."""
    role = convert_family("leaflet-26-terms-paragraph.txt").roles[0]
    assert role.work_conditions == "工作时间为做六休一，早九晚六"
    assert role.compensation == "月薪4000-5500元，包吃住"
    assert (role.salary.min, role.salary.max, role.salary.unit) == (4000, 5500, "month")
    perks = convert("出纳\n\n岗位职责：负责现金收付。\n\n公司为员工缴纳五险一金，提供员工宿舍，月薪5000元。\n").roles[0]
    assert perks.work_conditions is None and perks.compensation.startswith("公司为员工缴纳五险一金")


def test_a_form_copied_as_text_pairs_labels_and_values_by_spaces() -> None:
    """``岗位名称 仓库主管    岗位编号 CK-01`` (rule spaced_pairs): one space parts a label from its
    value, wider gaps part the pairs; two pairs on a line make it a form line (form-27)."""
    role = convert_family("form-27-spaced-text-card.txt").roles[0]
    assert (role.title, role.code, role.department, role.headcount) == ("仓库主管", "CK-01", "仓储部", 1)
    assert role.reporting.reports_to == ["仓储经理"] and role.reporting.direct_reports == ["仓管员", "叉车司机"]
    assert role.qualifications.majors == ["物流管理"]


def test_a_label_in_brackets_under_a_heading_still_labels() -> None:
    """``（直接上级：财务经理）`` under a position's heading (rule bracketed_line) (cards-09)."""
    roles = convert_family("cards-09-bracketed-superior-notes.txt").roles
    assert [r.reporting.reports_to for r in roles] == [["财务经理"], ["财务经理"]]
    assert all(not r.unmapped for r in roles)


def test_bracketed_field_lines_keep_their_own_names() -> None:
    """``【工作地点】深圳…`` / ``【实习时间】即日起，…`` (rule label_line_among_labels, bracketed
    names): a bracketed name the lexicon lacks, on the line after a bracketed field, is a field of
    its own, not more of the place above it; ``【实习待遇】`` is the pay (md-20)."""
    role = convert_family("md-20-bracketed-field-lines.md").roles[0]
    assert role.location == ["深圳市南山区科技园"]
    assert [(s.heading, s.text) for s in role.other_sections] == [
        ("实习时间", "即日起，每周至少实习4天，实习期3个月以上"), ("面试形式", "现场面试或视频面试")]
    assert role.compensation == "200元/天，免费午餐" and not role.unmapped


def test_a_hong_kong_ad_gives_its_degree_and_its_dollar_range() -> None:
    """``會計系學位`` is a bachelor's degree (lexicon: 系学位); ``月薪$25,000 - $30,000`` writes the
    currency sign before both figures, one range a month (lexicon: currency_signs) (trad-07)."""
    role = convert_family("trad-07-hk-dollar-ad.txt").roles[0]
    assert role.qualifications.education.level == "本科"
    assert (role.salary.min, role.salary.max, role.salary.unit) == (25000, 30000, "month")


def test_a_summary_line_is_the_work_when_nothing_else_says_it() -> None:
    """``岗位描述：负责…，处理…，维护…。`` in a posting with no duty heading (rule
    summary_is_the_work) is its duties; ``岗位职责及要求：`` heads duties that turn to requirements
    (lexicon); a board's ``职位信息`` block holds the duties and ``职能类别`` is the category
    (notice-13, board-16)."""
    first, second = convert_family("notice-13-summary-and-mixed-lists.txt").roles
    assert [d.text for d in first.duties] == ["负责客户咨询的接待与回复，处理客户投诉，维护客户关系"]
    assert first.purpose is None
    assert [d.text for d in second.duties] == ["负责物料的收发及账务登记", "负责仓库的日常整理"]
    assert second.qualifications.skills == ["熟悉电脑操作"]
    board = convert_family("board-16-job-info-block.txt").roles[0]
    assert board.title == "销售代表" and board.category == "销售代表" and len(board.duties) == 3
    formal = convert("出纳岗位说明书\n\n岗位描述：负责公司现金收付工作，确保资金安全。\n\n岗位职责：\n1. 办理现金收付；\n"
                     "2. 登记现金日记账。\n").roles[0]
    assert formal.purpose == "负责公司现金收付工作，确保资金安全"  # a 说明书 with its own duty heading


def test_a_recruiting_sentence_that_lists_openings_gives_a_role_each() -> None:
    """``现招聘会计1名、出纳2名。`` (rule openings_in_sentence): two roles with their counts; the
    clause opened by a role's own name and a section word (``会计要求：…``, rule own_name_heads) is
    that section of that role (prose-22)."""
    accountant, cashier = convert_family("prose-22-sentence-lists-openings.txt").roles
    assert (accountant.title, accountant.headcount, cashier.title, cashier.headcount) == ("会计", 1, "出纳", 2)
    assert accountant.qualifications.experience.years_min == 3
    assert accountant.qualifications.certifications == ["持初级会计证"]
    assert cashier.qualifications.education.level == "高中" and cashier.qualifications.experience is None


def test_a_form_with_its_head_fields_across_the_page_is_one_role() -> None:
    """Labels in one row, their values in the next (it reads like a roster), then a section row
    across the table: the roster ends there (rule section_row_ends_roster) and the rows below are
    the role's — duty rows numbered in a cell of their own (rule row_number), a requirements
    cell of one requirement a paragraph (rule line_list_requirements) (form-28)."""
    roles = convert_family("form-28-across-head-fields.docx").roles
    assert [r.title for r in roles] == ["会计"]
    role = roles[0]
    assert [d.text for d in role.duties] == ["负责日常账务处理", "编制月度财务报表", "办理纳税申报"]
    assert role.qualifications.education.text == "大专及以上学历"
    assert role.qualifications.experience.text == "3年以上会计工作经验"
    assert not role.unmapped


def test_a_duty_table_without_a_text_column_writes_duties_in_its_name_column() -> None:
    """``职责 | 工作标准 | 考核方式`` (rule duties_in_name_column): the 职责 column holds the duties and
    both measuring columns are their metrics; a row ``任职资格 | 学历 | 本科及以上`` after the table is
    the form going on (rule form_row_after_list) (form-29)."""
    role = convert_family("form-29-duty-name-column.docx").roles[0]
    assert [(d.text, d.metrics) for d in role.duties] == [
        ("负责员工招聘工作", ["按时完成招聘计划", "招聘完成率"]), ("办理员工入离职手续", ["手续完整无差错", "差错次数"])]
    assert role.qualifications.education.level == "本科"


def test_name_lines_over_forms_head_their_roles_under_the_departments_title() -> None:
    """``行政部岗位说明书`` / ``前台`` / ``岗位名称 | 前台``: the name line over a form that names it
    again opens that form's role (rule name_over_form); the document's title names the department
    of the positions under it (form-30). A document title over its own copy heads nothing (seed 001)."""
    roles = convert_family("form-30-names-over-forms.docx").roles
    assert [(r.title, r.department) for r in roles] == [("行政主管", "行政部"), ("前台", "行政部")]
    assert all(not r.unmapped for r in roles)
    cards = convert_family("cards-10-pdf-name-lines.pdf").roles  # the same over a PDF's 岗位名称：… lines
    assert [(r.title, r.department) for r in cards] == [("车间主任", "生产部"), ("班组长", "生产部")]
    assert all(not r.unmapped for r in cards)


def test_a_post_parts_names_from_values_with_bars_and_tags_its_title() -> None:
    """``地点｜北京朝阳`` / ``职责｜`` (rule bar_as_colon): a known name opening a line, then the line's
    only bar, reads as a colon (leaflet-28); ``【急招】`` tags a post's title (lexicon posting_words,
    leaflet-27)."""
    role = convert_family("leaflet-28-bar-fields.txt").roles[0]
    assert role.location == ["北京朝阳"] and role.compensation == "200元/天"
    assert [d.text for d in role.duties] == ["协助产品经理完成需求文档", "跟进产品测试与上线"] and not role.unmapped
    assert convert_family("leaflet-27-emoji-post.txt").roles[0].title == "新媒体运营"


def test_name_values_may_open_with_a_duty_verbs_word() -> None:
    """``部门：管理部``, ``直接主管：执行校长`` (rule label_before_duty): a short value that is a
    department's or a position's name is the label's, though 管理 and 执行 are duty verbs;
    ``直属主管：…`` is a label, not a position heading its duties (rule named_duties_line) (cards-11)."""
    first, second = convert_family("cards-11-names-opening-with-verbs.txt").roles
    assert (first.title, first.department, first.reporting.reports_to) == ("行政专员", "管理部", ["管理部经理"])
    assert (second.department, second.reporting.reports_to) == ("人事行政部", ["执行校长"])
    assert not first.unmapped and not second.unmapped
    empty = convert("会计岗位说明书\n\n汇报对象：负责门店日常运营。\n岗位职责：\n1. 负责账务处理\n2. 编制月度报表\n").roles[0]
    assert empty.reporting.reports_to == []  # a sentence after the label: the label is empty


def test_a_reporting_chain_gives_the_posts_around_the_role() -> None:
    """``汇报关系：财务总监→财务经理→会计→出纳`` (rule reporting_chain): the post before the role's
    name is its superior, the one after it its report (cards-12)."""
    accountant, cashier = convert_family("cards-12-reporting-chains.txt").roles
    assert (accountant.reporting.reports_to, accountant.reporting.direct_reports) == (["财务经理"], ["出纳"])
    assert (cashier.reporting.reports_to, cashier.reporting.direct_reports) == (["会计"], [])


def test_a_marked_group_name_is_the_category_of_the_duties_under_it() -> None:
    """``职责一：行政管理`` / ``（1）制定行政管理制度；`` (rule named_group): the short name after the
    marker names the group; a marker followed by a duty (``职责一：接听客户来电…``) stays a duty (cards-13)."""
    role = convert_family("cards-13-marked-duty-groups.txt").roles[0]
    assert [(d.text, d.category) for d in role.duties] == [
        ("制定行政管理制度", "行政管理"), ("监督制度执行", "行政管理"),
        ("负责办公环境维护", "后勤管理"), ("负责公司车辆管理", "后勤管理")]
    one = convert("客服专员岗位说明书\n岗位职责：\n职责一：接听客户来电，解答产品咨询；\n职责二：记录客户投诉并跟进处理。\n").roles[0]
    assert [d.text for d in one.duties] == ["接听客户来电，解答产品咨询", "记录客户投诉并跟进处理"]


def test_a_rank_label_names_the_job_only_when_nothing_else_does() -> None:
    """``職稱：行政專員`` titles a Taiwanese form that names no position otherwise (rule
    job_named_by_rank_label, trad-08); ``职称：中级`` is a rank and titles nothing."""
    assert convert_family("trad-08-tw-rank-label.txt").roles[0].title == "行政专员"
    rank = convert("岗位职责：\n1. 负责日常账务处理\n2. 编制财务报表\n任职资格：\n学历：本科\n职称：中级\n").roles[0]
    assert not rank.title  # no title (the role is flagged for review)


def test_a_prose_description_says_no_duty_before_the_position_and_asks_after_it() -> None:
    """``我们正在寻找一名Java开发工程师，负责…。你需要熟悉…者优先。`` under 职位描述: the words before the
    position are no duty; a later sentence that opens with the candidate and a verb of knowing asks
    (lexicon knowing_verbs), from its first word (board-17)."""
    role = convert_family("board-17-description-asks.txt").roles[0]
    assert [d.text for d in role.duties] == ["负责公司核心系统的开发"]
    assert role.qualifications.preferred == ["你需要熟悉Spring框架，有分布式系统经验者优先"]


def test_lines_of_perks_under_or_after_the_pay_are_the_benefits() -> None:
    """``## 福利待遇`` over one line of perks parted by 、 (md-21), ``福利待遇`` alone over two such
    lines, and ``薪资待遇`` over its figure then a line of perks (leaflet-29) give the benefits list,
    as the same perks written as items do: the pay text kept them, the figure's line left the perks
    to the section it interrupted (a duty, or no field). A line with a pay figure or word keeps a section the pay text, whole."""
    from jdx.pipeline.rules import disabled

    posting = convert_family("md-21-perk-line-section.md").roles[0]
    assert posting.benefits == ["五险一金", "周末双休", "带薪年假", "节日福利"]
    assert posting.compensation == "6K-9K" and posting.salary is not None and posting.salary.text == "6K-9K"
    shop, store = convert_family("leaflet-29-pay-name-lines.txt").roles
    assert [d.text for d in shop.duties] == ["负责门店商品陈列与顾客接待", "负责收银与日结"]
    assert shop.compensation == "月薪4000-5000元" and shop.benefits == ["包吃包住", "五险一金"]
    assert store.benefits == ["包吃包住", "年终奖", "节日福利", "带薪年假"] and store.compensation is None
    with disabled("lines_list_perks"):
        assert convert_family("md-21-perk-line-section.md").roles[0].benefits == []
    with disabled("perk_line_after_pay_value"):
        assert convert_family("leaflet-29-pay-name-lines.txt").roles[0].benefits == []
    after_duties = convert("会计\n岗位职责\n1. 负责账务处理\n薪资待遇\n月薪8000元\n五险一金、带薪年假\n").roles[0]
    assert [d.text for d in after_duties.duties] == ["负责账务处理"] and after_duties.benefits == ["五险一金", "带薪年假"]
    mixed = convert("会计\n岗位职责\n1. 负责账务处理\n福利待遇\n五险一金、带薪年假\n月薪8000元\n").roles[0]
    assert mixed.benefits == [] and mixed.compensation == "五险一金、带薪年假；月薪8000元"


def test_two_bullet_glyphs_draw_groups_of_duties() -> None:
    """``• 供应商管理`` / ``- 开发新供应商…`` / ``- 定期评估…`` / ``• 采购执行`` / ``- …`` (cards-14): the
    first glyph's items name groups — the duties' category, no duty — when they alternate with runs
    of the second glyph; a flat list of mixed glyphs, or a first item that says a duty, stays one list."""
    from jdx.pipeline.rules import disabled

    role = convert_family("cards-14-bullet-groups.txt").roles[0]
    assert [(d.text, d.category) for d in role.duties] == [
        ("开发新供应商并进行资质审核", "供应商管理"), ("定期评估供应商绩效", "供应商管理"),
        ("根据采购计划下达订单", "采购执行"), ("跟踪交期并处理异常", "采购执行"),
        ("收集市场价格信息，进行比价议价", "成本控制")]
    with disabled("bullet_groups"):
        assert "供应商管理" in [d.text for d in convert_family("cards-14-bullet-groups.txt").roles[0].duties]
    flat = convert("采购专员\n岗位职责：\n· 负责A事务\n• 负责B事务\n· 负责C事务\n").roles[0]
    assert [(d.text, d.category) for d in flat.duties] == [("负责A事务", None), ("负责B事务", None), ("负责C事务", None)]
    led = convert("采购专员\n岗位职责：\n• 负责开发新供应商\n- 负责评估供应商绩效\n- 负责下达采购订单\n").roles[0]
    assert [d.category for d in led.duties] == [None, None, None] and len(led.duties) == 3


def test_an_ascii_asterisk_opening_a_line_is_a_bullet() -> None:
    """``* 编写测试用例…`` in a plain-text file (leaflet-30) is a list item (it was text of no field,
    asterisk and all); inside a line (``12-18k * 13``) an asterisk stays what it is."""
    role = convert_family("leaflet-30-ascii-bullets.txt").roles[0]
    assert [d.text for d in role.duties] == ["编写测试用例并执行功能测试", "跟踪缺陷直至关闭"]
    assert role.qualifications.experience is not None and role.qualifications.experience.years_min == 2
    assert role.unmapped == [] and role.compensation == "12-18k * 13"
    assert role.salary is not None and role.salary.months == 13
