"""Typed inputs of the scenario model: uncertainties, the seed's levers, sectors, plant types.

Vocabulary follows the EMA Workbench: every uncertain input is a :class:`Parameter`
(name, range, default, unit, distribution, source).  The seed's *levers* (wage
discount, contract simplicity, share of skill-building roles, long-term weighting)
are declared with ``kind="lever"`` but are treated exactly like uncertainties:
an analyst varies them to see outcomes.  Nothing in this package searches for
the "best" lever setting; there is deliberately no optimiser (UN Security
Council resolutions 2375 and 2397 ban North Korean labour abroad; the tool only
measures and explains).

Sources are cited as ``<file> §<section>`` where the files are
``/work/shared/data/market-facts.md`` ("market"), ``/work/shared/data/facts-dprk-russia.md``
("facts", records R01–R65) and the seed report
``/work/shared/seeds/000_b84fb819b272b9de.txt`` ("seed").  Values marked
*assumption* are the model's own judgement and are listed as such in docs/scenario.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

__all__ = [
    "Parameter",
    "Sector",
    "SECTORS",
    "TARGET_SECTORS",
    "PLANT_TYPES",
    "PARAMETERS",
    "PARAMETER_INDEX",
    "YEARS",
    "HISTORY_YEARS",
    "get_parameter",
    "defaults",
    "sample_parameters",
    "scale_unit_design",
]

Distribution = Literal["uniform", "triangular", "loguniform"]
Kind = Literal["uncertainty", "lever", "calibration"]

#: Model years, one annual planning cycle each (labour plans fixed in the February
#: window, seed: "February represents a favorable window when Russian and Chinese
#: companies solidify annual business plans").  End-of-year stocks are reported.
YEARS: tuple[int, ...] = (2026, 2027, 2028, 2029, 2030)
#: Years of the calibration history (entries and Chinese brand shares).
HISTORY_YEARS: tuple[int, ...] = (2022, 2023, 2024, 2025)


@dataclass(frozen=True, slots=True)
class Parameter:
    """One uncertain input.

    Attributes:
        name: identifier used in designs, JSON and rules.
        low, high: range sampled in Monte Carlo and sweeps (inclusive bounds).
        default: value used when the parameter is held fixed.
        unit: unit of the value (``"fraction"``, ``"persons"``, ``"USD per month"`` ...).
        distribution: ``"uniform"`` (default), ``"triangular"`` (mode = default) or
            ``"loguniform"``.
        source: where the range comes from (shared data file and section, or seed).
        kind: ``"uncertainty"``, ``"lever"`` (the seed's strategy settings, varied
            like uncertainties, never optimised) or ``"calibration"`` (history only).
        description: one line for tables.

    Raises:
        ValueError: if ``low <= default <= high`` does not hold or ``low >= high``.
    """

    name: str
    low: float
    high: float
    default: float
    unit: str
    source: str
    distribution: Distribution = "uniform"
    kind: Kind = "uncertainty"
    description: str = ""

    def __post_init__(self) -> None:
        if not (self.low < self.high):
            raise ValueError(f"{self.name}: low ({self.low}) must be below high ({self.high})")
        if not (self.low <= self.default <= self.high):
            raise ValueError(f"{self.name}: default {self.default} outside [{self.low}, {self.high}]")
        if self.distribution == "loguniform" and self.low <= 0:
            raise ValueError(f"{self.name}: loguniform needs low > 0")

    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Map unit-interval values ``u`` (any shape) to parameter values (same shape)."""
        u = np.asarray(u, dtype=float)
        lo, hi = self.low, self.high
        if self.distribution == "uniform":
            return lo + (hi - lo) * u
        if self.distribution == "loguniform":
            return np.exp(np.log(lo) + (np.log(hi) - np.log(lo)) * u)
        # triangular with mode at the default
        c = (self.default - lo) / (hi - lo)
        left = lo + np.sqrt(u * (hi - lo) * (self.default - lo))
        right = hi - np.sqrt((1.0 - u) * (hi - lo) * (hi - self.default))
        return np.where(u < c, left, right)


