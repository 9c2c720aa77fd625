"""The cqedu command line: parses options, calls the API, writes results, and exits."""

# No `from __future__ import annotations` here: Typer would have to evaluate every
# annotation string on each run, a few milliseconds of start-up.
import gc
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, NamedTuple, NoReturn

import typer
from typer import _click as click  # Typer's own Click, whose Command this subclasses
from typer._types import TyperChoice  # the class of every --format choice; typer is pinned
from typer.core import TyperCommand, TyperGroup

from cqedu import __version__
from cqedu.core.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_NO_MATCH,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    CqeduError,
    FactsError,
    NoMatchError,
    OutputError,
    QueryError,
)
from cqedu.core.matching import did_you_mean
from cqedu.core.text import escape_controls, in_another_script
from cqedu.facts.fields import FACT_FIELDS
from cqedu.facts.files import MAX_SHOWN_PATH, display_path
from cqedu.facts.model import TABLE_OF_KIND, Fact, Level
from cqedu.knowledge import KnowledgeBase, load
from cqedu.render import (
    HEADED_FORMATS,
    VIEWS,
    AnswerFormat,
    OutputFormat,
    RenderOptions,
    Results,
    View,
    render,
)

# \b keeps Click from rewrapping, so each line is kept under 80 columns by hand.
EXIT_CODES_HELP = (
    "\b\nExit codes: 0 results printed; 1 nothing matched; 2 bad usage or unusable\n"
    "facts file; 70 internal error; 74 output not writable; 130 interrupted."
)


def _stderr(message: str) -> None:
    """One message line on stderr, with control characters and the bytes of a path that
    are not UTF-8 made visible (wrapped between words on a terminal: `message_for`)."""
    stream = sys.stderr
    if stream is None:  # started without stderr: nothing left to tell
        return
    # deferred for start-up: the consoles' module only when there is a message
    from cqedu.render.console import message_for

    try:
        stream.write(message_for(stream, escape_controls(display_path(message))) + "\n")
        stream.flush()
    except (OSError, ValueError):  # stderr closed or not writable: nothing left to tell
        pass


