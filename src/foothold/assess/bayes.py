"""Bayesian analysis of competing hypotheses over independent origins of evidence.

The method (full text in docs/method.md):

1. **Evidence in scope.**  Relevant documents with at least one claim;
   with ``as_of``, only dated documents published on or before it (compared at
   the coarser precision of the two dates, so a ``2025-03`` report is in scope
   as of ``2025-03-01``).  Claims with an indicator the case does not know, and
   claims an analyst rejected, are dropped.
2. **Independent origins** (:mod:`foothold.assess.origins`).  All documents of
   one syndication cluster (``Evidence.cluster``; a document without one is its
   own cluster) are one origin.  Clusters that relay the same originating
   source are merged (same first attribution, same indicator and polarity,
   published within 30 days, and a shared quantity or a near-identical
   sentence).  An origin contributes each (indicator, polarity) at most once.
3. **Trust weight** ``w`` in [0, 1] from the Admiralty grade of each origin's
   evidence (:mod:`foothold.assess.admiralty`).
4. **Tempered likelihood** (linear opinion pool with an uninformative report)::

       P_w(E | h) = w * P(E | h) + (1 - w) * mean_h' P(E | h')

   With probability ``w`` the report is informative and behaves as the case's
   likelihood table says; otherwise it is noise that does not depend on the
   hypothesis (Schum 1994; Bovens & Hartmann 2003, ch. 3).  ``w = 1`` is plain
   Bayes; ``w = 0`` leaves the posterior unmoved.
5. **Posterior** by Bayes' rule, in log space::

       log P(h | E) = log P(h) + sum_origins sum_(ind,pol) log P_w(E | h) - log Z

   which is the odds form ``O(h:h') = O_prior * prod LR`` for every pair.

Assumptions: the hypotheses are mutually exclusive and exhaustive (the priors
sum to 1), and origins are conditionally independent given the hypothesis.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import math
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter
from typing import Any

import numpy as np

from foothold.case import Case
from foothold.model import Decision, Evidence, make_id

from . import icd203
from .admiralty import (
    CREDIBILITY_WEIGHT,
    DEFAULT_RELIABILITY,
    RELIABILITY_WEIGHT,
    SourceRegistry,
    machine_credibility,
)
from .dates import DATE_RE as _DATE_RE
from .dates import check_date as _check_date
from .dates import date_ordinal, on_or_before
from .origins import _UNDATED, RELAY_WINDOW_DAYS, find_origins
from .review import apply_claim_judgement, resolve_decisions
from .types import Assessment, Contribution, HypothesisResult, TimelinePoint

__all__ = [
    "ach_matrix",
    "assess",
    "bayes_update",
    "heuer_discount",
    "on_or_before",
    "tempered_likelihood",
    "timeline",
]

log = logging.getLogger(__name__)

POLARITIES = ("positive", "negative")

#: ACH consistency marks from the tempered log likelihood ratio of one hypothesis
#: against the prior-weighted mixture of the others (natural logs).
DEFAULT_MAX_CONTRIBUTIONS = 1000

ACH_THRESHOLDS = {"CC": math.log(2.0), "C": math.log(1.25), "I": -math.log(1.25), "II": -math.log(2.0)}


# ---------------------------------------------------------------------------
# small, exact pieces (the worked examples of docs/method.md)


def bayes_update(prior: Mapping[str, float], likelihood: Mapping[str, float]) -> dict[str, float]:
    """Posterior over exclusive, exhaustive hypotheses: ``P(h|E) = P(h) P(E|h) / sum_h' P(h') P(E|h')``.

    ``prior`` maps hypothesis -> probability (need not be normalised);
    ``likelihood`` maps the same keys -> P(E | h).  Raises ValueError when the
    keys differ or the evidence is impossible under every hypothesis.

    Example (the taxi-cab problem, Tversky & Kahneman 1982; Heuer 1999 ch. 12):
    15% of cabs are blue, a witness is right 80% of the time and says "blue":
    ``bayes_update({"blue": .15, "green": .85}, {"blue": .8, "green": .2})``
    gives P(blue) = 0.12 / 0.29 = 0.414.
    """
    if set(prior) != set(likelihood):
        raise ValueError("prior and likelihood must have the same hypotheses")
    joint = {h: prior[h] * likelihood[h] for h in prior}
    z = sum(joint.values())
    if z <= 0:
        raise ValueError("the evidence has probability 0 under every hypothesis")
    return {h: v / z for h, v in joint.items()}


def heuer_discount(report_probability: float, source_reliability: float) -> float:
    """Probability of a reported event after discounting for the source: ``p * r``.

    Heuer (1999, ch. 10, on evidence of uncertain accuracy) warns that analysts
    tend to take such a report as wholly true or wholly false instead of
    carrying its uncertainty through; this discount carries it through by
    multiplying the two probabilities.  A report that makes an event 75% likely,
    from a source that is 75% reliable, supports the event only at
    0.75 * 0.75 = 0.5625, about 56% (P(source is right and the event as
    reported)); this is the worked example the project pins (docs/method.md §8).  This is a lower bound
    that gives no credit for the event happening when the source is wrong; the
    full Bayesian treatment is :func:`tempered_likelihood` with :func:`bayes_update`.
    Both arguments are probabilities in [0, 1]; ValueError otherwise.
    """
    for name, v in (("report_probability", report_probability), ("source_reliability", source_reliability)):
        if not (0.0 <= v <= 1.0):
            raise ValueError(f"{name} must be in [0, 1], got {v}")
    return report_probability * source_reliability


def tempered_likelihood(likelihood: np.ndarray | Sequence[float], w: float | np.ndarray) -> np.ndarray:
    """``P_w(E|h) = w P(E|h) + (1 - w) mean_h P(E|h)``, elementwise.

    Shapes: ``likelihood`` is (H,) or (N, H); ``w`` a scalar or (N,).  Returns
    the same shape as ``likelihood``.  Source: linear pooling of the reported
    likelihood with an uninformative one (Schum 1994; Bovens & Hartmann 2003).
    """
    p = np.asarray(likelihood, dtype=float)
    wa = np.asarray(w, dtype=float)
    if np.any((wa < 0) | (wa > 1)):
        raise ValueError("weights must be in [0, 1]")
    mean = p.mean(axis=-1, keepdims=True)
    if p.ndim == 2 and wa.ndim == 1:
        wa = wa[:, None]
    return wa * p + (1.0 - wa) * mean


# ---------------------------------------------------------------------------
# the core


@dataclass(slots=True)
class _Prepared:
    """Evidence in scope, grouped into items: one (origin, indicator, polarity) each."""

    docs: list[Evidence]
    claims: list[Any]  # Claim
    claim_doc: list[int]
    claim_source: list[str | None]
    item_k: np.ndarray  # (n_items,) index into the likelihood rows (2*indicator + polarity)
    item_w: np.ndarray  # (n_items,) trust weight
    item_origin: np.ndarray  # (n_items,) origin index
    item_claims: list[list[int]]
    item_grade: list[str]
    item_rep: list[int]  # representative claim row
    item_analyst: list[bool]
    item_source: list[str | None]
    origin_clusters: list[list[str]]
    n_reports: int
    n_rejected: int


_CLAIM_ID_CACHE: dict[tuple[str, str, str, int, int], str] = {}
_IND_POL = attrgetter("indicator", "polarity")
_ATTRIBUTIONS = attrgetter("attributions")
_CLAIMS = attrgetter("claims")
_NO_SOURCE = object()  # sentinel: a claim without attributions
_CLAIM_ID_CACHE_MAX = 2_000_000


def _claim_id(c: Any) -> str:
    """``Claim.claim_id`` (a SHA-256), memoised on its inputs: repeated assessments
    (timeline, leave-one-out studies, the CLI over a large store) hash each claim once."""
    key = (c.doc_id, c.indicator, c.polarity, c.start, c.end)
    cid = _CLAIM_ID_CACHE.get(key)
    if cid is None:
        if len(_CLAIM_ID_CACHE) >= _CLAIM_ID_CACHE_MAX:
            _CLAIM_ID_CACHE.clear()
        cid = _CLAIM_ID_CACHE[key] = make_id("c", *key)
    return cid


def _likelihood_table(case: Case) -> tuple[dict[tuple[str, str], int], np.ndarray]:
    index: dict[tuple[str, str], int] = {}
    rows = []
    hyps = case.hypothesis_ids
    for i, ind in enumerate(case.indicators):
        for j, pol in enumerate(POLARITIES):
            lk = case.likelihoods(ind.id, pol)
            index[(ind.id, pol)] = 2 * i + j
            rows.append([lk[h] for h in hyps])
    return index, np.asarray(rows, dtype=float).reshape(-1, len(hyps))


def _prepare(
    evidence: Sequence[Evidence],
    case: Case,
    as_of: str | None,
    grades: Mapping[str, str] | None,
    decisions: Sequence[Decision] | None,
    ind_index: dict[tuple[str, str], int],
) -> _Prepared:
    judgements = resolve_decisions(decisions)
    registry_grades = dict(grades or {})
    registry_grades.update(judgements.sources)
    registry = SourceRegistry(case, registry_grades)
    check_claims = bool(judgements.claims)
    rejected = judgements.rejected

    # Documents in scope.  Per-claim attributes are read in input order (objects
    # created together sit together in memory), then put in document order.
    undated = (_UNDATED, 0)
    date_cache: dict[str | None, tuple[int, int]] = {}
    in_docs: list[Evidence] = []
    days: list[int] = []
    paths: list[str] = []
    dates: list[tuple[int, int]] = []
    outlets: list[str | None] = []
    clusters: list[str | None] = []
    for e in evidence:
        if not e.relevant or not e.claims:
            continue
        document = e.document
        pub = document.published
        if as_of is not None and (not pub or not on_or_before(pub, as_of)):
            continue
        d = date_cache.get(pub)
        if d is None:
            d = date_cache[pub] = date_ordinal(pub) or undated
        in_docs.append(e)
        days.append(d[0])
        paths.append(document.path)
        dates.append(d)
        outlets.append(document.outlet)
        clusters.append(e.cluster)
    m = len(in_docs)

    # Claims in input order; k is the likelihood row (-1: unknown indicator or polarity).
    flat = [c for e in in_docs for c in e.claims]
    n_rows = 2 * len(case.indicators)
    ks = np.fromiter(map(ind_index.get, map(_IND_POL, flat), repeat(-1)), dtype=np.int64, count=len(flat))
    kept = ks >= 0
    unknown = len(flat) - int(np.count_nonzero(kept))
    n_rejected = 0
    if rejected:
        for i in np.flatnonzero(kept).tolist():
            if _claim_id(flat[i]) in rejected:
                kept[i] = False
                n_rejected += 1
    first_attribution = [a[0] if a else _NO_SOURCE for a in map(_ATTRIBUTIONS, flat)]

    # Documents sorted by (publication date, path, input order) so that the first claim
    # row of any group is its earliest report: two stable sorts on one plain key each.
    doc_order = sorted(range(m), key=paths.__getitem__)
    doc_order.sort(key=days.__getitem__)
    order_arr = np.asarray(doc_order, dtype=np.int64)
    counts = np.fromiter(map(len, map(_CLAIMS, in_docs)), dtype=np.int64, count=m)
    starts = np.cumsum(counts) - counts
    counts_sorted = counts[order_arr]
    block_start = np.cumsum(counts_sorted) - counts_sorted
    # claim rows: positions in ``flat`` of the claims in document order, unknown/rejected dropped
    pos = np.repeat(starts[order_arr] - block_start, counts_sorted) + np.arange(len(flat))
    row_doc_sorted = np.repeat(np.arange(m), counts_sorted)
    keep_rows = kept[pos]
    sel = pos[keep_rows]
    used, claim_doc_arr = np.unique(row_doc_sorted[keep_rows], return_inverse=True)
    sel_list = sel.tolist()
    claims: list[Any] = list(map(flat.__getitem__, sel_list))
    claim_doc: list[int] = claim_doc_arr.tolist()

    # Documents with a claim kept; cluster indices in order of first appearance.
    docs: list[Evidence] = []
    doc_dates: list[tuple[int, int]] = []
    doc_outlets: list[str | None] = []
    doc_base: list[int] = []
    cluster_index: dict[str, int] = {}
    cluster_keys: list[str] = []
    cluster_get = cluster_index.get
    for u in used.tolist():
        i = doc_order[u]
        e = in_docs[i]
        docs.append(e)
        doc_dates.append(dates[i])
        doc_outlets.append(outlets[i])
        ckey = clusters[i] or "doc:" + e.doc_id
        ci = cluster_get(ckey)
        if ci is None:
            ci = cluster_index[ckey] = len(cluster_keys)
            cluster_keys.append(ckey)
        doc_base.append(ci * n_rows)
    # The originating source: the first attribution, else the outlet.
    claim_source: list[str | None] = [
        s_ if s_ is not _NO_SOURCE else doc_outlets[di]  # type: ignore[misc]
        for s_, di in zip(map(first_attribution.__getitem__, sel_list), claim_doc, strict=True)
    ]
    # Cluster items: cluster * n_rows + k -> claim rows (in row order).
    cks = (np.asarray(doc_base, dtype=np.int64)[claim_doc_arr] + ks[sel]).tolist()
    citems: dict[int, list[int]] = {}
    citems_get = citems.get
    for r, ck in enumerate(cks):
        rows = citems_get(ck)
        if rows is None:
            citems[ck] = [r]
        else:
            rows.append(r)
    if unknown:
        log.warning("%d claims with an indicator or polarity the case does not know were skipped", unknown)

    groups = find_origins(
        docs, doc_dates, claims, claim_doc, claim_source, cluster_keys, citems, registry.canonical, n_rows
    )
    items = groups.items
    n_items = len(items)
    item_k = np.fromiter((k for _, k in items), dtype=np.int64, count=n_items)
    item_origin = np.fromiter((o for o, _ in items), dtype=np.int64, count=n_items)
    item_claims = groups.item_claims
    item_rep = groups.item_rep
    item_source = groups.item_source

    # Confirmation and contradiction by other independent origins (credibility 1 and 5):
    # confirmed when another origin with a different (canonical) source reports the same
    # kind, contradicted when any origin reports the opposite polarity.
    canonical = registry.canonical
    src_ids: dict[str | None, int] = {}
    src_get = src_ids.setdefault
    canon_ids: dict[str | None, int] = {}
    canon_get = canon_ids.setdefault
    raw_to_canon: dict[str | None, int] = {}
    for s_ in dict.fromkeys(item_source):
        src_get(s_, len(src_ids))
        raw_to_canon[s_] = canon_get(canonical(s_) if s_ else None, len(canon_ids))
    item_src = np.fromiter((src_ids[s_] for s_ in item_source), dtype=np.int64, count=n_items)
    canon_of = np.fromiter(raw_to_canon.values(), dtype=np.int64, count=len(raw_to_canon))
    item_canon = canon_of[item_src] if n_items else item_src
    n_canon = max(len(canon_ids), 1)
    total_k = np.bincount(item_k, minlength=n_rows)
    total_k_src = np.bincount(item_k * n_canon + item_canon, minlength=n_rows * n_canon)
    confirmed_a = total_k[item_k] - total_k_src[item_k * n_canon + item_canon] >= 1
    contradicted_a = total_k[item_k ^ 1] > 0
    # (source, confirmed, contradicted) -> (letter, digit, weight, grade): machine grades
    machine: dict[tuple[str | None, bool, bool], tuple[str, int, float, str]] = {}

    def machine_grade(src: str | None, confirmed: bool, contradicted: bool) -> tuple[str, int, float, str]:
        key = (src, confirmed, contradicted)
        hit = machine.get(key)
        if hit is None:
            rel = registry.lookup(src)[0]
            cred = machine_credibility(rel, confirmed, contradicted)
            hit = machine[key] = (rel, cred, RELIABILITY_WEIGHT[rel] * CREDIBILITY_WEIGHT[cred], f"{rel}{cred}")
        return hit

    # Items with one claim (and no claim decisions) take the machine grade of its source:
    # one table lookup per (source, confirmed, contradicted).
    src_names = list(src_ids)
    combo = (item_src * 2 + confirmed_a) * 2 + contradicted_a
    combo_w = np.zeros(4 * len(src_names))
    combo_grade = [""] * (4 * len(src_names))
    for c_ in np.unique(combo).tolist():
        hit = machine_grade(src_names[c_ >> 2], bool(c_ & 2), bool(c_ & 1))
        combo_w[c_] = hit[2]
        combo_grade[c_] = hit[3]
    item_w = combo_w[combo]
    item_grade = [combo_grade[c_] for c_ in combo.tolist()]
    item_analyst = [False] * n_items
    claim_judgements = judgements.claims

    multi: Sequence[int]
    if check_claims:
        multi = range(n_items)
    else:
        multi = [n for n, rows in enumerate(item_claims) if len(rows) > 1]
    confirmed_l = confirmed_a.tolist()
    contradicted_l = contradicted_a.tolist()
    for n in multi:
        rows = item_claims[n]
        confirmed = confirmed_l[n]
        contradicted = contradicted_l[n]
        best_w = -1.0
        best_grade = ""
        best_pinned = False
        best_row = rows[0]
        if check_claims:
            candidates = [(r, claim_source[r], claim_judgements.get(_claim_id(claims[r]))) for r in rows]
        else:
            first_by_source: dict[str | None, int] = {}
            for r in rows:
                first_by_source.setdefault(claim_source[r], r)
            if len(first_by_source) == 1:
                continue  # one source: its machine grade, set above
            candidates = [(r, s, None) for s, r in first_by_source.items()]
        for r, s, j in candidates:
            rel, cred, w, grade = machine_grade(s, confirmed, contradicted)
            pinned = False
            if j is not None:
                rel, cred, pinned = apply_claim_judgement(j, rel, cred)
                w = RELIABILITY_WEIGHT[rel] * CREDIBILITY_WEIGHT[cred]
                grade = f"{rel}{cred}"
            # An analyst-pinned grade beats any machine grade; among equals the highest
            # weight wins, then the earliest report (rows are in date order).
            if (pinned, w) > (best_pinned, best_w):
                best_w, best_grade, best_pinned, best_row = w, grade, pinned, r
        if best_row != item_rep[n]:
            item_rep[n] = best_row
            item_source[n] = claim_source[best_row]
        item_w[n] = best_w
        item_grade[n] = best_grade
        item_analyst[n] = best_pinned

    return _Prepared(
        docs=docs,
        claims=claims,
        claim_doc=claim_doc,
        claim_source=claim_source,
        item_k=item_k,
        item_w=item_w,
        item_origin=item_origin,
        item_claims=groups.item_claims,
        item_grade=item_grade,
        item_rep=groups.item_rep,
        item_analyst=item_analyst,
        item_source=groups.item_source,
        origin_clusters=groups.origin_clusters,
        n_reports=len(docs),
        n_rejected=n_rejected,
    )


#: Probability that the evidence model itself (the case's likelihood tables, the
#: extraction) is wrong, in which case the prior stands: p = (1-e)*posterior + e*prior.
#: See docs/method.md, "Model error".
MODEL_ERROR = 0.05


def with_model_error(post: np.ndarray, prior: np.ndarray, model_error: float) -> np.ndarray:
    """Mix a posterior (..., H) with the prior (H,): ``(1 - e) * post + e * prior``.

    Keeps any hypothesis from reaching certainty on the strength of the
    evidence model alone; ``model_error`` = 0 gives plain Bayes.  Raises
    ValueError outside [0, 1).
    """
    if not 0.0 <= model_error < 1.0:
        raise ValueError(f"model_error must be in [0, 1), got {model_error}")
    return (1.0 - model_error) * post + model_error * prior


def _normalise(logp: np.ndarray) -> np.ndarray:
    """Softmax along the last axis (log-sum-exp for stability)."""
    m = logp.max(axis=-1, keepdims=True)
    p = np.exp(logp - m)
    return p / p.sum(axis=-1, keepdims=True)


def _resolve_case(case: Case, priors: Mapping[str, float] | None) -> Case:
    return case.with_priors(dict(priors)) if priors else case


def corroboration_weights(item_k: np.ndarray, item_w: np.ndarray) -> np.ndarray:
    """Trust weights discounted for corroboration: the j-th origin of one kind of evidence counts 1/j.

    Independent origins that report the same indicator with the same polarity
    are rarely independent in what they observe (the same flows, the same
    announcements reach several channels), so treating them as conditionally
    independent overstates the evidence.  Within each (indicator, polarity),
    origins are ranked by trust weight (highest first) and the j-th one's weight
    is divided by j: the evidence grows like the harmonic number of the count,
    not linearly.  Shapes: (n_items,) in, (n_items,) out; the result does not
    depend on the order of items.  See docs/method.md, "Corroboration".
    """
    n = len(item_k)
    if n == 0:
        return item_w.astype(float, copy=True)
    order, rank = _corroboration_ranks(item_k, item_w)
    eff = np.empty(n, dtype=float)
    eff[order] = item_w[order] / rank
    return eff


def _corroboration_ranks(item_k: np.ndarray, item_w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(order, rank) of :func:`corroboration_weights`: items sorted by (kind, weight descending,
    index), and each sorted item's 1-based rank within its kind (non-empty input)."""
    n = len(item_k)
    neg = -item_w
    order = None
    if item_k.dtype.kind in "iu" and item_k.min() >= 0 and not np.isnan(neg).any():
        # lexsort((-w, k)) with unique integer keys instead (the same order, as
        # the keys are unique; numpy's default integer sort is much faster than
        # its stable float sort): (k, dense rank of -w, index).
        a = np.argsort(neg)
        s = neg[a]
        dense_sorted = np.cumsum(np.r_[False, s[1:] != s[:-1]])
        n_dense = int(dense_sorted[-1]) + 1
        if (int(item_k.max()) + 1) * n_dense * n < 1 << 62:
            dense = np.empty(n, dtype=np.int64)
            dense[a] = dense_sorted
            order = np.argsort((item_k.astype(np.int64) * n_dense + dense) * n + np.arange(n))
    if order is None:
        order = np.lexsort((neg, item_k))
    k_sorted = item_k[order]
    starts = np.r_[True, k_sorted[1:] != k_sorted[:-1]]
    first = np.maximum.accumulate(np.where(starts, np.arange(n), 0))
    return order, np.arange(n) - first + 1


def _log_likelihoods(
    table: np.ndarray, item_k: np.ndarray, item_w: np.ndarray, item_origin: np.ndarray | None = None
) -> np.ndarray:
    """Per-item log tempered likelihoods (n_items, H) after both discounts.

    Corroboration (:func:`corroboration_weights`) applies within each kind of
    evidence across origins; the same harmonic rule applies within each origin
    across its kinds of evidence, because one report's indicators usually come
    from the same few sentences about one event.
    """
    if not len(item_k):
        return np.zeros((0, table.shape[1]))
    w = corroboration_weights(item_k, item_w)
    if item_origin is not None:
        w = corroboration_weights(item_origin, w) * (w > 0)
    return np.log(tempered_likelihood(table[item_k], w))


def _posterior(prep: _Prepared, table: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(posterior (H,), log total (H,), per-item tempered log likelihoods (n_items, H))."""
    log_l = _log_likelihoods(table, prep.item_k, prep.item_w, prep.item_origin)
    total = np.log(prior) + log_l.sum(axis=0)
    return _normalise(total), total, log_l


def assess(
    evidence: Sequence[Evidence],
    case: Case,
    *,
    as_of: str | None = None,
    grades: Mapping[str, str] | None = None,
    decisions: Sequence[Decision] | None = None,
    priors: Mapping[str, float] | None = None,
    leave_one_out: bool = True,
    max_contributions: int | None = DEFAULT_MAX_CONTRIBUTIONS,
    model_error: float = MODEL_ERROR,
) -> Assessment:
    """Assess the case's hypotheses from a body of evidence.

    Args:
        evidence: extracted documents (:class:`foothold.model.Evidence`); only
            relevant ones with claims are used.
        case: the analytic frame (hypotheses with priors, likelihood tables, actors).
        as_of: partial ISO date; keep only documents published on or before it
            (at the coarser precision of the two), undated documents excluded.
        grades: user registry of source reliability, name -> letter A-F; it
            overrides the case's actors (unknown sources default to ``F``).
        decisions: analyst decisions (:mod:`foothold.assess.review`).
        priors: hypothesis id -> prior replacing the case's (renormalised).
        leave_one_out: compute, for each origin, the posterior without it.
        model_error: probability that the evidence model is wrong; the
            posterior is mixed with the prior by this weight (default
            :data:`MODEL_ERROR`; 0 for plain Bayes, as in the worked examples).
        max_contributions: build :class:`Contribution` records for only the
            most influential items (default 1000; None: all).  The posterior
            and leave-one-out always use every item; ``method["n_items"]``
            gives the total.

    Returns:
        an :class:`Assessment`: posterior per hypothesis with its ICD 203 word,
        contributions sorted by influence (max_h |weighted log LR|), counts of
        reports and independent origins, leave-one-out results sorted by the
        largest absolute change in any hypothesis probability.

    Raises:
        ValueError: malformed ``as_of``, a grade outside A-F.
        foothold.case.CaseError: unknown hypothesis in ``priors``.
    """
    with _gc_paused():
        return _assess(evidence, case, as_of, grades, decisions, priors, leave_one_out, max_contributions, model_error)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: the grouping pass allocates many small
    tuples and lists that hold no cycles, and collections over a large corpus cost
    a third of the run time (docs/assess-benchmark.md).  Restored on exit."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _assess(
    evidence: Sequence[Evidence],
    case: Case,
    as_of: str | None,
    grades: Mapping[str, str] | None,
    decisions: Sequence[Decision] | None,
    priors: Mapping[str, float] | None,
    leave_one_out: bool,
    max_contributions: int | None,
    model_error: float = MODEL_ERROR,
) -> Assessment:
    t0 = time.perf_counter()
    if as_of is not None:
        _check_date(as_of, "as_of")
    case = _resolve_case(case, priors)
    ind_index, table = _likelihood_table(case)
    hyps = case.hypothesis_ids
    prior = np.asarray([h.prior for h in case.hypotheses], dtype=float)

    prep = _prepare(evidence, case, as_of, grades, decisions, ind_index)
    post, total, log_l = _posterior(prep, table, prior)
    bayes_post = post
    post = with_model_error(post, prior, model_error)
    n_items = len(prep.item_k)
    n_origins = len(prep.origin_clusters)

    # Per item: log LR of each hypothesis against the prior-weighted mixture of the others.
    if n_items:
        pw = np.exp(log_l)
        mix = pw @ prior  # (n_items,)
        others = (mix[:, None] - pw * prior) / (1.0 - prior)
        log_lr = log_l - np.log(others)
        influence = np.abs(log_lr).max(axis=1)
        order = np.argsort(-influence, kind="stable")
    else:
        log_lr = np.zeros((0, len(hyps)))
        influence = np.zeros(0)
        order = np.zeros(0, dtype=np.int64)
    if max_contributions is not None:
        order = order[:max_contributions]

    contributions = [_contribution(prep, int(n), hyps, log_lr[n], float(influence[n]), case) for n in order]

    loo: list[dict[str, Any]] = []
    if leave_one_out and n_origins:
        loo = _leave_one_out(prep, total, log_l, bayes_post, hyps, case, model_error=model_error)

    results = []
    for i, h in enumerate(case.hypotheses):
        p = float(post[i])
        w, lo, hi = icd203.band(min(max(p, 0.0), 1.0))
        results.append(HypothesisResult(h.id, h.label, h.prior, p, w, (lo, hi)))
    elapsed = time.perf_counter() - t0
    log.info(
        "assessed %d claims in %d reports -> %d origins, %d items in %.3fs",
        len(prep.claims), prep.n_reports, n_origins, n_items, elapsed,
    )
    return Assessment(
        case_id=case.id,
        as_of=as_of,
        hypotheses=results,
        contributions=contributions,
        n_reports=prep.n_reports,
        n_origins=n_origins,
        method={**_method(case), "n_items": n_items, "n_contributions": len(contributions), "model_error": model_error},
        leave_one_out=loo,
        n_claims=len(prep.claims),
        n_rejected=prep.n_rejected,
    )


def _method(case: Case) -> dict[str, Any]:
    return {
        "name": "Bayesian ACH over independent origins, trust-tempered likelihoods",
        "tempering": "linear: P_w(E|h) = w*P(E|h) + (1-w)*mean_h P(E|h)",
        "corroboration": "within one indicator and polarity the j-th origin (by weight) counts w/j; within one origin its j-th kind of evidence counts w/j again",
        "weight": "w = reliability_weight * credibility_weight (Admiralty)",
        "reliability_weight": RELIABILITY_WEIGHT,
        "credibility_weight": {str(k): v for k, v in CREDIBILITY_WEIGHT.items()},
        "default_reliability": DEFAULT_RELIABILITY,
        "relay_window_days": RELAY_WINDOW_DAYS,
        "priors": {h.id: h.prior for h in case.hypotheses},
        "influence": "max_h |log LR(h vs prior-weighted others)|",
        "doc": "docs/method.md",
    }


def _rep_fields(prep: _Prepared, n: int) -> tuple[Any, Evidence]:
    r = prep.item_rep[n]
    return prep.claims[r], prep.docs[prep.claim_doc[r]]


def _contribution(
    prep: _Prepared, n: int, hyps: list[str], log_lr: np.ndarray, influence: float, case: Case
) -> Contribution:
    claim, ev = _rep_fields(prep, n)
    k = int(prep.item_k[n])
    ind = case.indicators[k // 2].id
    rows = prep.item_claims[n]
    doc_ids = {prep.claim_doc[r] for r in rows}
    clusters = prep.origin_clusters[int(prep.item_origin[n])]
    return Contribution(
        origin=clusters[0],
        indicator=ind,
        polarity=POLARITIES[k % 2],
        log_lr={h: float(v) for h, v in zip(hyps, log_lr, strict=True)},
        weight=float(prep.item_w[n]),
        grade=prep.item_grade[n],
        n_reports=len(doc_ids),
        claim_ids=[_claim_id(prep.claims[r]) for r in rows],
        sentence=claim.text,
        outlet=ev.document.outlet,
        published=ev.document.published,
        attributions=list(claim.attributions),
        doc_id=ev.doc_id,
        path=ev.document.path,
        influence=influence,
        source=prep.item_source[n],
        analyst=prep.item_analyst[n],
        clusters=list(clusters),
    )


def _item_label(prep: _Prepared, n: int, case: Case) -> str:
    k = int(prep.item_k[n])
    return f"{case.indicators[k // 2].id}:{POLARITIES[k % 2]}"


def _leave_one_out(
    prep: _Prepared, total: np.ndarray, log_l: np.ndarray, post: np.ndarray, hyps: list[str], case: Case, top: int = 10,
    model_error: float = 0.0,
) -> list[dict[str, Any]]:
    """For each origin, the posterior without it; the ``top`` with the largest max |change|."""
    n_origins = len(prep.origin_clusters)
    # per-origin sums (bincount adds in item order, as np.add.at does, but much faster)
    per_origin = np.empty((n_origins, len(hyps)))
    for h in range(len(hyps)):
        per_origin[:, h] = np.bincount(prep.item_origin, weights=log_l[:, h], minlength=n_origins)
    without = _normalise(total[None, :] - per_origin)
    # Removing an origin also re-ranks the corroboration discount of the others,
    # so the shortlist found by subtraction is recomputed exactly.
    shortlist = np.argsort(-np.abs(without - post[None, :]).max(axis=1), kind="stable")[: top + 3]
    table, prior = _likelihood_table(case)[1], np.asarray([h.prior for h in case.hypotheses], dtype=float)
    item_k, item_w, item_origin = prep.item_k, prep.item_w, prep.item_origin
    # The first (per-kind) discount without origin o: ranks from the full ranking, less one
    # for every item of o ranked before in the same kind (the same numbers as recomputing).
    order1, rank_sorted = _corroboration_ranks(item_k, item_w)
    n = len(item_k)
    rank1 = np.empty(n, dtype=rank_sorted.dtype)
    rank1[order1] = rank_sorted
    pos = np.empty(n, dtype=np.int64)
    pos[order1] = np.arange(n)
    k_sorted = item_k[order1]
    bounds = np.flatnonzero(np.r_[True, k_sorted[1:] != k_sorted[:-1], True])
    group_end = np.repeat(bounds[1:], np.diff(bounds))  # per sorted position: end of its kind
    log_prior = np.log(prior)
    for o in shortlist.tolist():
        keep = item_origin != o
        rank_o = rank1.copy()
        for j in np.flatnonzero(~keep).tolist():
            p = int(pos[j])
            rank_o[order1[p + 1 : group_end[p]]] -= 1
        w1 = item_w[keep] / rank_o[keep]
        origin_o = item_origin[keep]
        w2 = corroboration_weights(origin_o, w1) * (w1 > 0)
        rest = np.log(tempered_likelihood(table[item_k[keep]], w2))
        without[o] = _normalise(log_prior + rest.sum(axis=0))
    without = with_model_error(without, prior, model_error)
    post = with_model_error(post, prior, model_error)
    delta = without - post[None, :]
    change = np.full(n_origins, -1.0)
    change[shortlist] = np.abs(delta[shortlist]).max(axis=1)
    order = np.argsort(-change, kind="stable")[:top]
    chosen = set(order.tolist())
    best_item: dict[int, int] = {}
    origin_items: dict[int, list[int]] = {o: [] for o in chosen}
    chosen_items = np.flatnonzero(np.isin(prep.item_origin, order))
    for n, o in zip(chosen_items.tolist(), prep.item_origin[chosen_items].tolist(), strict=True):
        if o in chosen:
            origin_items[o].append(n)
            if o not in best_item or prep.item_w[n] > prep.item_w[best_item[o]]:
                best_item[o] = n
    out = []
    for o in order.tolist():
        n = best_item[o]
        claim, ev = _rep_fields(prep, n)
        hi = int(np.argmax(np.abs(delta[o])))
        out.append(
            {
                "origin": prep.origin_clusters[o][0],
                "clusters": list(prep.origin_clusters[o]),
                "change": float(change[o]),
                "hypothesis": hyps[hi],
                "probabilities_without": {h: float(v) for h, v in zip(hyps, without[o], strict=True)},
                "indicators": sorted({_item_label(prep, i, case) for i in origin_items[o]}),
                "sentence": claim.text,
                "outlet": ev.document.outlet,
                "published": ev.document.published,
                "grade": prep.item_grade[n],
            }
        )
    return out


def timeline(
    evidence: Sequence[Evidence],
    case: Case,
    *,
    grades: Mapping[str, str] | None = None,
    decisions: Sequence[Decision] | None = None,
    priors: Mapping[str, float] | None = None,
    as_of: str | None = None,
    leave_one_out: bool = False,
    model_error: float = MODEL_ERROR,
) -> list[TimelinePoint]:
    """The posterior at each distinct publication date, cumulative.

    One point per distinct ``published`` string of a relevant, dated document
    with claims (sorted; ``2025-03`` sorts before ``2025-03-10``), each equal to
    ``assess(evidence, case, as_of=date)``.  ``as_of`` stops the timeline at
    that date.  Cost: one assessment per date (no leave-one-out).
    """
    dates = sorted(
        {
            e.document.published
            for e in evidence
            if e.relevant and e.claims and e.document.published and _DATE_RE.match(e.document.published)
            and (as_of is None or on_or_before(e.document.published, as_of))
        }
    )
    case = _resolve_case(case, priors)
    ind_index, table = _likelihood_table(case)
    prior = np.asarray([h.prior for h in case.hypotheses], dtype=float)
    points = []
    for d in dates:
        prep = _prepare(evidence, case, d, grades, decisions, ind_index)
        post, _, _ = _posterior(prep, table, prior)
        post = with_model_error(post, prior, model_error)
        points.append(
            TimelinePoint(
                date=d,
                probabilities={h: float(p) for h, p in zip(case.hypothesis_ids, post, strict=True)},
                n_reports=prep.n_reports,
                n_origins=len(prep.origin_clusters),
            )
        )
    return points


def ach_mark(log_lr: float) -> str:
    """ACH consistency mark for a log LR (natural log): CC >= ln 2, C >= ln 1.25, II <= -ln 2, I <= -ln 1.25, else N."""
    if log_lr >= ACH_THRESHOLDS["CC"]:
        return "CC"
    if log_lr >= ACH_THRESHOLDS["C"]:
        return "C"
    if log_lr <= ACH_THRESHOLDS["II"]:
        return "II"
    if log_lr <= ACH_THRESHOLDS["I"]:
        return "I"
    return "N"


def ach_matrix(source: Assessment | Sequence[Evidence], case: Case, **kwargs: Any) -> list[dict[str, Any]]:
    """Heuer's ACH matrix (1999, ch. 8): one row per origin and indicator, one mark per hypothesis.

    ``source`` is an :class:`Assessment` or a list of Evidence (then assessed
    with ``kwargs``).  Each row: ``origin``, ``indicator``, ``polarity``,
    ``marks`` (hypothesis -> CC/C/N/I/II from the tempered log LR, see
    :func:`ach_mark`), ``log_lr``, ``weight``, ``grade``, ``sentence``.
    Rows keep the assessment's order (most influential first).
    """
    a = source if isinstance(source, Assessment) else assess(list(source), case, leave_one_out=False, **kwargs)
    rows = []
    for c in a.contributions:
        rows.append(
            {
                "origin": c.origin,
                "indicator": c.indicator,
                "polarity": c.polarity,
                "marks": {h: ach_mark(v) for h, v in c.log_lr.items()},
                "log_lr": dict(c.log_lr),
                "weight": c.weight,
                "grade": c.grade,
                "sentence": c.sentence,
            }
        )
    return rows


def claim_id_of(doc_id: str, indicator: str, polarity: str, start: int, end: int) -> str:
    """Claim id as :class:`foothold.model.Claim` computes it (for tests and tools)."""
    return make_id("c", doc_id, indicator, polarity, start, end)
