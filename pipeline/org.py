"""The organisation a batch describes: every role's reporting line matched to the role it names.

A 直接上级 is written as the document's author saw it from inside a department: ``经理`` in the
人力资源部 form means 人力资源部经理, ``装置主任`` in the 丙烯酸装置 form means 丙烯酸装置主任, and
``生产管理部经理`` written in a workshop's form means the 经理 of 生产管理部. :func:`resolve_name`
therefore looks in the writer's own department first, then in the whole organisation, comparing
names with :func:`~jdx.pipeline.keys.normalize_name` (the catalog key's normalisation).

Roles are grouped into organisations by ``organization``; roles whose document names no
organisation form one group per source file (two unrelated files must not lend each other a
总经理). Within a group the graph has one edge per resolved superior. From it come:

* a tree per organisation in which every role appears exactly once (its first resolved
  superior; else a role that lists it as a direct report; else a placeholder node for the
  superior name that matched no role; else a root), with cycles cut at their first role;
* a consistency report: superiors that match no role (``dangling``) or several (``ambiguous``),
  ``cycles``, ``conflicts`` (A lists B as a direct report while B names another superior),
  roles without any superior (``no_superior``), and stated 直接下属岗位数 that differ from the
  roles found (``supervision``).

``org.json`` (:class:`OrgReport`) and ``org.csv`` (one row per role: its key and its superior's
key) carry it to HR systems; the review site draws it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from .batch.journal import read_records
from .keys import normalize_name
from .zh_texts import zh_texts

ORG_JSON = "org.json"
ORG_CSV = "org.csv"

Via = Literal["reports_to", "direct_reports", "unmatched", "none"]
ProblemKind = Literal["dangling", "ambiguous", "cycle", "conflict", "no_superior", "supervision"]


def role_key(organization: str | None, department: str | None, title: str) -> str:
    """A role's stable name key: organisation / department / title, each normalised.

    The catalog defines the authoritative key in :mod:`.keys`; this is the same recipe and
    should be replaced by it once that lands."""
    return "/".join(normalize_name(part) for part in (organization or "", department or "", title))


class OrgRole(BaseModel):
    """One role in the graph, with its place in the tree."""

    id: str
    key: str
    title: str
    organization: str | None = None
    department: str | None = None
    file: str
    reports_to: list[str] = Field(default_factory=list, description="Superior names as written")
    direct_reports: list[str] = Field(default_factory=list, description="Direct-report names as written")
    direct_positions: int | None = None
    superiors: list[str] = Field(default_factory=list, description="Ids of every resolved superior")
    parent: str | None = Field(default=None, description="Id of the tree parent: a role id or a placeholder id")
    via: Via = "none"
    needs_review: bool = False


class Placeholder(BaseModel):
    """A superior named by some role but matching no role of the batch (or several)."""

    id: str
    name: str
    reason: Literal["dangling", "ambiguous"]


class OrgProblem(BaseModel):
    kind: ProblemKind
    role_ids: list[str]
    name: str | None = Field(default=None, description="The name as written, for dangling/ambiguous")
    candidates: list[str] = Field(default_factory=list, description="Role ids an ambiguous name matches")
    other: str | None = Field(default=None, description="conflict: the superior the role itself names")
    detail: str | None = None


class Organisation(BaseModel):
    id: str
    name: str
    file: str | None = Field(default=None, description="Set when the documents name no organisation")
    roles: list[OrgRole]
    placeholders: list[Placeholder]
    roots: list[str]
    children: dict[str, list[str]]
    problems: list[OrgProblem]


class OrgReport(BaseModel):
    organisations: list[Organisation]

    def problems(self, kind: ProblemKind | None = None) -> list[OrgProblem]:
        return [p for o in self.organisations for p in o.problems if kind is None or p.kind == kind]


# ----------------------------------------------------------------------------- name matching


class _Index:
    """The roles of one organisation, findable by normalised name."""

    def __init__(self, roles: list[OrgRole]) -> None:
        self.roles = roles
        self.by_title: dict[str, list[OrgRole]] = defaultdict(list)
        self.by_dept_title: dict[str, list[OrgRole]] = defaultdict(list)
        # Every name a role's reporting line holds is looked up among its department's roles:
        # found by key, not by normalising every role's department again for each name (that
        # was quadratic in the roles of an organisation: 37,000 normalisations for 400 roles).
        self.by_department: dict[str, list[OrgRole]] = defaultdict(list)
        for role in roles:
            for alias in title_aliases(role.title):
                self.by_title[alias].append(role)
            if role.department:
                department = normalize_name(role.department)
                self.by_dept_title[department + normalize_name(role.title)].append(role)
                self.by_department[department].append(role)


def title_aliases(title: str) -> set[str]:
    """Names a title answers to: itself, and a parenthesised post name on its own.

    ``客户服务管理岗（服务站站长）`` is the 服务站站长 to those who report to it; the part
    before the bracket is a job family several roles share, so it is no alias."""
    aliases = {normalize_name(title)}
    for open_, close in (("(", ")"), ("（", "）")):
        if open_ in title and title.endswith(close):
            inner = title[title.index(open_) + 1 : -1]
            if inner and not any(sep in inner for sep in "、,，/"):
                aliases.add(normalize_name(inner))
    return aliases - {""}




def _deputy_marks() -> tuple[str, ...]:
    """``副`` in front of a name makes another post (副经理 is not 经理): lexicon vocabulary."""
    from .lexicon import load_lexicon

    return tuple(load_lexicon().data.titles.deputy_marks)


def _in_department(name: str, department: str, roles: list[OrgRole]) -> list[OrgRole]:
    """Department-relative names, tried from the most to the least literal reading.

    1. the title itself (or a parenthesised post name, :func:`title_aliases`);
    2. the department followed by the name: ``经理`` in 人力资源部 → 人力资源部经理;
    3. the name after a part of the department's name: ``装置主任`` in 丙烯酸装置 → 丙烯酸装置主任;
    4. the name after any qualifier, except one that makes the post a deputy: ``设备技术员`` in
       安全环保部 → 质检中心设备技术员, ``经理`` → 安环部经理, but never 副经理.
    """
    exact = [r for r in roles if name in title_aliases(r.title)]
    if exact:
        return exact
    prefixed = [r for r in roles if normalize_name(r.title) == department + name]
    if prefixed:
        return prefixed
    qualified: list[tuple[str, OrgRole]] = []
    for role in roles:
        title = normalize_name(role.title)
        head = title[: -len(name)]
        if title.endswith(name) and head and not head.endswith(_deputy_marks()):
            qualified.append((head, role))
    by_department = [r for head, r in qualified if department.startswith(head)]
    return by_department or [r for _, r in qualified]


def resolve_name(name: str, writer: OrgRole, index: _Index) -> list[OrgRole]:
    """The roles a name written in ``writer``'s document may mean; one when it is clear."""
    key = normalize_name(name)
    if not key:
        return []
    department = normalize_name(writer.department)
    if department:
        found = _in_department(key, department, index.by_department.get(department, []))
        if found:
            return found
    found = index.by_title.get(key) or index.by_dept_title.get(key) or []
    return list(found)


