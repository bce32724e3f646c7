"""``foothold simulate``: the scenario model from the command line.

Registered on the main group by ``src/foothold/cli.py`` (``cli.add_command(simulate)``).
Text output uses rich tables on standard output; logs go to standard error.
JSON output (``--format json``) is one object::

    {"hypotheses": [{"id", "probability", "interval": [lo, hi], "runs"}],
     "seed": S, "runs": N, "n_firms": F, "interval_method": ..., "priors": {...},
     "fan_chart": [...], "calibration": [...]?, "sweep": {...}?, "discovery": [...]?,
     "enforcement_sweep": {...}?, "stored": run_id?}

It holds no wall-clock time (``elapsed_s`` is logged and printed in text output
only), so two runs with the same seed and options print byte-identical JSON
(without ``--db``, whose run id is random).
"""

from __future__ import annotations

import json
import logging
import shutil
import uuid
from collections.abc import Sequence
from typing import Any

import click

log = logging.getLogger(__name__)


def _scheduler(value: str | None) -> Any:
    if value is None or value.lower() == "none":
        return None
    return value


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


#: Narrowest text output: rich would otherwise cut tables at 80 columns when stdout is not a terminal.
MIN_WIDTH = 120

PRIOR_CAPTION = ("prior (floored): the share of runs ending in each hypothesis, floored at "
                 "{floor} and renormalised so no prior is zero; usable as the case's priors "
                 "(foothold assess --prior ...; see docs/scenario.md).")


def _console() -> Any:
    """A rich Console at least :data:`MIN_WIDTH` columns wide (the terminal's width if wider)."""
    from rich.console import Console

    return Console(width=max(MIN_WIDTH, shutil.get_terminal_size().columns), soft_wrap=False)


def _table(title: str, columns: Sequence[str], caption: str | None = None) -> Any:
    """A rich Table whose cells fold rather than get cut with an ellipsis, so no number is lost."""
    from rich.table import Table

    t = Table(title=title, caption=caption, caption_justify="left")
    for c in columns:
        t.add_column(c, overflow="fold")
    return t


