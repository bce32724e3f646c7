"""The scenario model: rules (scalar- or array-valued) and the vectorised kernel.

The rules are plain NumPy functions that accept scalars or arrays of any
broadcastable shape, so the vectorised kernel (:func:`run_block`, arrays of shape
``(R, F)`` = replications × firms) and the agent-based Mesa reference
(``benchmarks/mesa_reference.py``, one agent per firm) apply the *same* rules.

One model year is one annual planning cycle (seed: firms "solidify annual
business plans" in February):

1. Russia may restrict DPRK labour (per run, per year, persists).
2. February window: the DPRK ministry contacts firms without an agreement
   (probability = effort on the sector × window alignment); a contacted firm
   agrees with :func:`negotiation_probability`.  Existing agreements lapse with
   probability ``PARTNER_CHURN``.
3. Labour plan: vacancies = headcount × shortage rate plus replacement of
   departing North Korean workers; the North Korean share of hires follows a
   cost-per-output logit over three sources (:func:`nk_hire_share`).
4. Supply: all hires of one run are scaled down to the ministry's dispatch cap.
5. Learning: experience accumulates; productivity follows Wright's law
   (:func:`nk_productivity`); skill-building roles need productivity above the
   plant's quality threshold (:func:`passes_quality`).
6. Sanctions exposure per firm (:func:`exposure_probability`); an exposed
   Chinese-led firm ends the placement with probability
   ``secondary_sanctions_weight``, a Russian-owned one with ``RUSSIAN_TERMINATION``.

Every constant below is either sourced or marked *assumption*; docs/scenario.md
lists them all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from .params import (
    AUTO_JV_FRACTION,
    CHINA_SHARE_2021,
    HISTORY_YEARS,
    PARAMETER_INDEX,
    PLANT_VISIBILITY,
    PLANT_WEIGHS_SECONDARY,
    SECTORS,
    TARGET_SECTORS,
    YEARS,
)

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------
# constants (assumptions unless a source is given)

#: Logit coefficients of the negotiation (assumption; with all parameters at their
#: defaults a contacted Chinese-led car plant agrees about one time in eight and a
#: Russian-owned plant about one time in four).
NEG_INTERCEPT = -4.0
NEG_EFFORT = 2.0
NEG_ATTITUDE = 3.0
NEG_WAGE = 2.0
NEG_SIMPLICITY = 1.0
NEG_RISK = 4.0
NEG_LANGUAGE_TARGET = 2.0
#: Cost sensitivity of the hiring logit (assumption).
COST_BETA = 4.0
#: Availability of domestic hires (assumption; unemployment 2.2% in 2025, market §3).
DOMESTIC_AVAILABILITY = 0.3
#: Admin overhead of a fully complex contract, as a fraction of the wage (assumption).
CONTRACT_OVERHEAD = 0.15
#: Cap on the foreign share of a plant's headcount (assumption).
MAX_FOREIGN_SHARE = 0.5
#: Exposure hazard scale and the placement size at half visibility (assumption).
EXPOSURE_SCALE = 0.6
VISIBILITY_HALF_SIZE = 150.0
#: Chance a Russian-owned plant ends a placement after exposure (assumption: Russia
#: vetoed the Panel of Experts, facts R25, so domestic enforcement is weak).
RUSSIAN_TERMINATION = 0.15
#: Weight Russian-owned firms give to sanctions risk in negotiation (assumption).
RUSSIAN_RISK_WEIGHT = 0.2
#: Rise in Chinese-led firms' perceived risk per unit share of Chinese-led placements
#: exposed in the previous year (assumption).
CONTAGION = 3.0
#: Attitude multiplier after a firm ends a placement on exposure (assumption).
BLACKLIST_FACTOR = 0.3
#: Yearly chance an agreement lapses for business reasons (assumption).
PARTNER_CHURN = 0.05
#: Hiring multiplier once Russia restricts DPRK labour (assumption).
RESTRICTION_FACTOR = 0.2
#: Initial chance a builder / defence plant already uses DPRK labour (assumption).
INITIAL_AGREEMENT = {"construction": 0.3, "defence_manufacturing": 0.5}
#: Split of the end-2025 stock: ~85% in construction (market §5, pre-2019), rest defence (A2).
INITIAL_SPLIT = {"construction": 0.85, "defence_manufacturing": 0.15}
#: Spread of partner attitude around the openness parameter (assumption).
ATTITUDE_SD = 0.15
#: Log-normal sigma of plant headcounts (assumption; Haval >2,000 vs AGR Kaluga >500, §1d).
SIZE_SIGMA = 0.8
#: Years over which the language barrier fades by a factor e (assumption).
LANGUAGE_DECAY_YEARS = 2.0
#: Productivity ceiling relative to a domestic hire (assumption).
PRODUCTIVITY_CAP = 1.05
#: Share of Chinese-led plants in non-car sectors that are JVs (rest subcontractors).
OTHER_JV_FRACTION = 0.5

#: Hypothesis thresholds (spec/case-dprk-russia-foothold.md §Hypotheses).
FOOTHOLD_MIN_WORKERS = 1_000
FOOTHOLD_MIN_SECTORS = 2
#: A target sector "counts" towards h_foothold with at least this many skill-role
#: workers (operational choice, documented in docs/scenario.md).
SECTOR_PRESENCE_MIN = 100
#: h_labour_export if total DPRK labour at end-2030 ≥ STALL_RATIO × end-2025 stock
#: ("grows or holds"); otherwise h_stall ("flat or shrinking" read as below the 2025 level).
STALL_RATIO = 1.0

#: Working precision of the per-firm arrays (outputs are float64).
F32 = np.float32

HYPOTHESES: tuple[str, ...] = ("h_foothold", "h_labour_export", "h_stall")
SECTOR_IDS: tuple[str, ...] = tuple(s.id for s in SECTORS)
N_SECTORS = len(SECTORS)
N_YEARS = len(YEARS)
TARGET_MASK = np.array([s.target for s in SECTORS])


def _p(values: np.ndarray, name: str) -> np.ndarray:
    """Column ``name`` of a parameter array of shape ``(R, P)`` → shape ``(R,)``."""
    return values[:, PARAMETER_INDEX[name]]


# --------------------------------------------------------------------------------------
# rules (work on scalars and arrays)


def nk_productivity(experience_years, base, learning_rate, language_barrier):
    """Productivity of a North Korean worker relative to a domestic hire (dimensionless).

    Wright's law: unit labour time falls by the factor ``learning_rate`` with each
    doubling of cumulative experience, so productivity is
    ``base * (1 + e) ** (-log2(learning_rate))``, capped at ``PRODUCTIVITY_CAP``,
    times ``1 - language_barrier * exp(-e / LANGUAGE_DECAY_YEARS)``.

    Args:
        experience_years: average experience of the plant's DPRK workers (years, ≥ 0).
        base: first-year productivity (``nk_base_productivity``).
        learning_rate: Wright's progress ratio in (0, 1].
        language_barrier: fraction of productivity lost at zero experience.

    Returns:
        array (broadcast shape) of productivity; non-decreasing in ``experience_years``.
    """
    e = np.maximum(experience_years, 0.0)
    b = -np.log2(learning_rate)
    raw = np.minimum(base * (1.0 + e) ** b, PRODUCTIVITY_CAP)
    return raw * (1.0 - language_barrier * np.exp(-e / LANGUAGE_DECAY_YEARS))


def passes_quality(productivity, quality_threshold, quality_multiplier):
    """True where productivity meets the plant's minimum quality for skill-building roles."""
    return productivity >= quality_threshold * quality_multiplier


