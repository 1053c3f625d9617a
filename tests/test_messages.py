"""What an editor reads when a record is wrong: every mistake in plain words, in Dutch by default and
in English on request, from one complete table, with the position and, where known, the field."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli
from sitegen.records.catalog import CatalogError, load_catalog
from sitegen.records.kinds import KINDS, unknown_message
from sitegen.records.messages import QUOTE_LIMIT, languages, placeholders, table
from sitegen.records.schema import PATTERN_MESSAGES, Vocabularies
from sitegen.records.strict_yaml import MAX_FILE_BYTES, load_file
from sitegen.site import LANGUAGE_CODES as LANGUAGES

SOURCES = sorted((ROOT / "hooks").rglob("*.py"))


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "content", root / "content")
    return root


def errors(root: Path, lang: str = "nl") -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(root)
    return [error.text(lang) for error in caught.value.errors]


# The table -------------------------------------------------------------------------------------


def _forms(entry) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


def test_the_messages_speak_the_languages_of_the_site():
    assert languages() == LANGUAGES


@pytest.mark.parametrize("key", sorted(table()))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    entry = table()[key]
    assert tuple(entry) == LANGUAGES, key
    shapes = {lang: (sorted(entry[lang]) if isinstance(entry[lang], dict) else None) for lang in LANGUAGES}
    assert shapes["nl"] == shapes["en"], f"{key}: both languages need the same forms"
    if shapes["nl"]:
        assert shapes["nl"] == ["one", "other"], key
    wanted = {frozenset(placeholders(text)) for lang in LANGUAGES for text in _forms(entry[lang])}
    assert len(wanted) == 1, f"{key}: the placeholders differ between languages or forms"
    for lang in LANGUAGES:
        for text in _forms(entry[lang]):
            assert text.strip() and text == text.strip(), key
            text.format(**{name: "x" for name in placeholders(text)})  # well-formed


_KEY_LITERAL = re.compile(
    r"""["']((?:%s)\.(?!(?:html|yml|json|svg|csv)["'])[a-z0-9_]+)["']"""
    % "|".join(sorted({key.split(".")[0] for key in table()}))
)
"""A string in the code that looks like a message key (`"yaml.tab"`), not a file name (`"region.html"`)."""


def test_every_message_the_code_names_is_in_the_table_and_every_entry_is_used():
    named = {key for path in SOURCES for key in _KEY_LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert named - set(table()) == set(), "messages named in the code but missing from messages.yml"
    dynamic = {f"noun.{name}" for name in Vocabularies.model_fields} | set(PATTERN_MESSAGES.values())
    dynamic |= {unknown_message(KINDS[link.to]) for kind in KINDS.values() for link in kind.links}
    assert set(table()) - named - dynamic == set(), "messages.yml entries no code uses"


def _mutations(value, path=()):
    """Every place of a valid record, with wrong values of every shape put there one at a time."""
    wrong = [
        None,
        "",
        "tekst",
        "x" * 300,
        -5,
        12345,
        True,
        ["a", "b"],
        {"a": "b"},
        "nl:Hallo",
        "-engineering",
    ]
    yield from ((path, bad) for bad in wrong)
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _mutations(inner, (*path, key))
        yield (*path, "onbekend"), "x"
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _mutations(inner, (*path, index))


def _set(data, path, value):
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def test_every_error_the_schema_can_give_has_words_of_its_own(content):
    """Wrong values of every shape in every field of full records: none falls back to the
    catch-all message that repeats pydantic's English."""
    import yaml

    written = 0
    for kind, name in (("initiatives", "hoofd"), ("initiatives", "hostile"), ("networks", "alpha")):
        data, _ = load_file(content / "content" / kind / f"{name}.yml")
        for number, (path, bad) in enumerate(_mutations(data)):
            if not path:
                continue
            text = yaml.safe_dump(_set(data, path, bad), allow_unicode=True)
            (content / "content" / kind / f"m-{name}-{number}.yml").write_text(text, encoding="utf-8")
            written += 1
    assert written > 500
    with pytest.raises(CatalogError) as caught:
        load_catalog(content)
    keys = {error.message.key for error in caught.value.errors}
    assert "field.other" not in keys and "yaml.other" not in keys, [
        error.text("en") for error in caught.value.errors if error.message.key.endswith(".other")
    ][:5]
    assert {
        "field.text_expected",
        "field.number_expected",
        "field.list_expected",
        "field.fields_expected",
        "field.empty",
        "field.unknown",
        "field.choice",
        "yaml.dash_space",
        "yaml.colon_space",
    } <= keys


