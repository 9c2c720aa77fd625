"""Where tables get their width, and whether colour is welcome."""

from __future__ import annotations

import os

import pytest

from cqedu.render import console


def test_columns_in_the_environment_wins() -> None:
    assert console.terminal_width({"COLUMNS": "132"}) == 132


def test_a_pipe_on_stdout_takes_the_width_of_the_terminal_on_stderr(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def size(descriptor: int) -> os.terminal_size:
        if descriptor != 2:
            raise OSError("not a terminal")
        return os.terminal_size((120, 40))

    monkeypatch.setattr(console.os, "get_terminal_size", size)
    assert console.terminal_width({"COLUMNS": "not a number"}) == 120


def test_no_terminal_anywhere_means_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    def size(descriptor: int) -> os.terminal_size:
        raise OSError(f"{descriptor} is not a terminal")

    monkeypatch.setattr(console.os, "get_terminal_size", size)
    assert console.terminal_width({}) == 80
    assert console.terminal_width({"COLUMNS": "0"}) == 80
