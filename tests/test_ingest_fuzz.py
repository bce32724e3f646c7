"""Property tests: whatever bytes a file holds, reading it yields Documents or ReadErrors, never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foothold.ingest import iter_documents
from foothold.model import Document, ReadError

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

EXTENSIONS = st.sampled_from(
    [".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl", ".dat", ""]
)

_TAGS = [
    "html",
    "head",
    "body",
    "title",
    "meta",
    "h1",
    "p",
    "div",
    "article",
    "script",
    "style",
    "time",
    "span",
    "br",
    "aside",
    "nav",
]
_WORDS = [
    "Published:",
    "2024-08-21",
    "21 августа 2024",
    "2024년 8월 21일",
    "Share post:",
    "Related",
    "MOSCOW (Wire) -",
    "North Korea",
    "&amp;",
    "&#8211;",
    "charset=koi8-r",
    'lang="ru"',
    "<!--",
    "-->",
    "<![CDATA[",
    "\x00",
    "\ufeff",
    "Ж",
    "한",
    "中",
]


@st.composite
def html_ish(draw) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
                st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
                st.sampled_from(_TAGS).map(
                    lambda t: f'<{t} class="date share related" content="x">'
                ),
                st.sampled_from(_WORDS),
                st.text(max_size=40),
            ),
            max_size=60,
        )
    )
    return "".join(parts)


@st.composite
def feed_ish(draw) -> str:
    items = draw(
        st.lists(
            st.tuples(
                st.text(max_size=30),
                st.text(max_size=80),
                st.sampled_from(
                    ["Tue, 17 Jun 2025 23:30:00 +0900", "2025-06-17T10:00:00Z", "garbage", ""]
                ),
            ),
            max_size=4,
        )
    )
    body = "".join(
        f"<item><title>{t}</title><description>{d}</description><pubDate>{p}</pubDate></item>"
        for t, d, p in items
    )
    cut = draw(st.integers(min_value=0, max_value=400))
    root = draw(st.sampled_from(["rss", "feed", "rdf:RDF"]))
    text = f'<?xml version="1.0" encoding="{draw(st.sampled_from(["utf-8", "koi8-r", "bogus"]))}"?><{root}><channel><title>{draw(st.text(max_size=20))}</title>{body}</channel></{root}>'
    return text[: len(text) - cut] if draw(st.booleans()) else text


def _check(data: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{ext}"
        path.write_bytes(data)
        out = list(iter_documents([str(path)]))
    assert out
    for item in out:
        assert isinstance(item, (Document, ReadError))
        if isinstance(item, ReadError):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.text.startswith(item.title or "")
            assert item.title_end == len(item.title or "")


@SETTINGS
@given(data=st.binary(max_size=2000), ext=EXTENSIONS)
def test_random_bytes(data, ext):
    _check(data, ext)


@SETTINGS
@given(
    markup=html_ish(),
    ext=st.sampled_from([".html", ".txt", ""]),
    codec=st.sampled_from(["utf-8", "cp1251", "utf-16", "gb18030"]),
)
def test_random_html(markup, ext, codec):
    _check(markup.encode(codec, errors="replace"), ext)


@SETTINGS
@given(xml=feed_ish(), ext=st.sampled_from([".xml", ".rss", ".atom", ""]))
def test_random_feeds(xml, ext):
    _check(xml.encode("utf-8", errors="replace"), ext)


@SETTINGS
@given(
    lines=st.lists(
        st.dictionaries(
            st.sampled_from(["title", "text", "html", "published", "source", "url", "language"]),
            st.one_of(
                st.text(max_size=60),
                st.integers(),
                st.none(),
                st.lists(st.text(max_size=5), max_size=2),
            ),
        ),
        max_size=4,
    )
)
def test_random_jsonl(lines):
    import json

    _check("\n".join(json.dumps(x) for x in lines).encode("utf-8"), ".jsonl")
