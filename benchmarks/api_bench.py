"""Load test of ``jdx serve`` on loopback: a catalog of 10,000 roles, reads and uploads.

Not a test. Builds a SQLite catalog (``--pg``: also a PostgreSQL one, on pgserver) of ``--roles``
synthetic roles — copies of the roles converted from samples/documents, each with its own title,
10 per document — starts ``jdx serve`` in a subprocess, and drives it from this process with
``--connections`` keep-alive HTTP/1.1 connections (a small asyncio client; both share the
machine's cores, so the figures are a floor). For each request kind it prints requests/s, p50 and
p99 latency and the mean response size:

* ``roles p1``      ``GET /v1/roles?limit=50`` — the first page, 50 full records
* ``roles pages``   ``GET /v1/roles?limit=50&cursor=…`` — pages at random positions
* ``roles title``   ``GET /v1/roles?title=…`` — a title search (a scan of the normalised titles)
* ``role``          ``GET /v1/roles/{key}`` — one role by key
* ``changes``       ``GET /v1/changes?since=…&limit=100`` — the feed at random positions

Then uploads: ``--upload-clients`` clients post the sample documents (``POST /v1/documents``,
each under a new document name, so each upload converts and adds roles) for ``--seconds``;
conversions/s with the server's 2 conversion workers, against ``jdx batch --workers 2`` over
distinct copies of the same documents in the same run. Example::

    .venv/bin/python benchmarks/api_bench.py
    .venv/bin/python benchmarks/api_bench.py --roles 10000 --seconds 10 --connections 8 --pg
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

from catalog_support import SAMPLES, postgres_url, real_roles, synthetic_documents

LENGTH = re.compile(rb"(?i)\r\ncontent-length: *(\d+)")


def build_catalog(url: str, roles: int) -> tuple[str, str, list[str]]:
    """(read key, import key, every role key) of a catalog holding ``roles`` synthetic roles."""
    from jdx.pipeline.catalog.apikeys import create_key
    from jdx.pipeline.catalog.store import open_catalog
    from jdx.pipeline.catalog.upsert import apply_documents

    catalog = open_catalog(url)
    docs = list(synthetic_documents(real_roles(), roles))
    t = time.perf_counter()
    keys: list[str] = []
    for i in range(0, len(docs), 100):
        report = apply_documents(catalog, docs[i:i + 100], origin="cli", source="bench")
        keys += [k for ks in report.keys.values() for k in ks]
    print(f"  built {len(keys):,} roles in {time.perf_counter() - t:.1f} s")
    read, imp = create_key(catalog, "read")[1], create_key(catalog, "import")[1]
    catalog.close()
    return read, imp, keys


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(url: str, port: int, log: Path) -> subprocess.Popen:
    with open(log, "wb") as fh:
        server = subprocess.Popen([sys.executable, "-m", "jdx.pipeline.cli", "serve", "--db", url, "--port", str(port),
                                   "--workers", "2", "--no-access-log"], stdout=subprocess.DEVNULL, stderr=fh)
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(log.read_text()) from None
            time.sleep(0.1)
    raise SystemExit("server did not start")


async def _connection(port: int, make, stop_at: float, lat: list[float], sizes: list[int], bad: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < stop_at:
            request = make()
            t = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            body = await reader.readexactly(int(LENGTH.search(head).group(1)))
            lat.append(time.perf_counter() - t)
            sizes.append(len(body))
            if head[9:12] != b"200":
                bad.append(int(head[9:12]))
    finally:
        writer.close()


def drive(port: int, make, connections: int, seconds: float) -> tuple[list[float], list[int], list[int]]:
    lat: list[float] = []
    sizes: list[int] = []
    bad: list[int] = []

    async def run() -> None:
        stop_at = time.perf_counter() + seconds
        await asyncio.gather(*(_connection(port, make, stop_at, lat, sizes, bad) for _ in range(connections)))

    asyncio.run(run())
    return lat, sizes, bad


def get(path: str, key: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {key}\r\n\r\n".encode()


def read_scenarios(port: int, read_key: str, keys: list[str]) -> dict:
    rng = random.Random(7)
    titles = ["出纳", "会计", "主管", "经理", "店长", "00"]
    cursors = [None]
    cursor = None
    for _ in range(30):  # real cursors the server gave out, spread over the catalog
        url = f"http://127.0.0.1:{port}/v1/roles?limit=200" + (f"&cursor={cursor}" if cursor else "")
        req = urllib.request.Request(url, headers={"Authorization": f"Bearer {read_key}"})
        with urllib.request.urlopen(req) as resp:
            cursor = json.loads(resp.read())["next_cursor"]
        if cursor is None:
            break
        cursors.append(cursor)
    q = urllib.parse.quote
    return {
        "roles p1": lambda: get("/v1/roles?limit=50", read_key),
        "roles pages": lambda: get("/v1/roles?limit=50" + (f"&cursor={c}" if (c := rng.choice(cursors)) else ""),
                                   read_key),
        "roles title": lambda: get(f"/v1/roles?limit=50&title={q(rng.choice(titles))}", read_key),
        "role": lambda: get(f"/v1/roles/{q(rng.choice(keys))}", read_key),
        "changes": lambda: get(f"/v1/changes?limit=100&since={rng.randrange(len(keys))}", read_key),
    }


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(server: subprocess.Popen, label: str, port: int, make, connections: int, seconds: float) -> None:
    """One request kind: throughput and latency as seen by the client, and the server's CPU time
    per request — the figure that does not depend on what else the machine is doing."""
    cpu = cpu_seconds(server.pid)
    lat, sizes, bad = drive(port, make, connections, seconds)
    per_request = (cpu_seconds(server.pid) - cpu) / max(len(lat), 1)
    report(label, lat, sizes, bad, seconds, per_request)


def report(label: str, lat: list[float], sizes: list[int], bad: list[int], seconds: float,
           cpu_per_request: float | None = None) -> None:
    q = statistics.quantiles(lat, n=100)
    cpu = f"   server CPU {cpu_per_request * 1000:5.1f} ms/req" if cpu_per_request is not None else ""
    print(f"  {label:12} {len(lat) / seconds:8.0f} req/s   p50 {q[49] * 1000:6.1f} ms   p99 {q[98] * 1000:6.1f} ms"
          f"   {statistics.mean(sizes) / 1024:6.1f} KB{cpu}" + (f"   NOT 200: {len(bad)}" if bad else ""))


def distinct_copies(folder: Path, copies: int) -> list[tuple[str, bytes]]:
    """Each sample ``copies`` times with different bytes (so the batch does not skip duplicates)."""
    out = []
    for path in sorted(p for p in SAMPLES.iterdir() if p.is_file()):
        data = path.read_bytes()
        for i in range(copies):
            if path.suffix == ".docx":
                import io

                buf = io.BytesIO(data)
                with zipfile.ZipFile(buf, "a") as z:
                    z.comment = f"copy {i}".encode()
                variant = buf.getvalue()
            elif path.suffix == ".pdf":
                variant = data + f"\n% copy {i}\n".encode()
            else:
                variant = data + b"\n" * (i + 1)
            name = f"{path.stem}-{i}{path.suffix}"
            (folder / name).write_bytes(variant)
            out.append((f"doc{len(out)}{path.suffix}", variant))
    return out


def uploads(port: int, import_key: str, files: list[tuple[str, bytes]], clients: int, seconds: float) -> None:
    counter = iter(range(10**9))

    def make() -> bytes:
        n = next(counter)
        name, data = files[n % len(files)]
        b = "jdxbenchboundary"
        body = (f'--{b}\r\nContent-Disposition: form-data; name="document"\r\n\r\nupload-{n}\r\n'
                f'--{b}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{b}--\r\n".encode()
        return (f"POST /v1/documents HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {import_key}\r\n"
                f"Content-Type: multipart/form-data; boundary={b}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body

    drive(port, make, clients, 3)  # the conversion workers start and warm up
    lat, sizes, bad = drive(port, make, clients, seconds)
    report("uploads", lat, sizes, bad, seconds)


def batch_rate(folder: Path) -> None:
    from jdx.pipeline.batch import run_batch

    run_batch(SAMPLES, folder.parent / "warm", workers=2)
    t = time.perf_counter()
    summary = run_batch(folder, folder.parent / "batch-out", workers=2)
    wall = time.perf_counter() - t
    print(f"  jdx batch --workers 2 over {summary.files} distinct copies: {summary.files / wall:.1f} files/s "
          f"({wall:.1f} s, worker start and spreadsheet export included)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--upload-clients", type=int, default=4)
    parser.add_argument("--pg", action="store_true", help="also a PostgreSQL catalog")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}; {args.connections} connections, "
          f"{args.seconds:g} s per request kind")
    with tempfile.TemporaryDirectory(prefix="jdx-api-bench-") as tmp:
        tmp_path = Path(tmp)
        backends = [("sqlite", f"sqlite:///{tmp_path / 'api.db'}")]
        if args.pg:
            backends.append(("postgresql", postgres_url("jdx_bench_api")))
        for name, url in backends:
            print(f"\n{name} catalog:")
            read_key, import_key, keys = build_catalog(url, args.roles)
            port = free_port()
            server = start(url, port, tmp_path / f"{name}.log")
            try:
                for label, make in read_scenarios(port, read_key, keys).items():
                    drive(port, make, args.connections, 1)  # warm-up
                    measured(server, label, port, make, args.connections, args.seconds)
                if name == "sqlite":
                    folder = tmp_path / "copies"
                    folder.mkdir()
                    files = distinct_copies(folder, 10)
                    uploads(port, import_key, files, args.upload_clients, args.seconds)
            finally:
                server.terminate()
                server.wait(20)
        batch_rate(tmp_path / "copies")


if __name__ == "__main__":
    main()
