"""HTML pages: headline, outlet, publication date, language and the article body.

One lxml parse per page. Metadata comes from the parsed tree (``<h1>``, Open Graph,
JSON-LD, ``<html lang>``, the visible dateline); the body comes from trafilatura
(precision mode, no fallback extractors) run once on the article container after
boilerplate containers (related/popular/share/tags/newsletter/cookie/comment blocks,
"Read also" boxes, bylines, datelines) were cut from it; its paragraphs are put back
in page order.

Bounded cost: markup over 1 MB loses scripts/styles/SVG/data URIs and is cut at
5 M characters; containers with more than 6,000 elements (or pages over 1.5 M
characters) skip trafilatura for a paragraph walk, over 60,000 elements for a
regular-expression extraction; body text stops at 1 M characters; nesting bombs
(deeper than libxml2 keeps) are flattened and parsed again. Nothing here recurses.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from foothold.ingest.dates import find_date, iso_prefix, parse_date, url_date
from foothold.ingest.text import (
    BYLINE,
    BYLINE_HEAD,
    DATE_LABEL,
    UPDATED_LABEL,
    byline_date,
    clean_lines,
    collapse_ws,
)

__all__ = ["HtmlArticle", "parse_html", "html_to_text"]

log = logging.getLogger(__name__)

#: Pages larger than this (characters) skip trafilatura and use the paragraph walk.
TRAFILATURA_MAX_CHARS = 1_500_000
#: Article containers with more elements than this skip trafilatura (its cost grows
#: faster than linearly with element count) and use the paragraph walk.
TRAFILATURA_MAX_ELEMENTS = 6000
#: Article containers with more elements than this get a regular-expression text
#: extraction instead of the element-by-element cleaning.
HUGE_ELEMENTS = 60_000
#: Body text beyond this many characters is not extracted (no article is this long).
MAX_BODY_CHARS = 1_000_000
#: Pages are cut to this many characters before parsing at all.
PARSE_MAX_CHARS = 5_000_000

_HARD_BOILER_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "form",
    "button",
    "select",
    "textarea",
    "input",
)
_SOFT_BOILER_TAGS = ("nav", "aside", "footer", "figure", "figcaption", "menu")

_TOKEN = r"(?:^|[\s_-])(?:{})(?:$|[\s_-])"
# Containers that are never article text (checked on class and id).
_HARD_CLASS = re.compile(
    _TOKEN.format(
        "related|related-posts|more-like-this|more-like|morelikethis|popular|most-read|mostread|most-popular"
        "|top-stories|block-top|block-picks|picks|editors-picks|recommended|recommendations|teaser|teasers"
        "|widget|widget-area|sidebar|side-col|sidebar-right|comments|comment|comments-area|comment-list"
        "|respond|discussion|disqus|replies|cookie|cookies|cookie-notice|cookie-banner|cookie-law-info-bar|consent|gdpr|newsletter"
        "|subscribe|subscribe-box|subscription|signup|paywall-promo|breadcrumb|breadcrumbs|nav|navbar|menu"
        "|mega-menu|main-nav|topbar|ticker|weather|lang-switch|ad|ads|ad-slot|advert|advertisement|promo"
        "|site-footer|footer|colophon|skip-link|screen-reader-text|read-also|readalso|inline-related"
        "|see-also|also-read|further-reading|trending"
    ),
    re.I,
)
# Inline bits of the article container that are not article text either.
_SOFT_CLASS = re.compile(
    _TOKEN.format(
        "share|share-bar|share-post|sharing|social|social-share|share-buttons|sharedaddy|tags|tag-list|post-tags"
        "|entry-tags|tagcloud|cat-links|categories|byline|author|authors|author-bio|views|meta-views|print"
        "|entry-footer|post-meta-footer|caption|credit|photo-credit|login|logo|brand|site-title|site-description"
        "|masthead|wordmark|date|dateline|pubdate|timestamp|entry-meta|post-meta|article-meta|meta|updated"
    ),
    re.I,
)
_DATE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:date|dateline|pubdate|pub-date|published|posted-on|publish-date|article-date|entry-date"
    r"|post-date|timestamp|time|datetime|meta-date|story-date|date-published)(?:$|[\s_-])",
    re.I,
)
# Byline and meta rows ("By Jane Doe · 8 May 2025"): a date in them is the dateline.
_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:byline|bylines|by-line|author|authors|meta|article-info|post-info|story-info)(?:$|[\s_-])",
    re.I,
)
_BIO_CLASS = re.compile(r"bio|profile|about", re.I)
_UPDATED_CLASS = re.compile(r"updated|modified|edit", re.I)
_PUBLISHED_CLASS = re.compile(r"published|pubdate|posted", re.I)
_MASTHEAD_CLASS = re.compile(
    r"(?:^|[\s_-])(?:site-title|site-name|sitename|logo|brand|wordmark|masthead-title|site-logo|navbar-brand)(?:$|[\s_-])",
    re.I,
)
_ARTICLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:article|story|post|entry|article-page|news-article|content)(?:$|[\s_-])", re.I
)
_HEADERISH = re.compile(r"header|meta|title|heading|byline", re.I)
_STANDFIRST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:standfirst|lede|lead|dek|deck|subtitle|subhead|sub-headline|summary|intro|excerpt|article-lead|description)(?:$|[\s_-])",
    re.I,
)
_TITLE_SUFFIX = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+([^|–—»·]{2,60})$")
_READ_ALSO_TEXT = re.compile(
    r"^\s*(?:read (?:also|more)|see also|also read|related|more on this|читайте также|смотрите также|также читайте"
    r"|по теме|관련 ?기사|함께 (?:읽|보)|相关(?:新闻|阅读|文章|报道)|延伸阅读|推荐阅读)\b\s*[:：]?",
    re.I,
)


@dataclass(slots=True)
class HtmlArticle:
    """What a page yields: every field may be None except ``body`` (possibly empty)."""

    title: str | None
    body: str
    outlet: str | None
    published: str | None
    published_source: str | None
    lang_attr: str | None
    url: str | None


def _classid(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _text(el) -> str:
    try:
        return collapse_ws(el.text_content())
    except (ValueError, AttributeError):
        return ""


def _drop(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


_BULK = re.compile(
    r"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<svg\b.*?</svg\s*>|<!--.*?-->|data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+",
    re.I | re.S,
)


def _parse_tree(markup: str):
    """lxml tree of ``markup`` or None; never raises."""
    if len(markup) > 1_000_000:
        # big pages are mostly scripts, styles, inline SVG and data: URIs; drop them first
        markup = _BULK.sub(" ", markup)
    if len(markup) > PARSE_MAX_CHARS:
        markup = markup[:PARSE_MAX_CHARS]
    # lxml refuses str input that carries an encoding declaration
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup, count=1)
    try:
        parser = lxml_html.HTMLParser(
            remove_comments=True, remove_pis=True, huge_tree=True, no_network=True
        )
        root = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError, TypeError) as exc:
        log.debug("HTML parse failed: %s", exc)
        return None
    return root


def _meta(root) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (
            (
                el.get("property")
                or el.get("name")
                or el.get("itemprop")
                or el.get("http-equiv")
                or ""
            )
            .strip()
            .lower()
        )
        val = el.get("content")
        if key and val and key not in out:
            out[key] = val.strip()
    return out


def _json_ld(root) -> list[dict]:
    items: list[dict] = []
    for el in root.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json":
            continue
        raw = (el.text or "").strip()
        if not raw or len(raw) > 200_000:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack and len(items) < 50:
            cur = stack.pop(0)
            if isinstance(cur, list):
                stack.extend(cur)
            elif isinstance(cur, dict):
                items.append(cur)
                if "@graph" in cur:
                    stack.append(cur["@graph"])
    return items


_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "webpage",
    "opinionnewsarticle",
    "scholarlyarticle",
    "posting",
    "socialmediaposting",
}


def _ld_types(item: dict) -> set[str]:
    t = item.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {str(x).lower() for x in t}
    return set()


def _ld_fields(items: list[dict]) -> tuple[str | None, str | None, str | None]:
    """(datePublished, publisher name, headline) from JSON-LD article items."""
    published = publisher = headline = None
    for item in items:
        if not (_ld_types(item) & _ARTICLE_TYPES):
            continue
        if published is None and isinstance(item.get("datePublished"), str):
            published = item["datePublished"]
        pub = item.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if publisher is None:
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                publisher = pub["name"].strip() or None
            elif isinstance(pub, str):
                publisher = pub.strip() or None
        if headline is None and isinstance(item.get("headline"), str):
            headline = item["headline"].strip() or None
    return published, publisher, headline


def _lang_attr(root, meta: dict[str, str]) -> str | None:
    raw = (
        root.get("lang")
        or root.get("{http://www.w3.org/XML/1998/namespace}lang")
        or meta.get("content-language")
        or meta.get("og:locale")
    )
    if not raw:
        return None
    code = re.split(r"[-_,;\s]", raw.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def _in_boiler(el, stop, max_hops: int = 40) -> bool:
    """True if ``el`` sits inside a nav/aside/footer or a related/popular/... container."""
    cur = el
    hops = 0
    while cur is not None and cur is not stop and hops < max_hops:
        if not isinstance(cur.tag, str):
            return False
        if cur.tag in ("nav", "aside", "footer") or _HARD_CLASS.search(_classid(cur)):
            return True
        cur = cur.getparent()
        hops += 1
    return False


def _pick_h1(body, og_title: str | None, outlet: str | None = None):
    """The headline ``<h1>``: the one matching og:title, else the first outside site furniture.

    An ``<h1>`` that is the site's logo or name (masthead class, or text equal to the
    outlet) is never the headline.
    """
    site = outlet.lower() if outlet else None
    h1s = [
        h
        for h in body.iter("h1")
        if not _MASTHEAD_CLASS.search(_classid(h)) and _text(h) and _text(h).lower() != site
    ]
    if not h1s:
        return None
    if og_title:
        want = collapse_ws(og_title).lower()
        for h in h1s:
            if _text(h).lower() == want:
                return h
        for h in h1s:
            t = _text(h).lower()
            if t and (want.startswith(t) or t.startswith(want)):
                return h
    for h in h1s:
        if not _in_boiler(h, body):
            return h
    return h1s[0]


def _article_container(h1, body):
    """The closest ancestor of the headline that looks like the article, else ``<article>``/``<main>``/body."""
    if h1 is not None:
        cur = h1.getparent()
        hops = 0
        big_enough = None
        while cur is not None and cur is not body and hops < 10:
            cid = _classid(cur)
            size = len(_text(cur))
            if (
                cur.tag in ("article", "main") or _ARTICLE_CLASS.search(cid)
            ) and not _HEADERISH.search(cid):
                if size >= 200:
                    return cur
            if big_enough is None and size >= 500 and not _HEADERISH.search(cid):
                big_enough = cur
            cur = cur.getparent()
            hops += 1
        if big_enough is not None:
            return big_enough
    for tag in ("article", "main"):
        for el in body.iter(tag):
            if len(_text(el)) >= 200:
                return el
    return body


def _date_scopes(h1, container, body) -> list:
    """Where a visible dateline may be: the article container, then the block around the
    headline (a meta row beside the article), then - only for pages without a headline -
    the whole page. Sidebars and teaser lists elsewhere on the page are never searched."""
    scopes = [container]
    if h1 is not None:
        near = h1.getparent()
        if near is not None and near.getparent() is not None:
            near = near.getparent()
        if near is not None and near is not container and near is not body:
            scopes.append(near)
    elif container is not body:
        scopes.append(body)
    return scopes


def _is_updated(el) -> bool:
    """``el`` is marked as a modification date (class "updated"/"modified", ``dateModified``)."""
    cid = _classid(el)
    return (
        bool(cid and _UPDATED_CLASS.search(cid) and not _PUBLISHED_CLASS.search(cid))
        or (el.get("itemprop") or "").lower() == "datemodified"
    )


def _byline_row_date(el, cid: str) -> str | None:
    """The publication date in a byline or meta row ("By Jane Doe · 8 May 2025"), or None.

    A row is one by its class (byline, author, ...-meta, not an author bio) or, with no
    such class, by starting with "By"/"От"/"Автор" - then its date must stand alone in a
    separator-delimited segment (a story paragraph starting "By March 2024, ..." is not a
    byline). Text inside descendants marked as modification dates is left out, and a
    segment labelled "Updated" never gives the date (see :func:`byline_date`).
    """
    by_class = bool(cid) and _BYLINE_CLASS.search(cid) is not None and not _BIO_CLASS.search(cid)
    if not by_class:
        head = _head_text(el)[:60]
        if not head or not BYLINE_HEAD.match(head):
            return None
    if len(el) > 12:
        return None  # a container, not a row
    updated = [d for d in el.iterdescendants() if isinstance(d.tag, str) and _is_updated(d)]
    if updated:
        row = copy.deepcopy(el)
        for d in [d for d in row.iterdescendants() if isinstance(d.tag, str) and _is_updated(d)]:
            if d.getparent() is not None:
                _drop(d)
        text = _text(row)
    else:
        text = _text(el)
    if not text or len(text) > 160:
        return None
    return byline_date(text, strict=not by_class)


def _visible_date(scopes: list) -> tuple[str | None, str | None]:
    """(date, "dateline") from the first visible dateline in ``scopes`` (see :func:`_date_scopes`)."""
    for scope in scopes:
        seen = 0
        for el in scope.iter():
            if not isinstance(el.tag, str):
                continue
            seen += 1
            if seen > 5000:
                break
            cid = _classid(el)
            is_time = el.tag == "time"
            date_class = bool(cid) and _DATE_CLASS.search(cid) is not None
            labelled = None
            if not (is_time or date_class):
                if el.tag not in ("p", "div", "span", "small", "li", "em", "strong", "b"):
                    continue
                own = (el.text or "").lstrip()[:60]
                labelled = DATE_LABEL.match(own) if own else None
                if not labelled:
                    if _is_updated(el):
                        continue
                    found = _byline_row_date(el, cid)
                    if found and not _in_boiler(el, scope):
                        return found, "dateline"
                    continue
            if _is_updated(el):
                continue
            if _in_boiler(el, scope):
                continue
            parent = el.getparent()
            if is_time and parent is not None and parent.tag == "p" and len(_text(parent)) > 200:
                continue  # a date mentioned inside a paragraph of the story
            text = _text(el)
            if len(text) > 160:
                continue
            if UPDATED_LABEL.match(text):
                continue
            m = DATE_LABEL.match(text)
            if m:
                text = text[m.end() :]
            found = parse_date(text) if text else None
            if found is None and is_time and el.get("datetime"):
                found = iso_prefix(el.get("datetime"))
            if found:
                return found, "dateline"
    return None, None


def _outlet(
    meta: dict[str, str], ld_publisher: str | None, root, title_tag: str | None
) -> str | None:
    for cand in (meta.get("og:site_name"), ld_publisher):
        if cand and collapse_ws(cand):
            return collapse_ws(cand)
    body = root.find("body")
    if body is not None:
        for n, el in enumerate(body.iter()):
            if n > 3000:
                break
            if not isinstance(el.tag, str) or not _MASTHEAD_CLASS.search(_classid(el)):
                continue
            text = _text(el)
            if not text:
                for img in el.iter("img"):
                    text = collapse_ws(img.get("alt") or "")
                    if text:
                        break
            if text and len(text) <= 60:
                return text
            break
    if title_tag:
        m = _TITLE_SUFFIX.search(title_tag)
        if m:
            return m.group(1).strip()
    for key in ("application-name", "twitter:site"):
        val = meta.get(key)
        if val:
            return val.lstrip("@").strip() or None
    return None


def _strip_title_suffix(title: str) -> str:
    m = _TITLE_SUFFIX.search(title)
    return title[: m.start()].strip() if m else title


def _is_meta_line(text: str) -> bool:
    """A "Published: ...", "Updated: ..." or "By ..." line (not article text)."""
    if BYLINE.match(text):
        return True
    if BYLINE_HEAD.match(text) and byline_date(text, strict=True):
        return True  # "By Jane Doe · 8 May 2025"
    if UPDATED_LABEL.match(text):
        return True
    m = DATE_LABEL.match(text)
    return m is not None and find_date(text[m.end() :]) is not None


# How a "Read also" box or a "Published:"/"Updated:"/"By" line starts (cheap pre-check).
_META_HEAD = re.compile(
    r"^\s*(?:read|see|also|related|more|читайте|смотрите|также|по теме|관련|함께|相关|延伸|推荐"
    r"|published|posted|first|publication|date|pubdate|updated|last|modified|by\b|от\b|автор|опубликовано|дата|размещено"
    r"|публикация|обновлено|изменено|발행|입력|등록|게시|작성|송고|수정|업데이트|最|发|發|日期|時間|公開|投稿|配信|更新)",
    re.I,
)


def _head_text(el) -> str:
    """The first non-blank text inside ``el`` (its own text or its first child's), cheaply."""
    if el.text and el.text.strip():
        return el.text.lstrip()
    for child in el:
        if isinstance(child.tag, str) and child.text and child.text.strip():
            return child.text.lstrip()
        if child.tail and child.tail.strip():
            return child.tail.lstrip()
        break
    return ""


def _clean_for_body(container) -> None:
    """Cut boilerplate out of the article subtree, in place."""
    doomed = []
    total = len(_text(container))
    for el in container.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _HARD_BOILER_TAGS or el.tag in _SOFT_BOILER_TAGS:
            doomed.append(el)
            continue
        cid = _classid(el)
        if cid and (_HARD_CLASS.search(cid) or _SOFT_CLASS.search(cid)):
            if total > 500 and len(_text(el)) > 0.6 * total:
                continue  # a wrapper holding most of the story ("ad-free-article", "post meta-wrap")
            doomed.append(el)
            continue
        if el.tag == "time" or el.tag == "h1":
            doomed.append(el)
            continue
        if el.tag in ("div", "p", "aside", "section", "span", "b", "strong") and len(el) <= 6:
            head = _head_text(el)
            if not head or not _META_HEAD.match(head):
                continue
            text = _text(el)
            if text and len(text) < 200 and _READ_ALSO_TEXT.match(text):
                doomed.append(el)
            elif (
                text and len(text) < 120 and el.tag in ("p", "div", "span") and _is_meta_line(text)
            ):
                doomed.append(el)
    for el in doomed:
        if el.getparent() is not None and el is not container:
            _drop(el)


_BLOCK_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th"}


_BLOCK_SPLIT = re.compile(
    r"<(?:/?(?:p|div|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|pre|dd|dt)|br)\b[^>]*>",
    re.I,
)
_ANY_TAG = re.compile(r"<[^>]*>")


def _regex_text(container) -> str:
    """Paragraph text of ``container`` by regular expressions over its serialisation."""
    import html as html_lib

    try:
        markup = lxml_html.tostring(container, encoding="unicode")
    except (ValueError, TypeError):  # pragma: no cover - defensive
        return ""
    markup = _BULK.sub(" ", markup)
    markup = _BLOCK_SPLIT.sub("\x00", markup)
    text = html_lib.unescape(_ANY_TAG.sub(" ", markup))
    paras = []
    total = 0
    for block in text.split("\x00"):
        if not block or block.isspace():
            continue
        para = " ".join(block.split())
        paras.append(para)
        total += len(para)
        if total > MAX_BODY_CHARS:
            break
    return "\n\n".join(paras)


def _count_elements(root, stop: int) -> int:
    """Number of elements under ``root``, counting no further than ``stop + 1``."""
    n = 0
    for n, _el in enumerate(root.iter(), start=1):
        if n > stop:
            break
    return n


def _paragraph_walk(container, limit: int | None = None) -> str:
    """Text of block elements under ``container``, one paragraph per block (no recursion)."""
    limit = MAX_BODY_CHARS if limit is None else limit
    out: list[str] = []
    total = 0
    for el in container.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCK_TAGS:
            continue
        # nested blocks (p inside li...) are taken once, at the innermost level
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el):
            text = collapse_ws(el.text or "")
        else:
            text = _text(el)
        if text:
            out.append(text)
            total += len(text)
            if total > limit:
                break
    if not out:
        text = _text(container)
        if text:
            out.append(text)
    return "\n\n".join(out)


