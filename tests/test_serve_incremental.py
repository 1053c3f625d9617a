"""`make serve` after a save: a real `mkdocs serve --dirty` (as `make serve` runs it) on a copy of the
fixture project, on a free local port, with MkDocs' debug output (it names the folder it builds into).

An edited record, a new record, a deleted record and an edit that makes a record invalid (and its
fix) all show in the preview without a restart; the pages that list a record follow it (the
overview, its region pages, the records that name it), and the pages that do not show it are not
written again (their files keep their modification time)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Preview, fetch, run_preview, wait_until

STARTUP_SECONDS = 180
REBUILD_SECONDS = 90
SITE_DIR = re.compile(r"Config value 'site_dir' = '([^']+)'")


@pytest.fixture
def verbose_preview(fixture_project: Path) -> Iterator[Preview]:
    yield from run_preview(fixture_project, "--verbose")


def rebuilt(preview: Preview, builds_before: int) -> None:
    """Wait until a build after the first `builds_before` has finished."""
    deadline = time.monotonic() + REBUILD_SECONDS
    while preview.builds_done() <= builds_before:
        assert time.monotonic() < deadline, "no rebuild finished"
        time.sleep(0.2)


def pages(preview: Preview) -> dict[str, int]:
    """Every page the preview has written (its address), with its modification time."""
    site = Path(SITE_DIR.search(preview.output()).group(1))
    return {
        path.parent.relative_to(site).as_posix().removeprefix(".") + "/": path.stat().st_mtime_ns
        for path in site.rglob("index.html")
    }


def written_since(preview: Preview, before: dict[str, int], builds_before: int) -> set[str]:
    """The pages written again (or new) once a build after the first `builds_before` has finished."""
    rebuilt(preview, builds_before)
    return {page for page, mtime in pages(preview).items() if before.get(page) != mtime}


def test_edits_new_deleted_and_invalid_records_show_in_the_preview_without_a_restart(
    fixture_project, verbose_preview
):
    preview = verbose_preview
    base = preview.url
    initiatives = fixture_project / "content/initiatives"
    record = initiatives / "hoofd.yml"
    good = record.read_text(encoding="utf-8")
    assert "Hoofdinitiatief Drenthe" in good
    wait_until(base + "initiatieven/hoofd/", lambda s, page: s == 200, STARTUP_SECONDS, "the first build")
    first = pages(preview)
    assert {"/", "netwerken/alpha/", "regios/drenthe/", "initiatieven/hostile/"} <= set(first)

    # An edited record: its page, the overview, the home page, its region pages and the part that
    # names it as its whole are built again; the networks, which do not show it, are not.
    before, builds = pages(preview), preview.builds_done()
    record.write_text(good.replace("Hoofdinitiatief Drenthe", "Hoofdinitiatief Drente"), encoding="utf-8")
    wait_until(
        base + "initiatieven/hoofd/",
        lambda s, page: "Hoofdinitiatief Drente<" in page,
        REBUILD_SECONDS,
        "the edited title",
    )
    written = written_since(preview, before, builds)
    assert {
        "initiatieven/hoofd/",
        "initiatieven/hostile/",
        "initiatieven/",
        "/",
        "regios/drenthe/",
        "regios/haaglanden/",
    } <= written
    assert not written & {"netwerken/alpha/", "netwerken/beta-oud/"}
    for path in ("initiatieven/", "regios/drenthe/", "regios/haaglanden/", "initiatieven/hostile/"):
        status, page = fetch(base + path)
        assert (
            status == 200 and "Hoofdinitiatief Drente<" in page and "Hoofdinitiatief Drenthe" not in page
        ), path
    status, network = fetch(base + "netwerken/alpha/")
    assert status == 200 and "Alpha" in network

    # A new record in one region: a page of its own, a row in the overview and on its region's page;
    # the other region's page is not built again.
    new = initiatives / "nieuw-initiatief.yml"
    before, builds = pages(preview), preview.builds_done()
    new.write_text(
        good.replace("Hoofdinitiatief Drenthe", "Een nieuw initiatief")
        .replace("labour_market_region: drenthe", "labour_market_region: haaglanden")
        .replace("municipalities: [Hoogeveen, Den Haag]", "municipalities: [Den Haag]"),
        encoding="utf-8",
    )
    wait_until(
        base + "initiatieven/nieuw-initiatief/",
        lambda s, page: s == 200 and "Een nieuw initiatief" in page,
        REBUILD_SECONDS,
        "the new record's page",
    )
    written = written_since(preview, before, builds)
    assert {"initiatieven/nieuw-initiatief/", "regios/haaglanden/", "initiatieven/"} <= written
    assert not written & {"regios/drenthe/", "initiatieven/hoofd/", "netwerken/alpha/"}
    assert "nieuw-initiatief/" in fetch(base + "initiatieven/")[1]
    assert "Een nieuw initiatief" in fetch(base + "regios/haaglanden/")[1]
    assert "Een nieuw initiatief" not in fetch(base + "regios/drenthe/")[1]

    # A deleted record: its page is gone, and so are its row and its place on the region page.
    builds = preview.builds_done()
    new.unlink()
    wait_until(
        base + "initiatieven/nieuw-initiatief/",
        lambda s, page: s == 404,
        REBUILD_SECONDS,
        "the deleted record's page gone",
    )
    overview = wait_until(
        base + "initiatieven/",
        lambda s, page: "nieuw-initiatief/" not in page,
        REBUILD_SECONDS,
        "the deleted record gone from the overview",
    )[1]
    rebuilt(preview, builds)
    assert "Hoofdinitiatief Drente<" in overview
    assert "Een nieuw initiatief" not in fetch(base + "regios/haaglanden/")[1]

    # An edit that makes the record invalid: the server lives on, and every page, the record's too,
    # says what is wrong; once fixed, the preview shows the site again with the fix.
    builds = preview.builds_done()
    record.write_text(
        good.replace("sectors: [engineering-built-environment]", "sectors: [tech]"), encoding="utf-8"
    )
    page = wait_until(
        base + "initiatieven/hoofd/",
        lambda s, page: "vh-preview-errors" in page,
        REBUILD_SECONDS,
        "the errors on the record's page",
    )[1]
    rebuilt(preview, builds)
    assert "content/initiatives/hoofd.yml" in page and "tech" in page
    for path in ("", "netwerken/alpha/", "regios/drenthe/"):
        assert "vh-preview-errors" in fetch(base + path)[1], path
    builds = preview.builds_done()
    record.write_text(good.replace("Hoofdinitiatief Drenthe", "Hoofdinitiatief weer goed"), encoding="utf-8")
    page = wait_until(
        base + "initiatieven/hoofd/",
        lambda s, page: "Hoofdinitiatief weer goed<" in page,
        REBUILD_SECONDS,
        "the fixed record",
    )[1]
    rebuilt(preview, builds)
    assert "vh-preview-errors" not in page
    for path in ("", "netwerken/alpha/", "regios/drenthe/", "initiatieven/hostile/"):
        status, page = fetch(base + path)
        assert status == 200 and "vh-preview-errors" not in page, path
    assert "Hoofdinitiatief weer goed<" in fetch(base + "regios/drenthe/")[1]
