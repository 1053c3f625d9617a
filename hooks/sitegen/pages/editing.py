"""The editors' links on a record page: "edit this record" and "report a correction".

The edit link is the one MkDocs derives from `repo_url` + `edit_uri` (the plugin points a record
page's `edit_uri` at its YAML file). The correction link fills the form address template of
`extra.correction_form` in `mkdocs.yml`; its placeholders are

- `{repo_url}`: the repository address (`repo_url`), inserted as it is;
- `{kind}`, `{id}`, `{title}`, `{url}`: the record's kind, id, title in the page's language and
  the public address of its page, each percent-encoded as one query value;
- `{subject}`: a subject line in the page's language ("Correctie: <title>" / "Correction: <title>",
  the string `correction-subject`), percent-encoded the same way.

Nothing else goes into the address: no personal data, no contact details.

Beside GitHub, readers can write to the editors (`extra.editors_email`): `mail_url` makes the
mailto: address with the page's title and address prefilled in the subject and body, every part
percent-encoded so that nothing in a title can add a recipient or a header.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from ..records.i18n import Strings

RECORD_FIELDS = ("kind", "id", "title", "url", "subject")
TEMPLATE_FIELDS = ("repo_url", *RECORD_FIELDS)


class FormTemplateError(ValueError):
    """The correction form template in `mkdocs.yml` cannot be used."""


@dataclass(frozen=True)
class RecordLinks:
    """The two editor links of one record page; either may be absent when not configured."""

    edit: str | None
    correction: str | None
    mail: str | None = None
    """mailto: the editors, with this page prefilled."""


def check_form_template(template: str, repo_url: str | None) -> None:
    """Refuse a template with unknown placeholders, or one that is not an https:// address."""
    if not template:
        return  # no correction link
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        raise FormTemplateError(f"extra.correction_form: {error}") from None
    unknown = sorted(set(names) - set(TEMPLATE_FIELDS))
    if unknown:
        raise FormTemplateError(
            f"extra.correction_form: unknown placeholder {{{unknown[0]}}}; "
            f"known: {', '.join('{' + name + '}' for name in TEMPLATE_FIELDS)}"
        )
    if "repo_url" in names and not repo_url:
        return  # no repository set (pages/settings.py): the pages leave the correction link out
    address = template.replace("{repo_url}", repo_url or "")
    if urlsplit(address).scheme != "https":
        raise FormTemplateError("extra.correction_form must be an https:// address")


def correction_url(
    template: str, repo_url: str | None, *, kind: str, id: str, title: str, url: str, subject: str = ""
) -> str:
    """The form address for one record, every record value percent-encoded as a query value."""
    values = {"kind": kind, "id": id, "title": title, "url": url, "subject": subject or title}
    encoded = {name: quote(value, safe="") for name, value in values.items()}
    return template.format(repo_url=(repo_url or "").rstrip("/"), **encoded)


def mail_url(address: str | None, subject: str, body: str) -> str | None:
    """`mailto:` the editors with a subject and body; None when no address is configured."""
    if not address:
        return None
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def editors_mail(config, page, subject: str = "mail-subject", title: str | None = None) -> str | None:
    """mailto: the editors (`extra.editors_email`) about this page (an MkDocs page of the build of
    `config`): its title and address prefilled, in the page's language."""
    strings = Strings(config.theme["language"])
    # A page's title is HTML (record titles are escaped for Material): the mail gets its text.
    title = title or Markup(str(page.title or config.site_name)).striptags()
    url = page.canonical_url or page.abs_url or ""
    return mail_url(
        config.extra.get("editors_email"),
        strings.t(subject, title=title),
        strings.t("mail-body", title=title, url=url),
    )


def record_links(entry, page, config) -> RecordLinks:
    """A record page's edit link (MkDocs derives it from `repo_url` + `edit_uri`), its correction
    form address and its mail to the editors."""
    template = config.extra.get("correction_form")
    lang = config.theme["language"]
    title = entry.title_in(lang)
    if "{repo_url}" in (template or "") and not config.repo_url:
        template = ""  # the form lives in a repository that is not set (pages/settings.py)
    correction = template and correction_url(
        template,
        config.repo_url,
        kind=entry.kind,
        id=entry.id,
        title=title,
        url=page.canonical_url or page.abs_url or "",
        subject=Strings(lang).t("correction-subject", title=title),
    )
    mail = editors_mail(config, page, "correction-subject", title=title)
    return RecordLinks(edit=page.edit_url, correction=correction or None, mail=mail)
