"""Publication dates in byline rows (HTML) and datelines (plain text).

The pages and texts are written for these tests; the layouts are the ones news sites
use: "By Staff · 8 May 2025" rows, "CITY, date (Outlet) -" datelines, comment blocks
and "Updated" stamps that must never be taken as the publication date.
"""

from __future__ import annotations

import pytest

from foothold.ingest.html import parse_html
from foothold.ingest.text import byline_date, parse_plain

BODY = (
    "The port authority said on Monday that cargo volumes through the northern terminal "
    "rose for a third month, driven by timber and coal shipments bound for Asian buyers."
)
BODY2 = (
    "Officials expect the new berth to open next spring, after dredging work that began "
    "last autumn is finished and the cranes ordered from abroad are delivered."
)


def _page(meta_row: str, after: str = "", head: str = "") -> str:
    return f"""<!doctype html><html lang="en"><head><title>Cargo rises - Tern Bay Gazette</title>{head}</head>
<body><div class="top"><a class="logo" href="/">Tern Bay Gazette</a></div>
<div class="page"><div class="story-wrap"><h1>Cargo through northern terminal rises again</h1>
{meta_row}
<div class="copy"><p>{BODY}</p><p>{BODY2}</p></div></div>{after}</div></body></html>"""


@pytest.mark.parametrize(
    ("row", "date"),
    [
        ('<p class="byline">By Tern Bay Gazette reporters · 14 March 2024</p>', "2024-03-14"),
        ('<div class="byline">By Olga Petrova | March 14, 2024</div>', "2024-03-14"),
        ('<div class="author">Olga Petrova, 14 Mar 2024</div>', "2024-03-14"),
        (
            '<div class="article-meta"><span>Olga Petrova</span> — <span>14.03.2024</span></div>',
            "2024-03-14",
        ),
        ("<p>By Olga Petrova • Thursday 14 March 2024</p>", "2024-03-14"),
        (
            '<p class="byline">By Olga Petrova · 14 March 2024 · Updated 16 March 2024</p>',
            "2024-03-14",
        ),
        ("<p>От Ольга Петрова · 14 марта 2024</p>", "2024-03-14"),
    ],
)
def test_byline_row_date(row, date):
    art = parse_html(_page(row))
    assert art is not None
    assert (art.published, art.published_source) == (date, "dateline")
    assert "2024" not in art.body  # the byline row is not article text


@pytest.mark.parametrize(
    "row",
    [
        '<p class="byline">By Olga Petrova · Updated 16 March 2024</p>',
        '<p class="byline">By Olga Petrova, modified 16 March 2024</p>',
        '<p class="byline">By Olga Petrova · <span class="date-modified">16 March 2024</span></p>',
        '<p class="byline">By Olga Petrova <time itemprop="dateModified">16 March 2024</time></p>',
        '<p class="byline">By Olga Petrova</p>',
        # a story paragraph that starts with "By" is not a byline row
        "<p>By March 2024 the terminal had handled more cargo than in all of last year.</p>",
    ],
)
def test_updated_or_undated_byline_is_not_publication(row):
    art = parse_html(_page(row))
    assert art is not None
    assert art.published is None


def test_updated_byline_falls_back_to_meta_date():
    head = '<meta property="article:published_time" content="2024-03-13T22:00:00+10:00">'
    art = parse_html(
        _page('<p class="byline">By O. Petrova · Updated 16 March 2024</p>', head=head)
    )
    assert art is not None
    assert (art.published, art.published_source) == ("2024-03-13", "meta")


@pytest.mark.parametrize("wrapper", ["comments", "discussion", "disqus_thread", "reader-replies"])
def test_comment_block_dates_are_never_publication(wrapper):
    comments = f"""<section class="{wrapper}"><h3>Reader comments</h3>
    <div class="c"><span class="by">harbour_fan</span> <time datetime="2024-03-15">15 March 2024</time>
    <p class="byline">By harbour_fan · 15 March 2024</p><p>Nice to see.</p></div></section>"""
    art = parse_html(_page('<p class="byline">By Olga Petrova</p>', after=comments))
    assert art is not None
    assert art.published is None
    art = parse_html(_page('<p class="byline">By Olga Petrova · 14 March 2024</p>', after=comments))
    assert art is not None
    assert art.published == "2024-03-14"


@pytest.mark.parametrize(
    ("first", "date", "outlet"),
    [
        ("KAZAN, 3 March 2024 (Volga Wire) - ", "2024-03-03", "Volga Wire"),
        ("KAZAN, March 3, 2024 (Volga Wire) — ", "2024-03-03", "Volga Wire"),
        ("NIZHNY NOVGOROD (Volga Wire), 3 March 2024 - ", "2024-03-03", "Volga Wire"),
        ("KAZAN, Mar. 3, 2024 - ", "2024-03-03", None),
        ("КАЗАНЬ, 3 марта 2024 г. — Волжский курьер. ", "2024-03-03", "Волжский курьер"),
        ("КАЗАНЬ, 3 марта 2024 /Волжский курьер/ - ", "2024-03-03", "Волжский курьер"),
        # no year in the dateline: no publication date
        ("KAZAN, March 3 (Volga Wire) - ", None, "Volga Wire"),
    ],
)
def test_dateline_date_with_title_line(first, date, outlet):
    art = parse_plain(f"Cargo through northern terminal rises again\n\n{first}{BODY}\n\n{BODY2}\n")
    assert art.title == "Cargo through northern terminal rises again"
    assert (art.published, art.outlet) == (date, outlet)
    assert art.body.startswith(first.strip())  # the dateline stays in the body


def test_header_line_date_beats_dateline_and_updated_never_counts():
    art = parse_plain(
        f"Headline\nPublished: 2 March 2024\n\nKAZAN, 3 March 2024 (Volga Wire) - {BODY}\n"
    )
    assert art.published == "2024-03-02"
    art = parse_plain(
        f"Headline\nUpdated: 9 March 2024\n\nKAZAN, 3 March 2024 (Volga Wire) - {BODY}\n"
    )
    assert art.published == "2024-03-03"
    art = parse_plain(f"Headline\nBy Olga Petrova | Updated 9 March 2024\n\n{BODY}\n")
    assert art.published is None
    art = parse_plain(f"Headline\nUpdated: 9 March 2024\n\n{BODY}\n")
    assert art.published is None
    art = parse_plain(f"Headline\n\nNATO, since early 2024 - {BODY}\n")
    assert art.published is None


@pytest.mark.parametrize(
    ("line", "strict", "date"),
    [
        ("By Jane Roe · 8 May 2025", True, "2025-05-08"),
        ("By Jane Roe, 8 May 2025", True, None),  # no separator: not a date-only segment
        ("By Jane Roe, 8 May 2025", False, "2025-05-08"),
        ("Updated 9 May 2025 | Published: 8 May 2025", False, "2025-05-08"),
        ("By Jane Roe | Updated 9 May 2025", False, None),
        ("Jane Roe, 8 May 2025, updated 9 May 2025", False, "2025-05-08"),
        ("Jane Roe, updated 9 May 2025", False, None),
        ("By May 2025 the plant had closed.", True, None),
    ],
)
def test_byline_date(line, strict, date):
    assert byline_date(line, strict=strict) == date
