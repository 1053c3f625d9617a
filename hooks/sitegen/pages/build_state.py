"""The state of one MkDocs build of one language, made by the site's plugin in `on_config`.

It lives on that build's config under one key (`STATE`) and goes with it: `mkdocs serve` loads a
new config, and so makes a new state, for every rebuild (what lives across them is the session's
`Preview`, `pages/preview.py`, handed in by the plugin). Making it empties the caches of strings,
fields and Markdown (`records/caches.py`), so nothing one build read is seen by the next.

The complete build (`outputs/build.py`) runs MkDocs itself, in the same process, and hands over the
catalog it validated before anything else (`hand_over`): the language builds do not validate again,
and they are the published site. A build that nothing handed a catalog to (`mkdocs serve`, or an
`mkdocs build` on its own) validates `content/` itself and is a preview: no step after MkDocs writes
the downloads its pages would link to, and `mkdocs serve` adds an inline live-reload script that a
Content-Security-Policy would block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import caches
from ..records.catalog import Catalog, CatalogError, load_catalog
from ..records.i18n import Strings
from ..site import Language, language
from . import preview_errors
from .editing import FormTemplateError, check_form_template
from .licence import Licence, LicenceSettingError, licence_of
from .preview import Preview
from .render import CompiledTemplates, Renderer
from .settings import apply as apply_settings
from .theme import LanguageSettingError, Theme, check_languages, public_address, theme_of

STATE = "sitegen_state"
"""The key of the MkDocs config that holds the build's `BuildState`."""
VALIDATED_CATALOG = "sitegen_validated_catalog"
"""The key under which the complete build hands its validated catalog to a language build."""
COMPILED_TEMPLATES = "sitegen_compiled_templates"
"""The key under which it hands over the templates compiled in its earlier languages."""


@dataclass
class BuildState:
    language: Language
    catalog: Catalog
    published: bool
    """Built by the complete build, which writes open data, search index and PDFs after MkDocs;
    otherwise a preview, whose pages name those files without linking them and carry no policy."""
    licence: Licence
    """The open-data licence (`extra.open_data_licence`): the open-data page names it, and the
    complete build writes it into every JSON file."""
    renderer: Renderer | None = None
    """The templates of the build's pages and parts (`pages/render.py`); None while records are invalid."""
    theme: Theme | None = None
    """What the theme's templates read as `vh` (`pages/theme.py`); set once the build's config is."""
    pages: dict[str, Any] = field(default_factory=dict)
    """The build's own pages by their `src_uri` (filled by `generated.add_pages`): a record's, a
    region's, an overview, the focus report to print."""
    errors: CatalogError | None = None
    """`mkdocs serve` with invalid records: the errors its pages show, instead of a catalog (which
    is then empty; see `pages/preview_errors.py`)."""
    session: Preview | None = None
    """The `mkdocs serve` session this build is part of (`pages/preview.py`); None for a build."""

    @property
    def preview(self) -> bool:
        return not self.published

    def warnings_to_print(self) -> list:
        """The catalog's warnings, where no one printed them before: the complete build does, before
        its language builds; a preview with errors shows those instead."""
        return [] if self.published or self.errors is not None else list(self.catalog.warnings)


def hand_over(config, catalog: Catalog, compiled: CompiledTemplates) -> None:
    """Give a language build the catalog the complete build validated and the templates it compiled
    (before `build(config)`)."""
    config[VALIDATED_CATALOG] = catalog
    config[COMPILED_TEMPLATES] = compiled


class BuildStateError(Exception):
    """The build cannot start: invalid records (outside a preview) or settings; the message says why."""


def start(config, session: Preview | None = None) -> BuildState:
    """The state of the build of `config` (an MkDocs config), kept on it, with the config's site name
    and address set for its language; raise BuildStateError. A `session` (`mkdocs serve`) validates
    again only the record files that changed; with invalid records its pages show the errors."""
    if session is not None:
        session.prepare(config, project_root(config))
    caches.clear()
    try:
        check_languages(config)
        apply_settings(config)
        check_form_template(config.extra.get("correction_form", ""), config.repo_url)
        state = _state(config, session)
    except (LanguageSettingError, FormTemplateError, LicenceSettingError) as error:
        raise BuildStateError(str(error)) from None
    except CatalogError as error:
        if session is None:
            raise BuildStateError(str(error)) from None
        state = _state(config, session, errors=error)
    # One name per language, from strings.yml: the header, the titles, the logo's label and the PDF.
    config.site_name = Strings(config.theme["language"]).t("site-name")
    public_address(config)
    shown = str(preview_errors.error_list(state.errors)) if state.errors is not None else ""
    state.theme = theme_of(config, preview_errors=shown)
    compiled = session.templates if session is not None else config.get(COMPILED_TEMPLATES)
    if state.errors is None:
        state.renderer = Renderer(state.catalog, state.language.code, compiled)
    config[STATE] = state
    return state


def _state(config, session: Preview | None, errors: CatalogError | None = None) -> BuildState:
    handed = config.get(VALIDATED_CATALOG)
    if errors is not None:
        catalog = None
    elif handed is not None:
        catalog = handed
    else:
        catalog = load_catalog(project_root(config), session.records if session is not None else None)
    return BuildState(
        language=language(config["theme"]["language"]),
        catalog=catalog,  # type: ignore[arg-type]
        published=handed is not None,
        licence=licence_of(config["extra"]),
        errors=errors,
        session=session,
    )


def state_of(config) -> BuildState:
    return config[STATE]


def project_root(config) -> Path:
    # Relative paths in an inherited config resolve from the child config's folder; both configs
    # sit in the project root, so that folder is the root.
    return Path(config.config_file_path).resolve().parent
