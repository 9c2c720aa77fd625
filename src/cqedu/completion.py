"""Shell completion that inserts every value as one argument, quoted for the shell.

Typer's bash script puts the values it gets back into the command line as they are, so
`--country Uni<TAB>` gives `--country United Kingdom`: two arguments. Here bash sends the
line up to the cursor, and each value comes back quoted the way the word being completed
is quoted: `United\\ Kingdom` in a bare word, `United Kingdom` after an opening `"` or `'`
(readline closes the quote), with `"`, `$`, `` ` ``, `\\`, `!`, `'` and control characters
escaped for that context. Only this module knows how the shell quotes; cli.py installs it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import NamedTuple

from typer import _completion_shared
from typer._click.shell_completion import CompletionItem, add_completion_class
from typer._completion_classes import BashComplete, ZshComplete

#: bash's default $COMP_WORDBREAKS: readline completes only the text after the last of
#: these that is not quoted (`--country=Uni` completes `Uni`).
DEFAULT_WORDBREAKS = " \t\n\"'><=;|&(:"

# Typer offers no hook for the script; its own (COMPLETION_SCRIPT_BASH) leaves values
# unquoted and lets command substitution split and glob them. mapfile keeps each line one
# value, and the line up to the cursor keeps "=" and ":" inside the word they belong to.
BASH_SCRIPT = """
%(complete_func)s() {
    local IFS=$'\\n'
    mapfile -t COMPREPLY < <(env COMP_LINE="${COMP_LINE:0:COMP_POINT}" \\
        COMP_WORDBREAKS="$COMP_WORDBREAKS" %(autocomplete_var)s=complete_bash "$1")
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

# Typer's zsh script evals values wrapped in an _arguments spec, which loses quotes and
# backslashes ("Côte d'Ivoire" arrives as "Côte dIvoire"). Here zsh sends the words
# unquoted, one a line, and compadd quotes each value for the word being completed.
ZSH_SCRIPT = """
#compdef %(prog_name)s

%(complete_func)s() {
  local word=${(Q)PREFIX} args=${(pj:\n:)${(@Q)words[2,CURRENT-1]}}
  local -a values
  values=("${(@f)$(env _CQEDU_COMPLETE_ARGS=$args _CQEDU_COMPLETE_WORD=$word \
    %(autocomplete_var)s=complete_zsh %(prog_name)s)}")
  values=(${values:#})
  [[ $PREFIX == -*=* ]] && compset -P '*='
  if (( ${#values} )); then compadd -a values; else _files; fi
}

compdef %(complete_func)s %(prog_name)s
"""

#: Characters a bare word may hold as they are; every other one is escaped.
_BARE_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,/+%")


class Word(NamedTuple):
    """The word being completed, as typed up to the cursor."""

    value: str
    """The word as the command will get it, quotes and escapes removed."""
    kept: str
    """`value`'s start that readline keeps: what comes before the text it replaces (up to
    the last unquoted word break, or an opening quote)."""
    quote: str
    """The quote still open at the cursor (`"` or `'`), or "" for none."""


def _quoted(line: str, index: int, quote: str, value: list[str]) -> tuple[int, str]:
    """Read the character at `index` inside an open quote into `value`; the index after
    it and the quote still open."""
    char = line[index]
    if char == quote:
        return index + 1, ""
    if quote == '"' and char == "\\" and line[index + 1 : index + 2] in tuple('"\\$`\n'):
        value.append(line[index + 1])
        return index + 2, quote
    value.append(char)
    return index + 1, quote


def split_line(line: str, breaks: str = DEFAULT_WORDBREAKS) -> tuple[list[str], Word]:
    """The words of a command line typed up to the cursor, as the shell will pass them, and
    the word being completed (empty after a space).

    Backslashes, single and double quotes are read as bash reads them; an unfinished quote
    or escape is taken as typed so far.
    """
    words: list[str] = []
    value: list[str] = []
    kept = 0
    quote = ""
    started = False
    index = 0
    while index < len(line):
        if quote:
            index, quote = _quoted(line, index, quote, value)
            continue
        char = line[index]
        index += 1
        if char in " \t\n":
            if started:
                words.append("".join(value))
                value, kept, started = [], 0, False
            continue
        started = True
        if char == "\\":
            value.append(line[index : index + 1])
            index += 1
        elif char in "'\"":
            quote, kept = char, len(value)
        else:
            value.append(char)
            if char in breaks:
                kept = len(value)
    text = "".join(value)
    return words, Word(text, text[:kept], quote)


def _escape(char: str) -> str:
    """A character that no quoting can hold as it is, as an ANSI-C quoted `$'...'`."""
    code = ord(char)
    if code < 0x100:
        return f"$'\\x{code:02x}'"
    return f"$'\\u{code:04x}'" if code < 0x10000 else f"$'\\U{code:08x}'"


def quote(text: str, quote_open: str = "") -> str:
    """`text` written so bash reads it back as it is, inside the quote the word has open
    (`"` or `'`), or as a bare word when `quote_open` is ""."""
    out: list[str] = []
    for char in text:
        if not char.isprintable():
            # Leave the open quote, write the character ANSI-C quoted, open it again.
            out.append(quote_open + _escape(char) + quote_open)
        elif quote_open == "'":
            out.append("'\\''" if char == "'" else char)
        elif quote_open == '"':
            if char == "!":  # history expansion: only an unquoted backslash stops it
                out.append('"\\!"')
            else:
                out.append("\\" + char if char in '"\\$`' else char)
        else:
            out.append(char if char in _BARE_SAFE or not char.isascii() else "\\" + char)
    return "".join(out)


def replacement(word: Word, value: str) -> str | None:
    """What readline must put in place of its text so that `word` becomes `value` (a
    value Click completed, for the part after `--option=` when the word has one), or None
    when the part readline keeps does not lead to it."""
    if word.value.startswith("-") and "=" in word.value:
        value = word.value.partition("=")[0] + "=" + value
    if not value.startswith(word.kept):
        return None
    return quote(value[len(word.kept) :], word.quote)


class QuotingBashComplete(BashComplete):
    """Bash completion whose values come back quoted for the word being completed."""

    source_template = BASH_SCRIPT

    def _word_and_args(self) -> tuple[list[str], Word]:
        line = os.environ.get("COMP_LINE")
        if line is None:
            # A script Typer wrote earlier sends only COMP_WORDS (joined by newlines).
            typed = os.environ.get("COMP_WORDS", "").split("\n")
            line = " ".join(typed[: int(os.environ.get("COMP_CWORD", "0")) + 1])
        words, word = split_line(line, os.environ.get("COMP_WORDBREAKS", DEFAULT_WORDBREAKS))
        return words[1:], word

    def get_completion_args(self) -> tuple[list[str], str]:
        """The arguments before the word being completed, and that word unquoted."""
        args, word = self._word_and_args()
        return args, word.value

    def complete(self) -> str:
        """One line per value, each quoted to replace readline's text."""
        args, word = self._word_and_args()
        items: list[CompletionItem] = _any_case(self.get_completions, args, word.value)
        shown = (replacement(word, str(item.value)) for item in items)
        return "\n".join(text for text in shown if text is not None)


def _any_case(
    completions: Callable[[list[str], str], list[CompletionItem]], args: list[str], typed: str
) -> list[CompletionItem]:
    """The completions of `typed`, whatever its case (`uni` gives "United Kingdom").

    Typer keeps only values that start with the typed text exactly, so a value is asked
    for with nothing typed and matched here ignoring case; option names as typed.
    """
    option, equals, value = typed.partition("=")
    if typed.startswith("-") and not equals:
        return completions(args, typed)
    if not typed.startswith("-"):
        option, equals, value = "", "", typed
    wanted = value.casefold()
    return [
        item
        for item in completions(args, option + equals)
        if str(item.value).casefold().startswith(wanted)
    ]


class QuotingZshComplete(ZshComplete):
    """Zsh completion that hands zsh each value as it is, for compadd to quote."""

    source_template = ZSH_SCRIPT

    def get_completion_args(self) -> tuple[list[str], str]:
        """The arguments before the word being completed, and that word, unquoted."""
        word = os.environ.get("_CQEDU_COMPLETE_WORD")
        if word is None:  # a script Typer wrote earlier
            return super().get_completion_args()
        args = os.environ.get("_CQEDU_COMPLETE_ARGS", "")
        return (args.split("\n") if args else []), word

    def complete(self) -> str:
        """One value a line, as it is; for a script Typer wrote earlier, its own form."""
        if "_CQEDU_COMPLETE_WORD" not in os.environ:
            return super().complete()
        args, word = self.get_completion_args()
        values = (str(item.value) for item in self.get_completions(args, word))
        return "\n".join(value for value in values if value and "\n" not in value)


def install() -> None:
    """Make `--show-completion`, `--install-completion` and completion itself use the
    quoting scripts; call it after Typer has registered its own classes."""
    _completion_shared._completion_scripts["bash"] = BASH_SCRIPT
    _completion_shared._completion_scripts["zsh"] = ZSH_SCRIPT
    add_completion_class(QuotingBashComplete, "bash")
    add_completion_class(QuotingZshComplete, "zsh")
