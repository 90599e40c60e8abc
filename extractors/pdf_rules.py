"""Ruled tables from a page's straight path segments.

A table in a PDF printed from Word, WPS or Excel is text inside a grid of drawn rules: stroked
lines, or thin filled rectangles, or the outlines of cell rectangles. Every straight,
axis-parallel piece of a painted path is a candidate rule; pdfplumber's lattice algorithm
(snap nearby rules together, join collinear pieces, find their crossings, take the smallest
rectangles whose corners are crossings joined by rules, group touching rectangles into
tables) turns them into cell boxes. The algorithm's functions take plain edge records, so
they run on segments read by PDFium, or found in a page image, without pdfminer parsing the
page again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# pdfplumber's defaults for its "lines" strategy, which the reader has always used: rules
# within 3 pt are one rule, collinear pieces 3 pt apart are joined, crossings are looked for
# within 3 pt, and a rule shorter than 3 pt (a dot, a serif of a drawn glyph) is none.
SNAP_TOLERANCE = 3.0
JOIN_TOLERANCE = 3.0
INTERSECTION_TOLERANCE = 3.0
MIN_RULE_LENGTH = 3.0
# Pieces shorter than this are dropped before snapping (pdfplumber's pre-filter).
MIN_PIECE_LENGTH = 1.0
# A page with more rule pieces than this is a drawing (a map, a chart, CAD), not a form; the
# lattice search is quadratic in the crossings, so it is not run there.
MAX_RULES = 5_000


@dataclass(frozen=True, slots=True)
class Segment:
    """A straight piece of a painted path, in top-down page coordinates (points)."""

    x0: float
    top: float
    x1: float
    bottom: float


def rule_edges(segments: Iterable[Segment]) -> list[dict]:
    """Axis-parallel segments as pdfplumber edge records; slanted ones are no rules."""
    edges: list[dict] = []
    for seg in segments:
        x0, x1 = sorted((seg.x0, seg.x1))
        top, bottom = sorted((seg.top, seg.bottom))
        if x0 == x1 and bottom - top >= MIN_PIECE_LENGTH:
            orientation = "v"
        elif top == bottom and x1 - x0 >= MIN_PIECE_LENGTH:
            orientation = "h"
        else:
            continue
        edges.append(
            {
                "object_type": "line",
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "width": x1 - x0,
                "height": bottom - top,
                "orientation": orientation,
            }
        )
    return edges


def table_cells(segments: Iterable[Segment]) -> list[list[tuple[float, float, float, float]]]:
    """Cell boxes ``(x0, top, x1, bottom)`` of each ruled table the segments draw."""
    edges = rule_edges(segments)
    if len(edges) < 4 or len(edges) > MAX_RULES:
        return []
    # Imported here: only pages with rules need it, and `jdx --help` must not load pdfplumber.
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    merged = merge_edges(edges, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
    rules = [e for e in merged if (e["height"] if e["orientation"] == "v" else e["width"]) >= MIN_RULE_LENGTH]
    intersections = edges_to_intersections(rules, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    cells = intersections_to_cells(intersections)
    return [
        [(float(x0), float(top), float(x1), float(bottom)) for x0, top, x1, bottom in group]
        for group in cells_to_tables(cells)
        if len(group) >= 2
    ]
