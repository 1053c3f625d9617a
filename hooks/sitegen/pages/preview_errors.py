"""`make serve` with a broken record: a site whose pages show the errors, instead of no site at all.

A build that fails leaves `mkdocs serve` waiting for a good build: the browser's request never
answers and the errors are only in the terminal. So in the preview, a catalog error does not stop
the build. Every page of the site, the page of every record file there is (also the broken one)
and the 404 page show the list of errors, in the editors' language. The preview keeps watching
`content/`: once the file is fixed, the live reload shows the site again. `mkdocs build` and
`make build` still stop on the first invalid record.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..records.catalog import CatalogError
from ..records.kinds import KINDS
from ..records.messages import message
from ..records.schema import is_valid_id


def record_ids(root: Path) -> dict[str, list[str]]:
    """The ids of the record files in `content/`, valid or not, by kind: each gets a page."""
    ids: dict[str, list[str]] = {}
    for kind, record_kind in KINDS.items():
        folder = root / record_kind.folder
        names = sorted(path.stem for path in folder.glob("*.yml")) if folder.is_dir() else []
        ids[kind] = [name for name in names if is_valid_id(name)]
    return ids


def title() -> str:
    return message("serve.title").text()


def error_list(error: CatalogError) -> Markup:
    """The errors as HTML: a heading, what to do, and one item per error (record text escaped)."""
    items = Markup("").join(
        Markup("<li><code>{where}</code> {text}</li>").format(
            where=f"{item.path}:{item.line}:{item.column}",
            text=(f"{item.field}: " if item.field else "") + item.message.text(),
        )
        for item in error.errors
    )
    return Markup(
        '<div class="vh-preview-errors" role="alert">'
        "<h1>{title}</h1><p>{intro}</p><p><strong>{count}</strong></p><ul>{items}</ul></div>"
    ).format(
        title=title(),
        intro=message("serve.intro").text(),
        count=message("check.problems", count=len(error.errors)).text(),
        items=items,
    )
