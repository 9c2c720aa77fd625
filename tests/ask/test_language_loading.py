"""The function words questions read: the `stop-words` package's English list, read fast."""

from __future__ import annotations

import importlib.util

import pytest
from stop_words import get_stop_words  # type: ignore[import-untyped] # no type hints shipped

from cqedu.ask import language
from tests.conftest import python_code


def test_the_list_read_from_the_package_file_is_the_packages() -> None:
    assert language.english_stop_words() == get_stop_words("en")


def test_without_the_package_file_the_package_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert language.english_stop_words() == get_stop_words("en")


def test_reading_the_list_does_not_import_the_package() -> None:
    code = (
        "import sys; from cqedu.ask import language; words = language.function_words(); "
        "print('stop_words' in sys.modules, 'json' in sys.modules, 'the' in words)"
    )
    found = python_code(code)
    assert found.stdout == "False False True\n"
