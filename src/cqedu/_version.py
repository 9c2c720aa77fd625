"""The version of cqedu, in one place: the package imports it and the build reads it."""

__version__ = "1.1.0"
