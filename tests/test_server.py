"""The HTTP API in-process (FastAPI's TestClient): the auth matrix, reads, filters, pagination,
uploads with their limits, and response bodies that validate against the declared models."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from catalog_support import ACCOUNTANT, CASHIER, CLERK, document
from fastapi.testclient import TestClient
from jdx.pipeline.catalog.apikeys import create_key, revoke_key
from jdx.pipeline.catalog.store import open_catalog
from jdx.pipeline.catalog.upsert import apply_documents
from jdx.pipeline.server.app import Settings, create_app
from jdx.pipeline.server.uploads import upload_name
from jdx.schemas.catalog import CatalogRole, ChangePage, RolePage, RoleVersions, UploadResult
from jdx.schemas.role import json_schema

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "documents"
CASHIER_KEY = "华邦集团.财务部.出纳"


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    catalog = open_catalog(f"sqlite:///{tmp_path_factory.mktemp('api') / 'catalog.db'}")
    apply_documents(catalog, [
        document("财务.txt", [dict(title="出纳", duties=CASHIER), dict(title="会计", duties=ACCOUNTANT,
                                                                       review={"needed": True, "reasons": ["x"]})]),
        document("行政.txt", [dict(title="文员", duties=CLERK, department="行政部", organization="华拓公司")]),
    ], origin="cli", source="test")
    apply_documents(catalog, [document("财务.txt", [dict(title="出纳", duties=CASHIER[:2])], revision="2")],
                    origin="cli", source="test")
    keys = {scope: create_key(catalog, scope)[1] for scope in ("read", "import")}
    revoked_id, keys["revoked"] = create_key(catalog, "import")
    revoke_key(catalog, revoked_id.id)
    keys["garbage"] = "jdx_not-a-key"
    settings = Settings(workers=1, timeout=30, max_upload_bytes=200_000)
    with TestClient(create_app(catalog, settings)) as client:
        yield client, keys
    catalog.close()


def auth(keys: dict, who: str) -> dict:
    return {"Authorization": f"Bearer {keys[who]}"} if who != "none" else {}


def upload(client, keys, who: str, data: bytes, name: str, **form):
    return client.post("/v1/documents", files={"file": (name, data)}, data=form, headers=auth(keys, who))


READS = ["/v1/roles", f"/v1/roles/{quote(CASHIER_KEY)}", f"/v1/roles/{quote(CASHIER_KEY)}/versions", "/v1/changes"]


@pytest.mark.parametrize("who", ["none", "garbage", "revoked"])
def test_no_valid_key_is_401_everywhere(api, who) -> None:
    client, keys = api
    for path in READS:
        response = client.get(path, headers=auth(keys, who))
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
    response = upload(client, keys, who, (SAMPLES / "行政助理岗位说明书.txt").read_bytes(), "a.txt")
    assert response.status_code == 401


def test_a_read_key_reads_and_may_not_upload(api) -> None:
    client, keys = api
    for path in READS:
        assert client.get(path, headers=auth(keys, "read")).status_code == 200, path
    response = upload(client, keys, "read", (SAMPLES / "行政助理岗位说明书.txt").read_bytes(), "a.txt")
    assert response.status_code == 403
    assert client.get("/v1/roles", headers={"Authorization": f"Basic {keys['read']}"}).status_code == 401


def test_public_endpoints_need_no_key(api) -> None:
    client, _ = api
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/v1/schema").json() == json_schema()
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert {"/v1/roles", "/v1/roles/{key}", "/v1/roles/{key}/versions", "/v1/changes", "/v1/documents"} <= set(spec["paths"])


def test_roles_and_filters(api) -> None:
    client, keys = api
    h = auth(keys, "read")
    page = RolePage.model_validate_json(client.get("/v1/roles", headers=h).content)
    assert [r.key for r in page.items] == ["华拓公司.行政部.文员", CASHIER_KEY]  # 会计 was retired by revision 2
    assert page.next_cursor is None
    retired = client.get("/v1/roles", params={"status": "retired"}, headers=h).json()["items"]
    assert [(r["key"], r["status"]) for r in retired] == [("华邦集团.财务部.会计", "retired")]
    by_org = client.get("/v1/roles", params={"organization": "华 拓 公 司"}, headers=h).json()["items"]
    assert [r["role"]["title"] for r in by_org] == ["文员"]
    review = client.get("/v1/roles", params={"review_needed": True, "status": "all"}, headers=h).json()["items"]
    assert [r["key"] for r in review] == ["华邦集团.财务部.会计"]
    first = client.get("/v1/roles", params={"limit": 1}, headers=h).json()
    second = client.get("/v1/roles", params={"limit": 1, "cursor": first["next_cursor"]}, headers=h).json()
    assert [r["key"] for r in first["items"] + second["items"]] == [r.key for r in page.items]
    assert client.get("/v1/roles", params={"cursor": "%%%"}, headers=h).status_code == 422


def test_one_role_its_versions_and_the_feed(api) -> None:
    client, keys = api
    h = auth(keys, "read")
    one = CatalogRole.model_validate_json(client.get(f"/v1/roles/{quote(CASHIER_KEY)}", headers=h).content)
    assert (one.version, one.role.title, len(one.role.duties)) == (2, "出纳", 2)
    history = RoleVersions.model_validate_json(client.get(f"/v1/roles/{quote(CASHIER_KEY)}/versions", headers=h).content)
    assert [v.version for v in history.versions] == [1, 2]
    assert [d.field for d in history.versions[1].diff] == ["duties", "source.role_count"]
    missing = client.get("/v1/roles/nobody", headers=h)
    assert missing.status_code == 404 and missing.json()["detail"]
    feed = ChangePage.model_validate_json(client.get("/v1/changes", params={"since": 3}, headers=h).content)
    assert [(c.kind, c.key, c.version) for c in feed.changes] == [
        ("changed", CASHIER_KEY, 2), ("retired", "华邦集团.财务部.会计", 1)]
    assert feed.next_since == 5 and not feed.has_more
    assert client.get("/v1/changes", params={"since": 5}, headers=h).json() == {
        "changes": [], "next_since": 5, "has_more": False}


def test_upload_converts_and_upserts(api) -> None:
    client, keys = api
    data = (SAMPLES / "质量检验员岗位说明书.docx").read_bytes()
    response = upload(client, keys, "import", data, "C:\\Users\\hr\\..\\质量检验员岗位说明书.docx")
    assert response.status_code == 200, response.text
    result = UploadResult.model_validate_json(response.content)
    assert result.document == "质量检验员岗位说明书.docx"
    assert [r.key for r in result.roles] == ["浙江华拓汽车零部件有限公司.质量部.质量检验员"]
    assert [(c.kind, c.version) for c in result.changes] == [("added", 1)]
    assert result.roles[0].role.source.file == "质量检验员岗位说明书.docx"
    again = upload(client, keys, "import", data, "质量检验员岗位说明书.docx").json()
    assert again["changes"] == [] and [r["version"] for r in again["roles"]] == [1]
    named = upload(client, keys, "import", data, "x.docx", document="质检/2024版.docx").json()
    assert named["document"] == "质检/2024版.docx" and named["roles"][0]["key"].endswith("质量检验员~2")


def test_upload_refusals(api) -> None:
    client, keys = api
    rar = upload(client, keys, "import", b"Rar!\x1a\x07\x00" + b"\0" * 100, "岗位.docx")
    assert (rar.status_code, rar.json()["code"]) == (415, "unsupported_format")
    empty = upload(client, keys, "import", b"", "a.txt")
    assert (empty.status_code, empty.json()["code"]) == (422, "empty_file")
    big = upload(client, keys, "import", b"a" * 300_000, "big.txt")
    assert (big.status_code, big.json()["code"]) == (413, "too_large")
    head = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
    chunked = client.post("/v1/documents", content=iter([head] + [b"x" * 100_000] * 4), headers={
        **auth(keys, "import"), "Content-Type": "multipart/form-data; boundary=b"})
    assert chunked.status_code == 413
    missing = client.post("/v1/documents", headers=auth(keys, "import"))
    assert missing.status_code == 422 and missing.json()["code"] == "invalid_request"


def test_a_conversion_past_its_deadline_fails_and_the_next_one_works(api) -> None:
    client, keys = api
    pool = client.app.state.pool
    data = (SAMPLES / "岗位说明书汇编.txt").read_bytes()
    # 34 copies of the compilation, each line marked with its copy's number (a document scans a
    # text it saw before only once), take about 0.9 s to convert (102 roles), under the 200 kB
    # upload limit: well past a 0.3 s deadline, which the pool checks every 0.1 s
    lines = data.decode("utf-8").splitlines()
    slow = "".join(f"{line}（{i}）\n" if line.strip() else "\n" for i in range(34) for line in lines)
    pool.timeout = 0.3
    try:
        late = upload(client, keys, "import", slow.encode("utf-8"), "汇编.txt")
    finally:
        pool.timeout = 30
    assert (late.status_code, late.json()["code"]) == (422, "timeout")
    ok = upload(client, keys, "import", data, "汇编.txt")  # the killed worker was replaced
    assert ok.status_code == 200 and len(ok.json()["roles"]) == 3


@pytest.mark.parametrize(("given", "expected"), [
    ("岗位说明书.docx", "岗位说明书.docx"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\hr\\出纳.txt", "出纳.txt"),
    ("a\x00b\nc.txt", "abc.txt"),
    ("..", "upload"),
    ("", "upload"),
    (None, "upload"),
    (".bashrc", "bashrc"),
])
def test_upload_names_are_bare_names(given, expected) -> None:
    assert upload_name(given) == expected


def test_openapi_declares_every_error_body(api) -> None:
    client, _ = api
    spec = client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if path.startswith("/v1/") and path != "/v1/schema":
                assert {"401", "403"} <= set(op["responses"]), (method, path)
    assert json.dumps(spec, ensure_ascii=False).count("HTTPValidationError") == 0
