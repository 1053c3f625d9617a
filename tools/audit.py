"""`make audit`: Lighthouse's phone profile over every page type of the built site, served compressed.

Uses the site in `site/` as it is (`make audit` runs `make build` first only when there is none, so
rebuild after a change). Serves it gzip-compressed on 127.0.0.1, as static hosts serve it
(`tests/static_server.py --gzip`), and runs the project's pinned Lighthouse (npm, `package.json`)
on Debian's Chromium, headless with the browser tests' flags, in Lighthouse's default form factor
and throttling (a mid-range phone on a slow 4G connection, simulated). Each page type is measured
`--runs` times (default 3) and the run with the median performance score is reported: the machine
is shared and one run's figures move with everyone else's work. The reports are kept as JSON in
`.audit/` (gitignored), one file per page and run (`home-en-2.json`).

Prints one row per page: the four category scores, the layout shift (CLS), the bytes transferred
and the number of requests; then each failure. Exits non-zero when any page scores below 95 for
performance, below 100 for accessibility, best practices or SEO, shifts its layout by more than
0.05, or requests anything from another host.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, STATIC_SERVER  # noqa: E402  (the browser tests' Chromium)
from sitegen.records.kinds import KINDS  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / ".audit"
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "best", "seo": "seo"}
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_CLS = 0.05
OVERVIEWS = ("regios/", "gemeenten/", "nieuws/")
"""The overviews that are not a record kind's (those come from `KINDS`)."""


class Result(NamedTuple):
    """One Lighthouse run of one page, reduced to what the table shows and the verdict needs."""

    page: str
    scores: dict[str, int]
    cls: float
    weight: int
    requests: int
    foreign: tuple[str, ...]


def summarise(page: str, report: dict, origin: str) -> Result:
    """A Lighthouse JSON report (`--output=json`) as a `Result`; `origin` is the server's."""
    audits = report["audits"]
    urls = [item["url"] for item in audits["network-requests"]["details"]["items"]]
    foreign = sorted({
        f"{part.scheme}://{part.netloc}" for part in map(urlsplit, urls)
        if part.scheme in ("http", "https") and f"{part.scheme}://{part.netloc}" != origin
    })
    return Result(
        page=page,
        scores={name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES},
        cls=audits["cumulative-layout-shift"]["numericValue"],
        weight=int(audits["total-byte-weight"]["numericValue"]),
        requests=len(urls),
        foreign=tuple(foreign),
    )


def median_run(runs: list[Result]) -> Result:
    """The run with the median performance score (the lower middle one of an even number)."""
    ordered = sorted(runs, key=lambda run: run.scores["performance"])
    return ordered[(len(ordered) - 1) // 2]


def failures(result: Result) -> list[str]:
    """What keeps a page from passing, one line each (`page: metric value`); empty when it passes."""
    found = [
        f"{result.page}: {name} {result.scores[name]} (at least {minimum})"
        for name, minimum in MINIMUM.items() if result.scores[name] < minimum
    ]
    if result.cls > MAX_CLS:
        found.append(f"{result.page}: CLS {result.cls:.3f} (at most {MAX_CLS})")
    found += [f"{result.page}: request to another host {host}" for host in result.foreign]
    return found


def table(results: list[Result]) -> str:
    """The results as a plain-text table, one row per page."""
    width = max([len("page")] + [len(result.page) for result in results])
    header = f"{'page':<{width}}  " + "  ".join(f"{short:>4}" for short in CATEGORIES.values())
    lines = [header + f"  {'CLS':>6}  {'weight':>8}  {'req':>4}"]
    for result in results:
        scores = "  ".join(f"{result.scores[name]:>4}" for name in CATEGORIES)
        weight = f"{result.weight / 1024:.0f} KB"
        figures = f"{result.cls:>6.3f}  {weight:>8}  {result.requests:>4}"
        lines.append(f"{result.page:<{width}}  {scores}  {figures}")
    return "\n".join(lines)


def _largest(site: Path, section: str) -> str:
    """The address of the largest page in a section (`netwerken/` -> `netwerken/<id>/`): the heaviest
    record of its kind is the one that must still pass."""
    pages = [path for path in (site / section).glob("*/index.html")]
    return max(pages, key=lambda path: path.stat().st_size).parent.relative_to(site).as_posix() + "/"


def page_types(site: Path) -> dict[str, str]:
    """Each page type's name and its address in the built site."""
    pages = {"home": "", "home (en)": "en/"}
    sections = [kind.section + "/" for kind in KINDS.values()]
    pages.update({section: section for section in sections + list(OVERVIEWS)})
    pages.update({f"{section}<record>": _largest(site, section) for section in sections})
    pages["regios/<region>"] = _largest(site, "regios/")
    # The look-up (places.js) opens the region page with the chosen municipality marked.
    lookup = json.loads((site / "regios" / "gemeenten.json").read_text(encoding="utf-8"))
    code, _, region = lookup["municipalities"][0][:3]
    pages["look-up (a place chosen)"] = f"regios/{region}/#{code}"
    return pages


def serve(site: Path) -> tuple[subprocess.Popen, str]:
    """The built site served gzip-compressed by a process of its own, and its origin."""
    server = subprocess.Popen(
        [sys.executable, str(STATIC_SERVER), str(site), str(os.getpid()), "--gzip"],
        stdout=subprocess.PIPE, text=True,
    )
    port = server.stdout.readline().split()[-1]
    return server, f"http://127.0.0.1:{port}"


def lighthouse(url: str, output: Path) -> dict:
    """One Lighthouse run of `url`, its JSON report written to `output` and returned."""
    command = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
        "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(output.read_text(encoding="utf-8"))


def measure(site: Path, runs: int, only: list[str]) -> list[Result]:
    """The median run of every page type (or of those named in `only`)."""
    server, origin = serve(site)
    REPORTS.mkdir(exist_ok=True)
    results = []
    try:
        for name, address in page_types(site).items():
            if only and name not in only:
                continue
            stem = re.sub(r"[^a-z0-9]+", "-", name).strip("-")
            reports = [
                lighthouse(f"{origin}/{address}", REPORTS / f"{stem}-{run + 1}.json") for run in range(runs)
            ]
            results.append(median_run([summarise(name, report, origin) for report in reports]))
            print(table(results[-1:]).splitlines()[-1], flush=True)
    finally:
        server.terminate()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is kept")
    parser.add_argument("--page", action="append", default=[], help="only this page type (repeatable)")
    options = parser.parse_args(argv)
    if not (options.site / "index.html").is_file():
        print(f"{options.site} holds no built site: run `make build` first", file=sys.stderr)
        return 2
    results = measure(options.site, options.runs, options.page)
    print("\n" + table(results))
    failed = [result for result in results if failures(result)]
    for result in failed:
        for line in failures(result):
            if os.environ.get("GITHUB_ACTIONS"):
                print(f"::error title=Lighthouse: {result.page}::{line}")
            else:
                print(f"FAILED {line}")
    print(f"\n{len(failed)} of {len(results)} pages fail" if failed else f"\nall {len(results)} pages pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
