"""Tests of the HTML report: contents, escaping of hostile text, self-containment, charts."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foothold.assess.types import Assessment, Contribution, HypothesisResult, TimelinePoint
from foothold.case import default_case
from foothold.model import Claim, Document, Entity, Evidence, Quantity
from foothold.report import render_report, write_report
from foothold.report.charts import embed_json, iso_day
from foothold.report.html import highlight, safe_href

HOSTILE_TITLE = 'Plant news <script>alert(1)</script> "</script><script>alert(2)</script>'
HOSTILE_SENTENCE = (
    "A manager said </script><script>alert(3)</script> and <img src=x onerror=alert(4)> "
    "that <!-- forty --> workers came."
)
HOSTILE_URL = "javascript:alert(5)"


# -- fixtures --------------------------------------------------------------


def _doc(title: str, body: str, **kw) -> Document:
    text = f"{title}\n\n{body}"
    return Document(
        path=kw.pop("path", f"corpus/{abs(hash(title))}.txt"),
        text=text,
        title=title,
        title_end=len(title),
        **kw,
    )


def _claim(doc: Document, sentence: str, indicator: str, polarity: str, **kw) -> Claim:
    start = doc.text.index(sentence)
    return Claim(
        doc_id=doc.doc_id,
        indicator=indicator,
        polarity=polarity,
        text=sentence,
        start=start,
        end=start + len(sentence),
        **kw,
    )


def _evidence() -> list[Evidence]:
    # Small made-up texts.
    d1 = _doc(
        "Assembly line hires foreign staff",
        "A car plant in the Far East took on a crew of foreign fitters this spring. "
        "Local officials gave no numbers.",
        outlet="Harbour Gazette",
        published="2026-03",
        language="en",
        url="https://example.org/a1",
    )
    s1 = "A car plant in the Far East took on a crew of foreign fitters this spring."
    e1 = Evidence(
        document=d1,
        relevant=True,
        relevance_score=0.9,
        cluster="k1",
        indicators=[("ind_placement_target", "positive")],
        sectors=["automotive"],
        entities=[Entity("Russia", "country")],
        quantities=[Quantity(40, "person", approximate=True)],
        claims=[
            _claim(
                d1, s1, "ind_placement_target", "positive", attributions=["Regional labour office"]
            ),
            _claim(d1, s1, "ind_inflow", "positive"),
        ],
    )
    d2 = _doc(
        "Syndicated copy: assembly line hires foreign staff",
        "A car plant in the Far East took on a crew of foreign fitters this spring.",
        outlet="Wire Copy",
        published="2026-03-04",
        language="en",
    )
    e2 = Evidence(
        document=d2,
        relevant=True,
        relevance_score=0.8,
        cluster="k1",
        claims=[_claim(d2, s1, "ind_placement_target", "positive")],
    )
    d3 = _doc(
        "Factory declines outside labour",
        "The electronics maker said it would not hire workers from abroad this year.",
        outlet="Business Daily",
        published="2025-11-20",
        language="en",
    )
    s3 = "The electronics maker said it would not hire workers from abroad this year."
    e3 = Evidence(
        document=d3,
        relevant=True,
        relevance_score=0.7,
        cluster="k2",
        claims=[_claim(d3, s3, "ind_partner_reluctance", "positive")],
    )
    d4 = _doc(
        HOSTILE_TITLE,
        f"Opening line. {HOSTILE_SENTENCE} Closing line.",
        outlet='Evil <b onmouseover="alert(6)">Outlet</b>',
        published="2026-01-02",
        language="en",
        url=HOSTILE_URL,
        path='x/"><script>alert(7)</script>.html',
    )
    e4 = Evidence(
        document=d4,
        relevant=True,
        relevance_score=0.5,
        cluster=None,
        entities=[Entity("<script>alert(8)</script>", "person")],
        attributions=["<i>src</i>"],
        claims=[
            _claim(
                d4,
                HOSTILE_SENTENCE,
                "ind_inflow",
                "negative",
                attributions=["<svg onload=alert(9)>"],
            )
        ],
    )
    d5 = _doc("Weather report", "Snow fell on the coast.", outlet="Weather", published=None)
    e5 = Evidence(document=d5, relevant=False, relevance_score=0.05)
    return [e1, e2, e3, e4, e5]


def _assessment(evidence: list[Evidence]) -> Assessment:
    case = default_case()
    hyps = [
        HypothesisResult("h_foothold", "Industrial foothold", 0.15, 0.27, "unlikely", (0.20, 0.45)),
        HypothesisResult(
            "h_labour_export", "Labour export as before", 0.55, 0.58, "likely", (0.55, 0.80)
        ),
        HypothesisResult("h_stall", "Stall", 0.30, 0.15, "very unlikely", (0.05, 0.20)),
    ]
    e1, _, e3, e4, _ = evidence
    contribs = [
        Contribution(
            origin="k1",
            indicator="ind_placement_target",
            polarity="positive",
            log_lr={"h_foothold": 1.9, "h_labour_export": -0.6, "h_stall": -1.2},
            weight=0.6,
            grade="C3",
            n_reports=2,
            claim_ids=[e1.claims[0].claim_id],
            sentence=e1.claims[0].text,
            outlet=e1.document.outlet,
            published=e1.document.published,
            attributions=["Regional labour office"],
            doc_id=e1.doc_id,
            path=e1.document.path,
            influence=1.9,
        ),
        Contribution(
            origin="k2",
            indicator="ind_partner_reluctance",
            polarity="positive",
            log_lr={"h_foothold": -0.5, "h_labour_export": -0.3, "h_stall": 0.6},
            weight=0.7,
            grade="B2",
            n_reports=1,
            claim_ids=[e3.claims[0].claim_id],
            sentence=e3.claims[0].text,
            outlet=e3.document.outlet,
            published=e3.document.published,
            attributions=[],
            doc_id=e3.doc_id,
            path=e3.document.path,
            influence=0.6,
        ),
        Contribution(
            origin=e4.doc_id,
            indicator="ind_inflow",
            polarity="negative",
            log_lr={"h_foothold": -0.1, "h_labour_export": -0.2, "h_stall": 0.4},
            weight=0.3,
            grade="E5",
            n_reports=1,
            claim_ids=[e4.claims[0].claim_id],
            sentence=HOSTILE_SENTENCE,
            outlet=e4.document.outlet,
            published=e4.document.published,
            attributions=["<svg onload=alert(9)>"],
            doc_id=e4.doc_id,
            path=e4.document.path,
            influence=0.4,
        ),
    ]
    return Assessment(
        case_id=case.id,
        as_of="2026-03-31",
        hypotheses=hyps,
        contributions=contribs,
        n_reports=4,
        n_origins=3,
        method={"name": "test <method>"},
    )


TIMELINE = [
    TimelinePoint("2025-11", {"h_foothold": 0.14, "h_labour_export": 0.56, "h_stall": 0.30}, 1, 1),
    TimelinePoint("2026-01", {"h_foothold": 0.13, "h_labour_export": 0.55, "h_stall": 0.32}, 2, 2),
    TimelinePoint("2026-03", {"h_foothold": 0.27, "h_labour_export": 0.58, "h_stall": 0.15}, 4, 3),
]

FAN = [
    {"sector": s, "year": y, "q05": 0, "q25": 10 * k, "q50": 50 * k, "q75": 150 * k, "q95": 400 * k}
    for s in ("automotive", "construction")
    for k, y in enumerate(range(2026, 2031), start=1)
]


@pytest.fixture(scope="module")
def evidence() -> list[Evidence]:
    return _evidence()


@pytest.fixture(scope="module")
def page(evidence) -> str:
    return render_report(
        case=default_case(),
        evidence=evidence,
        assessment=_assessment(evidence),
        timeline=TIMELINE,
        fan=FAN,
        errors=[("broken/<script>x</script>.pdf", "not text <b>")],
        generated_at="2026-04-01T09:00:00+00:00",
    )


class _Tags(HTMLParser):
    """Collects start tags with their attributes and the raw text of <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script, self._buf = dict(attrs), []

    def handle_data(self, data):
        if self._in_script is not None:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._buf)))
            self._in_script = None