# ----------------------------------------------------------------------------- building


def _org_role(role: dict) -> OrgRole:
    reporting = role.get("reporting") or {}
    return OrgRole(
        id=role["id"], key=role_key(role.get("organization"), role.get("department"), role["title"]),
        title=role["title"], organization=role.get("organization"), department=role.get("department"),
        file=role["source"]["file"], reports_to=list(reporting.get("reports_to") or []),
        direct_reports=list(reporting.get("direct_reports") or []),
        direct_positions=(reporting.get("supervision") or {}).get("direct_positions"),
        needs_review=bool((role.get("review") or {}).get("needed")),
    )


def group_roles(roles: Iterable[dict]) -> dict[tuple[str, str | None], list[OrgRole]]:
    """Roles by organisation; roles with none, by source file."""
    groups: dict[tuple[str, str | None], list[OrgRole]] = defaultdict(list)
    for role in roles:
        node = _org_role(role)
        org = (node.organization or "").strip()
        groups[(normalize_name(org), None) if org else ("", node.file)].append(node)
    return groups


def build_org(roles: Iterable[dict]) -> OrgReport:
    """The organisation graph of a batch's roles (``roles.jsonl`` objects)."""
    organisations = []
    for n, ((org_key, file), members) in enumerate(group_roles(roles).items()):
        no_org = zh_texts().labels["no_organization"]
        name = members[0].organization if org_key else no_org
        organisations.append(_organisation(f"org{n}", name or no_org, file, members))
    return OrgReport(organisations=organisations)