@dataclass(frozen=True, slots=True)
class Sector:
    """A sector of the model and the public figures that size it.

    Attributes:
        id: sector id from the case spec (``spec/case-dprk-russia-foothold.md`` §Sectors).
        target: True for the three sectors named by the seed and by ``h_foothold``.
        employment: addressable production workforce in Russia (persons) shared
            among the sector's modelled plants.
        firm_share: share of the modelled plants in this sector.
        wage_multiplier: sector wage relative to the manufacturing average.
        quality_multiplier: multiplies ``quality_threshold`` (simple site work needs less).
        visibility: how exposed a placement is to monitors (branded consumer
            assembly with supply-chain due diligence = 1).
        chinese_led_share: share of plants that are Chinese-led JVs or their
            subcontractors; ``None`` means "from the Chinese-rooted car-sales share".
        prior_experience_years: experience North Korean workers already bring
            (years, enters the learning curve).
        source: where the figures come from.
    """

    id: str
    target: bool
    employment: float
    firm_share: float
    wage_multiplier: float
    quality_multiplier: float
    visibility: float
    chinese_led_share: float | None
    prior_experience_years: float
    source: str


SECTORS: tuple[Sector, ...] = (
    Sector(
        "automotive", True, 150_000, 0.20, 1.19, 1.00, 1.00, None, 0.0,
        "market §1c (auto employment ~600k, ~2018), §1d (Haval >2,000 staff; AGR Kaluga >500; "
        "AvtoVAZ 32.5k); assembly plus tier-1 slice of 150k is an assumption. Wage: 105.6k RUB "
        "auto (Jul 2025) / 89k average (2024), market §3.",
    ),
    Sector(
        "communications_devices", True, 10_000, 0.10, 1.28, 1.05, 1.00, 0.30, 0.0,
        "market §2 (~10 smartphone/tablet producers, 80k–500k devices a year; Chinese brands 81% "
        "of units but local assembly mostly Russian-owned); headcount and the 30% Chinese-led "
        "share are assumptions. Wage: computers/electronics 112,964 RUB vs 87,975, market §3.",
    ),
    Sector(
        "electronics", True, 60_000, 0.25, 1.28, 1.00, 0.80, 0.25, 0.0,
        "market §2 (electronics industry >1,700 enterprises, ~300,000 people; assembly slice of 20% "
        "is an assumption); facts R64–R65 (Haier, Konka/DNS leasing ex-LG lines). Wage market §3.",
    ),
    Sector(
        "construction", False, 300_000, 0.30, 1.00, 0.50, 0.30, 0.05, 3.0,
        "market §3 (construction shortage ~2 m), facts R02 (Primorye 17,300 workers needed), R05 "
        "(Novosibirsk seeks 2,000 DPRK builders), market §5 (~85% of DPRK workers in construction); "
        "the 300k addressable slice is an assumption.",
    ),
    Sector(
        "defence_manufacturing", False, 40_000, 0.15, 1.00, 0.80, 0.50, 0.0, 0.5,
        "market §5 and facts A2 (Alabuga: 12,000 planned per GUR, 25,000 per NHK); the 40k "
        "addressable workforce is an assumption.",
    ),
)
SECTOR_IDS: tuple[str, ...] = tuple(s.id for s in SECTORS)
TARGET_SECTORS: tuple[str, ...] = tuple(s.id for s in SECTORS if s.target)

