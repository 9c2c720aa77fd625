"""What a question served from the cache imports: nothing of the facts files' grammar."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

#: The figure grammar (about 15 ms of regular expressions) and the TOML parsers.
_NEVER = {"cqedu.facts.figures", "cqedu.facts.loader", "cqedu.facts.toml", "toml_rs", "tomllib"}


@pytest.mark.parametrize(
    "question",
    [
        "how many teachers",
        "kindergarden enrolment rate",  # a typo, and a word before any question word
        "roughly how many teachers",  # a qualifier before the question word
        "is it true that chongqing has 10,000 schools",  # a claim with a figure
    ],
)
def test_a_question_from_the_cache_never_imports_the_figure_grammar(
    tmp_path: Path, question: str
) -> None:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    env["CQEDU_CACHE_DIR"] = str(tmp_path / "cache")
    command = [sys.executable, "-X", "importtime", "-m", "cqedu", "ask", *question.split()]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    again = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert (first.returncode, again.returncode, again.stdout) == (0, 0, first.stdout)
    modules = {line.rsplit("|", 1)[-1].strip() for line in again.stderr.splitlines()}
    assert modules & _NEVER == set()
    # The first run built the cache and parsed the facts: the check above can fail.
    assert "cqedu.facts.figures" in {
        line.rsplit("|", 1)[-1].strip() for line in first.stderr.splitlines()
    }
