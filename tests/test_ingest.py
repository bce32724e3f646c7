"""Ingest: formats, encodings, dates, boilerplate and bad input.

Fixtures are built in code here; the dev corpus (read-only, outside the repo) is
only used to compare metadata against its gold file, and those tests are skipped
when it is absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from foothold.ingest import iter_documents, read_file
from foothold.ingest.dates import find_date, iso_prefix, parse_date, url_date
from foothold.ingest.encoding import DecodeError, decode_bytes
from foothold.ingest.text import parse_plain
from foothold.model import Document, ReadError

SHARED = Path(os.environ["FOOTHOLD_SHARED"]) if os.environ.get("FOOTHOLD_SHARED") else Path(__file__).parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"
needs_dev = pytest.mark.skipif(
    not (DEV / "gold.jsonl").is_file(), reason="shared dev corpus not present"
)

RU_TITLE = "Число въездов граждан КНДР в Россию выросло"
RU_BODY = (
    "В первом полугодии в Россию въехали несколько тысяч граждан КНДР, сообщает издание со ссылкой "
    "на статистику пограничной службы. Рост связывают с визитом делегации и новыми соглашениями."
)
KO_TITLE = "북한 노동자 러시아 파견 확대"
KO_BODY = "북한 노동자들이 러시아 건설 현장에 파견되었다고 정보 당국이 밝혔다. 이들은 하루 12시간 일하는 것으로 알려졌다. 당국은 추가 파견 가능성도 있다고 설명했다."
ZH_TITLE = "朝鲜工人被派往俄罗斯"
ZH_BODY = "情报部门表示，朝鲜工人被派往俄罗斯建筑工地。这些工人每天工作十二个小时。官员表示可能还会派遣更多工人前往远东地区。"
EN_BODY = (
    "The regional ministry said on Tuesday that it plans to hire several hundred builders for housing "
    "projects next year, citing a shortage of workers on its construction sites."
)


def _page(
    title: str, body: str, charset: str | None, lang: str = "ru", dateline: str = "21 августа 2024"
) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{title} - Сайт</title>'
        '<meta property="og:site_name" content="Test Site"></head><body>'
        f'<h1>{title}</h1><div class="date">{dateline}</div>'
        f'<div class="article-text"><p>{body}</p><p>{body}</p></div></body></html>'
    )


def _docs(paths) -> list[Document | ReadError]:
    return list(iter_documents([str(p) for p in paths]))


def _one(path) -> Document:
    out = _docs([path])
    assert len(out) == 1, out
    assert isinstance(out[0], Document), out[0]
    return out[0]


# ---------------------------------------------------------------------------
# dev corpus vs gold


@pytest.fixture(scope="module")
def dev_docs() -> dict[str, Document | ReadError]:
    docs = list(iter_documents([str(DEV / "docs")]))
    return {Path(d.path).name: d for d in docs}


@needs_dev
def test_dev_corpus_metadata_matches_gold(dev_docs):
    gold = [
        json.loads(line)
        for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert set(dev_docs) == {g["path"] for g in gold}
    wrong = []
    for g in gold:
        doc = dev_docs[g["path"]]
        assert isinstance(doc, Document), doc
        for key in ("title", "outlet", "published", "language"):
            if getattr(doc, key) != g[key]:
                wrong.append((g["path"], key, getattr(doc, key), g[key]))
    assert not wrong


@needs_dev
def test_dev_paths_join_directory_as_given(dev_docs):
    given = str(DEV / "docs")
    for d in dev_docs.values():
        assert d.path.startswith(given + os.sep)
    out = list(iter_documents([str(DEV / "docs" / "d01.html")]))
    assert out[0].path == str(DEV / "docs" / "d01.html")


@needs_dev
def test_seed_body_drops_share_block_and_teasers(dev_docs):
    seed = dev_docs["seed.txt"]
    assert seed.title and seed.text.startswith(seed.title + "\n\n")
    assert seed.title_end == len(seed.title)
    assert "Share post" not in seed.body
    assert "More like this" not in seed.body
    assert "Popular" not in seed.body.split("\n\n")
    assert not seed.body.rstrip().endswith("...")
    assert "Date:" not in seed.body
    assert seed.body.rstrip().endswith("neighboring powers.")


@needs_dev
def test_d15_sidebar_teaser_not_in_body(dev_docs):
    doc = dev_docs["d15.html"]
    assert "North Korea" not in doc.text
    assert "Share post" not in doc.text
    assert "cookies" not in doc.text


@needs_dev
def test_dev_html_boilerplate_removed(dev_docs):
    for name in (
        "d01.html",
        "d03.html",
        "d04.html",
        "d07.html",
        "d09.html",
        "d12.html",
        "d13.html",
    ):
        body = dev_docs[name].body
        for junk in (
            "Share",
            "Popular",
            "More like this",
            "Related",
            "READ ALSO",
            "Read also",
            "ЧИТАЙТЕ ТАКЖЕ",
            "cookies",
            "Subscribe",
            "Sign up",
            "By Baikal",
            "newsroom",
            "©",
            "Leave a Reply",
        ):
            assert junk not in body, (name, junk)
        assert "\n\n" in body  # paragraphs separated by blank lines


@needs_dev
def test_dev_d13_is_windows_1251(dev_docs):
    doc = dev_docs["d13.html"]
    assert doc.encoding == "windows-1251"
    assert doc.language == "ru"


@needs_dev
def test_same_content_same_doc_id(tmp_path, dev_docs):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((DEV / "docs" / "d05.txt").read_bytes())
    assert _one(copy).doc_id == dev_docs["d05.txt"].doc_id


# ---------------------------------------------------------------------------
# plain text


def test_plain_text_published_line_and_signoffs():
    art = parse_plain(
        "A headline about builders\nPublished: 18 June 2025 — Tumen Review blog\n\n"
        f"{EN_BODY}\n\nSecond paragraph of the story.\n\n- Tumen Review\n"
    )
    assert art.title == "A headline about builders"
    assert art.published == "2025-06-18"
    assert art.outlet == "Tumen Review"
    assert "Tumen Review" not in art.body
    assert art.body.endswith("Second paragraph of the story.")


def test_plain_text_dateline_outlet_and_reporting_signoff():
    art = parse_plain(
        "Wire headline\nPublished: 21 March 2025\n\n"
        f"MOSCOW (Amur Courier) - {EN_BODY}\n\nMore text here.\n\n(Reporting by Amur Courier; editing by the desk)\n"
    )
    assert art.outlet == "Amur Courier"
    assert art.published == "2025-03-21"
    assert art.body.startswith("MOSCOW (Amur Courier) - The regional ministry")
    assert "Reporting by" not in art.body


def test_plain_text_date_line_before_title_and_stray_date_label():
    art = parse_plain(
        "Thursday, February 26, 2026\n\nThe real title\n\nDate:\n\n"
        f"{EN_BODY}\n\nShare post:\n\nPopular\n\nMore like this\nRelated\n\nA teaser headline\n\nTeaser text...\n"
    )
    assert art.title == "The real title"
    assert art.published == "2026-02-26"
    assert art.outlet is None
    assert art.body == EN_BODY


@pytest.mark.parametrize(
    ("line", "date", "outlet"),
    [
        ("Published: 8 November 2024 | Eastern Ledger | Analysis", "2024-11-08", "Eastern Ledger"),
        ("Published: 19 December 2023 - Baltic Auto Review", "2023-12-19", "Baltic Auto Review"),
        ("Published: 12 August 2025 · North Pacific Digest", "2025-08-12", "North Pacific Digest"),
        ("Опубликовано: 21 августа 2024 | Восточная лента", "2024-08-21", "Восточная лента"),
        ("발행: 2024년 8월 21일 | 동해일보", "2024-08-21", "동해일보"),
        ("发布时间：2024年8月21日", "2024-08-21", None),
        ("Published: March 2021", "2021-03", None),
    ],
)
def test_published_lines(line, date, outlet):
    art = parse_plain(f"Title\n{line}\n\n{EN_BODY}\n")
    assert (art.published, art.outlet) == (date, outlet)


def test_pyongyang_dateline_with_date():
    art = parse_plain(f"T\n\nPYONGYANG, June 17 (Far East Wire) - {EN_BODY}\n")
    assert art.outlet == "Far East Wire"
    assert art.body == f"PYONGYANG, June 17 (Far East Wire) - {EN_BODY}"


def test_markdown(tmp_path):
    p = tmp_path / "note.md"
    p.write_text(
        f"# A **Markdown** title\n\n*Published: March 2021*\n\nSome [linked]({'http://x.org'}) words. {EN_BODY}\n",
        encoding="utf-8",
    )
    doc = _one(p)
    assert doc.format == "md"
    assert doc.title == "A Markdown title"
    assert doc.published == "2021-03"
    assert "linked words" in doc.body and "http" not in doc.body


# ---------------------------------------------------------------------------
# dates


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2020-04-02T10:00:00+11:00", "2020-04-02"),
        ("8 November 2024", "2024-11-08"),
        ("November 8, 2024", "2024-11-08"),
        ("Thursday, February 26, 2026", "2026-02-26"),
        ("Fri 20 Jun 2025 07.15 BST", "2025-06-20"),
        ("19.06.2025 16:45", "2025-06-19"),
        ("21 августа 2024, 11:40", "2024-08-21"),
        ("2024년 8월 21일", "2024-08-21"),
        ("2024年8月21日", "2024-08-21"),
        ("March 2021", "2021-03"),
        ("Tue, 17 Jun 2025 23:30:00 +0900", "2025-06-17"),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


def test_date_helpers():
    assert iso_prefix("2020-04-02T23:30:00-05:00") == "2020-04-02"  # local date, no conversion
    assert iso_prefix("2021-03") == "2021-03"
    assert url_date("https://x.org/news/2021/03/story") == "2021-03"
    assert url_date("https://x.org/2021/03/15/story/") == "2021-03-15"
    assert url_date("https://x.org/story") is None
    assert find_date("no date here") is None
    assert parse_date("2021") == "2021"


# ---------------------------------------------------------------------------
# HTML


def test_html_metadata_order_and_boilerplate(tmp_path):
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>Builders head north | The Site</title>
    <meta property="og:site_name" content="Northern Post">
    <meta property="article:published_time" content="2023-05-01T23:30:00-04:00">
    <meta property="article:modified_time" content="2023-06-09T10:00:00Z">
    <script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2023-05-02","dateModified":"2023-06-10",
      "publisher":{{"@type":"Organization","name":"LD Publisher"}}}}</script></head>
    <body><header class="site-header"><a class="logo" href="/">Masthead Name</a><nav><a href="/">Home</a></nav></header>
    <div id="cookie-banner">We use cookies to improve your experience.</div>
    <article><h1>Builders head north</h1><p class="standfirst">A standfirst that sums up the story well.</p>
    <div class="byline">By Staff Writer</div><span class="updated">Updated: 9 June 2023</span>
    <div class="share-bar">Share Facebook X</div>
    <div class="article-body"><p>{EN_BODY}</p>
    <div class="inline-related"><b>READ ALSO</b> <a href="/x">An unrelated teaser headline</a></div>
    <p>Second paragraph with more detail about the plan.</p></div>
    <div class="tags"><a>Labour</a></div></article>
    <section class="more-like-this"><h2>More like this</h2><ul><li>North Korea teaser</li></ul></section>
    <aside class="popular"><h2>Popular</h2><ol><li>Popular teaser</li></ol></aside>
    <div id="comments"><h2>Leave a Reply</h2></div>
    <footer><div class="newsletter">Get our newsletter</div>© 2023 Northern Post</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    doc = _one(p)
    assert doc.title == "Builders head north"
    assert doc.outlet == "Northern Post"
    assert doc.published == "2023-05-01" and doc.published_source == "meta"
    assert doc.language == "en"
    assert doc.format == "html"
    assert doc.body.split("\n\n") == [
        "A standfirst that sums up the story well.",
        EN_BODY,
        "Second paragraph with more detail about the plan.",
    ]


def test_html_fallbacks(tmp_path):
    # no h1, no og:site_name, no meta date: og:title, JSON-LD publisher, URL date
    page = f"""<html><head><title>Fallback title – Wire Site</title>
    <meta property="og:title" content="Fallback title">
    <link rel="canonical" href="https://wire.example/2021/03/fallback-title">
    <script type="application/ld+json">[{{"@type":"NewsArticle","publisher":{{"name":"Wire Site"}}}}]</script>
    </head><body><div class="content"><p>{EN_BODY}</p></div></body></html>"""
    p = tmp_path / "fallback.htm"
    p.write_text(page, encoding="utf-8")
    doc = _one(p)
    assert doc.title == "Fallback title"
    assert doc.outlet == "Wire Site"
    assert doc.published == "2021-03" and doc.published_source == "url"
    assert doc.url == "https://wire.example/2021/03/fallback-title"


def test_html_title_tag_suffix_and_masthead(tmp_path):
    page = f"""<html><head><title>Only the title tag | Harbour Times</title></head>
    <body><div class="wordmark">Harbour Times</div><main><p class="dateline">Published: 4 July 2024</p><p>{EN_BODY}</p></main></body></html>"""
    p = tmp_path / "t.html"
    p.write_text(page, encoding="utf-8")
    doc = _one(p)
    assert doc.title == "Only the title tag"
    assert doc.outlet == "Harbour Times"
    assert doc.published == "2024-07-04" and doc.published_source == "dateline"


def test_html_lang_attribute_wins_but_not_against_script(tmp_path):
    p = tmp_path / "lang.html"
    p.write_text(
        f'<html lang="de"><body><h1>T</h1><p>{EN_BODY}</p></body></html>', encoding="utf-8"
    )
    assert _one(p).language == "de"
    p.write_text(
        f'<html lang="en"><body><h1>T</h1><p>{RU_BODY}</p></body></html>', encoding="utf-8"
    )
    assert _one(p).language == "ru"


def test_html_deep_nesting_and_huge_page(tmp_path):
    deep = tmp_path / "deep.html"
    deep.write_text(
        "<html><body>" + "<div>" * 10000 + f"<p>{EN_BODY}</p>" + "</div>" * 10000 + "</body></html>"
    )
    doc = _one(deep)
    assert EN_BODY in doc.body
    big = tmp_path / "big.html"
    big.write_text("<html><body><h1>Big page</h1>" + f"<p>{EN_BODY}</p>" * 20000 + "</body></html>")
    doc = _one(big)
    assert doc.title == "Big page" and len(doc.body) > 900_000  # capped near MAX_BODY_CHARS


# ---------------------------------------------------------------------------
# encodings


@pytest.mark.parametrize(
    ("codec", "declared", "title", "body", "lang", "expect"),
    [
        ("cp1251", "windows-1251", RU_TITLE, RU_BODY, "ru", "windows-1251"),
        ("koi8_r", "koi8-r", RU_TITLE, RU_BODY, "ru", "koi8-r"),
        ("euc_kr", "euc-kr", KO_TITLE, KO_BODY, "ko", None),
        ("gb18030", "gb2312", ZH_TITLE, ZH_BODY, "zh", "gb18030"),
        ("cp1251", "utf-8", RU_TITLE, RU_BODY, "ru", "windows-1251"),  # declares utf-8, is cp1251
        ("cp1251", "koi8-r", RU_TITLE, RU_BODY, "ru", "windows-1251"),  # <meta charset> lies
        ("cp1251", None, RU_TITLE, RU_BODY, "ru", "windows-1251"),  # no declaration at all
    ],
)
def test_html_encodings(tmp_path, codec, declared, title, body, lang, expect):
    p = tmp_path / f"page-{codec}.html"
    p.write_bytes(_page(title, body, declared, lang=lang).encode(codec))
    doc = _one(p)
    assert doc.title == title
    assert body in doc.body
    assert doc.language == lang
    if expect:
        assert doc.encoding == expect


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1251", f"{RU_TITLE}\n\n{RU_BODY}\n"),
        ("koi8_r", f"{RU_TITLE}\n\n{RU_BODY}\n"),
        ("euc_kr", f"{KO_TITLE}\n\n{KO_BODY}\n"),
        ("gb18030", f"{ZH_TITLE}\n\n{ZH_BODY}\n"),
        ("utf-16", f"{RU_TITLE}\n\n{RU_BODY}\n"),
        ("utf-8-sig", f"{RU_TITLE}\n\n{RU_BODY}\n"),
    ],
)
def test_text_encodings(tmp_path, codec, text):
    p = tmp_path / "doc.txt"
    p.write_bytes(text.encode(codec))
    doc = _one(p)
    assert doc.text == text.strip()
    assert not doc.text.startswith("\ufeff")


def test_decode_bytes_crlf_and_truncated_utf8():
    text, enc = decode_bytes("Заголовок\r\nтекст".encode() + "ё".encode()[:1])
    assert enc == "utf-8" and text.startswith("Заголовок\nтекст")
    with pytest.raises(DecodeError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")


# ---------------------------------------------------------------------------
# feeds and JSONL

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Amur Wire</title><language>en</language>
<item><title>First item</title><link>https://amur.example/1</link>
<pubDate>Tue, 17 Jun 2025 23:30:00 +0900</pubDate>
<description>&lt;p&gt;First paragraph of the item.&lt;/p&gt;&lt;p&gt;Second &lt;b&gt;bold&lt;/b&gt; paragraph.&lt;/p&gt;</description></item>
<item><title>Second item</title><link>https://amur.example/2</link><description>No date on this one.</description></item>
</channel></rss>"""


