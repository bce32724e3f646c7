"""Vega-Lite charts for the HTML report, and the inline JavaScript that draws them.

Charts are built with Altair and embedded as JSON inside
``<script type="application/json">`` elements; :func:`embed_json` escapes
``<``, ``>`` and ``&`` so that no data string (a hostile sentence containing
``</script>`` or ``<!--``) can end the element early.  The drawing code is the
self-contained vega-embed bundle from ``vl_convert.javascript_bundle()``, inlined
once per report, so the page makes no network request.

Every chart is optional: the report's tables carry all the numbers, and a chart
that cannot be built is logged and left out.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from typing import Any

logger = logging.getLogger(__name__)

__all__ = [
    "VEGA_LITE_VERSION",
    "claims_chart",
    "embed_json",
    "fan_chart",
    "iso_day",
    "posterior_chart",
    "vega_bundle",
]

#: Vega-Lite version the bundle is built for (Altair 6 writes v6 specs).
VEGA_LITE_VERSION = "6.4"

POLARITY_COLORS = {"positive": "#1f6fb4", "negative": "#d9730d"}
TOOLTIP_MAX = 280


def embed_json(obj: Any) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026`` (still
    valid JSON with the same value), so ``</script>`` or ``<!--`` in a string
    cannot end the element or switch the HTML parser's script state.  U+2028
    and U+2029 are escaped too.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def iso_day(partial: str | None) -> str | None:
    """A partial ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``...) as ``YYYY-MM-DD``.

    Missing parts become ``01`` (the chart places "2021" on 1 January 2021);
    anything unparseable gives None.
    """
    if not partial:
        return None
    m = _DATE_RE.match(partial.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    if not ("01" <= month <= "12") or not ("01" <= day <= "31"):
        return None
    return f"{year}-{month}-{day}"


def _clip(text: str, limit: int = TOOLTIP_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _to_dict(chart: Any) -> dict[str, Any]:
    import altair as alt

    with alt.data_transformers.enable("default", max_rows=None):
        spec = chart.to_dict()
    # The page never fetches the schema; leave no URL in it (mode is given to vega-embed).
    spec.pop("$schema", None)
    return spec


def claims_chart(rows: list[dict[str, Any]], indicator_order: list[str]) -> dict[str, Any] | None:
    """Claims over time: x = published day, y = indicator, colour = polarity.

    ``rows`` have ``date`` (``YYYY-MM-DD``), ``indicator`` (label), ``polarity``,
    ``outlet``, ``sentence``, ``published`` (as reported) and ``doc``.  Returns a
    Vega-Lite spec, or None when there is nothing dated to draw.
    """
    rows = [r for r in rows if r.get("date")]
    if not rows:
        return None
    import altair as alt

    values = [{**r, "sentence": _clip(r.get("sentence") or "")} for r in rows]
    seen = {r["indicator"] for r in values}
    order = [i for i in indicator_order if i in seen] + sorted(seen - set(indicator_order))
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_point(filled=True, size=70, opacity=0.75)
        .encode(
            x=alt.X("date:T", title="Published"),
            y=alt.Y("indicator:N", title=None, sort=order, axis=alt.Axis(labelLimit=320)),
            color=alt.Color(
                "polarity:N",
                scale=alt.Scale(domain=list(POLARITY_COLORS), range=list(POLARITY_COLORS.values())),
                title="Polarity",
            ),
            shape=alt.Shape("polarity:N", legend=None),
            tooltip=[
                alt.Tooltip("published:N", title="Published"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("indicator:N", title="Indicator"),
                alt.Tooltip("polarity:N", title="Polarity"),
                alt.Tooltip("sentence:N", title="Sentence"),
            ],
        )
        .properties(width="container", height=max(120, 26 * len(order)), title="Claims over time")
    )
    return _to_dict(chart)


def posterior_chart(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Posterior of each hypothesis over time (``date``, ``hypothesis``, ``probability``)."""
    rows = [r for r in rows if r.get("date")]
    if not rows:
        return None
    import altair as alt

    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(point=True, interpolate="step-after")
        .encode(
            x=alt.X("date:T", title="As of"),
            y=alt.Y(
                "probability:Q",
                title="Posterior probability",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("hypothesis:N", title="Hypothesis"),
            tooltip=[
                alt.Tooltip("date:T", title="As of"),
                alt.Tooltip("hypothesis:N", title="Hypothesis"),
                alt.Tooltip("probability:Q", title="Probability", format=".0%"),
                alt.Tooltip("n_origins:Q", title="Independent origins"),
            ],
        )
        .properties(width="container", height=220, title="Posterior over time")
    )
    return _to_dict(chart)


