"""Calibration check: modelled history against reported public figures.

This is a prior-predictive check, not a fit: the parameter ranges are drawn as
in :func:`~foothold.scenario.simulate.simulate`, the model's history is computed,
and its median and 90% interval (5th–95th percentile) are set against each
reported figure.  A figure is *covered* when it lies inside the interval (point
values), when the interval overlaps the reported range (conflicting sources), or
when the interval reaches the bound (lower bounds).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from .model import history
from .params import HISTORY_YEARS, sample_parameters
from .simulate import BLOCK_SIZE, SimulationResult, block_seeds

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reported:
    """A reported figure.  ``kind`` is ``"point"``, ``"range"`` (conflicting sources) or ``"lower_bound"``."""

    quantity: str
    year: int
    value: float
    low: float
    high: float
    kind: Literal["point", "range", "lower_bound"]
    unit: str
    source: str


REPORTED: tuple[Reported, ...] = (
    Reported("dprk_entries", 2023, 1_117, 1_117, 1_117, "point", "persons",
             "facts R10 (RFA citing Rosstat: 1,117 in 2023); R06 (FSB: 'more than 1,000'); market §5"),
    Reported("dprk_entries", 2024, 13_221, 13_221, 13_221, "point", "persons",
             "facts R10 (RFA citing Rosstat: 13,221, of which 7,887 'education'); market §5. "
             "[conflict] ~7,800 (Vedomosti column citing FSB, R17) is probably the study subset"),
    Reported("chinese_car_share", 2022, 0.192, 0.165, 0.192, "range", "fraction",
             "market §1b (Autostat/PPK 19.2%); facts R55 (AEB: Chery, Great Wall, Geely 16.5%)"),
    Reported("chinese_car_share", 2023, 0.430, 0.430, 1.0, "lower_bound", "fraction",
             "market §1b (six named Chinese brands 43.0% [derived], lower bound; >50% from Jul 2023)"),
    Reported("chinese_car_share", 2024, 0.587, 0.58, 0.63, "range", "fraction",
             "market §1b (rb.ru/Avtostels 58.7%); facts R58 (58.5%), R59 (58%), R57 (63%)"),
    Reported("chinese_car_share", 2025, 0.517, 0.51, 0.52, "range", "fraction",
             "facts R58 (Autostat via Kommersant 51.7%), R59 (Gazprombank 51%); market §1b (52%)"),
)


def _covered(rep: Reported, q05: float, q95: float) -> bool:
    if rep.kind == "point":
        return q05 <= rep.value <= q95
    if rep.kind == "range":
        return q05 <= rep.high and rep.low <= q95
    return q95 >= rep.low


def model_history(runs: int, seed: int) -> dict[str, np.ndarray]:
    """History of ``runs`` Monte Carlo draws with the same streams as ``simulate(runs, seed)``."""
    n_blocks = math.ceil(runs / BLOCK_SIZE)
    parts = []
    for i, child in enumerate(block_seeds(seed, n_blocks)):
        n = min(BLOCK_SIZE, runs - i * BLOCK_SIZE)
        gp, gd = (np.random.default_rng(s) for s in child.spawn(2))
        parts.append(history(sample_parameters(n, gp), gd))
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def calibrate(result: SimulationResult | None = None, *, runs: int = 2_000, seed: int = 0) -> list[dict[str, Any]]:
    """Compare modelled history with :data:`REPORTED`.

    Args:
        result: a finished simulation (its history is used); if None, ``runs`` draws
            with ``seed`` are made (history only, fast).

    Returns:
        one dict per reported figure: ``quantity, year, unit, reported, reported_low,
        reported_high, kind, model_q05, model_median, model_q95, covered, source``.
    """
    hist = result.outputs if result is not None else model_history(runs, seed)
    rows: list[dict[str, Any]] = []
    for rep in REPORTED:
        if rep.quantity == "dprk_entries":
            x = hist["entries"][:, rep.year - 2023]
        else:
            x = hist["china_share"][:, HISTORY_YEARS.index(rep.year)]
        q05, q50, q95 = (float(v) for v in np.quantile(x, (0.05, 0.5, 0.95)))
        rows.append({"quantity": rep.quantity, "year": rep.year, "unit": rep.unit,
                     "reported": rep.value, "reported_low": rep.low, "reported_high": rep.high,
                     "kind": rep.kind, "model_q05": q05, "model_median": q50, "model_q95": q95,
                     "covered": _covered(rep, q05, q95), "source": rep.source})
    n_cov = sum(r["covered"] for r in rows)
    log.info("calibration: %d of %d reported figures covered by the 90%% interval", n_cov, len(rows))
    return rows
