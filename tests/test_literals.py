"""Trigger-gated regex scans give exactly the matches of plain finditer."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from foothold.extract import attributions
from foothold.extract.literals import (
    GatedPattern,
    leading_literal,
    split_alternatives,
    start_alternatives,
)

ROOT = Path(__file__).resolve().parents[1]
CUE_PATTERNS = [attributions._SAY, attributions._PHRASE_CUES, attributions._SAY_PERSON]


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def test_split_alternatives_respects_groups_classes_and_escapes():
    assert split_alternatives(r"a|b(?:c|d)|[|x]|e\|f") == ["a", "b(?:c|d)", "[|x]", r"e\|f"]


def test_start_alternatives_distributes_leading_groups():
    assert start_alternatives(r"(?:data|figures)\s+by") == [r"data\s+by", r"figures\s+by"]
    assert start_alternatives(r"(?:the\s+)?report") == [r"the\s+report", "report"]
    assert start_alternatives(r"(?:x|(?:y|z)w)v") == ["xv", "ywv", "zwv"]
    assert start_alternatives(r"(?:ab)+c") is None  # repetition: not rewritten
    assert start_alternatives(r"(ab|d)c") == ["abc", "dc"]  # capturing groups too
    assert start_alternatives(r"(?<=x)ab") is None  # look-behind: not rewritten


def test_leading_literal_stops_at_optional_and_meta_characters():
    assert leading_literal(r"\bsaid\b") == "said"
    assert leading_literal(r"analy[sz]ed") == "analy"
    assert leading_literal(r"emphasis?ed") == "emphasi"
    assert leading_literal(r"a|b") == ""


def test_the_attribution_cue_scans_are_gated():
    for pattern in CUE_PATTERNS:
        assert GatedPattern(pattern).gated, pattern.pattern[:40]


def test_ignorecase_patterns_fall_back_to_plain_finditer():
    pattern = re.compile(r"\b(?:said|told)\b", re.IGNORECASE)
    gated = GatedPattern(pattern)
    assert not gated.gated
    assert spans(gated.finditer("He SAID and told")) == spans(pattern.finditer("He SAID and told"))


def _texts() -> list[str]:
    roots = [ROOT / "tests" / "corpus2" / "docs", ROOT / "src" / "foothold" / "sample" / "corpus"]
    out = []
    for root in roots:
        for path in sorted(root.iterdir()):
            out.append(path.read_bytes().decode("utf-8", errors="replace").lower())
    return out


def test_gated_scans_equal_finditer_on_real_reports():
    texts = _texts()
    assert len(texts) > 20
    found = 0
    for pattern in CUE_PATTERNS:
        gated = GatedPattern(pattern)
        for text in texts:
            expected = spans(pattern.finditer(text))
            assert spans(gated.finditer(text)) == expected
            found += len(expected)
    assert found > 100  # the comparison exercised many matches


WORDS = [
    "said", "says", "told", "according", "to", "citing", "cited", "by", "data", "from",
    "put", "it", "the", "figure", "at", "$5", "a", "annoncé", "d'après", "selon", "has",
    "reported", "analysed", "attributed", "called", "for", "urged", "x", "saidx", "unsaid",
    "estimates", "of", "released", "spoke", "with", " ", "\n", ",", ".", "-",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "", "  ", "\n"]))
def test_gated_scans_equal_finditer_on_generated_text(words, sep):
    text = sep.join(words)
    for pattern in CUE_PATTERNS:
        assert spans(GatedPattern(pattern).finditer(text)) == spans(pattern.finditer(text))


def test_indicator_cues_agree_with_their_plain_pattern():
    """Gated cue search (triggers, gated ungated part) finds a match exactly when the plain regex does."""
    from foothold.extract import indicators
    from foothold.extract.sentences import split_sentences

    cues = indicators._ALL_CUES
    assert sum(c._always_triggers is not None for c in cues) >= 10  # most ungated parts are gated too
    plain = [re.compile(c.pattern) for c in cues]
    sentences = []
    for text in _texts():
        sentences.extend(text[s:e] for s, e in split_sentences(text))
    assert len(sentences) > 300
    hits = 0
    for sentence in sentences:
        for c, p in zip(cues, plain, strict=True):
            expected = p.search(sentence) is not None
            assert (c.search(sentence) is not None) == expected, (c.pattern[:60], sentence[:80])
            hits += expected
    assert hits > 200


def test_classes_and_short_literals_are_spelled_out():
    assert start_alternatives(r"[Oo]ne\b") == [r"One\b", r"one\b"]
    assert start_alternatives(r"[eE](?:ight|leven)\b") == [r"eight\b", r"eleven\b", r"Eight\b", r"Eleven\b"]
    assert start_alternatives(r"(?P<n>ab|cd)e") == ["abe", "cde"]
    assert start_alternatives(r"[^a]b") is None and start_alternatives(r"[a-z]b") is None
    assert start_alternatives(r"(?=x)y") is None


def test_quantity_word_scan_gates_exactly():
    from foothold.extract import quantities

    gated = GatedPattern(quantities._CAND_EN)
    assert gated.gated
    texts = _texts() + ["Six thousand and twelve, an eleven-year span; A hundred men, a dozen ships."]
    found = 0
    for text in texts:
        expected = [(m.span(), m.lastgroup, m.span("en")) for m in quantities._CAND_EN.finditer(text)]
        assert [(m.span(), m.lastgroup, m.span("en")) for m in gated.finditer(text)] == expected
        found += len(expected)
    assert found > 20
