"""``Piece.changed`` is ``dataclasses.replace`` made cheap: same fields, same values."""

from __future__ import annotations

from dataclasses import asdict, replace

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