def negotiation_probability(effort, attitude, wage_discount, contract_simplicity,
                            perceived_risk, language_barrier, target):
    """Chance a contacted firm agrees to take DPRK workers this year (probability).

    Logistic in: the ministry's effort on the sector, the partner's attitude, the
    wage discount and contract simplicity (seed), minus perceived sanctions risk and,
    in the target assembly sectors, the language barrier (seed).
    """
    z = (NEG_INTERCEPT + NEG_EFFORT * effort + NEG_ATTITUDE * attitude
         + NEG_WAGE * wage_discount + NEG_SIMPLICITY * contract_simplicity
         - NEG_RISK * perceived_risk - NEG_LANGUAGE_TARGET * language_barrier * target)
    return 1.0 / (1.0 + np.exp(-z))


def nk_hire_share(productivity, wage_discount, contract_simplicity, migrant_wage_ratio,
                  migrant_productivity, migrant_availability):
    """Share of a plant's hires that go to DPRK workers when an agreement exists (fraction).

    A multinomial logit over three labour sources — DPRK workers, Central Asian
    migrants, domestic hires — with utility ``-COST_BETA * (c_s - 1) + log(a_s)``,
    where ``c_s`` is the cost per unit of output relative to a domestic hire
    (wage ÷ productivity, plus contract overhead for DPRK labour) and ``a_s`` the
    availability (DPRK 1 under an agreement, migrants ``migrant_availability``,
    domestic ``DOMESTIC_AVAILABILITY``).
    """
    c_nk = (1.0 - wage_discount) / productivity + CONTRACT_OVERHEAD * (1.0 - contract_simplicity)
    c_mig = migrant_wage_ratio / migrant_productivity
    # utilities relative to u_nk: share = 1 / (1 + e^(u_mig - u_nk) + e^(u_dom - u_nk))
    base = COST_BETA * (c_nk - 1.0)                     # = -u_nk
    d_mig = base - COST_BETA * (c_mig - 1.0) + np.log(np.maximum(migrant_availability, 1e-9))
    d_dom = base + np.log(DOMESTIC_AVAILABILITY)
    with np.errstate(over="ignore"):                    # exp → inf gives share 0, as it should
        return 1.0 / (1.0 + np.exp(d_mig) + np.exp(d_dom))


