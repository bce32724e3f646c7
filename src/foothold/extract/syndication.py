"""Syndication clusters: documents that carry the same original report share an id.

A wire story is copied, rewritten, translated and wrapped in other sites'
boilerplate; counting each copy as independent evidence would inflate it. This
module links such copies and gives every group one cluster id.

Method (two rules, union-find over the accepted pairs):

1. **Near-copies.** Each body is normalised (NFKC, lower case, thousands
   separators dropped so "1,000" and "1000" agree, numbers kept) and cut into
   word 3-shingles (CJK text without spaces is cut into character shingles).
   MinHash signatures (64 multiply-shift hash functions, vectorised in numpy)
   are banded with the band count and width that ``datasketch.MinHashLSH``
   finds optimal for a low Jaccard threshold (0.3); documents colliding in a
   band are candidates, so not all pairs are compared. A candidate is
   accepted when the exact shingle Jaccard is at least ``JACCARD_MIN`` or the
   containment (overlap over the smaller set) is at least ``CONTAINMENT_MIN``
   (a copy padded with other boilerplate). This is the standard
   shingling + MinHash/LSH near-duplicate method (Broder 1997; Leskovec,
   Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3).
2. **Rewrites.** Rewrites of one announcement share its specific figures but
   not its wording. Two documents in the same language are linked when they were
   published within ``DATE_WINDOW_DAYS`` of each other, share at least two
   non-trivial ``(value, unit)`` quantities, at least one attribution and at
   least one ``(indicator, polarity)`` pair (when either date is unknown, three
   shared quantities are required instead of the window). Documents in different languages
   (translations) are linked on at least three shared quantities inside the
   date window, unless both name sources and none of them overlap. Two reports
   of one event from different original sources share figures but not
   sources, so they stay apart. Candidates come from an inverted index on
   ``(value, unit)`` keys; keys carried by very many documents are skipped.

Ids are deterministic and independent of input order: a document alone gets
``"s-" + doc_id[:12]``; a group gets ``"g-" + min(member doc_ids)[:12]``.
"""

from __future__ import annotations

import functools
import logging
import re
import string
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain
from typing import cast

import numpy as np
from datasketch import MinHashLSH

from foothold.model import Evidence
from foothold.unionfind import UnionFind

__all__ = [
    "assign_clusters",
    "Sketch",
    "sketch",
    "sketches",
    "shingles",
    "shingle_arrays",
    "shingle_hashes",
    "signatures",
    "normalise",
    "quantity_keys",
    "date_interval",
    "dates_within",
]

log = logging.getLogger(__name__)

SHINGLE_SIZE = 3
NUM_PERM = 64
LSH_THRESHOLD = 0.3
JACCARD_MIN = 0.5
CONTAINMENT_MIN = 0.8
MIN_SHINGLES = 8
DATE_WINDOW_DAYS = 10
MIN_SHARED_QUANTITIES = 2
MIN_SHARED_QUANTITIES_XLANG = 3
COMMON_KEY_FRACTION = 0.02
COMMON_KEY_FLOOR = 50

_COUNT_UNITS = {"person", "unit", "vehicle", "device"}
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f' ](?=\d{3}\b)")
_CJK = (
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # han
)
_HAS_CJK = re.compile(rf"[{_CJK}]")
_HAS_DIGIT_SEP = re.compile(r"\d[,\u00a0\u202f' ]\d")
_WORD = re.compile(r"[^\W_]+")
_ASCII_PUNCT = str.maketrans(dict.fromkeys(string.punctuation, " "))
_TOKEN = re.compile(rf"[{_CJK}]|\d+(?:\.\d+)?|[^\W\d_{_CJK}]+", re.UNICODE)


# ---------------------------------------------------------------------------
# text


