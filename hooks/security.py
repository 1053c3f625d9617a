"""MkDocs hook: the Content-Security-Policy of every built page (`sitegen.pages.csp`).

Only for `mkdocs build`: `mkdocs serve` injects a live-reload script that no policy of ours
could know, so the preview goes without one (hooks/records.py marks the config as a preview).
"""

from __future__ import annotations

from sitegen.pages import csp
from sitegen.outputs.build_context import PREVIEW


def on_post_page(output: str, page, config) -> str:
    return output if config.get(PREVIEW) else csp.with_policy(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    if config.get(PREVIEW) or not template_name.endswith(".html"):
        return output_content  # sitemap.xml and the like
    return csp.with_policy(output_content)