# YAML mistakes, one class at a time, in real files ----------------------------------------------------

GOOD = (FIXTURES / "content/networks/alpha.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("replace", "by", "expected_nl", "expected_en"),
    [
        (
            "region: {nl: Alfastreek, en: Alpha region}",
            "region:\n\tnl: Alfastreek",
            "4:1: region.nl: gebruik spaties, geen tab, om in te springen",
            "use spaces, not a tab, to indent",
        ),
        (
            "region: {nl: Alfastreek, en: Alpha region}",
            "region:\n  nl: Alfastreek\n\ten: Alpha region",
            "5:1: region.en: gebruik spaties, geen tab, om in te springen",
            "use spaces, not a tab, to indent",
        ),
        (
            "region: {nl: Alfastreek, en: Alpha region}",
            "region:\n  nl: Alfastreek\n  en: Alpha: the region",
            "5:12: region.en: de tekst bevat een dubbele punt met een spatie erna (': '); "
            "zet de hele tekst tussen aanhalingstekens",
            "put the whole text between quotes",
        ),
        (
            "name: Netwerk Alpha",
            "name: Netwerk Alpha: het netwerk",
            "2:20: name: de tekst bevat een dubbele punt",
            "the text holds a colon followed by a space",
        ),
        (
            "region: {nl: Alfastreek, en: Alpha region}",
            "region: {nl: Alfastreek: zuid, en: Alpha region}",
            "3:24: region.nl: de tekst bevat een dubbele punt",
            "put the whole text between quotes",
        ),
        (
            "region: {nl: Alfastreek, en: Alpha region}",
            "region:\n  nl: Regio #1 in techniek\n  en: Alpha region",
            "4:13: region.nl: na ' #' leest YAML de rest van de regel als commentaar, "
            "dus die tekst valt weg; "
            "zet de hele tekst tussen aanhalingstekens",
            "put the whole text between quotes",
        ),
        (
            "name: Netwerk Alpha",
            "name: #1 netwerk",
            "2:7: name: na ' #' leest YAML de rest van de regel als commentaar",
            "is lost",
        ),
        (
            "status: active",
            "status:active",
            "5:8: zet een spatie na de dubbele punt, zoals in 'naam: waarde'",
            "put a space after the colon",
        ),
        (
            "region: {nl: Alfastreek, en: Alpha region}",
            "region:\n  nl:Alfastreek\n  en: Alpha region",
            "4:6: zet een spatie na de dubbele punt",
            "put a space after the colon",
        ),
        (
            "provinces: [zuid-holland]",
            "provinces:\n  - zuid-holland\n  -noord-holland",
            "6:3: zet een spatie na het streepje van een lijstregel",
            "put a space after the dash of a list item",
        ),
        (
            "provinces: [zuid-holland]",
            "provinces:\n  -zuid-holland",
            "5:3: provinces: zet een spatie na het streepje",
            "put a space after the dash",
        ),
        (
            "status: active",
            "  status: active",
            "5:3: de inspringing van deze regel past niet bij de regels erboven",
            "the indentation of this line",
        ),
        (
            "region: {nl: Alfastreek, en: Alpha region}",
            "region:\n    nl: Alfastreek\n  en: Alpha region",
            "5:3: de inspringing van deze regel past niet bij de regels erboven",
            "fields at the same level start in the same column",
        ),
        (
            "name: Netwerk Alpha",
            'name: "Netwerk Alpha',
            '2:7: name: het aanhalingsteken (") dat hier begint, wordt niet gesloten',
            'the quote (") that opens here is never closed',
        ),
        (
            "provinces: [zuid-holland]",
            "provinces: [zuid-holland",
            "4:12: provinces: de [ die hier begint, wordt niet gesloten met ]",
            "is not closed with ]",
        ),
        (
            "status: active",
            "status: active\n- founded",
            "6:1: een '-' begint een lijstregel, maar hier hoort een veld",
            "a '-' starts a list item",
        ),
        (
            "name: Netwerk Alpha",
            "name: @Alpha",
            "2:7: name: een tekst mag in YAML niet beginnen met @; zet de tekst tussen aanhalingstekens",
            "cannot start with @",
        ),
    ],
)
def test_each_yaml_mistake_says_what_to_do_where(content, replace, by, expected_nl, expected_en):
    assert replace in GOOD
    (content / "content/networks/fout.yml").write_text(GOOD.replace(replace, by), encoding="utf-8")
    found_nl = [line for line in errors(content, "nl") if line.startswith("content/networks/fout.yml:")]
    found_en = [line for line in errors(content, "en") if line.startswith("content/networks/fout.yml:")]
    assert len(found_nl) == 1, found_nl
    assert found_nl[0].startswith(f"content/networks/fout.yml:{expected_nl}"), found_nl
    assert expected_en in found_en[0], found_en