#: Plant types (index used in arrays).  Relative visibility to monitors and whether
#: the owner weighs secondary-sanctions risk (Chinese-led firms do; facts A3 R31, OFAC).
PLANT_TYPES: tuple[str, ...] = ("chinese_jv", "subcontractor", "russian_owned")
PLANT_VISIBILITY = np.array([1.3, 1.0, 0.7])
PLANT_WEIGHS_SECONDARY = np.array([True, True, False])
#: Of the Chinese-led car plants, the share that are JVs / Chinese-owned (Haval Tula)
#: rather than contract assemblers of Chinese kits at Russian-owned ex-Western plants
#: (Chery at AGR Kaluga, Avtotor, ex-Nissan): market §1d, §6.  Assumption 0.3.
AUTO_JV_FRACTION = 0.3

_M = "market"
_F = "facts"

PARAMETERS: tuple[Parameter, ...] = (
    # --- the seed's levers (varied, never optimised) ---------------------------------
    Parameter("wage_discount", 0.10, 0.50, 0.30, "fraction below sector wage",
              "seed (wage competitiveness); market §5 (~$415/month, 40% below the Russian average, pre-2019)",
              kind="lever", description="DPRK wage below the Russian sector wage"),
    Parameter("contract_simplicity", 0.0, 1.0, 0.7, "index 0–1",
              "seed ('avoiding needless complexity in contract terms')", kind="lever",
              description="simpler terms lower the partner's admin cost"),
    Parameter("skill_role_share", 0.2, 0.9, 0.6, "fraction of placements",
              "seed ('positions must allow workers to accumulate technological know-how')",
              kind="lever", description="share of target-sector placements in skill-building roles"),
    Parameter("long_term_weight", 0.0, 1.0, 0.7, "index 0–1",
              "seed ('prioritizing long-term influence over short-term gain')", kind="lever",
              description="ministry effort on target sectors vs cash sectors"),
    # --- uncertainties: the DPRK side ---------------------------------------------------
    Parameter("ministry_effort", 0.2, 1.0, 0.6, "index 0–1",
              "seed (ministry as 'proactive negotiating partner')",
              description="reach of the ministry's negotiators"),
    Parameter("window_alignment", 0.3, 1.0, 0.7, "probability",
              "seed (February planning window)",
              description="chance an offer lands while annual plans are open"),
    Parameter("nk_supply_cap", 5_000, 50_000, 20_000, "persons per year",
              "market §5 (pre-2018 12–15k work visas a year; up to 50,000 forecast, Eskadra 2025)",
              distribution="loguniform", description="workers Pyongyang can dispatch per year"),
    Parameter("nk_stock_2025", 4_000, 20_000, 10_000, "persons",
              "market §5 (~4,000 NIS Feb 2025; ~10,000 BBC Aug 2025; ~15,000 WSJ 2025)",
              distribution="loguniform", description="DPRK workers in Russia at end-2025"),
    Parameter("nk_base_productivity", 0.50, 0.95, 0.70, "relative to a domestic hire",
              "seed ('lack experience in modern manufacturing'); market gap 8 (no productivity data)",
              description="first-year productivity on an assembly line"),
    Parameter("learning_rate", 0.75, 0.95, 0.85, "Wright's-law progress ratio",
              "assumption: Wright (1936) and the learning-curve literature, 0.75–0.95; seed "
              "('capabilities that accumulate over time')",
              description="unit labour time multiplier per doubling of experience"),
    Parameter("language_barrier", 0.05, 0.35, 0.20, "fraction of productivity lost",
              "seed ('language barriers may impede effective integration')",
              description="productivity cut, fading with experience"),
    Parameter("nk_turnover", 0.10, 0.40, 0.25, "fraction per year",
              "market §5 (three-year stints, WSJ 2019); facts R16 (escapes halved since 2022)",
              description="rotation home and escapes"),
    Parameter("state_share", 0.60, 0.90, 0.75, "fraction of wage",
              "market §5 (two-thirds, Daily NK 2018; 75–90% derived from $100–200 kept of $800)",
              description="share of pay taken by the DPRK state"),
    # --- uncertainties: partners and the labour market ----------------------------------
    Parameter("chinese_partner_openness", 0.0, 1.0, 0.35, "index 0–1",
              "seed ('response from Chinese and Russian companies remains uncertain'); facts Part D "
              "(no report of DPRK workers at Chinese firms in Russia)",
              description="attitude of Chinese-led JVs and subcontractors"),
    Parameter("russian_partner_openness", 0.2, 0.9, 0.55, "index 0–1",
              "facts R02, R05, R15 (Primorye, Novosibirsk and Eskadra seek DPRK builders)",
              description="attitude of Russian-owned plants and builders"),
    Parameter("quality_threshold", 0.60, 0.90, 0.75, "relative productivity",
              "market §6 (quality problems; Moskvich 5 cancelled for failing quality tests)",
              description="minimum quality for skill-building assembly roles"),
    Parameter("shortage_rate", 0.03, 0.12, 0.065, "vacancies per worker per year",
              "market §3 (manufacturing short 650k on ~10 m; 60–70% of firms short of staff)",
              description="net new labour demand"),
    Parameter("migrant_availability", 0.3, 1.0, 0.6, "index 0–1",
              "market §4 (patents 2.1–2.3 m; >12 restrictive laws after Crocus, 2024–25)",
              description="Central Asian labour on offer"),
    Parameter("migrant_wage_ratio", 0.70, 0.95, 0.86, "fraction of sector wage",
              "market §4 (47.1k RUB Central Asians vs 54.6k average, 2021)",
              description="migrant pay relative to domestic hires"),
    Parameter("migrant_productivity", 0.80, 1.00, 0.90, "relative to a domestic hire",
              "assumption (no productivity data, market gap 8)",
              description="Central Asian migrant productivity"),
    Parameter("domestic_wage_usd", 800, 1_300, 1_000, "USD per month",
              "market §3 (manufacturing 87,975 RUB/month 2024) and §7 (83–100 RUB/USD)",
              description="manufacturing wage of a domestic hire"),
    # --- uncertainties: sanctions and Russian policy --------------------------------------
    Parameter("enforcement_intensity", 0.0, 1.0, 0.4, "index 0–1",
              "facts A3 (Panel of Experts lapsed 2024, R25–R26; MSMT reports 2025, R28, R30; OFAC R31)",
              description="monitoring, exposés and designations"),
    Parameter("secondary_sanctions_weight", 0.3, 1.0, 0.7, "index 0–1",
              "facts A3 R31 (US designations); seed ('may view DPRK participation as complicating')",
              description="how much Chinese-led firms fear secondary sanctions"),
    Parameter("russia_restriction_prob", 0.0, 0.20, 0.05, "probability per year",
              "market §4 (migration tightening 2024–25); facts R14 (entries fell to ~300 in Q1 2025)",
              description="chance Russia restricts DPRK labour in a year"),
    # --- calibration history (DPRK entries 2023–2024, Chinese car share 2022–2025) ---------
    Parameter("nk_stock_2022", 500, 5_000, 2_000, "persons",
              "market §5 (WSJ 2019 'only several thousand remain'); facts R24 (11,490 end-2018)",
              distribution="loguniform", kind="calibration", description="DPRK workers in Russia, end-2022"),
    Parameter("nk_growth_2023", 0.0, 0.40, 0.10, "fraction",
              "facts R03, R06 (entries five times 2022 but far below pre-pandemic)",
              kind="calibration", description="growth of the stock during 2023"),
    Parameter("nk_inflow_2024", 3_000, 15_000, 7_000, "persons",
              "facts R28 (MSMT: visas sought for 8,000 workers in 2024); R10 (7,887 'education')",
              kind="calibration", description="new workers sent in 2024"),
    Parameter("other_entries_2023", 200, 1_500, 600, "persons",
              "facts R03 (H1 2023: 370 entries, business 148, transit 76, private 54)",
              kind="calibration", description="business, official and transit entries, 2023"),
    Parameter("travel_growth_2024", 1.5, 6.0, 3.5, "ratio",
              "facts R10 (2024: business 3,098, transport 1,648; direct flights from Aug 2023)",
              kind="calibration", description="growth of non-labour entries 2023→2024"),
    Parameter("rotation_rate_history", 0.0, 0.30, 0.10, "fraction per year",
              "market §5 (three-year stints); border closed until 2023 (facts R03)",
              kind="calibration", description="rotations 2023–24"),
    Parameter("china_share_ceiling", 0.55, 0.75, 0.65, "fraction of car sales",
              "market §1b ('almost two-thirds have Chinese roots', 2025); facts R57 (63% in 2024)",
              kind="calibration", description="Chinese-rooted share of car sales, plateau"),
    Parameter("china_share_midyear", 2022.6, 2023.4, 2023.0, "year",
              "market §1b (Chinese share passes 50% in Jul 2023)",
              kind="calibration", description="midpoint of the logistic rise"),
    Parameter("china_share_steepness", 1.2, 3.0, 2.0, "per year",
              "market §1b (9.5% Jan–Mar 2022 → 31.3% Nov 2022)",
              kind="calibration", description="steepness of the logistic rise"),
    Parameter("rebadge_rate", 0.05, 0.25, 0.12, "fraction per year from 2025",
              "market §1b, §6 (Tenet = Chery, Belgee = Geely, Xcite; formal share 58.5% → 51.7%)",
              kind="calibration", description="Chinese-rooted cars sold under non-Chinese badges"),
)

