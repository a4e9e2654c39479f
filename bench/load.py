#!/usr/bin/env python3
"""Load test: concurrent clients over a mix of public and member pages, against a running
portal (gunicorn on loopback with production settings and the demo content, `make run-prod`).

    .venv/bin/python bench/prepare.py      # passwords for the demo members (once)
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000 --clients 50 --seconds 60

Each client is a thread with its own keep-alive connection. Before the clock starts, each demo
member logs in once through the login form; member requests carry one of those sessions. A
response counts as an error when its status is 400 or above, when a member page sends the
member to the login page, or when the connection fails. Prints requests per second, errors
and the latency percentiles; exits 1 when there was an error. Standard library only.
"""

import argparse
import http.client
import json
import random
import re
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

MEMBERS_FILE = Path(__file__).resolve().parent.parent / "var" / "bench" / "members.json"
PUBLIC_SEEDS = ["/", "/sok/?q=kjernejournal", "/sok/?q=velferdsteknologi", "/htm-status/"]
MEMBER_PATHS = ["/min-kommune/{slug}/", "/min-kommune/{slug}/htm-status/"]
SKIP = re.compile(r"^/(admin|django-admin|konto|dokumenter|media|static|relevant)/|\.(ics|xml)$")
MEMBER_SHARE = 0.3


class Client:
    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.base = base.rstrip("/")
        self.connection = None
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str = "", headers=None):
        headers = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body or None, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed a kept-alive connection (gunicorn's max-requests): reconnect.
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location") or "", content

    def login(self, username: str, password: str) -> str:
        status, _, page = self.request("GET", "/konto/logg-inn/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            raise SystemExit(f"Innloggingssiden svarte {status}.")
        form = urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "username": username,
                "password": password,
            }
        )
        status, location, _ = self.request(
            "POST",
            "/konto/logg-inn/",
            form,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.base,
                "Referer": self.base + "/konto/logg-inn/",
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"{username} kom ikke inn (svar {status}).")
        status, location, _ = self.request("GET", "/min-kommune/")
        match = re.match(r"^(?:https?://[^/]+)?/min-kommune/([^/]+)/$", location)
        if status != 302 or not match:
            raise SystemExit(f"{username} har ingen kommune (svar {status} til {location!r}).")
        return match.group(1)


def public_paths(base: str) -> list[str]:
    """The seeds and every page the home page links to (within the site, no files)."""
    client = Client(base)
    status, _, page = client.request("GET", "/")
    if status != 200:
        raise SystemExit(f"Forsiden svarte {status}; kjører portalen på {base}?")
    links = {m.decode() for m in re.findall(rb'href="(/[^"#?]*)"', page)}
    found = set()
    for path in sorted(links | set(PUBLIC_SEEDS)):
        # Only pages an anonymous visitor may read: no redirects to the login.
        if not SKIP.search(path) and client.request("GET", path)[0] == 200:
            found.add(path)
    return sorted(found)


def member_sessions(base: str) -> list[tuple[dict, str]]:
    if not MEMBERS_FILE.is_file():
        raise SystemExit(f"{MEMBERS_FILE} mangler: kjør bench/prepare.py først.")
    sessions = []
    for member in json.loads(MEMBERS_FILE.read_text()):
        client = Client(base)
        slug = client.login(member["username"], member["password"])
        sessions.append(({"sessionid": client.cookies["sessionid"]}, slug))
    return sessions


def worker(base, public, sessions, deadline, results, lock, seed):
    rng = random.Random(seed)  # noqa: S311 - picks pages, not secrets
    client = Client(base)
    latencies, errors = [], Counter()
    while time.monotonic() < deadline:
        if sessions and rng.random() < MEMBER_SHARE:
            cookies, slug = rng.choice(sessions)
            client.cookies = dict(cookies)
            path = rng.choice(MEMBER_PATHS).format(slug=slug)
        else:
            client.cookies = {}
            path = rng.choice(public)
        started = time.monotonic()
        try:
            status, location, _ = client.request("GET", path)
        except (OSError, http.client.HTTPException) as error:
            errors[type(error).__name__] += 1
            continue
        latencies.append(time.monotonic() - started)
        if status >= 400:
            errors[f"HTTP {status} {path}"] += 1
        elif "/konto/logg-inn/" in location:
            errors[f"til innlogging {path}"] += 1
    with lock:
        results["latencies"].extend(latencies)
        results["errors"].update(errors)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description="Lasttest av portalen.")
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()

    public = public_paths(args.url)
    sessions = member_sessions(args.url)
    print(
        f"{len(public)} offentlige sider, {len(sessions)} medlemmer innlogget; "
        f"{args.clients} klienter i {args.seconds:g} s mot {args.url}"
    )
    results = {"latencies": [], "errors": Counter()}
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + args.seconds
    threads = [
        threading.Thread(
            target=worker, args=(args.url, public, sessions, deadline, results, lock, n)
        )
        for n in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies, errors = results["latencies"], results["errors"]
    count = len(latencies) + sum(e for k, e in errors.items() if not k.startswith(("HTTP", "til")))
    print(f"forespørsler: {count}  ({count / elapsed:.1f} per sekund over {elapsed:.1f} s)")
    print(f"feil: {sum(errors.values())}")
    for kind, number in errors.most_common(10):
        print(f"  {number} × {kind}")
    if latencies:
        p50, p90, p99 = (1000 * percentile(latencies, q) for q in (0.5, 0.9, 0.99))
        print(
            f"svartid: p50 {p50:.0f} ms, p90 {p90:.0f} ms, p99 {p99:.0f} ms, "
            f"maks {1000 * max(latencies):.0f} ms, "
            f"snitt {1000 * statistics.fmean(latencies):.0f} ms"
        )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
