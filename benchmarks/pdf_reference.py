"""The pdfplumber-based PDF reader jdx used before PDFium, loaded from git history.

The PDFium reader must give the same blocks on every PDF the old one read; the old reader is
the reference for that comparison (``tests/extractors/test_pdf_equivalence.py``) and the
baseline of ``benchmarks/pdf_bench.py``. It is not kept as a copy in the tree: its source is
taken from the commit it last lived in, so it cannot drift and is not maintained twice.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import types
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The last commit whose extractors/pdf.py read pages with pdfplumber.
REFERENCE_COMMIT = "a0ba3eca3f8cb6b1bb4fba00f73dc3891403d3d5"
MODULE = "jdx.extractors._pdfplumber_reference"


class ReferenceUnavailable(RuntimeError):
    """No git history in this checkout (a tarball, a shallow clone)."""


@cache
def reference_reader():
    """``read_pdf(data, limits, options)`` of the old reader."""
    try:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{REFERENCE_COMMIT}:extractors/pdf.py"],
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise ReferenceUnavailable(f"cannot read extractors/pdf.py at {REFERENCE_COMMIT}: {exc}") from exc
    importlib.import_module("jdx.extractors")  # the old module's relative imports resolve in it

    module = types.ModuleType(MODULE)
    module.__package__ = "jdx.extractors"
    module.__file__ = f"<{REFERENCE_COMMIT}:extractors/pdf.py>"
    sys.modules[MODULE] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)  # noqa: S102 - our own history
    return module.read_pdf