def fan_chart(rows: list[dict[str, Any]], sector_order: list[str]) -> dict[str, Any] | None:
    """Fan chart of a scenario model: 5-95 and 25-75 % bands and the median, one panel per sector.

    ``rows`` have ``sector`` (label), ``year`` (int) and ``q05``..``q95`` (persons).
    """
    if not rows:
        return None
    import altair as alt

    seen = {r["sector"] for r in rows}
    order = [s for s in sector_order if s in seen] + sorted(seen - set(sector_order))
    x = alt.X("year:O", title="Year")
    base = alt.Chart()
    outer = base.mark_area(opacity=0.25, color="#1f6fb4").encode(
        x=x, y=alt.Y("q05:Q", title="North Korean workers (persons)"), y2="q95:Q"
    )
    inner = base.mark_area(opacity=0.45, color="#1f6fb4").encode(x=x, y="q25:Q", y2="q75:Q")
    median = base.mark_line(color="#0b3d66", point=True).encode(
        x=x,
        y="q50:Q",
        tooltip=[
            alt.Tooltip("sector:N", title="Sector"),
            alt.Tooltip("year:O", title="Year"),
            alt.Tooltip("q05:Q", title="5th percentile", format=",.0f"),
            alt.Tooltip("q25:Q", title="25th percentile", format=",.0f"),
            alt.Tooltip("q50:Q", title="Median", format=",.0f"),
            alt.Tooltip("q75:Q", title="75th percentile", format=",.0f"),
            alt.Tooltip("q95:Q", title="95th percentile", format=",.0f"),
        ],
    )
    chart = (
        alt.layer(outer, inner, median, data=alt.Data(values=rows))
        .properties(width=230, height=150)
        .facet(facet=alt.Facet("sector:N", title=None, sort=order), columns=3)
        .resolve_scale(y="independent")
        .properties(title="North Korean workers by sector (scenario model)")
    )
    return _to_dict(chart)


@functools.lru_cache(maxsize=2)
def vega_bundle(vl_version: str = VEGA_LITE_VERSION) -> str | None:
    """The self-contained vega-embed/Vega-Lite/Vega JavaScript bundle, or None.

    Built by ``vl_convert.javascript_bundle`` (a few seconds; cached per process).
    The text is checked so that it cannot end its ``<script>`` element early.
    """
    try:
        import vl_convert
    except ImportError:  # pragma: no cover - vl-convert-python is a dependency
        logger.warning("vl_convert is not installed: the report will have no charts")
        return None
    try:
        bundle = vl_convert.javascript_bundle(None, vl_version=vl_version)  # type: ignore[arg-type]
    except Exception as exc:  # pragma: no cover - depends on the vl-convert build
        logger.warning("cannot build the vega-embed bundle: %s", exc)
        return None
    if re.search(r"</script|<!--", bundle, flags=re.IGNORECASE):
        # Not expected from a minified bundle; these forms are equivalent in JS
        # strings and regular expressions and keep the HTML parser in place.
        bundle = re.sub(r"</(script)", r"<\\/\1", bundle, flags=re.IGNORECASE)
        bundle = bundle.replace("<!--", "<\\!--")
        logger.warning("vega bundle contained '</script' or '<!--'; escaped")
    return bundle
