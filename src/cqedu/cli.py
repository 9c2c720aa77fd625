"""The cqedu command line: parses options, calls the API, writes results, and exits."""

# No `from __future__ import annotations` here: Typer would have to evaluate every
# annotation string on each run, a few milliseconds of start-up.
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, NamedTuple, NoReturn

import typer
from typer.core import TyperGroup

from cqedu import __version__
from cqedu.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_NO_MATCH,
    EXIT_OK,
    EXIT_USAGE,
    CqeduError,
    NoMatchError,
    QueryError,
)
from cqedu.knowledge import KnowledgeBase, load
from cqedu.render import HEADED_FORMATS, OutputFormat, RenderOptions, Results, render
from cqedu.text import escape_controls

EXIT_CODES_HELP = (
    "\b\nExit codes: 0 results printed; 1 nothing matched; 2 bad usage or unusable facts file."
)


def _stderr(message: str) -> None:
    """One message line on stderr, with control characters made visible."""
    try:
        sys.stderr.write(escape_controls(message) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr closed too: nothing left to tell
        pass


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
            _stderr(f"cqedu: {error}")
            code = error.exit_code
        except typer.TyperException as error:  # Click's usage errors, vendored by Typer
            code = _usage_error(error)
        except typer.Abort:
            _stderr("cqedu: aborted")
            code = EXIT_INTERRUPTED
        except KeyboardInterrupt:
            code = EXIT_INTERRUPTED
        except Exception as error:
            _stderr(f"cqedu: internal error: {type(error).__name__}: {error}")
            _stderr("cqedu: this is a bug; please report it with the command you ran")
            code = EXIT_INTERNAL
        if code == EXIT_INTERRUPTED:
            _stderr("cqedu: interrupted")
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _usage_error(error: typer.TyperException) -> int:
    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
        _write(ctx.get_help() + "\n")
        return EXIT_OK
    _stderr(f"cqedu: error: {error.format_message()}")
    if ctx is not None:
        _stderr(f"Try '{ctx.command_path} --help' for help.")
    code = getattr(error, "exit_code", EXIT_USAGE)
    return code if isinstance(code, int) else EXIT_USAGE


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
    facts: tuple[Path, ...]
    """Facts files and folders to read; empty for the bundled file."""


# ---------------------------------------------------------------- completion


def _completion_kb(ctx: typer.Context) -> KnowledgeBase | None:
    facts = ctx.find_root().params.get("facts")
    try:
        return load(facts)
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
_complete_ids = _complete(lambda kb: kb.ids())

# ---------------------------------------------------------------- shared options

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
    if not facts:
        # Click would split a multiple option's variable on spaces; paths may hold them.
        facts = [part for part in os.environ.get("CQEDU_FACTS", "").split(os.pathsep) if part]
    ctx.obj = _State(tuple(Path(path) for path in facts))


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
    """Write results to stdout in its encoding; a closed pipe ends the run quietly."""
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    data = text.encode(encoding, errors="backslashreplace")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(data.decode(encoding))
            stream.flush()
        else:
            stream.flush()
            buffer.write(data)
            buffer.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(EXIT_OK) from None


def _output_settings(
    fmt: OutputFormat | None, no_header: bool
) -> tuple[OutputFormat, RenderOptions]:
    from cqedu.console import stream_traits

    traits = stream_traits(sys.stdout)
    chosen = fmt or (OutputFormat.TABLE if traits.is_terminal else OutputFormat.TSV)
    if no_header and chosen not in HEADED_FORMATS:
        raise QueryError(f"--no-header applies to table, tsv and csv output, not {chosen.value}")
    options = RenderOptions(
        header=not no_header,
        color=traits.color and chosen is OutputFormat.TABLE,
        width=traits.width,
        ascii_only=traits.ascii_only,
    )
    return chosen, options


_NO_RESULTS = Results(())


def _answer(
    fmt: OutputFormat | None,
    no_header: bool,
    query: Callable[[], Results],
    empty: Results = _NO_RESULTS,
) -> None:
    """Run a query and write its results; when nothing matched, only the header (tsv, csv).

    `empty` stands for no results of this command, so the header has its columns.
    """
    chosen, options = _output_settings(fmt, no_header)
    try:
        results = query()
    except NoMatchError:
        if options.header and chosen in (OutputFormat.TSV, OutputFormat.CSV):
            _write(render(chosen, empty, options))
        raise
    _write(render(chosen, results, options))


def _kb(ctx: typer.Context, *, for_search: bool = False) -> KnowledgeBase:
    state = ctx.find_object(_State)
    return load(state.facts if state is not None else None, for_search=for_search)


def _facts_paths(ctx: typer.Context) -> tuple[Path, ...]:
    state = ctx.find_object(_State)
    return state.facts if state is not None else ()


# ---------------------------------------------------------------- commands


@app.command(epilog=EXIT_CODES_HELP)
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
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Every figure the article gives, with its unit, level and where it stands."""
    _answer(fmt, no_header, lambda: Results(tuple(_kb(ctx).figures(level))))


@app.command(epilog=EXIT_CODES_HELP)
def programs(
    ctx: typer.Context,
    field: Annotated[
        str | None,
        typer.Option(
            "--field",
            metavar="FIELD",
            autocompletion=_complete_fields,
            help="Only programs in this subject field (robotics, medicine, ...).",
        ),
    ] = None,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Programs and initiatives, each followed by the figures tied to it."""
    _answer(fmt, no_header, lambda: Results(tuple(_kb(ctx).programs(field))))


@app.command(epilog=EXIT_CODES_HELP)
def partners(
    ctx: typer.Context,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            metavar="COUNTRY",
            autocompletion=_complete_countries,
            help="Only partners of this country or region: a name, short form "
            "(UK, Britain) or close spelling.",
        ),
    ] = None,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Partner institutions, countries and international centres."""
    _answer(fmt, no_header, lambda: Results(tuple(_kb(ctx).partners(country))))


@app.command(epilog=EXIT_CODES_HELP)
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(metavar="QUERY...", help="Words to look for; typos are forgiven."),
    ],
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, max=10_000, help="Most results to show."),
    ] = 10,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Fuzzy search over every record, best match first, with a score (0-100)."""
    text = " ".join(query)

    def run() -> Results:
        hits = _kb(ctx, for_search=True).search(text, limit)
        if not hits:
            raise NoMatchError(f'nothing matches "{text}"; try other or fewer words')
        return Results(tuple(hit.fact for hit in hits), hits=tuple(hits))

    _answer(fmt, no_header, run, empty=Results((), hits=()))


