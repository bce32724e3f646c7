"""Walk paths, read files safely and turn them into Documents (or ReadErrors).

Every file is read with a size cap, decoded (see :mod:`.encoding`), classified by
extension or by sniffing its content, and handed to the matching parser. Nothing a
single file can do escapes :func:`iter_documents` as an exception: problems become a
:class:`~foothold.model.ReadError` with a one-line reason, and the walk goes on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
from collections.abc import Iterable, Iterator

from foothold.ingest.dates import iso_prefix
from foothold.ingest.encoding import DecodeError, decode_bytes, sniff_binary
from foothold.ingest.feeds import FeedError, looks_like_feed, parse_feed
from foothold.ingest.html import parse_html
from foothold.ingest.jsonl import BODY_KEYS, fields, iter_records, looks_like_jsonl
from foothold.ingest.language import language_of
from foothold.ingest.text import MAX_BODY_CHARS, clean_lines, collapse_ws, parse_plain
from foothold.model import Document, ReadError

__all__ = ["MAX_BYTES", "MIN_BODY_CHARS", "iter_documents", "read_file"]

log = logging.getLogger(__name__)

#: Files larger than this are refused (bytes).
MAX_BYTES = 20 * 1024 * 1024
#: A body with fewer characters than this (after boilerplate removal) is "no readable text".
MIN_BODY_CHARS = 40

_EXT_FORMAT = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}

_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<(?:div|p|h1|meta|title)[\s>]",
    re.I,
)

_ENCODING_NAMES = {
    "cp1251": "windows-1251",
    "cp1252": "windows-1252",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "euc_kr": "euc-kr",
    "cp949": "cp949",
    "gb18030": "gb18030",
    "big5": "big5",
    "shift_jis": "shift_jis",
    "euc_jp": "euc-jp",
    "utf-8": "utf-8",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "utf-32-le": "utf-32-le",
    "utf-32-be": "utf-32-be",
    "mac-cyrillic": "mac-cyrillic",
    "iso8859-5": "iso-8859-5",
}


def _one_line(text: str, limit: int = 300) -> str:
    return collapse_ws(text)[:limit]


def _make(
    path: str,
    title: str | None,
    body: str,
    *,
    fmt: str,
    encoding: str | None,
    outlet: str | None,
    published: str | None,
    published_source: str | None,
    language_hint: str | None,
    url: str | None,
    min_body: int = MIN_BODY_CHARS,
) -> Document | ReadError:
    title = collapse_ws(title) if title else None
    body = body.strip()
    if len(collapse_ws(body)) < min_body and not (min_body == 0 and (title or body)):
        if not body and not title:
            return ReadError(path, "no readable text (empty document)")
        return ReadError(
            path,
            f"no readable text ({len(collapse_ws(body))} characters of body after boilerplate removal)",
        )
    text = f"{title}\n\n{body}" if title and body else (title or body)
    return Document(
        path=path,
        text=text,
        title=title,
        title_end=len(title) if title else 0,
        outlet=collapse_ws(outlet) if outlet else None,
        published=published,
        published_source=published_source if published else None,
        language=language_of(
            body if len(body) >= 200 else f"{title or ''}\n{body}".strip(), language_hint
        ),
        url=url,
        encoding=_ENCODING_NAMES.get(encoding or "", encoding),
        format=fmt,
    )


def _html_doc(
    path: str, markup: str, encoding: str | None, fmt: str = "html", url_hint: str | None = None
) -> Document | ReadError:
    art = parse_html(markup, url_hint=url_hint)
    if art is None:
        return ReadError(path, "unparseable HTML")
    return _make(
        path,
        art.title,
        art.body,
        fmt=fmt,
        encoding=encoding,
        outlet=art.outlet,
        published=art.published,
        published_source=art.published_source,
        language_hint=art.lang_attr,
        url=art.url,
    )


def _plain_doc(path: str, text: str, encoding: str | None, fmt: str) -> Document | ReadError:
    art = parse_plain(text, markdown=(fmt == "md"))
    if art.cut_from:
        log.warning("%s: %d characters of text, keeping the first %d", path, art.cut_from, MAX_BODY_CHARS)
    return _make(
        path,
        art.title,
        art.body,
        fmt=fmt,
        encoding=encoding,
        outlet=art.outlet,
        published=art.published,
        published_source=art.published_source,
        language_hint=None,
        url=None,
    )


def _feed_docs(path: str, text: str, encoding: str | None) -> Iterator[Document | ReadError]:
    try:
        items = parse_feed(text)
    except FeedError as exc:
        yield ReadError(path, _one_line(str(exc)))
        return
    for item in items:
        item_path = f"{path}#{item.index}"
        if not item.title and not item.body:
            yield ReadError(item_path, "empty feed item (no title, no description)")
            continue
        yield _make(
            item_path,
            item.title,
            item.body,
            fmt="feed",
            encoding=encoding,
            outlet=item.outlet,
            published=item.published,
            published_source="feed",
            language_hint=item.language,
            url=item.url,
            min_body=0,
        )


def _jsonl_docs(path: str, text: str, encoding: str | None) -> Iterator[Document | ReadError]:
    any_record = False
    for rec in iter_records(text):
        any_record = True
        item_path = f"{path}#{rec.index}"
        if rec.data is None:
            yield ReadError(item_path, rec.error or "unreadable line")
            continue
        try:
            yield _json_doc(item_path, rec.data, encoding)
        except Exception as exc:  # one bad record must not stop the file
            log.debug("JSONL record %s failed", item_path, exc_info=True)
            yield ReadError(item_path, _one_line(f"unreadable record: {type(exc).__name__}: {exc}"))
    if not any_record:
        yield ReadError(path, "empty file (no JSON lines)")


def _json_doc(path: str, obj: dict, encoding: str | None) -> Document | ReadError:
    f = fields(obj)
    if not (f["html"] or f["body"]):
        empty = [k for k in ("html", *BODY_KEYS) if isinstance(obj.get(k), str)]
        if empty:
            return ReadError(path, f"empty {empty[0]!r} field (no text to read)")
        return ReadError(path, "no 'text', 'body', 'content' or 'html' field")
    published = iso_prefix(f["published"]) if f["published"] else None
    source = "jsonl" if published else None
    if f["html"]:
        page = parse_html(f["html"], url_hint=f["url"])
        if page is None:
            return ReadError(path, "unparseable HTML in the html field")
        if published is None and page.published:
            published, source = page.published, page.published_source
        return _make(
            path,
            f["title"] or page.title,
            page.body,
            fmt="jsonl",
            encoding=encoding,
            outlet=f["outlet"] or page.outlet,
            published=published,
            published_source=source,
            language_hint=f["language"] or page.lang_attr,
            url=f["url"] or page.url,
        )
    raw = f["body"] or ""
    if raw and re.search(r"<(?:p|div|br|span|a|h\d|ul|li|article)\b[^>]*>", raw[:5000], re.I):
        from foothold.ingest.html import html_to_text

        raw = html_to_text(raw)
    title: str | None
    outlet: str | None
    if f["title"]:
        blocks = [b for b in re.split(r"\n\s*\n", raw.replace("\r\n", "\n")) if b.strip()]
        if len(blocks) == 1 and raw.count("\n") >= 2:
            blocks = [b for b in raw.split("\n") if b.strip()]
        body = "\n\n".join(collapse_ws(b) for b in clean_lines(blocks))
        title, outlet = f["title"], f["outlet"]
    else:
        art = parse_plain(raw)
        title, body = art.title, art.body
        outlet = f["outlet"] or art.outlet
        if published is None and art.published:
            published, source = art.published, art.published_source
    return _make(
        path,
        title,
        body,
        fmt="jsonl",
        encoding=encoding,
        outlet=outlet,
        published=published,
        published_source=source,
        language_hint=f["language"],
        url=f["url"],
    )


def _sniff_format(text: str) -> str | None:
    head = text[:4096].lstrip("\ufeff \t\n")
    if looks_like_feed(head):
        return "feed"
    if _HTML_SNIFF.search(head[:2048]):
        return "html"
    if looks_like_jsonl(text[:200_000]):
        return "jsonl"
    sample = head[:4096]
    if sample:
        letters = sum(ch.isalpha() for ch in sample)
        printable = sum(ch.isprintable() or ch in "\n\t" for ch in sample)
        if printable / len(sample) > 0.97 and letters / len(sample) > 0.4:
            return "txt"
    return None


#: Loggers of the libraries used while parsing. Their records carry no file name
#: ("discarding data: None" from trafilatura), so while a file is parsed they are
#: taken over and re-logged by :data:`log` with the file path (see :func:`_library_logs`).
LIBRARY_LOGGERS = (
    "trafilatura",
    "htmldate",
    "courlan",
    "justext",
    "lxml",
    "charset_normalizer",
    "chardet",
    "dateparser",
    "feedparser",
)


class _Relog(logging.Handler):
    """Re-logs a library's records through :data:`log`, prefixed with the file being read.

    A library WARNING is about its own extraction (we fall back on our own), so it is
    re-logged at DEBUG; ERROR and above become a WARNING that names the file.
    """

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = record.getMessage()
        except Exception:  # a malformed library record: keep its raw text
            msg = str(record.msg)
        path = getattr(self.local, "path", None) or "(file being read)"
        level = logging.WARNING if record.levelno >= logging.ERROR else logging.DEBUG
        log.log(level, "%s: %s (%s)", path, _one_line(msg), record.name)


_RELOG = _Relog()
_RELOG_LOCK = threading.Lock()
_relog_users = 0
_saved_propagate: dict[str, bool] = {}


_LIBRARY_LOGGER_OBJECTS: dict[tuple[str, ...], list[tuple[str, logging.Logger]]] = {}


def _library_loggers() -> list[tuple[str, logging.Logger]]:
    """``(name, logger)`` of each of :data:`LIBRARY_LOGGERS`, looked up once."""
    names = tuple(LIBRARY_LOGGERS)
    found = _LIBRARY_LOGGER_OBJECTS.get(names)
    if found is None:
        found = [(name, logging.getLogger(name)) for name in names]
        _LIBRARY_LOGGER_OBJECTS[names] = found
    return found


@contextlib.contextmanager
def _library_logs(path: str) -> Iterator[None]:
    """While ``path`` is parsed, the library loggers' records go to :data:`_RELOG` only.

    Thread-safe: the handler is installed by the first reader in and removed (and
    ``propagate`` restored) by the last one out; the path is per thread.
    """
    global _relog_users
    previous = getattr(_RELOG.local, "path", None)
    _RELOG.local.path = path
    with _RELOG_LOCK:
        if _relog_users == 0:
            for name, lib in _library_loggers():
                _saved_propagate[name] = lib.propagate
                lib.addHandler(_RELOG)
                lib.propagate = False
        _relog_users += 1
    try:
        yield
    finally:
        _RELOG.local.path = previous
        with _RELOG_LOCK:
            _relog_users -= 1
            if _relog_users == 0:
                for name, lib in _library_loggers():
                    lib.removeHandler(_RELOG)
                    lib.propagate = _saved_propagate.pop(name, True)


def read_file(path: str, data: bytes | None = None) -> Iterator[Document | ReadError]:
    """Read one file (``path`` as displayed) and yield its Document(s) or ReadError(s).

    Args:
        path: the file path, used both to open the file and as ``Document.path``.
        data: the file's bytes, when already read (tests); read from disk otherwise.

    Yields:
        One Document for a single report, one per item for feeds and JSONL, or a
        ReadError. Never raises for bad content or I/O problems.
    """
    try:
        items = _read_file(path, data)
        while True:
            # library log records are re-logged with the path while this file is parsed
            # (not while the caller handles what is yielded)
            with _library_logs(path):
                item = next(items, None)
            if item is None:
                return
            yield item
    except RecursionError:
        yield ReadError(path, "document too deeply nested to parse")
    except MemoryError:
        yield ReadError(path, "out of memory while reading")
    except Exception as exc:  # last line of defence: one file never stops the run
        log.warning("unexpected error reading %s", path, exc_info=True)
        yield ReadError(path, _one_line(f"unexpected error: {type(exc).__name__}: {exc}"))


def _read_file(path: str, data: bytes | None) -> Iterator[Document | ReadError]:
    if data is None:
        try:
            size = os.path.getsize(path)
            if size > MAX_BYTES:
                yield ReadError(
                    path,
                    f"file too large ({size / 1048576:.1f} MB > {MAX_BYTES // 1048576} MB limit)",
                )
                return
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except IsADirectoryError:
            yield ReadError(path, "is a directory")
            return
        except PermissionError:
            yield ReadError(path, "permission denied")
            return
        except FileNotFoundError:
            yield ReadError(path, "no such file")
            return
        except OSError as exc:
            yield ReadError(path, _one_line(f"cannot read file: {exc.strerror or exc}"))
            return
    if len(data) > MAX_BYTES:
        yield ReadError(path, f"file too large (> {MAX_BYTES // 1048576} MB limit)")
        return
    if not data.strip():
        yield ReadError(path, "empty file")
        return
    ext = os.path.splitext(path)[1].lower()
    fmt = _EXT_FORMAT.get(ext)
    if fmt is None:
        what = sniff_binary(data)
        if what:
            yield ReadError(path, f"unknown format (binary file: {what})")
            return
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError(path, str(exc) if fmt else f"unknown format ({exc})")
        return
    if not text.strip():
        yield ReadError(path, "empty file (whitespace only)")
        return
    if fmt is None:
        fmt = _sniff_format(text)
        if fmt is None:
            yield ReadError(
                path,
                f"unknown format (extension {ext or 'none'!r}, content not HTML, feed, JSONL or text)",
            )
            return
    elif fmt in ("html", "txt", "md") and looks_like_feed(text):
        fmt = "feed"
    elif (
        fmt == "txt"
        and _HTML_SNIFF.match(text.lstrip()[:200])
        and re.search(r"</(?:p|div|body|html)>", text[:200_000], re.I)
    ):
        fmt = "html"
    log.debug("reading %s as %s (%s)", path, fmt, encoding)
    if fmt == "html":
        yield _html_doc(path, text, encoding)
    elif fmt == "feed":
        if not looks_like_feed(text):
            if _HTML_SNIFF.search(text[:2048]):
                yield _html_doc(path, text, encoding)
            else:
                yield ReadError(path, "not a feed (no <rss>, <feed> or <rdf:RDF> root element)")
            return
        yield from _feed_docs(path, text, encoding)
    elif fmt == "jsonl":
        yield from _jsonl_docs(path, text, encoding)
    else:
        yield _plain_doc(path, text, encoding, fmt)


def _walk(root: str) -> Iterator[str | ReadError]:
    """Non-hidden files under ``root`` in sorted relative-path order, joined to ``root`` as given."""
    rels: list[str] = []
    errors: list[ReadError] = []

    def onerror(exc: OSError) -> None:
        errors.append(
            ReadError(
                getattr(exc, "filename", None) or root,
                _one_line(f"cannot list directory: {exc.strerror or exc}"),
            )
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel_dir = os.path.relpath(dirpath, root)
        for name in filenames:
            if name.startswith("."):
                continue
            rels.append(name if rel_dir == "." else os.path.join(rel_dir, name))
    yield from errors
    for rel in sorted(rels, key=lambda r: r.split(os.sep)):
        yield os.path.join(root, rel)


def iter_files(paths: Iterable[str]) -> Iterator[str | ReadError]:
    """The regular files under ``paths`` in reading order, or a ReadError for what cannot be listed.

    Directories are walked recursively in sorted order, skipping hidden files and
    folders; a nonexistent path or a non-regular file gives a ReadError.  Never raises.
    """
    for raw in paths:
        raw = str(raw)
        try:
            if os.path.isdir(raw):
                for item in _walk(raw):
                    if isinstance(item, ReadError) or os.path.isfile(item):
                        yield item
                    else:
                        yield ReadError(item, "not a regular file")
            elif os.path.isfile(raw):
                yield raw
            elif os.path.lexists(raw):
                yield ReadError(raw, "not a regular file (broken link, device or socket)")
            else:
                yield ReadError(raw, "no such file or directory")
        except Exception as exc:  # pragma: no cover - defensive: the walk itself failed
            log.warning("cannot list %s", raw, exc_info=True)
            yield ReadError(raw, _one_line(f"cannot read: {type(exc).__name__}: {exc}"))


def iter_documents(paths: Iterable[str]) -> Iterator[Document | ReadError]:
    """Yield a Document (or a ReadError) for each report under ``paths``.

    Args:
        paths: files or directories as the user gave them. Directories are read
            recursively in sorted order, skipping hidden files and folders.

    Yields:
        :class:`~foothold.model.Document` records (``path`` as given, or the
        directory joined with the relative file path; ``#N`` appended for the Nth
        feed item or JSONL record) and :class:`~foothold.model.ReadError` records for
        anything that cannot be read (nonexistent path, empty, binary, undecodable,
        unknown format, too large, no readable text...). Never raises for bad input.
    """
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_file(item)
