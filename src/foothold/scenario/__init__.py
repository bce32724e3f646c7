"""Scenario model of the February 2026 foothold strategy (Monte Carlo, 2026–2030).

Measures and explains; it offers no optimiser for placing workers (North Korean
labour abroad is banned by UN Security Council resolutions 2375 and 2397).

Public API::

    from foothold.scenario import simulate, calibrate, sweep, discover, enforcement_sweep
    result = simulate(10_000, seed=1)
    result.hypothesis_probabilities()      # [{"id", "probability", "interval", "runs"}]
    fan_chart_data(result)                 # rows for the HTML report
    priors_from_simulation(result)         # {"h_foothold": ..., ...}, floored

See docs/scenario.md for every rule, formula and source.
"""

import logging

from .calibrate import REPORTED, calibrate
from .discovery import Box, discover, prim
from .model import HYPOTHESES, classify, nk_productivity
from .params import PARAMETERS, SECTORS, TARGET_SECTORS, YEARS, Parameter, Sector, get_parameter
from .simulate import (
    SimulationResult,
    evaluate_design,
    fan_chart_data,
    priors_from_simulation,
    simulate,
    wilson_interval,
)
from .sweep import SweepResult, enforcement_sweep, sweep

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Box", "HYPOTHESES", "PARAMETERS", "Parameter", "REPORTED", "SECTORS", "Sector",
    "SimulationResult", "SweepResult", "TARGET_SECTORS", "YEARS", "calibrate", "classify",
    "discover", "enforcement_sweep", "evaluate_design", "fan_chart_data", "get_parameter",
    "nk_productivity", "prim", "priors_from_simulation", "simulate", "sweep", "wilson_interval",
]
