"""List labels of every style, requirement classification with jieba, warnings and the
evaluation command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SHARED
from jdx.pipeline.convert import convert_bytes
from jdx.pipeline.lexicon import load_lexicon
from jdx.pipeline.nlp import classify_requirement, first_position_name

STYLES = """\
仓库管理员岗位职责
一、收货管理
①核对送货单与实物;
②登记入库台账。
二、发货管理
(1)按单拣货;
(2)复核装车。
三、盘点
1)每月盘点一次;
2)编制盘点报告。
四、其他
· 保持库区整洁
– 完成上级交办的其他工作
"""


def roles(text: str):
    result = convert_bytes(text.encode("utf-8"), "t.txt", raise_errors=True)
    return result.roles


def test_every_label_style_nests_under_its_group() -> None:
    role = roles(STYLES)[0]
    assert role.title == "仓库管理员"
    assert [(d.category, d.text) for d in role.duties] == [
        ("收货管理", "核对送货单与实物"), ("收货管理", "登记入库台账"),
        ("发货管理", "按单拣货"), ("发货管理", "复核装车"),
        ("盘点", "每月盘点一次"), ("盘点", "编制盘点报告"),
        ("其他", "保持库区整洁"), ("其他", "完成上级交办的其他工作"),
    ]


def test_items_run_together_on_one_line() -> None:
    role = roles("出纳岗位职责\n1、负责现金收付;2、负责银行结算;3、编制资金日报。\n")[0]
    assert [d.text for d in role.duties] == ["负责现金收付", "负责银行结算", "编制资金日报"]


def test_trailing_frequency_in_brackets() -> None:
    role = roles("质检员岗位职责\n1、检验来料(每日)\n2、编制质量月报(每月)\n")[0]
    assert [(d.text, d.frequency) for d in role.duties] == [("检验来料", "每日"), ("编制质量月报", "每月")]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("熟悉劳动法及相关法律法规", "knowledge"),
        ("具备良好的沟通协调能力", "skills"),
        ("责任心强,吃苦耐劳", "qualities"),
        ("持有会计从业资格证书", "certifications"),
        ("能适应经常出差", "special"),
        # a leaflet's terms: shifts, a licence named by its trade, a dialect, a knack
        ("能适应两班倒", "special"),
        ("持高压电工证", "certifications"),
        ("普通话标准", "skills"),
        ("擅长粤菜", "skills"),
    ],
)
def test_unlabelled_requirements_are_sorted_by_their_words(line: str, field: str) -> None:
    assert classify_requirement(line, load_lexicon()) == field


def test_unlabelled_requirement_list_lands_in_qualifications() -> None:
    text = ("招聘专员岗位职责\n岗位职责:\n1、负责招聘渠道维护。\n任职要求:\n1、本科及以上学历;\n"
            "2、3年以上招聘工作经验;\n3、熟悉劳动法及相关法律法规;\n4、具备良好的沟通协调能力;\n5、责任心强。\n")
    q = roles(text)[0].qualifications
    assert q.education.level == "本科" and q.experience.years_min == 3
    assert q.knowledge == ["熟悉劳动法及相关法律法规"]
    assert q.skills == ["具备良好的沟通协调能力"] and q.qualities == ["责任心强"]


def test_a_department_titled_document_takes_the_position_its_text_names() -> None:
    lexicon = load_lexicon()
    assert first_position_name(["客服人员作为客户与企业之间的重要纽带。"], lexicon, "客服") == "客服人员"
    assert first_position_name(["本部门负责全公司的行政工作。"], lexicon, "行政") is None


def test_warnings_say_what_is_missing() -> None:
    role = roles("岗位名称:司机\n岗位编号:\n任职要求:\n1、持C1驾照。\n")[0]
    codes = {w.code for w in role.warnings}
    assert {"no_duties", "empty_label"} <= codes
    assert 0 < role.coverage <= 1


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="../shared/tools/score.py not available")
def test_eval_command_scores_a_gold_folder(tmp_path: Path, capfd) -> None:
    from jdx.pipeline.evaluate import run_eval

    (tmp_path / "docs").mkdir()
    source = tmp_path / "docs" / "cashier.txt"
    source.write_text("出纳岗位说明书\n岗位职责\n1、负责现金收付。\n2、负责银行结算。\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "cashier.gold.json").write_text(json.dumps({
        "file": "docs/cashier.txt",
        "roles": [{"title": "出纳", "duties": [{"text": "负责现金收付"}, {"text": "负责银行结算"}]}],
    }, ensure_ascii=False), encoding="utf-8")
    code = run_eval(gold, tmp_path / "pred", SHARED / "tools" / "score.py", verbose=False)
    out = capfd.readouterr().out
    assert code == 0 and "fields P=1.000 R=1.000 F1=1.000" in out
