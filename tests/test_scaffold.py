"""`python -m sitegen new network|initiative ID`: a record with every field, which fails the check on
every placeholder, validates once the placeholders are filled, and refuses bad or existing ids."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, run_cli
from sitegen.authoring.scaffold import KINDS, ScaffoldError, new_record
from sitegen.records.catalog import CatalogError, load_catalog
from sitegen.records.fields import all_fields, example_value
from sitegen.records.schema import PLACEHOLDER
from sitegen.records.strict_yaml import load_text, positions


def fill_placeholders(text: str, kind: str, vocabularies) -> str:
    """Replace each placeholder in the text, where it stands, by a valid value for its field."""
    _, node = load_text(text)
    fields = {doc.path: doc for doc in all_fields(kind)}
    value_lines = {}  # line -> YAML path of the value that starts there
    for path, (line, _) in positions(node).items():
        if path and path[-1] != "__key__":
            value_lines[line] = path
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if PLACEHOLDER not in line or line.lstrip().startswith("#"):  # an optional item, left out
            continue
        # A Markdown placeholder sits on the line under `nl: |`, where its value starts.
        path = value_lines.get(number) or value_lines[number - 1]
        doc = _field_for(fields, path)
        value = example_value(doc, vocabularies)
        if doc.many:
            value = value[0]
        if path[-1] in ("nl", "en"):
            value = value[path[-1]]
        replacement = (
            yaml.safe_dump(value, default_flow_style=True, allow_unicode=True)
            .strip()
            .removesuffix("...")
            .strip()
        )
        lines[number - 1] = line.replace(PLACEHOLDER, replacement)
    return "\n".join(lines)


def _field_for(fields, path):
    """The field of a YAML path like ("sources", 0, "url") or ("title", "nl")."""
    parts = []
    for part in path:
        if isinstance(part, int):
            parts[-1] += "[]"
        else:
            parts.append(part)
    while parts:
        key = ".".join(parts).removesuffix("[]")
        if key in fields:
            return fields[key]
        parts.pop()  # ("title", "nl") belongs to the field "title"
    raise KeyError(path)


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_a_new_record_has_every_field_and_the_schema_line(fixture_project, kind_name):
    path = new_record(fixture_project, kind_name, "nieuw-record")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{kind_name}.schema.json\n")
    for doc in all_fields(KINDS[kind_name]):
        # Optional groups and list items are there too, commented out: `  # - date: TODO`.
        assert re.search(rf"^\s*(?:#\s*)?(?:-\s*)?{doc.name}:", text, re.M), doc.path
        assert doc.description_in("nl").rstrip(".") in text, doc.path  # the Dutch explanation as a comment


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_every_placeholder_fails_the_check_on_its_own_line(fixture_project, kind_name):
    path = new_record(fixture_project, kind_name, "nieuw-record")
    text = path.read_text(encoding="utf-8")
    placeholder_lines = {
        number
        for number, line in enumerate(text.split("\n"), start=1)
        if PLACEHOLDER in line and not line.lstrip().startswith("#")
    }
    with pytest.raises(CatalogError) as caught:
        load_catalog(fixture_project)
    errors = [
        error for error in caught.value.errors if error.path == path.relative_to(fixture_project).as_posix()
    ]
    assert len(errors) == len(caught.value.errors)  # the other records stay valid
    lines = {error.line for error in errors}
    # A Markdown placeholder sits under `nl: |`, and the error points at the `|`.
    assert lines == {
        n if not text.split("\n")[n - 2].rstrip().endswith("|") else n - 1 for n in placeholder_lines
    }


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_filled_in_the_new_record_validates_and_builds_a_page(fixture_project, kind_name):
    path = new_record(fixture_project, kind_name, "nieuw-record")
    vocabularies = _vocabularies(fixture_project)
    filled = fill_placeholders(path.read_text(encoding="utf-8"), KINDS[kind_name], vocabularies)
    # A required link names a record that exists: the fixture's network.
    filled = filled.replace("networks: [voorbeeld]", "networks: [alpha]")
    assert not [
        line for line in filled.split("\n") if PLACEHOLDER in line and not line.lstrip().startswith("#")
    ]
    path.write_text(filled, encoding="utf-8")
    catalog = load_catalog(fixture_project)
    assert "nieuw-record" in catalog.entries[KINDS[kind_name]]


def _vocabularies(project):
    # The fixture project is valid before the new record exists: take its vocabularies from there.
    from sitegen.authoring.scaffold import _vocabularies as load

    return load(project)


@pytest.mark.parametrize(
    "bad_id", ["Hoofd", "met_streep", "dubbel--streep", "-begin", "eind-", "a" * 81, "", "../x"]
)
def test_an_id_against_the_rules_is_refused(fixture_project, bad_id):
    with pytest.raises(ScaffoldError, match="kan geen id zijn"):
        new_record(fixture_project, "initiative", bad_id)
    assert not list((fixture_project / "content/initiatives").glob("*_*")), "nothing written"


def test_an_existing_id_is_refused_and_the_record_left_alone(fixture_project):
    record = fixture_project / "content/initiatives/hoofd.yml"
    before = record.read_bytes()
    result = run_cli(fixture_project, "new", "initiative", "hoofd")
    assert result.returncode == 1
    assert "content/initiatives/hoofd.yml bestaat al" in result.stderr
    assert record.read_bytes() == before


def test_the_command_line_writes_the_record_and_the_check_annotates_its_placeholders(fixture_project):
    result = run_cli(fixture_project, "new", "network", "gamma")
    assert result.returncode == 0, result.stderr
    assert "content/networks/gamma.yml is aangemaakt" in result.stdout
    check = run_cli(fixture_project, "check", GITHUB_ACTIONS="true")
    assert check.returncode == 1
    assert re.search(
        r"^::error file=content/networks/gamma.yml,line=\d+,col=\d+::name: 'TODO' staat nog uit het sjabloon",
        check.stderr,
        re.M,
    )


def test_the_makefile_has_the_scaffolding_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for kind_name in KINDS:
        assert re.search(rf"^new-{kind_name}:.*\n\t.*-m sitegen new {kind_name} \"\$\(ID\)\"", makefile, re.M)
