"""Running `wrk` once and reading its summary (requests/s, latency percentiles, errors)."""

import re
import subprocess

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
TOTAL = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)


def parse(output: str) -> dict:
    """{"rps", "p50", "p99" (ms), "requests", "errors"} from wrk's output with --latency."""
    rate = RATE.search(output)
    if rate is None:
        raise ValueError(f"wrk gave no requests/s:\n{output}")
    latency = {share: float(value) * UNITS[unit] for share, value, unit in LATENCY.findall(output)}
    errors = sum(int(n) for n in NON_2XX.findall(output))
    socket = SOCKET.search(output)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    total = TOTAL.search(output)
    return {
        "rps": float(rate.group(1)),
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "requests": int(total.group(1)) if total else 0,
        "errors": errors,
    }


def run(url: str, seconds: float, cookie: str = "", threads: int = 2, connections: int = 8):
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds:g}s",
        "--latency",
        # A slow page is measured, not dropped: wrk's default gives up after 2 s.
        "--timeout",
        "30s",
        # As a browser asks: the portal compresses HTML when the client accepts it.
        "-H",
        "Accept-Encoding: gzip, deflate, br",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    result = subprocess.run(  # noqa: S603 - wrk with our own arguments and URL
        [*command, url], capture_output=True, text=True, timeout=seconds + 60, check=True
    )
    return parse(result.stdout)