def _trafilatura_body(container) -> str | None:
    try:
        import trafilatura

        text = trafilatura.extract(
            container,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            output_format="txt",
            with_metadata=False,
            deduplicate=False,
            fast=True,
        )
    except RecursionError:
        log.debug("trafilatura recursion limit; falling back")
        return None
    except Exception as exc:  # third-party extractor: any failure means "use the fallback"
        log.debug("trafilatura failed: %s", exc)
        return None
    if not text:
        return None
    paras = [collapse_ws(line) for line in text.split("\n")]
    return "\n\n".join(p for p in paras if p)


_WRAPPER_TAGS = re.compile(
    r"</?(?:div|span|section|font|center|table|tbody|tr|td|th|b|i|u|em|strong)\b[^>]{0,2000}>", re.I
)
#: A tree deeper than this is treated as a nesting bomb (libxml2 drops content past ~256-2048 levels).
MAX_DEPTH = 200


def _too_deep(root) -> bool:
    """True if some element is nested more than :data:`MAX_DEPTH` levels (iterative check)."""
    stack = [(root, 0)]
    seen = 0
    while stack:
        el, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        seen += 1
        if seen > 200_000:
            return False
        stack.extend((child, depth + 1) for child in el)
    return False


def _document_order(text: str, container) -> str:
    """trafilatura's paragraphs put back in the order they appear in the page."""
    paras = text.split("\n\n")
    if len(paras) < 2:
        return text
    full = _text(container)
    keyed = []
    last = -1
    for i, para in enumerate(paras):
        pos = full.find(para[:80])
        if pos < 0:
            pos = last  # unknown: keep it after its predecessor
        keyed.append((pos, i, para))
        last = pos
    keyed.sort()
    return "\n\n".join(p for _pos, _i, p in keyed)


