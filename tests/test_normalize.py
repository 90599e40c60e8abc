"""Normalisation: NFKC without losing list labels, Traditional → Simplified only for
Traditional documents, document-site artefacts (pinyin glosses, spaced words, page-chunk
markers, boilerplate) repaired or moved out of the body."""

from __future__ import annotations

from jdx.pipeline.boilerplate import classify_boilerplate, is_boilerplate_line
from jdx.pipeline.normalize import (
    display_text,
    fold,
    is_traditional,
    matching_document,
    nfkc,
    normalize_document,
)
from jdx.schemas.document import Block, BlockKind, Document


def para(i: int, text: str) -> Block:
    return Block(index=i, kind=BlockKind.PARAGRAPH, text=text)


def test_display_form_keeps_chinese_punctuation_and_enclosed_labels() -> None:
    assert nfkc("岗位名称：出纳（兼）①熟悉⑵了解ＡＢ１２") == "岗位名称：出纳（兼）①熟悉⑵了解AB12"
    assert nfkc("⼯作职责") == "工作职责"  # Kangxi radicals from PDFs
    assert nfkc("、。《》【】“”") == "、。《》【】“”"


def test_matching_form_folds_punctuation_one_character_for_one() -> None:
    text = "岗位名称：出纳（兼）；薪资：4000－6000元"
    folded = fold(text)
    assert folded == "岗位名称:出纳(兼);薪资:4000-6000元"
    assert len(folded) == len(text)


def test_matching_document_has_the_same_offsets_as_the_display_document(lexicon) -> None:
    doc = Document(format="txt", blocks=[para(0, "岗位名称：客户服务经理"), para(1, "负责（日常）投诉处理；")])
    display = normalize_document(doc, lexicon)
    matching = matching_document(display)
    assert [b.text for b in display.blocks] == ["岗位名称：客户服务经理", "负责（日常）投诉处理；"]
    assert [b.text for b in matching.blocks] == ["岗位名称:客户服务经理", "负责(日常)投诉处理;"]
    assert [len(b.text) for b in display.blocks] == [len(b.text) for b in matching.blocks]


def test_pinyin_glosses_and_spaced_titles(lexicon) -> None:
    assert display_text("崗(gǎng)位職責(zé)", lexicon) == "崗位職責"
    assert display_text("营 销 总 部 经 理", lexicon) == "营销总部经理"
    assert display_text("性 别:男女不限", lexicon) == "性别:男女不限"
    assert display_text("学    历:大专", lexicon) == "学历:大专"
    # two unrelated single characters are left alone
    assert display_text("直接督导 个岗位,共 人", lexicon) == "直接督导 个岗位,共 人"


def test_traditional_is_converted_with_t2s_not_phrase_rewriting(lexicon) -> None:
    doc = Document(format="txt", blocks=[para(0, "一、崗位資料 崗位名稱：客戶服務經理"), para(1, "負責資料歸檔")])
    out = normalize_document(doc, lexicon)
    assert out.blocks[0].text == "一、岗位资料 岗位名称：客户服务经理"
    assert out.blocks[1].text == "负责资料归档"  # tw2sp would write 数据
    assert out.script == "traditional"
    assert any(w.code == "traditional_chinese" for w in out.warnings)


def test_kept_script_is_written_as_is_and_matched_as_simplified(lexicon) -> None:
    doc = Document(format="txt", blocks=[para(0, "崗位名稱：客戶服務經理")])
    display = normalize_document(doc, lexicon, keep_script=True)
    matching = matching_document(display, keep_script=True)
    assert display.blocks[0].text == "崗位名稱：客戶服務經理"
    assert matching.blocks[0].text == "岗位名称:客户服务经理"
    assert not any(w.code == "traditional_chinese" for w in display.warnings)


def test_simplified_text_is_left_alone() -> None:
    assert not is_traditional("负责撰写著作权相关文件,乾燥设备的维护。")
    assert is_traditional("負責門市日常營運管理,督導店員執行銷售計畫。")


def test_site_boilerplate_moves_to_furniture(lexicon) -> None:
    blocks = [
        para(0, "下载本文档"),
        para(1, "客服经理岗位说明书"),
        para(2, "岗位职责:负责客户投诉处理"),
        para(3, "- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。"),
        para(4, "任职资格:大专以上"),
        para(5, "以上岗位说明仅供参考,具体要求可根据公司实际情况进行调整。"),
        para(6, "相关文档"),
        para(7, "- 客服主管岗位职责"),
        para(8, "- 售后经理工作说明书"),
    ]
    kept, removed = classify_boilerplate([Block(**{**b.model_dump(), "text": nfkc(b.text)}) for b in blocks], lexicon)
    assert [b.text for b in kept] == ["客服经理岗位说明书", "岗位职责:负责客户投诉处理", "任职资格:大专以上"]
    assert kept[2].follows_furniture  # a site notice cut the page before it
    assert len(removed) == 6


def test_a_long_content_line_mentioning_a_site_word_is_kept(lexicon) -> None:
    line = "岗位职责:" + "负责客户服务体系建设," * 30 + "如有侵权请联系"
    assert not is_boilerplate_line(line, lexicon)
