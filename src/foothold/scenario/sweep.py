"""Sweeps over the uncertainties: Latin hypercube and Sobol designs, the enforcement sweep.

A sweep runs one replication at each design point (EMA Workbench's
"experiments"); scenario discovery (:mod:`foothold.scenario.discovery`) then asks
which input ranges lead to ``h_foothold``.  The enforcement question is answered
by a one-dimensional sweep, not by an optimiser.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from .model import HYPOTHESES
from .params import PARAMETER_INDEX, PARAMETER_NAMES, PARAMETERS, get_parameter
from .simulate import DEFAULT_FIRMS, evaluate_design, simulate, wilson_interval

log = logging.getLogger(__name__)

Method = Literal["lhs", "sobol"]


@dataclass(slots=True)
class SweepResult:
    """A sweep: design ``x`` (shape ``(n, d)`` over ``names``), full parameters and outputs.

    Attributes:
        method, seed: how the design was made.
        names: swept parameter names (columns of ``x``).
        x: swept values, shape ``(n, d)``.
        outputs: per-run outputs of :func:`~foothold.scenario.model.run_block` plus ``params``.
    """

    method: str
    seed: int
    names: tuple[str, ...]
    x: np.ndarray
    outputs: dict[str, np.ndarray]

    @property
    def hypothesis(self) -> np.ndarray:
        """Hypothesis index per design point, shape ``(n,)``."""
        return self.outputs["hypothesis"]

    def probabilities(self) -> dict[str, float]:
        """Share of design points ending in each hypothesis."""
        return {h: float(np.mean(self.hypothesis == i)) for i, h in enumerate(HYPOTHESES)}


def unit_design(method: Method, n: int, d: int, seed: int) -> np.ndarray:
    """A design in the unit hypercube, shape ``(n', d)``.

    ``lhs``: ``scipy.stats.qmc.LatinHypercube`` with ``n' = n``.  ``sobol``: scrambled
    ``scipy.stats.qmc.Sobol`` with ``n'`` = ``n`` rounded up to a power of two (Sobol
    balance properties need it).  Raises ValueError for an unknown method or ``n < 2``.
    """
    if n < 2:
        raise ValueError("a sweep needs at least 2 samples")
    rng = np.random.default_rng(np.random.SeedSequence(seed).spawn(1)[0])
    if method == "lhs":
        from scipy.stats import qmc  # imported here: scipy.stats costs a second at start-up

        return qmc.LatinHypercube(d=d, seed=rng).random(n)
    if method == "sobol":
        m = math.ceil(math.log2(n))
        if 2**m != n:
            log.info("sobol: %d samples rounded up to %d", n, 2**m)
        from scipy.stats import qmc

        return qmc.Sobol(d=d, scramble=True, seed=rng).random_base2(m)
    raise ValueError(f"unknown sampling method {method!r}; use 'lhs' or 'sobol'")


def sweep(method: Method = "lhs", samples: int = 1_000, seed: int = 0, *,
          names: Sequence[str] | None = None, fixed: dict[str, float] | None = None,
          n_firms: int = DEFAULT_FIRMS, scheduler: Any = None) -> SweepResult:
    """Sweep the parameters ``names`` (default: all uncertainties and levers) over their ranges.

    Parameters not swept are held at their defaults (or at ``fixed``).  One replication
    per design point; dynamics seeded from ``SeedSequence(seed)`` block by block.

    Raises:
        KeyError: for an unknown parameter name.
    """
    fixed = dict(fixed or {})
    if names is None:
        names = [p.name for p in PARAMETERS if p.kind != "calibration" and p.name not in fixed]
    names = tuple(names)
    for n in names:
        get_parameter(n)
    unit = unit_design(method, samples, len(names), seed)
    x = np.empty_like(unit)
    for j, n in enumerate(names):
        x[:, j] = get_parameter(n).ppf(unit[:, j])
    full = np.tile([p.default for p in PARAMETERS], (len(x), 1))
    for n, v in fixed.items():
        full[:, PARAMETER_INDEX[get_parameter(n).name]] = v
    for j, n in enumerate(names):
        full[:, PARAMETER_INDEX[n]] = x[:, j]
    outputs = evaluate_design(full, seed, n_firms=n_firms, scheduler=scheduler)
    log.info("sweep %s: %d points over %d parameters", method, len(x), len(names))
    return SweepResult(method, seed, names, x, outputs)


def enforcement_sweep(levels: Sequence[float] | None = None, runs: int = 1_000, seed: int = 0, *,
                      threshold: float = 0.10, n_firms: int = DEFAULT_FIRMS,
                      scheduler: Any = None) -> dict[str, Any]:
    """P(h_foothold) at each enforcement intensity, other inputs drawn as in ``simulate``.

    Every level uses the same seed, so the other parameters and the random streams
    are common across levels (common random numbers): differences between levels
    come from enforcement alone.

    Returns:
        ``{"levels": [{"enforcement_intensity", "p_foothold", "interval"}], "threshold",
        "lowest_level_below": level or None, "lowest_level_below_upper": level or None}``
        where ``lowest_level_below`` is the lowest level whose estimate is below the
        threshold and ``lowest_level_below_upper`` the lowest whose 95% Wilson upper
        bound is also below it.
    """
    grid = [float(v) for v in (np.round(np.linspace(0.0, 1.0, 11), 2) if levels is None else levels)]
    rows: list[dict[str, Any]] = []
    for lv in grid:
        res = simulate(runs, seed, n_firms=n_firms, fixed={"enforcement_intensity": float(lv)},
                       scheduler=scheduler)
        k = int(np.sum(res.hypothesis == 0))
        lo, hi = wilson_interval(k, runs)
        rows.append({"enforcement_intensity": float(lv), "p_foothold": k / runs, "interval": [lo, hi]})
    below = [float(r["enforcement_intensity"]) for r in rows if r["p_foothold"] < threshold]
    below_hi = [float(r["enforcement_intensity"]) for r in rows if r["interval"][1] < threshold]
    return {"levels": rows, "threshold": threshold, "runs_per_level": runs, "seed": seed,
            "lowest_level_below": min(below) if below else None,
            "lowest_level_below_upper": min(below_hi) if below_hi else None}


__all__ = ["SweepResult", "enforcement_sweep", "sweep", "unit_design", "PARAMETER_NAMES"]