def test_the_issue_examples(content):
    """The mistakes that used to give libyaml's jargon, as an editor made them."""
    initiative = (FIXTURES / "content/initiatives/hoofd.yml").read_text(encoding="utf-8")
    (content / "content/initiatives/tab.yml").write_text(
        initiative.replace("title: {nl: Hoofdinitiatief Drenthe}", "title:\n\tnl: Tab"), encoding="utf-8"
    )
    (content / "content/initiatives/dubbele-punt.yml").write_text(
        initiative.replace(
            "title: {nl: Hoofdinitiatief Drenthe}",
            "title:\n  nl: Hoogeveen\n  en: Hoogeveen: Strong technical education",
        ),
        encoding="utf-8",
    )
    (content / "content/initiatives/leeg.yml").write_text("", encoding="utf-8")
    found = errors(content)
    assert "content/initiatives/tab.yml:3:1: title.nl: gebruik spaties, geen tab, om in te springen" in found
    assert any(
        line.startswith(
            "content/initiatives/dubbele-punt.yml:4:16: title.en: de tekst bevat een dubbele punt"
        )
        for line in found
    ), found
    assert (
        "content/initiatives/leeg.yml:1:1: het bestand is leeg; "
        "een record is een lijst velden (naam: waarde), "
        "één per regel"
    ) in found
    assert not any("token" in line or "mapping values" in line for line in found), found


# Language ----------------------------------------------------------------------------------------


def test_the_check_speaks_dutch_by_default_and_english_on_request(content):
    record = content / "content/initiatives/hoofd.yml"
    record.write_text(
        record.read_text().replace("sectors: [engineering-built-environment]", "sectors: [tech]")
    )
    dutch = run_cli(content, "check")
    english = run_cli(content, "--lang", "en", "check")
    by_env = run_cli(content, "check", SITEGEN_MESSAGES="en")
    assert dutch.returncode == english.returncode == by_env.returncode == 1
    assert dutch.stderr.splitlines() == [
        "1 fout in de records:",
        "content/initiatives/hoofd.yml:5:11: sectors[0]: 'tech' is geen bekende sector; "
        "bekend: engineering-built-environment",
    ]
    assert english.stderr.splitlines() == [
        "1 problem in the records:",
        "content/initiatives/hoofd.yml:5:11: sectors[0]: 'tech' is not a known sector; "
        "known: engineering-built-environment",
    ]
    assert by_env.stderr == english.stderr


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_annotations_carry_the_same_text_as_the_terminal(content, lang):
    record = content / "content/initiatives/hoofd.yml"
    record.write_text(record.read_text().replace("start_year: 2018", "start_year: 18"))
    result = run_cli(content, "--lang", lang, "check", GITHUB_ACTIONS="true")
    people = next(line for line in result.stderr.splitlines() if line.startswith("content/"))
    annotation = next(line for line in result.stderr.splitlines() if line.startswith("::error"))
    assert annotation.split("::", 2)[2] == people.split(": ", 1)[1]


def test_make_check_takes_the_messages_language():
    dry = subprocess.run(["make", "-n", "check", "MESSAGES=en"], cwd=ROOT, capture_output=True, text=True)
    assert "SITEGEN_MESSAGES=en" in dry.stdout


def test_the_check_and_translation_summaries_count_in_words(content):
    valid = run_cli(content, "check")
    assert re.fullmatch(r"11 records zijn in orde \(\d+\.\d\d s\)\n", valid.stdout)
    for folder in ("initiatives", "activities"):
        for record in (content / "content" / folder).glob("*.yml"):
            record.unlink()
    beta = content / "content/networks/beta-oud.yml"
    beta.write_text(
        beta.read_text()
        .replace("region: {nl: Oude streek}", "region: {nl: Oude streek, en: Old region}")
        .replace("summary: {nl: Dit steunpunt ging op in Alpha.}", "summary: {nl: Opgegaan., en: Merged.}")
    )
    (content / "content/key-figures.yml").write_text("[]\n")
    translations = run_cli(content, "translations")
    assert translations.stderr.splitlines()[-1] == "1 tekst zonder Engels"
    assert (
        run_cli(content, "--lang", "en", "translations").stderr.splitlines()[-1] == "1 text without English"
    )
    assert "geen Engelse tekst" in translations.stdout


