"""Independent origins: syndication clusters, merged when they relay the same source.

The rule (docs/method.md, "Independent origins"):

1. Every document of one syndication cluster (``Evidence.cluster``) belongs to
   one origin.  A document without a cluster is its own cluster (keyed by its
   content hash, so two copies of the same text are still one).
2. Two clusters are merged into one origin when they carry an **item** (one
   indicator with one polarity) that relays the same originating source:

   * the same first attribution of the claim (the canonical source name; when
     the claim has no attribution, the outlet stands for itself), and
   * the same indicator and polarity, and
   * earliest publication dates within :data:`RELAY_WINDOW_DAYS` days (30; for
     a month- or year-precision date the window widens by the period's
     length), and
   * either a shared quantity (same unit and value) inside the claim sentences,
     or near-identical sentences: equal after lower-casing and removing
     punctuation, or a rapidfuzz ``ratio`` >= :data:`NEAR_IDENTICAL` between
     them *and* the same numbers in both (so "13,221 entered in 2024" never
     matches "12,000 entered in 2023"); each item is compared with the
     :data:`FUZZY_NEIGHBOURS` items just before it in date order, which keeps
     the pass linear.  Each cluster item is represented by its earliest claim.

   Merging is transitive (union-find): A~B and B~C put A, B and C in one
   origin.  Undated items are never merged across clusters.
3. An origin contributes each (indicator, polarity) at most once, however
   many documents and claims carry it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.fuzz import ratio as _ratio
from rapidfuzz.utils import default_process as _default_process

from foothold.model import Evidence
from foothold.unionfind import UnionFind

__all__ = ["FUZZY_NEIGHBOURS", "NEAR_IDENTICAL", "RELAY_WINDOW_DAYS", "Groups", "find_origins", "normalise_sentence"]

log = logging.getLogger(__name__)

RELAY_WINDOW_DAYS = 30
NEAR_IDENTICAL = 90.0
FUZZY_NEIGHBOURS = 3
_UNDATED = 10**9
_PUNCT = re.compile(r"[^\w]+")


def normalise_sentence(text: str) -> str:
    """Lower-cased, punctuation replaced by spaces, whitespace collapsed (rapidfuzz ``default_process``)."""
    if _default_process is not None:
        return " ".join(_default_process(text).split())
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


@dataclass(slots=True)
class Groups:
    """Result of :func:`find_origins`.

    ``items[n] = (origin index, likelihood row k)``; ``item_claims[n]`` the claim
    rows; ``item_rep[n]`` the representative (earliest published) claim row;
    ``item_source[n]`` its originating source; ``origin_clusters[o]`` the
    cluster keys of origin ``o`` (earliest first).
    """

    items: list[tuple[int, int]]
    item_claims: list[list[int]]
    item_rep: list[int]
    item_source: list[str | None]
    origin_clusters: list[list[str]]


def group_claims(
    docs: Sequence[Evidence], claim_doc: Sequence[int], claim_k: Sequence[int], n_rows: int
) -> tuple[list[str], dict[int, list[int]]]:
    """Cluster keys and cluster items ``cluster index * n_rows + k -> claim rows`` (rows in input order).

    A document without a cluster is its own cluster ``"doc:" + doc_id``.
    """
    cluster_index: dict[str, int] = {}
    cluster_keys: list[str] = []
    doc_cluster: list[int] = []
    for e in docs:
        key = e.cluster or "doc:" + e.doc_id
        ci = cluster_index.get(key)
        if ci is None:
            ci = cluster_index[key] = len(cluster_keys)
            cluster_keys.append(key)
        doc_cluster.append(ci)
    citems: dict[int, list[int]] = {}
    for r, (di, k) in enumerate(zip(claim_doc, claim_k, strict=True)):
        key2 = doc_cluster[di] * n_rows + k
        rows = citems.get(key2)
        if rows is None:
            citems[key2] = [r]
        else:
            rows.append(r)
    return cluster_keys, citems


def find_origins(
    docs: Sequence[Evidence],
    doc_dates: Sequence[tuple[int, int]],
    claims: Sequence[Any],
    claim_doc: Sequence[int],
    claim_source: Sequence[str | None],
    cluster_keys: Sequence[str],
    citems: dict[int, list[int]],
    canonical: Callable[[str], str] = lambda s: s,
    n_rows: int = 1 << 20,
) -> Groups:
    """Group cluster items into items of independent origins (see the module rule).

    Args:
        docs: the documents in scope, **sorted by (publication date, path)**;
            ``claim_doc[r]`` indexes it for claim row ``r`` and rows follow that
            order, so the first row of a group is its earliest report.
        doc_dates: per document, ``(first day ordinal, period length - 1)``
            (:func:`foothold.assess.dates.date_ordinal`); undated documents use
            a very large ordinal.
        claims: the claims (``text``, ``start``, ``end`` are used).
        claim_source: per claim row, the originating source name or None.
        cluster_keys, citems: from :func:`group_claims` (or built the same way:
            cluster indices in order of first appearance; item key
            ``cluster index * n_rows + k``).
        n_rows: the number of distinct ``k`` values (likelihood rows).
        canonical: maps a source name to its canonical form (aliases folded).

    Cost: one pass over the cluster items, plus the rows of merged items.
    """
    # 3. relay links between clusters
    uf = UnionFind(len(cluster_keys))
    if len(cluster_keys) > 1:
        _merge_relays(docs, doc_dates, claims, claim_doc, claim_source, canonical, citems, uf, n_rows)

    # 4. origins and items
    root_index: dict[int, int] = {}
    origin_members: list[list[int]] = []
    cluster_origin: list[int] = []  # cluster index -> origin index
    find = uf.find
    for ci in range(len(cluster_keys)):
        root = find(ci)
        o = root_index.get(root)
        if o is None:
            o = root_index[root] = len(origin_members)
            origin_members.append([ci])
        else:
            origin_members[o].append(ci)
        cluster_origin.append(o)
    # cluster ids are assigned in date order, so sorted members are earliest first
    origin_clusters = [[cluster_keys[ci] for ci in sorted(members)] for members in origin_members]
    if len(origin_clusters) == len(cluster_keys):
        items = [(cluster_origin[ck // n_rows], ck % n_rows) for ck in citems]
        item_claims = list(citems.values())
    else:
        item_index: dict[int, int] = {}  # origin * n_rows + k -> item
        items = []
        item_claims = []
        merged: set[int] = set()
        for ck, rows in citems.items():
            o, k = cluster_origin[ck // n_rows], ck % n_rows
            ok = o * n_rows + k
            n = item_index.get(ok)
            if n is None:
                item_index[ok] = len(items)
                items.append((o, k))
                item_claims.append(rows.copy())
            else:
                item_claims[n].extend(rows)
                merged.add(n)
        for n in merged:
            item_claims[n].sort()
    item_rep = [rows[0] for rows in item_claims]
    item_source = [claim_source[r] for r in item_rep]
    log.debug("%d clusters -> %d origins, %d items", len(cluster_keys), len(origin_clusters), len(items))
    return Groups(items, item_claims, item_rep, item_source, origin_clusters)


_NUMBERS = re.compile(r"\d+")

# Memoised per sentence string (as claim ids are in :mod:`foothold.assess.bayes`):
# timeline and repeated assessments normalise each sentence once.  Bounded; cleared when full.
_NORM_CACHE: dict[str, str] = {}
_DIGITS_CACHE: dict[str, str] = {}
_CACHE_MAX = 1_000_000


def _normalised(text: str) -> str:
    """:func:`normalise_sentence`, memoised on the sentence."""
    hit = _NORM_CACHE.get(text)
    if hit is None:
        if len(_NORM_CACHE) >= _CACHE_MAX:
            _NORM_CACHE.clear()
        hit = _NORM_CACHE[text] = normalise_sentence(text)
    return hit


def _digits(text: str) -> str:
    """The digits of the normalised sentence, in order (memoised on the sentence)."""
    hit = _DIGITS_CACHE.get(text)
    if hit is None:
        if len(_DIGITS_CACHE) >= _CACHE_MAX:
            _DIGITS_CACHE.clear()
        hit = _DIGITS_CACHE[text] = "".join(_NUMBERS.findall(_normalised(text)))
    return hit


def near_identical(a: str, b: str) -> bool:
    """True for sentences that are the same report: equal after normalisation, or a
    rapidfuzz ``ratio`` >= :data:`NEAR_IDENTICAL` on the normalised text and the
    same digits in the same order (thousands separators ignored)."""
    if a == b:
        return True
    na = _NORM_CACHE.get(a) or _normalised(a)
    nb = _NORM_CACHE.get(b) or _normalised(b)
    if na == nb:
        return True
    # the ratio is cheap (C); the digits are extracted only for sentences that get this far
    if not _ratio(na, nb, score_cutoff=NEAR_IDENTICAL):
        return False
    return (_DIGITS_CACHE.get(a) or _digits(a)) == (_DIGITS_CACHE.get(b) or _digits(b))


def _merge_relays(
    docs: Sequence[Evidence],
    doc_dates: Sequence[tuple[int, int]],
    claims: Sequence[Any],
    claim_doc: Sequence[int],
    claim_source: Sequence[str | None],
    canonical: Callable[[str], str],
    citems: dict[int, list[int]],
    uf: UnionFind,
    n_rows: int,
) -> None:
    """Union clusters whose items relay the same source (module rule, step 2).

    Each cluster item is represented by its earliest claim (copies in a
    cluster carry the same report).
    """
    # Pass 1: bucket the dated, attributed cluster items by (source, indicator+polarity).
    buckets: dict[tuple[str, int], list[tuple[int, int, int, int]]] = {}
    canon_cache: dict[str, str] = {}
    for ck, rows in citems.items():
        rep = rows[0]
        raw = claim_source[rep]
        if not raw:
            continue
        day, slack = doc_dates[claim_doc[rep]]
        if day >= _UNDATED:
            continue
        src = canon_cache.get(raw)
        if src is None:
            src = canon_cache[raw] = canonical(raw)
        bkey = (src, ck % n_rows)
        entry = (day, slack, ck // n_rows, rep)
        bucket = buckets.get(bkey)
        if bucket is None:
            buckets[bkey] = [entry]
        else:
            bucket.append(entry)

    # Pass 2: within each bucket, in date order, link an item to the last earlier item
    # sharing a key (sentence text or quantity) within the window, and to its
    # FUZZY_NEIGHBOURS predecessors when the sentences are near-identical.
    union = uf.union
    parent = uf.parent
    norm_get = _NORM_CACHE.get
    window = RELAY_WINDOW_DAYS
    neighbours = FUZZY_NEIGHBOURS
    for entries in buckets.values():
        if len(entries) < 2:
            continue
        entries.sort()
        last: dict[Any, tuple[int, int, int]] = {}
        last_get = last.get
        texts: list[str] = []
        for i, (day, slack, ci, rep) in enumerate(entries):
            c = claims[rep]
            text = c.text
            texts.append(text)
            norm = norm_get(text)
            if norm is None:
                norm = _normalised(text)
            prev = last_get(norm)
            if prev is not None and day - prev[0] <= window + (prev[1] if prev[1] > slack else slack):
                union(prev[2], ci)
            here = (day, slack, ci)
            last[norm] = here
            quantities = docs[claim_doc[rep]].quantities
            if quantities:
                cs, ce = c.start, c.end
                for q in quantities:
                    qs = q.start
                    if qs < 0 or (qs >= cs and q.end <= ce):
                        key = (q.unit, q.value)
                        prev = last_get(key)
                        if prev is not None and day - prev[0] <= window + (prev[1] if prev[1] > slack else slack):
                            union(prev[2], ci)
                        last[key] = here
            for j in range(i - 1, i - 1 - neighbours if i > neighbours else -1, -1):
                d1, s1, c1, _ = entries[j]
                if day - d1 > window + (s1 if s1 > slack else slack):
                    break
                # already in one set?  (UnionFind.find inlined, without path halving)
                r1 = c1
                while parent[r1] != r1:
                    r1 = parent[r1]
                r2 = ci
                while parent[r2] != r2:
                    r2 = parent[r2]
                if r1 == r2:
                    continue
                if near_identical(texts[j], text):
                    union(c1, ci)
