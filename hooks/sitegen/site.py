"""The site model: the languages the site speaks and the paths that follow from them.

This is the one place that knows them; everything else derives from here: the MkDocs config of
each language (`on_config` checks `extra.languages` in `mkdocs.yml` against `LANGUAGES`), the
language roots, the folder of the records. The kinds of record are declared in `records/kinds/`.
Every stage may import this module; it imports nothing of the package.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

CONTENT_DIR = "content"
"""The folder of the records, the vocabularies and the key figures."""
OVERRIDES_DIR = Path(__file__).resolve().parents[2] / "overrides"
"""The theme overrides and the templates of the generated pages, in the project this package is part of."""


@dataclass(frozen=True)
class Language:
    code: str
    """`nl`, `en`: `theme.language` of its build and `<html lang>` of its pages."""
    name: str
    """Its own name, in the language switch."""
    english_name: str
    """Its name in English: in the schema's descriptions, which are written in English."""
    config_file: str
    """The MkDocs config that builds it."""
    path: str
    """Where its build lives under the site root: `""` for the first language, `"en/"`."""

    def page(self, path: str) -> str:
        """A page's address relative to the site root: `netwerken/x/` -> `en/netwerken/x/`."""
        return self.path + path

    @property
    def up_to_site_root(self) -> str:
        """The way from this language's root to the site root: `""` for the first, `"../"` from `en/`."""
        return root_of(self.path).removeprefix("./")


LANGUAGES: tuple[Language, ...] = (
    Language("nl", "Nederlands", "Dutch", "mkdocs.yml", ""),
    Language("en", "English", "English", "mkdocs.en.yml", "en/"),
)
"""The first is the default language and the root of the site; the others live under their path."""

DEFAULT_LANGUAGE = LANGUAGES[0]
LANGUAGE_CODES = tuple(language.code for language in LANGUAGES)
LANGUAGE_PATHS = tuple(language.path for language in LANGUAGES)


def language(code: str) -> Language:
    for candidate in LANGUAGES:
        if candidate.code == code:
            return candidate
    raise ValueError(f"unknown language {code!r}; the site speaks {', '.join(LANGUAGE_CODES)}")


REGIONS_SECTION = "regios"
"""URL section of the labour-market region pages (`regios/drenthe/`), the same in every language;
a region is known there by its vocabulary code."""
LOCATOR_DIR = "kaarten"
"""Folder of the locator maps (`kaarten/regio-drenthe.svg`) in each language's build."""


def region_path(code: str) -> str:
    """Address of a region page relative to a language's root, e.g. `regios/drenthe/`."""
    return f"{REGIONS_SECTION}/{code}/"


def root_of(url: str) -> str:
    """The way back from a page (its URL relative to a root) to that root, as a prefix for paths:
    `../../` from `netwerken/x/`, `./` from the root itself or `404.html` (MkDocs' own helper)."""
    from mkdocs.utils import get_relative_url  # here: `make check` need not import MkDocs

    return get_relative_url("./", url)


PROJECT_PARTS = (*(language.config_file for language in LANGUAGES), "hooks", "overrides", "docs", CONTENT_DIR,
                 "schemas")
"""What a build reads from the project folder: a copy with these builds on its own (tests, benchmarks)."""


def copy_project(root: Path, target: Path, content: Path | None = None) -> Path:
    """Copy what a build needs from `root` into `target`; `content` replaces the records when given."""
    target.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for part in PROJECT_PARTS:
        source = content if part == CONTENT_DIR and content is not None else root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignore, dirs_exist_ok=True)
        elif source.exists():
            shutil.copy2(source, target / part)
    return target