def _parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    p.close()
    return p


def _section(page: str, section_id: str) -> str:
    m = re.search(rf'<section id="{section_id}">(.*?)</section>', page, flags=re.S)
    assert m, section_id
    return m.group(1)


# -- security --------------------------------------------------------------


def test_hostile_text_is_escaped(page):
    for raw in (
        "<script>alert(",
        "</script><script>",
        "<img src=x",
        "<svg onload",
        "<b onmouseover",
        "<!-- forty",
        "<i>src</i>",
        "<script>x</script>",
        "not text <b>",
        "test <method>",
    ):
        assert raw not in page, raw
    # the escaped forms are there, so the analyst still sees what the report said
    assert html.escape(HOSTILE_TITLE) in page
    assert html.escape(HOSTILE_SENTENCE) in page


def test_no_dangerous_markup(page):
    parsed = _parse(page)
    scripts = [t for t in parsed.tags if t[0] == "script"]
    # the vega bundle, the embed snippet and one JSON element per chart: nothing else
    assert all(set(a) <= {"type", "data-chart"} for _, a in scripts)
    assert len([a for _, a in scripts if a.get("type") is None]) == 2
    for tag, attrs in parsed.tags:
        assert tag not in ("img", "svg", "iframe", "object", "embed", "link", "base", "form"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name != "src", tag
            if name == "href":
                assert value is not None
                assert value.startswith("#") or re.match(r"https?://", value), value
                assert "javascript" not in value.lower()


def test_no_external_resources(page):
    assert not re.search(
        r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^"'>]*\.(?:js|css)""", page, flags=re.I
    )
    assert not re.search(r"<link\b", page, flags=re.I)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page, flags=re.I)
    # the only http(s) hrefs are links to the source articles, as given by the documents
    hrefs = re.findall(r'href="(https?://[^"]*)"', page)
    assert hrefs == ["https://example.org/a1"]
    assert "cdn" not in " ".join(hrefs)
    # the Content-Security-Policy forbids fetching anything
    assert "default-src 'none'" in page


