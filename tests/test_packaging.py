"""The built wheel carries the one facts.toml of the repository, byte for byte."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cqedu import bundled_facts_path
from tests.conftest import REAL_FACTS, REPO


def test_the_package_finds_its_facts_file() -> None:
    assert bundled_facts_path().read_bytes() == REAL_FACTS.read_bytes()


def test_the_wheel_bundles_the_repository_facts_file(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("cqedu-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert archive.read("cqedu/facts.toml") == REAL_FACTS.read_bytes()
    assert "cqedu/py.typed" in names
    assert not [n for n in names if n.startswith("tests/")]
