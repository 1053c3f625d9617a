"""Benchmarks of the build, against the budgets in DESIGN.md. `make benchmark` runs it.

    python benchmarks/run.py [--initiatives 1000 5000] [--repeat 3] [--skip-real]

Builds the real content and sites of synthetic records (benchmarks/generate.py, fixed seed), one
per `--initiatives` size, and prints one table of medians over `--repeat` runs of CPU time (these
machines are noisy and shared: a build's CPU time, its own and its children's, moves far less than
its wall time), every budget of DESIGN.md beside its figure as met or NOT MET:

- validation: loading and checking every record (in-process);
- per-language build: one language's MkDocs build on its own, as the complete build runs it
  (`build_language`, validation included), and the complete build (`sitegen build`: both
  languages plus every post-build step);
- a plain Material build of the same number of pages (Material's defaults, one page per record
  with the record's description, pages outside the navigation as in the real site), for the
  ratios DESIGN.md asks: each language / plain, complete / plain of all pages;
- the same site written by hand (benchmarks/handwritten.py: the project's pages and nav, one
  plain Markdown page per record with the same text, no hook, no overrides): each language
  without search, and both languages with Material's search, for the ratios DESIGN.md's budgets
  name (language / hand-written, complete / hand-written bilingual with search);
- where a language build's time goes: a cProfile run of the Dutch build, its own time grouped by
  component (MkDocs, Material's templates, the record templates, Markdown, validation, post-build);
- the editor's loop: `make serve`'s rebuild after a save to one record (benchmarks/preview.py);
- linear growth: every step's cost per initiative at each synthetic size, and the ratio of the
  largest size's to the smallest's (about 1 or less: linear);
- the largest record page's HTML;
- Pagefind indexing of the finished site;
- bytes a search query downloads, measured in headless Chromium (every response under
  pagefind/, as gzip sends it): the search engine the box loads as it opens, then the query's
  own index chunks and result fragments, each query in a fresh browser;
- peak memory (max RSS) of each build process;
- the size of the region map inline on the home page (map, legend, credit and its table) and of the
  largest locator map file;
- the focus-report PDF per language, rendered again into the built site.

Not part of the test suite: it takes minutes at 5,000 initiatives.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from generate import generate  # benchmarks/ is the folder of this script, so on its path
from handwritten import write_handwritten
from sitegen.outputs.search_index import pagefind_command
from sitegen.records.catalog import load_catalog
from sitegen.records.kinds import KINDS
from sitegen.site import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]

CONFIGS = {language.code: language.config_file for language in LANGUAGES}

CHROMIUM = "/usr/bin/chromium"
QUERIES = {"nl": ["netwerken", "opleidingen techniek", "samen"], "en": ["networks", "technical courses"]}
"""Queries typed in the search box; the worst one is reported. "samen" is in every synthetic
initiative's title ("Samen sterk in …"): a word on every one of 5,000 pages."""
TYPING_DELAY_MS = 150
"""A brisk typist; the box searches once typing pauses (search.js), not for every prefix."""
BUDGETS = {
    "query_bytes": 150_000,  # a search query at 5,000
    "pagefind_seconds": 30.0,  # at 5,000
    "validation_seconds": 2.0,  # 5,000 records
    "check_real_seconds": 1.0,  # `make check` of the real content
    "complete_real_seconds": 10.0,  # the complete build of the real content
    "handwritten_ratio": 1.3,  # each language and the complete build against the hand-written site
    "peak_mib": 1024,
    "preview_real_seconds": 0.5,  # `make serve` after a save, real content
    "preview_seconds": 1.0,  # the same at 1,000 initiatives
    "preview_size": 1000,
    "record_page_bytes": 60_000,
    "growth_ratio": 1.2,  # cost per initiative at the largest size / at the smallest: linear (or less)
}
"""DESIGN.md's budgets, printed beside the figures as met or NOT MET."""
PREVIEW_SAVES = 5


# Measuring -------------------------------------------------------------------------------------


