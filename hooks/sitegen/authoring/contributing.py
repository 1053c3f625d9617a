"""The field tables in `CONTRIBUTING.md` / `CONTRIBUTING.en.md`, from the field documentation rows.

The tables sit between `<!-- fields:<kind>:start -->` and `<!-- fields:<kind>:end -->` and are
written by `python -m sitegen fields` (`make docs-fields`; a test fails when they are stale).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..records.field_docs import field_rows
from ..records.i18n import Strings
from ..records.kinds import KINDS
from ..records.schema import Vocabularies

CONTRIBUTING = {"nl": "CONTRIBUTING.md", "en": "CONTRIBUTING.en.md"}
_SHORT_VOCABULARY = 12


def markdown_table(kind: str, lang: str, vocabularies: Vocabularies) -> str:
    strings = Strings(lang)
    head = [strings.t("field-docs-field"), strings.t("field-docs-required"), strings.t("field-docs-meaning")]
    lines = ["| " + " | ".join(head) + " |", "| --- | --- | --- |"]
    for row in field_rows(kind, lang, vocabularies):
        meaning = row.description
        if row.vocabulary and len(row.codes) > _SHORT_VOCABULARY:
            meaning += " " + strings.t("field-docs-codes-in", vocabulary=row.vocabulary)
        elif row.codes:
            provisional = _provisional_codes(row.vocabulary, vocabularies)
            marked = [
                f"`{code}`" + (" " + strings.t("field-docs-provisional-short") if code in provisional else "")
                for code, _ in row.codes
            ]
            meaning += " " + strings.t("field-docs-codes") + " " + ", ".join(marked) + "."
        required = strings.t("field-docs-yes") if row.required else ""
        lines.append(f"| `{row.path}` | {required} | {meaning.replace('|', '/')} |")
    return "\n".join(lines)


def _provisional_codes(vocabulary: str | None, vocabularies: Vocabularies) -> set[str]:
    """The codes of a vocabulary that no source confirms yet (`provisional: true`)."""
    if not vocabulary:
        return set()
    return {code for code, entry in getattr(vocabularies, vocabulary).items() if entry.provisional}


def rendered_contributing(root: Path, vocabularies: Vocabularies) -> dict[str, str]:
    """File name to its text with fresh field tables."""
    out = {}
    for lang, name in CONTRIBUTING.items():
        text = (root / name).read_text(encoding="utf-8")
        for kind in KINDS:
            pattern = re.compile(rf"(<!-- fields:{kind}:start -->\n).*?(<!-- fields:{kind}:end -->)", re.S)
            if not pattern.search(text):
                raise ValueError(f"{name}: the markers <!-- fields:{kind}:start/end --> are missing")
            table = markdown_table(kind, lang, vocabularies)
            text = pattern.sub(lambda match: match.group(1) + table + "\n" + match.group(2), text)
        out[name] = text
    return out


def stale_contributing(root: Path, vocabularies: Vocabularies) -> list[str]:
    return [
        name
        for name, text in rendered_contributing(root, vocabularies).items()
        if (root / name).read_text(encoding="utf-8") != text
    ]


def write_contributing(root: Path, vocabularies: Vocabularies) -> list[str]:
    written = []
    for name, text in rendered_contributing(root, vocabularies).items():
        if (root / name).read_text(encoding="utf-8") != text:
            (root / name).write_text(text, encoding="utf-8")
            written.append(name)
    return written
