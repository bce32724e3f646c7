"""Monte Carlo over the scenario model: blocks, random streams, evaluators, summaries.

Random streams: ``SeedSequence(seed).spawn(n_blocks)`` gives one child per block of
``BLOCK_SIZE`` runs; each child spawns two grandchildren, one for the parameter
draws and one for the dynamics.  Blocks are the unit of work for every evaluator
(sequential, Dask), so the numbers depend only on ``seed``, ``runs``, ``n_firms``
and the inputs — never on how many workers ran them.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .model import HYPOTHESES, N_YEARS, SECTOR_IDS, run_block
from .params import PARAMETER_NAMES, YEARS, sample_parameters

log = logging.getLogger(__name__)

#: Runs per block (unit of work and of seeding).  Changing it changes the numbers.
BLOCK_SIZE = 250
#: Largest number of plant-runs (rows × plants) the kernel handles at once (cache-sized arrays).
CHUNK_ELEMENTS = 131_072
#: Plants per replication in the default model (see docs/scenario.md, "Plants").
DEFAULT_FIRMS = 300
#: Floor applied by :func:`priors_from_simulation` so no hypothesis gets prior 0.
PRIOR_FLOOR = 0.02
FAN_QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


# --------------------------------------------------------------------------------------
# blocks


def block_seeds(seed: int, n_blocks: int) -> list[np.random.SeedSequence]:
    """Children ``0..n_blocks-1`` of ``SeedSequence(seed)`` (child ``i`` never depends on ``n_blocks``)."""
    return np.random.SeedSequence(seed).spawn(n_blocks)


def run_chunked(params: np.ndarray, n_firms: int, seq: np.random.SeedSequence) -> dict[str, np.ndarray]:
    """Run a block's dynamics in row chunks of at most ``CHUNK_ELEMENTS`` plant-runs.

    Keeps the working arrays cache-sized when there are many plants.  With one chunk
    the stream is ``default_rng(seq)``; with several, chunk ``i`` uses ``seq.spawn(k)[i]``.
    The split depends only on ``len(params)`` and ``n_firms``, so results stay reproducible.
    """
    n = len(params)
    per = max(1, CHUNK_ELEMENTS // n_firms)
    k = math.ceil(n / per)
    if k <= 1:
        return run_block(params, n_firms, np.random.default_rng(seq))
    parts = [run_block(params[i * per:(i + 1) * per], n_firms, np.random.default_rng(c))
             for i, c in enumerate(seq.spawn(k))]
    return _concat(parts)


def run_sampled_block(child: np.random.SeedSequence, n_runs: int, n_firms: int,
                      fixed: Mapping[str, float] | None, vary: bool) -> dict[str, np.ndarray]:
    """One block of ``n_runs`` Monte Carlo runs with parameters drawn from their distributions."""
    sp, sd = child.spawn(2)
    params = sample_parameters(n_runs, np.random.default_rng(sp), fixed=fixed, vary=vary)
    out = run_chunked(params, n_firms, sd)
    out["params"] = params
    return out


def run_design_block(child: np.random.SeedSequence, params: np.ndarray, n_firms: int) -> dict[str, np.ndarray]:
    """One block of runs at given parameter vectors (``params`` shape ``(n, P)``)."""
    _, sd = child.spawn(2)
    out = run_chunked(np.asarray(params, dtype=float), n_firms, sd)
    out["params"] = np.asarray(params, dtype=float)
    return out


def _concat(parts: Sequence[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {k: np.concatenate([p[k] for p in parts], axis=0) for k in parts[0]}


def evaluate_blocks(tasks: Sequence[tuple[Callable[..., dict], tuple]], scheduler: Any = None) -> dict[str, np.ndarray]:
    """Run block tasks ``(function, args)`` and concatenate their outputs in order.

    Args:
        tasks: callables with arguments, one per block.
        scheduler: ``None``/``"none"`` (sequential, in process), ``"synchronous"``
            (Dask's synchronous scheduler), ``"threads"`` (Dask's threaded scheduler, 2 threads),
            ``"local"`` (a 2-worker Dask LocalCluster),
            a scheduler address such as ``"tcp://10.0.0.5:8786"``, or a
            ``distributed.Client``.

    Raises:
        ValueError: for an empty task list.
    """
    if not tasks:
        raise ValueError("no blocks to evaluate")
    if scheduler is None or scheduler == "none":
        return _concat([f(*a) for f, a in tasks])
    from .distributed import run_on_dask

    return _concat(run_on_dask(tasks, scheduler))


# --------------------------------------------------------------------------------------
# results


def wilson_interval(successes: int | np.ndarray, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion (default 95%).

    Returns ``(low, high)``; ``(0.0, 1.0)`` when ``n == 0``.
    """
    if n == 0:
        return 0.0, 1.0
    p = float(successes) / n
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(slots=True)
class SimulationResult:
    """Outputs of :func:`simulate` (per-run arrays plus run metadata).

    Attributes:
        seed, runs, n_firms: what was run.
        outputs: per-run arrays (see :func:`foothold.scenario.model.run_block`), plus
            ``params`` ``(runs, P)``.
        fixed: parameters held fixed; ``vary``: whether the rest were drawn.
        elapsed_s: wall time of the evaluation (seconds).
    """

    seed: int
    runs: int
    n_firms: int
    outputs: dict[str, np.ndarray]
    fixed: dict[str, float] = field(default_factory=dict)
    vary: bool = True
    elapsed_s: float = 0.0

    @property
    def hypothesis(self) -> np.ndarray:
        """Hypothesis index per run, shape ``(runs,)``."""
        return self.outputs["hypothesis"]

    def hypothesis_probabilities(self) -> list[dict[str, Any]]:
        """``[{"id", "probability", "interval": [lo, hi], "runs"}]`` with 95% Wilson intervals."""
        counts = np.bincount(self.hypothesis.astype(int), minlength=len(HYPOTHESES))
        rows = []
        for i, h in enumerate(HYPOTHESES):
            lo, hi = wilson_interval(int(counts[i]), self.runs)
            rows.append({"id": h, "probability": counts[i] / self.runs, "interval": [lo, hi],
                         "runs": int(counts[i])})
        return rows

    def probability(self, hyp_id: str) -> float:
        """Share of runs ending in ``hyp_id``.  Raises KeyError for an unknown id."""
        if hyp_id not in HYPOTHESES:
            raise KeyError(hyp_id)
        return float(np.mean(self.hypothesis == HYPOTHESES.index(hyp_id)))

    def summary(self) -> dict[str, Any]:
        """JSON-ready summary: hypotheses, end-2030 workers and earnings quantiles, skill share."""
        w = self.outputs["workers"]
        s = self.outputs["skill_workers"]
        target = [SECTOR_IDS.index(x) for x in ("automotive", "communications_devices", "electronics")]
        tgt_2030 = w[:, target, -1].sum(axis=1)
        share = np.divide(s[:, target, -1].sum(axis=1), tgt_2030, out=np.zeros(self.runs), where=tgt_2030 > 0)
        q = (0.05, 0.5, 0.95)
        return {
            "seed": self.seed, "runs": self.runs, "n_firms": self.n_firms,
            "hypotheses": self.hypothesis_probabilities(),
            "interval_method": "Wilson score, 95%",
            "workers_2030_total": dict(zip(("q05", "q50", "q95"), np.quantile(w[:, :, -1].sum(axis=1), q).tolist(), strict=True)),
            "workers_2030_target": dict(zip(("q05", "q50", "q95"), np.quantile(tgt_2030, q).tolist(), strict=True)),
            "skill_share_target_2030_median": float(np.median(share[tgt_2030 > 0])) if (tgt_2030 > 0).any() else 0.0,
            "earnings_usd_per_year": {
                str(y): dict(zip(("q05", "q50", "q95"), np.quantile(self.outputs["earnings"][:, t], q).tolist(), strict=True))
                for t, y in enumerate(YEARS)},
            "fixed": self.fixed, "elapsed_s": self.elapsed_s,
        }


