"""Shared fixtures: an isolated cache, a fixed terminal, and the test facts files."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import cqedu
from cqedu.core.errors import NoMatchError
from cqedu.knowledge import KnowledgeBase

TESTS = Path(__file__).parent
REPO = TESTS.parent
MINI_FACTS = TESTS / "data" / "mini_facts.toml"
#: What `check` says once when the mini file's article (mini.txt) is nowhere to be found.
SKIPPED_NOTE = (
    "cqedu: figures not verified against the article: mini.txt not found beside the facts"
    " file; give its folder with --articles DIR\n"
)
REAL_FACTS = REPO / "facts.toml"

# Variables that change how cqedu or Rich writes; each test starts without them.
_OUTPUT_ENV = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LINES", "CQEDU_FACTS", "CLICOLOR")


@pytest.fixture(autouse=True)
def isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """Each test gets its own cache folder and a fixed, colourless 100-column terminal."""
    cache = tmp_path_factory.mktemp("cache")
    for name in _OUTPUT_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CQEDU_CACHE_DIR", str(cache))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "40")
    yield cache


@pytest.fixture
def mini_kb() -> Iterator[KnowledgeBase]:
    """The tiny test facts file, loaded without a cache."""
    kb = cqedu.load(MINI_FACTS, cache=False)
    yield kb
    kb.close()


@contextlib.contextmanager
def loaded_text(path: Path, text: str) -> Iterator[KnowledgeBase]:
    """A knowledge base of one facts text, written at `path` and loaded without a cache;
    closed on leaving."""
    path.write_text(text, encoding="utf-8")
    kb = cqedu.load(path, cache=False)
    try:
        yield kb
    finally:
        kb.close()


@pytest.fixture(scope="session")
def real_kb() -> Iterator[KnowledgeBase]:
    """The repository's facts.toml, loaded without a cache."""
    kb = cqedu.load(REAL_FACTS, cache=False)
    yield kb
    kb.close()


def subprocess_env(**overrides: str) -> dict[str, str]:
    """An environment for running cqedu as a real process, as a user's shell would."""
    env = {k: v for k, v in os.environ.items() if k not in _OUTPUT_ENV}
    env.pop("PYTHONUNBUFFERED", None)  # users' shells do not set it; it hides pipe bugs
    env.update(overrides)
    return env


def shell(
    command: str, *, cwd: Path = REPO, timeout: float = 60, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run a shell pipeline, as a user's shell would, with `cqedu` meaning this checkout's
    cqedu and `set -o pipefail`; `env` is added to `subprocess_env`'s environment."""
    script = f'cqedu() {{ "{sys.executable}" -m cqedu "$@"; }}\nset -o pipefail\n{command}'
    return subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env=subprocess_env(**env),
        timeout=timeout,
        check=False,
        cwd=cwd,
    )


def python_code(
    code: str, *args: str, check: bool = True, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run `python -c code args...` in a fresh interpreter, as a user's shell would (what
    a process imports or keeps between runs is the point of such tests); `env` is added
    to `subprocess_env`'s environment; `check` fails the test on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=subprocess_env(**env),
        timeout=timeout,
        check=check,
    )


def answered(kb: KnowledgeBase, question: str) -> tuple[str, str]:
    """(the answer's record id, its one line) of `kb.ask` for `question`."""
    found = kb.ask(question)
    return found.record.id, found.text


def refused(kb: KnowledgeBase, question: str) -> str:
    """The one-line refusal `kb.ask` gives `question`, which must exit 1 (NoMatchError)."""
    with pytest.raises(NoMatchError) as caught:
        kb.ask(question)
    assert caught.value.exit_code == 1
    return str(caught.value)
