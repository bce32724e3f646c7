"""The extraction benchmark runs end to end and reports every figure issue 3 asks for.

Nothing here times anything: the figures come from running the script on this
machine (docs/benchmark-extract.md); the test checks the script's shape on a
tiny corpus, and that one and two processes give the same output.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_script_reports_both_passes_on_one_and_two_processes(tmp_path):
    out = tmp_path / "bench.md"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "extract_benchmark.py"), "--docs", "40", "--repeat", "1", "--out", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    table = out.read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith(("| trafilatura", "| pipeline"))]
    assert [r.split("|")[1:3] for r in rows] == [
        [" trafilatura ", " 1 "], [" trafilatura ", " 2 "], [" pipeline ", " 1 "], [" pipeline ", " 2 "],
    ]
    for row in rows:
        cells = [c.strip() for c in row.split("|")[1:-1]]
        assert cells[2] == "40"  # files
        assert float(cells[5]) > 0 and float(cells[7]) > 0  # files/s, peak memory
    pipeline_docs = {r.split("|")[4].strip() for r in rows if r.startswith("| pipeline")}
    assert len(pipeline_docs) == 1 and int(pipeline_docs.pop()) >= 40  # feeds hold several documents
    assert "relative to the trafilatura-only pass" in table
    assert "Output on one and on two processes: identical" in table