def _render_text(payload: dict[str, Any]) -> None:
    from .simulate import PRIOR_FLOOR

    con = _console()
    t = _table(f"Hypotheses at end-2030 ({payload['runs']:,} runs, seed {payload['seed']}, "
               f"{payload['n_firms']} plants per run)",
               ("hypothesis", "probability", "95% interval (Wilson)", "prior (floored)"),
               caption=PRIOR_CAPTION.format(floor=_pct(PRIOR_FLOOR)))
    for h in payload["hypotheses"]:
        lo, hi = h["interval"]
        t.add_row(h["id"], _pct(h["probability"]), f"{_pct(lo)} – {_pct(hi)}", _pct(payload["priors"][h["id"]]))
    con.print(t)

    s = payload["summary"]
    t = _table("Outcomes (5th / 50th / 95th percentile over runs)", ("outcome", "q05", "median", "q95"))
    for key, label in (("workers_2030_total", "DPRK workers end-2030, all sectors (persons)"),
                       ("workers_2030_target", "DPRK workers end-2030, car/phone/electronics (persons)")):
        q = s[key]
        t.add_row(label, f"{q['q05']:,.0f}", f"{q['q50']:,.0f}", f"{q['q95']:,.0f}")
    e = s["earnings_usd_per_year"]["2030"]
    t.add_row("DPRK state earnings 2030 (USD per year)", f"{e['q05']:,.0f}", f"{e['q50']:,.0f}", f"{e['q95']:,.0f}")
    con.print(t)
    con.print(f"Median share of target-sector workers in skill-building roles, end-2030: "
              f"{_pct(s['skill_share_target_2030_median'])}")

    years = sorted({r["year"] for r in payload["fan_chart"]})
    t = _table("DPRK workers by sector, median (5th–95th percentile)", ["sector", *map(str, years)])
    sectors = list(dict.fromkeys(r["sector"] for r in payload["fan_chart"]))
    for sec in sectors:
        rows = {r["year"]: r for r in payload["fan_chart"] if r["sector"] == sec}
        t.add_row(sec, *[f"{rows[y]['q50']:,.0f} ({rows[y]['q05']:,.0f}–{rows[y]['q95']:,.0f})" for y in years])
    con.print(t)

    if "calibration" in payload:
        t = _table("Calibration: model (median, 90% interval) vs reported",
                   ("quantity", "year", "reported", "model median", "model 90% interval", "covered"))
        for r in payload["calibration"]:
            frac = r["unit"] == "fraction"
            f = (lambda v: _pct(v)) if frac else (lambda v: f"{v:,.0f}")
            rep = f(r["reported"]) if r["kind"] == "point" else (
                f"≥ {f(r['reported_low'])}" if r["kind"] == "lower_bound"
                else f"{f(r['reported_low'])}–{f(r['reported_high'])}")
            t.add_row(r["quantity"], str(r["year"]), rep, f(r["model_median"]),
                      f"{f(r['model_q05'])} – {f(r['model_q95'])}", "yes" if r["covered"] else "[red]NO[/red]")
        con.print(t)
    if "sweep" in payload:
        sw = payload["sweep"]
        con.print(f"Sweep ({sw['method']}, {sw['samples']} points): "
                  + ", ".join(f"{k} {_pct(v)}" for k, v in sw["probabilities"].items()))
    if "discovery" in payload:
        con.print("[bold]Scenario discovery (PRIM): input ranges that lead to h_foothold[/bold]")
        for rule in payload["discovery"]:
            con.print(f"  • {rule}", markup=False)
        if not payload["discovery"]:
            con.print(f"  {payload.get('discovery_note', 'no input region found')}", markup=False)
    if "enforcement_sweep" in payload:
        es = payload["enforcement_sweep"]
        t = _table("P(h_foothold) by enforcement intensity (other inputs drawn)",
                   ("enforcement_intensity", "P(h_foothold)", "95% interval"))
        for r in es["levels"]:
            lo, hi = r["interval"]
            t.add_row(f"{r['enforcement_intensity']:.2f}", _pct(r["p_foothold"]), f"{_pct(lo)} – {_pct(hi)}")
        con.print(t)
        lv = es["lowest_level_below"]
        con.print(f"Lowest enforcement level with P(h_foothold) < {_pct(es['threshold'])}: "
                  + (f"{lv:.2f}" if lv is not None else "none in the range swept"))
    if "stored" in payload:
        con.print(f"Stored as run {payload['stored']}")
    if payload.get("elapsed_s") is not None:
        con.print(f"Simulation time: {payload['elapsed_s']:.2f} s", style="dim")


@click.command("simulate")
@click.option("--runs", type=click.IntRange(min=1), default=10_000, show_default=True, help="Monte Carlo runs.")
@click.option("--seed", type=int, default=0, show_default=True, help="Root seed (same seed, same numbers).")
@click.option("--firms", "n_firms", type=click.IntRange(min=5), default=None,
              help="Plants per run (default: the model's 300).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--calibrate", "do_calibrate", is_flag=True, help="Compare modelled history with reported figures.")
@click.option("--sweep", "sweep_method", type=click.Choice(["lhs", "sobol"]), default=None,
              help="Sweep all uncertainties and levers with this design.")
@click.option("--samples", type=click.IntRange(min=2), default=2_000, show_default=True, help="Sweep design points.")
@click.option("--discover", "do_discover", is_flag=True,
              help="Scenario discovery (PRIM) on the sweep (implies --sweep lhs if none given).")
@click.option("--min-lift", "min_lift", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Discovery reports a box only if its share of h_foothold runs is at least this many "
                   "times the base rate (default 1.2).")
@click.option("--enforcement-sweep", "do_enforcement", is_flag=True,
              help="P(h_foothold) at enforcement intensity 0, 0.1, ..., 1.")
@click.option("--scheduler", default="none", show_default=True,
              help="Evaluator: none (in process), threads, synchronous, local (2-worker Dask cluster) or a Dask scheduler address.")
