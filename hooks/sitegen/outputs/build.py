"""The complete build: validate, build both languages, run the post-build steps, swap into site/.

`mkdocs build` empties its `site_dir` first, and the Dutch build's `site/` contains `site/en/`.
So every language is built into a staging folder, the later steps run there, and only when every
step has passed does the staging folder replace `site/`. A failed build leaves the last good site
untouched, byte for byte.

The records are validated once, first; MkDocs then runs in this process, language after
language, and each build gets the validated catalog handed over on its config
(`pages/build_state.py`), so no build validates again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..pages.build_state import BuildState, hand_over, state_of
from ..pages.render import CompiledTemplates
from ..pages.settings import ADDRESS, Setting, contact_of
from ..records.catalog import Catalog, CatalogError, RecordError, load_catalog
from ..records.messages import message
from ..site import DEFAULT_LANGUAGE, LANGUAGES, Language
from .build_context import BuildContext, BuildFailed
from .feeds import write_feeds
from .open_data import write_open_data
from .pdf import write_report_pdfs
from .reproducible import source_date_epoch
from .search_index import index_site
from .security_txt import write_security_txt

__all__ = ["BuildFailed", "build_language", "build_site", "report_catalog_errors", "report_catalog_warnings"]

STAGING_DIR = ".build"

PostBuildStep = Callable[[BuildContext], None]
"""A step after both MkDocs builds, called with the build's context."""

POST_BUILD_STEPS: list[tuple[str, PostBuildStep]] = [
    ("open data", write_open_data),
    ("news feeds", write_feeds),
    ("search index", index_site),
    ("focus report PDF", write_report_pdfs),
    ("security.txt", write_security_txt),
]