PARAMETER_INDEX: dict[str, int] = {p.name: i for i, p in enumerate(PARAMETERS)}
PARAMETER_NAMES: tuple[str, ...] = tuple(p.name for p in PARAMETERS)

#: Chinese brands' share of Russian car sales in 2021 (Haval+Chery+Geely ÷ AEB total,
#: derived, market §1b): the floor of the logistic rise.
CHINA_SHARE_2021 = 0.06


def get_parameter(name: str) -> Parameter:
    """Return the parameter called ``name``.

    Raises:
        KeyError: if no parameter has that name (message lists the valid names).
    """
    try:
        return PARAMETERS[PARAMETER_INDEX[name]]
    except KeyError:
        raise KeyError(f"unknown parameter {name!r}; known: {', '.join(PARAMETER_NAMES)}") from None


def defaults() -> dict[str, float]:
    """Default value of every parameter, by name."""
    return {p.name: p.default for p in PARAMETERS}


def _check_names(names: Sequence[str] | Mapping[str, object]) -> None:
    for n in names:
        get_parameter(n)


def sample_parameters(
    n: int,
    rng: np.random.Generator,
    fixed: Mapping[str, float] | None = None,
    vary: bool = True,
) -> np.ndarray:
    """Draw ``n`` parameter vectors.

    Args:
        n: number of runs.
        rng: NumPy generator (one stream; see :mod:`foothold.scenario.simulate`).
        fixed: values held fixed (by name); the others are drawn.
        vary: if False, every parameter not in ``fixed`` is held at its default.

    Returns:
        array of shape ``(n, len(PARAMETERS))`` in the order of :data:`PARAMETERS`.

    Raises:
        KeyError: for an unknown name in ``fixed``.
    """
    fixed = dict(fixed or {})
    _check_names(fixed)
    u = rng.random((n, len(PARAMETERS)))  # always drawn, so fixing one leaves the others unchanged
    out = np.empty_like(u)
    for j, p in enumerate(PARAMETERS):
        if p.name in fixed:
            out[:, j] = float(fixed[p.name])
        elif vary:
            out[:, j] = p.ppf(u[:, j])
        else:
            out[:, j] = p.default
    return out


def scale_unit_design(unit: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """Map a unit-hypercube design (shape ``(n, len(names))``) to parameter values."""
    _check_names(names)
    unit = np.asarray(unit, dtype=float)
    out = np.empty_like(unit)
    for j, name in enumerate(names):
        out[:, j] = get_parameter(name).ppf(unit[:, j])
    return out
