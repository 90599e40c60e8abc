"""The review site: a batch's roles beside their source text, its files, its organisation chart.

``jdx review OUT_DIR`` (after ``jdx batch``) writes a static site into ``OUT_DIR/review/`` that
opens from disk with no network: every script and stylesheet ships in this package
(``assets/``). The same pages can be served over HTTP:

    from jdx.pipeline.review_site import ReviewSite
    site = ReviewSite("out")             # reads summary.json, manifest.jsonl, roles.jsonl
    body, content_type = site.render("roles/83773b0f25d731cb-000.html")

or written once with :func:`build_review_site`. See :mod:`.site` for the layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .site import ReviewSite, build_review_site

__all__ = ["ReviewSite", "build_review_site"]


def __getattr__(name: str) -> Any:  # lazy: importing the package loads nothing heavy
    if name in __all__:
        from . import site

        return getattr(site, name)
    raise AttributeError(name)
