"""The benchmark's arithmetic and table (bench/report.py) and its reading of wrk's output."""

from bench import report, wrk

WRK_OUTPUT = """Running 2s test @ http://127.0.0.1:8101/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.12ms    1.02ms  20.01ms   90.00%
    Req/Sec   780.12     50.00   900.00     70.00%
  Latency Distribution
     50%  812.00us
     75%    5.50ms
     90%    6.10ms
     99%    1.20s
  3120 requests in 2.00s, 60.00MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:   1559.50
Transfer/sec:     30.00MB
"""


def rounds(*rates, errors=0):
    return [{"rps": rate, "p50": 10.0, "p99": 40.0, "errors": errors} for rate in rates]


def row(label, kind="page", mode="uncached", queries=8, rates=(100, 110, 90), **extra):
    return {
        "label": label,
        "path": "/",
        "kind": kind,
        "mode": mode,
        "queries": queries,
        "rounds": rounds(*rates),
        **extra,
    }


def test_wrk_output_is_read_in_milliseconds_with_every_error_counted():
    figures = wrk.parse(WRK_OUTPUT)
    assert figures == {"rps": 1559.5, "p50": 0.812, "p99": 1200.0, "requests": 3120, "errors": 6}


def test_median_spread_and_ratio_to_the_baseline():
    figures = report.summary(rounds(100, 130, 90))
    assert (figures["rps"], figures["low"], figures["high"]) == (100, 90, 130)
    assert report.denominator(6000, 100) == 60
    assert report.format_ratio(60.4) == "1/60"
    assert report.format_ratio(2.345) == "1/2.3"
    assert report.format_ratio(None) == "–"


def test_targets_queries_ratio_errors_and_page_cache():
    baseline = 1000

    def met(measured, database="PostgreSQL"):
        return report.met(measured, baseline, database)

    assert met(row("Forside", rates=(100, 120, 110)))  # 1/9.1
    assert not met(row("Forside", rates=(90, 95, 80)))  # 1/11
    assert not met(row("Forside", rates=(90, 95, 80)), "SQLite")
    assert not met(row("Forside", queries=11, rates=(500,)))
    assert not met(row("Forside", queries=None, rates=(500,)))
    assert not met({**row("Forside"), "rounds": rounds(500, errors=1)})
    assert met(row("Forside", mode="cached", queries=None, rates=(500,)))
    assert not met(row("Forside", mode="cached", rates=(499,)))
    assert met(row("Søk", kind="search", rates=(70,)))  # 1/14.3
    assert not met(row("Søk", kind="search", rates=(60,)))
    # The search's speed target is PostgreSQL's; on SQLite its query budget still holds.
    assert met(row("Søk", kind="search", rates=(6,)), "SQLite")
    assert not met(row("Søk", kind="search", queries=11, rates=(600,)), "SQLite")
    # Nothing answered within the run is a failure whatever the target.
    assert not met(row("Søk", kind="search", rates=(0, 0, 0)), "SQLite")
    assert not met(row("Min kommune", kind="member", rates=(0,)))
    assert report.target_text(row("Søk", kind="search"), "SQLite") == "≤ 10 spørringer"
    assert report.target_text(row("Søk", kind="search"), "PostgreSQL") == "≤ 10 spørringer, ≥ 1/15"
    # Members' pages: the query budget only.
    assert met(row("Min kommune", kind="member", rates=(1,)))
    assert not met(row("Min kommune", kind="member", queries=12))


def test_the_table_has_a_row_per_measurement_and_the_verdicts():
    results = {
        "database": "PostgreSQL",
        "baseline": rounds(6000, 6100, 5900),
        "rows": [
            row("Forside", queries=7, rates=(700, 650, 720)),
            row("Forside", mode="cached", queries=7, rates=(3100, 3000, 3200), cache_hit=True),
            row("Søk «opplæring»", kind="search", queries=12, rates=(300, 310, 290)),
        ],
        "memory": {"uncached": [120.5, 131.0], "cached": [151.2]},
    }
    text = report.markdown([results], "test")
    lines = text.splitlines()
    assert lines[0] == "# Ytelsesmåling: test"
    assert "**6 000 forespørsler/s** (runder 5 900–6 100)" in text
    assert (
        "| Forside | uten sidebuffer | 7 | 700 (650–720) | 10.0 | 40.0 | 1/8.6 "
        "| ≤ 10 spørringer, ≥ 1/10 | ja |" in lines
    )
    assert "| Forside | med sidebuffer | 7 | 3 100 (3 000–3 200) | 10.0 | 40.0 | 1/1.9 " in text
    assert "| Søk «opplæring» | uten sidebuffer | 12 | 300 (290–310) |" in text
    assert text.count("| nei |") == 1
    assert "120.5, 131.0 MiB (mål under 150 MiB: ja)" in text
    assert "151.2 MiB (mål under 150 MiB: nei)" in text
    assert lines[-1] == "Alle mål nådd — PostgreSQL: nei."
    assert not report.all_met(results)
    results["rows"].pop()
    results["memory"]["cached"] = [140.0]
    assert report.all_met(results)
