"""One self-contained HTML report of a case: assessment, evidence, charts, documents.

The page is built as plain strings; every string that comes from a document, the
evidence, the case file or the caller goes through :func:`esc` (``html.escape``
with quotes), and URLs become links only when their scheme is http or https.
Charts are Vega-Lite specs embedded as escaped JSON (see
:mod:`foothold.report.charts`) and drawn by an inlined vega-embed bundle; the
tables carry every number, so the page reads without JavaScript and prints.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from foothold.assess.types import Assessment, Contribution, TimelinePoint
from foothold.case import Case
from foothold.model import Claim, Evidence

from . import charts

logger = logging.getLogger(__name__)

__all__ = ["esc", "render_report", "safe_href", "write_report"]

TOP_CONTRIBUTIONS = 12

BAN_CONTEXT = (
    "UN Security Council resolution 2375 (2017) bars member states from authorising "
    "new work for North Korean nationals, and resolution 2397 (2017) required those "
    "earning income abroad to be sent home by 22 December 2019. foothold only watches "
    "and weighs open reporting on whether that ban is being worked around; it does not "
    "help anyone place workers."
)

CSS = """
:root{--fg:#1b1b1b;--muted:#5b5b5b;--line:#d6d6d6;--pos:#1f6fb4;--neg:#d9730d;--bg2:#f5f5f2}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
 max-width:1180px;margin:0 auto;padding:1.2rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.2rem 0 .4rem}h2{font-size:1.25rem;margin-top:2.2rem;
 border-bottom:2px solid var(--line);padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.4rem 0 .3rem}
