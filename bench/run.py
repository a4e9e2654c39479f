#!/usr/bin/env python3
"""`make bench`: the portal under gunicorn with production settings, measured against a plain
Django view in the same run, on SQLite and (when DATABASE_URL is set) on PostgreSQL.

For each database: migrate, load the demo, read its documents' text, build the data set
(bench/dataset.py; kept between runs, BENCH_REBUILD=1 builds it anew), count each address's
SQL queries (bench/probe.py), then start two gunicorns on loopback (2 sync workers each;
PAGE_CACHE_SECONDS=0 and the page cache on) and run wrk over the baseline and every address
in interleaved rounds. Prints the table and writes it to bench/results/latest.md.

    make bench                                   # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ehelse_bench make bench
    BENCH_QUICK=1 make bench                     # smoke run: small data set, one short round

Settings: BENCH_ROUNDS (3), BENCH_SECONDS (2 per wrk run), BENCH_SCALE (10), BENCH_PAGES
(10000), BENCH_REDIS_URL (redis://127.0.0.1:6379/5, flushed before each database),
BENCH_DATABASES (sqlite,postgresql: which to measure), BENCH_COLLECTSTATIC=0 (skip it).
"""

import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench import report, wrk  # noqa: E402
from bench.views import BASELINE_PATH  # noqa: E402

VAR = BASE_DIR / "var" / "bench"
RESULTS = BASE_DIR / "bench" / "results" / "latest.md"
PY = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")


def setting(name: str, default, quick):
    return type(default)(os.environ.get(name) or (quick if QUICK else default))


ROUNDS = setting("BENCH_ROUNDS", 3, 1)
SECONDS = setting("BENCH_SECONDS", 2.0, 1.0)
SCALE = setting("BENCH_SCALE", 10, 2)
PAGES = setting("BENCH_PAGES", 10_000, 300)
REDIS_URL = os.environ.get("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/5"


def say(text: str) -> None:
    print(text, flush=True)


def django_env(database_url: str, page_cache: int = 0) -> dict:
    secret = os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50)
    os.environ["BENCH_SECRET_KEY"] = secret  # one key for every process of the run
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secret,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        # Plain HTTP on loopback: no redirect to HTTPS (a proxy in front would do it).
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": REDIS_URL,
        # The proxy's access log is enough; one JSON line per request would be measured too.
        "ACCESS_LOG": "false",
        "PAGE_CACHE_SECONDS": str(page_cache),
        "STATIC_ROOT": str(VAR / "static"),
        "MEDIA_ROOT": str(VAR / "media"),
        "PRIVATE_MEDIA_ROOT": str(VAR / "private"),
    }


def manage(database_url: str, *args: str) -> None:
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [PY, "manage.py", *args], cwd=BASE_DIR, env=django_env(database_url), check=True
    )


def prepare(database_url: str) -> None:
    """Migrate, load the demo and build the data set (kept when it is already there)."""
    started = time.monotonic()
    # Marks a finished build of this database, so a second run only migrates.
    marker = VAR / f"built-{hashlib.sha256(database_url.encode()).hexdigest()[:12]}"
    if os.environ.get("BENCH_REBUILD"):
        drop_database(database_url)
        marker.unlink(missing_ok=True)
    create_postgres_database(database_url)
    manage(database_url, "migrate", "--no-input", "-v", "0")
    if not marker.exists():
        manage(database_url, "load_demo_content")
        manage(database_url, "extract_document_text", "--pending")
        manage(
            database_url,
            "build_bench_content",
            "--if-missing",
            f"--scale={SCALE}",
            f"--pages={PAGES}",
        )
        marker.write_text(f"{SCALE} {PAGES}\n")
    say(f"Databasen klar på {time.monotonic() - started:.0f} s.")


