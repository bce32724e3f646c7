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

try:  # rapidfuzz is a dependency of foothold; the exact keys still work without it
    from rapidfuzz.fuzz import ratio as _ratio
    from rapidfuzz.utils import default_process as _default_process
except ImportError:  # pragma: no cover
    _ratio = None
    _default_process = None

from foothold.model import Evidence


__all__ = ["FUZZY_NEIGHBOURS", "NEAR_IDENTICAL", "RELAY_WINDOW_DAYS", "Groups", "find_origins", "normalise_sentence"]

log = logging.getLogger(__name__)

RELAY_WINDOW_DAYS = 30
NEAR_IDENTICAL = 90.0
FUZZY_NEIGHBOURS = 4
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


class _UnionFind:
    __slots__ = ("parent",)

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def find_origins(
    docs: Sequence[Evidence],
    doc_dates: Sequence[tuple[int, int]],
    claims: Sequence[Any],
    claim_doc: Sequence[int],
    claim_k: Sequence[int],
    claim_source: Sequence[str | None],
    canonical: Callable[[str], str] = lambda s: s,
) -> Groups:
    """Group claim rows into items of independent origins (see the module rule).

    Args:
        docs: the documents in scope, **sorted by (publication date, path)**;
            ``claim_doc[r]`` indexes it for claim row ``r`` and rows follow that
            order, so the first row of a group is its earliest report.
        doc_dates: per document, ``(first day ordinal, period length - 1)``
            (:func:`foothold.assess.dates.date_ordinal`); undated documents use
            a very large ordinal.
        claims: the claims (``text``, ``start``, ``end`` are used).
        claim_k: per claim row, the (indicator, polarity) key as an int.
        claim_source: per claim row, the originating source name or None.
        canonical: maps a source name to its canonical form (aliases folded).

    Cost: one pass over the claim rows plus one over cluster items.
    """
    # 1. clusters
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

    # 2. cluster items: (cluster, k) -> claim rows (first row = earliest report)
    citems: dict[tuple[int, int], list[int]] = {}
    for r, (di, k) in enumerate(zip(claim_doc, claim_k, strict=True)):
        key = (doc_cluster[di], k)
        rows = citems.get(key)
        if rows is None:
            citems[key] = [r]
        else:
            rows.append(r)

    # 3. relay links between clusters
    uf = _UnionFind(len(cluster_keys))
    if len(cluster_keys) > 1:
        _merge_relays(docs, doc_dates, claims, claim_doc, claim_source, canonical, citems, uf)

    # 4. origins and items
    root_index: dict[int, int] = {}
    origin_members: list[list[int]] = []
    find = uf.find
    for ci in range(len(cluster_keys)):
        root = find(ci)
        o = root_index.get(root)
        if o is None:
            o = root_index[root] = len(origin_members)
            origin_members.append([ci])
        else:
            origin_members[o].append(ci)
    # cluster ids are assigned in date order, so sorted members are earliest first
    origin_clusters = [[cluster_keys[ci] for ci in sorted(members)] for members in origin_members]
    if len(origin_clusters) == len(cluster_keys):
        items = [(root_index[ci], k) for (ci, k) in citems]
        item_claims = list(citems.values())
    else:
        item_index: dict[tuple[int, int], int] = {}
        items = []
        item_claims = []
        for (ci, k), rows in citems.items():
            ok = (root_index[find(ci)], k)
            n = item_index.get(ok)
            if n is None:
                item_index[ok] = len(items)
                items.append(ok)
                item_claims.append(rows)
            else:
                item_claims[n] = sorted(item_claims[n] + rows)
    item_rep = [rows[0] for rows in item_claims]
    item_source = [claim_source[r] for r in item_rep]
    log.debug("%d clusters -> %d origins, %d items", len(cluster_keys), len(origin_clusters), len(items))
    return Groups(items, item_claims, item_rep, item_source, origin_clusters)


_NUMBERS = re.compile(r"\d+")


def _merge_relays(
    docs: Sequence[Evidence],
    doc_dates: Sequence[tuple[int, int]],
    claims: Sequence[Any],
    claim_doc: Sequence[int],
    claim_source: Sequence[str | None],
    canonical: Callable[[str], str],
    citems: dict[tuple[int, int], list[int]],
    uf: _UnionFind,
) -> None:
    """Union clusters whose items relay the same source (module rule, step 2).

    Each cluster item is represented by its earliest claim (copies in a
    cluster carry the same report).
    """
    exact: dict[tuple[Any, ...], list[tuple[int, int, int]]] = {}
    fuzzy: dict[tuple[Any, ...], list[tuple[int, int, int, str]]] = {}
    canon_cache: dict[str, str] = {}
    norm_cache: dict[str, str] = {}
    for (ci, k), rows in citems.items():
        rep = rows[0]
        di = claim_doc[rep]
        day, slack = doc_dates[di]
        if day >= _UNDATED:
            continue
        raw = claim_source[rep]
        if not raw:
            continue
        src = canon_cache.get(raw)
        if src is None:
            src = canon_cache[raw] = canonical(raw)
        c = claims[rep]
        text = c.text
        norm = norm_cache.get(text)
        if norm is None:
            norm = norm_cache[text] = normalise_sentence(text)
        entry = (day, slack, ci)
        key: tuple[Any, ...] = (src, k, "s", norm)
        bucket = exact.get(key)
        if bucket is None:
            exact[key] = [entry]
        else:
            bucket.append(entry)
        quantities = docs[di].quantities
        if quantities:
            cs, ce = c.start, c.end
            for q in quantities:
                if q.start < 0 or (q.start >= cs and q.end <= ce):
                    exact.setdefault((src, k, "q", q.unit, round(float(q.value), 6)), []).append(entry)
        if _ratio is not None:
            fb = fuzzy.get((src, k))
            if fb is None:
                fuzzy[(src, k)] = [(day, slack, ci, norm)]
            else:
                fb.append((day, slack, ci, norm))

    union = uf.union
    for entries in exact.values():
        if len(entries) < 2:
            continue
        entries.sort()
        for (d1, s1, c1), (d2, s2, c2) in zip(entries, entries[1:], strict=False):
            if d2 - d1 <= RELAY_WINDOW_DAYS + max(s1, s2):
                union(c1, c2)

    find = uf.find
    for entries in fuzzy.values():
        if len(entries) < 2:
            continue
        entries.sort(key=lambda t: (t[0], t[2]))
        for i in range(1, len(entries)):
            d2, s2, c2, n2 = entries[i]
            for j in range(i - 1, max(-1, i - 1 - FUZZY_NEIGHBOURS), -1):
                d1, s1, c1, n1 = entries[j]
                if d2 - d1 > RELAY_WINDOW_DAYS + max(s1, s2):
                    break
                if n1 == n2 or find(c1) == find(c2):
                    continue
                if _ratio(n1, n2, score_cutoff=NEAR_IDENTICAL) and _NUMBERS.findall(n1) == _NUMBERS.findall(n2):
                    union(c1, c2)
