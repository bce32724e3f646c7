"""JSON Lines of documents: one JSON object per line (a ``.json`` list of objects also works).

Recognised keys (first present wins):

- body: ``text``, ``body``, ``content``, ``article``, ``full_text``, ``description``
  (HTML in these is stripped); or ``html`` (a whole page, read like an HTML file);
- ``title``/``headline``; ``url``/``link``;
- ``published``/``date``/``published_at``/``pubDate``/``datePublished``/``publication_date``;
- ``outlet``/``source``/``site_name``/``publisher``/``site`` (a string or ``{"name": ...}``);
- ``language``/``lang``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["JsonRecord", "iter_records"]

log = logging.getLogger(__name__)

BODY_KEYS = (
    "text",
    "body",
    "content",
    "article",
    "full_text",
    "fulltext",
    "description",
    "summary",
)
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link", "href")
DATE_KEYS = (
    "published",
    "date",
    "published_at",
    "pubDate",
    "pubdate",
    "datePublished",
    "publication_date",
    "publish_date",
    "time",
)
OUTLET_KEYS = ("outlet", "source", "site_name", "sitename", "publisher", "site", "feed_title")
LANG_KEYS = ("language", "lang")


@dataclass(slots=True)
class JsonRecord:
    """One line: ``index`` (1-based line number) and either ``data`` or an ``error``."""

    index: int
    data: dict[str, Any] | None
    error: str | None = None


def _first_str(obj: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        val = obj.get(key)
        if isinstance(val, dict):
            val = val.get("name") or val.get("title")
        if isinstance(val, list) and val and isinstance(val[0], str):
            val = val[0]
        if isinstance(val, (int, float)) and not isinstance(val, bool) and key in DATE_KEYS:
            val = str(int(val))
        if isinstance(val, str) and val.strip():
            return val
    return None


def fields(obj: dict[str, Any]) -> dict[str, str | None]:
    """The recognised fields of one record as strings (None when absent)."""
    return {
        "html": obj.get("html") if isinstance(obj.get("html"), str) else None,
        "body": _first_str(obj, BODY_KEYS),
        "title": _first_str(obj, TITLE_KEYS),
        "url": _first_str(obj, URL_KEYS),
        "published": _first_str(obj, DATE_KEYS),
        "outlet": _first_str(obj, OUTLET_KEYS),
        "language": _first_str(obj, LANG_KEYS),
        "encoding": obj.get("encoding") if isinstance(obj.get("encoding"), str) else None,
    }


def iter_records(text: str) -> Iterator[JsonRecord]:
    """Yield one :class:`JsonRecord` per non-blank line of ``text``.

    A whole-file JSON array (or single object) is accepted too; its elements are
    numbered from 1. Lines that are not JSON objects give a record with ``error``.
    """
    stripped = text.lstrip("\ufeff \t\n")
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield JsonRecord(1, None, f"invalid JSON: {exc.msg} (line {exc.lineno})")
            return
        for i, item in enumerate(data if isinstance(data, list) else [data], start=1):
            if isinstance(item, dict):
                yield JsonRecord(i, item)
            else:
                yield JsonRecord(i, None, f"not a JSON object: {type(item).__name__}")
        return
    lines = text.split("\n")
    if len(lines) > 1 and stripped.startswith("{") and not _line_is_object(lines[0]):
        # a single pretty-printed object
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if isinstance(data, dict):
            yield JsonRecord(1, data)
            return
    for n, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield JsonRecord(n, None, f"invalid JSON on line {n}: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield JsonRecord(n, None, f"line {n} is not a JSON object ({type(obj).__name__})")
            continue
        yield JsonRecord(n, obj)


def _line_is_object(line: str) -> bool:
    line = line.strip().lstrip("\ufeff")
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def looks_like_jsonl(text: str) -> bool:
    """True if the first non-blank line of ``text`` is a JSON object (or the text a JSON array)."""
    stripped = text.lstrip("\ufeff \t\n")
    if stripped.startswith("[{") or re.match(r"^\[\s*\{", stripped[:50]):
        return True
    first = stripped.split("\n", 1)[0]
    return _line_is_object(first)
