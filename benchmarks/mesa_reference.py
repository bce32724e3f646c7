"""Agent-based reference implementation of the scenario model in Mesa 3 (firms as agents).

Used only to check the vectorised kernel (:mod:`foothold.scenario.model`) and to
compare speed: same rules (the rule functions are imported from the model and
called with scalars), same parameters, independent loop structure and random
draws.  Results agree in distribution, not number by number.

    from benchmarks.mesa_reference import run_mesa
    out = run_mesa(params_dict, n_firms=100, seed=1)   # one replication
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import mesa
import numpy as np

from foothold.scenario import model as M
from foothold.scenario.params import (
    AUTO_JV_FRACTION,
    PLANT_VISIBILITY,
    PLANT_WEIGHS_SECONDARY,
    SECTORS,
    TARGET_SECTORS,
    defaults,
)


class FirmAgent(mesa.Agent):
    """A plant: sector, headcount (persons), plant type, attitude, agreement, DPRK workers."""

    def __init__(self, model: FootholdModel, sector: int, headcount: float, plant_type: int,
                 attitude: float) -> None:
        super().__init__(model)
        self.sector = sector
        s = SECTORS[sector]
        self.target = s.target
        self.headcount = headcount
        self.plant_type = plant_type
        self.attitude = attitude
        self.agreement = False
        self.nk = 0.0
        self.exp = 0.0
        self.prior = s.prior_experience_years
        self.weighs = bool(PLANT_WEIGHS_SECONDARY[plant_type])
        self.prod = 0.0
        self.skill_ok = False
        self.demand = 0.0
        self.exposed = False

    def update_productivity(self) -> None:
        p = self.model.p
        e = self.exp / self.nk if self.nk > 0 else self.prior
        self.prod = float(M.nk_productivity(e, p["nk_base_productivity"], p["learning_rate"],
                                            p["language_barrier"]))

    def plan(self) -> None:
        """February window: negotiate or renew, then fix the labour plan (hires wanted)."""
        p, rng = self.model.p, self.model.np_rng
        effort = float(M.sector_effort(p["ministry_effort"], p["long_term_weight"], self.target))
        if self.weighs:
            risk = p["enforcement_intensity"] * p["secondary_sanctions_weight"] * (
                1.0 + M.CONTAGION * self.model.exposed_share)
        else:
            risk = p["enforcement_intensity"] * M.RUSSIAN_RISK_WEIGHT
        if self.agreement:
            self.agreement = rng.random() >= M.PARTNER_CHURN
        elif rng.random() < effort * p["window_alignment"]:
            pa = M.negotiation_probability(effort, self.attitude, p["wage_discount"],
                                           p["contract_simplicity"], risk, p["language_barrier"],
                                           self.target)
            self.agreement = rng.random() < pa
        if not self.agreement:
            self.demand = 0.0
            return
        share = float(M.nk_hire_share(self.prod, p["wage_discount"], p["contract_simplicity"],
                                      p["migrant_wage_ratio"], p["migrant_productivity"],
                                      p["migrant_availability"]))
        kept = self.nk * (1.0 - p["nk_turnover"])
        want = (self.headcount * p["shortage_rate"] + self.nk * p["nk_turnover"]) * share
        want *= M.RESTRICTION_FACTOR if self.model.restricted else 1.0
        self.demand = max(0.0, min(want, self.headcount * M.MAX_FOREIGN_SHARE - kept))

    def act(self, factor: float) -> None:
        """Hire (scaled by the dispatch cap), learn, face exposure."""
        p, rng = self.model.p, self.model.np_rng
        turn = p["nk_turnover"]
        if self.agreement:
            hires = self.demand * factor
            new = self.nk * (1.0 - turn) + hires
            self.exp = self.exp * (1.0 - turn) + hires * self.prior + new
        else:
            new, self.exp = 0.0, 0.0
        self.model.earn += 0.5 * (self.nk + new) * self.model.wage_nk[self.sector]
        self.nk = new
        self.exposed = False
        if self.nk > 0:
            pe = M.exposure_probability(p["enforcement_intensity"], SECTORS[self.sector].visibility,
                                        PLANT_VISIBILITY[self.plant_type], self.nk)
            self.exposed = rng.random() < pe
            if self.exposed:
                term = p["secondary_sanctions_weight"] if self.weighs else M.RUSSIAN_TERMINATION
                if rng.random() < term:
                    self.nk, self.exp, self.agreement = 0.0, 0.0, False
                    self.attitude *= M.BLACKLIST_FACTOR
        self.update_productivity()
        self.skill_ok = self.target and self.prod >= p["quality_threshold"] * SECTORS[self.sector].quality_multiplier


class FootholdModel(mesa.Model):
    """One replication: ``n_firms`` plants, five annual planning cycles (2026–2030)."""

    def __init__(self, params: Mapping[str, float], n_firms: int, seed: int) -> None:
        super().__init__(seed=seed)
        self.np_rng = np.random.default_rng(seed)
        self.p = dict(params)
        p, rng = self.p, self.np_rng
        self.restricted = False
        self.exposed_share = 0.0
        self.earn = 0.0
        sectors = M.sector_of_firms(n_firms)
        counts = np.bincount(sectors, minlength=len(SECTORS))
        rooted = float(M.chinese_rooted_share(2026.5, p["china_share_ceiling"], p["china_share_midyear"],
                                              p["china_share_steepness"]))
        self.wage_nk = [p["domestic_wage_usd"] * s.wage_multiplier * (1 - p["wage_discount"]) for s in SECTORS]
        for k in sectors:
            s = SECTORS[k]
            size = s.employment / counts[k] * math.exp(M.SIZE_SIGMA * rng.standard_normal() - 0.5 * M.SIZE_SIGMA**2)
            share = rooted if s.chinese_led_share is None else s.chinese_led_share
            jv = AUTO_JV_FRACTION if s.id == "automotive" else M.OTHER_JV_FRACTION
            ptype = (0 if rng.random() < jv else 1) if rng.random() < share else 2
            open_ = p["chinese_partner_openness"] if PLANT_WEIGHS_SECONDARY[ptype] else p["russian_partner_openness"]
            att = min(1.0, max(0.0, open_ + M.ATTITUDE_SD * rng.standard_normal()))
            FirmAgent(self, int(k), size, ptype, att)
        # end-2025 stock in construction and defence plants
        for sid, p0 in M.INITIAL_AGREEMENT.items():
            k = M.SECTOR_IDS.index(sid)
            firms = [a for a in self.agents if a.sector == k]
            agreed = [a for a in firms if rng.random() < p0] or firms
            tot = sum(a.headcount for a in agreed)
            for a in agreed:
                a.agreement = True
                a.nk = min(M.INITIAL_SPLIT[sid] * p["nk_stock_2025"] * a.headcount / tot,
                           a.headcount * M.MAX_FOREIGN_SHARE)
                a.exp = a.nk * a.prior
        self.stock_2025 = sum(a.nk for a in self.agents)
        for a in self.agents:
            a.update_productivity()
        self.workers: list[list[float]] = []
        self.skill: list[list[float]] = []
        self.earnings: list[float] = []

    def step(self) -> None:
        p = self.p
        self.restricted = self.restricted or self.np_rng.random() < p["russia_restriction_prob"]
        self.agents.do("plan")
        total = sum(a.demand for a in self.agents)
        factor = min(1.0, p["nk_supply_cap"] / max(total, 1e-9))
        self.earn = 0.0
        self.agents.do("act", factor)
        chinese = [a for a in self.agents if a.weighs]
        self.exposed_share = sum(a.exposed for a in chinese) / max(len(chinese), 1)
        w = [0.0] * len(SECTORS)
        s = [0.0] * len(SECTORS)
        for a in self.agents:
            w[a.sector] += a.nk
            if a.skill_ok:
                s[a.sector] += a.nk * p["skill_role_share"]
        self.workers.append(w)
        self.skill.append(s)
        self.earnings.append(self.earn * 12 * p["state_share"])


def run_mesa(params: Mapping[str, float] | None = None, n_firms: int = 100, seed: int = 0) -> dict:
    """Run one replication and return ``workers``/``skill_workers`` ``(S, Y)``, ``earnings`` ``(Y,)``, ``hypothesis``."""
    p = defaults()
    p.update(params or {})
    m = FootholdModel(p, n_firms, seed)
    for _ in range(M.N_YEARS):
        m.step()
    workers = np.array(m.workers).T
    skill = np.array(m.skill).T
    tidx = [M.SECTOR_IDS.index(s) for s in TARGET_SECTORS]
    hyp = int(M.classify(skill[tidx, -1], workers[:, -1].sum(), m.stock_2025))
    return {"workers": workers, "skill_workers": skill, "earnings": np.array(m.earnings),
            "hypothesis": hyp, "stock_2025": m.stock_2025}


if __name__ == "__main__":  # pragma: no cover
    import time

    t = time.perf_counter()
    out = run_mesa(n_firms=1000, seed=1)
    print(f"1 replication × 1000 firms: {time.perf_counter() - t:.2f} s; "
          f"hypothesis {M.HYPOTHESES[out['hypothesis']]}; workers 2030 {out['workers'][:, -1].round()}")
