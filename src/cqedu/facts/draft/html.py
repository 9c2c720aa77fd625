"""Reading an article file: plain text and Markdown as they are, a web page through
trafilatura (the optional `html` extra), which keeps the article's text and headings and
leaves out menus, links to other stories and footers."""

from __future__ import annotations

from pathlib import Path

from cqedu.core.errors import QueryError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def article_markup(path: Path) -> str:
    """The text of the article at `path`: plain text or Markdown (UTF-8) as written; for a
    web page, Markdown of its article (an image keeps its place, so a photo and its caption
    still count as one paragraph).

    QueryError (exit 2) when the file cannot be read, is not UTF-8 text, or is a web page
    and the `html` extra is not installed or finds no article in it.
    """
    if str(path) == "-":
        raise QueryError(
            "-: draft reads an article file, not standard input (the facts file names its "
            "file); save the article to a file and give its path"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise QueryError(f"{path}: no such article file") from None
    except IsADirectoryError:
        raise QueryError(f"{path}: is a folder; give one article file") from None
    except OSError as error:
        raise QueryError(f"{path}: cannot read the article: {error.strerror}") from None
    if path.suffix.lower() in HTML_SUFFIXES:
        return _from_html(path, data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise QueryError(f"{path}: the article is UTF-16 text; save it as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError(
            f"{path}: not UTF-8 text; save the article as plain text in UTF-8"
        ) from None


def _from_html(path: Path, data: bytes) -> str:
    try:
        # deferred: an optional extra, about 1 s to import, needed only for web pages
        import trafilatura
    except ImportError:
        raise QueryError(
            f"{path}: reading a web page needs the html extra: pip install 'cqedu[html]'"
        ) from None
    text = trafilatura.extract(
        data, output_format="markdown", include_images=True, include_tables=False
    )
    if not text:
        raise QueryError(f"{path}: no article text found in the web page")
    return text
