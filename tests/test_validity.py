"""Every page is valid HTML (WCAG 2.1 success criterion 4.1.1, Parsing): the Nu Html Checker reads
every page of the real site, both languages, and of the fixture site (merged networks, hostile
text, a record without English) in one run, and the test fails listing each error as
`page: line:col: message`. Inside GitHub Actions each error is also an annotation on its page
(`site/...`, where `make build` writes it). Warnings are allowed.

Alone: `.venv/bin/python -m pytest -n 0 tests/test_validity.py` (it builds both sites first)."""

from __future__ import annotations

import os
from pathlib import Path

from html_checker import Problem, check, problems, summary

SHOWN = 60
"""Errors listed in the failure (and annotations printed) at most; the count says how many more."""


def test_every_page_of_both_sites_is_valid_html(real_site, fixture_site):
    sites = {"site": real_site, "fixture-site": fixture_site}
    report = check(sites)
    pages = sum(1 for folder in sites.values() for _ in folder.rglob("*.html"))
    assert report.pages_checked == pages > 900  # every page of both languages was read
    found = report.problems
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print("\n".join(problem.annotation() for problem in found[:SHOWN]))
    assert not found, summary(found, SHOWN)


# The checker and its report, on pages made here (no built site) ---------------------------------


def test_the_checker_reports_each_error_with_its_page_and_place(tmp_path):
    site = tmp_path / "built"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text(
        '<!doctype html>\n<html lang="nl"><title>goed</title>\n<p>goed</p>\n', encoding="utf-8"
    )
    (site / "en" / "index.html").write_text(
        '<!doctype html>\n<html lang="en"><title>bad</title>\n'
        '<input type="checkbox" id="t" autocomplete="off">\n<label for="t" role="button">x</label>\n',
        encoding="utf-8",
    )
    (site / "data.json").write_text("{}", encoding="utf-8")  # not a page: not read
    report = check({"site": site})
    assert report.pages_checked == 2
    assert [(p.page, p.line, p.column) for p in report.problems] == [
        ("site/en/index.html", 3, 1), ("site/en/index.html", 4, 1),
    ]
    assert "“autocomplete”" in report.problems[0].message
    assert "“role”" in report.problems[1].message


def test_a_report_as_problems_in_the_order_of_sites_and_pages():
    site, fixture = Path("/tmp/x/site"), Path("/tmp/x/fixture")
    report = {"messages": [
        {"type": "error", "url": "file:/tmp/x/fixture/a/index.html", "lastLine": 1, "firstColumn": 1,
         "message": "fixture"},
        {"type": "error", "url": "file:/tmp/x/site/b%20c/index.html", "lastLine": 9, "firstColumn": 2,
         "lastColumn": 7, "message": "second"},
        {"type": "error", "url": "file:/tmp/x/site/a/index.html", "firstLine": 3, "lastLine": 4,
         "firstColumn": 5, "lastColumn": 1, "message": "first"},
        {"type": "non-document-error", "url": "file:/tmp/x/site/b%20c/index.html", "message": "unreadable"},
    ]}
    assert problems(report, {"site": site, "fixture-site": fixture}) == [
        Problem("site/a/index.html", 3, 5, "first"),
        Problem("site/b c/index.html", None, None, "unreadable"),
        Problem("site/b c/index.html", 9, 2, "second"),
        Problem("fixture-site/a/index.html", 1, 1, "fixture"),
    ]


def test_a_problem_for_a_reader_and_as_an_annotation():
    problem = Problem("site/a,b:c/index.html", 3, 9, "“for” is 100% wrong\nhere")
    assert problem.text() == "site/a,b:c/index.html: 3:9: “for” is 100% wrong\nhere"
    assert problem.annotation() == (
        "::error file=site/a%2Cb%3Ac/index.html,line=3,col=9::Nu Html Checker: “for” is 100%25 wrong%0Ahere"
    )
    whole = Problem("site/index.html", None, None, "unreadable")
    assert whole.text() == "site/index.html: unreadable"
    assert whole.annotation() == "::error file=site/index.html::Nu Html Checker: unreadable"


def test_the_failure_counts_each_kind_and_lists_the_first_errors():
    found = [Problem("site/a.html", 1, 1, "bad role"), Problem("site/b.html", 2, 3, "bad role"),
             Problem("site/b.html", 4, 1, "bad for")]
    assert summary(found, 2) == "\n".join([
        "3 HTML errors on 2 pages, of 2 kinds:",
        "  2 x bad role",
        "  1 x bad for",
        "site/a.html: 1:1: bad role",
        "site/b.html: 2:3: bad role",
        "... and 1 more",
    ])
