"""The catalog store on SQLite and on a real PostgreSQL server: keys, versions, retirements,
collisions, renames, the change log, migrations and the write lock.

Documents here are hand-built role records (catalog_support.document), so each test states the
revision it applies and the exact catalog state it expects.
"""

from __future__ import annotations

import json
import threading

import pytest
from catalog_support import ACCOUNTANT, BACKENDS, CASHIER, CLERK, catalog_url, document
from jdx.pipeline.catalog import queries
from jdx.pipeline.catalog.store import open_catalog
from jdx.pipeline.catalog.tables import changes, imports, metadata, role_versions, roles
from jdx.pipeline.catalog.upsert import apply_documents
from sqlalchemy import func, select

ORG = "华邦集团.财务部."


@pytest.fixture(params=BACKENDS)
def catalog(request, tmp_path):
    cat = open_catalog(catalog_url(request.param, tmp_path))
    yield cat
    cat.close()


def apply(catalog, *docs, prune=False):
    return apply_documents(catalog, docs, origin="cli", source="test", prune=prune)


def state(catalog) -> dict[str, tuple[int, str, str]]:
    """key -> (version, status, document)"""
    with catalog.reading() as conn:
        return {r.key: (r.version, r.status, r.document)
                for r in conn.execute(select(roles.c.key, roles.c.version, roles.c.status, roles.c.document))}


def feed(catalog, since: int = 0) -> list[tuple[str, str, int]]:
    with catalog.reading() as conn:
        page = json.loads(queries.change_page(conn, since, 500))
    return [(c["kind"], c["key"], c["version"]) for c in page["changes"]]


def counts(catalog) -> tuple[int, int, int]:
    with catalog.reading() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (role_versions, changes, imports))


def versions(catalog, key: str) -> list[dict]:
    with catalog.reading() as conn:
        return json.loads(queries.versions_of(conn, key))["versions"]


def test_first_import_gives_base_keys_and_version_1(catalog) -> None:
    report = apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER), dict(title="会计", duties=ACCOUNTANT)]))
    assert report.keys == {"财务.txt": [ORG + "出纳", ORG + "会计"]}
    assert state(catalog) == {ORG + "出纳": (1, "active", "财务.txt"), ORG + "会计": (1, "active", "财务.txt")}
    assert feed(catalog) == [("added", ORG + "出纳", 1), ("added", ORG + "会计", 1)]


def test_same_bytes_again_change_nothing(catalog) -> None:
    doc = document("财务.txt", [dict(title="出纳", duties=CASHIER)])
    apply(catalog, doc)
    before = counts(catalog), state(catalog)
    report = apply(catalog, doc)
    assert (report.unchanged, report.documents, report.changes) == (1, 0, [])
    assert (counts(catalog), state(catalog)) == before


def test_changed_document_versions_each_role_with_a_field_diff(catalog) -> None:
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER), dict(title="会计", duties=ACCOUNTANT)]),
          document("行政.txt", [dict(title="文员", duties=CLERK, department="行政部")]))
    cursor = len(feed(catalog))
    edited = [CASHIER[0], CASHIER[1] + "，做到日清月结", CASHIER[2]]
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=edited), dict(title="会计", duties=ACCOUNTANT)],
                            revision="2"))
    assert state(catalog) == {ORG + "出纳": (2, "active", "财务.txt"), ORG + "会计": (2, "active", "财务.txt"),
                              "华邦集团.行政部.文员": (1, "active", "行政.txt")}
    assert feed(catalog, since=cursor) == [("changed", ORG + "出纳", 2), ("changed", ORG + "会计", 2)]
    cashier = versions(catalog, ORG + "出纳")
    assert [v["version"] for v in cashier] == [1, 2]
    assert [d["text"] for d in cashier[0]["role"]["duties"]] == CASHIER  # the old version is kept as it was
    assert cashier[0]["diff"] is None
    assert [d["field"] for d in cashier[1]["diff"]] == ["duties"]
    assert [d["text"] for d in cashier[1]["diff"][0]["after"]] == edited
    assert versions(catalog, ORG + "会计")[1]["diff"] == []  # same role text, new bytes of its document


def test_a_role_gone_from_its_document_is_retired_and_its_key_never_reused(catalog) -> None:
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER), dict(title="会计", duties=ACCOUNTANT)]))
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER)], revision="2"))
    assert state(catalog)[ORG + "会计"] == (1, "retired", "财务.txt")
    assert feed(catalog, since=2) == [("changed", ORG + "出纳", 2), ("retired", ORG + "会计", 1)]
    assert [v["version"] for v in versions(catalog, ORG + "会计")] == [1]
    # another document's 会计 of the same department does not inherit the retired key
    report = apply(catalog, document("新.txt", [dict(title="会计", duties=ACCOUNTANT)]))
    assert report.keys["新.txt"] == [ORG + "会计~2"]


def test_a_retired_role_that_comes_back_keeps_its_key(catalog) -> None:
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER), dict(title="会计", duties=ACCOUNTANT)]))
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER)], revision="2"))
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER), dict(title="会计", duties=ACCOUNTANT)],
                            revision="3"))
    assert state(catalog)[ORG + "会计"] == (2, "active", "财务.txt")
    assert feed(catalog, since=4) == [("changed", ORG + "出纳", 3), ("added", ORG + "会计", 2)]


