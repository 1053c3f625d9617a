"""The settings the project may not know (hooks/sitegen/pages/settings.py): no invented value reaches
readers. While the repository or the editors' address is empty, the site leaves out what depends on
it and `make build` says so; a public build refuses to publish; with both set, the contact routes are
the same on the accessibility and privacy statements and in `/.well-known/security.txt`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import BUILD_SETTINGS, FIXTURES, built_once, copy_project, read_page, run_cli
from sitegen.site import LANGUAGES

STATEMENTS = [f"{lang.path}{page}" for lang in LANGUAGES for page in ("toegankelijkheid/", "privacy/")]
RECORD_PAGE = "initiatieven/hoofd/"


@pytest.fixture(scope="module")
def unset_build(tmp_path_factory) -> tuple[Path, str]:
    """The fixture records built by the command line without the repository and the editors' address
    (`run_cli` passes no other environment): the site, and what the build printed."""

    def build(folder, url):
        project = copy_project(folder / "project", FIXTURES / "content")
        done = run_cli(project, "build", "--site-url", url)
        (folder / "stderr.txt").write_text(done.stderr, encoding="utf-8")
        assert done.returncode == 0, done.stderr
        return project / "site"

    site = built_once(tmp_path_factory, "unset", build).site
    return site, (site.parent.parent / "stderr.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def unset_site(unset_build) -> Path:
    return unset_build[0]


def _routes(html: str) -> str:
    return re.search(r'<ul class="vh-contact-routes">(.*?)</ul>', html, re.S).group(1)


def test_the_settings_are_not_invented_in_mkdocs_yml():
    config = (Path(__file__).resolve().parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^repo_url: !ENV \[REPO_URL, \"\"\]$", config, re.M)
    assert re.search(r"^  editors_email: !ENV \[EDITORS_EMAIL, \"\"\]$", config, re.M)


@pytest.mark.parametrize("path", [RECORD_PAGE, "en/" + RECORD_PAGE, "", "en/over/"])
def test_without_the_settings_no_page_offers_a_route_that_does_not_exist(unset_site, path):
    html = read_page(unset_site, path)
    assert "vh-mail-link" not in html and "vh-editors-mail" not in html  # a record's own contact may stay
    assert "/issues/new" not in html and "/edit/" not in html
    assert 'class="md-source"' not in html  # the header's repository link


@pytest.mark.parametrize("path", STATEMENTS)
def test_without_the_settings_the_statements_say_there_is_no_contact_route_yet(unset_site, path):
    routes = _routes(read_page(unset_site, path))
    assert "<a " not in routes
    assert "geen contactadres" in routes or "no contact address" in routes


def test_without_an_address_there_is_no_security_txt(unset_site):
    assert not (unset_site / ".well-known").exists()


def test_a_local_build_says_which_settings_are_empty(unset_build):
    _, printed = unset_build
    for setting, variable in [("repo_url", "REPO_URL"), ("extra.editors_email", "EDITORS_EMAIL")]:
        assert f"instelling {setting} is leeg (zet {variable})" in printed
    assert "site_url" not in printed  # the address was given


def test_a_public_build_refuses_to_publish_while_a_setting_is_empty(fixture_project):
    done = run_cli(fixture_project, "build", "--public", "--site-url", "https://example.org/",
                   REPO_URL=BUILD_SETTINGS["REPO_URL"])
    assert done.returncode == 1
    assert "extra.editors_email is leeg" in done.stderr and "repo_url is leeg" not in done.stderr
    assert "niet gepubliceerd" in done.stderr
    assert not (fixture_project / "site").exists()


def test_a_public_build_needs_the_public_address(fixture_project):
    done = run_cli(fixture_project, "build", "--public", **BUILD_SETTINGS)
    assert done.returncode == 1
    assert "site_url is niet opgegeven (zet SITE_URL)" in done.stderr
    assert not (fixture_project / "site").exists()


@pytest.mark.parametrize("path", STATEMENTS)
def test_the_statements_name_the_same_routes(fixture_site, path):
    routes = _routes(read_page(fixture_site, path))
    assert f">{BUILD_SETTINGS['EDITORS_EMAIL']}</a>" in routes
    assert 'href="../bijdragen/#correction"' in routes
    up = "../" * path.count("/")  # to the site root, where security.txt is
    assert f'href="{up}.well-known/security.txt"' in routes


def test_security_txt_names_the_editors_and_expires_a_year_after_the_build(fixture_site, fixture_url):
    text = (fixture_site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.splitlines())
    assert fields["Contact"] == f"mailto:{BUILD_SETTINGS['EDITORS_EMAIL']}"
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"] == fixture_url + ".well-known/security.txt"
    expires = dt.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    assert expires > dt.datetime.now(dt.timezone.utc)
    # the build's date (SOURCE_DATE_EPOCH), as the sitemap's lastmod gives it, plus one year
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    built = re.search(r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>", sitemap).group(1)
    assert expires.date() - dt.date.fromisoformat(built) == dt.timedelta(days=365)