.muted,.meta{color:var(--muted)}.meta{font-size:.88rem}
.question{font-size:1.05rem;font-style:italic}
.ban{border-left:4px solid #8a1c1c;background:#fbf1f1;padding:.5rem .8rem;margin:.8rem 0}
.counts{display:flex;flex-wrap:wrap;gap:.6rem;padding:0;list-style:none}
.counts li{background:var(--bg2);border:1px solid var(--line);border-radius:4px;padding:.3rem .7rem}
.counts b{font-size:1.1rem}
nav.toc{font-size:.9rem}nav.toc a{margin-right:.8rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:var(--bg2)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
td.sent{min-width:14rem}td.sent,td.src{word-break:break-word}td.src{min-width:10rem}td{overflow-wrap:break-word}.nowrap{white-space:nowrap}
.scroll{overflow-x:auto}
.bar{position:relative;background:#eee;height:.9rem;min-width:8rem;border-radius:2px}
.bar span{position:absolute;left:0;top:0;bottom:0;background:var(--pos);border-radius:2px}
.bar span.prior{background:none;border-right:2px solid #000;}
.pol-positive{color:var(--pos);font-weight:600}.pol-negative{color:var(--neg);font-weight:600}
.ind{border:1px solid var(--line);border-radius:4px;padding:.2rem .9rem .6rem;margin:.8rem 0;break-inside:avoid}
.ind h3{margin-top:.5rem}.ind .none{color:var(--muted);font-style:italic}
.ind .count{float:right;font-size:.85rem;font-weight:600;color:var(--muted)}
.ind .desc{margin:.2rem 0}.ind.empty{padding-bottom:.2rem}.ind.empty h3{margin:.35rem 0 0}
.ind.empty .desc,.ind.empty .none{display:inline;font-size:.85rem;color:var(--muted)}
.ind.empty .none{margin-left:.4rem}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
ul.claims{padding-left:1.1rem;margin:.3rem 0}ul.claims li{margin:.35rem 0}
q{quotes:"\\201C" "\\201D"}
.chart{width:100%;margin:.6rem 0}
.doc{border-top:1px solid var(--line);padding-top:.3rem;margin-top:1.2rem}
pre.text{white-space:pre-wrap;word-wrap:break-word;background:var(--bg2);border:1px solid var(--line);
 padding:.7rem;font:14px/1.55 Georgia,\"Times New Roman\",serif;max-height:40rem;overflow:auto}
mark{padding:0 1px}mark.positive{background:#cfe3f6}mark.negative{background:#fbdcc0}
mark.mixed{background:#e4d7f5}
dl.kv{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:.1rem .8rem;margin:.3rem 0;font-size:.88rem}
dl.kv dd{overflow-wrap:anywhere}
#hypotheses dl.kv{grid-template-columns:max-content 1fr}
dl.method ul.plain{list-style:none;margin:0;padding:0}dl.method pre.json{margin:0;font-size:.82rem;white-space:pre-wrap}
dl.kv dt{color:var(--muted)}dl.kv dd{margin:0}
.tag{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:3px;padding:0 .3rem}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted)}
@media (max-width:800px){.cols{grid-template-columns:1fr}dl.kv{grid-template-columns:max-content 1fr}}
@media print{body{max-width:none;padding:0;font-size:11pt}nav.toc{display:none}.chart{break-inside:avoid}
 pre.text{max-height:none;overflow:visible}a{color:inherit;text-decoration:none}
 .doc,.ind,tr{break-inside:avoid}h2{break-after:avoid}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

EMBED_JS = """
(function(){
  if (typeof vegaEmbed !== "function") return;
  var nodes = document.querySelectorAll("script[type='application/json'][data-chart]");
  Array.prototype.forEach.call(nodes, function(node){
    var target = document.getElementById(node.getAttribute("data-chart"));
    if (!target) return;
    try {
      var spec = JSON.parse(node.textContent);
      vegaEmbed(target, spec, {mode: "vega-lite", actions: false, renderer: "svg"})
        .catch(function(err){ target.textContent = "Chart could not be drawn: " + err; });
    } catch (err) { target.textContent = "Chart could not be drawn: " + err; }
  });
})();
"""


# -- escaping --------------------------------------------------------------


def esc(value: object) -> str:
    """HTML-escape any value (``None`` gives ``""``), quotes included."""
    if value is None:
        return ""
    import html

    return html.escape(str(value), quote=True)


def safe_href(url: str | None) -> str | None:
    """The URL, escaped for an attribute, when its scheme is http or https; else None."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 0x21 or c in "\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return esc(url)


def _link_or_text(url: str | None) -> str:
    href = safe_href(url)
    if href is None:
        return esc(url)
    return f'<a href="{href}" rel="noopener noreferrer nofollow" target="_blank">{esc(url)}</a>'


def pct(p: float | None) -> str:
    """A probability as a whole percentage ("62%"; "<1%" and ">99%" at the ends)."""
    if p is None:
        return "–"
    if 0 < p < 0.01:
        return "<1%"
    if 0.99 < p < 1:
        return ">99%"
    return f"{round(p * 100)}%"


def _hpct(p: float | None) -> str:
    """:func:`pct` escaped for HTML ("&lt;1%"): the ends carry ``<`` and ``>``."""
    return esc(pct(p))


def word_range(p: float, lo: float, hi: float) -> str:
    """The ICD 203 range shown next to a word ("1–5%"), never one that excludes ``p``.

    ICD 203 clamps values below 1 % to the first band and above 99 % to the
    last; for those the text says "below 1%" / "above 99%" instead of a range
    that would contradict the number.  Plain text: escape it for HTML.
    """
    if p < lo:
        return f"below {round(lo * 100)}%"
    if p > hi:
        return f"above {round(hi * 100)}%"
    return f"{round(lo * 100)}–{round(hi * 100)}%"


def display_path(path: str | None, cwd: str | None = None) -> str:
    """``path`` relative to the working directory when it lies under it, else unchanged.

    For display only: stored paths are never rewritten.  Relative paths and
    paths elsewhere (or on another drive) are returned as they are.
    """
    if not path:
        return path or ""
    if not os.path.isabs(path):
        return path
    base = os.path.abspath(cwd or os.getcwd())
    full = os.path.abspath(path)
    try:
        if os.path.commonpath([base, full]) != base:
            return path
    except ValueError:  # different drives
        return path
    rel = os.path.relpath(full, base)
    return rel if rel != "." else path


def _method_value(value: Any) -> str:
    """One value of ``assessment.method`` as escaped HTML: scalars as text, flat mappings
    as ``key: value`` lists, anything nested as indented JSON."""
    if isinstance(value, dict) and value and all(
        isinstance(v, (str, int, float, bool)) or v is None for v in value.values()
    ):
        items = "".join(
            f"<li><code>{esc(k)}</code>: {esc(_scalar(v))}</li>" for k, v in value.items()
        )
        return f'<ul class="plain">{items}</ul>'
    if isinstance(value, (dict, list, tuple)):
        text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str)
        return f'<pre class="json">{esc(text)}</pre>'
    return esc(_scalar(value))


def _scalar(v: Any) -> str:
    if isinstance(v, bool) or v is None:
        return json.dumps(v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def _method(method: dict[str, Any]) -> str:
    """The assessment's method and parameters as a definition list (every value escaped)."""
    rows = "".join(
        f"<dt>{esc(str(k).replace('_', ' '))}</dt><dd>{_method_value(v)}</dd>"
        for k, v in sorted(method.items(), key=lambda kv: str(kv[0]))
    )
    return (
        '<details><summary class="meta">Method</summary>'
        f'<dl class="kv method">{rows}</dl></details>'
    )


def _signed(x: float) -> str:
    return f"{x:+.2f}"


def _anchor(kind: str, ident: str) -> str:
    return esc(f"{kind}-{ident}")


# -- derived data ----------------------------------------------------------


@dataclass(slots=True)
class _ClaimRef:
    claim: Claim
    ev: Evidence

    @property
    def origin(self) -> str:
        return self.ev.cluster or self.ev.doc_id


def _claim_refs(evidence: Iterable[Evidence]) -> list[_ClaimRef]:
    refs = [_ClaimRef(c, ev) for ev in evidence for c in ev.claims]
    refs.sort(key=lambda r: (r.ev.document.published or "", r.claim.start), reverse=True)
    return refs


def _origins_text(n: int, k: int) -> str:
    return f"{n} report{'s' if n != 1 else ''} / {k} independent origin{'s' if k != 1 else ''}"


def _indicator_label(case: Case, ind_id: str) -> str:
    try:
        return case.indicator(ind_id).label
    except KeyError:
        return ind_id


def _hyp_label(case: Case, hyp_id: str) -> str:
    try:
        return case.hypothesis(hyp_id).label
    except KeyError:
        return hyp_id


# -- sections --------------------------------------------------------------


def _header(
    case: Case,
    evidence: list[Evidence],
    assessment: Assessment | None,
    generated_at: str,
) -> str:
    n_docs = len(evidence)
    relevant = [ev for ev in evidence if ev.relevant]
    n_claims = sum(len(ev.claims) for ev in evidence)
    if assessment is not None:
        n_reports, n_origins = assessment.n_reports, assessment.n_origins
    else:
        used = [ev for ev in relevant if ev.claims]
        n_reports, n_origins = len(used), len({ev.cluster or ev.doc_id for ev in used})
    as_of = (
        f" · assessment as of {esc(assessment.as_of)}"
        if assessment is not None and assessment.as_of
        else ""
    )
    return f"""<header>
<p class="meta">foothold evidence report · case <code>{esc(case.id)}</code></p>
<h1>{esc(case.title)}</h1>
<p class="question">{esc(case.question)}</p>
<p class="meta">Generated {esc(generated_at)}{as_of} · horizon {esc(case.horizon)}</p>
<p class="ban"><b>Ban context.</b> {esc(BAN_CONTEXT)}</p>
<ul class="counts">
<li><b>{n_docs}</b> documents</li>
<li><b>{len(relevant)}</b> relevant documents</li>
<li><b>{n_claims}</b> claims</li>
<li><b>{esc(_origins_text(n_reports, n_origins))}</b></li>
</ul>
</header>"""


def _toc(has_fan: bool, has_errors: bool) -> str:
    items = [
        ("hypotheses", "Hypotheses"),
        ("contributions", "Evidence that moved it"),
        ("indicators", "Indicator board"),
        ("timeline", "Timeline"),
    ]
    if has_fan:
        items.append(("fan", "Fan chart"))
    items.append(("documents", "Documents"))
    if has_errors:
        items.append(("errors", "Read errors"))
    links = "".join(f'<a href="#{a}">{esc(t)}</a>' for a, t in items)
    return f'<nav class="toc">{links}</nav>'


def _bar(value: float, prior: float | None = None) -> str:
    width = max(0.0, min(1.0, value)) * 100
    prior_mark = ""
    if prior is not None:
        prior_mark = (
            f'<span class="prior" style="width:{max(0.0, min(1.0, prior)) * 100:.1f}%" '
            f'title="prior"></span>'
        )
    return (
        f'<div class="bar" role="img" aria-label="{_hpct(value)}">'
        f'<span style="width:{width:.1f}%"></span>{prior_mark}</div>'
    )


def _hypotheses(case: Case, assessment: Assessment | None) -> str:
    out = ['<section id="hypotheses"><h2>Hypotheses</h2>']
    if assessment is None:
        out.append('<p class="muted">No assessment was given: priors only.</p>')
        out.append(
            "<table><thead><tr><th>Hypothesis</th><th>Statement</th>"
            '<th class="num">Prior</th><th>Bar</th></tr></thead><tbody>'
        )
        for h in case.hypotheses:
            out.append(
                f"<tr><td><b>{esc(h.label)}</b><br><code>{esc(h.id)}</code></td>"
                f"<td>{esc(h.statement)}</td><td class='num'>{_hpct(h.prior)}</td>"
                f"<td>{_bar(h.prior)}</td></tr>"
            )
        out.append("</tbody></table></section>")
        return "\n".join(out)

    results = {r.id: r for r in assessment.hypotheses}
    order = [h.id for h in case.hypotheses if h.id in results] + [
        r.id for r in assessment.hypotheses if r.id not in case.hypothesis_ids
    ]
    out.append(
        '<table><thead><tr><th>Hypothesis</th><th>Statement</th><th class="num">Prior</th>'
        '<th class="num">Posterior</th><th>ICD 203 expression</th>'
        "<th>Posterior (bar; line = prior)</th></tr></thead><tbody>"
    )
    for hid in order:
        r = results[hid]
        try:
            statement = case.hypothesis(hid).statement
        except KeyError:
            statement = ""
        lo, hi = r.word_range
        out.append(
            f"<tr><td><b>{esc(r.label)}</b><br><code>{esc(r.id)}</code></td>"
            f"<td>{esc(statement)}</td>"
            f"<td class='num'>{_hpct(r.prior)}</td>"
            f"<td class='num'><b>{_hpct(r.probability)}</b></td>"
            f"<td>{esc(r.word)} <span class='nowrap'>({esc(word_range(r.probability, lo, hi))})</span></td>"
            f"<td>{_bar(r.probability, r.prior)}</td></tr>"
        )
    out.append("</tbody></table>")
    # One sentence per hypothesis, likelihood language only.
    out.append("<ul>")
    for hid in order:
        r = results[hid]
        out.append(
            f"<li><b>{esc(r.label)}</b>: {esc(r.word)} ({_hpct(r.probability)}; "
            f"prior {_hpct(r.prior)}).</li>"
        )
    out.append("</ul>")
    out.append(
        f'<p class="meta">Posterior from {esc(_origins_text(assessment.n_reports, assessment.n_origins))}.'
        "</p>"
    )
    if assessment.method:
        out.append(_method(assessment.method))
    out.append("</section>")
    return "\n".join(out)


def _contribution_key(c: Contribution) -> float:
    return c.influence if c.influence else max((abs(v) for v in c.log_lr.values()), default=0.0)


def _contributions(case: Case, assessment: Assessment | None) -> str:
    out = ['<section id="contributions"><h2>Evidence that moved it most</h2>']
    if assessment is None or not assessment.contributions:
        out.append('<p class="muted">No assessment contributions to show.</p></section>')
        return "\n".join(out)
    hyp_ids = [r.id for r in assessment.hypotheses]
    top = sorted(assessment.contributions, key=_contribution_key, reverse=True)[:TOP_CONTRIBUTIONS]
    out.append(
        f'<p class="meta">The {len(top)} of {len(assessment.contributions)} independent origins '
        "with the largest influence. log LR: natural-log likelihood ratio of each hypothesis "
        "against the others, after weighting.</p>"
    )
    hyp_heads = "".join(
        f'<th class="num" title="{esc(h)}">{esc(_hyp_label(case, h))}</th>' for h in hyp_ids
    )
    out.append(
        "<div class='scroll'><table><thead><tr><th rowspan='2'>Indicator</th>"
        f"<th rowspan='2'>Polarity</th><th colspan='{len(hyp_ids)}'>log LR</th>"
        "<th class='num' rowspan='2'>Weight</th><th rowspan='2'>Grade</th>"
        "<th class='num' rowspan='2'>Reports</th><th rowspan='2'>Sentence</th>"
        f"<th rowspan='2'>Source</th></tr><tr>{hyp_heads}</tr></thead><tbody>"
    )
    for c in top:
        lrs = "".join(
            f"<td class='num'>{_signed(c.log_lr[h]) if h in c.log_lr else '–'}</td>"
            for h in hyp_ids
        )
        attrib = f"<br>attributed to {esc(', '.join(c.attributions))}" if c.attributions else ""
        out.append(
            f"<tr><td>{esc(_indicator_label(case, c.indicator))}</td>"
            f"<td class='pol-{esc(c.polarity)}'>{esc(c.polarity)}</td>{lrs}"
            f"<td class='num'>{c.weight:.2f}</td><td>{esc(c.grade)}</td>"
            f"<td class='num'>{c.n_reports}</td>"
            f"<td class='sent'><q>{esc(c.sentence)}</q></td>"
            f"<td class='src'>{esc(c.outlet or 'unknown outlet')}, {esc(c.published or 'undated')}{attrib}"
            f'<br><a href="#{_anchor("doc", c.doc_id)}">document</a></td></tr>'
        )
    out.append("</tbody></table></div></section>")
    return "\n".join(out)


def _claim_item(ref: _ClaimRef) -> str:
    c, doc = ref.claim, ref.ev.document
    attrib = f" · attributed to {esc(', '.join(c.attributions))}" if c.attributions else ""
    irrelevant = "" if ref.ev.relevant else ' <span class="tag">not relevant</span>'
    return (
        f"<li><q>{esc(c.text)}</q><br><span class='meta'>{esc(doc.outlet or 'unknown outlet')}"
        f" · {esc(doc.published or 'undated')}{attrib} · "
        f'<a href="#{_anchor("claim", c.claim_id)}">in document</a> '
        f'(<a href="#{_anchor("doc", ref.ev.doc_id)}">{esc(doc.title or display_path(doc.path))}</a>)'
        f"</span>{irrelevant}</li>"
    )


def _indicator_block(ind_id: str, label: str, description: str, refs: list[_ClaimRef]) -> str:
    docs = {r.ev.doc_id for r in refs}
    origins = {r.origin for r in refs}
    count = esc(_origins_text(len(docs), len(origins)))
    empty = "" if refs else " empty"
    parts = [
        f'<div class="ind{empty}" id="{_anchor("ind", ind_id)}"><h3>{esc(label)} '
        f'<code class="muted">{esc(ind_id)}</code> <span class="count">{count}</span></h3>',
        f'<p class="desc">{esc(description)}</p>' if description else "",
    ]
    if not refs:
        parts.append('<p class="none">No evidence yet.</p></div>')
        return "".join(parts)
    parts.append('<div class="cols">')
    for polarity in ("positive", "negative"):
        group = [r for r in refs if r.claim.polarity == polarity]
        parts.append(f"<div><h4 class='pol-{polarity}'>{polarity.capitalize()} ({len(group)})</h4>")
        if group:
            parts.append('<ul class="claims">' + "".join(_claim_item(r) for r in group) + "</ul>")
        else:
            parts.append('<p class="none">None.</p>')
        parts.append("</div>")
    parts.append("</div>")
    other = [r for r in refs if r.claim.polarity not in ("positive", "negative")]
    if other:
        parts.append(
            "<h4>Other polarity</h4><ul class='claims'>"
            + "".join(_claim_item(r) for r in other)
            + "</ul>"
        )
    parts.append("</div>")
    return "".join(parts)


def _indicator_board(case: Case, refs: list[_ClaimRef]) -> str:
    by_ind: dict[str, list[_ClaimRef]] = defaultdict(list)
    for r in refs:
        by_ind[r.claim.indicator].append(r)
    out = [
        '<section id="indicators"><h2>Indicator board</h2>',
        '<p class="meta">Every indicator of the case with the claims that carry it, newest first. '
        "Independent origins are distinct syndication clusters.</p>",
    ]
    for ind in case.indicators:
        out.append(_indicator_block(ind.id, ind.label, ind.description, by_ind.get(ind.id, [])))
    for ind_id in sorted(set(by_ind) - set(case.indicator_ids)):
        out.append(
            _indicator_block(ind_id, ind_id, "(not an indicator of this case)", by_ind[ind_id])
        )
    out.append("</section>")
    return "\n".join(out)


def _chart_block(chart_id: str, spec: dict[str, Any] | None) -> str:
    if spec is None:
        return ""
    return (
        f'<div class="chart" id="{esc(chart_id)}"><noscript><p class="meta">This chart needs '
        "JavaScript; the tables carry the same numbers.</p></noscript></div>"
        f'<script type="application/json" data-chart="{esc(chart_id)}">'
        f"{charts.embed_json(spec)}</script>"
    )


def _safe_chart(name: str, build: Any, *args: Any) -> dict[str, Any] | None:
    try:
        return build(*args)
    except Exception:
        logger.exception("cannot build the %s chart; the table still carries the numbers", name)
        return None


def _timeline(
    case: Case, refs: list[_ClaimRef], timeline: list[TimelinePoint] | None
) -> tuple[str, bool]:
    rows = [
        {
            "date": charts.iso_day(r.ev.document.published),
            "published": r.ev.document.published or "",
            "indicator": _indicator_label(case, r.claim.indicator),
            "polarity": r.claim.polarity,
            "outlet": r.ev.document.outlet or "unknown",
            "sentence": r.claim.text,
            "doc": r.ev.doc_id,
        }
        for r in refs
    ]
    undated = sum(1 for row in rows if not row["date"])
    order = [i.label for i in case.indicators]
    spec = _safe_chart("claims", charts.claims_chart, rows, order)
    out = ['<section id="timeline"><h2>Timeline</h2>']
    if spec is None:
        out.append('<p class="muted">No dated claims to chart.</p>')
    else:
        out.append(
            '<p class="meta">Each point is a claim, placed at its document\'s publication date '
            "(the indicator board above lists them all)."
            + (f" {undated} undated claims are not drawn." if undated else "")
            + "</p>"
        )
        out.append(_chart_block("chart-claims", spec))
    has_chart = spec is not None
    if timeline:
        hyp_ids = case.hypothesis_ids
        extra = sorted({h for p in timeline for h in p.probabilities} - set(hyp_ids))
        hyp_ids = hyp_ids + extra
        prow = [
            {
                "date": charts.iso_day(p.date),
                "hypothesis": _hyp_label(case, h),
                "probability": float(p.probabilities[h]),
                "n_origins": p.n_origins,
            }
            for p in timeline
            for h in hyp_ids
            if h in p.probabilities
        ]
        pspec = _safe_chart("posterior", charts.posterior_chart, prow)
        out.append("<h3>Posterior over time</h3>")
        out.append(_chart_block("chart-posterior", pspec))
        has_chart = has_chart or pspec is not None
        heads = "".join(f'<th class="num">{esc(_hyp_label(case, h))}</th>' for h in hyp_ids)
        out.append(
            "<table><thead><tr><th>As of</th><th class='num'>Reports</th>"
            f"<th class='num'>Independent origins</th>{heads}</tr></thead><tbody>"
        )
        for p in timeline:
            cells = "".join(f"<td class='num'>{_hpct(p.probabilities.get(h))}</td>" for h in hyp_ids)
            out.append(
                f"<tr><td>{esc(p.date)}</td><td class='num'>{p.n_reports}</td>"
                f"<td class='num'>{p.n_origins}</td>{cells}</tr>"
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return "\n".join(out), has_chart


_FAN_KEYS = ("q05", "q25", "q50", "q75", "q95")


def _fan(case: Case, fan: list[dict]) -> tuple[str, bool]:
    labels = {s.id: s.label for s in case.sectors}
    labels.setdefault("total", "All sectors (total)")
    rows: list[dict[str, Any]] = []
    for row in fan:
        try:
            rows.append(
                {
                    "sector": labels.get(str(row["sector"]), str(row["sector"])),
                    "year": int(row["year"]),
                    **{k: float(row[k]) for k in _FAN_KEYS},
                }
            )
        except (KeyError, TypeError, ValueError) as exc:
            logger.warning("fan row skipped (%s): %r", exc, row)
    order = [s.label for s in case.sectors] + [labels["total"]]
    spec = _safe_chart("fan", charts.fan_chart, rows, order)
    out = [
        '<section id="fan"><h2>Fan chart: North Korean workers by sector</h2>',
        '<p class="meta">Scenario model; bands are the 5–95 and 25–75 percentile ranges, '
        "the line the median (persons).</p>",
        _chart_block("chart-fan", spec),
        "<table><thead><tr><th>Sector</th><th class='num'>Year</th>"
        + "".join(f"<th class='num'>{k}</th>" for k in _FAN_KEYS)
        + "</tr></thead><tbody>",
    ]
    sector_rank = {lab: i for i, lab in enumerate(order)}
    for r in sorted(
        rows, key=lambda r: (sector_rank.get(r["sector"], 999), r["sector"], r["year"])
    ):
        cells = "".join(f"<td class='num'>{r[k]:,.0f}</td>" for k in _FAN_KEYS)
        out.append(f"<tr><td>{esc(r['sector'])}</td><td class='num'>{r['year']}</td>{cells}</tr>")
    out.append("</tbody></table></section>")
    return "\n".join(out), spec is not None


def _locate(text: str, claim: Claim) -> tuple[int, int] | None:
    """The claim's character range in ``text``: its offsets if they hold, else a search."""
    s, e = claim.start, claim.end
    if 0 <= s < e <= len(text) and (not claim.text or text[s:e] == claim.text):
        return s, e
    if claim.text:
        found = text.find(claim.text)
        if found >= 0:
            return found, found + len(claim.text)
    if 0 <= s < e <= len(text):
        return s, e
    return None


def highlight(text: str, claims: list[Claim]) -> tuple[str, list[Claim]]:
    """Escaped ``text`` with each claim's range wrapped in ``<mark>``.

    Overlapping claims split into segments, each marked with every claim that
    covers it; an anchor ``claim-<id>`` sits where each claim starts.  Returns
    the HTML and the claims that could not be located in the text.
    """
    spans: list[tuple[int, int, Claim]] = []
    missing: list[Claim] = []
    for c in claims:
        loc = _locate(text, c)
        if loc is None:
            missing.append(c)
        else:
            spans.append((loc[0], loc[1], c))
    if not spans:
        return esc(text), missing
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    starts: dict[int, list[Claim]] = defaultdict(list)
    for s, _, c in spans:
        starts[s].append(c)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for c in starts.get(a, []):
            out.append(f'<a id="{_anchor("claim", c.claim_id)}"></a>')
        segment = esc(text[a:b])
        cover = [c for s, e, c in spans if s <= a and b <= e]
        if not cover:
            out.append(segment)
            continue
        pols = {c.polarity for c in cover}
        cls = pols.pop() if len(pols) == 1 else "mixed"
        title = "; ".join(dict.fromkeys(f"{c.indicator} / {c.polarity}" for c in cover))
        out.append(f'<mark class="{esc(cls)}" title="{esc(title)}">{segment}</mark>')
    return "".join(out), missing


def _documents(evidence: list[Evidence]) -> str:
    out = [
        '<section id="documents"><h2>Documents</h2>',
        f'<p class="meta">{len(evidence)} documents; highlighted sentences carry claims '
        "(hover for indicator / polarity).</p>",
    ]
    ordered = sorted(evidence, key=lambda ev: ev.document.published or "", reverse=True)
    for ev in ordered:
        doc = ev.document
        body, missing = highlight(doc.text, ev.claims)
        published = esc(doc.published or "undated")
        if doc.published and doc.published_source:
            published += f" <span class='muted'>({esc(doc.published_source)})</span>"
        rows = [
            ("Outlet", esc(doc.outlet or "unknown")),
            ("Published", published),
            ("Language", esc(doc.language or "unknown")),
            ("Cluster", esc(ev.cluster or "(own)")),
            (
                "Relevance",
                f"{'relevant' if ev.relevant else 'not relevant'} (score {ev.relevance_score:.2f})",
            ),
            ("Path", esc(display_path(doc.path))),
        ]
        if doc.url:
            rows.append(("URL", _link_or_text(doc.url)))
        if ev.sectors:
            rows.append(("Sectors", esc(", ".join(ev.sectors))))
        if ev.entities:
            rows.append(("Entities", esc(", ".join(f"{e.name} ({e.type})" for e in ev.entities))))
        if ev.quantities:
            rows.append(
                (
                    "Quantities",
                    esc(
                        "; ".join(
                            f"{'~' if q.approximate else ''}{q.value:,.10g} {q.unit}"
                            + (f" ({q.measure})" if q.measure else "")
                            for q in ev.quantities
                        )
                    ),
                )
            )
        if ev.attributions:
            rows.append(("Attributions", esc(", ".join(ev.attributions))))
        rows.append(("Claims", str(len(ev.claims))))
        kv = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
        out.append(
            f'<article class="doc" id="{_anchor("doc", ev.doc_id)}">'
            f"<h3>{esc(doc.title or display_path(doc.path))}</h3><dl class='kv'>{kv}</dl>"
        )
        if missing:
            out.append(
                "<p class='meta'>Claims whose sentence could not be found in the text: "
                + "; ".join(f"<q>{esc(c.text)}</q> ({esc(c.indicator)})" for c in missing)
                + "</p>"
            )
            logger.warning("%s: %d claims not located in the text", doc.path, len(missing))
        out.append(f'<pre class="text">{body}</pre></article>')
    out.append("</section>")
    return "\n".join(out)


def _errors(errors: list[tuple[str, str]]) -> str:
    items = "".join(f"<li><code>{esc(display_path(p))}</code>: {esc(r)}</li>" for p, r in errors)
    return f'<section id="errors"><h2>Read errors</h2><ul>{items}</ul></section>'


# -- public API ------------------------------------------------------------


def render_report(
    *,
    case: Case,
    evidence: list[Evidence],
    assessment: Assessment | None,
    timeline: list[TimelinePoint] | None = None,
    fan: list[dict] | None = None,
    errors: list[tuple[str, str]] | None = None,
    generated_at: str | None = None,
) -> str:
    """Render the whole report as one self-contained HTML string.

    Args:
        case: the case (title, question, hypotheses, indicators, sectors).
        evidence: every document read, relevant or not, with its claims.
        assessment: the assessment to show, or None for priors only.
        timeline: posterior of each hypothesis over time (adds a line chart and table).
        fan: scenario rows ``{"sector", "year", "q05", "q25", "q50", "q75", "q95"}``
            (persons); adds a fan chart and its table.
        errors: ``(path, reason)`` of files that could not be read.
        generated_at: timestamp to print; default now (UTC, ISO 8601).

    Returns:
        The HTML text.  Every document-derived string is escaped; charts are
        embedded JSON drawn by an inlined vega-embed bundle (no network access).
    """
    t0 = time.perf_counter()
    generated_at = generated_at or datetime.now(UTC).isoformat(timespec="seconds")
    evidence = list(evidence)
    refs = _claim_refs(evidence)
    timeline_html, timeline_chart = _timeline(case, refs, timeline)
    fan_html, fan_chart = _fan(case, fan) if fan else ("", False)
    body = [
        _toc(bool(fan), bool(errors)),
        _header(case, evidence, assessment, generated_at),
        _hypotheses(case, assessment),
        _contributions(case, assessment),
        _indicator_board(case, refs),
        timeline_html,
        fan_html,
        _documents(evidence),
        _errors(errors) if errors else "",
        f"<footer>foothold report · generated {esc(generated_at)} · "
        "self-contained: no external resources are loaded.</footer>",
    ]
    scripts = ""
    if timeline_chart or fan_chart:
        bundle = charts.vega_bundle()
        if bundle:
            scripts = f"<script>{bundle}</script>\n<script>{EMBED_JS}</script>"
        else:
            scripts = ""
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="referrer" content="no-referrer">
<title>{esc(case.title)} · foothold report</title>
<style>{CSS}</style>
</head>
<body>
{chr(10).join(b for b in body if b)}
{scripts}
</body>
</html>
"""
    logger.info(
        "report rendered: %d documents, %d claims, %d bytes in %.2f s",
        len(evidence),
        len(refs),
        len(page.encode("utf-8")),
        time.perf_counter() - t0,
    )
    return page


def write_report(
    path: str | Path,
    *,
    case: Case,
    evidence: list[Evidence],
    assessment: Assessment | None,
    timeline: list[TimelinePoint] | None = None,
    fan: list[dict] | None = None,
    errors: list[tuple[str, str]] | None = None,
    generated_at: str | None = None,
) -> Path:
    """Render the report (see :func:`render_report`) and write it to ``path`` as UTF-8.

    Parent folders are created.  Returns the path written.
    """
    page = render_report(
        case=case,
        evidence=evidence,
        assessment=assessment,
        timeline=timeline,
        fan=fan,
        errors=errors,
        generated_at=generated_at,
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    logger.info("report written to %s", path)
    return path
