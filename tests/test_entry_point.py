"""The command line's entry point: the package loads nothing until used, and the command
line's start-up imports run with the cycle collector paused."""

from __future__ import annotations

import tomllib

import pytest

import cqedu
from tests.conftest import REPO, python_code


def _run(code: str) -> str:
    result = python_code(code, check=False)
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
    # A finder that only watches whether the collector ran while the CLI module loaded; an
    # exit handler (so the interpreter ends as usual) says what it saw.
    code = (
        "import atexit, gc, sys\n"
        "seen = []\n"
        "class Watch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'cqedu.cli':\n"
        "            seen.append(gc.isenabled())\n"
        "        return None\n"
        "sys.meta_path.insert(0, Watch())\n"
        "atexit.register(lambda: print(seen, gc.isenabled(), gc.get_freeze_count() > 1000))\n"
        "sys.argv = ['cqedu', '--version']\n"
        "from cqedu.__main__ import main\n"
        "main()\n"
    )
    assert _run(code) == f"cqedu {cqedu.__version__}\n[False] True True\n"


_ANSWER = "over 500,000 teachers (as of 2025; Building a Strong Education System ¶1)\n"


@pytest.mark.parametrize(
    ("before", "ending"),
    [
        ("", ""),  # the command done, the process ends at once
        ("import atexit; atexit.register(lambda: print('handler ran'))\n", "handler ran\n"),
        (  # a thread still running is waited for, as the interpreter does
            "import threading\n"
            "def late():\n"
            "    threading.main_thread().join()\n"
            "    print('thread done', flush=True)\n"
            "threading.Thread(target=late).start()\n",
            "thread done\n",
        ),
    ],
)
def test_the_process_ends_at_once_only_when_nothing_is_left_to_finish(
    before: str, ending: str
) -> None:
    code = (
        "import sys\n"
        + before
        + "sys.argv = ['cqedu', 'ask', 'how', 'many', 'teachers']\n"
        + "from cqedu.__main__ import main\n"
        + "main()\n"
    )
    assert _run(code) == _ANSWER + ending


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (["ask", "nothing", "here"], 1, 'cqedu: the article does not answer "nothing here"'),
        (["stats", "--level", "nowhere"], 1, 'cqedu: the facts know no level "nowhere"'),
        (["stats", "--format", "jsn"], 2, 'cqedu: unknown format "jsn"'),
    ],
)
def test_an_ending_at_once_keeps_the_exit_code_and_message(
    args: list[str], code: int, stderr: str
) -> None:
    script = (
        f"import sys\nsys.argv = ['cqedu', *{args!r}]\nfrom cqedu.__main__ import main\nmain()\n"
    )
    result = python_code(script, check=False)
    assert (result.returncode, result.stdout) == (code, "")
    assert result.stderr.startswith(stderr)
