"""`/.well-known/security.txt` (RFC 9116): where a finder of a security flaw reports it.

Written by the complete build from the build's contact routes (`pages/settings.py`): `Contact` is the
editors' address; `Expires` is one year after the build's date (`SOURCE_DATE_EPOCH`: the time of the
commit built, `reproducible.py`), so every deploy of a new commit renews it and two builds of one
commit stay identical; a site nobody has changed for a year tells finders so. `Preferred-Languages`
are the site's languages and `Canonical` the file's own public address.
Without an e-mail address there is no route to name, so no file is written (and a public build
refuses to start, `outputs/build.py`).
"""

from __future__ import annotations

import datetime as dt
import os

from ..site import LANGUAGES
from .build_context import BuildContext

PATH = ".well-known/security.txt"
VALID_FOR = dt.timedelta(days=365)


def security_txt(email: str, canonical: str, now: dt.datetime) -> str:
    """The file's text: one field a line, as RFC 9116 writes them."""
    expires = (now + VALID_FOR).astimezone(dt.timezone.utc).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{email}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Preferred-Languages: {', '.join(lang.code for lang in LANGUAGES)}",
    ]
    if canonical:
        lines.append(f"Canonical: {canonical}")
    return "\n".join(lines) + "\n"


def write_security_txt(context: BuildContext) -> None:
    if not context.contact.email:
        return
    root = context.addresses.get(LANGUAGES[0].code, "")
    built = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc)
    text = security_txt(context.contact.email, root + PATH if root else "", built)
    target = context.site / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
