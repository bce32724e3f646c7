"""The bundled sample corpus: readable, dated, encoded as README.md says, and annotated."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest

from foothold.ingest import iter_documents
from foothold.model import Document, ReadError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "foothold" / "sample"
CORPUS = SAMPLE / "corpus"
GOLD = ROOT / "tests" / "corpus" / "gold.jsonl"
ALIASES = ROOT / "tests" / "corpus" / "aliases.json"

KEYS = [
    "path",
    "title",
    "outlet",
    "published",
    "language",
    "relevant",
    "cluster",
    "indicators",
    "sectors",
    "quantities",
    "attributions",
    "entities",
    "claims",
]
INDICATORS = {
    "ind_directive",
    "ind_negotiation",
    "ind_agreement",
    "ind_inflow",
    "ind_placement_target",
    "ind_placement_other_mfg",
    "ind_placement_nonmfg",
    "ind_china_link",
    "ind_skills",
    "ind_terms",
    "ind_partner_reluctance",
    "ind_enforcement",
    "ind_friction",
    "ind_market_shift",
    "ind_state_ties",
}
SECTORS = {
    "automotive",
    "communications_devices",
    "electronics",
    "defence_manufacturing",
    "other_manufacturing",
    "construction",
    "agriculture_fisheries_logging",
    "it_services",
    "other",
}
UNITS = {
    "person",
    "usd",
    "rub",
    "krw",
    "usd_per_month",
    "usd_per_hour",
    "rub_per_month",
    "percent",
    "vehicle",
    "device",
    "unit",
    "km",
    "m",
}
ENTITY_TYPES = {"country", "organization", "company", "person", "place"}


def readme_encodings() -> dict[str, str]:
    """file name -> encoding, from the table in the sample README."""
    table: dict[str, str] = {}
    for line in (SAMPLE / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and (CORPUS / cells[0]).is_file():
            table[cells[0]] = cells[3].strip("*").strip()
    return table


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file())


@pytest.fixture(scope="module")
def items() -> list[Document | ReadError]:
    return list(iter_documents([str(CORPUS)]))


def _rel(path: str) -> str:
    return Path(path.split("#")[0]).name + ("#" + path.split("#")[1] if "#" in path else "")


def test_corpus_has_enough_reports(items):
    docs = [d for d in items if isinstance(d, Document)]
    assert len(docs) >= 8
    assert len(corpus_files()) >= 12


def test_every_file_reads_without_error(items):
    errors = [str(e) for e in items if isinstance(e, ReadError)]
    assert errors == []
    read = {Path(d.path.split("#")[0]).name for d in items}
    assert read == {p.name for p in corpus_files()}


def test_every_document_has_title_date_and_language(items):
    for doc in items:
        assert isinstance(doc, Document)
        assert doc.title, doc.path
        assert doc.published and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", doc.published), doc.path
        assert doc.language, doc.path


def test_readme_lists_every_file_with_its_encoding():
    table = readme_encodings()
    assert set(table) == {p.name for p in corpus_files()}
    for enc in table.values():
        codecs.lookup(enc)  # a real codec name
    wanted = {codecs.lookup(e).name for e in table.values()}
    assert {"cp1251", "euc_kr", "gb18030", "utf-8"} <= wanted


@pytest.mark.parametrize("name", sorted(readme_encodings()))
def test_bytes_are_in_the_encoding_readme_names(name):
    enc = readme_encodings()[name]
    raw = (CORPUS / name).read_bytes()
    text = raw.decode(enc)  # strict: raises if the bytes are not in that encoding
    if codecs.lookup(enc).name != "utf-8":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
    if name.endswith((".html", ".htm")):
        m = re.search(r'<meta\s+charset="([^"]+)"', text)
        assert m and codecs.lookup(m.group(1)).name == codecs.lookup(enc).name


def test_ingest_decodes_like_readme(items):
    table = readme_encodings()
    for doc in items:
        name = Path(doc.path.split("#")[0]).name
        if doc.encoding and codecs.lookup(table[name]).name != "utf-8":
            raw = (CORPUS / name).read_bytes()
            assert raw.decode(doc.encoding) == raw.decode(table[name]), name


def test_generator_reproduces_the_committed_files():
    from foothold.sample.make_corpus import reports

    generated = {name: text.encode(enc) for name, (text, enc) in reports().items()}
    assert set(generated) == {p.name for p in corpus_files()}
    for name, data in generated.items():
        assert (CORPUS / name).read_bytes() == data, (
            f"{name} differs from make_corpus.py; regenerate"
        )


# --- the annotated evaluation set -----------------------------------------


def gold() -> list[dict]:
    return [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_gold_covers_every_document(items):
    paths = [g["path"] for g in gold()]
    assert len(paths) == len(set(paths))
    assert set(paths) == {_rel(d.path) for d in items}


def test_gold_lines_follow_the_contract():
    aliases = json.loads(ALIASES.read_text(encoding="utf-8"))
    for g in gold():
        assert list(g) == KEYS, g["path"]
        assert g["claims"] == []
        assert g["language"] in {"en", "ru", "ko", "zh"}
        for ind in g["indicators"]:
            assert ind["id"] in INDICATORS and ind["polarity"] in {"positive", "negative"}
        assert set(g["sectors"]) <= SECTORS
        for q in g["quantities"]:
            assert q["unit"] in UNITS and isinstance(q["value"], (int, float)) and q["measure"]
        for e in g["entities"]:
            assert e["type"] in ENTITY_TYPES
            assert e["name"] in aliases, e["name"]
        for a in g["attributions"]:
            assert a in aliases, a
        if not g["relevant"]:
            assert not (
                g["indicators"]
                or g["sectors"]
                or g["quantities"]
                or g["attributions"]
                or g["entities"]
            )
        assert re.fullmatch(r"g\d+|s-.+", g["cluster"])


def test_gold_has_one_syndicated_group():
    groups: dict[str, list[str]] = {}
    for g in gold():
        groups.setdefault(g["cluster"], []).append(g["path"])
    shared = [sorted(v) for k, v in groups.items() if len(v) > 1]
    assert shared == [
        [
            "2025-11-14-alabuga-copy.html",
            "2025-11-14-alabuga-wire.txt",
            "2025-11-16-alabuga-rewrite.html",
        ]
    ]