def _organisation(org_id: str, name: str, file: str | None, roles: list[OrgRole]) -> Organisation:
    index = _Index(roles)
    problems: list[OrgProblem] = []
    unresolved: dict[str, tuple[str, list[str]]] = {}  # role id → (first unresolved name, candidates)
    for role in roles:
        for written in role.reports_to:
            found = resolve_name(written, role, index)
            if [r.id for r in found] == [role.id]:  # the form names its own post as superior
                problems.append(OrgProblem(kind="cycle", role_ids=[role.id], name=written))
                continue
            if len(found) == 1:
                if found[0].id not in role.superiors:
                    role.superiors.append(found[0].id)
                continue
            kind: ProblemKind = "ambiguous" if found else "dangling"
            problems.append(OrgProblem(kind=kind, role_ids=[role.id], name=written,
                                       candidates=[r.id for r in found]))
            unresolved.setdefault(role.id, (written, [r.id for r in found]))
    claims = _claims(roles, index)
    problems += _conflicts(roles, claims)
    placeholders = _assign_parents(org_id, roles, claims, unresolved)
    problems += _cycles(roles)
    problems += _no_superior(roles, claims)
    problems += _supervision(roles)
    children: dict[str, list[str]] = defaultdict(list)
    for role in roles:
        if role.parent:
            children[role.parent].append(role.id)
    roots = [p.id for p in placeholders] + [r.id for r in roles if r.parent is None]
    return Organisation(id=org_id, name=name, file=file, roles=roles, placeholders=placeholders, roots=roots,
                        children=dict(children), problems=problems)


def _claims(roles: list[OrgRole], index: _Index) -> dict[str, list[str]]:
    """Role id → ids of the roles that list it as a direct report (clear matches only)."""
    claims: dict[str, list[str]] = defaultdict(list)
    for role in roles:
        for written in role.direct_reports:
            found = resolve_name(written, role, index)
            if len(found) == 1 and found[0].id != role.id and role.id not in claims[found[0].id]:
                claims[found[0].id].append(role.id)
    return claims


def _conflicts(roles: list[OrgRole], claims: dict[str, list[str]]) -> list[OrgProblem]:
    """A lists B as a direct report, while B names a superior that is not A."""
    out = []
    by_id = {r.id: r for r in roles}
    for role in roles:
        for claimer in claims.get(role.id, []):
            if role.superiors and claimer not in role.superiors:
                out.append(OrgProblem(kind="conflict", role_ids=[claimer, role.id], other=role.superiors[0],
                                      detail=f"{by_id[claimer].title} → {role.title} ← {by_id[role.superiors[0]].title}"))
    return out


def _assign_parents(org_id: str, roles: list[OrgRole], claims: dict[str, list[str]],
                    unresolved: dict[str, tuple[str, list[str]]]) -> list[Placeholder]:
    placeholders: dict[str, Placeholder] = {}
    for role in roles:
        if role.superiors:
            role.parent, role.via = role.superiors[0], "reports_to"
        elif claims.get(role.id):
            role.parent, role.via = claims[role.id][0], "direct_reports"
        elif role.id in unresolved:
            name, candidates = unresolved[role.id]
            key = normalize_name(name)
            if key not in placeholders:
                placeholders[key] = Placeholder(id=f"{org_id}-p{len(placeholders)}", name=name,
                                                reason="ambiguous" if candidates else "dangling")
            role.parent, role.via = placeholders[key].id, "unmatched"
    _cut_cycles(roles)
    return list(placeholders.values())