def test_rss_feed_items(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(RSS, encoding="utf-8")
    out = _docs([p])
    assert [d.path for d in out] == [f"{p}#1", f"{p}#2"]
    first, second = out
    assert first.title == "First item" and first.outlet == "Amur Wire"
    assert first.published == "2025-06-17"  # local date as printed, not UTC
    assert first.body == "First paragraph of the item.\n\nSecond bold paragraph."
    assert first.url == "https://amur.example/1" and first.format == "feed"
    assert second.published is None


def test_atom_feed_detected_by_content(tmp_path):
    atom = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title>
    <entry><title>A1</title><link href="https://a.example/1"/><updated>2025-01-03T01:00:00Z</updated>
    <published>2025-01-02T23:00:00-05:00</published><summary>Summary text one.</summary></entry></feed>"""
    p = tmp_path / "feed.data"
    p.write_text(atom, encoding="utf-8")
    (doc,) = _docs([p])
    assert doc.path == f"{p}#1" and doc.format == "feed"
    assert doc.published == "2025-01-02"
    assert doc.outlet == "Atom Site"


def test_broken_feed_keeps_readable_items(tmp_path):
    p = tmp_path / "broken.rss"
    p.write_text(
        "<rss><channel><title>Bad</title><item><title>Only item</title><description>Broken & text",
        encoding="utf-8",
    )
    out = _docs([p])
    assert isinstance(out[0], Document) and out[0].title == "Only item"
    p.write_text("<rss><channel><title>Nothing", encoding="utf-8")
    (err,) = _docs([p])
    assert isinstance(err, ReadError) and "broken.rss" in err.path


def test_jsonl(tmp_path):
    lines = [
        {
            "title": "J1",
            "text": EN_BODY,
            "url": "https://j.example/a",
            "published": "2021-03-04T23:00:00+09:00",
            "source": "JSource",
            "language": "en",
        },
        {"content": f"Plain title line\nPublished: 5 May 2022 | Some Outlet\n\n{EN_BODY}"},
        {
            "html": f'<html lang="en"><body><h1>From HTML</h1><p>{EN_BODY}</p></body></html>',
            "outlet": {"name": "Dict Outlet"},
        },
    ]
    p = tmp_path / "docs.jsonl"
    p.write_text(
        "\n".join(json.dumps(x) for x in lines[:2]) + "\nnot json\n" + json.dumps(lines[2]) + "\n",
        encoding="utf-8",
    )
    out = _docs([p])
    assert [o.path for o in out] == [f"{p}#1", f"{p}#2", f"{p}#3", f"{p}#4"]
    a, b, c, d = out
    assert (a.title, a.outlet, a.published, a.language, a.url) == (
        "J1",
        "JSource",
        "2021-03-04",
        "en",
        "https://j.example/a",
    )
    assert (b.title, b.outlet, b.published) == ("Plain title line", "Some Outlet", "2022-05-05")
    assert isinstance(c, ReadError)
    assert (d.title, d.outlet) == ("From HTML", "Dict Outlet")


# ---------------------------------------------------------------------------
# bad input


def test_bad_inputs_give_read_errors_and_the_run_continues(tmp_path):
    good = tmp_path / "zz_good.txt"
    good.write_text(f"Good title\n\n{EN_BODY}\n", encoding="utf-8")
    bad = {
        "empty.txt": b"",
        "blank.txt": b"  \n\n \t",
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "archive.zip": b"PK\x03\x04" + bytes(range(256)),
        "nul.html": b"<html>\x00\x00\x01\x02 text",
        "truncated.html": b"<html><head><title>cut",
        "stub.html": b"<html><body><h1>Paywalled</h1><p>Subscribe to read.</p></body></html>",
        "undecodable.txt": bytes(range(128, 256)) * 4,
        "data.csv": b"a,b,c\n1,2,3\n",
        "notafeed.xml": b'<?xml version="1.0"?><config><a>1</a></config>',
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    out = _docs([tmp_path, tmp_path / "missing.txt"])
    errors = {Path(e.path).name: e.reason for e in out if isinstance(e, ReadError)}
    assert set(errors) == set(bad) | {"missing.txt"}, errors
    for reason in errors.values():
        assert reason and "\n" not in reason
    assert "PNG" in errors["image.png"]
    assert "empty" in errors["empty.txt"]
    assert "no readable text" in errors["stub.html"]
    assert "unknown format" in errors["data.csv"]
    assert "no such file" in errors["missing.txt"]
    docs = [d for d in out if isinstance(d, Document)]
    assert [Path(d.path).name for d in docs] == ["zz_good.txt"]


def test_too_large_and_unreadable(tmp_path, monkeypatch):
    from foothold.ingest import readers

    p = tmp_path / "big.txt"
    p.write_text("x" * 2000)
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    (err,) = _docs([p])
    assert isinstance(err, ReadError) and "too large" in err.reason
    monkeypatch.undo()
    if os.geteuid() != 0:  # root can read anything
        q = tmp_path / "secret.txt"
        q.write_text(f"T\n\n{EN_BODY}")
        q.chmod(0)
        (err,) = _docs([q])
        assert isinstance(err, ReadError) and "permission" in err.reason


def test_directory_walk_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/2.txt", "a.txt", "c.txt", ".hidden/x.txt", ".dot.txt"):
        (tmp_path / rel).write_text(f"Title {rel}\n\n{EN_BODY}\n", encoding="utf-8")
    out = _docs([tmp_path])
    assert [d.path for d in out] == [
        os.path.join(str(tmp_path), r) for r in ("a.txt", "b/2.txt", "c.txt")
    ]


def test_read_file_with_bytes():
    (doc,) = list(read_file("mem.txt", f"Title\n\n{EN_BODY}".encode()))
    assert isinstance(doc, Document) and doc.title == "Title" and doc.encoding == "utf-8"


def test_html_unclassed_meta_lines_not_in_body(tmp_path):
    page = f"""<html lang="en"><body><article><h1>Headline here</h1>
    <p>Published: 4 July 2024</p><p>By Jane Reporter</p><p>Updated: 5 July 2024</p>
    <p>{EN_BODY}</p><p>Another full paragraph of the article text follows here.</p></article></body></html>"""
    p = tmp_path / "meta.html"
    p.write_text(page, encoding="utf-8")
    doc = _one(p)
    assert doc.published == "2024-07-04"
    assert doc.body.split("\n\n") == [
        EN_BODY,
        "Another full paragraph of the article text follows here.",
    ]


def test_feed_item_boilerplate_dropped(tmp_path):
    rss = """<rss version="2.0"><channel><title>Blog</title><item><title>T</title>
    <description>&lt;p&gt;Real text of the item.&lt;/p&gt;&lt;p&gt;The post &lt;a href="x"&gt;T&lt;/a&gt; appeared first on &lt;a href="y"&gt;Blog&lt;/a&gt;.&lt;/p&gt;</description>
    </item></channel></rss>"""
    p = tmp_path / "wp.rss"
    p.write_text(rss, encoding="utf-8")
    (doc,) = _docs([p])
    assert doc.body == "Real text of the item."


@pytest.mark.parametrize(
    ("text", "title", "published", "outlet"),
    [
        (
            f"T\nBy Jane Doe | Eastern Ledger | 8 November 2024\n\n{EN_BODY}",
            "T",
            "2024-11-08",
            "Eastern Ledger",
        ),
        (f"T\n8 November 2024 — Eastern Ledger\n\n{EN_BODY}", "T", "2024-11-08", "Eastern Ledger"),
        (f"T\n发布时间：2024年8月21日　来源：远东观察\n\n{ZH_BODY}", "T", "2024-08-21", "远东观察"),
        (
            f"---\ntitle: Front title\ndate: 2024-08-21\nsource: FM Outlet\n---\n\n{EN_BODY}\n",
            "Front title",
            "2024-08-21",
            "FM Outlet",
        ),
        (
            f"{KO_TITLE}\n발행: 2024년 8월 21일\n\n[서울=동해일보] {KO_BODY}\n\n동해일보\n",
            KO_TITLE,
            "2024-08-21",
            "동해일보",
        ),
        (
            f"{RU_TITLE}\n\nМОСКВА, 21 авг — Амурский курьер. {RU_BODY}\n",
            RU_TITLE,
            None,
            "Амурский курьер",
        ),
        (f"{ZH_TITLE}\n\n远东社北京8月21日电 {ZH_BODY}\n", ZH_TITLE, None, "远东社"),
    ],
)
def test_plain_header_variants(text, title, published, outlet):
    art = parse_plain(text)
    assert (art.title, art.published, art.outlet) == (title, published, outlet)
    assert not art.body.endswith(outlet)  # a sign-off line is dropped


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1251", "Число въездов граждан КНДР"),
        ("koi8_r", "Число въездов граждан КНДР"),
        ("euc_kr", "안녕하세요 세계"),
        ("gb18030", "朝鲜工人被派往俄罗斯"),
        ("big5", "朝鮮工人被派往俄羅斯"),
    ],
)
def test_short_legacy_texts_decode(codec, text):
    decoded, _enc = decode_bytes(text.encode(codec))
    assert decoded == text


def test_random_high_bytes_are_undecodable():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(128, 256)) * 4)


def test_html_lede_without_class_kept_first(tmp_path):
    page = f"""<html lang="en"><head><meta property="og:site_name" content="S"></head><body>
    <article class="story"><h1>Headline of the story</h1>
    <p class="kicker-text">A short summary line that sits under the headline of this story.</p>
    <div class="body"><p>{EN_BODY}</p><p>{EN_BODY.replace("regional", "federal")}</p></div></article></body></html>"""
    p = tmp_path / "lede.html"
    p.write_text(page, encoding="utf-8")
    doc = _one(p)
    assert (
        doc.body.split("\n\n")[0]
        == "A short summary line that sits under the headline of this story."
    )
    assert EN_BODY in doc.body


def test_html_sidebar_dates_are_not_the_dateline(tmp_path):
    page = f"""<html lang="en"><head><meta property="article:published_time" content="2024-03-05T08:00:00+03:00"></head>
    <body><div class="left-col"><ul><li><time datetime="2023-01-01">1 January 2023</time> Old story</li></ul></div>
    <div class="main"><article><h1>Headline</h1><p>{EN_BODY}</p><p>{EN_BODY}</p></article></div></body></html>"""
    p = tmp_path / "side.html"
    p.write_text(page, encoding="utf-8")
    doc = _one(p)
    assert (doc.published, doc.published_source) == ("2024-03-05", "meta")


def test_html_dateline_beside_article_container(tmp_path):
    page = f"""<html lang="en"><head><meta property="article:published_time" content="2024-03-06T23:00:00-05:00"></head>
    <body><div class="wrap"><header class="story-header"><h1>Headline</h1></header>
    <div class="story-meta"><span class="pub-date">March 5, 2024</span></div>
    <article class="story-body"><p>{EN_BODY}</p><p>{EN_BODY}</p></article></div></body></html>"""
    p = tmp_path / "beside.html"
    p.write_text(page, encoding="utf-8")
    doc = _one(p)
    assert (doc.published, doc.published_source) == ("2024-03-05", "dateline")
    assert "March 5" not in doc.body


# ---------------------------------------------------------------------------
# one-paragraph texts, JSONL records without text, library log records, identity

EN_SENTENCE = "The central bank raised its key rate by two percentage points on Tuesday."
EN_PARA = (
    f"{EN_SENTENCE} Officials cited persistent inflation and a weaker currency in a statement "
    "released after the meeting, and said further increases were possible this year."
)
RU_PARA = (
    "Центральный банк повысил ключевую ставку на два процентных пункта во вторник. Регулятор "
    "сослался на устойчивую инфляцию и ослабление рубля, сообщили в ведомстве после заседания."
)
KO_PARA = (
    "한국은행은 화요일 기준금리를 2%포인트 인상했다고 밝혔다. 지속적인 물가 상승과 원화 약세를 "
    "이유로 들었으며, 회의 직후 발표된 성명에서 이같이 설명했다고 관계자들이 전했다."
)


@pytest.mark.parametrize(
    ("raw", "codec", "title", "body", "published", "lang"),
    [
        # all on one line, longer than a headline
        (EN_PARA, "utf-8", EN_SENTENCE, EN_PARA, None, "en"),
        # several lines, no blank line after the first (a full sentence)
        (EN_PARA.replace(" Officials", "\nOfficials"), "utf-8", EN_SENTENCE, EN_PARA, None, "en"),
        # hard-wrapped: the first line stops mid-sentence
        (EN_PARA.replace(" percentage", "\npercentage"), "utf-8", EN_SENTENCE, EN_PARA, None, "en"),
        # one short line: taking it as the title would leave no body
        (EN_SENTENCE, "utf-8", EN_SENTENCE, EN_SENTENCE, None, "en"),
        # a "Published:" label opening the paragraph
        (f"Published: 3 March 2026 {EN_PARA}", "utf-8", EN_SENTENCE, EN_PARA, "2026-03-03", "en"),
        # a leading date
        (f"3 March 2026 — {EN_PARA}", "utf-8", EN_SENTENCE, EN_PARA, "2026-03-03", "en"),
        # a wire dateline with a year (it stays in the body, not in the title)
        (
            f"MOSCOW, March 3, 2026 (Outlet) - {EN_PARA}",
            "utf-8",
            EN_SENTENCE,
            f"MOSCOW, March 3, 2026 (Outlet) - {EN_PARA}",
            "2026-03-03",
            "en",
        ),
        (RU_PARA, "cp1251", RU_PARA.split(". ")[0] + ".", RU_PARA, None, "ru"),
        (
            f"Опубликовано: 3 марта 2026 {RU_PARA}",
            "cp1251",
            RU_PARA.split(". ")[0] + ".",
            RU_PARA,
            "2026-03-03",
            "ru",
        ),
        (KO_PARA, "euc_kr", KO_PARA.split(". ")[0] + ".", KO_PARA, None, "ko"),
        (
            f"발행: 2026년 3월 3일 {KO_PARA}",
            "euc_kr",
            KO_PARA.split(". ")[0] + ".",
            KO_PARA,
            "2026-03-03",
            "ko",
        ),
    ],
)
@pytest.mark.parametrize("ext", [".txt", ".md"])
def test_one_paragraph_text_is_read(tmp_path, raw, codec, title, body, published, lang, ext):
    p = tmp_path / f"para{ext}"
    p.write_bytes((raw + "\n").encode(codec))
    doc = _one(p)
    assert doc.title == title
    assert doc.body == body
    assert doc.text == f"{title}\n\n{body}"
    assert doc.published == published
    assert doc.language == lang


def test_one_paragraph_title_is_cut_at_a_word_boundary():
    long_sentence = (
        "Officials " + "said the plan would bring many more workers " * 6 + "to the region."
    )
    art = parse_plain(long_sentence + " A second sentence follows here.")
    assert art.body == long_sentence + " A second sentence follows here."
    assert art.title is not None and 100 <= len(art.title) <= 150
    assert long_sentence.startswith(art.title) and long_sentence[len(art.title)] == " "
    # an abbreviation does not end the first sentence
    art = parse_plain(
        "The U.S. Treasury said on Monday that it would add new names to its sanctions list, "
        "officials in Washington told reporters after a briefing on the decision."
    )
    assert art.title.startswith("The U.S. Treasury said on Monday")


def test_headline_with_period_before_published_line_stays_the_title():
    art = parse_plain(
        f"Russia says it will hire more North Korean builders this year.\nPublished: 3 March 2026\n{EN_BODY}\n"
    )
    assert art.title == "Russia says it will hire more North Korean builders this year."
    assert art.published == "2026-03-03"
    assert art.body == EN_BODY


def test_jsonl_line_without_text_field(tmp_path):
    p = tmp_path / "recs.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps({"title": "Only a title", "url": "https://x.example/a"}),
                json.dumps({"id": 7}),
                json.dumps({"title": "T", "text": " "}),
                json.dumps({"title": "T", "text": EN_BODY}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    a, b, c, d = _docs([p])
    assert isinstance(a, ReadError) and isinstance(b, ReadError) and isinstance(c, ReadError)
    assert (a.path, a.reason) == (f"{p}#1", "no 'text', 'body', 'content' or 'html' field")
    assert (b.path, b.reason) == (f"{p}#2", "no 'text', 'body', 'content' or 'html' field")
    assert c.path == f"{p}#3" and "empty 'text' field" in c.reason
    assert isinstance(d, Document) and d.path == f"{p}#4"


LIBRARIES = ("trafilatura", "htmldate", "lxml", "courlan", "justext", "charset_normalizer")


def test_library_log_records_name_the_file(tmp_path, caplog):
    import logging

    deep = tmp_path / "nested.html"
    deep.write_text(
        "<html><body>" + "<div>" * 5000 + f"<p>{EN_BODY}</p>" + "</div>" * 5000 + "</body></html>"
    )
    before = {name: logging.getLogger(name).propagate for name in LIBRARIES}
    with caplog.at_level(logging.DEBUG):
        doc = _one(deep)
    assert EN_BODY in doc.body
    # nothing from a library reaches the handlers on its own, without a file name
    assert [r for r in caplog.records if r.name.split(".")[0] in LIBRARIES] == []
    relogged = [r for r in caplog.records if "discarding data" in r.getMessage()]
    assert relogged, "trafilatura's warning was expected here"
    for r in relogged:
        assert r.name.startswith("foothold.ingest") and str(deep) in r.getMessage()
        assert r.levelno < logging.WARNING
    assert all(r.levelno < logging.WARNING or str(deep) in r.getMessage() for r in caplog.records)
    assert {name: logging.getLogger(name).propagate for name in LIBRARIES} == before


@pytest.mark.parametrize(
    "variant",
    [
        lambda b: b,  # byte-identical copy
        lambda b: b.replace(b"\n", b"\r\n"),  # Windows line ends
        lambda b: b"\xef\xbb\xbf" + b,  # UTF-8 BOM
    ],
    ids=["copy", "crlf", "bom"],
)
def test_same_document_different_name_same_doc_id(tmp_path, variant):
    data = f"{RU_TITLE}\nОпубликовано: 21 августа 2024\n\n{RU_BODY}\n\n{RU_BODY}\n".encode()
    first = tmp_path / "report.txt"
    (tmp_path / "other").mkdir()
    second = tmp_path / "other" / "copy of report.txt"
    first.write_bytes(data)
    second.write_bytes(variant(data))
    a, b = _docs([first, second])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.path != b.path
    assert a.text == b.text
    assert a.doc_id == b.doc_id


def test_plain_text_cut_at_the_body_limit_is_reported_with_its_path(tmp_path, caplog):
    from foothold.ingest.text import MAX_BODY_CHARS

    path = tmp_path / "huge.txt"
    path.write_text("Title line\n\n" + "Workers were sent. " * (MAX_BODY_CHARS // 19 + 1000), encoding="utf-8")
    with caplog.at_level("WARNING"):
        docs = list(read_file(str(path)))
    assert len(docs) == 1 and len(docs[0].text) <= MAX_BODY_CHARS + 100
    assert any(str(path) in r.getMessage() and "keeping the first" in r.getMessage() for r in caplog.records)
