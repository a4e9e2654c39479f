"""The benchmark's figures: medians over rounds, ratios to the baseline, targets, the table.

Pure functions over plain data, so the arithmetic and the table are tested without a server
(tests/bench/). A measured row is a dict:

    {"label": "Forside", "path": "/", "kind": "page" | "search" | "member",
     "mode": "uncached" | "cached", "queries": 9 or None, "cache_hit": True/False/None,
     "rounds": [{"rps": 812.0, "p50": 9.1, "p99": 21.0, "errors": 0}, …]}

and a database's results are {"database": "SQLite", "baseline": [rounds], "rows": [...],
"memory": {"uncached": [MiB per worker], "cached": [...]}}.
"""

import statistics

MAX_QUERIES = 10
MAX_WORKER_MIB = 150
# The share of the baseline's requests/s a row must reach, as the N of 1/N.
RATIO_TARGETS = {("page", "uncached"): 10, ("page", "cached"): 2, ("search", "uncached"): 15}
# The search's speed target is set for PostgreSQL, the database production runs on; on SQLite
# (development) the search has its query budget only, like the members' pages everywhere.
TARGET_DATABASES = {"search": {"PostgreSQL"}}
MODE_NAMES = {"uncached": "uten sidebuffer", "cached": "med sidebuffer"}


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summary(rounds: list[dict]) -> dict:
    """Median requests/s with its lowest and highest round, median p50/p99, all errors."""
    rates = [r["rps"] for r in rounds]
    return {
        "rps": median(rates),
        "low": min(rates) if rates else None,
        "high": max(rates) if rates else None,
        "p50": median(r.get("p50") for r in rounds),
        "p99": median(r.get("p99") for r in rounds),
        "errors": sum(r.get("errors", 0) for r in rounds),
    }


def denominator(baseline_rps: float | None, rps: float | None) -> float | None:
    """N of «1/N»: how many of this row's requests the baseline serves in the same time."""
    if not baseline_rps or not rps:
        return None
    return baseline_rps / rps


def format_ratio(n: float | None) -> str:
    if n is None:
        return "–"
    return f"1/{n:.1f}" if n < 10 else f"1/{n:.0f}"


def ratio_target(row: dict, database: str) -> int | None:
    databases = TARGET_DATABASES.get(row["kind"])
    if databases is not None and database not in databases:
        return None
    return RATIO_TARGETS.get((row["kind"], row["mode"]))


def target_text(row: dict, database: str) -> str:
    parts = [f"≤ {MAX_QUERIES} spørringer"] if row["mode"] == "uncached" else []
    target = ratio_target(row, database)
    if target:
        parts.append(f"≥ 1/{target}")
    return ", ".join(parts) or "–"


def met(row: dict, baseline_rps: float | None, database: str) -> bool:
    """Within the query budget (counted uncached), at or above the ratio target, no errors,
    and some requests answered: a row that served nothing in the time is never met."""
    figures = summary(row["rounds"])
    if figures["errors"] or not figures["rps"]:
        return False
    if row["mode"] == "uncached" and (row.get("queries") is None or row["queries"] > MAX_QUERIES):
        return False
    target = ratio_target(row, database)
    n = denominator(baseline_rps, figures["rps"])
    return not (target and (n is None or n > target))


def number(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ")


def table(results: dict) -> list[str]:
    """One database's table, as Markdown lines."""
    database = results["database"]
    base = summary(results["baseline"])
    lines = [
        f"### {results['database']}",
        "",
        *([f"Målt {results['measured']}.", ""] if results.get("measured") else []),
        f"Grunnlinje (Django-visning, 20 KB, uten database): **{number(base['rps'])} "
        f"forespørsler/s** (runder {number(base['low'])}–{number(base['high'])}), "
        f"p50 {number(base['p50'], 1)} ms, p99 {number(base['p99'], 1)} ms.",
        "",
        "| side | buffer | spørringer | forespørsler/s median (min–maks) | p50 ms | p99 ms "
        "| mot grunnlinjen | mål | nådd |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["rows"]:
        figures = summary(row["rounds"])
        mode = MODE_NAMES[row["mode"]]
        if row["mode"] == "cached" and row.get("cache_hit") is False:
            mode += " (bommet)"
        errors = f" ({figures['errors']} feil)" if figures["errors"] else ""
        lines.append(
            f"| {row['label']} | {mode} | {number(row.get('queries'))} "
            f"| {number(figures['rps'])} ({number(figures['low'])}–{number(figures['high'])})"
            f"{errors} | {number(figures['p50'], 1)} | {number(figures['p99'], 1)} "
            f"| {format_ratio(denominator(base['rps'], figures['rps']))} "
            f"| {target_text(row, database)} "
            f"| {'ja' if met(row, base['rps'], database) else 'nei'} |"
        )
    lines.append("")
    for mode, sizes in results.get("memory", {}).items():
        if sizes:
            worst = max(sizes)
            verdict = "ja" if worst < MAX_WORKER_MIB else "nei"
            shown = ", ".join(number(size, 1) for size in sizes)
            lines.append(
                f"Minne per gunicorn-arbeider etter kjøringen ({MODE_NAMES[mode]}): {shown} MiB "
                f"(mål under {MAX_WORKER_MIB} MiB: {verdict})."
            )
    lines.append("")
    return lines


def all_met(results: dict) -> bool:
    base = summary(results["baseline"])["rps"]
    memory = [size for sizes in results.get("memory", {}).values() for size in sizes]
    return all(met(row, base, results["database"]) for row in results["rows"]) and all(
        size < MAX_WORKER_MIB for size in memory
    )


def markdown(runs: list[dict], heading: str) -> str:
    """The whole results file: a heading with how it was measured, and a table per database."""
    lines = [f"# Ytelsesmåling: {heading}", ""]
    for results in runs:
        lines += table(results)
    verdicts = [f"{r['database']}: {'ja' if all_met(r) else 'nei'}" for r in runs]
    lines.append(f"Alle mål nådd — {'; '.join(verdicts)}.")
    return "\n".join(lines) + "\n"