def test_hostile_url_never_a_link(page):
    assert 'href="javascript' not in page.lower()
    assert safe_href("javascript:alert(1)") is None
    assert safe_href(" JavaScript:alert(1)") is None
    assert safe_href("java\tscript:alert(1)") is None
    assert safe_href("data:text/html,<b>x</b>") is None
    assert safe_href("//evil.example/x") is None
    assert (
        safe_href('https://ok.example/a"onclick="x') == "https://ok.example/a&quot;onclick=&quot;x"
    )


def test_embed_json_cannot_break_out():
    value = {"s": "</script><script>alert(1)</script><!-- & \u2028"}
    text = embed_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


# -- contents --------------------------------------------------------------


def test_sections_in_order(page):
    ids = ["hypotheses", "contributions", "indicators", "timeline", "fan", "documents", "errors"]
    positions = [page.index(f'<section id="{i}">') for i in ids]
    assert positions == sorted(positions)
    assert page.index("<header>") < positions[0]


def test_header(page, evidence):
    head = page[page.index("<header>") : page.index("</header>")]
    case = default_case()
    assert html.escape(case.title) in head
    assert html.escape(case.question) in head
    assert "2026-04-01T09:00:00+00:00" in head
    assert "2375" in head and "2397" in head
    assert "<b>5</b> documents" in head
    assert "<b>4</b> relevant documents" in head
    assert "<b>5</b> claims" in head
    assert "4 reports / 3 independent origins" in head


def test_hypotheses_and_probabilities(page):
    sec = _section(page, "hypotheses")
    case = default_case()
    for h in case.hypotheses:
        assert html.escape(h.label) in sec
        assert html.escape(h.statement) in sec
    for p in ("27%", "58%", "15%", "55%", "30%"):
        assert p in sec
    text = re.sub(r"<[^>]+>", "", sec)
    assert "unlikely (20–45%)" in text
    assert "likely (55–80%)" in text
    assert "very unlikely (5–20%)" in text