def normalise(text: str) -> list[str]:
    """Tokens of ``text``: NFKC, lower case, "1,000" -> "1000", CJK characters one by one.

    Hangul syllables stay words (Korean is written with spaces); numbers are kept.
    """
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _HAS_CJK.search(text):
            return _TOKEN.findall(_THOUSANDS.sub("", text))
    if _HAS_DIGIT_SEP.search(text):
        text = _THOUSANDS.sub("", text)
    if text.isascii():  # fast path: punctuation to spaces, then split
        return text.translate(_ASCII_PUNCT).split()
    return _WORD.findall(text)


def shingles(text: str, k: int = SHINGLE_SIZE) -> set[str]:
    """The set of word ``k``-shingles of ``text`` (joined by spaces); a short text gives its tokens.

    Returns an empty set for an empty text. (Readable form of :func:`shingle_hashes`.)
    """
    tokens = normalise(text)
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


_PAD = "\x00"
_MUL = np.uint64(0x100000001B3)
_AVAL = np.uint64(0xFF51AFD7ED558CCD)


def shingle_arrays(texts: Sequence[str], k: int = SHINGLE_SIZE) -> list[np.ndarray]:
    """Hashes (uint64 arrays) of the word ``k``-shingles of each text, for many texts at once.

    Tokens (see :func:`normalise`) are hashed with CRC-32, which is stable
    across runs (unlike ``hash`` of a string), once per distinct token; the
    shingle hashes are then computed for all texts together in numpy (a
    multiply-xor chain over the ``k`` token hashes, then a final avalanche).
    A text with fewer than ``k`` tokens gives one shingle; an empty text an
    empty array. Arrays may repeat a value when a shingle repeats.
    """
    token_lists = [normalise(t) for t in texts]
    for toks in token_lists:
        if 0 < len(toks) < k:
            toks.extend([_PAD] * (k - len(toks)))
    lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    flat = list(chain.from_iterable(token_lists))
    if not flat:
        return [np.zeros(0, dtype=np.uint64) for _ in token_lists]
    cache = {tok: zlib.crc32(tok.encode("utf-8")) for tok in set(flat)}
    th = np.fromiter(map(cache.__getitem__, flat), dtype=np.uint64, count=len(flat))
    m = len(flat) - k + 1
    with np.errstate(over="ignore"):
        h = th[:m].copy()
        for j in range(1, k):
            h = (h * _MUL) ^ th[j : j + m]
        h ^= h >> np.uint64(33)
        h *= _AVAL
        h ^= h >> np.uint64(33)
    counts = np.maximum(lengths - k + 1, 0)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    out = []
    for st, cnt in zip(starts.tolist(), counts.tolist(), strict=True):
        out.append(h[st : st + cnt])
    return out


def shingle_hashes(text: str, k: int = SHINGLE_SIZE) -> np.ndarray:
    """Unique hashes (sorted uint64 array) of the word ``k``-shingles of one text.

    See :func:`shingle_arrays`; returns an empty array for an empty text.
    """
    return np.unique(shingle_arrays([text], k)[0])


def _body(ev: Evidence) -> str:
    doc = ev.document
    body = doc.body if doc.title_end else doc.text
    return body or doc.text or ""


# ---------------------------------------------------------------------------
# dates and quantities