def test_collisions_are_numbered_in_document_order_and_stay_put(catalog) -> None:
    two = [dict(title="出纳", duties=CASHIER), dict(title="出 纳", duties=CASHIER[:1])]
    report = apply(catalog, document("财务.txt", two))
    assert report.keys["财务.txt"] == [ORG + "出纳", ORG + "出纳~2"]
    report = apply(catalog, document("另一份.txt", [dict(title="出纳", duties=CASHIER)]))
    assert report.keys["另一份.txt"] == [ORG + "出纳~3"]
    # a revision of the first document keeps both keys, in order
    two[1]["duties"] = CASHIER[:2]
    report = apply(catalog, document("财务.txt", two, revision="2"))
    assert report.keys["财务.txt"] == [ORG + "出纳", ORG + "出纳~2"]


def test_a_renamed_role_keeps_its_key_when_its_duties_match(catalog) -> None:
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER), dict(title="会计", duties=ACCOUNTANT)]))
    report = apply(catalog, document("财务.txt", [dict(title="现金出纳", duties=CASHIER),
                                                  dict(title="税务专员", duties=CLERK)], revision="2"))
    # 现金出纳 does the cashier's work: same key, new title; 税务专员 does nothing 会计 did: a new role
    assert report.keys["财务.txt"] == [ORG + "出纳", ORG + "税务专员"]
    assert state(catalog)[ORG + "会计"][1] == "retired"
    assert {d["field"] for d in versions(catalog, ORG + "出纳")[1]["diff"]} == {"title"}
    with catalog.reading() as conn:
        page = json.loads(queries.role_page(conn, queries.RoleFilter(title="现金"), None, 10))
    assert [(r["key"], r["role"]["title"]) for r in page["items"]] == [(ORG + "出纳", "现金出纳")]


def test_a_failed_conversion_keeps_the_roles(catalog) -> None:
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER)]))
    report = apply(catalog, document("财务.txt", [], revision="2", status="failed"))
    assert report.failed == 1 and report.changes == []
    assert state(catalog) == {ORG + "出纳": (1, "active", "财务.txt")}


def test_prune_retires_vanished_documents_and_a_moved_file_keeps_its_keys(catalog) -> None:
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER)]),
          document("行政.txt", [dict(title="文员", duties=CLERK, department="行政部")]))
    report = apply(catalog, document("2024/财务.txt", [dict(title="出纳", duties=CASHIER)]), prune=True)
    assert report.keys["2024/财务.txt"] == [ORG + "出纳"]
    assert state(catalog) == {ORG + "出纳": (2, "active", "2024/财务.txt"),
                              "华邦集团.行政部.文员": (1, "retired", "行政.txt")}
    assert report.removed == 2


def test_without_prune_other_documents_are_left_alone(catalog) -> None:
    apply(catalog, document("财务.txt", [dict(title="出纳", duties=CASHIER)]))
    apply(catalog, document("行政.txt", [dict(title="文员", duties=CLERK, department="行政部")]))
    assert {k: v[1] for k, v in state(catalog).items()} == {ORG + "出纳": "active", "华邦集团.行政部.文员": "active"}


def test_role_filters_and_cursor_pages(catalog) -> None:
    apply(catalog, document("财务.txt", [dict(title=f"出纳{n}", duties=CASHIER) for n in range(5)]
                            + [dict(title="文员", duties=CLERK, department="行 政 部")]))
    with catalog.reading() as conn:
        seen, cursor = [], None
        while True:
            page = json.loads(queries.role_page(conn, queries.RoleFilter(department="财务部"), cursor, 2))
            seen += [r["key"] for r in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        by_department = json.loads(queries.role_page(conn, queries.RoleFilter(department="行政部"), None, 10))
    assert seen == sorted(seen) == [f"{ORG}出纳{n}" for n in range(5)]
    assert [r["role"]["title"] for r in by_department["items"]] == ["文员"]


def test_writers_queue_so_each_import_gets_consecutive_cursors(catalog) -> None:
    def run(name: str) -> None:
        for n in range(5):
            apply(catalog, document(f"{name}{n}.txt", [dict(title=f"{name}{n}-{i}", duties=CASHIER) for i in range(4)]))

    threads = [threading.Thread(target=run, args=(name,)) for name in ("甲", "乙")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with catalog.reading() as conn:
        rows = list(conn.execute(select(changes.c.seq, changes.c.import_id).order_by(changes.c.seq)))
    assert [r.seq for r in rows] == list(range(1, 41))
    by_import: dict[int, list[int]] = {}
    for r in rows:
        by_import.setdefault(r.import_id, []).append(r.seq)
    assert all(seqs == list(range(seqs[0], seqs[0] + 4)) for seqs in by_import.values())


def test_the_migrations_build_exactly_the_declared_schema(catalog) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with catalog.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []


def test_opening_twice_migrates_once(catalog, tmp_path) -> None:
    again = open_catalog(str(catalog.engine.url.render_as_string(hide_password=False)))
    try:
        with again.reading() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar_one() == 1
    finally:
        again.close()