def _with_lede(text: str, container, title: str | None) -> str:
    """Put back prose paragraphs that precede trafilatura's first one (a standfirst it dropped).

    Only paragraphs of six or more words that are not meta lines ("By ...",
    "Published: ...") and not the headline are taken, and only from before the
    extracted text, where site furniture has already been cut away.
    """
    first = text.split("\n\n", 1)[0]
    walk = _paragraph_walk(container, limit=20_000).split("\n\n")
    lede: list[str] = []
    for para in walk:
        if para == first or first.startswith(para[:80]):
            break
        if len(lede) >= 3:
            continue
        if (
            len(para.split()) >= 6
            and para != title
            and not _is_meta_line(para)
            and para not in text
        ):
            lede.append(para)
    else:
        return text  # trafilatura's first paragraph not found in the walk: leave as is
    return "\n\n".join([*lede, text]) if lede else text


def parse_html(markup: str, url_hint: str | None = None) -> HtmlArticle | None:
    """Parse one HTML page.

    Args:
        markup: the decoded page.
        url_hint: a URL known from outside the page (JSONL field), used for the
            URL-path date when the page names none.

    Returns:
        An :class:`HtmlArticle`, or None if the markup cannot be parsed at all.
        The body has paragraphs separated by blank lines and may be empty.
    """
    root = _parse_tree(markup)
    if root is None:
        return None
    article = _parse_root(root, markup, url_hint)
    if len(article.body) < 40 and _too_deep(root):
        # libxml2 stops building the tree at a nesting limit and drops what is deeper;
        # flatten the generic wrappers and parse again.
        log.debug("deeply nested HTML: flattening div/span/section wrappers")
        flat = _parse_tree(_WRAPPER_TAGS.sub(" ", markup))
        if flat is not None:
            article = _parse_root(flat, markup, url_hint)
    return article