@functools.lru_cache(maxsize=8192)
def date_interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day covered by a partial ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``).

    Returns None for None or an unparseable value.
    """
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            month = int(m.group(2))
            start = date(year, month, 1)
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return start, nxt - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def dates_within(a: str | None, b: str | None, days: int = DATE_WINDOW_DAYS) -> bool | None:
    """Whether two partial dates can be at most ``days`` apart; None when either is unknown."""
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return None
    gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
    return gap <= days


def _trivial(value: float, unit: str) -> bool:
    if value <= 0:
        return True
    if unit in _COUNT_UNITS and value <= 10:
        return True
    if unit == "percent" and value in (50.0, 100.0):
        return True
    return False


def quantity_keys(ev: Evidence) -> set[tuple[float, str]]:
    """The non-trivial ``(value, unit)`` keys of an Evidence's quantities (values rounded to 6 places).

    Trivial: zero or negative values, counts of ten or fewer, 50% and 100%.
    """
    keys: set[tuple[float, str]] = set()
    for q in ev.quantities:
        try:
            value = round(float(q.value), 6)
        except (TypeError, ValueError):
            continue
        if not _trivial(value, q.unit):
            keys.add((value, q.unit))
    return keys


def _norm_name(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


# ---------------------------------------------------------------------------
# union-find


_SHIFT = np.uint64(32)
_MAX_HASH = np.uint64((1 << 32) - 1)
MAX_BUCKET = 64


@functools.lru_cache(maxsize=4)
def _hash_params(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` coefficients of the ``num_perm`` multiply-shift hash functions for ``seed``."""
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 2**64, size=num_perm, dtype=np.uint64, endpoint=False) | np.uint64(1)
    b = rng.integers(0, 2**64, size=num_perm, dtype=np.uint64, endpoint=False)
    a.flags.writeable = False
    b.flags.writeable = False
    return a, b


def signatures(arrays: Sequence[np.ndarray], num_perm: int = NUM_PERM, seed: int = 1) -> np.ndarray:
    """MinHash signatures, one row per shingle-hash array (``len(arrays)`` x ``num_perm`` uint64).

    Each of the ``num_perm`` hash functions is a multiply-shift hash,
    ``((a * h + b) mod 2^64) >> 32`` with a random odd 64-bit ``a`` and a
    random 64-bit ``b`` (Dietzfelbinger et al. 1997) drawn from a fixed seed.
    All arrays are processed together (``np.minimum.reduceat`` over the
    concatenation), which is what makes 10,000 documents cheap; this is the
    estimator of ``datasketch.MinHash`` without its per-item Python hashing.
    An empty array gives a row of ``2^32 - 1``.
    """
    a, b = _hash_params(num_perm, seed)
    out = np.full((len(arrays), num_perm), _MAX_HASH, dtype=np.uint64)
    nonempty = [i for i, hv in enumerate(arrays) if len(hv)]
    if not nonempty:
        return out
    allh = np.concatenate([arrays[i] for i in nonempty])
    lengths = np.fromiter((len(arrays[i]) for i in nonempty), dtype=np.int64, count=len(nonempty))
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    rows = np.asarray(nonempty)
    with np.errstate(over="ignore"):
        for p in range(num_perm):
            ph = (allh * a[p] + b[p]) >> _SHIFT
            out[rows, p] = np.minimum.reduceat(ph, offsets)
    return out


def _lsh_candidates(sig: np.ndarray, threshold: float = LSH_THRESHOLD) -> set[tuple[int, int]]:
    """Candidate pairs (i < j, row indices of ``sig``) that collide in at least one LSH band.

    The band count and width are ``datasketch.MinHashLSH``'s optimum for
    ``threshold``; each band is reduced to one 64-bit key in numpy and rows are
    grouped by sorting the keys. A bucket larger than ``MAX_BUCKET`` (mass
    duplicates) pairs each member with its first member only, which still
    links a duplicate group.
    """
    n, num_perm = sig.shape
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    bands, rows = lsh.b, lsh.r
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        block = sig[:, band * rows : (band + 1) * rows]
        key = np.full(n, np.uint64(band + 1), dtype=np.uint64)
        for c in range(rows):
            key = (key ^ block[:, c]) * np.uint64(0x100000001B3)
            key ^= key >> np.uint64(31)
        order = np.argsort(key, kind="stable")
        sk = key[order]
        bounds = np.flatnonzero(np.diff(sk)) + 1
        starts = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [n]))
        for st, en in zip(
            starts[(ends - starts) > 1].tolist(), ends[(ends - starts) > 1].tolist(), strict=True
        ):
            members = sorted(order[st:en].tolist())
            if len(members) > MAX_BUCKET:
                first = members[0]
                pairs.update((first, m) for m in members[1:])
                continue
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    pairs.add((members[x], members[y]))
    return pairs