def test_no_confidence_word_with_likelihood_word(page):
    text = re.sub(r"<[^>]+>", " ", _section(page, "hypotheses"))
    likelihood = re.compile(
        r"\b(likely|unlikely|probable|improbable|chance|certain|almost)\b", re.I
    )
    for sentence in re.split(r"(?<=[.;])\s+|\n", text):
        if likelihood.search(sentence):
            assert not re.search(r"confiden", sentence, flags=re.I), sentence


def test_top_contributions(page):
    sec = _section(page, "contributions")
    rows = re.findall(r"<tr>.*?</tr>", sec.split("<tbody>")[1], flags=re.S)
    assert len(rows) == 3
    assert "Placement in car, phone or electronics assembly" in rows[0]  # largest influence first
    assert "+1.90" in rows[0] and "-1.20" in rows[0] and "C3" in rows[0] and "0.60" in rows[0]
    assert "Regional labour office" in rows[0] and "Harbour Gazette" in rows[0]
    assert "2026-03" in rows[0]


def test_indicator_board(page, evidence):
    sec = _section(page, "indicators")
    case = default_case()
    for ind in case.indicators:
        assert f'id="ind-{ind.id}"' in sec
        assert html.escape(ind.label) in sec
        assert html.escape(ind.description) in sec
    block = sec[sec.index('id="ind-ind_placement_target"') :]
    block = block[: block.index('<div class="ind"', 10)]
    # one origin (k1) syndicated twice
    assert "2 reports / 1 independent origin" in block
    inflow = sec[sec.index('id="ind-ind_inflow"') :]
    inflow = inflow[: inflow.index('<div class="ind"', 10)]
    assert "2 reports / 2 independent origins" in inflow
    assert "Positive (1)" in inflow and "Negative (1)" in inflow
    for ev in evidence:
        for c in ev.claims:
            assert f'href="#claim-{c.claim_id}"' in sec
            assert f'href="#doc-{ev.doc_id}"' in sec


def test_every_claim_sentence_appears(page, evidence):
    for ev in evidence:
        for c in ev.claims:
            assert html.escape(c.text) in _section(page, "indicators")
            assert f'id="claim-{c.claim_id}"' in page


def test_documents_with_highlights(page, evidence):
    sec = _section(page, "documents")
    for ev in evidence:
        assert f'id="doc-{ev.doc_id}"' in sec
        assert html.escape(ev.document.title) in sec
    d3 = evidence[2]
    c = d3.claims[0]
    assert (
        f'<mark class="positive" title="ind_partner_reluctance / positive">'
        f"{html.escape(c.text)}</mark>"
    ) in sec
    # two claims on one sentence: one mark, both in its title
    assert 'title="ind_placement_target / positive; ind_inflow / positive"' in sec
    assert "Harbour Gazette" in sec and "k1" in sec and "not relevant" in sec
    assert "~40 person" in sec
    assert "&lt;script&gt;alert(8)&lt;/script&gt; (person)" in sec


def test_highlight_offsets_and_overlaps():
    text = "Alpha beta <gamma> delta."
    a = Claim("d", "ind_a", "positive", "Alpha beta <gamma>", 0, 18)
    b = Claim("d", "ind_b", "negative", "<gamma> delta.", 11, 25)
    lost = Claim("d", "ind_c", "positive", "not in the text", 100, 120)
    out, missing = highlight(text, [a, b, lost])
    assert missing == [lost]
    assert out.count("<mark") == 3
    assert (
        '<mark class="mixed" title="ind_a / positive; ind_b / negative">&lt;gamma&gt;</mark>' in out
    )
    assert re.sub(r"<[^>]+>", "", out) == html.escape(text)


def test_highlight_falls_back_to_search_when_offsets_are_stale():
    text = "One. Two three. Four."
    c = Claim("d", "ind_a", "positive", "Two three.", 0, 10)
    out, missing = highlight(text, [c])
    assert not missing
    assert '<mark class="positive" title="ind_a / positive">Two three.</mark>' in out


