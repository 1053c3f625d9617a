"""The focus report as a PDF per language: a post-build step of `make build` (not of `make serve`).

WeasyPrint renders the report assembled by `pages/focus_report.py` through its own print template
(`overrides/print/report.html` and `report.css`), never through the theme's page HTML, which it
renders blank. It reads files of the staged site only: its fetcher refuses every other host and
every file outside the site (`site_fetcher`), because WeasyPrint's default fetcher would fetch
remote addresses and embed a local file named in `<a rel="attachment" href="file:///…">`. The PDF
is tagged (PDF/UA-1) with its title and language set; fonts are the site's own, embedded as subsets.

After writing a PDF the step fills in its size beside the links to it in the focus section. The
languages' PDFs are rendered at the same time, each in a process of its own: WeasyPrint is pure
Python, so threads would take turns; processes use the machine's cores.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jinja2
from markupsafe import Markup

from ..pages.focus_report import SECTION, Report, build_report
from ..pages.formats import format_date, format_size
from ..pages.render import PDF_SIZE_SLOT
from ..records.caches import per_build
from ..records.catalog import Catalog
from ..records.i18n import Strings
from ..site import LANGUAGES, OVERRIDES_DIR, language
from .build_context import BuildContext

PRINT_DIR = OVERRIDES_DIR / "print"
STYLESHEET = "print/report.css"
"""Where MkDocs copies `overrides/print/report.css` in each language's build."""

PDF_VARIANT = "pdf/ua-1"



def allows(site: Path, url: str) -> bool:
    """Whether the report may use `url`: only an existing file inside `site`."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(url2pathname(parts.path)).resolve()
    return path.is_relative_to(Path(site).resolve()) and path.is_file()


def site_fetcher(site: Path):
    """A WeasyPrint URL fetcher that serves the files of `site` and refuses everything else."""
    # Imported here: importing WeasyPrint takes 0.7 s, which `make check` should not pay.
    from weasyprint.urls import URLFetcher

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not allows(site, url):
                raise ValueError(f"the focus report may only use files of the site, not {url}")
            return super().fetch(url, headers)

    return SiteFetcher(allowed_protocols={"file"})


def write_report_pdfs(build: BuildContext) -> None:
    """The post-build step: one PDF per language, beside that language's focus chapters, each
    language in a process of its own (forked where the system can, so the child starts with this
    process's imports; the validated catalog is pickled to it)."""
    root, site, catalog = build.root, build.site, build.catalog
    with ProcessPoolExecutor(len(LANGUAGES), mp_context=_process_start()) as pool:
        jobs = {
            lang.code: pool.submit(
                _timed_report_pdf, root / lang.config_file, catalog, site, build.addresses[lang.code]
            )
            for lang in LANGUAGES
        }
        for code, job in jobs.items():
            path, pages, seconds = job.result()
            print(
                f"  focus report PDF ({code}): {seconds:.2f} s, {pages} pages, "
                f"{path.stat().st_size // 1000} kB"
            )


def _process_start():
    """Fork where the system has it (the child starts with this process's imports and catalog);
    spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _timed_report_pdf(
    config_file: Path, catalog: Catalog, site: Path, address: str
) -> tuple[Path, int, float]:
    started = time.perf_counter()
    path, pages = write_report_pdf(config_file, catalog, site, address)
    return path, pages, time.perf_counter() - started


def write_report_pdf(config_file: Path, catalog: Catalog, site: Path, address: str = "") -> tuple[Path, int]:
    """Render one language's report into its build under `site`; return the PDF and its page count.
    `address`: the public root the language was built for, so links in the PDF point at the same
    site as its pages (without one, the config's `site_url`)."""
    import weasyprint
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    lang = config["theme"]["language"]
    build_root = site / language(lang).path
    site_url = address or config["site_url"] or ""
    report = build_report(config, catalog, link_base=site_url, chapter_level=1)
    html = render_report_html(report, site_url)
    document = weasyprint.HTML(
        string=html, base_url=build_root.resolve().as_uri() + "/", url_fetcher=site_fetcher(site)
    ).render(pdf_variant=PDF_VARIANT)
    target = build_root / SECTION / report.pdf_name
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
    _fill_in_size(build_root / SECTION, target.stat().st_size, lang)
    return target, len(document.pages)


def render_report_html(report: Report, site_url: str) -> str:
    """The report as a standalone HTML document for WeasyPrint."""
    strings = Strings(report.lang)
    return (
        _environment()
        .get_template("report.html")
        .render(
            report=report,
            t=strings.t,
            built=format_date(report.built, report.lang),
            site_url=site_url,
            stylesheet=STYLESHEET,
        )
    )


# Helpers ---------------------------------------------------------------------------------------


@per_build
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(PRINT_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _fill_in_size(folder: Path, size: int, lang: str) -> None:
    filled = str(
        Markup('<span class="vh-pdf-size">{}</span>').format(
            Strings(lang).t("focus-pdf-size", size=format_size(size, lang))
        )
    )
    for page in folder.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        if PDF_SIZE_SLOT in text:
            page.write_text(text.replace(PDF_SIZE_SLOT, filled), encoding="utf-8")