def create_postgres_database(database_url: str) -> None:
    parts = urlsplit(database_url)
    if not parts.scheme.startswith("postgres"):
        return
    import psycopg2

    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def drop_database(database_url: str) -> None:
    parts = urlsplit(database_url)
    if parts.scheme.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(parts.path + suffix).unlink(missing_ok=True)
        return
    import psycopg2

    name = parts.path.lstrip("/")
    if "bench" not in name and "demo" not in name:
        raise SystemExit(f"Sletter ikke databasen «{name}»: navnet sier ikke bench eller demo.")
    connection = psycopg2.connect(parts._replace(path="/postgres").geturl())
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def flush_cache() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn on loopback with two sync workers, as production runs it (scripts/run_prod.sh)
    but without threads, so each worker serves one request at a time."""

    def __init__(self, database_url: str, page_cache: int):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(VAR / f"gunicorn-{self.port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603 - gunicorn with fixed arguments
            [
                GUNICORN,
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--timeout",
                "120",
            ],
            cwd=BASE_DIR,
            env=django_env(database_url, page_cache),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stoppet; se {self.log.name}.")
            try:
                if get(self.base + BASELINE_PATH)[0] == 200:
                    return
            except (URLError, OSError):
                time.sleep(0.5)
        raise SystemExit(f"gunicorn svarte ikke på {self.base}; se {self.log.name}.")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            return [int(pid) for pid in children.read_text().split()]
        return [
            int(stat.parent.name)
            for stat in Path("/proc").glob("[0-9]*/stat")
            if stat.read_text().rsplit(")", 1)[-1].split()[1] == str(self.process.pid)
        ]

    def worker_mib(self) -> list[float]:
        sizes = []
        for pid in self.workers():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sorted(sizes)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def get(url: str, cookie: str = "") -> tuple[int, dict]:
    headers = {"Accept-Encoding": "gzip, deflate, br"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
            response.read()
            return response.status, dict(response.headers)
    except HTTPError as error:
        return error.code, dict(error.headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


urllib.request.install_opener(urllib.request.build_opener(NoRedirect))


def probe(database_url: str) -> dict:
    out = VAR / "probe.json"
    subprocess.run(  # noqa: S603 - our own module with fixed arguments
        [PY, "-m", "bench.probe", str(out)],
        cwd=BASE_DIR,
        env=django_env(database_url),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return json.loads(out.read_text())


def drain(server: Server) -> None:
    """Wait until the server has answered what the last wrk run left queued: sync workers
    finish a request whose client has gone, so a slow page would eat into the next run."""
    get(server.base + BASELINE_PATH)


def url(server: Server, path: str) -> str:
    return server.base + quote(path, safe="/?=&")


def measure(database: str, database_url: str) -> dict:
    say(f"\n== {database} ==")
    prepare(database_url)
    flush_cache()
    found = probe(database_url)
    session = found["session"]
    rows = []
    for row in found["rows"]:
        if row["status"] != 200:
            say(f"  {row['path']} svarte {row['status']}; måles ikke.")
            continue
        cookie = session if row["kind"] == "member" else ""
        rows.append({**row, "mode": "uncached", "cookie": cookie, "rounds": []})
        if row["kind"] == "page":
            rows.append({**row, "mode": "cached", "cookie": "", "rounds": []})
    plain, cached = Server(database_url, 0), Server(database_url, 600)
    try:
        baseline = []
        for row in rows:
            server = cached if row["mode"] == "cached" else plain
            status, headers = get(url(server, row["path"]), row["cookie"])
            status, headers = get(url(server, row["path"]), row["cookie"])
            if status != 200:
                raise SystemExit(f"{row['path']} svarte {status} fra gunicorn.")
            if row["mode"] == "cached":
                # portal/pagecache marks a copy it served («treff»).
                row["cache_hit"] = headers.get("X-Page-Cache", "").lower() in {"treff", "hit"}
        for number in range(1, ROUNDS + 1):
            say(f"  runde {number} av {ROUNDS} ({len(rows) + 1} målinger à {SECONDS:g} s)")
            drain(plain)
            baseline.append(wrk.run(plain.base + BASELINE_PATH, SECONDS))
            for row in rows:
                server = cached if row["mode"] == "cached" else plain
                drain(server)
                row["rounds"].append(wrk.run(url(server, row["path"]), SECONDS, row["cookie"]))
        memory = {"uncached": plain.worker_mib(), "cached": cached.worker_mib()}
    finally:
        plain.stop()
        cached.stop()
    for row in rows:
        row.pop("cookie")
    return {"database": database, "baseline": baseline, "rows": rows, "memory": memory}


def main() -> int:
    if shutil.which("wrk") is None:
        say("wrk mangler: «make bench» installerer det (apt-get install wrk).")
        return 1
    VAR.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    sqlite_name = "bench-quick.sqlite3" if QUICK else "bench.sqlite3"
    targets = [("SQLite", f"sqlite:///{VAR / sqlite_name}")]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        targets.append(("PostgreSQL", os.environ["DATABASE_URL"]))
    # BENCH_DATABASES=postgresql measures one of them; the table keeps the other's last run.
    chosen = os.environ.get("BENCH_DATABASES", "").lower().replace(" ", "").split(",")
    targets = [t for t in targets if chosen == [""] or t[0].lower() in chosen]
    if os.environ.get("BENCH_COLLECTSTATIC", "1") != "0":
        manage(targets[0][1], "collectstatic", "--no-input", "-v", "0")
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH, fixed arguments
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
    ).stdout.strip()
    heading = (
        f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, commit {commit or '?'}"
        f"{' (BENCH_QUICK)' if QUICK else ''}"
    )
    runs = []
    for database, database_url in targets:
        results = {**measure(database, database_url), "measured": heading}
        runs.append(results)
        if not QUICK:
            stored = VAR / f"result-{database.lower()}.json"
            stored.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    if not QUICK:
        measured = {r["database"] for r in runs}
        for name in ("SQLite", "PostgreSQL"):
            stored = VAR / f"result-{name.lower()}.json"
            if name not in measured and stored.exists():
                runs.append(json.loads(stored.read_text()))
    text = report.markdown(runs, heading) + method_note()
    say("\n" + text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    if not QUICK or not RESULTS.exists():
        RESULTS.write_text(text)
    (VAR / "latest.json").write_text(json.dumps(runs, ensure_ascii=False, indent=1))
    say(f"Skrevet til {RESULTS.relative_to(BASE_DIR)} etter {time.monotonic() - started:.0f} s.")
    return 0 if all(report.all_met(run) for run in runs) else 2


def method_note() -> str:
    return (
        "\nSlik er det målt: gunicorn med produksjonsinnstillinger (bench.settings legger bare "
        "til grunnlinjevisningen), 2 synkrone arbeidere, på 127.0.0.1; "
        f"`wrk -t2 -c8 -d{SECONDS:g}s --latency` med `Accept-Encoding: gzip, deflate, br`; "
        f"{ROUNDS} runder der hver runde måler grunnlinjen og alle sidene etter hverandre, "
        "median og laveste–høyeste runde. Spørringer telt med Djangos testklient mot samme "
        "database uten sidebuffer (andre av to forespørsler). Medlemssidene med en innlogget "
        f"kommunekoordinators økt. Datasett: demoinnholdet × {SCALE} og arkiv til minst "
        f"{PAGES} sider (`manage.py build_bench_content`). Maskin: {os.cpu_count()} kjerner, "
        "delt med andre prosesser under målingen.\n"
    )


if __name__ == "__main__":
    sys.exit(main())
