"""`make serve` with a broken record: the browser gets a page with the errors, and the site again once
the record is fixed. A real `mkdocs serve --dirty` (conftest's `preview`) on a copy of the fixture
project, on a free local port."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import fetch, wait_until

STARTUP_SECONDS = 120
RELOAD_SECONDS = 90


def wait_for(url: str, wanted: str, seconds: float) -> tuple[int, str]:
    return wait_until(url, lambda status, page: wanted in page, seconds, repr(wanted))


def test_a_broken_record_shows_its_errors_in_the_browser_until_it_is_fixed(fixture_project, preview):
    serve = preview.url
    record = fixture_project / "content/initiatives/hoofd.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text(
        good.replace("sectors: [engineering-built-environment]", "sectors:\n\t- tech"), encoding="utf-8"
    )

    status, page = wait_for(serve + "initiatieven/hoofd/", "vh-preview-errors", STARTUP_SECONDS)
    assert status == 200
    assert "De records bevatten fouten" in page
    assert (
        "<code>content/initiatives/hoofd.yml:6:1</code> sectors: gebruik spaties, geen tab, om in te springen"
        in page
    )
    assert "livereload(" in page  # the page reloads itself when the preview rebuilds

    status, home = fetch(serve)
    assert status == 200 and "gebruik spaties, geen tab" in home
    status, missing = fetch(serve + "bestaat-niet/")
    assert status == 404 and "gebruik spaties, geen tab" in missing

    record.write_text(
        good.replace("sectors: [engineering-built-environment]", "sectors: [tech]"), encoding="utf-8"
    )
    wait_for(serve + "initiatieven/hoofd/", "&#39;tech&#39; is geen bekende sector", RELOAD_SECONDS)

    record.write_text(good, encoding="utf-8")
    status, page = wait_for(serve + "initiatieven/hoofd/", "Hoofdinitiatief Drenthe", RELOAD_SECONDS)
    assert status == 200 and "vh-preview-errors" not in page


@pytest.mark.site  # builds
def test_a_broken_record_still_stops_a_real_build(fixture_project):
    record = fixture_project / "content/initiatives/hoofd.yml"
    record.write_text(
        record.read_text().replace("sectors: [engineering-built-environment]", "sectors: [tech]")
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml", "-d", str(fixture_project / "out")],
        cwd=fixture_project,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode != 0
    assert "'tech' is geen bekende sector" in result.stdout + result.stderr
    assert not (fixture_project / "out/index.html").exists()
