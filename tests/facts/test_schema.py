"""`cqedu schema`: a JSON Schema of facts files derived from the field registry, which a
maintained validator (jsonschema) holds the project's own files to (issue 16, item 4)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from cqedu.cli import app
from cqedu.core.errors import FactsError
from cqedu.facts.fields import FIELDS
from cqedu.facts.loader import parse_facts
from cqedu.facts.schema import facts_schema
from tests.conftest import MINI_FACTS, REAL_FACTS
from tests.facts.helpers import HEADER, STAT
from tests.test_properties import toml_documents

VALIDATOR = Draft202012Validator(facts_schema())


def errors(document: dict[str, Any]) -> list[str]:
    """Each schema error as `path: validator`, sorted."""
    return sorted(
        f"{'/'.join(map(str, error.absolute_path))}: {error.validator or 'false schema'}"
        for error in VALIDATOR.iter_errors(document)
    )


def test_the_command_prints_the_schema_as_json() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == facts_schema()
    Draft202012Validator.check_schema(json.loads(result.stdout))


def test_every_record_field_of_the_registry_is_in_the_schema() -> None:
    stats = facts_schema()["properties"]["stats"]["items"]
    assert list(stats["properties"]) == [spec.name for spec in FIELDS if spec.in_file]
    assert stats["required"] == ["id", "name", "summary", "section", "paragraph", "value"]
    assert stats["properties"]["category"] is False
    partners = facts_schema()["properties"]["partners"]["items"]
    assert partners["properties"]["category"]["enum"] == ["institution", "country", "centre"]


@pytest.mark.parametrize(
    "path",
    [REAL_FACTS, MINI_FACTS, *sorted((Path(__file__).parents[1] / "data").glob("*facts*.toml"))],
)
def test_the_project_facts_files_are_valid(path: Path) -> None:
    assert errors(tomllib.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("value = 1234", 'value = "1234"', ["stats/0/value: type"]),
        ("value = 1234\n", "", ["stats/0: dependentRequired"] * 2 + ["stats/0: required"]),
        ('unit = "schools"\n', "", ["stats/0: dependentRequired"] * 2),
        ('id = "schools"', 'id = "Schools"', ["stats/0/id: pattern"]),
        ("paragraph = 1", "paragraph = 0", ["stats/0/paragraph: minimum"]),
        ("paragraph = 1", "paragraph = 11111111111111111111", ["stats/0/paragraph: maximum"]),
        ("paragraph = 1", "paragraph = 1\nvaule = 1", ["stats/0: additionalProperties"]),
        ("paragraph = 1", 'paragraph = 1\ncategory = "centre"', ["stats/0: false schema"]),
        ('name = "Schools"', 'name = "Schools "', ["stats/0/name: pattern"]),
        ('name = "Schools"', 'name = ""', ["stats/0/name: pattern"]),
        ('name = "Schools"', 'name = "a\\u0007b"', ["stats/0/name: pattern"]),
        (
            "paragraph = 1",
            'paragraph = 1\nkeywords = ["a", "a"]',
            ["stats/0/keywords: uniqueItems"],
        ),
        ("schema = 1", "schema = 2", ["schema: const"]),
        ('date = "2025-01-02"', 'date = "2 Jan 2025"', ["sources/0/date: pattern"]),
        ('sections = ["Intro"]', "sections = []", ["sources/0/sections: minItems"]),
        ("paragraph = 1", 'paragraph = 1\nmeasure = "ratio"', ["stats/0/measure: enum"]),
        (
            "value = 1234\n",
            'measure = "count"\n',
            ["stats/0: dependentRequired"] * 3 + ["stats/0: required"],
        ),
        ("[[stats]]", "[[stat]]", [": additionalProperties", ": anyOf"]),
    ],
)
def test_known_bad_files_fail_the_schema_and_loading(
    old: str, new: str, expected: list[str]
) -> None:
    text = HEADER + STAT
    assert old in text
    text = text.replace(old, new, 1)
    assert errors(tomllib.loads(text)) == expected
    with pytest.raises(FactsError):
        parse_facts(text.encode(), "bad.toml")


@settings(max_examples=200, deadline=None)
@given(toml_documents())
def test_a_file_that_loads_is_valid_against_the_schema(data: bytes) -> None:
    """The schema never underlines what cqedu accepts (it leaves rules across records
    to `check`, so the converse does not hold)."""
    try:
        parse_facts(data, "p.toml")
    except FactsError:
        return
    assert errors(tomllib.loads(data.decode())) == []
