"""The complete build: validate, build both languages, run the post-build steps, swap into site/.

`mkdocs build` empties its `site_dir` first, and the Dutch build's `site/` contains `site/en/`.
So both languages are built in parallel into a staging folder, the later steps run there, and
only when every step has passed does the staging folder replace `site/`. A failed build leaves
the last good site untouched, byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..site import DEFAULT_LANGUAGE, LANGUAGES, language
from .build_context import BuildContext, BuildFailed
from ..records.catalog import VALIDATED_CATALOG_ENV, CatalogError, load_catalog, save_validated
from .open_data import write_open_data
from .pdf import write_report_pdfs
from .search_index import index_site

__all__ = ["BuildFailed", "build_site", "mkdocs_env", "report_catalog_errors"]

STAGING_DIR = ".build"

PostBuildStep = Callable[[BuildContext], None]
"""A step after both MkDocs builds, called with the build's context."""

POST_BUILD_STEPS: list[tuple[str, PostBuildStep]] = [
    ("open data", write_open_data),
    ("search index", index_site),
    ("focus report PDF", write_report_pdfs),
]


def report_catalog_errors(error: CatalogError, stream=sys.stderr) -> None:
    """Print every record error; inside GitHub Actions also as annotations on the changed lines."""
    print(error, file=stream)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for item in error.errors:
            print(item.github_annotation(), file=stream)


def mkdocs_env(site_url: str | None = None) -> dict[str, str]:
    # MATERIAL_SEARCH=false: the built site searches with Pagefind (search_index.py); Material's
    # own search plugin stays on only for `make serve`.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", MATERIAL_SEARCH="false")
    if site_url:
        base = site_url if site_url.endswith("/") else site_url + "/"
        env["SITE_URL"] = base
        env["SITE_URL_EN"] = base + LANGUAGES[1].path
    return env


def _build_languages(root: Path, staging: Path, env: dict[str, str]) -> dict[str, Path]:
    """Run one `mkdocs build --strict` per language in parallel; return each language's output."""
    outputs = {lang.code: staging / f"build-{lang.code}" for lang in LANGUAGES}
    processes = {
        lang.code: subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", lang.config_file, "-d", str(outputs[lang.code])],
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        for lang in LANGUAGES
    }
    failures = []
    for lang, process in processes.items():
        output, _ = process.communicate()
        if process.returncode != 0:
            failures.append(f"--- mkdocs build ({language(lang).config_file}) failed:\n{output}")
    if failures:
        raise BuildFailed("\n".join(failures))
    return outputs


def build_site(root: Path, site_url: str | None = None, steps: list | None = None) -> Path:
    """Build the whole site into `root/site`; raise CatalogError or BuildFailed, leaving site/ as it was."""
    root = root.resolve()
    catalog = load_catalog(root)  # fail fast, with every error, before any build starts
    staging_root = root / STAGING_DIR
    staging = staging_root / f"staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        env = mkdocs_env(site_url)
        handoff = staging / "validated-catalog.pickle"
        save_validated(catalog, handoff)
        env[VALIDATED_CATALOG_ENV] = str(handoff)
        outputs = _build_languages(root, staging, env)
        site = outputs[DEFAULT_LANGUAGE.code]
        for lang in LANGUAGES[1:]:
            outputs[lang.code].rename(site / lang.path)
        for name, step in POST_BUILD_STEPS if steps is None else steps:
            started = time.perf_counter()
            step(BuildContext(root=root, site=site, catalog=catalog))
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
