"""`python -m cqedu` runs the command line."""

from cqedu.cli import main

main()
