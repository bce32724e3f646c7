"""Extraction quality gate: the scorer's figures must not fall below the pinned floors.

Runs ``foothold extract`` (the real command, as the README says) on the shared dev
corpus and on the project's own annotated sample (tests/corpus), scores each with
``../shared/eval/score.py --json`` and compares with ``tests/eval_baseline.json``.
Floors are only ever raised.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ["FOOTHOLD_SHARED"]) if os.environ.get("FOOTHOLD_SHARED") else ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())
FOOTHOLD = [sys.executable, "-m", "foothold"]

CORPORA = {
    "dev": SHARED / "corpus" / "dev",
    "sample": Path(__file__).parent / "corpus",
    "unseen": Path(__file__).parent / "corpus2",
    "unseen3": Path(__file__).parent / "corpus3",
    "unseen4": Path(__file__).parent / "corpus4",
}


def _docs_dir(corpus: Path) -> Path:
    if (corpus / "docs").is_dir():
        return corpus / "docs"
    from foothold.cli import sample_corpus_path

    return Path(sample_corpus_path())


def _score(name: str, tmp_path: Path) -> dict:
    corpus = CORPORA[name]
    if not SCORER.exists() or not (corpus / "gold.jsonl").exists():
        pytest.skip(f"{name} corpus or scorer not available")
    out = tmp_path / f"{name}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(FOOTHOLD + ["extract", str(_docs_dir(corpus)), "--format", "jsonl"], stdout=fh, stderr=subprocess.PIPE, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    args = [sys.executable, str(SCORER), "--gold", str(corpus / "gold.jsonl"), "--json", str(out)]
    if (corpus / "aliases.json").exists():
        args[4:4] = ["--aliases", str(corpus / "aliases.json")]
    scored = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert scored.returncode == 0, scored.stderr
    return json.loads(scored.stdout)


def _field_value(stats: dict) -> float:
    return stats["accuracy"] if "accuracy" in stats else stats["f1"]


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_scores_hold_their_floor(name: str, tmp_path: Path) -> None:
    report = _score(name, tmp_path)
    floor = BASELINE[name]
    assert report["documents"]["missing"] == [], "documents the extractor failed to read"
    assert report["overall"] >= floor["overall"] - 1e-9, f"{name} overall {report['overall']:.3f} < floor {floor['overall']}"
    for field, minimum in floor["fields"].items():
        value = _field_value(report["fields"][field])
        assert value >= minimum - 1e-9, f"{name} {field} {value:.3f} < floor {minimum}"


def test_seed_report_is_relevant_with_directive_and_target_sectors(tmp_path: Path) -> None:
    seed_dir = SHARED / "seeds"
    if not seed_dir.is_dir():
        pytest.skip("seed not available")
    proc = subprocess.run(FOOTHOLD + ["extract", str(seed_dir), "--format", "jsonl"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = json.loads(proc.stdout.splitlines()[0])
    assert line["relevant"] is True
    assert {"id": "ind_directive", "polarity": "positive"} in line["indicators"]
    assert {"automotive", "communications_devices", "electronics"} <= set(line["sectors"])
