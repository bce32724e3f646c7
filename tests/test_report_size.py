"""Size and render time of a report for about fifty documents (marked slow).

Run with ``pytest tests/test_report_size.py -s`` to see the figures.
"""

from __future__ import annotations

import random
import time

import pytest

from foothold.assess.types import Assessment, Contribution, HypothesisResult, TimelinePoint
from foothold.case import default_case
from foothold.model import Claim, Document, Entity, Evidence, Quantity
from foothold.report import render_report
from foothold.report.charts import vega_bundle

OUTLETS = ["Harbour Gazette", "Wire Copy", "Business Daily", "Border Monitor"]


def build_corpus(n: int = 50, sentences: int = 30, seed: int = 7):
    """Made-up documents (about 4 kB of text each), claims, an assessment, a timeline, a fan."""
    rnd = random.Random(seed)
    case = default_case()
    evidence = []
    for i in range(n):
        sents = [
            f"Item {j} of note {i}: a regional paper said some {rnd.randint(10, 900)} "
            f"foreign workers were seen near a plant on the coast, though officials gave no detail."
            for j in range(sentences)
        ]
        title = f"Note {i} on plants and workers"
        text = title + "\n\n" + " ".join(sents)
        doc = Document(
            path=f"corpus/n{i}.html",
            text=text,
            title=title,
            title_end=len(title),
            outlet=rnd.choice(OUTLETS),
            published=f"{rnd.randint(2023, 2026)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            language="en",
            url=f"https://example.org/n{i}",
        )
        claims = []
        for j in rnd.sample(range(sentences), rnd.randint(1, 5)):
            start = text.index(sents[j])
            claims.append(
                Claim(
                    doc.doc_id,
                    rnd.choice(case.indicator_ids),
                    rnd.choice(["positive", "negative"]),
                    sents[j],
                    start,
                    start + len(sents[j]),
                )
            )
        evidence.append(
            Evidence(
                document=doc,
                relevant=True,
                relevance_score=rnd.random(),
                cluster=f"k{i // 3}",
                claims=claims,
                entities=[Entity("Russia", "country")],
                quantities=[Quantity(100, "person")],
            )
        )
    hyps = [
        HypothesisResult(h.id, h.label, h.prior, p, w, r)
        for h, (p, w, r) in zip(
            case.hypotheses,
            [
                (0.2, "unlikely", (0.2, 0.45)),
                (0.6, "likely", (0.55, 0.8)),
                (0.2, "unlikely", (0.2, 0.45)),
            ],
            strict=True,
        )
    ]
    contribs = [
        Contribution(
            origin=ev.cluster or ev.doc_id,
            indicator=ev.claims[0].indicator,
            polarity=ev.claims[0].polarity,
            log_lr={h: rnd.uniform(-1, 1) for h in case.hypothesis_ids},
            weight=0.6,
            grade="C3",
            n_reports=3,
            claim_ids=[ev.claims[0].claim_id],
            sentence=ev.claims[0].text,
            outlet=ev.document.outlet,
            published=ev.document.published,
            attributions=[],
            doc_id=ev.doc_id,
            path=ev.document.path,
            influence=rnd.random(),
        )
        for ev in evidence[::3]
    ]
    assessment = Assessment(case.id, "2026-03-31", hyps, contribs, n, len(contribs))
    timeline = [
        TimelinePoint(
            f"2025-{m:02d}", {"h_foothold": 0.15, "h_labour_export": 0.55, "h_stall": 0.3}, m, m
        )
        for m in range(1, 13)
    ]
    fan = [
        {
            "sector": s,
            "year": y,
            "q05": 0,
            "q25": 10 * k,
            "q50": 40 * k,
            "q75": 90 * k,
            "q95": 200 * k,
        }
        for s in case.sector_ids
        for k, y in enumerate(range(2026, 2031), start=1)
    ]
    return case, evidence, assessment, timeline, fan


@pytest.mark.slow
def test_fifty_document_report_size_and_time():
    case, evidence, assessment, timeline, fan = build_corpus()
    t0 = time.perf_counter()
    bundle = vega_bundle()
    t_bundle = time.perf_counter() - t0
    t0 = time.perf_counter()
    page = render_report(
        case=case, evidence=evidence, assessment=assessment, timeline=timeline, fan=fan
    )
    t_render = time.perf_counter() - t0
    size = len(page.encode("utf-8"))
    js = len((bundle or "").encode("utf-8"))
    print(
        f"\n50 documents, {sum(len(e.claims) for e in evidence)} claims: "
        f"{size / 1e6:.2f} MB ({js / 1e6:.2f} MB of it the vega bundle); "
        f"bundle built in {t_bundle:.2f} s (once per process), render {t_render:.2f} s"
    )
    assert size < 3_000_000