def report_catalog_errors(
    error: CatalogError, stream=None, head: str = "build.problems", lang: str | None = None
) -> None:
    """Print every record error (in the messages' language `lang`); inside GitHub Actions also as
    annotations on the changed lines."""
    stream = stream or sys.stderr
    print(error.report(lang, head=head), file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for item in error.errors:
            print(item.github_annotation(lang), file=stream)


def report_catalog_warnings(
    catalog, stream=None, also: Iterable[RecordError] = (), lang: str | None = None
) -> None:
    """Print what is allowed but worth a look; inside GitHub Actions also as annotations. `also`:
    warnings found beside the catalog's own (the stale records of `make check`)."""
    stream = stream or sys.stderr
    warnings = [*catalog.warnings, *also]
    if not warnings:
        return
    print(message("check.warnings", count=len(warnings)).text(lang), file=stream)
    for item in warnings:
        print(item.text(lang), file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for item in warnings:
            print(item.github_annotation(lang), file=stream)


class _Collected(logging.Handler):
    """What MkDocs logs during a build, kept for the error message (MkDocs' own command line
    would print it; inside the complete build it is shown only when the build fails)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} - {record.getMessage()}")


def _config(root: Path, lang: Language, **options):
    """The MkDocs config of one language's build (nothing built)."""
    from mkdocs.config import load_config

    return load_config(str(root / lang.config_file), **options)


def build_language(
    root: Path,
    lang: Language,
    output: Path,
    catalog: Catalog,
    site_url: str | None = None,
    compiled: CompiledTemplates | None = None,
) -> BuildState:
    """`mkdocs build --strict` of one language into `output`, in this process, with the validated
    catalog (and the templates compiled by the languages before it) handed over to the build's state
    (`pages/build_state.py`); return that state; raise BuildFailed."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collected, propagate = _Collected(), logger.propagate
    logger.addHandler(collected)
    logger.propagate = False
    try:
        options = {"site_dir": str(output), "strict": True}
        if site_url:
            options["site_url"] = site_url
        config = _config(root, lang, **options)
        # The built site searches with Pagefind (search_index.py); Material's search is for `make serve`.
        config.plugins["material/search"].config.enabled = False
        hand_over(config, catalog, compiled or CompiledTemplates())
        config.plugins.on_startup(command="build", dirty=False)  # as MkDocs' own `mkdocs build` does
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return state_of(config)
    except MkDocsException as error:
        output_text = "\n".join([*collected.lines, error.format_message()])
        raise BuildFailed(f"--- mkdocs build ({lang.config_file}) failed:\n{output_text}") from None
    finally:
        logger.removeHandler(collected)
        logger.propagate = propagate


def _build_languages(
    root: Path, staging: Path, catalog: Catalog, site_url: str | None
) -> tuple[dict[str, Path], dict[str, BuildState]]:
    """Build every language into the staging folder; report the failures of all of them at once.
    Return each language's output folder and build state."""
    base = (site_url if site_url.endswith("/") else site_url + "/") if site_url else None
    outputs = {lang.code: staging / f"build-{lang.code}" for lang in LANGUAGES}
    states = {}
    failures = []
    compiled = CompiledTemplates()  # the languages' pages share their templates
    for lang in LANGUAGES:
        try:
            states[lang.code] = build_language(
                root, lang, outputs[lang.code], catalog, base and base + lang.path, compiled
            )
        except BuildFailed as failure:
            failures.append(str(failure))
    if failures:
        raise BuildFailed("\n".join(failures))
    return outputs, states


def build_site(
    root: Path,
    site_url: str | None = None,
    steps: list | None = None,
    lang: str | None = None,
    public: bool = False,
) -> Path:
    """Build the whole site into `root/site`; raise CatalogError or BuildFailed, leaving site/ as it
    was. `lang`: the language of the messages about records. `public`: refuse to publish while a
    setting the public site needs is empty (`pages/settings.py`)."""
    root = root.resolve()
    catalog = load_catalog(root)  # fail fast, with every error, before any build starts
    report_catalog_warnings(catalog, lang=lang)
    newest = max((entry.record.last_verified for entry in catalog.all_entries()), default=None)
    settings = _Settings(public, bool(site_url or os.environ.get(ADDRESS.variable)), lang)
    if public:  # refuse before anything is built
        settings.check(contact_of(_config(root, DEFAULT_LANGUAGE)).empty_settings())
    with _environment(SOURCE_DATE_EPOCH=source_date_epoch(root, newest)):  # see reproducible.py
        return _build(root, catalog, site_url, steps, settings)


@dataclass(frozen=True)
class _Settings:
    """Says which settings a build found empty (`pages/settings.py`) and, for a public build, refuses
    to publish while one is."""

    public: bool
    address_given: bool
    lang: str | None

    def check(self, empty: list[Setting]) -> None:
        if not self.address_given:
            empty = [ADDRESS, *empty]
        for setting in empty:
            said = message(setting.message, name=setting.name, variable=setting.variable)
            print(said.text(self.lang), file=sys.stderr)
        if empty and self.public:
            raise BuildFailed(message("settings.refused").text(self.lang))


@contextlib.contextmanager
def _environment(**values: str):
    """Set environment variables for the duration of the build (its steps and its subprocesses)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _build(root: Path, catalog, site_url: str | None, steps: list | None, settings: _Settings) -> Path:
    staging_root = root / STAGING_DIR
    staging = staging_root / f"staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        outputs, states = _build_languages(root, staging, catalog, site_url)
        contact = states[DEFAULT_LANGUAGE.code].theme.contact
        settings.check(contact.empty_settings())
        site = outputs[DEFAULT_LANGUAGE.code]
        # The English config inherits the Dutch one, so both read the same licence setting.
        licence = states[DEFAULT_LANGUAGE.code].licence
        addresses = {code: state.theme.language_roots[code] for code, state in states.items()}
        for lang in LANGUAGES[1:]:
            outputs[lang.code].rename(site / lang.path)
        for name, step in POST_BUILD_STEPS if steps is None else steps:
            started = time.perf_counter()
            step(BuildContext(root, site, catalog, licence, addresses, contact))
            print(f"{name}: {time.perf_counter() - started:.2f} s")
        _swap(site, root / "site", staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return root / "site"


def _swap(new: Path, target: Path, staging: Path) -> None:
    """Replace `target` by `new` with two renames, so a reader never sees half a site."""
    old = staging / "previous-site"
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