def run_measured(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Run a command; return (CPU seconds, peak memory in MiB) of that process and its children."""
    seconds, peak, _ = _run(command, cwd, env)
    return seconds, peak


def _run(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, str]:
    """(CPU seconds, user and system, of the process and the children it waited for; peak MiB; output)."""
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-4000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def repeat(times: int, measure: Callable[[], float | tuple]) -> list:
    return [measure() for _ in range(times)]


def validation_seconds(project: Path) -> float:
    started = time.process_time()
    catalog = load_catalog(project)
    seconds = time.process_time() - started
    assert catalog.all_entries()
    return seconds


def language_build(project: Path, lang: str, out: Path) -> tuple[float, float]:
    """One language's MkDocs build as the complete build runs it (`build_language`), validation
    included, in a child process."""
    shutil.rmtree(out, ignore_errors=True)
    return run_measured([sys.executable, "-c", _LANGUAGE_BUILD, str(project), lang, str(out)], project)


def complete_build(project: Path) -> tuple[float, float, dict[str, float]]:
    """`python -m sitegen build` in a child process; (CPU seconds, peak MiB, seconds of each
    post-build step as the build reports them: wall time)."""
    seconds, peak, output = _run([sys.executable, "-c", _COMPLETE_BUILD, str(project)], project)
    steps = {}
    for line in output.splitlines():
        name, _, value = line.rpartition(": ")
        if name and value.endswith(" s"):
            try:
                steps[name] = float(value[:-2])
            except ValueError:
                pass
    return seconds, peak, steps


_COMPLETE_BUILD = (
    "import sys; from pathlib import Path; from sitegen.outputs.build import build_site; "
    "build_site(Path(sys.argv[1]))"
)
_LANGUAGE_BUILD = (
    "import sys; from pathlib import Path; from sitegen.outputs.build import build_language; "
    "from sitegen.records.catalog import load_catalog; from sitegen.site import language; "
    "root = Path(sys.argv[1]); "
    "build_language(root, language(sys.argv[2]), Path(sys.argv[3]), load_catalog(root))"
)


def plain_material_build(pages: int, source: Path, out: Path) -> tuple[float, float]:
    """A plain MkDocs Material site of `pages` pages with the records' descriptions as Markdown."""
    project = out / "plain"
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    docs.mkdir(parents=True)
    records = sorted((source / "content" / "initiatives").glob("*.yml"))
    import yaml

    texts = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in records[: min(len(records), 200)]]
    (docs / "index.md").write_text("# Home\n\nA plain site.\n", encoding="utf-8")
    for index in range(pages - 1):
        record = texts[index % len(texts)]
        title, summary, description = (record[key]["nl"] for key in ("title", "summary", "description"))
        body = f"# {title} {index}\n\n{summary}\n\n{description}\n"
        (docs / f"page-{index:05d}.md").write_text(body, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nnav:\n  - index.md\n"
        "not_in_nav: |\n  /page-*.md\n",
        encoding="utf-8",
    )
    return run_measured(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out / "plain-site")],
        project,
        dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


def handwritten_build(project: Path, lang: str, out: Path, search: bool = False) -> tuple[float, float]:
    """MkDocs' own `mkdocs build` of one language of the hand-written site (written once per project)."""
    site = out / f"handwritten-{'search' if search else 'plain'}"
    if not site.exists():
        write_handwritten(project, site, search=search)
    return run_measured(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            f"mkdocs.{lang}.yml",
            "-d",
            str(out / f"hw-{lang}"),
        ],
        site,
        dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


COMPONENTS = [
    (
        "record templates",
        (
            "overrides/fragments/",
            "sitegen/pages/render.py",
            "sitegen/pages/facets.py",
            "sitegen/pages/json_ld.py",
            "sitegen/records/i18n.py",
        ),
    ),
    ("Material templates", ("material/templates/", "overrides/", "/jinja2/", "markupsafe")),
    ("Markdown", ("/markdown/", "pymdownx", "sitegen/records/markdown_text.py", "nh3")),
    ("validation", ("sitegen/records/", "pydantic", "yaml")),
    ("post-build steps", ("sitegen/outputs/", "sitegen/pages/csp.py")),
    ("MkDocs", ("/mkdocs/", "sitegen/")),
]
"""Components by the paths of their code, the first match wins (the Jinja runtime counts with
Material's templates, except the record templates' own code)."""


