"""Shared fixtures: real builds of the project (with its own or fixture content), a local web
server for a built site, the preview (`mkdocs serve --dirty`, as `make serve` runs it) of a copy of
the project, and headless Debian Chromium driven by Playwright.

Builds are expensive, so each kind is built once per test session into a temporary copy of the
project; tests only read from them.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitegen import site
from sitegen.outputs.build import build_site
from sitegen.records.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RECORD_FILES = sorted(
    path for kind in site.RECORD_KINDS.values() for path in (ROOT / kind.folder).glob("*.yml")
)
"""The project's own record files, every kind (not the vocabularies, key figures or geodata)."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]


def copy_project(target: Path, content: Path | None = None) -> Path:
    """A copy of the project to build in (`site.PROJECT_PARTS`); `content` replaces the records when given."""
    return site.copy_project(ROOT, target, content)


def load_by_path(path: str):
    """A module of the project that is not part of the installed package (a hook, a benchmark script),
    loaded from its file."""
    spec = importlib.util.spec_from_file_location(Path(path).stem, ROOT / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_cli(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`python -m sitegen ARGS` in `project`, as `make` runs it, with only PATH and `env` set."""
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args], cwd=project, capture_output=True, text=True,
        env={"PATH": os.environ["PATH"], **env},
    )


# Reading built pages ---------------------------------------------------------------------------


def read_page(site: Path, path: str = "") -> str:
    """The HTML of a built page by its address: `netwerken/alpha`, `en/`, `404.html`."""
    target = site / path
    return (target if path.endswith(".html") else target / "index.html").read_text(encoding="utf-8")


def overview_table(html: str) -> str:
    """The overview table of a built overview page and what follows it, without the map's table
    that precedes it."""
    return html[html.index("data-vh-table="):]


def empty_cells(html: str) -> int:
    """The number of empty data cells (`<td ...></td>`) in a table's HTML."""
    return len(re.findall(r"<td\b[^>]*></td>", html))


class ParsedPage(HTMLParser):
    """Just enough of a page: <html lang>, <title>, scripts, JSON-LD blocks, elements and attributes."""

    def __init__(self, text: str):
        super().__init__()
        self.lang = None
        self.title = ""
        self.scripts: list[str] = []
        self.data_blocks: list[str] = []  # <script type="application/ld+json">: data, never run
        self.elements: list[tuple[str, dict]] = []
        self._in = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in {"title", "script"}:
            self._in = tag
            if tag == "script" and attrs.get("type") == "application/ld+json":
                self._in = "data"
                self.data_blocks.append("")
            elif tag == "script":
                self.scripts.append(attrs.get("src") or "")

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script" and self.scripts:
            self.scripts[-1] += data
        elif self._in == "data":
            self.data_blocks[-1] += data


@pytest.fixture
def english_messages(monkeypatch):
    """Record errors and warnings in English (the editors' default, Dutch, is tested in test_messages.py)."""
    monkeypatch.setenv("SITEGEN_MESSAGES", "en")


@pytest.fixture(scope="session")
def fixture_catalog():
    """The records of tests/fixtures/content, validated (the fixture site is built from them)."""
    return load_catalog(FIXTURES)


@pytest.fixture(scope="session")
def real_catalog():
    """The project's own records, validated."""
    return load_catalog(ROOT)


# Building and serving --------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Material's language switch matches the sitemap's addresses by host and path, so each site is
# built for the address it will be served from.
@pytest.fixture(scope="session")
def real_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def fixture_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, real_port) -> Path:
    """The project's own content, built completely (both languages and every post-build step)."""
    project = copy_project(tmp_path_factory.mktemp("real"))
    return build_site(project, site_url=f"http://127.0.0.1:{real_port}/")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, fixture_port) -> Path:
    """A small site from tests/fixtures/content: merged networks, a parent, hostile text, no English."""
    project = copy_project(tmp_path_factory.mktemp("fixture"), FIXTURES / "content")
    return build_site(project, site_url=f"http://127.0.0.1:{fixture_port}/")


