"""Geometry of a page image before OCR: flatten a photographed page, straighten a skewed scan,
and find the ruled lines a table is drawn with.

Scans come out of feeders a degree or two askew, and a phone photo of a form sees the sheet
in perspective under uneven light. Text lines and table rules must be level for the layout
(lines are grouped by their vertical band, rules must be horizontal or vertical), so the page
is first mapped onto a rectangle (photo), then rotated by the skew that makes its ink rows
sharpest (scan). Rules are the long thin runs of ink left after a morphological opening with
a long horizontal or vertical kernel; they come back as :class:`~.pdf_rules.Segment` for the
same lattice search a text PDF's drawn rules go through.

Needs NumPy and OpenCV (the ``ocr`` extra); imported only when OCR runs.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from .pdf_rules import Segment

# Skew search: scanners and phone shots stay within a few degrees of level.
MAX_SKEW_DEGREES = 5.0
# Below this the image is left as it is (rotating costs time and softens the glyphs).
MIN_SKEW_DEGREES = 0.1
# The skew is estimated on a copy this wide.
SKEW_PROBE_WIDTH = 1000
# A photographed sheet must cover this share of the picture for its outline to be trusted.
MIN_PAGE_AREA = 0.3
# A rule is at least this share of the page's width (horizontal) or height (vertical):
# longer than any stroke of a glyph, shorter than a table's narrowest cell.
RULE_SHARE_H = 1 / 15
RULE_SHARE_V = 1 / 60


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_RGBA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Dark marks as 255 on 0, by a threshold that follows the local light (a photo is
    brighter on one side than the other; one global threshold would lose one side)."""
    block = max(15, (min(gray.shape[:2]) // 40) | 1)
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15)


# --- perspective ----------------------------------------------------------------------------


def flatten_photo(gray: np.ndarray) -> np.ndarray:
    """The sheet of paper in a photo, mapped onto an upright rectangle; the image itself when
    no four-cornered sheet covering most of the picture stands out from its background."""
    corners = _sheet_corners(gray)
    if corners is None:
        return gray
    top_left, top_right, bottom_right, bottom_left = corners
    width = int(max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left)))
    height = int(max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right)))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    transform = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(gray, transform, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)


def _sheet_corners(gray: np.ndarray) -> np.ndarray | None:
    scale = 800 / max(gray.shape[:2])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    scale = min(scale, 1.0)
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    _, bright = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    sheet = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(sheet)
    frame = small.shape[0] * small.shape[1]
    if area < MIN_PAGE_AREA * frame or area > 0.98 * frame:
        return None  # no sheet, or the sheet fills the frame: a scan, nothing to flatten
    outline = cv2.approxPolyDP(sheet, 0.02 * cv2.arcLength(sheet, True), True)
    if len(outline) != 4 or not cv2.isContourConvex(outline):
        return None
    return _order_corners(outline.reshape(4, 2).astype(np.float64) / scale)


def _order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    sums, diffs = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.array(
        [points[np.argmin(sums)], points[np.argmin(diffs)], points[np.argmax(sums)], points[np.argmax(diffs)]]
    )


# --- skew -----------------------------------------------------------------------------------


def skew_degrees(gray: np.ndarray) -> float:
    """The rotation (degrees, counter-clockwise positive) that makes the ink's rows sharpest.

    Text lines and rules are rows of ink: projected onto the vertical axis at the right angle
    they give tall narrow peaks, at a wrong angle smeared ones. The score is the sum of squared
    row counts, searched coarse then fine.
    """
    scale = min(1.0, SKEW_PROBE_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    ys, xs = np.nonzero(ink_mask(small))
    if len(xs) < 200:
        return 0.0
    if len(xs) > 200_000:
        pick = np.random.default_rng(0).choice(len(xs), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs = xs.astype(np.float64) - small.shape[1] / 2
    ys = ys.astype(np.float64)

    def sharpness(degrees: float) -> float:
        t = math.tan(math.radians(degrees))
        rows = np.round(ys + xs * t).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    best = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, 0.5), key=sharpness)
    best = max(np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05), key=sharpness)
    return float(best)


def deskew(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """The image rotated level, and the angle it was rotated by."""
    angle = skew_degrees(gray)
    if abs(angle) < MIN_SKEW_DEGREES:
        return gray, 0.0
    height, width = gray.shape[:2]
    # Rows at x sit at y + x·tan(angle) when level; rotating by -angle about the centre
    # (OpenCV's angle is counter-clockwise in image coordinates) undoes it.
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    rotated = cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)
    return rotated, angle


# --- rules ----------------------------------------------------------------------------------


def rule_segments(gray: np.ndarray, points_per_pixel: float) -> list[Segment]:
    """Horizontal and vertical rules of a level page image, in points."""
    ink = ink_mask(gray)
    height, width = ink.shape
    segments: list[Segment] = []
    for horizontal in (True, False):
        length = max(15, int(width * RULE_SHARE_H) if horizontal else int(height * RULE_SHARE_V))
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        # Close small breaks (noise, a faint copy) along the rule before keeping long runs.
        bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1) if horizontal else (1, 5))
        runs = cv2.morphologyEx(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, bridge), cv2.MORPH_OPEN, kernel)
        count, _, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
        for x, y, w, h, _area in stats[1:count]:
            if horizontal and h <= max(12, w // 20):
                mid = (y + h / 2) * points_per_pixel
                segments.append(Segment(x * points_per_pixel, mid, (x + w) * points_per_pixel, mid))
            elif not horizontal and w <= max(12, h // 20):
                mid = (x + w / 2) * points_per_pixel
                segments.append(Segment(mid, y * points_per_pixel, mid, (y + h) * points_per_pixel))
    return segments