def exposure_probability(enforcement_intensity, sector_visibility, plant_visibility, nk_workers):
    """Per-year chance a placement is exposed (probability; 0 where no DPRK workers).

    Hazard = ``EXPOSURE_SCALE * enforcement * sector visibility * plant visibility *
    N / (N + VISIBILITY_HALF_SIZE)``; probability = ``1 - exp(-hazard)``.
    """
    size = nk_workers / (nk_workers + VISIBILITY_HALF_SIZE)
    hazard = EXPOSURE_SCALE * enforcement_intensity * sector_visibility * plant_visibility * size
    return 1.0 - np.exp(-hazard)


def sector_effort(ministry_effort, long_term_weight, target):
    """Ministry effort on a sector (0–1): target sectors get ``0.5 + 0.5 w``, others ``1 - 0.5 w``."""
    return ministry_effort * np.where(target, 0.5 + 0.5 * long_term_weight, 1.0 - 0.5 * long_term_weight)


def chinese_rooted_share(year_mid, ceiling, midyear, steepness):
    """Chinese-rooted share of Russian car sales (fraction) at fractional year ``year_mid``.

    Logistic rise from ``CHINA_SHARE_2021`` (market §1b) to ``ceiling``.
    """
    return CHINA_SHARE_2021 + (ceiling - CHINA_SHARE_2021) / (1.0 + np.exp(-steepness * (year_mid - midyear)))


def chinese_brand_share(year, ceiling, midyear, steepness, rebadge_rate):
    """Share of car sales *formally* counted as Chinese brands in ``year`` (fraction).

    The rooted share (mid-year) minus cars sold under Russian or Belarusian badges
    (Tenet, Xcite, Belgee: market §1b, §6), which grows by ``rebadge_rate`` a year
    from 2025 (capped at 0.5).
    """
    rebadged = np.minimum(0.5, rebadge_rate * max(0, year - 2024))
    return chinese_rooted_share(year + 0.5, ceiling, midyear, steepness) * (1.0 - rebadged)


def classify(skill_by_target_sector, total_2030, total_2025):
    """Which hypothesis a run ends in (index into :data:`HYPOTHESES`).

    Args:
        skill_by_target_sector: DPRK workers in skill-building roles at end-2030 by
            target sector, shape ``(..., 3)`` (persons).
        total_2030: all DPRK workers in the model at end-2030, shape ``(...)``.
        total_2025: the end-2025 stock, shape ``(...)``.

    Returns:
        int array: 0 = h_foothold (≥1,000 skill-role workers in the target sectors,
        with ≥2 sectors holding ≥ ``SECTOR_PRESENCE_MIN``), 1 = h_labour_export
        (otherwise, total ≥ ``STALL_RATIO`` × end-2025), 2 = h_stall.
    """
    skill = np.asarray(skill_by_target_sector, dtype=float)
    n_present = (skill >= SECTOR_PRESENCE_MIN).sum(axis=-1)
    foothold = (skill.sum(axis=-1) >= FOOTHOLD_MIN_WORKERS) & (n_present >= FOOTHOLD_MIN_SECTORS)
    grows = np.asarray(total_2030) >= STALL_RATIO * np.asarray(total_2025)
    return np.where(foothold, 0, np.where(grows, 1, 2)).astype(np.int8)


# --------------------------------------------------------------------------------------
# firm population


