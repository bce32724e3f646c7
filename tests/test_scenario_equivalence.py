"""The vectorised kernel and the Mesa reference give the same distributions.

Two-sample Kolmogorov–Smirnov tests (scipy.stats.ks_2samp) on outcome totals over
many seeds, with all parameters at their defaults, at a small size (40 plants,
150 replications each) so the file runs in a few seconds.  A negative control
changes one input on the Mesa side (wage discount 0.30 → 0.15) and checks the
KS test detects it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import ks_2samp

pytest.importorskip("mesa")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.mesa_reference import run_mesa  # noqa: E402

from foothold.scenario import simulate  # noqa: E402

N_REPS = 150
N_FIRMS = 40
TARGET = [0, 1, 2]


@pytest.fixture(scope="module")
def vectorised():
    return simulate(N_REPS, seed=7, n_firms=N_FIRMS, vary=False).outputs


@pytest.fixture(scope="module")
def mesa_runs():
    return [run_mesa(None, N_FIRMS, seed=10_000 + i) for i in range(N_REPS)]


def _totals(mesa_out):
    total = np.array([m["workers"][:, -1].sum() for m in mesa_out])
    target = np.array([m["workers"][TARGET, -1].sum() for m in mesa_out])
    earn = np.array([m["earnings"].sum() for m in mesa_out])
    return total, target, earn


def test_same_distributions(vectorised, mesa_runs):
    total, target, earn = _totals(mesa_runs)
    v = vectorised
    assert ks_2samp(total, v["workers"][:, :, -1].sum(1)).pvalue > 0.01
    assert ks_2samp(target, v["workers"][:, TARGET, -1].sum(1)).pvalue > 0.01
    assert ks_2samp(earn, v["earnings"].sum(1)).pvalue > 0.01


def test_negative_control_detects_a_changed_parameter(vectorised):
    changed = [run_mesa({"wage_discount": 0.15}, N_FIRMS, seed=20_000 + i) for i in range(N_REPS)]
    total, _, _ = _totals(changed)
    assert ks_2samp(total, vectorised["workers"][:, :, -1].sum(1)).pvalue < 0.01
