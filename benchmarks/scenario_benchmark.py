"""Benchmark: vectorised NumPy kernel vs the Mesa 3 agent-based reference, and Dask speed-up.

    .venv/bin/python benchmarks/scenario_benchmark.py            # full, writes docs/scenario-benchmark.md
    .venv/bin/python benchmarks/scenario_benchmark.py --quick    # smaller grid, no file

Sizes: 100, 1,000 and 10,000 plants × 1, 10, 100 and 1,000 replications, all
parameters at their defaults.  The Mesa side is capped at ``MESA_BUDGET``
plant-replications per configuration (beyond that it would take minutes to
hours); capped cells are marked "not run".  Time is wall-clock
(``time.perf_counter``) of an untraced run; peak memory is ``tracemalloc``'s peak
in a separate traced run (Python and NumPy allocations).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.mesa_reference import run_mesa  # noqa: E402

from foothold.scenario import simulate  # noqa: E402
from foothold.scenario.simulate import DEFAULT_FIRMS  # noqa: E402

FIRMS = (100, 1_000, 10_000)
REPS = (1, 10, 100, 1_000)
MESA_BUDGET = 100_000  # plant-replications (~30–60 s of Mesa per cell on this machine)


def _vec(n_firms: int, reps: int, seed: int = 1) -> None:
    simulate(reps, seed, n_firms=n_firms, vary=False)


def _mesa(n_firms: int, reps: int, seed: int = 1) -> None:
    for i in range(reps):
        run_mesa(None, n_firms, seed=seed + i)


def timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def peak_mib(fn, *args) -> float:
    tracemalloc.start()
    fn(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def dask_speedup(runs: int, seed: int = 1) -> dict:
    from foothold.scenario.distributed import local_client

    seq = timed(lambda: simulate(runs, seed))
    ref = simulate(runs, seed)
    out = {"sequential_s": seq}
    for n in (1, 2):
        client = local_client(n)
        cluster = client.cluster
        try:
            simulate(500, seed, scheduler=client)        # warm the workers (imports)
            t = time.perf_counter()
            res = simulate(runs, seed, scheduler=client)
            out[f"dask_{n}_s"] = time.perf_counter() - t
            out[f"dask_{n}_identical"] = all(np.array_equal(ref.outputs[k], res.outputs[k]) for k in ref.outputs)
        finally:
            client.close()
            cluster.close()
    out["speedup_1_to_2"] = out["dask_1_s"] / out["dask_2_s"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="100 and 1,000 plants, ≤100 replications, no file")
    ap.add_argument("--out", default=str(ROOT / "docs" / "scenario-benchmark.md"))
    ap.add_argument("--dask-only", action="store_true", help="only the Dask 1→2 worker speed-up (printed)")
    args = ap.parse_args(argv)
    if args.dask_only:
        load = os.getloadavg()[0]
        dk = dask_speedup(20_000)
        print(f"load {load:.1f}→{os.getloadavg()[0]:.1f}; dask: sequential {dk['sequential_s']:.2f} s, "
              f"1 worker {dk['dask_1_s']:.2f} s, 2 workers {dk['dask_2_s']:.2f} s, "
              f"speed-up {dk['speedup_1_to_2']:.2f}×, identical {dk['dask_1_identical'] and dk['dask_2_identical']}")
        return 0
    firms = FIRMS[:2] if args.quick else FIRMS
    reps_grid = REPS[:3] if args.quick else REPS
    load0 = os.getloadavg()

    # headline: 10,000 runs of the default model, parameters drawn
    head_runs = 2_000 if args.quick else 10_000
    simulate(250, 0)  # warm-up
    t_head = timed(lambda: simulate(head_runs, 1))
    print(f"simulate({head_runs}) with {DEFAULT_FIRMS} plants: {t_head:.2f} s = {head_runs / t_head:,.0f} runs/s", flush=True)

    rows = []
    for f in firms:
        for r in reps_grid:
            tv = timed(_vec, f, r)
            mv = peak_mib(_vec, f, r)
            if f * r <= MESA_BUDGET:
                tm = timed(_mesa, f, r)
                mm = peak_mib(_mesa, f, 1) if r == 1 else None
            else:
                tm = mm = None
            rows.append({"firms": f, "reps": r, "vec_s": tv, "vec_mib": mv, "mesa_s": tm, "mesa_mib": mm})
            ratio = f"{tm / tv:,.0f}×" if tm else "n/a"
            mesa_txt = f"{tm:.3f} s" if tm else "not run"
            print(f"firms {f:>6} reps {r:>5}: vectorised {tv:8.3f} s {mv:8.1f} MiB | "
                  f"mesa {mesa_txt:>10} | ratio {ratio}", flush=True)
    # Mesa per replication (from its largest run) vs vectorised per replication at each size
    per_rep = {}
    for f in firms:
        m = [x for x in rows if x["firms"] == f and x["mesa_s"]]
        v = [x for x in rows if x["firms"] == f]
        mesa_rep = max(m, key=lambda x: x["reps"])
        vec_rep = max(v, key=lambda x: x["reps"])
        per_rep[f] = (mesa_rep["mesa_s"] / mesa_rep["reps"], vec_rep["vec_s"] / vec_rep["reps"])
    for f, (m, v) in per_rep.items():
        print(f"per replication at {f} plants: mesa {m:.4f} s, vectorised {v:.5f} s, ratio {m / v:,.0f}×")

    dk = dask_speedup(2_000 if args.quick else 20_000)
    print(f"dask: sequential {dk['sequential_s']:.2f} s, 1 worker {dk['dask_1_s']:.2f} s, "
          f"2 workers {dk['dask_2_s']:.2f} s, speed-up {dk['speedup_1_to_2']:.2f}×, "
          f"identical {dk['dask_1_identical'] and dk['dask_2_identical']}")
    load1 = os.getloadavg()
    if args.quick:
        return 0

    lines = [
        "# Scenario model: benchmark",
        "",
        "Generated by `benchmarks/scenario_benchmark.py` "
        f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; do not edit by hand.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"NumPy {np.__version__}. Load average before / after: {load0[0]:.1f} / {load1[0]:.1f} "
        "(other jobs shared the machine, so times are upper bounds).",
        "",
        "## Headline",
        "",
        f"- `simulate({head_runs:,})`, {DEFAULT_FIRMS} plants per run, all parameters drawn: "
        f"**{t_head:.2f} s**, {head_runs / t_head:,.0f} runs/s (single process).",
        f"- Dask, 20,000 runs: sequential {dk['sequential_s']:.2f} s; LocalCluster 1 worker "
        f"{dk['dask_1_s']:.2f} s; 2 workers {dk['dask_2_s']:.2f} s; speed-up 1→2 workers "
        f"**{dk['speedup_1_to_2']:.2f}×**; results identical to the sequential run: "
        f"{dk['dask_1_identical'] and dk['dask_2_identical']}.",
        "",
        "## Vectorised kernel vs Mesa 3 reference (parameters at defaults)",
        "",
        f"Mesa is capped at {MESA_BUDGET:,} plant-replications per cell; larger cells are 'not run' "
        "(Mesa scales linearly with plant-replications: 10,000 plants × 1,000 replications would take "
        "about 40 minutes). Mesa peak memory is measured for one replication.",
        "",
        "| plants | replications | vectorised (s) | vectorised peak (MiB) | Mesa (s) | Mesa peak, 1 rep (MiB) | Mesa ÷ vectorised |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for x in rows:
        lines.append(
            f"| {x['firms']:,} | {x['reps']:,} | {x['vec_s']:.3f} | {x['vec_mib']:.1f} | "
            + (f"{x['mesa_s']:.3f}" if x["mesa_s"] else "not run") + " | "
            + (f"{x['mesa_mib']:.1f}" if x["mesa_mib"] else "–") + " | "
            + (f"{x['mesa_s'] / x['vec_s']:,.0f}×" if x["mesa_s"] else "–") + " |")
    lines += ["", "Per replication (Mesa: its largest run at that size; vectorised: its largest run):", "",
              "| plants | Mesa s/replication | vectorised s/replication | ratio |", "|---:|---:|---:|---:|"]
    for f, (m, v) in per_rep.items():
        lines.append(f"| {f:,} | {m:.4f} | {v:.5f} | {m / v:,.0f}× |")
    lines += ["", "Goal: ≥ 50× faster than Mesa at 10,000 plants; 10,000 runs in under 10 s.", ""]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
