"""MkDocs hook: the Content-Security-Policy of every built page (`sitegen.pages.csp`).

Only for the published site (`make build`): `mkdocs serve` injects a live-reload script that no
policy of ours could know, so a preview goes without one (see `sitegen.pages.build_state`).
"""

from __future__ import annotations

from sitegen.pages import csp
from sitegen.pages.build_state import state_of


def on_post_page(output: str, page, config) -> str:
    return output if state_of(config).preview else csp.with_policy(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    if state_of(config).preview or not template_name.endswith(".html"):
        return output_content  # sitemap.xml and the like
    return csp.with_policy(output_content)
