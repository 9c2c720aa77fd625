"""The public API the README documents: every name imports, every example runs as shown."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import cqedu

README = Path(__file__).parents[1] / "README.md"


def _python_example() -> list[tuple[str, object]]:
    """(statement, expected value or None) for each line of the README's Python block.

    A comment that is a Python literal (on the line, or alone on the next line) is the
    value the statement must give; any other comment only explains.
    """
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Python API\n.*?```python\n(.*?)```", text, re.S)
    assert block is not None, "README has no Python API example"
    lines = block.group(1).splitlines()
    steps: list[tuple[str, object]] = []
    for number, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        code, _, comment = line.partition("  # ")
        if not comment and number + 1 < len(lines) and lines[number + 1].startswith("# "):
            comment = lines[number + 1][2:]
        try:
            expected = ast.literal_eval(comment) if comment else None
        except (ValueError, SyntaxError):
            expected = None
        steps.append((code, expected))
    return steps


def test_every_name_the_readme_documents_imports() -> None:
    for name in (
        "load",
        "KnowledgeBase",
        "Answer",
        "Fact",
        "FactsDocument",
        "Source",
        "Level",
        "Country",
        "SearchHit",
        "CqeduError",
        "FactsError",
        "QueryError",
        "NoMatchError",
        "bundled_facts_path",
        "from_document",
        "__version__",
    ):
        assert hasattr(cqedu, name), name
    assert set(cqedu.__all__) >= {"load", "KnowledgeBase", "Answer", "NoMatchError"}
    assert cqedu.Answer.__name__ == "Answer"
    assert issubclass(cqedu.NoMatchError, cqedu.CqeduError)
    assert issubclass(cqedu.QueryError, cqedu.CqeduError)
    assert issubclass(cqedu.FactsError, cqedu.CqeduError)
    with pytest.raises(AttributeError, match="no attribute 'Answr'"):
        _ = cqedu.Answr  # type: ignore[attr-defined] # a misspelt name stays an error


def test_the_readme_python_example_runs_and_gives_what_it_shows() -> None:
    steps = _python_example()
    assert len(steps) >= 10
    namespace: dict[str, object] = {}
    checked = 0
    for code, expected in steps:
        if code.startswith(("import ", "kb = ")):
            exec(code, namespace)  # noqa: S102 - the README's own example, from this repository
            continue
        value = eval(code, namespace)  # noqa: S307 - the README's own example, from this repository
        assert value is not None, code
        if expected is not None:
            assert value == expected, code
            checked += 1
    assert checked >= 3  # the literal results shown stay true


def test_ask_returns_an_answer_with_the_documented_fields() -> None:
    answer = cqedu.load().ask("how many teachers?")
    assert isinstance(answer, cqedu.Answer)
    assert answer.record.id == "teachers"
    assert set(answer._fields) >= {"question", "text", "kind", "record", "named", "related"}
