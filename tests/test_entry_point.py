"""The command line's entry point: the package loads nothing until used, and the command
line's start-up imports run with the cycle collector paused."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

import cqedu
from tests.conftest import REPO, subprocess_env


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env=subprocess_env(),
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout


def test_importing_the_package_loads_only_its_version() -> None:
    code = "import sys, cqedu; print(sorted(m for m in sys.modules if m.startswith('cqedu')))"
    assert _run(code) == "['cqedu', 'cqedu._version']\n"


def test_a_public_name_is_imported_on_first_use() -> None:
    code = (
        "import sys, cqedu\n"
        "from cqedu.knowledge import load\n"
        "print(cqedu.load is load, 'load' in vars(cqedu))\n"
        "from cqedu import *\n"
        "print(NoMatchError.__module__, Answer.__module__)"
    )
    assert _run(code) == "True True\ncqedu.core.errors cqedu.ask.question\n"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match=r"^module 'cqedu' has no attribute 'nothing'$"):
        _ = cqedu.nothing


def test_dir_lists_every_public_name() -> None:
    assert set(cqedu.__all__) <= set(dir(cqedu))


def test_the_console_script_is_the_entry_point_that_pauses_the_collector() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"cqedu": "cqedu.__main__:main"}


def test_the_command_line_loads_with_the_collector_paused_and_runs_with_it_on() -> None:
    # A finder that only watches: whether the collector ran while the CLI module loaded.
    code = (
        "import gc, sys\n"
        "seen = []\n"
        "class Watch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'cqedu.cli':\n"
        "            seen.append(gc.isenabled())\n"
        "        return None\n"
        "sys.meta_path.insert(0, Watch())\n"
        "sys.argv = ['cqedu', '--version']\n"
        "from cqedu.__main__ import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    print(done.code, seen, gc.isenabled(), gc.get_freeze_count() > 1000)\n"
    )
    assert _run(code) == f"cqedu {cqedu.__version__}\n0 [False] True True\n"