@dataclass(frozen=True, slots=True)
class Sketch:
    """What near-copy detection needs of one document, computable where it was extracted.

    Attributes:
        shingles: the distinct shingle hashes of the body (sorted uint64 array).
        count: the number of shingles counting repeats (the body's token count
            minus ``SHINGLE_SIZE - 1``); a body with fewer than ``MIN_SHINGLES``
            takes no part in near-copy detection.
        signature: the MinHash signature (``NUM_PERM`` uint64), or None when
            ``count < MIN_SHINGLES``.
    """

    shingles: np.ndarray
    count: int
    signature: np.ndarray | None


def _make_sketch(hashes: np.ndarray, signature: np.ndarray | None = None) -> Sketch:
    if len(hashes) < MIN_SHINGLES:
        return Sketch(np.unique(hashes), len(hashes), None)
    if signature is None:
        a, b = _hash_params(NUM_PERM, 1)
        with np.errstate(over="ignore"):
            signature = ((hashes[:, None] * a + b) >> _SHIFT).min(axis=0)
    return Sketch(np.unique(hashes), len(hashes), signature)


def sketch(evidence: Evidence) -> Sketch:
    """The :class:`Sketch` of one document's body (same values as :func:`sketches` gives).

    Runs in extraction workers, so that the parent's clustering pass only bands
    and verifies. Cost: one tokenisation of the body and a ``shingles x NUM_PERM``
    array of multiply-shift hashes (about 0.1 ms for a 600-word report).
    """
    return _make_sketch(shingle_arrays([_body(evidence)])[0])


def sketches(evidence: Sequence[Evidence]) -> list[Sketch]:
    """The :class:`Sketch` of every document, computed together (faster per document in one process)."""
    arrays = shingle_arrays([_body(ev) for ev in evidence])
    usable = [i for i, a in enumerate(arrays) if len(a) >= MIN_SHINGLES]
    sig = signatures([arrays[i] for i in usable]) if usable else None
    rows = dict(zip(usable, range(len(usable)), strict=True))
    out = []
    for i, hashes in enumerate(arrays):
        r = rows.get(i)
        out.append(_make_sketch(hashes, sig[r] if sig is not None and r is not None else None))
    return out


def _near_copy_pairs(
    found: Sequence[Sketch], uf: UnionFind | None = None
) -> Iterable[tuple[int, int]]:
    """Pairs of documents whose shingle sets are near-duplicates (MinHash LSH + exact check).

    With ``uf``, a candidate pair already in one set of ``uf`` is skipped without the
    exact check: linking it again would change nothing (the caller unions each pair
    yielded before asking for the next).
    """
    usable = [i for i, sk in enumerate(found) if sk.signature is not None]
    if len(usable) < 2:
        return
    sig = np.vstack([cast(np.ndarray, found[i].signature) for i in usable])

    for x, y in sorted(_lsh_candidates(sig)):
        i, j = usable[x], usable[y]
        if uf is not None and uf.find(i) == uf.find(j):
            continue
        a, b = found[i].shingles, found[j].shingles
        inter = len(np.intersect1d(a, b, assume_unique=True))
        if not inter:
            continue
        jacc = inter / (len(a) + len(b) - inter)
        contain = inter / min(len(a), len(b))
        if jacc >= JACCARD_MIN or contain >= CONTAINMENT_MIN:
            log.debug("near-copy %d~%d jaccard=%.2f containment=%.2f", i, j, jacc, contain)
            yield i, j