@click.option("--db", "db_url", default=None, help="Store the run in this database URL (foothold.store).")
def simulate(runs: int, seed: int, n_firms: int | None, fmt: str, do_calibrate: bool,
             sweep_method: str | None, samples: int, do_discover: bool, min_lift: float | None,
             do_enforcement: bool, scheduler: str, db_url: str | None) -> None:
    """Monte Carlo of the February 2026 foothold strategy to 2030: which hypothesis do runs end in?

    The seed's levers (wage discount, contract simplicity, skill-building roles,
    long-term weighting) are uncertainties that are varied, never optimised.
    """
    from .calibrate import calibrate as run_calibration
    from .discovery import base_rate, discover, no_box_message
    from .params import PARAMETERS
    from .simulate import DEFAULT_FIRMS, fan_chart_data, priors_from_simulation
    from .simulate import simulate as run_simulation
    from .sweep import enforcement_sweep
    from .sweep import sweep as run_sweep

    sched = _scheduler(scheduler)
    nf = n_firms or DEFAULT_FIRMS
    try:
        result = run_simulation(runs, seed, scheduler=sched, n_firms=nf)
    except (ValueError, KeyError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    summary = result.summary()
    elapsed = summary.pop("elapsed_s", None)  # logged by simulate(); text output only, never in JSON
    payload: dict[str, Any] = {
        "hypotheses": summary["hypotheses"], "seed": seed, "runs": runs, "n_firms": result.n_firms,
        "interval_method": summary["interval_method"],
        "priors": priors_from_simulation(result),
        "summary": {k: v for k, v in summary.items() if k not in ("hypotheses", "seed", "runs", "n_firms")},
        "fan_chart": fan_chart_data(result),
    }
    if do_calibrate:
        payload["calibration"] = run_calibration(result)
    if do_discover and not sweep_method:
        sweep_method = "lhs"
    if sweep_method:
        sw = run_sweep("sobol" if sweep_method == "sobol" else "lhs", samples, seed, scheduler=sched, n_firms=nf)
        payload["sweep"] = {"method": sweep_method, "samples": int(len(sw.x)), "parameters": list(sw.names),
                            "probabilities": sw.probabilities()}
        if do_discover:
            boxes = discover(sw, "h_foothold", min_lift=min_lift)
            base = base_rate(sw, "h_foothold")
            payload["discovery"] = [b.rule() for b in boxes]
            payload["discovery_boxes"] = [{"limits": b.limits, "density": b.density, "coverage": b.coverage,
                                           "support": b.support, "lift": b.lift} for b in boxes]
            payload["discovery_base_rate"] = base
            if not boxes:
                payload["discovery_note"] = no_box_message("h_foothold", base)
    if do_enforcement:
        payload["enforcement_sweep"] = enforcement_sweep(
            runs=min(runs, 2_000), seed=seed, scheduler=sched, n_firms=nf)
    if db_url:
        spec = {p.name: {"low": p.low, "high": p.high, "default": p.default, "unit": p.unit,
                         "distribution": p.distribution, "kind": p.kind} for p in PARAMETERS}
        payload["stored"] = _store(db_url, seed, {**payload, "summary": {**payload["summary"], "elapsed_s": elapsed}},
                                   {"n_firms": result.n_firms, "runs": runs, "drawn": True, "parameters": spec})
    for h in payload["hypotheses"]:
        h["probability"] = float(h["probability"])
    if fmt == "json":
        click.echo(json.dumps(payload, ensure_ascii=False, default=float))
    else:
        _render_text({**payload, "elapsed_s": elapsed})


def _store(db_url: str, seed: int, payload: dict[str, Any], params: dict[str, Any]) -> str | None:
    """Save via ``foothold.store.Store(url).save_scenario_run``; skipped (logged) if unavailable."""
    try:
        from foothold.store import Store  # type: ignore[attr-defined]
    except ImportError as exc:
        log.warning("not storing the run: foothold.store is not available (%s)", exc)
        return None
    run_id = f"scn-{seed}-{uuid.uuid4().hex[:12]}"
    results = {k: v for k, v in payload.items() if k != "stored"}
    store = None
    try:
        store = Store(db_url)
        store.save_scenario_run(run_id, seed, params, json.loads(json.dumps(results, default=float)))
    except Exception as exc:  # noqa: BLE001 - storage must not lose the printed result
        log.error("could not store the run in %s: %s", db_url, exc)
        return None
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()
    return run_id