def test_charts_json_parseable(page):
    parsed = _parse(page)
    charts = {
        a["data-chart"]: text for a, text in parsed.scripts if a.get("type") == "application/json"
    }
    assert set(charts) == {"chart-claims", "chart-posterior", "chart-fan"}
    for chart_id, text in charts.items():
        spec = json.loads(text)
        assert "$schema" not in spec
        assert f'id="{chart_id}"' in page
        dumped = json.dumps(spec)
        assert "http://" not in dumped and "https://" not in dumped
    claims = json.loads(charts["chart-claims"])
    values = list(claims.get("data", {}).get("values", []))
    values += [v for vs in claims.get("datasets", {}).values() for v in vs]
    assert any(v["sentence"] == HOSTILE_SENTENCE for v in values)  # round-trips unharmed
    assert {v["polarity"] for v in values} == {"positive", "negative"}


def test_tables_carry_timeline_and_fan_numbers(page):
    tl = _section(page, "timeline")
    assert "2026-03" in tl and "27%" in tl and "32%" in tl
    fan = _section(page, "fan")
    assert "Car assembly and car market" in fan and "2,000" in fan


def test_read_errors(page):
    sec = _section(page, "errors")
    assert "broken/&lt;script&gt;x&lt;/script&gt;.pdf" in sec
    assert "not text &lt;b&gt;" in sec


def test_minimal_report_without_assessment_fan_or_errors(evidence, monkeypatch):
    from foothold.report import charts

    monkeypatch.setattr(charts, "vega_bundle", lambda *a, **k: None)
    out = render_report(case=default_case(), evidence=evidence, assessment=None)
    assert 'id="fan"' not in out and 'id="errors"' not in out
    assert "priors only" in out
    # without the bundle there is no script to run, but the data is still all there
    assert "<script>" not in out
    for ev in evidence:
        for c in ev.claims:
            assert html.escape(c.text) in out


def test_empty_evidence():
    out = render_report(case=default_case(), evidence=[], assessment=None, generated_at="t")
    assert "<b>0</b> documents" in out and "0 reports / 0 independent origins" in out
    assert "No dated claims to chart." in out


def test_write_report(tmp_path: Path, evidence):
    target = tmp_path / "sub" / "report.html"
    got = write_report(
        target, case=default_case(), evidence=evidence[:2], assessment=None, generated_at="t"
    )
    assert got == target and target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_iso_day():
    assert iso_day("2021") == "2021-01-01"
    assert iso_day("2021-03") == "2021-03-01"
    assert iso_day("2021-03-09") == "2021-03-09"
    assert iso_day("2021-13") is None
    assert iso_day(None) is None and iso_day("March") is None


# -- properties ------------------------------------------------------------


_TAG = re.compile(
    r'<(?:mark class="(?:positive|negative|mixed)" title="[^"<>]*"|/mark|a id="claim-c[0-9a-f]{16}"|/a)>'
)


@st.composite
def _text_and_claims(draw):
    pieces = list("ab <>&\"'/!-\n") + ["</script>", "<!--", "é", "javascript:"]
    text = "".join(draw(st.lists(st.sampled_from(pieces), max_size=30)))
    n = len(text)
    claims = []
    for i in range(draw(st.integers(0, 4))):
        if n == 0:
            break
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s + 1, n))
        pol = draw(st.sampled_from(["positive", "negative"]))
        claims.append(Claim("d", f"ind_{i}<x>", pol, text[s:e], s, e))
    return text, claims


@settings(max_examples=200, deadline=None)
@given(_text_and_claims())
def test_highlight_never_leaks_markup(data):
    text, claims = data
    out, missing = highlight(text, claims)
    assert not missing
    assert _TAG.sub("", out) == html.escape(text)
    # every "<" left in the output opens one of our own tags
    assert all(_TAG.match(out, m.start()) for m in re.finditer("<", out))


# -- rough edges found in review ---------------------------------------------


