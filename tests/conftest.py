"""Shared fixtures: real builds of the project (with its own or fixture content), a local web
server for a built site, the preview (`mkdocs serve --dirty`, as `make serve` runs it) of a copy of
the project, and headless Debian Chromium driven by Playwright.

The suite runs in parallel (pytest-xdist, `make test`). A built site is built once per test run, by
whichever worker needs it first, into a folder all workers share, and served by a server process of
its own (`tests/static_server.py`) that lives as long as the run (`built_once`); tests only read from
it. Browser contexts are shared by the tests of one module (`contexts`), and so are their pages: a
test gets a page a test before it left unchanged, on a blank document (`take_page`, `give_back`).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from filelock import FileLock

from sitegen import site
from sitegen.outputs.build import POST_BUILD_STEPS, build_site
from sitegen.records.catalog import load_catalog
from sitegen.records.kinds import KINDS

ROOT = Path(__file__).resolve().parents[1]

BUILD_SETTINGS = {"REPO_URL": "https://github.com/example/website", "EDITORS_EMAIL": "redactie@example.org"}
"""The settings the deploy workflow gives a public build (`hooks/sitegen/pages/settings.py`), with
example values: the test sites are built as the public site is. `tests/test_settings.py` builds
without them."""
os.environ.update(BUILD_SETTINGS)
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RECORD_FILES = sorted(
    path for kind in KINDS.values() for path in (ROOT / kind.folder).glob("*.yml")
)
"""The project's own record files, every kind (not the vocabularies, key figures or geodata)."""
HOSTILE_NETWORK = FIXTURES / "hostile-network.yml"
"""A network record whose every text is markup, script or a local file's address (`public_site`)."""
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
STATIC_SERVER = Path(__file__).resolve().parent / "static_server.py"
WITHOUT_PDF = [(name, step) for name, step in POST_BUILD_STEPS if "PDF" not in name]
"""The post-build steps but the focus report's PDFs, for sites whose tests do not read them."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
    "--process-per-site",  # the pages of the test sites share one renderer process (`contexts`)
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


# The quick tier ---------------------------------------------------------------------------------

# Tests that use any of these build a site or run the preview: `make test-quick` leaves them out
# (marker `site`), as it leaves out the browser tests (marker `browser`).
SITE_FIXTURES = {
    "real_served", "fixture_served", "real_site", "fixture_site", "real_url", "fixture_url", "fixture_port",
    "public_site", "synthetic_url", "subpath_url", "preview", "verbose_preview", "rebuild",
}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


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


@dataclass(frozen=True)
class Served:
    """A site built once for this test run and served: its folder and its address."""

    site: Path
    url: str


def _run_folder(tmp_path_factory) -> Path:
    """The folder every process of this test run shares: the controller's base folder under
    pytest-xdist (each worker's own is a folder inside it), the base folder otherwise."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _test_run_pid() -> int:
    """The process of the whole test run: under pytest-xdist a worker's parent, the controller."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()


def built_once(tmp_path_factory, name: str, build: Callable[[Path, str], Path]) -> Served:
    """The site `name`, built once for the whole test run and served at the address it was built
    for (Material's language switch matches the sitemap's addresses by host and path).

    `build(folder, url)` builds into `folder` (for `url`, unless the test wants a site built for
    the public address) and returns the folder to serve. The first worker to ask builds, under a
    lock; the others wait and read the result, or the failure. The server is bound before the
    build, so the address is the site's from the start."""
    folder = _run_folder(tmp_path_factory) / f"built-{name}"
    record, failed = folder / "served.json", folder / "failed.txt"
    with FileLock(f"{folder}.lock"):
        if failed.exists():  # another worker's build of this site failed: one build, one report
            pytest.fail(f"the build of the {name} site failed in another worker:\n{failed.read_text()}")
        if not record.exists():
            folder.mkdir(exist_ok=True)
            www = folder / "www"  # a link to what `build` returns, made once it is built
            server = subprocess.Popen(
                [sys.executable, str(STATIC_SERVER), str(www), str(_test_run_pid())],
                stdout=subprocess.PIPE, text=True,
            )
            port = server.stdout.readline().split()[-1]
            url = f"http://127.0.0.1:{port}/"
            try:
                site = build(folder, url)
            except BaseException as error:
                server.terminate()
                server.wait()
                failed.write_text(f"{type(error).__name__}: {error}")
                raise
            www.symlink_to(site, target_is_directory=True)
            record.write_text(json.dumps({"site": str(site), "url": url, "pid": server.pid}))
        served = json.loads(record.read_text())
    return Served(Path(served["site"]), served["url"])


def pytest_sessionfinish(session) -> None:
    """The controller (or the only process) stops the servers of the run's built sites (they also
    stop by themselves within a second of the run's end)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    base = session.config._tmp_path_factory.getbasetemp()
    for record in base.glob("built-*/served.json"):
        try:
            os.kill(json.loads(record.read_text())["pid"], signal.SIGTERM)
        except ProcessLookupError:
            pass


def _build_project(content: Path | None = None) -> Callable[[Path, str], Path]:
    """A `built_once` build: a copy of the project (with `content` as its records) built completely."""
    return lambda folder, url: build_site(copy_project(folder / "project", content), site_url=url)


@pytest.fixture(scope="session")
def real_served(tmp_path_factory) -> Served:
    return built_once(tmp_path_factory, "real", _build_project())


@pytest.fixture(scope="session")
def fixture_served(tmp_path_factory) -> Served:
    return built_once(tmp_path_factory, "fixture", _build_project(FIXTURES / "content"))


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Path:
    """The fixture records and a network whose every text is markup, script or a local file's
    address (`HOSTILE_NETWORK`), built as `make build` builds them: for the public address (no
    SITE_URL), with every post-build step."""

    def build(folder, url):  # for the public address, whatever address serves it
        project = copy_project(folder / "project", FIXTURES / "content")
        (project / "content" / "networks" / "vijandig.yml").write_bytes(HOSTILE_NETWORK.read_bytes())
        with pytest.MonkeyPatch.context() as patch:
            patch.delenv("SITE_URL", raising=False)
            return build_site(project)

    return built_once(tmp_path_factory, "public", build).site


@pytest.fixture(scope="session")
def real_site(real_served) -> Path:
    """The project's own content, built completely (both languages and every post-build step)."""
    return real_served.site


@pytest.fixture(scope="session")
def fixture_site(fixture_served) -> Path:
    """A small site from tests/fixtures/content: merged networks, a parent, hostile text, no English."""
    return fixture_served.site


@pytest.fixture(scope="session")
def real_url(real_served) -> str:
    return real_served.url


@pytest.fixture(scope="session")
def fixture_url(fixture_served) -> str:
    return fixture_served.url


@pytest.fixture(scope="session")
def fixture_port(fixture_served) -> int:
    """The port the fixture site was built for (a second build for the same address compares equal)."""
    return int(fixture_served.url.rsplit(":", 1)[1].strip("/"))


@pytest.fixture
def fixture_project(tmp_path) -> Path:
    """A fresh, unbuilt copy of the project with the fixture records, for tests that change it."""
    return copy_project(tmp_path / "project", FIXTURES / "content")


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


@pytest.fixture(scope="module")
def contexts(browser):
    """`contexts(**options)`: the browser context of this module's tests with those options (made
    on first use, closed after the module), so its tests share one cache and pay for one context.
    Every context records Content-Security-Policy violations; one that bypasses the policy
    (`bypass_csp=True`, for axe-core) has axe-core in every page it opens."""
    made = {}

    def get(**options):
        key = repr(sorted(options.items()))
        if key not in made:
            context = browser.new_context(**options)
            context.add_init_script(_RECORD_CSP_VIOLATIONS)
            if options.get("bypass_csp"):
                if not AXE.exists():
                    pytest.fail("axe-core is missing: `make test` installs it from package-lock.json")
                context.add_init_script(path=str(AXE))
            _keep_a_renderer(context)
            context.idle_pages = []
            context.new_cdp_session = _marks_changed(context.new_cdp_session)  # of the page it is given
            made[key] = context
        return made[key]

    yield get
    for context in made.values():
        context.close()


def _keep_a_renderer(context) -> None:
    """Open a page of the test sites' host in `context` and keep it open: while it lives, the pages
    the tests open (and close) reuse its renderer process instead of starting one each, which
    halves the cost of a new page. The page is answered by the browser itself, never by a server."""
    anchor = context.new_page()
    page = "<!doctype html><title>-</title>"
    anchor.route("**/*", lambda route: route.fulfill(content_type="text/html", body=page))
    anchor.goto("http://127.0.0.1:9/")


# What a test may change on its page beyond what it loads into it: a page it changed is closed after
# it, every other page goes back to its context for the next test (`take_page`, `give_back`).
_PAGE_CHANGES = (
    "on", "once", "route", "route_from_har", "route_web_socket", "emulate_media", "expose_function",
    "expose_binding", "add_init_script", "set_extra_http_headers", "add_locator_handler",
)


def take_page(context, width: int = 1280, height: int = 720):
    """A page of `context` in a window `width` x `height`: one a test before left unchanged (a new
    page costs the browser more than a test's own page load), else a new one."""
    idle = context.idle_pages
    page = idle.pop() if idle else _open_page(context)
    page.set_viewport_size({"width": width, "height": height})
    return page


def _open_page(context):
    page = context.new_page()
    page.foreign_requests = []
    page.dialogs = []
    page.in_flight = set()
    page.changed = False
    page.on("request", lambda request: page.foreign_requests.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else None)
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.csp_violations = lambda: page.evaluate("window.__vhCspViolations || []")
    page.on("request", lambda request: page.in_flight.add(request))
    page.on("requestfinished", lambda request: page.in_flight.discard(request))
    page.on("requestfailed", lambda request: page.in_flight.discard(request))
    for name in _PAGE_CHANGES:
        setattr(page, name, _marks_changed(getattr(page, name), page))
    return page


def _marks_changed(method, page=None):
    """`method`, marking the page it changes (`page`, or else its first argument) as changed."""

    def changing(*args, **kwargs):
        (page or args[0]).changed = True
        return method(*args, **kwargs)

    return changing


def give_back(page) -> None:
    """After a test: a page the test left unchanged goes back to its context, on a blank document,
    with the pointer in the window's corner and nothing recorded; any other is closed."""
    from playwright.sync_api import Error as PlaywrightError

    if page.is_closed():
        return
    if not page.changed:
        try:
            page.goto("about:blank")
            page.mouse.move(0, 0)
        except PlaywrightError:  # the test left the page unable to go on
            page.changed = True
    if page.changed:
        page.close()
        return
    page.foreign_requests.clear()
    page.dialogs.clear()
    page.in_flight.clear()
    page.context.idle_pages.append(page)


def settle(page, quiet_frames: int = 5, seconds: float = 30) -> None:
    """Wait until the page has loaded and none of its requests has been under way for `quiet_frames`
    frames in a row (about 80 ms, and at least two frames after the site's scripts have run): what
    `networkidle` asks, without its fixed half second of silence. Fails after `seconds`."""
    page.wait_for_load_state("load")
    deadline, quiet = time.monotonic() + seconds, 0
    while quiet < quiet_frames:
        if time.monotonic() > deadline:
            raise AssertionError(f"requests still under way: {[request.url for request in page.in_flight]}")
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        quiet = 0 if page.in_flight else quiet + 1


@pytest.fixture
def page(contexts):
    """A browser page (1280 x 720) on a blank document, new or left unchanged by an earlier test
    (`take_page`), that records every request to another host, every dialog and every
    Content-Security-Policy violation (`page.csp_violations()`)."""
    page = take_page(contexts())
    yield page
    give_back(page)


@pytest.fixture
def page_at(contexts):
    """`page_at(width, height=800, **options)`: a page as `page`, in a window `width` CSS pixels
    wide, in the module's context with those options (`java_script_enabled=False`, `bypass_csp=True`)."""
    pages = []

    def make(width: int, height: int = 800, **options):
        pages.append(take_page(contexts(**options), width, height))
        return pages[-1]

    yield make
    for page in pages:
        give_back(page)


@pytest.fixture
def page_without_csp(page_at):
    """The same, with the site's Content-Security-Policy switched off and axe-core in the page."""
    return page_at(1280, 720, bypass_csp=True)


def pdf_text(pdf: Path) -> str:
    """A PDF's text as pdftotext reads it, all whitespace (line ends included) folded to single spaces."""
    command = ["pdftotext", "-enc", "UTF-8", str(pdf), "-"]
    return " ".join(subprocess.run(command, capture_output=True, text=True, check=True).stdout.split())
