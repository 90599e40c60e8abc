"""``Piece.changed`` is ``dataclasses.replace`` made cheap: same fields, same values."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, asdict, fields, replace

import pytest
from jdx.pipeline.piece import Kind, Loc, Piece


def test_changed_gives_what_replace_gives() -> None:
    piece = Piece(Kind.LABEL, "行政专员", Loc(3, 1, 5, 9), key="title", name="岗位名称", lead=5)
    moved = piece.changed(loc=Loc(7, None, 0, 4), alone=True)
    assert asdict(moved) == asdict(replace(piece, loc=Loc(7, None, 0, 4), alone=True))
    assert moved is not piece and piece.alone is False and piece.loc == Loc(3, 1, 5, 9)


def test_changed_refuses_a_field_a_piece_does_not_have() -> None:
    with pytest.raises(TypeError):
        Piece(Kind.TEXT, "x", Loc(0, None, 0, 1)).changed(colour="red")


def test_moved_gives_what_replace_gives() -> None:
    piece = Piece(Kind.ITEM, "负责仓库管理", Loc(3, 1, 5, 11), name="1、", line_start=False)
    moved = piece.moved(Loc(8, None, 2, 8, 1, 0))
    assert asdict(moved) == asdict(replace(piece, loc=Loc(8, None, 2, 8, 1, 0)))
    assert moved is not piece and piece.loc == Loc(3, 1, 5, 11)


def test_a_piece_is_made_as_the_dataclass_would_make_it() -> None:
    given = {"kind": Kind.LABEL, "text": "行政专员", "loc": Loc(3, 1, 5, 9), "key": "title", "name": "岗位名称", "lead": 5}
    piece = Piece(Kind.LABEL, "行政专员", Loc(3, 1, 5, 9), key="title", name="岗位名称", lead=5)
    assert set(vars(piece)) == {f.name for f in fields(Piece)}
    for f in fields(Piece):
        assert getattr(piece, f.name) == given.get(f.name, f.default), f.name
    with pytest.raises(TypeError):
        Piece(Kind.TEXT, "x", Loc(0, None, 0, 1), colour="red")
    with pytest.raises(FrozenInstanceError):
        piece.text = "出纳"  # type: ignore[misc]


@pytest.mark.parametrize("loc", [Loc(3, 1, 5, 9), Loc(7, None, 0, 4, 2, 0), Loc(0, None, 0, 0)])
def test_a_span_is_the_validated_model(loc: Loc) -> None:
    from jdx.schemas.role import Span

    validated = Span(block=loc.block, page=loc.page, start=loc.start, end=loc.end, row=loc.row, col=loc.col)
    span = loc.span()
    assert span == validated and repr(span) == repr(validated)
    assert span.model_dump_json() == validated.model_dump_json()
    assert span.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
