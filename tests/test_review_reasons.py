"""Each review reason, and a few field rules the ablation run found without a test, on small
documents of our own whose expected values were checked by hand."""

from __future__ import annotations

from jdx.pipeline.convert import convert_bytes
from jdx.schemas.role import ConvertResult


def convert(text: str, name: str = "test.txt") -> ConvertResult:
    return convert_bytes(text.encode("utf-8"), name, raise_errors=True)


def test_a_role_without_a_title_is_flagged() -> None:
    role = convert("岗位职责：\n1、负责现金收付。\n2、负责银行对账。\n任职要求：\n1、大专及以上学历。\n").roles[0]
    assert role.title == "" and role.review.reasons == ["no_title"]


def test_a_role_with_neither_duties_nor_requirements_is_flagged() -> None:
    role = convert("岗位名称：出纳\n所属部门：财务部\n直接上级：财务经理\n").roles[0]
    assert role.title == "出纳" and role.review.reasons == ["no_duties"]


def test_a_role_whose_text_mostly_went_nowhere_is_flagged() -> None:
    text = ("# 数据分析师\n\n## 岗位职责\n- 负责报表\n\n## 团队氛围\n- 我们是一支年轻而充满活力的团队，成员来自国内外知名互联网公司\n"
            "- 每周五下午有技术分享会，大家轮流分享自己的心得与体会\n- 公司提供免费的零食饮料与下午茶，还有定期的团建旅游活动\n")
    role = convert(text, "jd.md").roles[0]
    assert role.review.reasons == ["low_coverage"] and role.coverage < 0.5


def test_more_than_forty_duties_are_flagged_as_pooled() -> None:
    text = "岗位名称：综合专员\n岗位职责：\n" + "".join(f"{i}、负责第{i}项日常事务的办理。\n" for i in range(1, 43))
    role = convert(text).roles[0]
    assert len(role.duties) == 42 and role.review.reasons == ["pooled_duties"]


def test_a_title_that_reads_like_a_heading_is_flagged() -> None:
    role = convert("岗位名称：行政专员岗位的任职要求与主要工作职责说明\n岗位职责：\n1、负责前台接待。\n").roles[0]
    assert role.review.reasons == ["doubtful_title"]


def test_a_clause_that_is_only_a_gender_requires_it() -> None:
    role = convert("岗位名称：前台\n岗位职责：\n1、负责接待。\n任职要求：\n1、女性，年龄20-30岁；\n").roles[0]
    assert role.qualifications.gender == "女"
    assert (role.qualifications.age.min, role.qualifications.age.max) == (20, 30)


def test_a_bracketed_gender_wish_is_a_preference_not_a_requirement() -> None:
    role = convert("岗位名称：前台\n岗位职责：\n1、负责接待。\n性别：不限（女性佳）\n").roles[0]
    assert role.qualifications.gender is None
    assert role.qualifications.preferred == ["女性佳"]


def test_a_place_written_as_a_sentence_is_a_working_condition() -> None:
    role = convert("岗位名称：司机\n岗位职责：\n1、负责车辆驾驶。\n工作地点：本岗位的工作地点为公司总部，需配合领导出差\n").roles[0]
    assert role.location == []
    assert role.work_conditions == "本岗位的工作地点为公司总部，需配合领导出差"


def test_prose_that_opens_with_the_position_names_it() -> None:
    role = convert("仓储主管岗位隶属于供应链管理部，直接上级为供应链总监。\n岗位职责：\n1、负责仓库管理。\n").roles[0]
    assert (role.title, role.department) == ("仓储主管", "供应链管理部")
    assert role.reporting.reports_to == ["供应链总监"]


def test_a_regulation_titled_as_one_is_not_a_job_description() -> None:
    """A 管理制度 assigns duties to people under headings that look like positions; with no
    position declared as one (no 岗位名称, no 岗位说明书 title) it gives no role (rule
    regulation_document)."""
    result = convert("客户服务部管理制度\n一、总则\n为规范客户服务工作，特制定本制度。\n二、客服专员\n1、负责接听客户来电。\n"
                     "2、负责登记客户投诉。\n三、客服主管\n1、负责监督客服专员工作。\n2、负责处理重大投诉。\n")
    assert result.roles == []
    assert [w.code for w in result.warnings] == ["not_a_job_description"]


def test_a_departments_duties_are_no_roles_duties() -> None:
    """``教务部工作职责`` after a role lists what the department does: its items are not the role's
    (rule department_statement)."""
    result = convert("教务专员岗位职责\n1、负责学员档案管理。\n2、负责课表编排。\n\n教务部工作职责\n1、负责制定学期教学计划。\n"
                     "2、负责教师的排课与考核。\n")
    assert [(r.title, [d.text for d in r.duties]) for r in result.roles] == [("教务专员", ["负责学员档案管理", "负责课表编排"])]
    assert "负责制定学期教学计划。" in [u.text for u in result.unassigned]


def _read_as_ocr(text: str, confidence: float) -> ConvertResult:
    """The text as OCR would hand it over: every block with the engine's confidence."""
    import hashlib

    from jdx.extractors import read_document
    from jdx.pipeline.convert import extract
    from jdx.pipeline.lexicon import load_lexicon

    data = text.encode()
    doc = read_document(data)
    doc = doc.model_copy(update={"blocks": [b.model_copy(update={"confidence": confidence}) for b in doc.blocks]})
    return extract(doc, name="scan.png", sha256=hashlib.sha256(data).hexdigest(), lexicon=load_lexicon())


def test_text_read_by_ocr_with_low_confidence_is_flagged() -> None:
    """A scanned page read with low confidence may hold misread characters: the role is flagged;
    the same page read confidently is not."""
    text = "岗位名称：出纳\n岗位职责：\n1、负责现金收付\n2、负责银行结算\n任职要求：\n1、大专以上学历\n"
    doubtful = _read_as_ocr(text, 0.55).roles[0]
    assert "ocr_low_confidence" in doubtful.review.reasons
    assert "ocr_low_confidence" not in _read_as_ocr(text, 0.97).roles[0].review.reasons
