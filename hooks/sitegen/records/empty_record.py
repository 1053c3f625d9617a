"""The empty record of a kind: every field in a readable order, each with a comment in Dutch saying
what it holds, whether it is required and which codes it takes.

Derived from the models (the schema walker, `records/fields.py`). Required values are the
placeholder `TODO`, which never validates, so a record cannot be published half-filled; optional
values are left empty. Filled in, the file validates. `make new-initiative` writes it to a file
(`authoring/scaffold.py`); the fields page offers it to copy, for editors with only a browser.
"""

from __future__ import annotations

import yaml

from .fields import SchemaField, record_fields
from .i18n import Strings
from .kinds import KINDS
from .schema import PLACEHOLDER, Vocabularies

_SHORT_VOCABULARY = 12  # list the codes in the comment up to this many; otherwise name the list
_INDENT = "  "


def scaffold_text(kind: str, vocabularies: Vocabularies) -> str:
    lines = [
        f"# yaml-language-server: $schema=../../schemas/{KINDS[kind].schema_file}",
        f"# {Strings('nl').t(f'new-record-{kind}')}. Vervang elke {PLACEHOLDER} door de juiste waarde. "
        "Optionele velden mogen leeg",
        "# blijven of weg. Elk veld wordt uitgelegd op de pagina Velden van de site en in CONTRIBUTING.md.",
    ]
    for doc in record_fields(kind):
        lines += _field_lines(doc, vocabularies, 0)
    return "\n".join(lines) + "\n"


# Rendering -----------------------------------------------------------------------------------------


def _comment(doc: SchemaField, vocabularies: Vocabularies) -> str:
    parts = [doc.description_in("nl").rstrip(".") + "."]
    parts.append("Verplicht." if doc.required else "Optioneel.")
    if doc.many and doc.kind != "object":
        parts.append("Een lijst" + (" met minstens één waarde." if doc.min_items else "."))
    if doc.kind == "code":
        codes = list(getattr(vocabularies, doc.vocabulary))
        if len(codes) <= _SHORT_VOCABULARY:
            parts.append("Codes: " + ", ".join(codes) + ".")
        else:
            parts.append(f"Een code uit de lijst {doc.vocabulary} in content/vocabularies.yml.")
    elif doc.kind == "municipality":
        parts.append(
            "Bijvoorbeeld: Hoogeveen, Den Haag; alle namen staan in content/geo/gemeenten-regios-2026.csv."
        )
    elif doc.kind == "choice":
        parts.append("Kies uit: " + ", ".join(map(str, doc.examples)) + ".")
    elif doc.kind in ("date", "url", "integer", "string") and doc.examples and not doc.required:
        parts.append(f"Bijvoorbeeld: {_flow(doc.examples[0])}.")
    return "# " + " ".join(parts)


def _field_lines(doc: SchemaField, vocabularies: Vocabularies, depth: int) -> list[str]:
    """The comment and the value of one field, indented `depth` levels."""
    pad = _INDENT * depth
    key = f"{pad}{doc.name}:"
    comment = pad + _comment(doc, vocabularies)
    inner = _INDENT * (depth + 1)
    if not doc.required:
        if doc.kind == "object" and not doc.many:
            children = _children(doc, vocabularies, depth + 1)
            if doc.default is None:  # left empty, so that no empty section appears on the page
                comment += " Haal het # weg voor de regels die u invult."
                children = _commented(children, inner)
            return [comment, key, *children]
        if doc.many and doc.kind == "object":
            comment += " Voor een item: haal [] weg, en het # voor de regels eronder."
            return [
                comment,
                f"{key} []",
                *_commented(_children(doc, vocabularies, depth + 1, item=True), inner),
            ]
        if doc.many:
            return [comment, f"{key} []"]
        if doc.default is not None:
            return [comment, f"{key} {_flow(doc.default)}"]
        return [comment, key]
    if doc.kind == "object":
        if doc.many:
            return [comment, key, *_children(doc, vocabularies, depth + 1, item=True)]
        return [comment, key, *_children(doc, vocabularies, depth + 1)]
    if doc.kind in ("text", "markdown"):
        if doc.kind == "markdown":
            value = [
                f"{inner}nl: |",
                f"{inner}{_INDENT}{PLACEHOLDER}",
                f"{inner}en: |",
                f"{inner}{_INDENT}{PLACEHOLDER}",
            ]
        else:
            value = [f"{inner}nl: {PLACEHOLDER}", f"{inner}en: {PLACEHOLDER}"]
        return [comment, key, *value]
    return [comment, f"{key} [{PLACEHOLDER}]" if doc.many else f"{key} {PLACEHOLDER}"]


def _children(doc: SchemaField, vocabularies: Vocabularies, depth: int, item: bool = False) -> list[str]:
    """The nested fields; as one list item (`- key: ...`, the other keys under the first) when `item`."""
    lines = [line for child in doc.children for line in _field_lines(child, vocabularies, depth)]
    if not item:
        return lines
    base = _INDENT * depth
    first = next(index for index, line in enumerate(lines) if not line.lstrip().startswith("#"))
    return [base + ("- " if index == first else "  ") + line[len(base) :] for index, line in enumerate(lines)]


def _commented(lines: list[str], pad: str) -> list[str]:
    """Value lines turned into comments at `pad`, so that deleting `# ` brings them back."""
    return [line if line.lstrip().startswith("#") else pad + "# " + line[len(pad) :] for line in lines]


def _flow(value) -> str:
    return (
        yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10_000)
        .strip()
        .removesuffix("\n...")
        .removesuffix("...")
        .strip()
    )