@dataclass(slots=True)
class Population:
    """Firms of a block of replications.  Per-firm arrays have shape ``(R, F)``."""

    sector: np.ndarray        # (F,) int sector index
    headcount: np.ndarray     # (R, F) persons
    plant_type: np.ndarray    # (R, F) int index into PLANT_TYPES
    attitude: np.ndarray      # (R, F) 0–1
    agreement: np.ndarray     # (R, F) bool
    nk_workers: np.ndarray    # (R, F) persons (float)
    experience: np.ndarray    # (R, F) cumulative experience of current DPRK workers (worker-years)


def sector_of_firms(n_firms: int) -> np.ndarray:
    """Sector index of each of ``n_firms`` plants (shape ``(n_firms,)``), by ``Sector.firm_share``.

    Every sector gets at least one plant.  Raises ValueError if ``n_firms < len(SECTORS)``.
    """
    if n_firms < N_SECTORS:
        raise ValueError(f"n_firms must be at least {N_SECTORS}, got {n_firms}")
    counts = np.array([max(1, int(round(s.firm_share * n_firms))) for s in SECTORS])
    counts[SECTOR_IDS.index("construction")] += n_firms - counts.sum()
    return np.repeat(np.arange(N_SECTORS), counts)


def sector_array(attr: str) -> np.ndarray:
    """A sector attribute as an array of shape ``(S,)``."""
    return np.array([float(getattr(s, attr) if getattr(s, attr) is not None else np.nan) for s in SECTORS])


def make_population(params: np.ndarray, n_firms: int, rng: np.random.Generator) -> Population:
    """Draw the firms of ``R = len(params)`` replications (see :class:`Population`)."""
    R = params.shape[0]
    sector = sector_of_firms(n_firms)
    n_per_sector = np.bincount(sector, minlength=N_SECTORS)
    employment = sector_array("employment")
    mean_size = (employment / n_per_sector)[sector]                       # (F,)
    z = rng.standard_normal((R, n_firms))
    headcount = mean_size * np.exp(SIZE_SIGMA * z - 0.5 * SIZE_SIGMA**2)   # mean-preserving

    rooted_2026 = chinese_rooted_share(2026.5, _p(params, "china_share_ceiling"),
                                       _p(params, "china_share_midyear"),
                                       _p(params, "china_share_steepness"))  # (R,)
    cl_share = sector_array("chinese_led_share")
    share = np.where(np.isnan(cl_share)[sector], rooted_2026[:, None], np.nan_to_num(cl_share)[sector])
    u = rng.random((3, R, n_firms))
    chinese = u[0] < share
    jv_frac = np.where(sector == SECTOR_IDS.index("automotive"), AUTO_JV_FRACTION, OTHER_JV_FRACTION)
    plant_type = np.where(chinese, np.where(u[1] < jv_frac, 0, 1), 2).astype(np.int8)

    openness = np.where(PLANT_WEIGHS_SECONDARY[plant_type],
                        _p(params, "chinese_partner_openness")[:, None],
                        _p(params, "russian_partner_openness")[:, None])
    attitude = np.clip(openness + ATTITUDE_SD * rng.standard_normal((R, n_firms)), 0.0, 1.0)

    agreement = np.zeros((R, n_firms), dtype=bool)
    nk = np.zeros((R, n_firms))
    stock = _p(params, "nk_stock_2025")
    prior = sector_array("prior_experience_years")
    for sid, p0 in INITIAL_AGREEMENT.items():
        k = SECTOR_IDS.index(sid)
        in_s = sector == k
        agreed = in_s & (u[2] < p0)
        w = np.where(agreed, headcount, 0.0)
        tot = w.sum(axis=1, keepdims=True)
        # if no plant of the sector agreed in a replication, spread over all its plants
        w = np.where(tot > 0, w, np.where(in_s, headcount, 0.0))
        tot = w.sum(axis=1, keepdims=True)
        nk += (INITIAL_SPLIT[sid] * stock)[:, None] * w / tot
        agreement |= w > 0
    nk = np.minimum(nk, headcount * MAX_FOREIGN_SHARE)
    experience = nk * prior[sector]
    return Population(sector, headcount, plant_type, attitude, agreement, nk, experience)


# --------------------------------------------------------------------------------------
# history for calibration


