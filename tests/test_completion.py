"""Shell completion as a person meets it: a real interactive shell in a pseudo-terminal,
cqedu's completion script loaded, TAB pressed, then Enter; the command must run with the
completed value as one argument (issue 15, item 10).

Bash is tested everywhere; zsh and fish when they are installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqedu.completion import BASH_SCRIPT, Word, quote, replacement, split_line
from tests.conftest import MINI_FACTS, REAL_FACTS, TESTS, subprocess_env

SHELL_FACTS = TESTS / "data" / "shell_facts.toml"
CQEDU = Path(sys.executable).parent / "cqedu"
PROMPT = "PROMPT>"

# ---------------------------------------------------------------- the line, unquoted


@pytest.mark.parametrize(
    ("line", "words", "word"),
    [
        ("cqedu partners --country Uni", ["cqedu", "partners", "--country"], Word("Uni", "", "")),
        ("cqedu partners -c ", ["cqedu", "partners", "-c"], Word("", "", "")),
        ('cqedu partners -c "Uni', ["cqedu", "partners", "-c"], Word("Uni", "", '"')),
        ("cqedu partners -c 'Uni", ["cqedu", "partners", "-c"], Word("Uni", "", "'")),
        ("cqedu partners -c United\\ K", ["cqedu", "partners", "-c"], Word("United K", "", "")),
        (
            "cqedu partners --country=Uni",
            ["cqedu", "partners"],
            Word("--country=Uni", "--country=", ""),
        ),
        (
            'cqedu partners --country="Uni',
            ["cqedu", "partners"],
            Word("--country=Uni", "--country=", '"'),
        ),
        (
            "cqedu --facts 'my facts.toml' -c \"C\\\"d",
            ["cqedu", "--facts", "my facts.toml", "-c"],
            Word('C"d', "", '"'),
        ),
        ("cqedu -c a\\", ["cqedu", "-c"], Word("a", "", "")),
    ],
)
def test_split_line_reads_words_as_bash_passes_them(
    line: str, words: list[str], word: Word
) -> None:
    assert split_line(line) == (words, word)


# ---------------------------------------------------------------- the value, quoted


@pytest.mark.parametrize(
    ("text", "open_quote", "quoted"),
    [
        ("United Kingdom", "", "United\\ Kingdom"),
        ("United Kingdom", '"', "United Kingdom"),
        ("United Kingdom", "'", "United Kingdom"),
        ("Côte d'Ivoire", "", "Côte\\ d\\'Ivoire"),
        ("Côte d'Ivoire", '"', "Côte d'Ivoire"),
        ("Côte d'Ivoire", "'", "Côte d'\\''Ivoire"),
        ("$HOME `x` \\", '"', "\\$HOME \\`x\\` \\\\"),
        ("Bang!Island", '"', 'Bang"\\!"Island'),
        ("Bang!Island", "", "Bang\\!Island"),
        (
            "a*b [c] (d) & e; f | g > h",
            "",
            "a\\*b\\ \\[c\\]\\ \\(d\\)\\ \\&\\ e\\;\\ f\\ \\|\\ g\\ \\>\\ h",
        ),
        ("line\nbreak", "", "line$'\\x0a'break"),
        ("line\nbreak", '"', "line\"$'\\x0a'\"break"),
        ("tab\there", "'", "tab'$'\\x09''here"),
    ],
)
def test_quote_writes_text_for_the_open_quote(text: str, open_quote: str, quoted: str) -> None:
    assert quote(text, open_quote) == quoted


@pytest.mark.parametrize(
    ("word", "value", "inserted"),
    [
        (Word("Uni", "", ""), "United Kingdom", "United\\ Kingdom"),
        (Word("Uni", "", '"'), "United Kingdom", "United Kingdom"),
        (Word("--country=Uni", "--country=", ""), "United Kingdom", "United\\ Kingdom"),
        (Word("--country=Uni", "", '"'), "United Kingdom", "--country=United Kingdom"),
        (Word("a:b", "a:", ""), "a:bc d", "bc\\ d"),
        (Word("a:b", "a:", ""), "ab", None),
    ],
)
def test_replacement_is_what_readline_puts_in_place_of_its_text(
    word: Word, value: str, inserted: str | None
) -> None:
    assert replacement(word, value) == inserted


#: Texts that each quoting context must hold, whatever Hypothesis draws besides.
TRICKY_TEXTS = [
    "Bang!Island", "!", "a!=b", "it's", '"q"', "$HOME", "${x}", "`x`", "\\", "a\nb", "tab\t",
    "~user", "#x", "*", "[a]", "a b", "", " ", "x;y|z&w", "(c)", "<>", "重庆 São", "\u2028",
]  # fmt: skip


@settings(max_examples=1, deadline=None)
@given(
    st.lists(
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
        ),
        min_size=200,
        max_size=200,
    )
)
def test_bash_reads_every_quoted_text_back_as_it_was(texts: list[str]) -> None:
    """Each text, quoted for each opening quote, is one argument to bash, unchanged."""
    texts = [*TRICKY_TEXTS, *texts]
    words = [
        opening + quote(text, opening) + opening for text in texts for opening in ("", '"', "'")
    ]
    # History expansion ("!") is what an interactive shell adds; turned on here too.
    script = "set -o history -H\nprintf '%s\\0' " + " ".join(w if w else "''" for w in words) + "\n"
    done = subprocess.run(
        ["bash", "--norc", "--noprofile"],
        input=script.encode(),
        capture_output=True,
        check=True,
    )
    expected = [text for text in texts for _ in range(3)]
    assert done.stdout.decode().split("\0")[:-1] == expected


# ---------------------------------------------------------------- the script


def _bash_script() -> str:
    """The script cqedu's bash completion is, for the program named cqedu."""
    names = {
        "complete_func": "_cqedu_completion",
        "autocomplete_var": "_CQEDU_COMPLETE",
        "prog_name": "cqedu",
    }
    return (BASH_SCRIPT % names).strip()


