"""The licence of the open data: one setting, `extra.open_data_licence` in mkdocs.yml.

`licence_of` reads and checks it when a build starts (`build_state.start_build`, in `on_config`), so
a build without a licence stops. The build's state then carries it: the open-data page names it (the
`open-data-licence` marker), and the complete build writes it into every JSON file
(`outputs/open_data.py`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

SETTING = "open_data_licence"
"""The key under `extra:` in mkdocs.yml."""


class LicenceSettingError(ValueError):
    """The setting is missing or incomplete: the build stops rather than publish data without a licence."""


@dataclass(frozen=True)
class Licence:
    name: str
    """Its short name, e.g. CC0 1.0."""
    url: str
    """The https address of its text."""

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url}


def licence_of(extra: Mapping | None) -> Licence:
    """The licence set in a config's `extra` (MkDocs' `config.extra` or a parsed dict)."""
    setting = (extra or {}).get(SETTING)
    if not isinstance(setting, Mapping) or not setting.get("name") or not setting.get("url"):
        raise LicenceSettingError(
            f"mkdocs.yml: extra.{SETTING}: set the open-data licence as {{name: ..., url: https://...}}"
        )
    name, url = str(setting["name"]).strip(), str(setting["url"]).strip()
    if not re.match(r"^https://\S+$", url):
        raise LicenceSettingError(f"mkdocs.yml: extra.{SETTING}.url: '{url}' is not an https:// address")
    return Licence(name=name, url=url)
