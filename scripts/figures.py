"""Regenerate docs/figures.md: extraction scores per corpus and per language.

Runs ``foothold extract`` on the shared dev corpus and on the project's own
annotated sample (tests/corpus), scores each with ``../shared/eval/score.py``,
and again per language (the gold file split by its ``language`` field).

Usage::

    .venv/bin/python scripts/figures.py [--out docs/figures.md]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ["FOOTHOLD_SHARED"]) if os.environ.get("FOOTHOLD_SHARED") else ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
FIELDS = ("relevant", "language", "published", "indicators", "sectors", "quantities", "attributions", "entities", "cluster")


def corpora() -> dict[str, tuple[Path, Path]]:
    """name -> (documents folder, folder holding gold.jsonl and aliases.json)."""
    sys.path.insert(0, str(ROOT / "src"))
    from foothold.cli import sample_corpus_path

    return {
        "dev (../shared/corpus/dev)": (SHARED / "corpus" / "dev" / "docs", SHARED / "corpus" / "dev"),
        "sample (tests/corpus)": (Path(sample_corpus_path()), ROOT / "tests" / "corpus"),
        "unseen (tests/corpus2)": (ROOT / "tests" / "corpus2" / "docs", ROOT / "tests" / "corpus2"),
        "unseen 3 (tests/corpus3)": (ROOT / "tests" / "corpus3" / "docs", ROOT / "tests" / "corpus3"),
        "unseen 4 (tests/corpus4)": (ROOT / "tests" / "corpus4" / "docs", ROOT / "tests" / "corpus4"),
    }


def _extract(docs: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-m", "foothold", "extract", str(docs), "--format", "jsonl"], stdout=fh, stderr=subprocess.DEVNULL, check=False)


def _score(gold: Path, aliases: Path, pred: Path) -> dict:
    args = [sys.executable, str(SCORER), "--gold", str(gold), "--json", str(pred)]
    if aliases.exists():
        args[4:4] = ["--aliases", str(aliases)]
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def _value(stats: dict) -> float:
    return stats["accuracy"] if "accuracy" in stats else stats["f1"]


def _tail(path: str) -> str:
    return path.replace("\\", "/").split("/")[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "figures.md"))
    args = parser.parse_args()
    if not SCORER.exists():
        raise SystemExit(f"scorer not found at {SCORER}: put the shared folder beside the checkout or set FOOTHOLD_SHARED")
    rows: list[tuple[str, str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for name, (docs, meta) in corpora().items():
            gold_path = meta / "gold.jsonl"
            if not gold_path.exists():
                continue
            pred = tmpdir / "pred.jsonl"
            _extract(docs, pred)
            rows.append((name, "all", _score(gold_path, meta / "aliases.json", pred)))
            gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
            preds = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
            languages = sorted({g["language"] for g in gold if g.get("language")})
            if len(languages) < 2:
                continue
            for lang in languages:
                keep = {g["path"] for g in gold if g.get("language") == lang}
                g_file = tmpdir / f"gold-{lang}.jsonl"
                p_file = tmpdir / f"pred-{lang}.jsonl"
                g_file.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in gold if g["path"] in keep) + "\n", encoding="utf-8")
                p_file.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in preds if any(_tail(p["path"]) == _tail(k) or p["path"].endswith("/" + k) for k in keep)) + "\n", encoding="utf-8")
                rows.append((name, lang, _score(g_file, meta / "aliases.json", p_file)))
    lines = [
        "# Measured figures",
        "",
        "Regenerate with `.venv/bin/python scripts/figures.py`. Scores come from `../shared/eval/score.py`",
        "(accuracy for relevant, language and published; F1 for the rest; overall is their unweighted mean).",
        "The per-language rows score only that language's documents (cluster F1 is then within the language).",
        "",
        "Read these figures with care. Both corpora were looked at while the rules were written (the dev corpus",
        "by everyone, the sample set by the engineers who wrote it and tuned against it), so they overstate what",
        "the extractor does on reports it has never seen; they are regression floors, not estimates of held-out",
        "accuracy. Russian, Korean and Chinese are represented by one or two documents each. A reviewer's",
        "own new reports found reversed polarities on unseen wording (refusals read as placements); those kinds",
        "are fixed and pinned in tests/test_indicator_kinds.py, and the held-out score is the figure to trust.",
        "The third set (tests/corpus2) was written and annotated by someone who had not seen the extractor: its",
        "first score, before any rule was changed, was overall 0.926 (indicators 0.786, quantities 0.784,",
        "attributions 0.833, entities 0.933); that is the best estimate here of accuracy on unseen reports. The",
        "kinds of error it showed were then fixed, so its current row is no longer unseen.",
        "A fourth set (tests/corpus3: 16 files, 19 documents, HTML with dates in meta, JSON-LD, byline or URL only,",
        "an Atom feed, JSONL, KOI8-R Russian, EUC-KR Korean, GB18030 Chinese, a wire/copy/rewrite trio, an opinion",
        "piece and a distractor) was written the same way later. Its first score, with extraction otherwise",
        "finished, was overall 0.915 (published 0.895, indicators 0.852, quantities 0.851, attributions 0.796,",
        "entities 0.927; the Chinese market report was missed entirely). Expect held-out scores near these first",
        "scores rather than near the tuned rows below; the kinds of error it showed were then fixed as well.",
        "A fifth set (tests/corpus4, 10 documents in English, Russian, Korean and Chinese), written blind after",
        "those fixes, scored 0.943 at first (indicators 0.889, quantities 0.864, attributions 0.800, entities",
        "0.917); its kinds of error were fixed too. The first scores of the blind sets (0.926, 0.915, 0.943)",
        "are the honest estimate of held-out accuracy.",
        "",
        "## Extraction scores",
        "",
        "| corpus | language | docs | " + " | ".join(FIELDS) + " | overall |",
        "|---|---|---|" + "---|" * len(FIELDS) + "---|",
    ]
    for name, lang, rep in rows:
        vals = " | ".join(f"{_value(rep['fields'][f]):.3f}" for f in FIELDS)
        lines.append(f"| {name} | {lang} | {rep['documents']['gold']} | {vals} | {rep['overall']:.3f} |")
    lines += ["", "Speed figures: `docs/benchmark-extract.md` (extraction), `docs/assess-benchmark.md`,", "`docs/scenario-benchmark.md`.", ""]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