def _rewrite_pairs(
    evidence: Sequence[Evidence], uf: UnionFind | None = None
) -> Iterable[tuple[int, int]]:
    """Pairs of documents that restate one original report (shared figures, sources, indicators).

    With ``uf``, a pair already in one set of ``uf`` is skipped (see :func:`_near_copy_pairs`).
    """
    n = len(evidence)
    keys = [quantity_keys(ev) for ev in evidence]
    postings: dict[tuple[float, str], list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            postings[k].append(i)
    limit = max(COMMON_KEY_FLOOR, int(COMMON_KEY_FRACTION * n))
    attrs = [{_norm_name(a) for a in ev.attributions if a} for ev in evidence]
    inds = [set(ev.indicators) for ev in evidence]
    langs = [(ev.document.language or "").lower() for ev in evidence]
    dates = [ev.document.published for ev in evidence]
    for i in range(n):
        shared: dict[int, int] = defaultdict(int)
        for k in keys[i]:
            plist = postings[k]
            if len(plist) > limit:
                continue
            for j in plist:
                if j > i:
                    shared[j] += 1
        for j, count in shared.items():
            if count < MIN_SHARED_QUANTITIES:
                continue
            if uf is not None and uf.find(i) == uf.find(j):
                continue  # already linked: another link would change nothing
            near = dates_within(dates[i], dates[j])
            same_lang = langs[i] == langs[j] or not langs[i] or not langs[j]
            attr_overlap = bool(attrs[i] & attrs[j])
            if same_lang:
                if not (attr_overlap and inds[i] & inds[j]):
                    continue
                # without dates, ask for one more shared figure instead
                if near is False or (near is None and count < MIN_SHARED_QUANTITIES + 1):
                    continue
            else:
                if count < MIN_SHARED_QUANTITIES_XLANG or near is not True:
                    continue
                if attrs[i] and attrs[j] and not attr_overlap:
                    continue
            log.debug("rewrite %d~%d shared_quantities=%d", i, j, count)
            yield i, j


# ---------------------------------------------------------------------------
# entry point


def assign_clusters(evidence: list[Evidence], precomputed: Sequence[Sketch | None] | None = None) -> None:
    """Set ``.cluster`` on each Evidence so that copies of one original report share an id.

    Args:
        evidence: the Evidence of one run (any order). Only ``document.text``/
            ``body``, ``document.published``/``language`` and the extracted
            ``quantities``, ``attributions`` and ``indicators`` are read.
        precomputed: optionally, each document's :class:`Sketch` (from :func:`sketch`,
            e.g. computed in extraction workers), aligned with ``evidence``; None
            entries, or no list, are computed here.

    Ids: ``"s-" + doc_id[:12]`` for a document alone, ``"g-" + min(doc_id)[:12]``
    over the members of a group; the result does not depend on input order.
    Exact duplicates (same normalised text, hence the same ``doc_id``) are
    always grouped. Never raises on empty or odd documents; an empty list is a no-op.
    Raises ValueError when ``precomputed`` is not as long as ``evidence``.
    See the module docstring for the method.
    """
    n = len(evidence)
    if n == 0:
        return
    uf = UnionFind(n)
    doc_ids = [ev.doc_id for ev in evidence]  # a SHA-256 each: compute once
    by_id: dict[str, int] = {}
    for i, doc_id in enumerate(doc_ids):
        first = by_id.setdefault(doc_id, i)
        if first != i:
            uf.union(first, i)
    found: list[Sketch | None] = list(precomputed) if precomputed is not None else [None] * n
    if len(found) != n:
        raise ValueError(f"{len(found)} sketches for {n} documents")
    missing = [i for i, sk in enumerate(found) if sk is None]
    for i, sk in zip(missing, sketches([evidence[i] for i in missing]), strict=True):
        found[i] = sk
    copies = sum(uf.union(i, j) for i, j in _near_copy_pairs(cast(list[Sketch], found), uf))
    rewrites = sum(uf.union(i, j) for i, j in _rewrite_pairs(evidence, uf))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    for members in groups.values():
        ids = sorted(doc_ids[i] for i in members)
        if len(members) == 1:
            evidence[members[0]].cluster = "s-" + ids[0][:12]
        else:
            cid = "g-" + ids[0][:12]
            for i in members:
                evidence[i].cluster = cid
    log.info(
        "syndication: %d documents, %d clusters (%d near-copy and %d rewrite links)",
        n,
        len(groups),
        copies,
        rewrites,
    )
