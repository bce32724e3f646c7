"""Language of a document: ISO 639-1 code from a declared hint and the body's script.

Same decisions as :func:`foothold.extract.language.detect_language` (script first:
Hangul, kana, Han, Cyrillic; py3langid for Latin-script text), with regular-expression
counting instead of a per-character loop and a model-free shortcut for plain English,
so that ingest stays cheap. A declared language (``<html lang>``, a feed or JSONL
field) wins unless the body's script contradicts it.
"""

from __future__ import annotations

import re

__all__ = ["language_of"]

_SCRIPT_LANGS = {"ru", "uk", "be", "bg", "sr", "mk", "kk", "ko", "ja", "zh"}


_SCRIPT_RES = {
    "hangul": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
}
_LETTER_RE = re.compile(r"[^\W\d_]")


def _script_language(sample: str) -> str | None:
    """``ko``/``ja``/``zh``/``ru``/``uk`` when the script decides it, ``latin`` for Latin text, None if no letters.

    Same thresholds as :func:`foothold.extract.language.detect_language`, counted with
    regular expressions (fast) instead of a per-character loop.
    """
    if sample.isascii():
        return "latin" if any(ch.isalpha() for ch in sample) else None
    counts = {k: len(p.findall(sample)) for k, p in _SCRIPT_RES.items()}
    letters = len(_LETTER_RE.findall(sample))
    other = max(0, letters - sum(counts.values()))
    total = sum(counts.values()) + other
    if total == 0:
        return None
    if counts["hangul"] / total > 0.2:
        return "ko"
    if counts["kana"] / total > 0.05:
        return "ja"
    if counts["han"] / total > 0.2:
        return "zh"
    if counts["cyrillic"] / total > 0.3:
        return "uk" if any(c in sample for c in "ґєії") else "ru"
    return "latin"


def language_of(body: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code: the declared ``hint`` unless the body's script contradicts it.

    Without a usable hint the body is identified the way
    :func:`foothold.extract.language.detect_language` does it (script first, then
    py3langid for Latin-script text), only faster.
    """
    if hint:
        hint = re.split(r"[-_,;\s]", hint.strip().lower(), maxsplit=1)[0]
        if not re.fullmatch(r"[a-z]{2}", hint):
            hint = None
    sample = body[:5000]
    script = _script_language(sample)
    if script is None:
        return hint
    if script != "latin":
        if (
            hint == script
            or (hint == "ru" and script == "uk")
            or (hint in ("uk", "be") and script == "ru")
        ):
            return hint
        return script
    if hint and hint not in _SCRIPT_LANGS:
        return hint
    return _latin_language(sample[:2000])


_EN_STOPWORDS = frozenset(
    "the of and to that for with said from at are have were by its this which their would will been".split()
)
_WORD_RE = re.compile(r"[A-Za-z]+")


def _latin_language(sample: str) -> str | None:
    """ISO 639-1 code for Latin-script text: plainly English prose is ``en`` without a model
    (an eighth or more of its words are common English-only function words); anything else goes
    to py3langid, as detect_language does."""
    words = _WORD_RE.findall(sample[:3000])
    hits = sum(1 for w in words if w.lower() in _EN_STOPWORDS)
    if len(words) >= 30 and hits / len(words) >= 0.125:
        return "en"
    if len(words) < 30 and sample.isascii() and hits:
        return "en"  # too short for the model; plain ASCII with English function words
    try:
        import py3langid

        code, _score = py3langid.classify(sample)
    except Exception:  # pragma: no cover - classifier failure is not fatal
        from foothold.extract.language import detect_language

        return detect_language(sample)
    return str(code)