def simulate(runs: int = 10_000, seed: int = 0, *, n_firms: int = DEFAULT_FIRMS,
             fixed: Mapping[str, float] | None = None, vary: bool = True,
             scheduler: Any = None) -> SimulationResult:
    """Monte Carlo of the foothold strategy, 2026–2030.

    Each run draws every parameter not in ``fixed`` from its distribution
    (``vary=False`` holds them at their defaults) and simulates ``n_firms`` plants.

    Args:
        runs: number of replications (≥ 1).
        seed: root seed of ``numpy.random.SeedSequence``; the same seed gives identical numbers.
        n_firms: plants per replication.
        fixed: parameters held at given values, e.g. ``{"enforcement_intensity": 0.8}``.
        vary: draw the other parameters (True) or hold them at defaults (False).
        scheduler: evaluator, see :func:`evaluate_blocks`.

    Returns:
        :class:`SimulationResult`.

    Raises:
        ValueError: if ``runs < 1``; KeyError for an unknown name in ``fixed``.
    """
    if runs < 1:
        raise ValueError("runs must be at least 1")
    fixed = dict(fixed or {})
    n_blocks = math.ceil(runs / BLOCK_SIZE)
    sizes = [min(BLOCK_SIZE, runs - i * BLOCK_SIZE) for i in range(n_blocks)]
    tasks = [(run_sampled_block, (child, n, n_firms, fixed, vary))
             for child, n in zip(block_seeds(seed, n_blocks), sizes, strict=True)]
    t0 = time.perf_counter()
    outputs = evaluate_blocks(tasks, scheduler)
    elapsed = time.perf_counter() - t0
    log.info("simulate: %d runs × %d firms, seed %d, %.2f s", runs, n_firms, seed, elapsed)
    return SimulationResult(seed, runs, n_firms, outputs, fixed, vary, elapsed)


