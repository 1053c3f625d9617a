"""The strict loader: YAML 1.1 surprises stay strings, and every unsafe or ambiguous input is refused
with a line and column."""

from __future__ import annotations

import pytest

from sitegen.records.strict_yaml import YamlProblem, load_file, load_text, positions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("country: NO", "NO"),
        ("answer: yes", "yes"),
        ("switch: on", "on"),
        ("time: 12:30", "12:30"),
        ("postcode: 01234", "01234"),
        ("version: 1.10", "1.10"),
        ("big: 1_000", "1_000"),
        ("hex: 0x1F", "0x1F"),
        ("inf: .inf", ".inf"),
        ("phone: +31201234567", "+31201234567"),
        ("date: 2024-02-30", "2024-02-30"),
        ("date: 2024-01-01", "2024-01-01"),
    ],
)
def test_ambiguous_scalars_stay_strings(text, expected):
    data, _ = load_text(text)
    assert list(data.values()) == [expected]


def test_plain_types_still_work():
    data, _ = load_text("year: 2018\nflag: true\nnothing: null\nempty:\nneg: -3")
    assert data == {"year": 2018, "flag": True, "nothing": None, "empty": None, "neg": -3}


def test_keys_are_strings():
    data, _ = load_text("NO: 1\n1: 2")
    assert data == {"NO": 1, "1": 2}


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ("name: a\nname: b", 2, "yaml.duplicate_key"),
        ("outer:\n  inner: 1\n  inner: 2", 3, "yaml.duplicate_key"),
        ("a: &anchor 1\nb: *anchor", 1, "yaml.alias"),
        ("a: &x [1]\nb: [*x, *x]", 1, "yaml.alias"),
        ("a: !!python/object/apply:os.system [echo hi]", 1, "yaml.tag"),
        ("a: !custom value", 1, "yaml.tag"),
        ("a: !!timestamp 2020-01-01", 1, "yaml.tag"),
        ("a: 1\n---\nb: 2", 2, "yaml.one_document"),
        ('a: "unterminated\n', 1, "yaml.unclosed_quote"),
        ("a:\n\t- tab", 2, "yaml.tab"),
        ("a: b: c", 1, "yaml.colon_in_text"),
        ("? [a, b]\n: c", 1, "yaml.key_not_plain"),
    ],
)
def test_unsafe_or_broken_yaml_is_refused_with_a_position(text, line, key):
    with pytest.raises(YamlProblem) as caught:
        load_text(text)
    assert caught.value.line == line
    assert caught.value.message.key == key


def test_duplicate_key_names_the_first_line():
    with pytest.raises(YamlProblem) as caught:
        load_text("name: a\nname: b")
    assert (
        caught.value.message.text("en")
        == "the field 'name' is there twice (first on line 1); keep one of them"
    )
    assert (
        caught.value.message.text("nl")
        == "het veld 'name' staat er twee keer (eerst op regel 1); houd er één"
    )


def test_deep_nesting_is_refused():
    with pytest.raises(YamlProblem) as caught:
        load_text("a: " + "[" * 20000 + "]" * 20000)
    assert caught.value.message.key in {"yaml.too_deep", "yaml.other"}


def test_invalid_utf8_is_refused_with_its_position(tmp_path):
    path = tmp_path / "latin1.yml"
    path.write_bytes("name: ok\ntitle: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlProblem) as caught:
        load_file(path)
    assert (caught.value.line, caught.value.column) == (2, 11)
    assert "UTF-8" in caught.value.message.text("nl")


def test_bom_and_crlf_are_tolerated(tmp_path):
    path = tmp_path / "bom.yml"
    path.write_bytes("\ufeffname: ok\r\nother: 2\r\n".encode("utf-8"))
    assert load_file(path)[0] == {"name": "ok", "other": 2}


def test_nul_byte_is_refused():
    with pytest.raises(YamlProblem):
        load_text("a: \x00")


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_empty_documents_load_as_nothing(text):
    assert load_text(text) == (None, None)


def test_positions_point_at_values_and_keys():
    _, node = load_text("title:\n  nl: Hallo\nsectors:\n  - a\n  - b\n")
    pos = positions(node)
    assert pos[("title", "nl")] == (2, 7)
    assert pos[("sectors", 1)] == (5, 5)
    assert pos[("sectors", "__key__")] == (3, 1)