@app.command(epilog=EXIT_CODES_HELP)
def show(
    ctx: typer.Context,
    record_id: Annotated[
        str,
        typer.Argument(metavar="ID", autocompletion=_complete_ids, help="Id of the record."),
    ],
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """One record in full, with where in the article it comes from."""
    _answer(fmt, no_header, lambda: Results((_kb(ctx).get(record_id),), detail=True))


@app.command(epilog=EXIT_CODES_HELP)
def export(
    ctx: typer.Context,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """The whole knowledge base; with -f toml, a file that loads as a facts file."""

    def run() -> Results:
        document = _kb(ctx).document()
        return Results(document.facts, document=document)

    _answer(fmt, no_header, run)


@app.command(epilog=EXIT_CODES_HELP)
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
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            show_default=False,
            help="Output format: table (default on a terminal), the answer line alone "
            "(default otherwise), tsv or csv (the record plus answer), json or jsonl.",
        ),
    ] = None,
    no_header: NoHeaderOption = False,
) -> None:
    """One direct answer to a question, with where the article says it; exit 1 when it is silent."""
    from cqedu.render.answer import ANSWER_FORMATS, render_answer

    if fmt is not None and fmt not in ANSWER_FORMATS:
        raise QueryError(f"ask writes table, tsv, csv, json or jsonl, not {fmt.value}")
    chosen, options = _output_settings(fmt, no_header)
    # In a pipe, by default the answer line alone: ready for a shell variable.
    line_only = fmt is None and chosen is not OutputFormat.TABLE
    answer = _kb(ctx).ask(" ".join(question))
    _write(render_answer(None if line_only else chosen, answer, options))


# ---------------------------------------------------------------- sources and check


@app.command(epilog=EXIT_CODES_HELP)
def sources(
    ctx: typer.Context,
    fmt: FormatOption = None,
    no_header: NoHeaderOption = False,
) -> None:
    """Every source: its id, title, date, the facts file it was read from, and its records."""
    from cqedu.render.sources import render_sources

    chosen, options = _output_settings(fmt, no_header)
    _write(render_sources(chosen, _kb(ctx).source_list(), options))


@app.command(epilog="\b\nExit codes: 0 every file is valid; 1 problems found; 2 bad usage.")
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
) -> None:
    """Check facts files: every problem, one line each as path:line:column: message."""
    from cqedu.check import check_paths
    from cqedu.knowledge import bundled_facts_path

    given = tuple(Path(path) for path in paths or ())
    report = check_paths(given or _facts_paths(ctx) or (bundled_facts_path(),))
    if report.problems:
        _write("".join(line + "\n" for line in report.problems))
    files = f"{report.files} facts file{'s' if report.files != 1 else ''}"
    if not report.problems:
        _stderr(f"cqedu: {files} checked, no problems")
        return
    problems = len(report.problems)
    _stderr(
        f"cqedu: {problems} problem{'s' if problems != 1 else ''} in {report.faulty_files} "
        f"of {files}"
    )
    raise typer.Exit(EXIT_NO_MATCH)


def main() -> None:
    """Console-script entry point."""
    app()
