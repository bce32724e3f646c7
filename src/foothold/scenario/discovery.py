"""Scenario discovery: which input ranges lead to a hypothesis (PRIM, in NumPy).

Patient Rule Induction Method (Friedman and Fisher 1999), as used in the EMA
Workbench: start from the box holding every run; repeatedly peel off the
``alpha`` share of runs at the low or high end of one input, choosing the peel
that raises the share of runs of interest (density) the most; stop when the box
holds fewer than ``min_support`` of all runs.  From that trajectory the box with
the highest density whose coverage (share of all runs of interest inside it) is
at least ``min_coverage`` is kept; restrictions that barely change density are
dropped so rules stay short.  Then the covered runs are removed and the search
repeats for up to ``max_boxes`` boxes.

A box is only reported when it raises the share of runs of interest clearly
above the base rate (the share among all runs): its lift, density / base rate,
must be at least ``min_lift`` (default 1.2).  A box at the base rate says
nothing about which inputs matter; when none qualifies the result is empty and
:func:`no_box_message` says so plainly.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .params import get_parameter

log = logging.getLogger(__name__)

#: Smallest lift (box density / base rate) for a box to be reported.
MIN_LIFT = 1.2


@dataclass(slots=True)
class Box:
    """A box of input ranges and how well it picks out the runs of interest.

    Attributes:
        limits: ``{name: (low, high)}`` for restricted inputs only.
        density: share of runs in the box that are of interest.
        coverage: share of all runs of interest that are in the box.
        support: share of all runs in the box.
        outcome: label of the outcome (e.g. ``"h_foothold"``).
        lift: density over the base rate (share of runs of interest among all runs).
    """

    limits: dict[str, tuple[float, float]]
    density: float
    coverage: float
    support: float
    outcome: str = "h_foothold"
    bounds: dict[str, tuple[float, float]] = field(default_factory=dict)
    lift: float = float("nan")

    def rule(self, digits: int = 2) -> str:
        """The box as a plain rule, e.g. ``"a < 0.35 AND b > 0.6 → h_foothold in 71% of runs (coverage 64%)"``."""
        def fmt(v: float) -> str:
            return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.{digits}f}"

        parts = []
        for name, (lo, hi) in self.limits.items():
            blo, bhi = self.bounds.get(name, (-np.inf, np.inf))
            slack = 0.01 * (bhi - blo) if np.isfinite(bhi - blo) else 0.0
            has_lo, has_hi = lo > blo + slack, hi < bhi - slack
            if has_lo and has_hi:
                parts.append(f"{fmt(lo)} < {name} < {fmt(hi)}")
            elif has_lo:
                parts.append(f"{name} > {fmt(lo)}")
            elif has_hi:
                parts.append(f"{name} < {fmt(hi)}")
        cond = " AND ".join(parts) if parts else "(any inputs)"
        lift = f", {self.lift:.1f}× the base rate" if np.isfinite(self.lift) else ""
        return (f"{cond} → {self.outcome} in {self.density:.0%} of runs "
                f"(coverage {self.coverage:.0%}, support {self.support:.0%}{lift})")


def _in_box(x: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    return np.all((x >= lo) & (x <= hi), axis=1)


def peel(x: np.ndarray, y: np.ndarray, alpha: float = 0.05, min_support: float = 0.05
         ) -> list[tuple[np.ndarray, np.ndarray, float, float, float]]:
    """PRIM peeling trajectory.

    Args:
        x: inputs, shape ``(n, d)``; y: bool, shape ``(n,)``.

    Returns:
        list of ``(lo, hi, density, coverage, support)`` from the full box inwards.
    """
    n, d = x.shape
    total = max(int(y.sum()), 1)
    lo, hi = x.min(axis=0).astype(float), x.max(axis=0).astype(float)
    inside = np.ones(n, dtype=bool)
    traj = [(lo.copy(), hi.copy(), y.mean(), y.sum() / total, 1.0)]
    while inside.mean() > min_support:
        xi, yi = x[inside], y[inside]
        best = None
        for j in range(d):
            for side in (0, 1):
                q = np.quantile(xi[:, j], alpha if side == 0 else 1 - alpha)
                keep = xi[:, j] > q if side == 0 else xi[:, j] < q
                if keep.all() or keep.sum() < 1:
                    continue
                dens = yi[keep].mean()
                if best is None or dens > best[0]:
                    best = (dens, j, side, q)
        if best is None:
            break
        _, j, side, q = best
        if side == 0:
            lo[j] = q
            inside &= x[:, j] > q
        else:
            hi[j] = q
            inside &= x[:, j] < q
        if inside.sum() == 0:
            break
        traj.append((lo.copy(), hi.copy(), y[inside].mean(), y[inside].sum() / total, inside.mean()))
    return traj


def _simplify(x, y, lo, hi, full_lo, full_hi, tol, max_restrictions):
    """Drop restrictions whose removal costs less than ``tol`` density; keep at most ``max_restrictions``."""
    lo, hi = lo.copy(), hi.copy()
    while True:
        restricted = [j for j in range(x.shape[1]) if lo[j] > full_lo[j] or hi[j] < full_hi[j]]
        if not restricted:
            return lo, hi
        dens = y[_in_box(x, lo, hi)].mean()
        losses = []
        for j in restricted:
            lo2, hi2 = lo.copy(), hi.copy()
            lo2[j], hi2[j] = full_lo[j], full_hi[j]
            losses.append((dens - y[_in_box(x, lo2, hi2)].mean(), j))
        loss, j = min(losses)
        if loss < tol or len(restricted) > max_restrictions:
            lo[j], hi[j] = full_lo[j], full_hi[j]
        else:
            return lo, hi


def prim(x: np.ndarray, y: np.ndarray, names: Sequence[str], *, outcome: str = "h_foothold",
         alpha: float = 0.05, min_support: float = 0.05, min_coverage: float = 0.4,
         max_boxes: int = 2, drop_tolerance: float = 0.02, max_restrictions: int = 4,
         min_lift: float | None = None) -> list[Box]:
    """Find up to ``max_boxes`` boxes of inputs where ``y`` is concentrated.

    Args:
        x: inputs, shape ``(n, d)`` (columns named by ``names``); y: bool, shape ``(n,)``.
        min_coverage: smallest coverage a chosen box may have (of the runs still uncovered).
        min_lift: a box is kept only if its density is at least ``min_lift`` times the
            base rate ``y.mean()``; the search stops at the first box that is not.
            None: :data:`MIN_LIFT`.  A box that restricts no input is never kept.
        drop_tolerance: a restriction is dropped if removing it lowers density by less.
        max_restrictions: at most this many inputs are restricted (the ones whose
            removal would cost the most density are kept).

    Returns:
        boxes, best first; empty if ``y`` has no positives or no box reaches ``min_lift``.

    Raises:
        ValueError: if shapes disagree or ``min_lift`` is not positive.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=bool)
    if x.ndim != 2 or x.shape[0] != y.shape[0] or x.shape[1] != len(names):
        raise ValueError("x must be (n, d) with n = len(y) and d = len(names)")
    if min_lift is None:
        min_lift = MIN_LIFT
    if not min_lift > 0:
        raise ValueError(f"min_lift must be positive, got {min_lift!r}")
    base = float(y.mean()) if len(y) else 0.0
    bounds = {}
    for j, n in enumerate(names):
        try:
            p = get_parameter(n)
            bounds[n] = (p.low, p.high)
        except KeyError:
            bounds[n] = (float(x[:, j].min()), float(x[:, j].max()))
    n_total_pos = int(y.sum())
    boxes: list[Box] = []
    remaining = np.ones(len(y), dtype=bool)
    full_lo, full_hi = x.min(axis=0), x.max(axis=0)
    for _ in range(max_boxes):
        xr, yr = x[remaining], y[remaining]
        if yr.sum() == 0:
            break
        traj = peel(xr, yr, alpha, min_support)
        ok = [t for t in traj if t[3] >= min_coverage] or traj[:1]
        lo, hi, *_ = max(ok, key=lambda t: t[2])
        lo, hi = lo.copy(), hi.copy()
        lo, hi = _simplify(xr, yr, lo, hi, full_lo, full_hi, drop_tolerance, max_restrictions)
        inb = _in_box(xr, lo, hi)
        if inb.sum() == 0:
            break
        limits = {names[j]: (float(lo[j]), float(hi[j])) for j in range(x.shape[1])
                  if lo[j] > full_lo[j] or hi[j] < full_hi[j]}
        box_bounds = {n: (float(full_lo[j]), float(full_hi[j])) for j, n in enumerate(names)}
        density = float(yr[inb].mean())
        lift = density / base if base > 0 else float("inf")
        if not limits or lift < min_lift:
            log.info("PRIM box dropped: density %.3f is %.2f× the base rate %.3f (need %.2f×)",
                     density, lift, base, min_lift)
            break
        boxes.append(Box(limits, density, float(yr[inb].sum() / max(n_total_pos, 1)),
                         float(inb.sum() / len(y)), outcome, box_bounds, lift))
        idx = np.flatnonzero(remaining)
        remaining[idx[inb]] = False
    return boxes


def base_rate(sweep_result, hypothesis: str = "h_foothold") -> float:
    """Share of a sweep's runs that end in ``hypothesis``."""
    from .model import HYPOTHESES

    y = np.asarray(sweep_result.hypothesis) == HYPOTHESES.index(hypothesis)
    return float(y.mean()) if y.size else 0.0


def no_box_message(hypothesis: str, base: float) -> str:
    """What to say when no box qualifies: "no input region raises h_foothold clearly above its base rate of 31%"."""
    return f"no input region raises {hypothesis} clearly above its base rate of {base:.0%}"


def discover(sweep_result, hypothesis: str = "h_foothold", **kwargs) -> list[Box]:
    """PRIM boxes for ``hypothesis`` over a :class:`~foothold.scenario.sweep.SweepResult`.

    Keyword arguments go to :func:`prim` (``min_lift`` among them); an empty
    list means no box beats the base rate clearly (see :func:`no_box_message`).
    """
    from .model import HYPOTHESES

    y = sweep_result.hypothesis == HYPOTHESES.index(hypothesis)
    return prim(sweep_result.x, y, sweep_result.names, outcome=hypothesis, **kwargs)
