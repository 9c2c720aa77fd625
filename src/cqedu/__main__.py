"""`python -m cqedu` and the `cqedu` command: the command line, its start-up uncollected."""

import gc
import os
import sys


def main() -> None:
    """Console-script entry point: `cqedu.cli.main` with the cycle collector paused while
    the command line loads, and the process ended at once when its command is done.

    Start-up creates tens of thousands of objects (modules, classes, functions, Typer's
    commands), none of them garbage, and the collector scanned them over and over as they
    were made: 12-17 M instructions, about 5% of a bundled query. Frozen (moved where the
    collector never looks), they are left to be freed with the process, and the collector
    runs again for the command's own work, at a threshold of 100,000 allocations.
    """
    gc.disable()
    from cqedu.cli import main as run  # deferred: imported with the collector paused

    gc.freeze()
    # One command's objects live until it ends: the cycles it leaves are a few dozen
    # objects (30-103 measured, the 130,000-record first run included), but at the default
    # threshold the collector ran every 700 allocations over everything the question logic
    # loads (5 M instructions of a question). It still runs, seldom, so that no run's
    # garbage grows without bound.
    gc.set_threshold(100_000)
    gc.enable()
    try:
        run()
    except SystemExit as done:
        _end_now(done)
        raise


def _end_now(done: SystemExit) -> None:
    """End the process with the command's exit code without tearing down the interpreter,
    when nothing is left for the teardown to finish; return otherwise.

    Freeing every module and object one by one at exit costs about 7 M instructions (2% of
    a bundled query) and does nothing a process's end does not. It is skipped only when the
    output is flushed, no exit handler is registered (coverage, logging, temporary files),
    no other thread runs and no worker processes were started: otherwise the interpreter
    ends as usual.
    """
    # Looked up, not imported: a handler or thread needs its module loaded first, and a
    # cached query imports nothing it did not use.
    exits = sys.modules.get("atexit")
    threading = sys.modules.get("threading")
    if (
        not isinstance(done.code, int)
        or (exits is not None and exits._ncallbacks())  # the one way to ask for handlers
        or (threading is not None and threading.active_count() > 1)
        or "multiprocessing" in sys.modules
        or "concurrent.futures" in sys.modules
    ):
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a stream that cannot be flushed: the usual ending
        return
    os._exit(done.code)


if __name__ == "__main__":
    main()
