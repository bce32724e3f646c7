"""RSS/Atom feeds: one record per item, via feedparser.

Item title is the title; the body is the item ``<description>``/``<summary>`` (the
annotated part, see ANNOTATION.md) with HTML stripped, or the item content when
there is no description. The outlet is the channel title. The date is read from
the raw ``pubDate``/``published`` string as printed (no time-zone conversion),
falling back to ``updated`` only when an item has no publication date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from foothold.ingest.dates import find_date, iso_prefix
from foothold.ingest.html import html_to_text
from foothold.ingest.text import clean_lines, collapse_ws

__all__ = ["FeedError", "FeedItem", "looks_like_feed", "parse_feed"]

log = logging.getLogger(__name__)

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF|channel)\b", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


class FeedError(ValueError):
    """The bytes are not a feed with any readable item (message: one line)."""


@dataclass(slots=True)
class FeedItem:
    """One feed item; ``index`` counts from 1 in document order."""

    index: int
    title: str | None
    body: str
    outlet: str | None
    published: str | None
    url: str | None
    language: str | None


def looks_like_feed(text: str) -> bool:
    """True if the start of ``text`` is an RSS, Atom or RDF feed root element."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    head = _XML_DECL.sub("", head, count=1)
    head = re.sub(r"<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>", "", head, flags=re.S | re.I).lstrip()
    m = _FEED_ROOT.match(head)
    return m is not None


def _raw_date(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    return (
        iso_prefix(value)
        if re.match(r"^\d{4}-\d\d", value)
        else (find_date(value) or iso_prefix(value))
    )


def _lang(code: object) -> str | None:
    if not isinstance(code, str):
        return None
    code = re.split(r"[-_,;\s]", code.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def parse_feed(text: str) -> list[FeedItem]:
    """Parse a decoded feed into items.

    Args:
        text: the feed as text (already decoded; any XML encoding declaration is
            rewritten to UTF-8 before the bytes go to feedparser).

    Returns:
        The items feedparser could read, malformed XML included (feedparser's
        "bozo" recovery), in document order; an item may have neither title nor body.

    Raises:
        FeedError: no items could be read; the message names the XML problem if any.
    """
    import feedparser

    body = _XML_DECL.sub('<?xml version="1.0" encoding="utf-8"?>', text.lstrip("\ufeff"), count=1)
    try:
        parsed = feedparser.parse(
            body.encode("utf-8"), sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # feedparser is lenient; anything it raises is a bad feed
        raise FeedError(
            f"unreadable feed: {type(exc).__name__}: {collapse_ws(str(exc))[:200]}"
        ) from exc
    entries = parsed.get("entries") or []
    channel = parsed.get("feed") or {}
    outlet = collapse_ws(channel.get("title") or "") or None
    feed_lang = _lang(channel.get("language"))
    items: list[FeedItem] = []
    for n, entry in enumerate(entries, start=1):
        title = collapse_ws(html_to_text(entry.get("title") or "")) or None
        desc = entry.get("summary") or ""
        if not desc:
            contents = entry.get("content") or []
            desc = "\n".join(c.get("value", "") for c in contents if isinstance(c, dict))
        text_body = "\n\n".join(clean_lines(html_to_text(desc).split("\n\n"))) if desc else ""
        # dict.get: feedparser's own get() maps a missing "updated" to "published" with a warning
        published = _raw_date(dict.get(entry, "published")) or _raw_date(dict.get(entry, "updated"))
        if published is None:
            for key in ("published_parsed", "updated_parsed"):
                st = dict.get(entry, key)
                if st:
                    published = f"{st.tm_year:04d}-{st.tm_mon:02d}-{st.tm_mday:02d}"
                    break
        link = entry.get("link") or None
        items.append(
            FeedItem(
                index=n,
                title=title,
                body=text_body,
                outlet=outlet,
                published=published,
                url=link,
                language=_lang(entry.get("language")) or feed_lang,
            )
        )
    if not items:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise FeedError(
                f"malformed feed with no readable items: {collapse_ws(str(problem))[:200]}"
            )
        raise FeedError("feed has no items")
    return items