def evaluate_design(params: np.ndarray, seed: int, *, n_firms: int = DEFAULT_FIRMS,
                    scheduler: Any = None) -> dict[str, np.ndarray]:
    """Run one replication at each row of ``params`` (shape ``(n, P)``); returns per-run outputs."""
    params = np.asarray(params, dtype=float)
    n = params.shape[0]
    n_blocks = math.ceil(n / BLOCK_SIZE)
    tasks = [(run_design_block, (child, params[i * BLOCK_SIZE:(i + 1) * BLOCK_SIZE], n_firms))
             for i, child in enumerate(block_seeds(seed, n_blocks))]
    return evaluate_blocks(tasks, scheduler)


# --------------------------------------------------------------------------------------
# products for other parts of foothold


def fan_chart_data(result: SimulationResult, quantiles: Sequence[float] = FAN_QUANTILES) -> list[dict[str, Any]]:
    """Rows ``{"sector", "year", "q05", "q25", "q50", "q75", "q95"}`` of DPRK workers (persons).

    One row per sector and model year, plus ``sector="total"``; quantiles over runs.
    """
    w = result.outputs["workers"]
    rows: list[dict[str, Any]] = []
    names = [f"q{int(round(q * 100)):02d}" for q in quantiles]
    series = [(s, w[:, i, :]) for i, s in enumerate(SECTOR_IDS)] + [("total", w.sum(axis=1))]
    for sector, arr in series:
        qs = np.quantile(arr, quantiles, axis=0)   # (Q, Y)
        for t in range(N_YEARS):
            row: dict[str, Any] = {"sector": sector, "year": YEARS[t]}
            row.update({n: float(qs[k, t]) for k, n in enumerate(names)})
            rows.append(row)
    return rows


def priors_from_simulation(result: SimulationResult, floor: float = PRIOR_FLOOR) -> dict[str, float]:
    """Prior probabilities of the case's hypotheses from the share of runs ending in each.

    ``p_h = max(share_h, floor)``, then renormalised to sum to 1 so that no
    hypothesis is ever ruled out before evidence arrives.

    Raises:
        ValueError: if ``floor`` is not in ``[0, 1/len(HYPOTHESES))``.
    """
    if not 0.0 <= floor < 1.0 / len(HYPOTHESES):
        raise ValueError(f"floor must be in [0, {1.0 / len(HYPOTHESES):.3f})")
    raw = {h["id"]: max(float(h["probability"]), floor) for h in result.hypothesis_probabilities()}
    total = sum(raw.values())
    return {k: v / total for k, v in raw.items()}


def params_as_dicts(params: np.ndarray) -> list[dict[str, float]]:
    """Rows of a ``(n, P)`` parameter array as dicts by name."""
    return [dict(zip(PARAMETER_NAMES, map(float, row), strict=True)) for row in params]