def profile_summary(project: Path, out: Path) -> dict[str, float]:
    """Seconds (own time, under cProfile) of one standalone Dutch `mkdocs build`, by component."""
    stats = out / "build.prof"
    run_measured(
        [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(stats),
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-d",
            str(out / "profiled"),
        ],
        project,
        dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    import pstats

    totals: dict[str, float] = {}
    for (path, _, _), (_, _, own, _, _) in pstats.Stats(str(stats)).stats.items():
        name = next((name for name, parts in COMPONENTS if any(part in path for part in parts)), "other")
        totals[name] = totals.get(name, 0.0) + own
    return totals


def preview_seconds(project: Path) -> float:
    """CPU seconds of `make serve`'s rebuild after a save to one record (median of its saves)."""
    _, _, output = _run(
        [
            sys.executable,
            str(Path(__file__).with_name("preview.py")),
            str(project),
            "--saves",
            str(PREVIEW_SAVES),
        ],
        project,
        dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    line = next(line for line in output.splitlines() if line.startswith("preview: "))
    return float(line.split()[1])


def largest_record_page(site: Path) -> int:
    """Bytes of the largest record page's HTML, in every language."""
    return max(
        path.stat().st_size
        for kind in KINDS.values()
        for path in site.glob(f"**/{kind.section}/*/index.html")
    )


def pagefind_seconds(site: Path, out: Path) -> float:
    """Index the finished site again into a scratch folder (the build's own run is in the steps)."""
    command = pagefind_command(site)
    command[command.index("--output-subdir") : command.index("--output-subdir") + 2] = [
        "--output-path",
        str(out),
    ]
    shutil.rmtree(out, ignore_errors=True)
    return run_measured(command, site)[0]


def pdf_seconds_per_language(project: Path, site: Path) -> dict[str, float]:
    """Seconds the focus-report PDF takes for each language, rendered again into the built site."""
    from sitegen.outputs.pdf import write_report_pdf

    catalog = load_catalog(project)
    seconds = {}
    for lang, config in CONFIGS.items():
        started = time.process_time()
        write_report_pdf(project / config, catalog, site)
        seconds[lang] = time.process_time() - started
    return seconds


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def query_bytes(site: Path) -> dict[str, dict[str, int]]:
    """Per query, in a fresh browser: the bytes (as gzip sends them) of the search engine the box
    loads when it opens (pagefind.js, the wasm file, the page list), then of the query itself (its
    index chunks and the fragments of the results shown)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
            )
            results = {
                f"{lang}: {query}": _one_query(browser, site, base, lang, query)
                for lang, queries in QUERIES.items()
                for query in queries
            }
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return results


def _one_query(browser, site: Path, base: str, lang: str, query: str) -> dict[str, int]:
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))

    def taken(part: str = "/pagefind/") -> list[str]:
        """The files under `part` fetched so far, each once."""
        return sorted({url.removeprefix(base).split("?")[0] for url in fetched if part in url})

    def size(names: list[str]) -> int:
        return sum(_gzip_size(site / name) for name in names)

    page.goto(base + ("" if lang == "nl" else f"{lang}/") + "initiatieven/")
    fetched.clear()
    page.locator("#vh-search-input").click()
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => /pf_meta/.test(e.name))")
    page.wait_for_load_state("networkidle")
    engine = size(taken())
    fetched.clear()
    page.locator("#vh-search-input").press_sequentially(query, delay=TYPING_DELAY_MS)
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-vh-search-status]').textContent)", timeout=30_000
    )
    page.wait_for_load_state("networkidle")
    index, fragments = taken("/pagefind/index/"), taken("/pagefind/fragment/")
    measured = {
        "engine": engine,
        "index": size(index),
        "fragments": size(fragments),
        "other": size([name for name in taken() if name not in index and name not in fragments]),
        "results": page.locator("#vh-search-results a").count(),
    }
    context.close()
    return measured


@functools.cache
def _gzip_size(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


# Reporting -------------------------------------------------------------------------------------


def benchmark(project: Path, label: str, times: int, work: Path, initiatives: int | None = None) -> dict:
    catalog = load_catalog(project)
    records = len(catalog.all_entries())
    pages_per_language = records + len(list((project / "docs" / "nl").rglob("*.md")))
    print(f"[{label}] {records} records, {pages_per_language} pages per language, {times} run(s)", flush=True)
    result: dict = {
        "label": label,
        "records": records,
        "pages": pages_per_language,
        "initiatives": initiatives,
    }
    result["validation"] = median(repeat(times, lambda: validation_seconds(project)))
    for lang in CONFIGS:
        runs = repeat(times, lambda: language_build(project, lang, work / f"lang-{lang}"))
        result[f"build {lang}"] = median([seconds for seconds, _ in runs])
        result[f"peak {lang}"] = max(peak for _, peak in runs)
    runs = repeat(times, lambda: plain_material_build(pages_per_language, project, work))
    result["plain"] = median([seconds for seconds, _ in runs])
    runs = repeat(times, lambda: plain_material_build(pages_per_language * len(CONFIGS), project, work))
    result["plain all"] = median([seconds for seconds, _ in runs])
    for lang in CONFIGS:
        runs = repeat(times, lambda: handwritten_build(project, lang, work))
        result[f"handwritten {lang}"] = median([seconds for seconds, _ in runs])
    runs = repeat(times, lambda: [handwritten_build(project, lang, work, search=True)[0] for lang in CONFIGS])
    result["handwritten all"] = median([sum(seconds) for seconds in runs])
    result["profile"] = profile_summary(project, work)
    result["preview"] = median(repeat(times, lambda: preview_seconds(project)))
    runs = repeat(times, lambda: complete_build(project))
    result["complete"] = median([seconds for seconds, _, _ in runs])
    result["peak complete"] = max(peak for _, peak, _ in runs)
    steps: dict[str, list[float]] = {}
    for _, _, found in runs:
        for name, seconds in found.items():
            steps.setdefault(name, []).append(seconds)
    result["steps"] = {name: median(values) for name, values in steps.items()}
    site = project / "site"
    result["record page"] = largest_record_page(site)
    result["pagefind"] = median(repeat(times, lambda: pagefind_seconds(site, work / "pagefind")))
    per_language = [pdf_seconds_per_language(project, site) for _ in range(times)]
    result["pdf per language"] = {lang: median([run[lang] for run in per_language]) for lang in CONFIGS}
    result["queries"] = query_bytes(site)
    result["map"] = map_bytes(site)
    return result


def map_bytes(site: Path) -> tuple[int, int]:
    """(bytes of the region map inline on the Dutch home page, bytes of the largest locator file)."""
    html = (site / "index.html").read_text(encoding="utf-8")
    start = html.index('<figure class="vh-map"')
    end = html.index("</details>", html.index('id="vh-map-table"', start)) + len("</details>")
    locators = [path.stat().st_size for path in (site / "kaarten").glob("*.svg")]
    return len(html[start:end].encode("utf-8")), max(locators)


def report(results: list[dict]) -> str:
    lines = []
    header = f"{'measure (median; seconds of CPU time)':<56}" + "".join(f"{r['label']:>20}" for r in results)
    header += "   budget"
    lines += [header, "-" * (len(header) + 40)]

    def row(name: str, values: list[str], budget: str = "", applies=None, ok=None) -> None:
        """One line; with `ok`, the budget's verdict over the results it `applies` to."""
        verdict = ""
        if ok is not None:
            judged = [r for r in results if applies is None or applies(r)]
            if not judged:
                verdict = " (not measured in this run)"
            else:
                verdict = " -> met" if all(ok(r) for r in judged) else " -> NOT MET"
        lines.append(
            f"{name:<56}"
            + "".join(f"{value:>20}" for value in values)
            + (f"   {budget}{verdict}" if budget else "")
        )

    def real(r: dict) -> bool:
        return r["initiatives"] is None

    def synthetic(r: dict) -> bool:
        return r["initiatives"] is not None

    def at(size: int):
        return lambda r: r["initiatives"] == size

    row("records / pages per language", [f"{r['records']} / {r['pages']}" for r in results])
    row(
        "validation of all records",
        [f"{r['validation']:.2f} s" for r in results],
        f"< {BUDGETS['validation_seconds']:g} s at 5,000",
        at(5000),
        lambda r: r["validation"] < BUDGETS["validation_seconds"],
    )
    row(
        "  the same, real content (make check)",
        [f"{r['validation']:.2f} s" for r in results],
        f"< {BUDGETS['check_real_seconds']:g} s real",
        real,
        lambda r: r["validation"] < BUDGETS["check_real_seconds"],
    )
    ratio = BUDGETS["handwritten_ratio"]
    for lang in CONFIGS:
        row(
            f"build {lang} (one mkdocs build, validation included)",
            [f"{r[f'build {lang}']:.2f} s" for r in results],
        )
        row(
            f"  hand-written site {lang} (mkdocs build)",
            [f"{r[f'handwritten {lang}']:.2f} s" for r in results],
        )
        row(
            f"  ratio build {lang} / hand-written",
            [f"{r[f'build {lang}'] / r[f'handwritten {lang}']:.2f}" for r in results],
            f"<= {ratio} at 1,000 and 5,000",
            synthetic,
            lambda r, lang=lang: r[f"build {lang}"] / r[f"handwritten {lang}"] <= ratio,
        )
        row("  plain Material build, same pages", [f"{r['plain']:.2f} s" for r in results])
        row(
            f"  ratio build {lang} / plain (no budget)",
            [f"{r[f'build {lang}'] / r['plain']:.2f}" for r in results],
        )
    row(
        "complete build (sitegen build)",
        [f"{r['complete']:.2f} s" for r in results],
        f"< {BUDGETS['complete_real_seconds']:g} s real",
        real,
        lambda r: r["complete"] < BUDGETS["complete_real_seconds"],
    )
    row("  hand-written bilingual site, Material search", [f"{r['handwritten all']:.2f} s" for r in results])
    row(
        "  ratio complete / hand-written bilingual",
        [f"{r['complete'] / r['handwritten all']:.2f}" for r in results],
        f"<= {ratio} at 5,000",
        at(5000),
        lambda r: r["complete"] / r["handwritten all"] <= ratio,
    )
    row("  plain Material build, all pages", [f"{r['plain all']:.2f} s" for r in results])
    row(
        "  ratio complete / plain all pages (no budget)",
        [f"{r['complete'] / r['plain all']:.2f}" for r in results],
    )
    names = sorted({name for r in results for name in r["steps"]})
    for name in names:
        row(f"  step (wall time): {name}", [f"{r['steps'].get(name, float('nan')):.2f} s" for r in results])
    components = [name for name, _ in COMPONENTS] + ["other"]
    for name in components:
        row(
            f"  profile nl (cProfile, own time): {name}",
            [f"{100 * r['profile'].get(name, 0) / sum(r['profile'].values()):.0f} %" for r in results],
        )
    row(
        "make serve: rebuild after a save to one record",
        [f"{r['preview']:.2f} s" for r in results],
        f"< {BUDGETS['preview_real_seconds']:g} s real",
        real,
        lambda r: r["preview"] < BUDGETS["preview_real_seconds"],
    )
    row(
        "",
        [""] * len(results),
        f"< {BUDGETS['preview_seconds']:g} s at {BUDGETS['preview_size']:,}",
        at(BUDGETS["preview_size"]),
        lambda r: r["preview"] < BUDGETS["preview_seconds"],
    )
    row(
        "Pagefind indexing (separate run)",
        [f"{r['pagefind']:.2f} s" for r in results],
        f"< {BUDGETS['pagefind_seconds']:g} s at 5,000",
        at(5000),
        lambda r: r["pagefind"] < BUDGETS["pagefind_seconds"],
    )
    for lang in CONFIGS:
        row(f"focus-report PDF {lang}", [f"{r['pdf per language'][lang]:.2f} s" for r in results])
    for lang in CONFIGS:
        row(
            f"peak memory build {lang}",
            [f"{r[f'peak {lang}']:.0f} MiB" for r in results],
            f"< {BUDGETS['peak_mib']} MiB",
            None,
            lambda r, lang=lang: r[f"peak {lang}"] < BUDGETS["peak_mib"],
        )
    row(
        "peak memory complete build",
        [f"{r['peak complete']:.0f} MiB" for r in results],
        f"< {BUDGETS['peak_mib']} MiB",
        None,
        lambda r: r["peak complete"] < BUDGETS["peak_mib"],
    )
    row(
        "largest record page (HTML)",
        [_kb(r["record page"]) for r in results],
        f"< {BUDGETS['record_page_bytes'] // 1000} KB",
        None,
        lambda r: r["record page"] < BUDGETS["record_page_bytes"],
    )
    row(
        "region map inline (home) / largest locator file",
        [f"{_kb(r['map'][0])} / {_kb(r['map'][1])}" for r in results],
    )
    query_budget = f"< {BUDGETS['query_bytes'] // 1000} KB at 5,000"
    for lang in CONFIGS:
        engine = [
            next((q["engine"] for name, q in r["queries"].items() if name.startswith(f"{lang}:")), 0)
            for r in results
        ]
        row(f"search engine {lang}, loaded as the box opens", [_kb(value) for value in engine])
    for name in sorted({name for r in results for name in r["queries"]}):
        row(
            f"search '{name}': query / with engine",
            [
                f"{_query(r['queries'][name]) / 1000:.0f} / {_kb(_first(r['queries'][name]))}"
                if name in r["queries"]
                else "-"
                for r in results
            ],
        )
    row(
        "worst search query",
        [_kb(max(map(_query, r["queries"].values()))) for r in results],
        query_budget,
        at(5000),
        lambda r: max(map(_query, r["queries"].values())) < BUDGETS["query_bytes"],
    )
    row(
        "worst first query of a fresh visitor",
        [_kb(max(map(_first, r["queries"].values()))) for r in results],
        query_budget + ", read strictly",
        at(5000),
        lambda r: max(map(_first, r["queries"].values())) < BUDGETS["query_bytes"],
    )
    lines += ["", *growth(results)]
    return "\n".join(lines)


GROWTH_STEPS = [
    ("validation", lambda r: r["validation"]),
    *((f"build {lang}", lambda r, lang=lang: r[f"build {lang}"]) for lang in CONFIGS),
    *(
        (f"hand-written {lang} (reference)", lambda r, lang=lang: r[f"handwritten {lang}"])
        for lang in CONFIGS
    ),
    ("complete build", lambda r: r["complete"]),
    ("make serve after a save", lambda r: r["preview"]),
    ("Pagefind indexing", lambda r: r["pagefind"]),
]


def growth(results: list[dict]) -> list[str]:
    """Each step's cost per initiative at each synthetic size, and the largest size's over the
    smallest's: about 1 or less is linear (a fixed cost makes it less)."""
    sizes = sorted((r for r in results if r["initiatives"]), key=lambda r: r["initiatives"])
    if len(sizes) < 2:
        return ["linear growth: needs two synthetic sizes (--initiatives 1000 5000)"]
    first, last = sizes[0], sizes[-1]
    limit = BUDGETS["growth_ratio"]
    sizes_text = f"{first['initiatives']:,} -> {last['initiatives']:,}"
    header = f"{'linear growth: ms per initiative':<56}" + "".join(f"{r['label']:>20}" for r in sizes)
    header += f"{'ratio':>10}   budget"
    lines = [header, "-" * (len(header) + 20)]
    steps = list(GROWTH_STEPS) + [
        (f"step: {name}", lambda r, name=name: r["steps"].get(name, float("nan")))
        for name in sorted({name for r in sizes for name in r["steps"]})
    ]
    for name, value in steps:
        per = [1000 * value(r) / r["initiatives"] for r in sizes]
        if not per[0]:  # a step too quick to measure at the smallest size: no ratio
            lines.append(f"{name:<56}" + "".join(f"{cost:>17.3f} ms" for cost in per) + f"{'-':>10}")
            continue
        ratio = per[-1] / per[0]
        verdict = "met" if ratio <= limit else "NOT MET"
        lines.append(
            f"{name:<56}"
            + "".join(f"{cost:>17.3f} ms" for cost in per)
            + f"{ratio:>10.2f}   <= {limit} ({sizes_text}) -> {verdict}"
        )
    return lines


def _query(measured: dict[str, int]) -> int:
    """What a query downloads once the search engine is there: index chunks and result fragments."""
    return measured["index"] + measured["fragments"] + measured["other"]


def _first(measured: dict[str, int]) -> int:
    return measured["engine"] + _query(measured)


def _kb(size: int) -> str:
    return f"{size / 1000:.0f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--initiatives",
        type=int,
        nargs="+",
        default=[1000, 5000],
        help="synthetic initiatives, one site per size (default 1000 5000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure; the median is reported")
    parser.add_argument("--skip-real", action="store_true", help="only the synthetic site")
    parser.add_argument(
        "--keep", type=Path, help="build in this folder and keep it (default: a temporary one)"
    )
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="vh-benchmark-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        if not args.skip_real:
            real = work / "real"
            shutil.rmtree(real, ignore_errors=True)
            generate(real, 0, 0)  # copies the project; the real records replace the synthetic ones below
            shutil.rmtree(real / "content")
            shutil.copytree(ROOT / "content", real / "content")
            results.append(benchmark(real, "real content", args.repeat, work / "scratch-real"))
        for size in args.initiatives:
            synthetic = generate(work / f"synthetic-{size}", size)
            results.append(
                benchmark(synthetic, f"{size} synthetic", args.repeat, work / f"scratch-{size}", size)
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
