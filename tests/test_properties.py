"""Property tests: no input makes conversion raise, and ids are stable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jdx.pipeline.convert import convert_bytes

CJK_TEXT = st.text(alphabet=st.sampled_from(list("岗位名称职责任资格一二三四五、，。：:1234567890 \n\t（）()-·①部门经理主管负责协助")),
                   max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_any_bytes_convert_to_a_result(data: bytes) -> None:
    result = convert_bytes(data, "fuzz.bin")
    assert result.status in ("ok", "partial", "failed")
    assert (result.error is None) == (result.status != "failed")
    assert result.error is None or result.error.code != "internal_error", result.error


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CJK_TEXT)
def test_any_jd_like_text_converts(text: str) -> None:
    result = convert_bytes(text.encode("utf-8"), "fuzz.txt")
    assert result.error is None or result.error.code in ("empty_file", "binary_content")


@settings(max_examples=30, deadline=None)
@given(CJK_TEXT)
def test_role_ids_are_stable_for_the_same_bytes(text: str) -> None:
    data = ("岗位名称：出纳\n岗位职责\n1、" + text).encode("utf-8")
    first = [r.id for r in convert_bytes(data, "a.txt").roles]
    second = [r.id for r in convert_bytes(data, "b.txt").roles]
    assert first == second
