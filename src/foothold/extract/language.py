"""Language identification: ISO 639-1 code of a text.

Scripts decide first (Hangul -> ko, kana -> ja, Han -> zh, Cyrillic -> ru or uk),
because they are unambiguous and free; Latin-script text goes to py3langid
(a langid.py fork whose model ships inside the package, no download).
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["detect_language"]


def _script_counts(text: str) -> dict[str, int]:
    counts = {"hangul": 0, "kana": 0, "han": 0, "cyrillic": 0, "latin": 0}
    for ch in text:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            counts["hangul"] += 1
        elif 0x3040 <= o <= 0x30FF:
            counts["kana"] += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            counts["han"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["cyrillic"] += 1
        elif ch.isalpha() and "LATIN" in unicodedata.name(ch, ""):
            counts["latin"] += 1
    return counts


@functools.lru_cache(maxsize=1)
def _langid():  # pragma: no cover - import cost only
    import py3langid

    return py3langid


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (``en``, ``ru``, ``ko``, ``zh``, ...), None if there is no text.

    Only the first 5,000 characters are looked at.
    """
    sample = text[:5000]
    counts = _script_counts(sample)
    total = sum(counts.values())
    if total == 0:
        return None
    if counts["hangul"] / total > 0.2:
        return "ko"
    if counts["kana"] / total > 0.05:
        return "ja"
    if counts["han"] / total > 0.2:
        return "zh"
    if counts["cyrillic"] / total > 0.3:
        # Ukrainian letters that Russian lacks
        if any(c in sample for c in "ґєії"):
            return "uk"
        return "ru"
    try:
        code, _score = _langid().classify(sample)
    except Exception:  # pragma: no cover - defensive: classifier failure is not fatal
        return "en"
    return str(code)
