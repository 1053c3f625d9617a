"""The MkDocs plugin of the site: it adapts MkDocs' events to the stages, and holds nothing else.

Both builds (`mkdocs.yml`, Dutch, and `mkdocs.en.yml`, English) use it; the language comes from
`theme.language`. MkDocs makes the plugin once per process and, since it handles `on_startup`,
keeps it across the rebuilds of `mkdocs serve`: the preview session lives on it (`self.session`),
each build's state on that build's config (`pages/build_state.py`).

- `on_startup` starts the session of `mkdocs serve` (`pages/preview.py`): record files that did not
  change are not validated again, and with `--dirty` (`make serve`) only the pages that show a
  changed record are rebuilt;
- `on_config` makes the build's state: the catalog, validated with all errors at once before
  `site/` is touched (or handed over by the complete build), the languages checked against the site
  model and what the theme's templates read (`pages/theme.py`); in `mkdocs serve` invalid records
  do not stop the preview: its pages show the errors instead (`pages/preview_errors.py`);
- `on_files` adds the generated pages (`pages/generated.py`), `on_nav` titles the sections,
  `on_page_markdown` / `on_page_content` put the record HTML into the pages and fill the markers of
  hand-written pages, `on_env` gives the theme's templates `vh`, `on_page_context` the footer's
  e-mail link with the page prefilled;
- `on_post_page` / `on_post_template` give the published site's pages their Content-Security-Policy
  (`pages/csp.py`): a preview goes without, as `mkdocs serve` injects a live-reload script.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Section

from .pages import csp, generated, preview
from .pages.build_state import BuildStateError, start, state_of
from .pages.editing import editors_mail
from .records.i18n import Strings

log = logging.getLogger("mkdocs.plugins.sitegen")


class SitePlugin(BasePlugin):
    def __init__(self) -> None:
        self.session: preview.Preview | None = None
        """The `mkdocs serve` session; None for `mkdocs build`."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.session = preview.Preview(incremental=dirty) if command == "serve" else None
        if self.session is not None and dirty:
            preview.quiet_dirty_warning()

    def on_shutdown(self) -> None:
        preview.quiet_dirty_warning(False)

    @event_priority(50)  # before Material's search: the preview may switch it off (pages/preview.py)
    def on_config(self, config):
        try:
            state = start(config, self.session)
        except BuildStateError as error:
            raise PluginError(str(error)) from None
        for warning in state.warnings_to_print():  # info: --strict stops on warnings, these are allowed
            log.info(str(warning))
        return config

    def on_files(self, files, *, config):
        files = generated.add_pages(files, config, state_of(config))
        preview.prepare_dirty_build(state_of(config), files, config)
        return files

    def on_nav(self, nav, *, config, files):
        strings = Strings(config.theme["language"])
        for item in nav.items:
            if isinstance(item, Section) and item.children:
                folder = getattr(getattr(item.children[0], "file", None), "src_uri", "").split("/")[0]
                item.title = strings.t(f"section-{folder}")
        return nav

    def on_env(self, env, *, config, files):
        env.globals["vh"] = state_of(config).theme
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        try:
            return generated.page_markdown(markdown, page, state_of(config))
        except generated.UnknownMarker as error:
            raise PluginError(str(error)) from None

    def on_page_content(self, html, *, page, config, files):
        return generated.page_content(html, page, config, state_of(config))

    def on_page_context(self, context, *, page, config, nav):
        context["editors_mail"] = editors_mail(config, page)
        return context

    def on_post_page(self, output, *, page, config):
        return output if state_of(config).preview else csp.with_policy(output)

    def on_post_template(self, output_content, *, template_name, config):
        if state_of(config).preview or not template_name.endswith(".html"):
            return output_content  # sitemap.xml and the like
        return csp.with_policy(output_content)

    def on_post_build(self, *, config) -> None:
        if self.session is not None:
            self.session.finished()

    def on_build_error(self, *, error) -> None:
        if self.session is not None:
            self.session.failed()
