"""`make audit` (tools/audit.py): a Lighthouse report read into the table's row, the median of
several runs, the pass/fail decision, the page types it measures, and the compressed server it
measures over (tests/static_server.py --gzip). Lighthouse itself is not run here: speed is
measured by `make audit`, not by the suite."""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.request

from conftest import STATIC_SERVER, load_by_path

audit = load_by_path("tools/audit.py")
ORIGIN = "http://127.0.0.1:8123"


def report(performance=0.97, accessibility=1, cls=0.01, urls=(f"{ORIGIN}/", f"{ORIGIN}/assets/site.css")):
    """The parts of a Lighthouse JSON report that the audit reads."""
    return {
        "categories": {
            "performance": {"score": performance}, "accessibility": {"score": accessibility},
            "best-practices": {"score": 1}, "seo": {"score": 1},
        },
        "audits": {
            "cumulative-layout-shift": {"numericValue": cls},
            "total-byte-weight": {"numericValue": 153_600.4},
            "network-requests": {"details": {"items": [{"url": url} for url in urls]}},
        },
    }


def test_a_report_becomes_a_row_of_the_table():
    result = audit.summarise("home", report(), ORIGIN)
    assert result.scores == {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 100}
    assert (result.cls, result.weight, result.requests, result.foreign) == (0.01, 153_600, 2, ())
    header, row = audit.table([result]).splitlines()
    assert header.split() == ["page", "perf", "a11y", "best", "seo", "CLS", "weight", "req"]
    assert row.split() == ["home", "97", "100", "100", "100", "0.010", "150", "KB", "2"]


def test_a_passing_page_has_no_failures():
    assert audit.failures(audit.summarise("home", report(performance=0.95), ORIGIN)) == []


def test_each_threshold_fails_a_page():
    slow = audit.summarise("nieuws/", report(performance=0.94), ORIGIN)
    assert audit.failures(slow) == ["nieuws/: performance 94 (at least 95)"]
    shifting = audit.summarise("nieuws/", report(cls=0.051), ORIGIN)
    assert audit.failures(shifting) == ["nieuws/: CLS 0.051 (at most 0.05)"]
    inaccessible = audit.summarise("nieuws/", report(accessibility=0.99), ORIGIN)
    assert audit.failures(inaccessible) == ["nieuws/: accessibility 99 (at least 100)"]


def test_a_request_to_another_host_fails_a_page():
    urls = (f"{ORIGIN}/", "https://fonts.example.org/a.woff2", "data:image/svg+xml,<svg/>")
    result = audit.summarise("home", report(urls=urls), ORIGIN)
    assert result.foreign == ("https://fonts.example.org",)
    assert audit.failures(result) == ["home: request to another host https://fonts.example.org"]


def test_the_median_run_is_kept():
    runs = [audit.summarise("home", report(performance=score / 100), ORIGIN) for score in (99, 80, 96)]
    assert audit.median_run(runs).scores["performance"] == 96
    assert audit.median_run(runs[:2]).scores["performance"] == 80  # the lower middle of two


def test_every_page_type_is_measured(real_site):
    pages = audit.page_types(real_site)
    assert {"", "en/", "netwerken/", "initiatieven/", "aanbod/", "scholen/", "regios/", "gemeenten/",
            "nieuws/"} <= set(pages.values())
    records = [address for name, address in pages.items() if name.endswith("<record>")]
    sections = {address.split("/")[0] for address in records}
    assert sections == {"netwerken", "initiatieven", "aanbod", "scholen"}
    for address in pages.values():
        assert (real_site / address.split("#")[0] / "index.html").is_file(), address
    assert "#gm" in pages["look-up (a place chosen)"]


def test_the_audit_server_sends_text_compressed(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>" + "x" * 2000, encoding="utf-8")
    (tmp_path / "font.woff2").write_bytes(b"\0" * 100)
    server = subprocess.Popen([sys.executable, str(STATIC_SERVER), str(tmp_path), "1", "--gzip"],
                              stdout=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{server.stdout.readline().split()[-1]}/"
        asks = {"Accept-Encoding": "gzip"}
        with urllib.request.urlopen(urllib.request.Request(base, headers=asks)) as page:
            assert page.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(page.read()).decode().endswith("x" * 2000)
        with urllib.request.urlopen(urllib.request.Request(base + "font.woff2", headers=asks)) as font:
            assert font.headers["Content-Encoding"] is None and font.read() == b"\0" * 100
        with urllib.request.urlopen(base) as plain:  # a client that does not ask
            assert plain.headers["Content-Encoding"] is None
    finally:
        server.terminate()
        server.wait()
