"""JSON Schemas for editors' tools, exported from the pydantic models in `records/schema.py`.

The files in `schemas/` are what VS Code (via the `# yaml-language-server: $schema=` line) uses for
completion and checks while an editor types. Coded fields carry their vocabulary's codes as an
`enum` (fields written by name, such as municipalities, as `examples`: other names are allowed
too), so the schemas change when `content/vocabularies.yml` does; `python -m sitegen schemas
--check` (run by the tests) fails when the committed files are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ..records.kinds import KINDS
from ..records.schema import NAMED_VOCABULARIES, KeyFigureGroup, ProgrammeRegions, Vocabularies

SCHEMAS_DIR = "schemas"
SCHEMA_MODELS: dict[str, Any] = {
    **{kind.singular: kind.model for kind in KINDS.values()},
    "vocabularies": Vocabularies,
    "key-figures": TypeAdapter(list[KeyFigureGroup]),
    "programme-regions": ProgrammeRegions,
}


def _add_enums(node: Any, vocabularies: Vocabularies | None) -> None:
    if isinstance(node, dict):
        name = node.get("x-vocabulary")
        if name and vocabularies is not None:
            values = sorted(getattr(vocabularies, name))
            node["examples" if name in NAMED_VOCABULARIES else "enum"] = values
        for value in node.values():
            _add_enums(value, vocabularies)
    elif isinstance(node, list):
        for value in node:
            _add_enums(value, vocabularies)


def build_schema(name: str, vocabularies: Vocabularies | None) -> dict:
    model = SCHEMA_MODELS[name]
    schema = model.json_schema() if isinstance(model, TypeAdapter) else model.model_json_schema()
    _add_enums(schema, vocabularies)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def rendered_schemas(vocabularies: Vocabularies | None) -> dict[str, str]:
    """File name to file text, for every schema."""
    return {
        f"{name}.schema.json": json.dumps(build_schema(name, vocabularies), indent=2, ensure_ascii=False)
        + "\n"
        for name in SCHEMA_MODELS
    }


def stale_schemas(root: Path, vocabularies: Vocabularies | None) -> list[str]:
    folder = root / SCHEMAS_DIR
    return [
        name
        for name, text in rendered_schemas(vocabularies).items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]


def write_schemas(root: Path, vocabularies: Vocabularies | None) -> list[str]:
    folder = root / SCHEMAS_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in rendered_schemas(vocabularies).items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(name)
    return written
