"""The review site of a batch folder: pages written to ``OUT_DIR/review/`` or rendered one by one.

Layout (every link relative, every asset shipped in the package, so the site opens from disk
with no network and can equally be served over HTTP):

* ``index.html``         the batch page: counts, files by status and format, every role with
                         filters and search (data inline; the table renders one page at a time);
* ``roles/<id>.html``    one page per role: the source document beside the role's values;
* ``docs/<sha16>.js``    the normalised document of one source file, shared by its roles' pages;
* ``org.html``           the organisation chart and its consistency report;
* ``assets/``            CSS and scripts.

:class:`ReviewSite` does both jobs: :meth:`ReviewSite.write` writes every file (streaming the
roles file by file, so memory holds one document at a time), and :meth:`ReviewSite.render`
returns the bytes of one site path on demand, for an HTTP server.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from ..zh_texts import zh_texts
from .batch_data import BatchData, RoleEntry, batch_page_data, load_batch
from .source import SourceProblem, document_json, load_source, span_text
from .values import review_values, with_status

log = logging.getLogger(__name__)

SITE_DIR = "review"
ASSETS = ("review.css", "common.js", "batch.js", "role.js", "org.js")
ROLE_PATH = re.compile(r"^roles/([0-9A-Za-z_-]+)\.html$")
DOC_PATH = re.compile(r"^docs/([0-9a-f]{16})\.js$")
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8"}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _json_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</script>`` or ``<!--``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _page(template: str, **fields: str) -> str:
    return Template(_asset(template)).substitute(**fields)


def doc_key(sha256: str) -> str:
    return sha256[:16]


class ReviewSite:
    """The review pages of one batch folder.

    ``in_dir`` overrides where the source files are (default: summary.json's ``in_dir``);
    ``lexicon`` must be the one the batch used (default: the built-in lexicon plus
    ``JDX_LEXICON``), since normalisation depends on it and spans point into its output.
    """

    def __init__(self, out_dir: str | Path, *, in_dir: str | Path | None = None, lexicon: Any = None) -> None:
        self.out_dir = Path(out_dir)
        self.batch: BatchData = load_batch(self.out_dir, Path(in_dir) if in_dir else None)
        self._lexicon = lexicon
        self._org: Any = None

    # ------------------------------------------------------------------ shared data

    @property
    def lexicon(self) -> Any:
        if self._lexicon is None:
            from ..lexicon import load_lexicon

            self._lexicon = load_lexicon()
        return self._lexicon

    @property
    def org(self) -> Any:
        if self._org is None:
            from ..org import build_org

            self._org = build_org(self.batch.role(e) for e in self._file_order())
        return self._org

    def _file_order(self) -> list[RoleEntry]:
        return sorted(self.batch.roles, key=lambda e: e.offset)

    def _navigation(self) -> dict[str, dict[str, Any]]:
        """Previous/next role in page order, and previous/next role needing review (from a role
        that needs none: the nearest ones around it)."""
        order = [e.id for e in self.batch.roles]
        needs = [e.needs_review for e in self.batch.roles]
        total_review = sum(needs)
        prev_review: list[str | None] = []
        last = None
        for rid, needed in zip(order, needs, strict=True):
            prev_review.append(last)
            last = rid if needed else last
        next_review: list[str | None] = [None] * len(order)
        last = None
        for i in range(len(order) - 1, -1, -1):
            next_review[i] = last
            last = order[i] if needs[i] else last
        nav: dict[str, dict[str, Any]] = {}
        seen_review = 0
        for i, rid in enumerate(order):
            seen_review += needs[i]
            nav[rid] = {"pos": i + 1, "total": len(order), "prev": order[i - 1] if i else None,
                        "next": order[i + 1] if i + 1 < len(order) else None,
                        "prev_review": prev_review[i], "next_review": next_review[i],
                        "review_pos": seen_review if needs[i] else None, "review_total": total_review}
        return nav

    # ------------------------------------------------------------------ pages

    def batch_page(self) -> str:
        data = batch_page_data(self.batch)
        return _page("batch.html", data=_json_script(data))

    def org_page(self) -> str:
        texts = zh_texts()
        data = self.org.model_dump(mode="json")
        data["kinds"] = {k: texts.code(f"org_{k}") for k in
                         ("dangling", "ambiguous", "cycle", "conflict", "no_superior", "supervision")}
        return _page("org.html", data=_json_script(data))

    def role_page(self, entry: RoleEntry, role: dict, doc: Any, nav: dict[str, Any]) -> str:
        texts = zh_texts()
        values = review_values(role)
        if isinstance(doc, SourceProblem) or doc is None:
            problem = doc.model_dump() if isinstance(doc, SourceProblem) else {"code": "missing", "message": ""}
            values = [v.model_copy(update={"status": "none"}) for v in values]
            doc_src = None
        else:
            problem = None
            values = with_status(values, lambda span: span_text(doc, span))
            doc_src = f"../docs/{doc_key(entry.sha256)}.js"
        manifest = self.batch.manifest_entry(entry.file)
        data = {
            "role": role, "values": [v.model_dump() for v in values], "doc": doc_src, "source_problem": problem,
            "file": {"path": entry.file, "status": manifest.get("status"),
                     "status_text": texts.status(manifest.get("status", "")),
                     "warnings": [texts.code(w["code"]) for w in manifest.get("warnings", [])]},
            "reasons": [texts.code(r) for r in (role.get("review") or {}).get("reasons", [])],
            "warnings": [{"code": w["code"], "text": texts.code(w["code"]), "message": w["message"],
                          "field": texts.column(w["field"]) if w.get("field") else None}
                         for w in role.get("warnings", [])],
            "nav": nav,
        }
        doc_tag = f'<script src="{doc_src}"></script>' if doc_src else ""
        return _page("role.html", title=html.escape(role["title"] or "（无岗位名称）"), data=_json_script(data),
                     doc_script=doc_tag)

    @staticmethod
    def document_script(doc: Any) -> str:
        return "window.JDX_DOC=" + _json_script(document_json(doc)) + ";\n"

    def _load(self, entry: RoleEntry) -> Any:
        path = self.batch.source_path(entry.file)
        if path is None:
            return SourceProblem(code="missing", message="summary.json names no in_dir; pass --in-dir")
        return load_source(path, entry.sha256, self.lexicon)

    # ------------------------------------------------------------------ output

    def files(self) -> Iterator[tuple[str, str]]:
        """Every site file as (relative path, text), role pages grouped by source file."""
        for name in ASSETS:
            yield f"assets/{name}", _asset(name)
        yield "index.html", self.batch_page()
        yield "org.html", self.org_page()
        nav = self._navigation()
        current_file, doc = None, None
        for entry in self._file_order():
            if entry.file != current_file:
                current_file, doc = entry.file, self._load(entry)
                if not isinstance(doc, SourceProblem):
                    yield f"docs/{doc_key(entry.sha256)}.js", self.document_script(doc)
                else:
                    log.warning("no document for %s: %s", entry.file, doc.message)
            yield f"roles/{entry.id}.html", self.role_page(entry, self.batch.role(entry), doc, nav[entry.id])

    def write(self, dest: str | Path | None = None,
              progress: Callable[[int, int], None] | None = None) -> list[Path]:
        """Write the site (default ``OUT_DIR/review/``); return the files written."""
        dest = Path(dest) if dest is not None else self.out_dir / SITE_DIR
        for sub in ("assets", "roles", "docs"):
            (dest / sub).mkdir(parents=True, exist_ok=True)
        written = []
        total = len(self.batch.roles)
        done = 0
        for rel, text in self.files():
            path = dest / rel
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
            written.append(path)
            if rel.startswith("roles/"):
                done += 1
                if progress:
                    progress(done, total)
        return written

    def render(self, rel_path: str) -> tuple[bytes, str] | None:
        """One site path's bytes and content type, or None: for serving the site over HTTP."""
        rel_path = rel_path.lstrip("/") or "index.html"
        if rel_path.startswith("assets/") and rel_path[7:] in ASSETS:
            text = _asset(rel_path[7:])
        elif rel_path == "index.html":
            text = self.batch_page()
        elif rel_path == "org.html":
            text = self.org_page()
        elif m := ROLE_PATH.match(rel_path):
            entry = next((e for e in self.batch.roles if e.id == m.group(1)), None)
            if entry is None:
                return None
            text = self.role_page(entry, self.batch.role(entry), self._load(entry), self._navigation()[entry.id])
        elif m := DOC_PATH.match(rel_path):
            entry = next((e for e in self.batch.roles if doc_key(e.sha256) == m.group(1)), None)
            doc = self._load(entry) if entry else None
            if doc is None or isinstance(doc, SourceProblem):
                return None
            text = self.document_script(doc)
        else:
            return None
        return text.encode("utf-8"), CONTENT_TYPES[Path(rel_path).suffix]


def build_review_site(out_dir: str | Path, dest: str | Path | None = None, *, in_dir: str | Path | None = None,
                      lexicon: Any = None, progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write the review site of a batch folder (default into ``OUT_DIR/review/``)."""
    return ReviewSite(out_dir, in_dir=in_dir, lexicon=lexicon).write(dest, progress)