def history(params: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Modelled calibration quantities for ``R`` runs.

    Returns:
        ``entries`` shape ``(R, 2)``: DPRK entries into Russia in 2023 and 2024 (persons;
        Poisson noise around the stock-flow accounting below) and ``china_share``
        shape ``(R, 4)``: Chinese brands' share of car sales 2022–2025 (fraction).

    Accounting: ``S23 = S22 (1 + g23)``; entries 2023 = other entries + max(0, S23 - S22)
    + rotation × S22; ``S24 = S23 + inflow24``; entries 2024 = other entries ×
    travel growth + inflow24 + rotation × S23.
    """
    s22 = _p(params, "nk_stock_2022")
    s23 = s22 * (1.0 + _p(params, "nk_growth_2023"))
    rot = _p(params, "rotation_rate_history")
    other = _p(params, "other_entries_2023")
    e23 = other + np.maximum(0.0, s23 - s22) + rot * s22
    e24 = other * _p(params, "travel_growth_2024") + _p(params, "nk_inflow_2024") + rot * s23
    entries = rng.poisson(np.stack([e23, e24], axis=1)).astype(float)
    share = np.stack([
        chinese_brand_share(y, _p(params, "china_share_ceiling"), _p(params, "china_share_midyear"),
                            _p(params, "china_share_steepness"), _p(params, "rebadge_rate"))
        for y in HISTORY_YEARS], axis=1)
    return {"entries": entries, "china_share": share}


# --------------------------------------------------------------------------------------
# the vectorised kernel


def run_block(params: np.ndarray, n_firms: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Simulate ``R = params.shape[0]`` replications of ``n_firms`` plants, 2026–2030.

    Args:
        params: array ``(R, P)`` in the order of :data:`~foothold.scenario.params.PARAMETERS`.
        n_firms: plants per replication (≥ number of sectors).
        rng: the block's generator (one stream; drawn in a fixed order).

    Returns:
        dict of arrays:
          ``workers`` ``(R, S, Y)`` DPRK workers by sector at year end (persons);
          ``skill_workers`` ``(R, S, Y)`` of whom in skill-building roles (persons);
          ``earnings`` ``(R, Y)`` DPRK state earnings (USD per year);
          ``exposures`` ``(R, Y)`` exposed placements (count);
          ``stock_2025`` ``(R,)``; ``hypothesis`` ``(R,)`` int8 index into HYPOTHESES;
          ``entries`` ``(R, 2)``; ``china_share`` ``(R, 4)`` (see :func:`history`).

    Raises:
        ValueError: if ``params`` is not 2-D with the right width or ``n_firms`` is too small.
    """
    params = np.asarray(params, dtype=float)
    if params.ndim != 2 or params.shape[1] != len(PARAMETER_INDEX):
        raise ValueError(f"params must have shape (R, {len(PARAMETER_INDEX)}), got {params.shape}")
    R = params.shape[0]
    hist = history(params, rng)
    pop = make_population(params, n_firms, rng)
    sector = pop.sector
    onehot = np.zeros((n_firms, N_SECTORS), dtype=F32)
    onehot[np.arange(n_firms), sector] = 1.0

    col = {name: _p(params, name)[:, None].astype(F32) for name in PARAMETER_INDEX}
    target = TARGET_MASK[sector]                                           # (F,)
    effort = sector_effort(col["ministry_effort"], col["long_term_weight"], target).astype(F32)
    wage_mult = sector_array("wage_multiplier")[sector].astype(F32)
    q_mult = sector_array("quality_multiplier")[sector].astype(F32)
    s_vis = sector_array("visibility")[sector].astype(F32)
    prior = sector_array("prior_experience_years")[sector].astype(F32)
    p_vis = PLANT_VISIBILITY[pop.plant_type].astype(F32)
    weighs = PLANT_WEIGHS_SECONDARY[pop.plant_type]
    chinese_count = np.maximum(weighs.sum(axis=1, keepdims=True), 1)
    term_prob = np.where(weighs, col["secondary_sanctions_weight"], F32(RUSSIAN_TERMINATION))
    headcount = pop.headcount.astype(F32)
    vacancies = headcount * col["shortage_rate"]
    cap_firm = headcount * F32(MAX_FOREIGN_SHARE)
    wage_nk = col["domestic_wage_usd"] * wage_mult * (1.0 - col["wage_discount"])   # USD/month

    nk, exp_ = pop.nk_workers.astype(F32), pop.experience.astype(F32)
    agreement, attitude = pop.agreement, pop.attitude.astype(F32)
    stock_2025 = pop.nk_workers.sum(axis=1)
    restricted = np.zeros(R, dtype=bool)
    exposed_share = np.zeros((R, 1), dtype=F32)
    workers = np.empty((R, N_SECTORS, N_YEARS))
    skill = np.empty((R, N_SECTORS, N_YEARS))
    earnings = np.empty((R, N_YEARS))
    exposures = np.empty((R, N_YEARS))

    def productivity(nk, exp_):
        e_years = np.where(nk > 0, exp_ / np.maximum(nk, F32(1e-6)), prior)
        return nk_productivity(e_years, col["nk_base_productivity"], col["learning_rate"],
                               col["language_barrier"]).astype(F32, copy=False)

    prod = productivity(nk, exp_)
    contact_p = effort * col["window_alignment"]
    for t in range(N_YEARS):
        u = rng.random((4, R, n_firms), dtype=F32)
        restricted |= rng.random(R) < col["russia_restriction_prob"][:, 0]
        hire_factor = np.where(restricted, RESTRICTION_FACTOR, 1.0).astype(F32)[:, None]

        # (2) February window: negotiations and lapses
        risk = col["enforcement_intensity"] * np.where(
            weighs, col["secondary_sanctions_weight"] * (1.0 + CONTAGION * exposed_share),
            F32(RUSSIAN_RISK_WEIGHT))
        p_agree = negotiation_probability(effort, attitude, col["wage_discount"],
                                          col["contract_simplicity"], risk,
                                          col["language_barrier"], target)
        contacted = u[0] < contact_p
        agreement = np.where(agreement, u[1] >= PARTNER_CHURN, contacted & (u[1] < p_agree))

        # (3) labour plan (productivity carried from the end of last year)
        share = nk_hire_share(prod, col["wage_discount"], col["contract_simplicity"],
                              col["migrant_wage_ratio"], col["migrant_productivity"],
                              col["migrant_availability"])
        kept = nk * (1.0 - col["nk_turnover"])
        demand = np.where(agreement, (vacancies + nk * col["nk_turnover"]) * share, F32(0.0)) * hire_factor
        hires = np.clip(np.minimum(demand, cap_firm - kept), 0.0, None)
        # (4) the ministry's dispatch cap, shared pro rata
        total = hires.sum(axis=1, keepdims=True, dtype=np.float64)
        hires *= np.minimum(1.0, col["nk_supply_cap"] / np.maximum(total, 1e-9)).astype(F32)
        new_nk = np.where(agreement, kept + hires, F32(0.0))   # lapsed agreement: workers go home
        # (5) learning: leavers take their experience, everyone gains a year
        exp_ = np.where(agreement, exp_ * (1.0 - col["nk_turnover"]) + hires * prior + new_nk, F32(0.0))
        mid = 0.5 * (nk + new_nk)
        nk = new_nk
        # (6) exposure and enforcement
        p_exp = exposure_probability(col["enforcement_intensity"], s_vis, p_vis, nk)
        exposed = (nk > 0) & (u[2] < p_exp)
        ended = exposed & (u[3] < term_prob)
        exposed_share = ((exposed & weighs).sum(axis=1, keepdims=True) / chinese_count).astype(F32)
        nk = np.where(ended, F32(0.0), nk)
        exp_ = np.where(ended, F32(0.0), exp_)
        agreement = agreement & ~ended
        attitude = np.where(ended, attitude * F32(BLACKLIST_FACTOR), attitude)
        # (5b) productivity of the workers still in place decides skill-building roles
        prod = productivity(nk, exp_)
        skill_ok = passes_quality(prod, col["quality_threshold"], q_mult) & target

        workers[:, :, t] = nk @ onehot
        skill[:, :, t] = (nk * np.where(skill_ok, col["skill_role_share"], F32(0.0))) @ onehot
        earnings[:, t] = (mid * wage_nk).sum(axis=1, dtype=np.float64) * 12.0 * _p(params, "state_share")
        exposures[:, t] = exposed.sum(axis=1)

    tidx = [SECTOR_IDS.index(s) for s in TARGET_SECTORS]
    hyp = classify(skill[:, tidx, -1], workers[:, :, -1].sum(axis=1), stock_2025)
    return {"workers": workers, "skill_workers": skill, "earnings": earnings,
            "exposures": exposures, "stock_2025": stock_2025, "hypothesis": hyp,
            "entries": hist["entries"], "china_share": hist["china_share"]}