@pytest.fixture
def fixture_project(tmp_path) -> Path:
    """A fresh, unbuilt copy of the project with the fixture records, for tests that change it."""
    return copy_project(tmp_path / "project", FIXTURES / "content")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve a folder on localhost from a thread; yield its address."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Preview:
    """A running `mkdocs serve`: its address and the file its output goes to."""

    url: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def builds_done(self) -> int:
        """Builds finished: the first, and each rebuild after a change. MkDocs logs "Documentation
        built in N seconds" only once for each N (a filter drops messages it has logged before), so
        the rebuilds are counted by the live server's own line, which it writes after each one."""
        output = self.output()
        return min(output.count("Documentation built in"), 1) + output.count("Reloading browsers")


def fetch(url: str) -> tuple[int, str]:
    """(status, page) of one request; an error status is an answer too."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", errors="replace")


def wait_until(url: str, check: Callable[[int, str], bool], seconds: float, what: str) -> tuple[int, str]:
    """Fetch `url` until `check(status, page)` holds (the preview rebuilds in the background)."""
    deadline = time.monotonic() + seconds
    last: tuple[int, str] = (0, "")
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if check(*last):
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url}: {what} not seen within {seconds} s; last answer {last[0]}: {last[1][:300]}")


def run_preview(project: Path, *options: str) -> Iterator[Preview]:
    """`mkdocs serve --dirty` (as `make serve` runs it, at the local address) in `project`, on a
    free port; its output goes to a file, so it never blocks on a full pipe. Stops only this process."""
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
    env.pop("SITEGEN_MESSAGES", None)
    log = project.parent / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", "mkdocs.yml"]
            + ["-a", f"127.0.0.1:{port}", *options],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield Preview(f"http://127.0.0.1:{port}/", log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def preview(fixture_project: Path) -> Iterator[Preview]:
    """The preview of a copy of the fixture project (see `run_preview`)."""
    yield from run_preview(fixture_project)


@pytest.fixture(scope="session")
def real_url(real_site, real_port) -> Iterator[str]:
    yield from serve(real_site, real_port)


@pytest.fixture(scope="session")
def fixture_url(fixture_site, fixture_port) -> Iterator[str]:
    yield from serve(fixture_site, fixture_port)


@pytest.fixture(scope="session")
def browser():
    import playwright.sync_api as playwright_api  # a broken install fails here, never skips

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Collects the page's Content-Security-Policy violations from its first script on.
_RECORD_CSP_VIOLATIONS = """
window.__vhCspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__vhCspViolations.push(`${event.violatedDirective} ${event.blockedURI || "inline"}`);
});
"""


def _new_page(browser, **options):
    context = browser.new_context(**options)
    context.add_init_script(_RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.foreign_requests = []
    page.dialogs = []
    page.on("request", lambda request: page.foreign_requests.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.csp_violations = lambda: page.evaluate("window.__vhCspViolations || []")
    return context, page


@pytest.fixture
def page(browser):
    """A fresh browser page that records every request to another host, every dialog and every
    Content-Security-Policy violation (`page.csp_violations()`)."""
    context, page = _new_page(browser)
    yield page
    context.close()


@pytest.fixture
def page_at(browser):
    """`page_at(width)`: a fresh page as `page`, in a window `width` CSS pixels wide."""
    contexts = []

    def make(width: int, height: int = 800, **options):
        context, page = _new_page(browser, viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page_without_csp(browser):
    """The same, with the site's Content-Security-Policy switched off: for injecting axe-core."""
    context, page = _new_page(browser, bypass_csp=True)
    yield page
    context.close()


def pdf_text(pdf: Path) -> str:
    """A PDF's text as pdftotext reads it, all whitespace (line ends included) folded to single spaces."""
    command = ["pdftotext", "-enc", "UTF-8", str(pdf), "-"]
    return " ".join(subprocess.run(command, capture_output=True, text=True, check=True).stdout.split())
