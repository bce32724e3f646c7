"""Language identification: ISO 639-1 code of a text.

One implementation serves ingest and extract: :func:`foothold.ingest.language.language_of`
(scripts decide first: Hangul -> ko, kana -> ja, Han -> zh, Cyrillic -> ru or uk;
Latin-script text goes to py3langid, whose model ships inside the package).
"""

from __future__ import annotations

from foothold.ingest.language import language_of

__all__ = ["detect_language"]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (``en``, ``ru``, ``ko``, ``zh``, ...), None if it has no letters."""
    return language_of(text)
