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
    ("text", "line", "fragment"),
    [
        ("name: a\nname: b", 2, "duplicate key 'name' (first on line 1)"),
        ("outer:\n  inner: 1\n  inner: 2", 3, "duplicate key 'inner'"),
        ("a: &anchor 1\nb: *anchor", 1, "anchors and aliases"),
        ("a: &x [1]\nb: [*x, *x]", 1, "anchors and aliases"),
        ("a: !!python/object/apply:os.system [echo hi]", 1, "not allowed"),
        ("a: !custom value", 1, "not allowed"),
        ("a: !!timestamp 2020-01-01", 1, "not allowed"),
        ("a: 1\n---\nb: 2", 2, "one document"),
        ('a: "unterminated\n', 2, "quoted scalar"),
        ("a:\n\t- tab", 2, ""),
        ("a: b: c", 1, ""),
        ("? [a, b]\n: c", 1, "plain word"),
    ],
)
def test_unsafe_or_broken_yaml_is_refused_with_a_position(text, line, fragment):
    with pytest.raises(YamlProblem) as caught:
        load_text(text)
    assert caught.value.line == line
    assert fragment in caught.value.message


def test_invalid_utf8_is_refused_with_its_position(tmp_path):
    path = tmp_path / "latin1.yml"
    path.write_bytes("name: ok\ntitle: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlProblem) as caught:
        load_file(path)
    assert (caught.value.line, caught.value.column) == (2, 11)
    assert "UTF-8" in caught.value.message


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