def _cut_cycles(roles: list[OrgRole]) -> None:
    """Every role once in the tree: a parent chain that comes back to itself is cut at its
    first role (in batch order), which becomes a root."""
    by_id = {r.id: r for r in roles}
    order = {r.id: i for i, r in enumerate(roles)}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in roles:
        path: list[str] = []
        node = start.id
        while node in by_id and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = by_id[node].parent or ""
        if node in by_id and state.get(node) == 1:  # came back onto this path: a cycle
            cycle = path[path.index(node):]
            first = by_id[min(cycle, key=order.__getitem__)]
            first.parent, first.via = None, "none"
        for visited in path:
            state[visited] = 2


def _cycles(roles: list[OrgRole]) -> list[OrgProblem]:
    """Strongly connected groups of the superior graph (Tarjan); a role naming itself is
    reported where its name is resolved."""
    graph = {r.id: list(r.superiors) for r in roles}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = graph.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(group[::-1])
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return [OrgProblem(kind="cycle", role_ids=group) for group in found]


def _no_superior(roles: list[OrgRole], claims: dict[str, list[str]]) -> list[OrgProblem]:
    """Roles whose document names no superior and whom no role lists as a direct report."""
    lone = [r.id for r in roles if not r.reports_to and not claims.get(r.id)]
    return [OrgProblem(kind="no_superior", role_ids=lone)] if lone else []


def _supervision(roles: list[OrgRole]) -> list[OrgProblem]:
    """A stated number of directly supervised positions that differs from the roles found
    naming this role as their superior."""
    counts: dict[str, int] = defaultdict(int)
    for role in roles:
        for superior in role.superiors:
            counts[superior] += 1
    return [
        OrgProblem(kind="supervision", role_ids=[r.id], detail=f"{r.direct_positions} ≠ {counts[r.id]}")
        for r in roles if r.direct_positions is not None and r.direct_positions != counts[r.id]
    ]


# ----------------------------------------------------------------------------- files


CSV_COLUMNS = ("role_id", "role_key", "title", "department", "organization", "superior_id", "superior_key",
               "superior_title", "superior_name", "via", "source_file")


def org_rows(report: OrgReport) -> Iterable[list[str | None]]:
    """``org.csv`` rows: each role with its tree superior (a role, or the unmatched name)."""
    for org in report.organisations:
        by_id = {r.id: r for r in org.roles}
        names = {p.id: p.name for p in org.placeholders}
        for role in org.roles:
            superior = by_id.get(role.parent or "")
            written = role.reports_to[0] if role.reports_to else None
            yield [role.id, role.key, role.title, role.department, role.organization,
                   superior.id if superior else None, superior.key if superior else None,
                   superior.title if superior else None, names.get(role.parent or "", written), role.via, role.file]


def write_org(out_dir: Path, report: OrgReport | None = None) -> list[Path]:
    """Write ``org.json`` and ``org.csv`` into a batch folder (from its roles.jsonl unless given)."""
    out_dir = Path(out_dir)
    if report is None:
        report = build_org(read_records(out_dir / "roles.jsonl"))
    json_path, csv_path = out_dir / ORG_JSON, out_dir / ORG_CSV
    tmp = out_dir / f".{ORG_JSON}.tmp"
    tmp.write_text(report.model_dump_json(indent=1) + "\n", encoding="utf-8")
    tmp.replace(json_path)
    tmp = out_dir / f".{ORG_CSV}.tmp"
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(["" if v is None else v for v in row] for row in org_rows(report))
    tmp.replace(csv_path)
    return [json_path, csv_path]