def _extreme_assessment(evidence: list[Evidence]) -> Assessment:
    from dataclasses import replace

    from foothold.assess.bayes import assess

    a = _assessment(evidence)
    hyps = [
        replace(a.hypotheses[0], probability=0.0008, word="almost no chance", word_range=(0.01, 0.05)),
        replace(a.hypotheses[1], probability=0.9982, word="almost certain", word_range=(0.95, 0.99)),
        replace(a.hypotheses[2], probability=0.001, word="almost no chance", word_range=(0.01, 0.05)),
    ]
    method = assess([e for e in evidence if e.relevant], default_case()).method
    method["note"] = "a <b>bold</b> & odd value"
    return replace(a, hypotheses=hyps, method=method)


class _Strict(HTMLParser):
    """Collects the text of the page outside <script> and <style> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.raw: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.raw.append(data)


def test_extreme_probabilities_are_escaped_and_ranges_do_not_contradict(evidence):
    out = render_report(case=default_case(), evidence=evidence, assessment=_extreme_assessment(evidence),
                        timeline=TIMELINE, generated_at="t")
    sec = _section(out, "hypotheses")
    assert "&lt;1%" in sec and "&gt;99%" in sec
    p = _Strict()
    p.feed(out)
    raw = "".join(p.raw)
    # HTMLParser hands over text as written: an unescaped "<1%" would show up here
    assert "<1%" not in raw and ">99%" not in raw
    assert 'aria-label="<' not in out and 'aria-label=">' not in out
    text = html.unescape(re.sub(r"<[^>]+>", "", sec))
    assert "almost no chance (below 1%)" in text
    assert "almost certain (above 99%)" in text
    assert "(1–5%)" not in text and "(95–99%)" not in text


def test_method_is_a_readable_escaped_list(evidence):
    out = render_report(case=default_case(), evidence=evidence, assessment=_extreme_assessment(evidence),
                        generated_at="t")
    m = re.search(r"<summary[^>]*>Method</summary>(.*?)</details>", out, flags=re.S)
    assert m
    sec = m.group(1)
    assert "{'" not in sec and "':" not in html.unescape(sec)  # no Python dict reprs
    assert "<dt>reliability weight</dt>" in sec
    assert "<code>A</code>: 1" in sec  # a flat mapping as key: value
    assert "a &lt;b&gt;bold&lt;/b&gt; &amp; odd value" in sec
    assert "<b>bold</b>" not in sec


def test_method_nested_values_are_json():
    from foothold.report.html import _method

    out = _method({"deep": {"a": {"b": [1, 2]}}, "flag": True, "x": 0.5})
    assert '<pre class="json">' in out and "&quot;b&quot;: [" in out
    assert "<dd>true</dd>" in out and "<dd>0.5</dd>" in out


def test_document_paths_relative_to_cwd(tmp_path, monkeypatch):
    from foothold.report.html import display_path

    monkeypatch.chdir(tmp_path)
    inside = str(tmp_path / "corpus" / "a.txt")
    outside = "/elsewhere/b.txt"
    assert display_path(inside) == "corpus/a.txt"
    assert display_path(outside) == outside
    assert display_path("rel/c.txt") == "rel/c.txt"
    assert display_path(str(tmp_path)) == str(tmp_path)
    d_in = _doc("Inside doc", "Body one.", path=inside, published="2026-01-01")
    d_out = _doc("", "Body two.", path=outside, published="2026-01-02")
    evs = [Evidence(document=d_in, relevant=True, relevance_score=0.5),
           Evidence(document=d_out, relevant=True, relevance_score=0.5)]
    out = render_report(case=default_case(), evidence=evs, assessment=None,
                        errors=[(str(tmp_path / "bad.pdf"), "unreadable")], generated_at="t")
    assert "<dd>corpus/a.txt</dd>" in out and inside not in out
    assert f"<dd>{outside}</dd>" in out and f"<h3>{outside}</h3>" in out
    assert "<code>bad.pdf</code>" in out
    assert d_in.path == inside  # stored data untouched