# Limits ------------------------------------------------------------------------------------------


def test_a_huge_file_is_refused_before_it_is_read(content):
    huge = content / "content/networks/groot.yml"
    huge.write_text("name: " + "x" * (30 * 1024 * 1024) + "\n", encoding="utf-8")
    result = run_cli(content, "check")
    assert result.returncode == 1
    assert len(result.stderr) < 500
    assert (
        "content/networks/groot.yml:1:1: het bestand is 30.0 MB groot; een record mag hoogstens 256 KB zijn"
        in result.stderr
    )
    assert MAX_FILE_BYTES == 256 * 1024


def test_a_message_quotes_at_most_about_80_characters_of_a_value(content):
    record = content / "content/networks/alpha.yml"
    record.write_text(record.read_text().replace("status: active", "status: " + "a" * 5000))
    (line,) = [line for line in errors(content) if "alpha.yml" in line]
    quoted = re.search(r"'(a+…)'", line).group(1)
    assert len(quoted) == QUOTE_LIMIT and quoted.endswith("…")
    assert len(line) < 200


# Duplicates across records ---------------------------------------------------------------------------


def test_the_same_title_website_or_dossier_number_in_two_records_is_an_error(content):
    hoofd = (content / "content/initiatives/hoofd.yml").read_text()
    (content / "content/initiatives/hoofd.yml").write_text(
        hoofd.replace(
            "start_year: 2018",
            "start_year: 2018\nwebsite: https://www.example.org/hoofd/\ndossier_numbers: [STO18041]",
        )
    )
    copy_ = hoofd.replace(
        "title: {nl: Hoofdinitiatief Drenthe}", "title: {nl: Ander initiatief, en: hoofdinitiatief  DRENTHE}"
    ).replace(
        "start_year: 2018",
        "start_year: 2018\nwebsite: https://example.org/hoofd\ndossier_numbers: [STO99999, STO18041]",
    )
    (content / "content/initiatives/kopie.yml").write_text(copy_)
    found = [line for line in errors(content) if "kopie.yml" in line]
    assert found == [
        "content/initiatives/kopie.yml:2:35: title.en: 'hoofdinitiatief  DRENTHE' is ook de titel van "
        "content/initiatives/hoofd.yml:2:13; elk record heeft een eigen titel",
        "content/initiatives/kopie.yml:8:10: website: 'https://example.org/hoofd' is ook de website van "
        "content/initiatives/hoofd.yml:8:10; staat hetzelfde netwerk of initiatief er twee keer in?",
        "content/initiatives/kopie.yml:9:29: dossier_numbers[1]: dossiernummer 'STO18041' staat ook in "
        "content/initiatives/hoofd.yml:9:19; een dossiernummer hoort bij één initiatief",
    ]


def test_the_same_network_name_is_an_error(content):
    alpha = (content / "content/networks/alpha.yml").read_text()
    (content / "content/networks/gamma.yml").write_text(alpha.replace("status: active", "status: ended"))
    found = [line for line in errors(content, "en") if "gamma.yml" in line]
    assert found == [
        "content/networks/gamma.yml:2:7: name: 'Netwerk Alpha' is also the title of "
        "content/networks/alpha.yml:2:7; each record has a title of its own"
    ]


def test_a_near_copy_is_a_warning_and_the_check_still_passes(content):
    hoofd = (content / "content/initiatives/hoofd.yml").read_text()
    (content / "content/initiatives/twee.yml").write_text(
        hoofd.replace("title: {nl: Hoofdinitiatief Drenthe}", "title: {nl: Tweede initiatief Drenthe}")
    )
    result = run_cli(content, "check", GITHUB_ACTIONS="true")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"\d+ waarschuwingen? \(de controle slaagt wel\):", lines[0])
    (copy_line,) = [line for line in lines if line.startswith("content/initiatives/twee.yml:2:1:")]
    assert copy_line.startswith(
        "content/initiatives/twee.yml:2:1: waarschuwing: dit record lijkt bijna helemaal op "
        "content/initiatives/hoofd.yml:2:1 ("
    )
    assert copy_line.endswith("velden gelijk); is het een kopie die nog aangepast moet worden?")
    assert any(
        line.startswith("::warning file=content/initiatives/twee.yml,line=2,col=1::dit record lijkt")
        for line in lines
    )


def test_the_real_content_has_no_duplicates_or_near_copies():
    catalog = load_catalog(ROOT)
    assert [str(item) for item in catalog.warnings if item.message.key.startswith("duplicate.")] == []
