"""The batch's records and errors: what a manifest line, a task, a worker's answer and the
summary hold, and the names of the output files. Shared by every module of the package."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from ...extractors.limits import DEFAULT_LIMITS, Limits
from ...extractors.options import DEFAULT_OPTIONS, ReadOptions
from ...schemas.role import ErrorInfo, Warning, new_list

MANIFEST = "manifest.jsonl"
ROLES = "roles.jsonl"
SUMMARY = "summary.json"
LOCK = ".jdx-batch.lock"

# What a role line of roles.jsonl is, as the compaction matches it to its file: source.file,
# source.sha256, id, source.role_index, and review.needed (the export puts those roles first).
RoleKey = tuple[str, str, str, int, bool]

DEFAULT_MEMORY_LIMIT_MB = 2048
DEFAULT_CONVERT = "jdx.pipeline.convert:convert_bytes"
Status = Literal["ok", "partial", "failed", "skipped"]


class BatchUsageError(ValueError):
    """Bad arguments (missing IN_DIR, OUT_DIR is a file or cannot be written …): the CLI exits 2."""


class BatchError(RuntimeError):
    """The batch cannot go on at all (workers cannot start). Results so far stay resumable."""


class BatchOutputError(BatchError):
    """Writing OUT_DIR failed (disk full, permission): the run stopped at once, the files there
    hold the last complete state and a rerun resumes from it. The CLI exits 2."""


class ManifestEntry(BaseModel):
    """One line of ``manifest.jsonl``: what happened to one file."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="Relative to IN_DIR; a non-UTF-8 name is escaped (\\xNN), see path_bytes_hex")
    path_bytes_hex: str | None = Field(default=None, description="The name's raw bytes when it is not UTF-8")
    sha256: str | None = None
    size: int | None = None
    status: Status
    roles: int = 0
    error: ErrorInfo | None = Field(default=None, description="Why the file failed")
    reason: ErrorInfo | None = Field(default=None, description="Why the file was skipped")
    duplicate_of: str | None = None
    warnings: list[Warning] = Field(default_factory=new_list)
    seconds: float = 0.0

    def raw_path(self) -> bytes:
        return bytes.fromhex(self.path_bytes_hex) if self.path_bytes_hex else self.path.encode("utf-8")


class FileTask(BaseModel):
    """A file sent to a worker."""

    abs_path: bytes
    path: str = Field(description="Manifest path; also written to Role.source.file")
    path_bytes_hex: str | None = None
    warnings: list[Warning] = Field(default_factory=new_list, description="About the file name")
    title_name: str = Field(description="Name given to convert for its file-name title fallback")
    sha256: str
    size: int

    def raw_path(self) -> bytes:
        return bytes.fromhex(self.path_bytes_hex) if self.path_bytes_hex else self.path.encode("utf-8")


class FileOutcome(BaseModel):
    """A worker's answer for one file; roles travel as ready-made JSON lines."""

    status: Status
    sha256: str | None = None
    roles: list[str] = Field(default_factory=new_list)
    role_keys: list[RoleKey] = Field(default_factory=new_list, description=(
        "What each role line is, so the parent indexes the lines it writes without parsing them"))
    error: ErrorInfo | None = None
    reason: ErrorInfo | None = None
    warnings: list[Warning] = Field(default_factory=new_list)
    seconds: float = 0.0
    fatal: bool = Field(default=False, description="The worker is unusable afterwards and exits")


class WorkerConfig(BaseModel):
    limits: Limits = DEFAULT_LIMITS
    # Password and converter choice for every file (ReadOptions.filename stays unset: each
    # file's name is filled in per file).
    options: ReadOptions = DEFAULT_OPTIONS
    keep_script: bool = False
    lexicon_path: str | None = None
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB
    convert_fn: str = DEFAULT_CONVERT
    warm: bool = Field(default=True, description="Load jieba before the first file (more files than "
                                                 "workers) rather than when a file needs them")


class BatchSummary(BaseModel):
    in_dir: str
    out_dir: str
    files: int
    by_status: dict[str, int]
    roles: int
    error_codes: dict[str, int] = Field(description="Failed files by error code, most common first")
    skip_reasons: dict[str, int]
    reused: int = Field(description="Files settled by an earlier run and not converted again")
    converted: int = Field(description="Files converted by this run's workers")
    elapsed_seconds: float
    outputs: list[str]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def exit_code(self) -> int:
        return 1 if self.by_status.get("failed") else 0

