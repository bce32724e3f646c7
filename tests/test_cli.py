"""The command line as a user runs it: exit codes, bad input, idempotent ingest, the demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from foothold.cli import _register_stage_commands, cli

_register_stage_commands()

REPORT = """Builders leave for Siberia
Published: 4 March 2025 | Test Wire

About 400 North Korean construction workers arrived in Russia's Novosibirsk region last month, the regional government said.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return folder


def test_extract_reports_bad_files_and_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", str(_folder(tmp_path))])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    errors = [x for x in lines if "error" in x]
    docs = [x for x in lines if "error" not in x]
    assert len(docs) == 1 and docs[0]["relevant"] is True
    assert {Path(e["path"]).name for e in errors} == {"empty.txt", "binary.html"}
    for name in ("empty.txt", "binary.html"):
        assert any(name in line and line.startswith("error:") for line in result.stderr.splitlines())


def test_extract_exit_codes(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, ["extract", str(tmp_path / "missing")]).exit_code == 1
    assert runner.invoke(cli, ["extract"]).exit_code == 2
    assert runner.invoke(cli, ["extract", str(tmp_path), "--format", "xml"]).exit_code == 2


def test_ingest_twice_stores_once(runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    db = f"sqlite:///{tmp_path / 'f.db'}"
    first = runner.invoke(cli, ["ingest", str(folder), "--db", db])
    assert first.exit_code == 0, first.output
    assert "1 new" in first.stderr
    second = runner.invoke(cli, ["ingest", str(folder), "--db", db])
    assert second.exit_code == 0
    assert "0 new, 1 already stored" in second.stderr
    assert "store holds 1 documents" in second.stderr or "store holds 1 document" in second.stderr


def test_demo_writes_a_report_with_evidence(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(cli, ["demo", "--out", str(out), "--fan-runs", "200"])
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    evidence = [json.loads(line) for line in (out / "evidence.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(evidence) >= 8
    sentences = [c["text"] for ev in evidence for c in ev["claims"]]
    assert sentences, "the sample yields claims"
    from html import escape

    assert escape(sentences[0], quote=False) in page or escape(sentences[0]) in page
    assert "h_foothold" in page or "Industrial foothold" in page
