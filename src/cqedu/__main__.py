"""`python -m cqedu` and the `cqedu` command: the command line, its start-up uncollected."""

import gc


def main() -> None:
    """Console-script entry point: `cqedu.cli.main` with the cycle collector paused while
    the command line loads.

    Start-up creates tens of thousands of objects (modules, classes, functions, Typer's
    commands), none of them garbage, and the collector scanned them over and over as they
    were made: 12-17 M instructions, about 5% of a bundled query. Frozen (moved where the
    collector never looks), they are left to be freed with the process, and the collector
    runs again for the command's own work.
    """
    gc.disable()
    from cqedu.cli import main as run  # deferred: imported with the collector paused

    gc.freeze()
    gc.enable()
    run()


if __name__ == "__main__":
    main()
