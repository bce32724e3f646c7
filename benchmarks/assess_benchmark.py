"""Benchmark: assess() on 100,000 synthetic claims; writes docs/assess-benchmark.md.

Run:  .venv/bin/python benchmarks/assess_benchmark.py [--claims 100000] [--repeat 5] [--no-write]

The synthetic corpus: documents of 1-4 claims each, grouped into syndication
clusters of 1-6 copies (copies repeat the cluster's claims verbatim), sources
drawn from the case's graded actors plus unknown names, random indicators and
polarities, dates over 2023-2026, one quantity per claim sentence.  About one
cluster in five relays another cluster's source, indicator and quantity within
a few days, so the relay-merging pass has real work to do.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

from foothold.assess import assess
from foothold.case import default_case
from foothold.model import Claim, Document, Evidence, Quantity

ROOT = Path(__file__).resolve().parents[1]


def synthetic_corpus(n_claims: int = 100_000, seed: int = 7) -> list[Evidence]:
    """Evidence with exactly ``n_claims`` claims in total (deterministic for a seed)."""
    rng = random.Random(seed)
    case = default_case()
    indicators = case.indicator_ids
    sources = [a.name for a in case.actors if a.source] + [f"Unknown outlet {i}" for i in range(40)]
    start = date(2023, 1, 1).toordinal()
    out: list[Evidence] = []
    made = 0
    cluster_no = 0
    previous: list[tuple[str, str, str, int, float]] = []
    while made < n_claims:
        cluster_no += 1
        cluster = f"syn{cluster_no}"
        day = start + rng.randrange(0, 3 * 365)
        n_in_doc = rng.randint(1, 4)
        specs = []
        for _ in range(n_in_doc):
            if previous and rng.random() < 0.2:
                src, ind, pol, pday, value = rng.choice(previous)
                day = pday + rng.randint(0, 5)
            else:
                src = rng.choice(sources)
                ind = rng.choice(indicators)
                pol = "positive" if rng.random() < 0.75 else "negative"
                value = float(rng.randint(100, 50_000))
            specs.append((src, ind, pol, value))
            previous.append((src, ind, pol, day, value))
        if len(previous) > 5000:
            previous = previous[-2000:]
        copies = rng.choice((1, 1, 1, 2, 3, 6))
        for copy in range(copies):
            if made >= n_claims:
                break
            pieces, claims, quants = [], [], []
            title = f"Report {cluster_no}"
            offset = len(title) + 2
            for src, ind, pol, value in specs:
                sentence = f"According to {src}, {int(value):,} North Koreans were counted for {ind} ({pol}) in report {cluster_no}."
                s, e = offset, offset + len(sentence)
                qpos = sentence.index(f"{int(value):,}")
                quants.append(Quantity(value=value, unit="person", start=s + qpos, end=s + qpos + len(f"{int(value):,}")))
                claims.append((ind, pol, sentence, s, e, src))
                pieces.append(sentence)
                offset = e + 1
            text = title + "\n\n" + " ".join(pieces)
            published = date.fromordinal(day + copy).isoformat()
            doc = Document(path=f"syn/{cluster_no}/{copy}.txt", text=text, title=title, title_end=len(title),
                           outlet=f"Outlet {rng.randrange(200)}", published=published)
            doc_id = doc.doc_id
            ev = Evidence(document=doc, relevant=True, cluster=cluster, quantities=quants)
            for ind, pol, sentence, s, e, src in claims:
                if made >= n_claims:
                    break
                ev.claims.append(Claim(doc_id=doc_id, indicator=ind, polarity=pol, text=sentence, start=s, end=e,
                                       attributions=[src]))
                made += 1
            out.append(ev)
    return out


def _loadavg() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:  # pragma: no cover
        return None


def run(n_claims: int, repeat: int) -> dict:
    case = default_case()
    t = time.perf_counter()
    corpus = synthetic_corpus(n_claims)
    build = time.perf_counter() - t
    n_docs = len(corpus)
    assess(corpus, case)  # warm-up (imports, caches)
    timings = {}
    cpu = {}
    load_before = _loadavg()
    for label, kwargs in (("assess (with leave-one-out)", {}), ("assess, leave_one_out=False", {"leave_one_out": False})):
        runs, cpus = [], []
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            a = assess(corpus, case, **kwargs)
            runs.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        timings[label] = runs
        cpu[label] = cpus
    return {"n_claims": n_claims, "n_docs": n_docs, "build_s": build, "timings": timings, "cpu": cpu,
            "load": (load_before, _loadavg()), "cpus": os.cpu_count(),
            "n_reports": a.n_reports, "n_origins": a.n_origins, "n_items": len(a.contributions),
            "n_items_total": a.method.get("n_items"),
            "posterior": {h.id: h.probability for h in a.hypotheses}}


def write_doc(res: dict, path: Path) -> None:
    lines = [
        "# assess() benchmark",
        "",
        "Generated by `benchmarks/assess_benchmark.py` (rerun it to refresh this file).",
        "",
        f"- Machine: {platform.platform()}, Python {platform.python_version()}, numpy {np.__version__}",
        f"- Corpus: {res['n_claims']:,} synthetic claims in {res['n_docs']:,} documents "
        f"(built in {res['build_s']:.1f} s, not timed below)",
        f"- Result: {res['n_reports']:,} reports, {res['n_origins']:,} independent origins, "
        f"{res['n_items_total']:,} (origin, indicator, polarity) items in the posterior; "
        f"{res['n_items']:,} `Contribution` records built (the most influential)",
        f"- CPUs: {res['cpus']}; 1-minute load average before / after: {res['load'][0]} / {res['load'][1]} "
        "(the machine is shared; wall time includes waiting for a CPU)",
        "",
        "| call | runs | wall median (s) | wall min (s) | wall max (s) | CPU median (s) | CPU min (s) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, runs in res["timings"].items():
        cpus = res["cpu"][label]
        lines.append(f"| `{label}` | {len(runs)} | {statistics.median(runs):.3f} | {min(runs):.3f} | {max(runs):.3f} "
                     f"| {statistics.median(cpus):.3f} | {min(cpus):.3f} |")
    lines += [
        "",
        "Target: under 1 second for 100,000 claims. CPU time is the time the process ran; on this",
        "shared machine wall time also counts the time spent waiting for a CPU (see the load average).",
        "",
        "Where the time goes (CPU, one run, measured while another benchmark shared the machine, load",
        "about 2 on 2 CPUs, so an idle machine is faster): about 0.2 s for the pass over the documents and",
        "claims (scope filter and date order; indicators, attributions and cluster items read with",
        "`map`/`attrgetter` in input order and put in date order with numpy), 0.3 s for relay merging",
        "(per (source, indicator, polarity) bucket, in date order: exact sentence and quantity keys,",
        "then at most three rapidfuzz comparisons per item, the digits checked only when the ratio",
        "passes), 0.1 s for building origins and items, 0.05 s for grades and weights (one table",
        "lookup per (source, confirmed, contradicted) for the one-claim items, confirmation counted",
        "with `np.bincount`), and about 0.15 s for numpy and the rest (tempered likelihoods,",
        "posterior, per-item log LRs, leave-one-out over all origins as one vectorised softmax, the",
        "exact recomputation for the shortlist reusing the full per-kind ranking, and the 1,000",
        "`Contribution` records). The garbage collector is paused during `assess()` (it would",
        "otherwise add about a third).",
        "",
        "The synthetic corpus is harder than a real one for the relay pass: every claim is",
        "attributed, about 100 sources share 30 indicator-polarity keys, and sentences come from one",
        "template, so most buckets are large and many fuzzy comparisons pass the ratio threshold and",
        "are stopped only by the digits check.",
        "",
        "With analyst claim decisions present, every claim's id (a SHA-256) is computed to match them:",
        "about 0.5 s per 100,000 claims on the first call, near nothing on later calls in the same",
        "process (the ids are memoised), which is what `timeline` relies on. Normalised sentences",
        "(and their digits) for the relay pass are memoised per sentence string the same way: the",
        "first call on a corpus (the untimed warm-up above) spends about 0.2 s more normalising.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.claims, args.repeat)
    for label, runs in res["timings"].items():
        cpus = res["cpu"][label]
        print(f"{label}: wall median {statistics.median(runs):.3f}s min {min(runs):.3f}s max {max(runs):.3f}s; "
              f"CPU median {statistics.median(cpus):.3f}s min {min(cpus):.3f}s")
    print(f"{res['n_reports']} reports, {res['n_origins']} origins, {res['n_items']} items; posterior {res['posterior']}")
    if not args.no_write:
        write_doc(res, ROOT / "docs" / "assess-benchmark.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