def test_show_completion_writes_the_quoting_bash_script() -> None:
    done = subprocess.run(
        [str(CQEDU), "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env=subprocess_env(_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"),
        check=False,
    )
    assert (done.stdout, done.returncode) == (_bash_script() + "\n", 0)


def test_install_completion_writes_the_quoting_bash_script(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(CQEDU), "--install-completion", "bash"],
        capture_output=True,
        text=True,
        env=subprocess_env(HOME=str(tmp_path), _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    installed = (tmp_path / ".bash_completions" / "cqedu.sh").read_text()
    assert installed == _bash_script()


def _in_bash(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """cqedu run with Typer's shell detection on, from bash, as a user types it."""
    return subprocess.run(
        ["bash", "-c", '"$0" "$@"', str(CQEDU), *args],
        capture_output=True,
        text=True,
        env=subprocess_env(HOME=str(home)),
        check=False,
    )


def test_a_shell_named_after_show_completion_is_the_one_shown(tmp_path: Path) -> None:
    # Typed in bash, `--show-completion zsh` printed the bash script.
    zsh = _in_bash("--show-completion", "zsh", home=tmp_path)
    assert (zsh.returncode, zsh.stdout.splitlines()[0], zsh.stderr) == (0, "#compdef cqedu", "")
    fish = _in_bash("--show-completion=fish", home=tmp_path)
    assert (fish.returncode, fish.stdout.split()[:3]) == (0, ["complete", "--command", "cqedu"])


def test_install_completion_installs_for_the_shell_named(tmp_path: Path) -> None:
    done = _in_bash("--install-completion", "zsh", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [".zfunc", ".zshrc"]


@pytest.mark.parametrize(
    ("shell", "hint"), [("bsh", ' (did you mean "bash"?)'), ("tcsh", ' (did you mean "zsh"?)')]
)
@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
def test_an_unknown_shell_is_refused_not_replaced_by_the_current_one(
    tmp_path: Path, option: str, shell: str, hint: str
) -> None:
    # `--install-completion tcsh` installed bash's completion, and said so.
    done = _in_bash(option, shell, home=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        f'cqedu: {option}: unknown shell "{shell}"{hint}; shells: bash, zsh, fish, powershell, '
        "pwsh\n",
    )
    assert list(tmp_path.iterdir()) == []


def _complete(line: str, **env: str) -> list[str]:
    """What cqedu sends bash for `line` typed up to the cursor."""
    done = subprocess.run(
        [str(CQEDU)],
        capture_output=True,
        text=True,
        env=subprocess_env(_CQEDU_COMPLETE="complete_bash", COMP_LINE=line, **env),
        check=True,
    )
    return done.stdout.splitlines()


def test_completion_of_units_ids_and_levels() -> None:
    real = {"CQEDU_FACTS": str(REAL_FACTS)}
    assert _complete("cqedu stats --unit inst", **real) == ["institutions\\ and\\ programs"]
    assert _complete("cqedu stats --unit 'countries a", **real) == ["countries and regions"]
    assert _complete("cqedu stats -l pre", **real) == ["preschool"]
    assert _complete("cqedu stats -l PRE", **real) == ["preschool"]
    assert _complete("cqedu partners --country=uni", **real) == ["United\\ Kingdom"]
    assert _complete("cqedu partners --coun", **real) == ["--country"]
    assert _complete("cqedu stats --source cq", **real) == ["cq-education-2025"]
    assert _complete("cqedu show esi-top-t", **real) == ["esi-top-threshold"]
    assert _complete("cqedu programs -t clin", **real) == ["clinical\\ medicine"]


def test_completion_from_a_script_typer_wrote_earlier() -> None:
    """A script installed before this fix sends COMP_WORDS; values still come back quoted."""
    done = subprocess.run(
        [str(CQEDU)],
        capture_output=True,
        text=True,
        env=subprocess_env(
            _CQEDU_COMPLETE="complete_bash",
            COMP_WORDS="cqedu\npartners\n--country\nUni",
            COMP_CWORD="3",
            CQEDU_FACTS=str(MINI_FACTS),
        ),
        check=True,
    )
    assert done.stdout == "United\\ Kingdom\n"


# ---------------------------------------------------------------- a person at a terminal


class Terminal:
    """An interactive shell in a pseudo-terminal, with cqedu's completion loaded."""

    def __init__(self, child: pexpect.spawn, work: Path) -> None:
        self.child = child
        self.work = work

    def run(self, typed: str, after: str = "") -> str:
        """Type `typed`, press TAB, type `after`, press Enter; what the command printed."""
        out = self.work / "out.txt"
        out.unlink(missing_ok=True)
        self.child.send(typed)
        self.child.send("\t")
        # The shell has inserted the value when the redirection typed next shows up.
        self.child.send(f"{after}> {out}")
        self.child.expect_exact(f"> {out}", timeout=20)
        self.child.send("\r")
        # Shells redraw the prompt while a line is edited: the next one follows a newline.
        self.child.expect_exact("\r\n", timeout=20)
        self.child.expect_exact(PROMPT, timeout=20)
        return out.read_text() if out.exists() else "(the command did not run)"

    def last_command(self) -> str:
        """The line the shell last ran, as history keeps it."""
        record = self.work / "history.txt"
        self.child.send(f"fc -ln -1 > {record}\r")
        self.child.expect_exact("\r\n", timeout=20)
        self.child.expect_exact(PROMPT, timeout=20)
        lines = record.read_text().strip().splitlines()
        return lines[0].strip() if lines else ""


def _spawn(
    argv: list[str],
    env: dict[str, str],
    setup: list[str],
    work: Path,
    ready: str = "echo READY-$((40 + 2))",
) -> Terminal:
    child = pexpect.spawn(
        argv[0], argv[1:], env=env, cwd=str(work), encoding="utf-8", dimensions=(40, 200)
    )
    for line in setup:
        child.sendline(line)
    # The terminal echoes what is typed before the shell reads it: wait for what only
    # the shell can print (the sum), then for its prompt.
    child.sendline(ready)
    child.expect_exact("READY-42", timeout=30)
    child.expect_exact(PROMPT, timeout=30)
    return Terminal(child, work)


def _shell_env(work: Path, facts: Path) -> dict[str, str]:
    return subprocess_env(
        PATH=f"{CQEDU.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        CQEDU_CACHE_DIR=str(work / "cache"),
        CQEDU_FACTS=str(facts),
        HOME=str(work),
        TERM="dumb",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )


@pytest.fixture(scope="module")
def bash(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminal]:
    """One interactive bash for the module: the real facts by default, shell.toml beside."""
    work = tmp_path_factory.mktemp("bash")
    shutil.copy(SHELL_FACTS, work / "shell.toml")
    terminal = _spawn(
        ["bash", "--norc", "--noprofile", "-i"],
        _shell_env(work, REAL_FACTS),
        [
            f"PS1='{PROMPT} '",
            "bind 'set enable-bracketed-paste off'",
            "source <(_CQEDU_COMPLETE=source_bash cqedu)",
        ],
        work,
    )
    yield terminal
    terminal.child.sendline("exit")
    terminal.child.close()


REAL_CASES = [
    # typed before TAB, the line bash ran, what it printed
    (
        "cqedu partners -f tsv -F id,country --country uni",
        "cqedu partners -f tsv -F id,country --country United\\ Kingdom",
        "id\tcountry\nuniversity-of-leicester\tUnited Kingdom\n",
    ),
    (
        "cqedu partners -f tsv -F id,country --country Uni",
        "cqedu partners -f tsv -F id,country --country United\\ Kingdom",
        "id\tcountry\nuniversity-of-leicester\tUnited Kingdom\n",
    ),
    (
        'cqedu partners -f tsv -F id,country --country "Uni',
        'cqedu partners -f tsv -F id,country --country "United Kingdom"',
        "id\tcountry\nuniversity-of-leicester\tUnited Kingdom\n",
    ),
    (
        "cqedu partners -f tsv -F id,country --country 'Uni",
        "cqedu partners -f tsv -F id,country --country 'United Kingdom'",
        "id\tcountry\nuniversity-of-leicester\tUnited Kingdom\n",
    ),
    (
        "cqedu partners -f tsv -F id,country --country=Uni",
        "cqedu partners -f tsv -F id,country --country=United\\ Kingdom",
        "id\tcountry\nuniversity-of-leicester\tUnited Kingdom\n",
    ),
    (
        "cqedu programs -f tsv -F id --field clin",
        "cqedu programs -f tsv -F id --field clinical\\ medicine",
        "id\nsino-foreign-cooperative-programs\nsino-foreign-annual-enrollment\n",
    ),
    (
        "cqedu stats -f tsv -F id,as_written --unit institutions",
        "cqedu stats -f tsv -F id,as_written --unit institutions\\ and\\ programs",
        "id\tas_written\nsino-foreign-cooperative-programs\t78\n",
    ),
    (
        "cqedu stats -f tsv -F id --level presc",
        "cqedu stats -f tsv -F id --level preschool",
        "id\npreschool-enrollment-rate\ninclusive-preschool-coverage\n"
        "free-preschool-children\nfree-preschool-year\n",
    ),
    (
        "cqedu show -f tsv -F id,as_written esi-top-t",
        "cqedu show -f tsv -F id,as_written esi-top-threshold",
        "id\tas_written\nesi-top-threshold\ttop 1%\n",
    ),
]

SHELL_CASES = [
    (
        "cqedu --facts shell.toml partners -f tsv -F id,country -c Cô",
        "cqedu --facts shell.toml partners -f tsv -F id,country -c Côte\\ d\\'Ivoire",
        "id\tcountry\nshell-ivory\tCôte d'Ivoire\n",
    ),
    (
        'cqedu --facts shell.toml partners -f tsv -F id,country -c "Cô',
        'cqedu --facts shell.toml partners -f tsv -F id,country -c "Côte d\'Ivoire"',
        "id\tcountry\nshell-ivory\tCôte d'Ivoire\n",
    ),
    (
        "cqedu --facts shell.toml partners -f tsv -F id,country -c 'Cô",
        "cqedu --facts shell.toml partners -f tsv -F id,country -c 'Côte d'\\''Ivoire'",
        "id\tcountry\nshell-ivory\tCôte d'Ivoire\n",
    ),
    (
        "cqedu --facts shell.toml partners -f tsv -F id,country -c Tri",
        "cqedu --facts shell.toml partners -f tsv -F id,country -c Trinidad\\ \\&\\ Tobago",
        "id\tcountry\nshell-trinidad\tTrinidad & Tobago\n",
    ),
    (
        'cqedu --facts shell.toml partners -f tsv -F id,country -c "Won',
        'cqedu --facts shell.toml partners -f tsv -F id,country -c "Wonder \\$HOME \\`land\\`"',
        "id\tcountry\nshell-wonder\tWonder $HOME `land`\n",
    ),
    (
        'cqedu --facts shell.toml partners -f tsv -F id,country -c "Ba',
        'cqedu --facts shell.toml partners -f tsv -F id,country -c "Bang"\\!"Island"',
        "id\tcountry\nshell-bang\tBang!Island\n",
    ),
    (
        "cqedu --facts shell.toml programs -f tsv -F id --field it",
        "cqedu --facts shell.toml programs -f tsv -F id --field "
        "it\\'s\\ \\\\\\ back\\:\\ slash\\;\\ \\[more\\]",
        "id\nshell-quotes\n",
    ),
    (
        "cqedu --facts shell.toml stats -f tsv -F id,unit --unit pu",
        "cqedu --facts shell.toml stats -f tsv -F id,unit --unit pupils\\ \\(ages\\ 6\\*9\\)",
        "id\tunit\nshell-pupils\tpupils (ages 6*9)\n",
    ),
]


@pytest.mark.parametrize(("typed", "line", "printed"), REAL_CASES + SHELL_CASES)
def test_bash_completes_each_value_as_one_argument(
    bash: Terminal, typed: str, line: str, printed: str
) -> None:
    """TAB then Enter: the line bash ran holds the value quoted, and cqedu found it."""
    output = bash.run(typed)
    assert (bash.last_command(), output) == (f"{line} > {bash.work / 'out.txt'}", printed)


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completes_each_value_as_one_argument(tmp_path: Path) -> None:
    shutil.copy(SHELL_FACTS, tmp_path / "shell.toml")
    terminal = _spawn(
        ["zsh", "-f", "-i"],
        _shell_env(tmp_path, REAL_FACTS),
        [
            f"PS1='{PROMPT} '",
            "autoload -Uz compinit; compinit -u -D",
            'eval "$(_CQEDU_COMPLETE=source_zsh cqedu)"',
        ],
        tmp_path,
    )
    assert terminal.run("cqedu --facts shell.toml partners -f tsv -F id,country -c Cô") == (
        "id\tcountry\nshell-ivory\tCôte d'Ivoire\n"
    )
    assert terminal.run('cqedu --facts shell.toml partners -f tsv -F id,country -c "Wo') == (
        "id\tcountry\nshell-wonder\tWonder $HOME `land`\n"
    )
    assert (
        terminal.run("cqedu --facts shell.toml programs -f tsv -F id --field it")
        == "id\nshell-quotes\n"
    )
    terminal.child.close()


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_each_value_as_one_argument(tmp_path: Path) -> None:
    shutil.copy(SHELL_FACTS, tmp_path / "shell.toml")
    terminal = _spawn(
        ["fish", "--no-config", "-i"],
        _shell_env(tmp_path, REAL_FACTS),
        [
            f"function fish_prompt; echo -n '{PROMPT} '; end",
            "env _CQEDU_COMPLETE=source_fish cqedu | source",
        ],
        tmp_path,
        ready="echo READY-(math 40 + 2)",
    )
    assert terminal.run("cqedu --facts shell.toml partners -f tsv -F id,country -c Cô") == (
        "id\tcountry\nshell-ivory\tCôte d'Ivoire\n"
    )
    assert (
        terminal.run("cqedu --facts shell.toml programs -f tsv -F id --field it")
        == "id\nshell-quotes\n"
    )
    terminal.child.close()


@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
@pytest.mark.parametrize("form", ["spaced", "joined", "blank"])
def test_an_empty_shell_name_is_refused(tmp_path: Path, option: str, form: str) -> None:
    # `--show-completion ''` printed the bash script, exit 0
    args = {"spaced": [option, ""], "joined": [f"{option}="], "blank": [option, " "]}[form]
    done = _in_bash(*args, home=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        f"cqedu: {option}: the shell name is empty; shells: bash, zsh, fish, powershell, pwsh\n",
    )
    assert list(tmp_path.iterdir()) == []