def _parse_root(root, markup: str, url_hint: str | None) -> HtmlArticle:
    """:func:`parse_html` on an already parsed tree (modified in place)."""
    meta = _meta(root)
    ld_items = _json_ld(root)
    ld_published, ld_publisher, ld_headline = _ld_fields(ld_items)
    title_el = root.find(".//title")
    title_tag = _text(title_el) if title_el is not None else None
    lang = _lang_attr(root, meta)
    url = None
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            url = link.get("href").strip()
            break
    url = url or meta.get("og:url") or url_hint
    outlet = _outlet(meta, ld_publisher, root, title_tag)

    body = root.find("body")
    if body is None:
        body = root
    for el in list(body.iter(*_HARD_BOILER_TAGS)):
        if el.getparent() is not None:
            _drop(el)

    og_title = meta.get("og:title") or meta.get("twitter:title")
    h1 = _pick_h1(body, og_title, outlet)
    title = _text(h1) if h1 is not None else None
    if not title:
        title = (
            collapse_ws(og_title or "")
            or ld_headline
            or (_strip_title_suffix(title_tag) if title_tag else None)
        )
    container = _article_container(h1, body)

    published, source = _visible_date(_date_scopes(h1, container, body))
    if published is None:
        for value, src in (
            (meta.get("article:published_time"), "meta"),
            (
                meta.get("og:published_time")
                or meta.get("datepublished")
                or meta.get("pubdate")
                or meta.get("publishdate")
                or meta.get("date")
                or meta.get("dc.date")
                or meta.get("dc.date.issued")
                or meta.get("sailthru.date"),
                "meta",
            ),
            (ld_published, "json-ld"),
        ):
            found = iso_prefix(value) if value else None
            if found:
                published, source = found, src
                break
    if published is None:
        for cand in (url, meta.get("og:url"), url_hint):
            found = url_date(cand)
            if found:
                published, source = found, "url"
                break

    standfirst = None
    for el in container.iter():
        if (
            isinstance(el.tag, str)
            and el.tag in ("p", "div", "h2")
            and _STANDFIRST_CLASS.search(_classid(el))
        ):
            lead = _text(el)
            if 20 <= len(lead) <= 600:
                standfirst = lead
            break

    text: str | None = None
    if _count_elements(container, HUGE_ELEMENTS) > HUGE_ELEMENTS:
        # element-by-element work is too slow here: plain markup-to-text on the container
        log.debug("huge HTML container: regex text extraction")
        text = _regex_text(container)
    else:
        _clean_for_body(container)
    if text is None and (
        len(markup) <= TRAFILATURA_MAX_CHARS
        and _count_elements(container, TRAFILATURA_MAX_ELEMENTS) <= TRAFILATURA_MAX_ELEMENTS
    ):
        text = _trafilatura_body(container)
        if text:
            text = _document_order(text, container)
            text = _with_lede(text, container, title)
    walked = None
    if (not text or len(text) < 40) and _count_elements(container, HUGE_ELEMENTS) <= HUGE_ELEMENTS:
        walked = _paragraph_walk(container)
        if walked and len(walked) > len(text or ""):
            text = walked
    text = text or ""
    if standfirst and standfirst not in text:
        text = f"{standfirst}\n\n{text}" if text else standfirst
    if title and text.split("\n\n", 1)[0].strip() == title:
        text = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    if len(text) > MAX_BODY_CHARS:
        text = text[
            : text.rfind("\n\n", 0, MAX_BODY_CHARS)
            if "\n\n" in text[:MAX_BODY_CHARS]
            else MAX_BODY_CHARS
        ]
    body_text = "\n\n".join(clean_lines(text.split("\n\n")))
    return HtmlArticle(
        title=title or None,
        body=body_text,
        outlet=outlet,
        published=published,
        published_source=source,
        lang_attr=lang,
        url=url,
    )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed description): paragraphs separated by blank lines."""
    if "<" not in fragment and "&" not in fragment:
        return "\n\n".join(p for p in (collapse_ws(x) for x in fragment.split("\n\n")) if p)
    try:
        parser = lxml_html.HTMLParser(remove_comments=True, huge_tree=True, no_network=True)
        root = lxml_html.fragment_fromstring(fragment, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError, TypeError):
        return collapse_ws(re.sub(r"<[^>]*>", " ", fragment))
    for el in list(root.iter(*_HARD_BOILER_TAGS)):
        if el.getparent() is not None:
            _drop(el)
    for br in list(root.iter("br")):
        br.tail = "\n\n" + (br.tail or "")
    blocks = []
    has_blocks = any(isinstance(el.tag, str) and el.tag in _BLOCK_TAGS for el in root.iter())
    if has_blocks:
        if root.text and root.text.strip():
            blocks.append(collapse_ws(root.text))
        text = _paragraph_walk(root)
        blocks.extend(text.split("\n\n"))
    else:
        raw = root.text_content()
        blocks.extend(collapse_ws(x) for x in raw.split("\n\n"))
    return "\n\n".join(b for b in blocks if b)
