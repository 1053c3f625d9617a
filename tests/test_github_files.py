"""The files GitHub reads: the correction issue form and the workflows validate against GitHub's
published schemas (vendored in check-jsonschema, so offline), the form has the fields the correction
link fills, the workflows pin their actions, and record errors become annotations on the right line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT, run_cli
from sitegen.records.catalog import RecordError
from sitegen.records.messages import message

GITHUB = ROOT / ".github"
FORM = GITHUB / "ISSUE_TEMPLATE" / "correction.yml"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True, text=True,
    )


def test_the_issue_form_is_valid_for_github():
    result = check_jsonschema("vendor.github-issue-forms", FORM)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflows_are_valid_for_github():
    assert {path.name for path in WORKFLOWS} >= {"check.yml", "deploy.yml"}
    result = check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\nbody:\n  - type: input\n    attributes: {}\n")
    assert check_jsonschema("vendor.github-issue-forms", broken).returncode != 0


def test_the_form_has_every_field_the_correction_link_fills():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {element["id"] for element in form["body"] if "id" in element}
    template = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["extra"][
        "correction_form"
    ]
    query = parse_qs(urlsplit(template).query)
    assert query["template"] == [FORM.name]
    filled = set(query) - {"template", "title", "labels"}  # GitHub's own parameters
    assert filled and filled <= ids, filled - ids
    assert {"record", "page", "problem", "correction", "source", "contact"} <= ids


def test_the_form_is_bilingual_and_says_what_is_public():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    for element in form["body"]:
        if element["type"] != "markdown":
            assert " / " in element["attributes"]["label"], element  # "Dutch / English"
    note = " ".join(
        element["attributes"]["value"] for element in form["body"] if element["type"] == "markdown"
    )
    assert "openbaar" in note and "publicly visible" in note
    contact = next(element for element in form["body"] if element.get("id") == "contact")
    assert contact["validations"]["required"] is False


def test_every_action_is_pinned_to_a_full_commit_sha():
    for path in WORKFLOWS:
        uses = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
        assert uses, path
        for action in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), (path.name, action)


def test_the_check_workflow_validates_builds_and_tests_on_every_pull_request():
    workflow = yaml.safe_load((GITHUB / "workflows" / "check.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    runs = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    assert runs.index("make check") < runs.index("make build") < runs.index("make test")


def test_the_deploy_workflow_publishes_site_from_main():
    workflow = yaml.safe_load((GITHUB / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]["steps"]
    upload = next(step for step in build if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "site/"
    assert any("SITE_URL" in step.get("env", {}) for step in build)
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_pull_request_template_is_bilingual():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert "## Wat verandert er?" in text and "## What changes?" in text
    assert "publish: true" in text


# Annotations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            RecordError("a.yml", 3, 9, "status", message("field.choice", value="x", expected="a")),
            "::error file=a.yml,line=3,col=9::status: 'x' is hier niet toegestaan; kies uit: a",
        ),
        (
            RecordError("a.yml", 1, 1, "", message("yaml.other", detail="50% done\nline\r")),
            "::error file=a.yml,line=1,col=1::dit is geen geldige YAML (50%25 done%0Aline%0D); "
            "vergelijk de regel met een ander record",
        ),
    ],
)
def test_annotation_format(error, expected):
    assert error.github_annotation() == expected


@pytest.mark.parametrize("in_actions", [True, False])
def test_the_check_annotates_lines_only_inside_actions(fixture_project, in_actions):
    record = fixture_project / "content/initiatives/hoofd.yml"
    record.write_text(record.read_text().replace("start_year: 2018", "start_year: 18"))
    result = run_cli(fixture_project, "check", **({"GITHUB_ACTIONS": "true"} if in_actions else {}))
    assert result.returncode == 1
    assert "content/initiatives/hoofd.yml:7:13: start_year" in result.stderr  # for people, always
    annotation = ("::error file=content/initiatives/hoofd.yml,line=7,col=13::start_year: '18' is te klein; "
                  "het kleinste toegestane getal is 1990")
    assert (annotation in result.stderr) == in_actions
    assert ("::error" in result.stderr) == in_actions
