"""The settings whose real value the project may not know: the repository and the editors' e-mail
address (`mkdocs.yml` reads each from an environment variable; the deploy workflow sets them from
where it runs and from the repository's variables).

None of them is invented: while one is empty, the site leaves out what depends on it (no edit or
correction links without a repository, no e-mail route or security.txt without an address), the
build says so, and a public build (`python -m sitegen build --public`, which the deploy workflow
runs) refuses to publish. This module owns the list, what each one feeds, and the contact routes
that exist on a build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    """As written in `mkdocs.yml`: `repo_url`, `extra.editors_email`."""
    variable: str
    """The environment variable that sets it."""
    route: str
    """The field of `Contact` it fills."""
    message: str
    """The key (in `records/messages.yml`) of what the site leaves out while it is empty."""


SETTINGS = (
    Setting("repo_url", "REPO_URL", "repository", "settings.repo_url"),
    Setting("extra.editors_email", "EDITORS_EMAIL", "email", "settings.editors_email"),
)
ADDRESS = Setting("site_url", "SITE_URL", "", "settings.site_url")
"""The public address: `mkdocs.yml` holds a default for local builds; a public build must be given
it (`--site-url` or the variable), as the deploy workflow does from its Pages address."""


def value_of(config, setting: Setting) -> str:
    """The setting's value in an MkDocs config, "" when unset."""
    node = config
    for part in setting.name.split("."):
        node = node.get(part) if node is not None else None
    return (node or "").strip() if isinstance(node, str) else ""


def apply(config) -> None:
    """Leave out the edit links while there is no repository (MkDocs would make them relative)."""
    if not (config.repo_url or "").strip():
        config.repo_url = None
        config.edit_uri = None


@dataclass(frozen=True)
class Contact:
    """The routes to the editors that exist on a build; the footer, the record pages, the
    accessibility and privacy statements and `.well-known/security.txt` all read this one."""

    email: str
    """The editors' address, "" when none is set."""
    repository: str
    """The repository's address, "" when none is set: the correction form lives there."""

    @property
    def any(self) -> bool:
        return bool(self.email or self.repository)

    def empty_settings(self) -> list[Setting]:
        return [setting for setting in SETTINGS if not getattr(self, setting.route)]


def contact_of(config) -> Contact:
    values = {setting.route: value_of(config, setting) for setting in SETTINGS}
    return Contact(email=values["email"], repository=values["repository"].rstrip("/"))