class _ClosedStdout(io.TextIOBase):
    """Stands for a stdout the process was started without (`>&-`, some cron jobs and
    daemons): output written to it is an OutputError (exit 74); writing nothing is fine,
    so a run that has nothing to print (no match, `check` without problems) is unaffected."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if text:
            raise OutputError("cannot write the output: stdout is closed")
        return 0


#: The standard streams the process was started without ("stdin", ...).
_CLOSED_AT_START: set[str] = set()
#: Paths that read standard input.
_STDIN_PATHS = frozenset({"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"})
#: The path of a facts file that stands for standard input, as most tools take it.
STDIN_ARG = "-"
#: The Path `-` is given as, known by identity: Path("./-"), the file named "-", prints
#: as "-" too, and must stay that file.
_STDIN_MARK = Path(STDIN_ARG)
#: The device `-` is read through; where the system has none (Windows), standard input is
#: copied to a temporary file instead.
_STDIN_DEVICE = "/dev/stdin"


def _guard_standard_streams() -> None:
    """Make a process started with stdin, stdout or stderr closed safe to run.

    A closed descriptor is held open on the null device, so no file cqedu opens later (a
    facts file, a worker's pipe) takes its number and receives writes meant for a
    standard stream. Python leaves such a stream None: a closed stdout becomes
    _ClosedStdout, so output is refused with exit 74, while a closed stdin (never read)
    and stderr (`_stderr` skips it) stay None.
    """
    for descriptor, name in enumerate(("stdin", "stdout", "stderr")):
        if getattr(sys, name) is not None:
            continue
        _CLOSED_AT_START.add(name)
        try:
            os.fstat(descriptor)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
                if null != descriptor:
                    os.dup2(null, descriptor)
                    os.close(null)
            except OSError:  # no null device: the number stays free, cqedu still runs
                pass
        if name == "stdout":
            sys.stdout = _ClosedStdout()


#: A bad option value longer than this is not quoted back whole, only its length said.
MAX_SHOWN_VALUE = 40


def _choice_message(
    message: Callable[[TyperChoice[Any], Any, Any], str],
) -> Callable[[TyperChoice[Any], Any, Any], str]:
    """The refusal of a --format value in the words every other option value gets
    (`unknown kind "orgs" (did you mean ...); valid kinds: ...`), not Click's "Invalid
    value for '--format' / '-f': 'jsn' is not one of ..."; `_usage_error` writes it as
    the one line. A format of another command (`ask -f toml`) says so."""
    del message

    def refusal(choice: TyperChoice[Any], value: Any, ctx: Any) -> str:
        names = [str(getattr(option, "value", option)) for option in choice.choices]
        valid = f"valid formats: {', '.join(names)}"
        text = str(value)
        command = getattr(getattr(ctx, "command", None), "name", None)
        if not text.strip():
            return f"empty format; {valid}"
        if len(text) > MAX_SHOWN_VALUE:
            return f"unknown format ({len(text):,} characters); {valid}"
        if text.casefold() in {fmt.value for fmt in OutputFormat} and command:
            return f'format "{text}" does not apply to {command}; {valid}'
        return f'unknown format "{text}"{did_you_mean(text, names)}; {valid}'

    return refusal


TyperChoice.get_invalid_choice_message = _choice_message(  # type: ignore[method-assign, assignment]  # Typer builds the choice itself: no subclass can stand in
    TyperChoice.get_invalid_choice_message
)


class CqeduGroup(TyperGroup):
    """Runs the app and turns every failure into one or two plain lines and an exit code."""

    def main(  # same call as Click's, but it always exits
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> NoReturn:
        del standalone_mode  # errors are always handled here, also under CliRunner
        _guard_standard_streams()
        _use_quoting_completion(args)
        _given_args[:] = sys.argv[1:] if args is None else args
        stdout = sys.stdout
        try:
            code = super().main(
                args=args,
                prog_name=prog_name or "cqedu",
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except CqeduError as error:
            code = _report(error)
        except typer.TyperException as error:  # Click's usage errors, vendored by Typer
            try:
                code = _usage_error(error)
            except OutputError as failed:  # the help of a bare `cqedu` could not be written
                code = _report(failed)
        except typer.Abort:
            _stderr("cqedu: aborted")
            code = EXIT_INTERRUPTED
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
        except SystemExit:
            if sys.stdout is stdout:
                raise
            # Click wraps stdout and exits 1 when the reader of its help goes away (`--help
            # | head -1`); like every other output, that ends quietly with 0.
            _silence_stdout()
            code = EXIT_OK
        except OSError as error:
            # Our own output raises OutputError; Click writes its help itself (echo).
            code = _unwritten_output(error) if _raised_by_echo(error) else _internal_error(error)
        except Exception as error:
            code = _internal_error(error)
        if code == EXIT_INTERRUPTED:
            _stderr("cqedu: interrupted")
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _use_quoting_completion(args: Sequence[str] | None) -> None:
    """Bash completion that quotes what it inserts, when completing or writing the script.

    Typer registers its own completion classes when it builds the command, just before
    this runs, so cqedu's are registered here.
    """
    given = sys.argv[1:] if args is None else args
    if os.environ.get("_CQEDU_COMPLETE") or any(
        arg.startswith(("--show-completion", "--install-completion")) for arg in given
    ):
        # deferred for start-up: only completion needs the shell's quoting
        from cqedu import completion

        completion.install()


def _report(error: CqeduError) -> int:
    """The error's message on stderr, and its exit code."""
    _stderr(f"cqedu: {error}")
    if isinstance(error, OutputError):
        _silence_stdout()  # what is still buffered must not fail again at exit
    return error.exit_code


def _internal_error(error: Exception) -> int:
    _stderr(f"cqedu: internal error: {type(error).__name__}: {error}")
    _stderr("cqedu: this is a bug; please report it with the command you ran")
    return EXIT_INTERNAL


def _raised_by_echo(error: BaseException) -> bool:
    """Whether `error` was raised while Click's echo wrote (help to a full disk, or to a
    stdout open only for reading)."""
    trace = error.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        if frame.f_code.co_name == "echo" and str(frame.f_globals.get("__name__")).endswith(
            "click.utils"
        ):
            return True
        trace = trace.tb_next
    return False


def _unwritten_output(error: OSError) -> int:
    """Exit 74 for output that could not be written, with nothing left pending for exit."""
    _stderr(f"cqedu: cannot write the output: {error.strerror or error}")
    _silence_stdout()
    return EXIT_OUTPUT


def _usage_error(error: typer.TyperException) -> int:
    """Click's usage error as `cqedu: error: ...` plus its hint; bare `cqedu` shows help."""
    ctx = getattr(error, "ctx", None)
    # By name: Typer vendors Click and exports no NoArgsIsHelpError of its own to import.
    if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
        _write(ctx.get_help() + "\n")
        return EXIT_OK
    if type(error).__name__ == "BadParameter" and isinstance(
        getattr(getattr(error, "param", None), "type", None), TyperChoice
    ):
        # A --format value: one line in the project's words (`_choice_message`), as a
        # bad --kind or --limit gets.
        _stderr(f"cqedu: {getattr(error, 'message', error)}")
        return EXIT_USAGE
    message = error.format_message()
    option = getattr(error, "option_name", None)
    if (
        type(error).__name__ == "NoSuchOption"
        and isinstance(option, str)
        and not option.startswith("--")
        and ctx is not None
        and ctx.command.name in ("search", "ask")
    ):
        # "-5", "-1.5", "-how many", "- how many": a word of a query or question that
        # starts with one "-" is read as short options, as by every command line (Click
        # reads "-how" as -h, -o, -w), and the command's own options are long or known;
        # "--" before it ends the options.
        message += " (put -- before the words when one of them starts with -)"
    elif type(error).__name__ == "NoSuchOption" and isinstance(option, str) and ctx is not None:
        placed = _misplaced_option(option, ctx)
        if placed:
            message = placed
    _stderr(f"cqedu: error: {message}")
    if ctx is not None:
        _stderr(f"Try '{ctx.command_path} --help' for help.")
    code = getattr(error, "exit_code", EXIT_USAGE)
    return code if isinstance(code, int) else EXIT_USAGE


#: The arguments of the run, as given: usage errors quote them back.
_given_args: list[str] = []


def _misplaced_option(option: str, ctx: Any) -> str | None:
    """Where an option belongs when it was given on the wrong side of the command: one
    of cqedu itself after the command (`cqedu stats --facts x`), or one of a command
    before it (`cqedu --level preschool stats`); None when no part of cqedu has it."""
    root = ctx.find_root()
    group = root.command
    commands: dict[str, Any] = getattr(group, "commands", {})
    name = option.partition("=")[0]

    def holds(command: Any) -> bool:
        return any(name in (*p.opts, *p.secondary_opts) for p in command.params)

    args = list(_given_args)
    if ctx.command is not group and holds(group):
        command = ctx.command.name
        after = args.index(command) + 1 if command in args else 0
        at = next((i for i in range(after, len(args)) if args[i].partition("=")[0] == name), None)
        moved = args[at : at + 1] if at is not None else [name]
        takes_value = "=" not in moved[0] and not _is_flag(group, name)
        if at is not None and takes_value and at + 1 < len(args):
            moved.append(args[at + 1])
        # The run's own command line with the option moved before its command.
        rest = args[:at] + args[at + len(moved) :] if at is not None else args
        place = rest.index(command) if command in rest else 0
        line = ["cqedu", *rest[:place], *moved, *rest[place:]]
        example = " ".join(_shell_quoted(arg) for arg in line)
        return f"{name} is an option of cqedu itself: give it before the command, {example}"
    if ctx.command is group:
        named = next((arg for arg in args if arg in commands), None)
        holders = [n for n, command in commands.items() if holds(command)]
        if named is not None and named in holders:
            return f"{name} is an option of {named}: give it after the command"
        if holders:
            listed = ", ".join(holders[:-1]) + " and " + holders[-1] if holders[1:] else holders[0]
            return f"{name} is an option of {listed}: give it after the command"
    return None


def _is_flag(command: Any, name: str) -> bool:
    return any(name in p.opts and getattr(p, "is_flag", False) for p in command.params)


def _shell_quoted(arg: str) -> str:
    """`arg` as a shell reads it back, for a command line a message shows."""
    import shlex  # deferred: only a misplaced option quotes a command line

    return shlex.quote(arg)


app = typer.Typer(
    cls=CqeduGroup,
    name="cqedu",
    help="Query the facts of a report on Chongqing's education system "
    "(press conference of 20 October 2025): figures, programs, partners, and more.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _State(NamedTuple):
    """What the app's own options say, for the commands."""

    facts: tuple[Path, ...]
    """Facts files and folders to read; empty for the bundled file."""


# ---------------------------------------------------------------- facts paths and completion


def _facts_option(given: list[str] | None) -> tuple[Path, ...]:
    """The paths --facts gives, else those of $CQEDU_FACTS; empty for the bundled file.

    QueryError for an empty path: Path("") is the current folder, which nobody means.
    An empty or unset $CQEDU_FACTS stands for the bundled file, as an empty
    $CQEDU_CACHE_DIR for the default folder; an empty entry in it is refused.
    """
    if given:
        return _paths(given, "--facts")
    variable = os.environ.get("CQEDU_FACTS", "")
    if not variable:
        return ()
    # Click would split a multiple option's variable on spaces; paths may hold them.
    parts = variable.split(os.pathsep)
    if "" in parts:
        raise QueryError(
            f'CQEDU_FACTS holds an empty path ("{variable}"); separate its paths with one '
            f'"{os.pathsep}" and leave none empty'
        )
    return tuple(_path(part) for part in parts)


def _path(text: str) -> Path:
    """A path as given; `-` stands for standard input (`_readable`)."""
    return _STDIN_MARK if text == STDIN_ARG else Path(text)


def _paths(given: Sequence[str], what: str) -> tuple[Path, ...]:
    """`given` as paths; QueryError naming `what` when one of them is empty."""
    if "" in given:
        raise QueryError(
            f"{what}: a path is empty; give a facts file or folder (. for the current folder)"
        )
    return tuple(_path(path) for path in given)


def _completion_kb(ctx: typer.Context) -> KnowledgeBase | None:
    try:
        paths = _facts_option(ctx.find_root().params.get("facts"))
        if any(path is _STDIN_MARK for path in paths):
            return None  # completing a word must not wait on standard input
        return load(paths or None)
    except CqeduError:
        return None


def _complete(values: Callable[[KnowledgeBase], list[str]]) -> Callable[..., list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        kb = _completion_kb(ctx)
        if kb is None:
            return []
        wanted = incomplete.casefold()
        return [v for v in values(kb) if v.casefold().startswith(wanted)]

    return complete


_complete_levels = _complete(lambda kb: [lv.id for lv in kb.levels])
_complete_countries = _complete(lambda kb: [c.name for c in kb.countries])
_complete_fields = _complete(lambda kb: kb.program_fields())
_complete_units = _complete(lambda kb: kb.units())
_complete_ids = _complete(lambda kb: kb.ids())
_complete_sources = _complete(lambda kb: [info.source.id for info in kb.source_list()])

# ---------------------------------------------------------------- shared options
# Short options mean the same on every command: -f format, -F fields, -s sort,
# -L long, -l level, -u unit, -t subject field, -c country, -k kind, -n limit.

FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help="Output format: table (default on a terminal), tsv (default otherwise), "
        "csv, json, jsonl or toml.",
    ),
]
NoHeaderOption = Annotated[
    bool,
    typer.Option("--no-header", help="Leave out the header row (table, tsv and csv only)."),
]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        "-F",
        metavar="LIST",
        help="Only these fields, in this order, in every format: a comma-separated list "
        f"such as id,as_written,unit. Fields: {', '.join(FACT_FIELDS)} (search adds score "
        "and matched_field).",
    ),
]
SortOption = Annotated[
    str | None,
    typer.Option(
        "--sort",
        "-s",
        metavar="FIELD",
        help="Order by this field: numbers as numbers, text ignoring case, empty values last.",
    ),
]
DescOption = Annotated[bool, typer.Option("--desc", help="With --sort: largest or last first.")]
LongOption = Annotated[
    bool,
    typer.Option("--long", "-L", help="Tables add each record's summary and where it stands."),
]
KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        help="Only records of this kind: stat, program, partner, event, person, "
        "organization or concept (plurals such as people work too).",
    ),
]


SourceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        "-S",
        metavar="ID",
        autocompletion=_complete_sources,
        help="Only records of this source (see cqedu sources); repeat it for several.",
    ),
]


def _epilog(*examples: str, exit_codes: str = EXIT_CODES_HELP) -> str:
    """The help's closing lines: exit codes, then real examples (\b keeps Click's hands off)."""
    shown = "\n".join(f"  {example}" for example in examples)
    return f"{exit_codes}\n\n\b\nExamples:\n{shown}"


def _version(value: bool) -> None:
    if value:
        _write(f"cqedu {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main_options(
    ctx: typer.Context,
    facts: Annotated[
        # Strings, not Paths: Typer's Path type stats the value and fails on a NUL byte.
        list[str] | None,
        typer.Option(
            "--facts",
            metavar="PATH",
            help="Facts file or folder (its *.toml files) to query instead of the bundled "
            "file; repeat it to query several as one. Default: $CQEDU_FACTS, a list "
            f"separated by {os.pathsep!r}.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    del version
    ctx.obj = _State(_facts_option(facts))


# ---------------------------------------------------------------- output


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, send what is left nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real descriptor (as under CliRunner)
        pass


def _write(text: str) -> None:
    """Write results to stdout in its encoding.

    A reader that stops early (`| head -1`) is no error: what is left goes nowhere and the
    command ends with its own exit code (`check` still exits 1 for problems found). A
    stdout left non-blocking by the process that started us is waited for, not given up
    on. Any other failure to write is an OutputError (exit 74), not a bug.
    """
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    data = text.encode(encoding, errors="backslashreplace")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(data.decode(encoding))
            stream.flush()
            return
        stream.flush()
        try:
            descriptor = buffer.fileno()
        except (OSError, ValueError, AttributeError):  # no descriptor (as under CliRunner)
            buffer.write(data)
            buffer.flush()
            return
        buffer.flush()
        _write_all(descriptor, data)
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:
        raise OutputError(f"cannot write the output: {error.strerror or error}") from None


def _write_all(descriptor: int, data: bytes) -> None:
    """Write every byte of `data` to `descriptor`, waiting while it would block.

    A parent (a Node.js process, some CI runners) may hand us a non-blocking pipe: a
    write then stops at the pipe's 64 KiB with EAGAIN, and the rest must wait for the
    reader, not be lost.
    """
    view = memoryview(data)
    while view:
        try:
            view = view[os.write(descriptor, view) :]
        except BlockingIOError:
            # deferred for start-up: only a non-blocking stdout needs it
            import select

            select.select([], [descriptor], [])


def _output_settings(
    fmt: OutputFormat | None, no_header: bool
) -> tuple[OutputFormat, RenderOptions]:
    # deferred for start-up: only the command that uses it imports it
    from cqedu.render.console import stream_traits

    traits = stream_traits(sys.stdout)
    chosen = fmt or (OutputFormat.TABLE if traits.is_terminal else OutputFormat.TSV)
    if no_header and chosen not in HEADED_FORMATS:
        raise QueryError(f"--no-header applies to table, tsv and csv output, not {chosen.value}")
    options = RenderOptions(
        header=not no_header,
        color=traits.color and chosen is OutputFormat.TABLE,
        width=traits.width,
        ascii_only=traits.ascii_only,
        encoding=traits.encoding,
    )
    return chosen, options


def _answer(
    fmt: OutputFormat | None,
    no_header: bool,
    view: View,
    query: Callable[[], Results],
    nothing: str = "nothing matches",
) -> None:
    """Run a query and write its results.

    One rule for every command and format: a query that finds nothing writes nothing to
    stdout (no header, no `[]`) and ends in NoMatchError (exit 1), whose message (or
    `nothing`, when the query itself returned no records) goes to stderr.
    """
    del view  # kept in the call so every command reads alike; results carry their view
    chosen, options = _output_settings(fmt, no_header)
    results = query()
    if not results.facts:
        raise NoMatchError(nothing)
    _write(render(chosen, results, options))


def _chosen(source: list[str] | None) -> str:
    """How a message names the facts a query looked in."""
    return "the chosen sources" if source else "the facts"


def _view(command: str, fields: str | None, long: bool = False) -> View:
    """The command's view with the fields --fields names (checked before any work)."""
    if fields is None:
        return VIEWS[command]._replace(long=long)
    from cqedu.query.selection import HIT_FIELDS, choose_fields  # deferred: only --fields needs it

    allowed = HIT_FIELDS if command == "search" else FACT_FIELDS
    return VIEWS[command].with_fields(choose_fields(fields, allowed))._replace(long=long)


def _sort_order(sort: str | None, desc: bool) -> tuple[str, bool] | None:
    """The field and direction --sort and --desc ask for, or None to keep the natural order."""
    if sort is None:
        if desc:
            raise QueryError("--desc orders by --sort FIELD; give one, e.g. --sort value --desc")
        return None
    from cqedu.query.selection import sort_field  # deferred: only --sort needs it

    return sort_field(sort), desc


def _sorted(
    found: list[Fact], order: tuple[str, bool] | None, *, programs: bool = False
) -> list[Fact]:
    """Records in the order --sort asks for (programs keep their figures under them)."""
    if order is None:
        return found
    # deferred for start-up: only the command that uses it imports it
    from cqedu.query.selection import sort_facts, sort_programs

    sort = sort_programs if programs else sort_facts
    return sort(found, order[0], descending=order[1])


def _kb(
    ctx: typer.Context, sources: list[str] | None = None, *, for_search: bool = False
) -> KnowledgeBase:
    """The knowledge base the app options name, kept to `sources` when --source gives any."""
    state = ctx.find_object(_State)
    paths = _readable(state.facts if state is not None else ())
    try:
        kb = load(paths or None, for_search=for_search)
    except FactsError as error:
        raise _article_hint(error, paths) from None
    return kb.only_sources(sources) if sources else kb


def _refuse_closed_stdin(paths: Sequence[Path]) -> None:
    """FactsError when a path reads standard input and the process was started without
    one: held on the null device, it would read as an empty facts file."""
    stdin = [path for path in paths if path is _STDIN_MARK or str(path) in _STDIN_PATHS]
    if stdin and ("stdin" in _CLOSED_AT_START or sys.stdin is None):
        raise FactsError(
            f"{stdin[0]}: standard input is closed; pipe a facts file in "
            f"(cqedu --facts {stdin[0]} ... < facts.toml)"
        )


def _readable(paths: Sequence[Path]) -> tuple[Path, ...]:
    """`paths` with `-` as the path that reads standard input; FactsError when the
    process has none (`_refuse_closed_stdin`).

    `-` is standard input whatever the working folder holds, as for cat and tar: a file
    named "-" is given as ./-, so a command means the same in every folder.
    """
    _refuse_closed_stdin(paths)
    if not any(path is _STDIN_MARK for path in paths):
        return tuple(paths)
    stdin = _stdin_file()
    return tuple(stdin if path is _STDIN_MARK else path for path in paths)


_spooled: list[Path] = []


def _stdin_file() -> Path:
    """A path that reads standard input: its device, else (once) a temporary copy of it."""
    if Path(_STDIN_DEVICE).exists():
        return Path(_STDIN_DEVICE)
    if not _spooled:
        # deferred: only a system without /dev/stdin copies standard input
        import atexit
        import tempfile

        with tempfile.NamedTemporaryFile(
            prefix="cqedu-stdin-", suffix=".toml", delete=False
        ) as copy:
            copy.write(sys.stdin.buffer.read())
        spooled = Path(copy.name)
        atexit.register(spooled.unlink, missing_ok=True)
        _spooled.append(spooled)
    return _spooled[0]


def _article_hint(error: FactsError, paths: Sequence[Path]) -> FactsError:
    """`error`, with the command that drafts a facts file when the file it names is an
    article (a.txt given to --facts fails as TOML at its first line)."""
    # deferred for start-up: only a file that failed to load needs it
    from cqedu.facts.read import ARTICLE_SUFFIXES

    message = str(error)
    for path in paths:
        if (
            path.suffix.lower() in ARTICLE_SUFFIXES
            and message.startswith(f"{path}:")
            and "invalid TOML" in message
        ):
            return FactsError(
                f"{message}; {path} looks like an article, not a facts file: draft one from "
                f"it with cqedu draft {path} > {path.with_suffix('.toml').name}"
            )
    return error


def _facts_paths(ctx: typer.Context) -> tuple[Path, ...]:
    state = ctx.find_object(_State)
    return state.facts if state is not None else ()


# ---------------------------------------------------------------- commands

Command = Callable[..., None]


class CqeduCommand(TyperCommand):
    """A command that refuses an option of one value given twice ("--level preschool
    --level high"), which Click would settle silently by keeping the last."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            _, _, order = self.make_parser(ctx).parse_args(args=list(args))
        except typer.TyperException:
            order = []  # a fault of its own, which the parse below reports
        seen: set[str | None] = set()
        for param in order:
            takes_one = not (
                getattr(param, "multiple", True)
                or getattr(param, "count", False)
                or getattr(param, "is_flag", True)
            )
            if param.param_type_name == "option" and takes_one:
                if param.name in seen:
                    ctx.fail(f"{param.opts[0]} given twice; give it once")
                seen.add(param.name)
        return super().parse_args(ctx, args)


def _command(*examples: str, exit_codes: str = EXIT_CODES_HELP) -> Callable[[Command], Command]:
    """Register a command whose help ends with `examples`; its summary is its docstring's
    first line, given whole (Click would shorten it in the top-level help)."""

    def register(function: Command) -> Command:
        summary = (function.__doc__ or "").splitlines()[0]
        epilog = _epilog(*examples, exit_codes=exit_codes)
        registered: Command = app.command(cls=CqeduCommand, short_help=summary, epilog=epilog)(
            function
        )
        return registered

    return register


@_command(
    "cqedu stats --level preschool",
    "cqedu stats --unit percent --sort value --desc",
    "cqedu stats -F id,as_written,unit,period -f csv",
)
def stats(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            "-l",
            metavar="LEVEL",
            autocompletion=_complete_levels,
            help="Only figures of this education level: an id (preschool), "
            "a name or alias (kindergarten, TVET), or a close spelling.",
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            "-u",
            metavar="UNIT",
            autocompletion=_complete_units,
            help="Only figures counted in this unit (percent, students, schools, ...).",
        ),
    ] = None,
    sort: SortOption = None,
    desc: DescOption = False,
    source: SourceOption = None,
    fields: FieldsOption = None,
    long: LongOption = False,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Every figure the article gives, with its unit, level and period."""
    view, order = _view("stats", fields, long), _sort_order(sort, desc)

    def run() -> Results:
        kb = _kb(ctx, source)
        return Results(tuple(_sorted(kb.figures(level, unit), order)), view, levels=kb.levels)

    _answer(fmt, no_header, view, run, f"{_chosen(source)} hold no figure")


@_command(
    "cqedu programs --field robotics",
    "cqedu programs --sort name",
    "cqedu programs -F id,name,fields -f json",
)
def programs(
    ctx: typer.Context,
    field: Annotated[
        str | None,
        typer.Option(
            "--field",
            "-t",
            metavar="FIELD",
            autocompletion=_complete_fields,
            help="Only programs in this subject field (robotics, medicine, ...).",
        ),
    ] = None,
    sort: SortOption = None,
    desc: DescOption = False,
    source: SourceOption = None,
    fields: FieldsOption = None,
    long: LongOption = False,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Programs and initiatives, each followed by the figures tied to it."""
    view, order = _view("programs", fields, long), _sort_order(sort, desc)

    def run() -> Results:
        kb = _kb(ctx, source)
        found = kb.programs(field)
        return Results(tuple(_sorted(found, order, programs=True)), view, levels=kb.levels)

    _answer(fmt, no_header, view, run, f"{_chosen(source)} hold no program")


@_command(
    "cqedu partners",
    "cqedu partners --country UK",
    "cqedu partners --sort country -F name,country -f tsv",
)
def partners(
    ctx: typer.Context,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            "-c",
            metavar="COUNTRY",
            autocompletion=_complete_countries,
            help="Only partners of this country or region: a name, short form "
            "(UK, Britain) or close spelling.",
        ),
    ] = None,
    sort: SortOption = None,
    desc: DescOption = False,
    source: SourceOption = None,
    fields: FieldsOption = None,
    long: LongOption = False,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Partner institutions, countries and international centres, with their country."""
    view, order = _view("partners", fields, long), _sort_order(sort, desc)

    def run() -> Results:
        kb = _kb(ctx, source)
        return Results(tuple(_sorted(kb.partners(country), order)), view, levels=kb.levels)

    _answer(fmt, no_header, view, run, f"{_chosen(source)} name no partner")


@_command(
    "cqedu search leicester",
    "cqedu search how many teachers -n 5",
    "cqedu search vocational --kind stats -F id,as_written,score",
)
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(metavar="QUERY...", help="Words to look for; typos are forgiven."),
    ],
    limit: Annotated[
        # Text, read by _limit: Click's int range words its own refusals ("'abc' is not a
        # valid int range"), unlike every other bad value.
        str | None,
        typer.Option(
            "--limit", "-n", metavar="N", help="Most results to show (default 10, at most 10,000)."
        ),
    ] = None,
    kind: KindOption = None,
    source: SourceOption = None,
    fields: FieldsOption = None,
    long: LongOption = False,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Fuzzy search over every record, best match first, with a score (0-100)."""
    text = " ".join(query)
    most = _limit(limit)
    view = _view("search", fields, long)

    def run() -> Results:
        # deferred for start-up: only the command that uses it imports it
        from cqedu.query.search import outcome_lines

        kb = _kb(ctx, source, for_search=True)
        outcome = kb.search_outcome(text, most, kind=kind)
        for line in outcome_lines(outcome):
            _stderr(f"cqedu: {line}")
        if not outcome.hits:
            among = f" among {TABLE_OF_KIND[kb.resolve_kind(kind)]}" if kind is not None else ""
            if in_another_script(text):
                raise NoMatchError(f'nothing{among} matches "{text}"; cqedu searches English words')
            raise NoMatchError(f'nothing{among} matches "{text}"; try other or fewer words')
        hits = tuple(outcome.hits)
        return Results(tuple(hit.fact for hit in hits), view, hits=hits, levels=kb.levels)

    _answer(fmt, no_header, view, run)


#: The most results one search shows: search.MAX_LIMIT, written out, as importing search
#: here would slow every command (a test holds them equal).
MAX_LIMIT = 10_000
DEFAULT_LIMIT = 10


def _limit(given: str | None) -> int:
    """The number --limit gives; QueryError (exit 2) naming the fault and the range."""
    if given is None:
        return DEFAULT_LIMIT
    text = given.strip()
    digits = text.removeprefix("-").removeprefix("+")
    if not (digits.isascii() and digits.isdigit()):
        shown = f'"{given}"' if len(given) <= MAX_SHOWN_VALUE else f"({len(given):,} characters)"
        raise QueryError(f"--limit {shown} is not a whole number; give one from 1 to {MAX_LIMIT:,}")
    wanted = f"give a whole number from 1 to {MAX_LIMIT:,}"
    significant = digits.lstrip("0")  # measured before int(): 5,000 digits are refused
    shown = text if len(text) <= MAX_SHOWN_VALUE else f"({len(digits):,} digits)"
    if text.startswith("-") or not significant:
        raise QueryError(f"--limit {shown} is too small; {wanted}")
    if len(significant) > len(str(MAX_LIMIT)) or int(significant) > MAX_LIMIT:
        raise QueryError(f"--limit {shown} is too large; {wanted}")
    return int(significant)


@_command(
    "cqedu show teachers",
    "cqedu show preschool-enrollment-rate -f json",
    "cqedu show teachers -F as_written,section,paragraph -f tsv",
)
def show(
    ctx: typer.Context,
    record_id: Annotated[
        str,
        typer.Argument(metavar="ID", autocompletion=_complete_ids, help="Id of the record."),
    ],
    fields: FieldsOption = None,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """One record in full, with where in the article it comes from."""
    view = _view("show", fields)
    # An id typed in bytes that are not UTF-8 names no record (ids are UTF-8 text), and
    # SQLite takes no such string: looked up as printed, it is an unknown id (exit 1).
    wanted = display_path(record_id)

    def run() -> Results:
        kb = _kb(ctx)
        return Results((kb.get(wanted),), view, levels=kb.levels)

    _answer(fmt, no_header, view, run)


@_command(
    "cqedu export -f toml > my-facts.toml",
    "cqedu export --kind events -f table",
    "cqedu export -F id,kind,name --sort name -f csv",
)
def export(
    ctx: typer.Context,
    kind: KindOption = None,
    sort: SortOption = None,
    desc: DescOption = False,
    source: SourceOption = None,
    fields: FieldsOption = None,
    long: LongOption = False,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """The whole knowledge base; with -f toml, a file that loads as a facts file.

    With --kind or --fields, toml output holds only what was chosen.
    """
    view, order = _view("export", fields, long), _sort_order(sort, desc)

    def run() -> Results:
        kb = _kb(ctx, source)
        found = _sorted(kb.records(kind), order)
        document = kb.document()._replace(facts=tuple(found))
        return Results(document.facts, view, document=document)

    _answer(fmt, no_header, view, run, f"{_chosen(source)} hold no record")


@_command(
    "cqedu ask how many teachers does Chongqing have",
    "cqedu ask which countries does Chongqing work with on vocational training",
    "cqedu ask when was the World Culture Fair -f json",
)
def ask(
    ctx: typer.Context,
    question: Annotated[
        list[str],
        typer.Argument(
            metavar="QUESTION...",
            help='A question in plain English: "how many teachers are there?"',
        ),
    ],
    fmt: Annotated[
        AnswerFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            show_default=False,
            help="Output format: table (default on a terminal), the answer line alone "
            "(default otherwise), tsv or csv (the record plus answer), json or jsonl.",
        ),
    ] = None,
    source: SourceOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """One direct answer to a question, with where the article says it; exit 1 when it is silent."""
    # deferred for start-up: only the command that uses it imports it
    from cqedu.render.answer import render_answer

    chosen, options = _output_settings(None if fmt is None else OutputFormat(fmt), no_header)
    # In a pipe, by default the answer line alone: ready for a shell variable.
    line_only = fmt is None and chosen is not OutputFormat.TABLE
    answer = _kb(ctx, source).ask(" ".join(question))
    _write(render_answer(None if line_only else chosen, answer, options))


# ---------------------------------------------------------------- sources and check


@_command("cqedu sources", "cqedu --facts facts.toml --facts more-facts/ sources -f table")
def sources(
    ctx: typer.Context,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Every source: its id, title, date, the facts file it was read from, and its records."""
    # deferred for start-up: only the command that uses it imports it
    from cqedu.render.sources import render_sources

    chosen, options = _output_settings(fmt, no_header)
    _write(render_sources(chosen, _kb(ctx).source_list(), options))


@_command(
    "cqedu check facts.toml",
    "cqedu check my-facts/ other.toml",
    "cqedu check --articles ../articles new.toml",
    "cqedu check --strict new.toml",
    exit_codes="\b\nExit codes: 0 every file is valid (warnings aside, unless --strict);\n"
    "1 problems found; 2 bad usage.",
)
def check(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,  # strings: Typer's Path type fails on a NUL byte
        typer.Argument(
            metavar="PATH...",
            help="Facts files or folders to check (default: those --facts names, "
            "else the bundled file).",
        ),
    ] = None,
    articles: Annotated[
        str | None,
        typer.Option(
            "--articles",
            metavar="DIR",
            help="Folder of the article files the sources name (default: next to each "
            "facts file); their figures are verified against the text.",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Fail (exit 1) on warnings too: tables left to review, figures of the "
            "article no record holds, an article that was not found.",
        ),
    ] = False,
) -> None:
    """Check facts files: every problem, one line each as path:line:column: message."""
    # deferred for start-up: only the command that uses it imports it
    from cqedu.facts.check import check_paths, strict_failures
    from cqedu.knowledge import bundled_facts_path

    if articles is not None:
        _articles_folder(articles)
    given = _readable(_paths(paths or (), "check") or _facts_paths(ctx))
    report = check_paths(
        given or (bundled_facts_path(),),
        None if articles is None else Path(articles),
    )
    lines = report.problems + report.warnings
    if lines:
        # One line per problem, whatever a file's name holds (a newline, bytes not UTF-8).
        _write("".join(escape_controls(display_path(line)) + "\n" for line in lines))
    if report.skipped:
        # A path is not found where it points; a name is looked for beside the facts file.
        paths = [name for name in report.skipped if Path(name).is_absolute()]
        names = [name for name in report.skipped if name not in paths]
        missing = [f"{', '.join(names)} not found beside the facts file"] if names else []
        missing += [f"{', '.join(paths)} not found"] if paths else []
        _stderr(
            f"cqedu: figures not verified against the article: {'; '.join(missing)}; "
            "give its folder with --articles DIR"
        )
    files = f"{report.files} facts file{'s' if report.files != 1 else ''}"
    warned = len(report.warnings)
    warnings = f" ({warned} warning{'s' if warned != 1 else ''})" if warned else ""
    if not report.problems:
        shown = f"; {report.verified} verified in the article" if report.verified else ""
        if strict and (report.warnings or report.skipped):
            # the line says what failed: "no problems" alone read as a pass
            _stderr(
                f"cqedu: {files} checked, no problems, but --strict fails "
                f"{'it' if report.files == 1 else 'them'} on {strict_failures(report)}{shown}"
            )
            raise typer.Exit(EXIT_NO_MATCH)
        _stderr(f"cqedu: {files} checked, no problems{shown}{warnings}")
        return
    problems = len(report.problems)
    _stderr(
        f"cqedu: {problems} problem{'s' if problems != 1 else ''} in {report.faulty_files} "
        f"of {files}{warnings}"
    )
    raise typer.Exit(EXIT_NO_MATCH)


def _articles_folder(path: str) -> None:
    """QueryError unless `path` names a folder: empty (Path("") is the current folder,
    which nobody means), missing, or a file (an article given in place of its folder); a
    name the system refuses (too long, a loop of links, a NUL) names none, rather than
    raising."""
    if not path:
        raise QueryError(
            "--articles: the path is empty; give the folder of the article files "
            "(. for the current folder)"
        )
    shown = path if len(path) <= MAX_SHOWN_PATH else f"({len(path):,} characters)"
    try:
        if Path(path).is_dir():
            return
        is_file = Path(path).is_file()
    except (OSError, ValueError):
        is_file = False
    if is_file:
        folder = _shell_quoted(str(Path(path).parent))
        raise QueryError(
            f"--articles {shown}: is a file, not a folder; give the folder that holds the "
            f"article files (--articles {folder})"
        )
    raise QueryError(f"--articles {shown}: no such folder")


@_command(
    "cqedu draft article.txt > new.toml",
    "cqedu draft article.md --id bj-schools-2025 --date 2025-06-05 > bj.toml",
    "cqedu --facts kb/ draft new.txt > kb/new.toml",
    exit_codes="\b\nExit codes: 0 drafted; 1 no figure or date to draft; 2 bad usage or\n"
    "unreadable article; 74 output not writable.",
)
def draft(
    ctx: typer.Context,
    article: Annotated[
        str,  # a string: Typer's Path type fails on a NUL byte
        typer.Argument(metavar="ARTICLE", help="The article: plain text or Markdown, UTF-8."),
    ],
    source_id: Annotated[
        str | None, typer.Option("--id", help="The source id (default: from the title).")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="The source date, YYYY-MM-DD (default: read from the lead)."),
    ] = None,
) -> None:
    """Draft a facts file from an article: one stat per figure, to review, then check.

    The drafted ids avoid those of the knowledge base the other commands query (--facts,
    $CQEDU_FACTS, or the bundled facts), so the new file loads beside it.
    """
    # deferred for start-up: only the command that uses it imports it
    from cqedu.facts.draft import draft_file
    from cqedu.knowledge import bundled_facts_path

    if not article:
        # Path("") is the current folder: the error would name "." and say it is a folder
        raise QueryError("draft: the article path is empty; give one article file")
    taken, sources, levels = _ids_in_use(_readable(_facts_paths(ctx)) or (bundled_facts_path(),))
    _write(
        draft_file(
            Path(article), source_id, date, taken=taken, taken_sources=sources, levels=levels
        )
    )


def _ids_in_use(
    paths: Sequence[Path],
) -> tuple[frozenset[str], dict[str, str], tuple[Level, ...]]:
    """Record ids, source ids with their facts file, and the levels, of the facts files
    `paths` name.

    The file stdout writes to is left out, and so is any empty file: `cqedu --facts kb/
    draft new.txt > kb/new.toml` has the shell create kb/new.toml, empty, before cqedu runs.
    """
    try:
        output = os.fstat(sys.stdout.fileno())
        written = (output.st_dev, output.st_ino)
    except (OSError, ValueError, AttributeError):  # no descriptor (closed, or CliRunner's)
        written = None
    # A folder as the loader reads it (its *.toml files), but one without any is no
    # fault here: the first article of a new knowledge base has no ids to avoid.
    named = [f for p in paths for f in (sorted(p.glob("*.toml")) if p.is_dir() else [p])]
    kept = []
    for path in named:
        try:
            status = path.stat()
        except (OSError, ValueError):
            kept.append(path)  # missing, unreadable or holding NUL: the loader says so
            continue
        if status.st_size and (status.st_dev, status.st_ino) != written:
            kept.append(path)
    if not kept:
        return frozenset(), {}, ()
    kb = load(kept)
    sources = {
        info.source.id: display_path(info.facts_file) for info in kb.source_list(kept_only=False)
    }
    return frozenset(kb.ids()), sources, kb.levels


@_command(
    "cqedu schema > facts.schema.json",
    exit_codes="\b\nExit codes: 0 printed; 74 output not writable.",
)
def schema() -> None:
    """Print the JSON Schema of facts files, for editors (Taplo, Tombi, Even Better TOML)."""
    # deferred for start-up: only the command that uses it imports it
    from cqedu.facts.schema import schema_text

    _write(schema_text())


def _invoked_command(args: Sequence[str]) -> str | None:
    """The name of the command `args` run, when it is one of ours; None otherwise (help,
    a typo, completion), so the whole app is built as usual."""
    if os.environ.get("_CQEDU_COMPLETE"):
        return None
    names = {command.callback.__name__ for command in app.registered_commands if command.callback}
    takes_value = False
    for arg in args:
        if takes_value:
            takes_value = False
        elif arg == "--facts":
            takes_value = True
        elif not arg.startswith("-"):
            return arg if arg in names else None
    return None


#: The shells Typer writes completion scripts for, as `--show-completion` takes them.
COMPLETION_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
_COMPLETION_OPTIONS = ("--show-completion", "--install-completion")


def _completion_shell(args: Sequence[str]) -> None:
    """Make `--show-completion zsh` and `--install-completion zsh` mean zsh.

    Typer reads the shell it runs in, and takes these two options as flags: the word
    after them was read as a command, so `cqedu --show-completion zsh` typed in bash
    printed the bash script, and `--install-completion tcsh` installed bash's. A shell
    named is taken (through Typer's own switch for an explicit shell); a word that is
    neither a shell nor a command is refused, exit 2.
    """
    for index, arg in enumerate(args):
        option, equals, given = arg.partition("=")
        if option not in _COMPLETION_OPTIONS:
            continue
        if not equals:
            if index + 1 == len(args):
                return  # the shell cqedu runs in, as Typer finds it
            given = args[index + 1]
            names = {c.callback.__name__ for c in app.registered_commands if c.callback}
            if given.startswith("-") or given in names:
                return
        shells = ", ".join(COMPLETION_SHELLS)
        if not given.strip():  # "" named no shell: Typer took it for the shell it runs in
            _stderr(f"cqedu: {option}: the shell name is empty; shells: {shells}")
            sys.exit(EXIT_USAGE)
        if given not in COMPLETION_SHELLS:
            hint = did_you_mean(given, COMPLETION_SHELLS)
            named = (
                f'"{given}"' if len(given) <= MAX_SHOWN_VALUE else f"({len(given):,} characters)"
            )
            _stderr(f"cqedu: {option}: unknown shell {named}{hint}; shells: {shells}")
            sys.exit(EXIT_USAGE)
        os.environ["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"
        return


def main() -> None:
    """Console-script entry point."""
    _completion_shell(sys.argv[1:])
    # Typer turns every registered command into a Click command before running one,
    # about 1 ms each; a run needs only its own, so only that one is built.
    invoked = _invoked_command(sys.argv[1:])
    if invoked is not None:
        app.registered_commands = [
            command
            for command in app.registered_commands
            if command.callback is not None and command.callback.__name__ == invoked
        ]
    try:
        app()
    finally:
        # Python's shutdown runs the cycle collector over every object the imports made,
        # none of them garbage: 10-20 ms of a bundled query's 130 ms. Frozen, they are
        # left to be freed with the process.
        gc.freeze()
