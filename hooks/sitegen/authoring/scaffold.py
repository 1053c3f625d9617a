"""New records: `python -m sitegen new network|initiative ID` (`make new-network ID=...`).

The new file is the empty record of `records/empty_record.py` (the text the fields page offers to
copy); this module checks the id and writes the file.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter

from ..records.catalog import VOCABULARIES_FILE
from ..records.empty_record import scaffold_text
from ..records.kinds import KINDS as RECORD_KINDS
from ..records.messages import Message, message
from ..records.schema import ID_MAX_LENGTH, Vocabularies, is_valid_id
from ..records.strict_yaml import load_file
from ..site import CONTENT_DIR

__all__ = ["KINDS", "ScaffoldError", "new_record", "scaffold_text"]

KINDS = {kind.singular: kind.name for kind in RECORD_KINDS.values()}
"""Command-line name of each kind (`network`), and the kind (`networks`)."""


class ScaffoldError(ValueError):
    """The record cannot be created; the message says why."""

    def __init__(self, said: Message):
        super().__init__(said)
        self.said = said


def new_record(root: Path, kind_name: str, record_id: str) -> Path:
    """Write `content/<kind>/<id>.yml` and return its path; refuse a bad or existing id."""
    kind = KINDS[kind_name]
    if not is_valid_id(record_id):
        raise ScaffoldError(message("new.bad_id", value=record_id, max=ID_MAX_LENGTH))
    path = root / RECORD_KINDS[kind].folder / f"{record_id}.yml"
    if path.exists():
        raise ScaffoldError(message("new.exists", path=path.relative_to(root).as_posix()))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold_text(kind, _vocabularies(root)), encoding="utf-8")
    return path


def _vocabularies(root: Path) -> Vocabularies:
    data, _ = load_file(root / CONTENT_DIR / VOCABULARIES_FILE)
    return TypeAdapter(Vocabularies).validate_python(data)
