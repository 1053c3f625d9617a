"""`mkdocs serve`: every rebuild starts from a new state, so an edit shows in the next rebuild.

The rebuilds run as MkDocs' live server runs them: in one process, a new config for every build,
`build(config, serve_url=...)`, the hook modules loaded once.
"""

from __future__ import annotations

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitegen.records import i18n
from sitegen.site import DEFAULT_LANGUAGE


@pytest.fixture
def rebuild(fixture_project, tmp_path):
    site_dir = tmp_path / "served"

    def rebuild_and_read(page: str = "") -> str:
        config = load_config(str(fixture_project / DEFAULT_LANGUAGE.config_file), site_dir=str(site_dir))
        build(config, serve_url="http://127.0.0.1:8000/")
        return (site_dir / page / "index.html").read_text(encoding="utf-8")

    return rebuild_and_read


def test_an_edit_of_the_interface_text_shows_in_the_next_rebuild(rebuild, tmp_path, monkeypatch):
    strings = tmp_path / "strings.yml"
    strings.write_text(i18n.STRINGS_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(i18n, "STRINGS_FILE", strings)
    before = rebuild()
    assert "Focusverslag" not in before
    # The title of the navigation's focus section (`section-focus`) is interface text.
    strings.write_text(strings.read_text(encoding="utf-8").replace("nl: Focusrapport,", "nl: Focusverslag,"),
                       encoding="utf-8")
    after = rebuild()
    assert "Focusverslag" in after
    assert after.count("Focusrapport") < before.count("Focusrapport")


def test_an_edit_of_a_record_shows_in_the_next_rebuild_and_the_preview_links_no_downloads(
    rebuild, fixture_project
):
    record = fixture_project / "content/networks/alpha.yml"
    assert "Netwerk Alfa" not in rebuild("netwerken")
    record.write_text(record.read_text(encoding="utf-8").replace("name: Netwerk Alpha", "name: Netwerk Alfa"),
                      encoding="utf-8")
    overview = rebuild("netwerken")
    assert "Netwerk Alfa" in overview
    assert "Content-Security-Policy" not in overview  # the live server's reload script runs inline
    downloads = rebuild("open-data")
    assert "networks.json" in downloads and 'href="../data/networks.json"' not in downloads


def test_mkdocs_still_lists_the_theme_files_through_the_environment_the_session_wraps():
    """The preview's one adapter to MkDocs' internals (`Preview.cache_templates`) wraps
    `config.theme.get_env`, because MkDocs lists the theme's files with that environment's
    `list_templates` before any event could hand it a list. This fails when MkDocs changes that."""
    import inspect

    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.files import Files
    from mkdocs.theme import Theme

    source = inspect.getsource(mkdocs_build.build)
    assert "config.theme.get_env()" in source and "add_files_from_theme(env, config)" in source
    assert "env.list_templates(" in inspect.getsource(Files.add_files_from_theme)
    assert callable(getattr(Theme, "get_env", None))
