"""Sentence splitting with character offsets, for English, Russian, Korean and Chinese text.

Rules: a paragraph break always ends a sentence; ``.``, ``!``, ``?`` end one when
followed by space and a capital, digit, quote or non-Latin letter, unless the
word before is a known abbreviation ("U.S.", "Mr.", "St.", "Jan.") or an
initial; ``。！？`` end one anywhere.  Offsets are into the text as given and the
spans exclude surrounding whitespace.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt st mt jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vs etc inc ltd co corp dept gov rep sen jr sr u.s u.n u.k e.g i.e al approx est fig
    р г гг т тыс млн млрд руб ул им см""".split()
)
_END = re.compile(r"[.!?]+[\"'”’»)]*(?=\s)|[。！？]+[」』”]*")
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[-•*]\s)")


def _is_abbreviation(text: str, dot_index: int) -> bool:
    start = dot_index
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot_index].lower().strip(".")
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # single capital initial ("J. Smith") or dotted acronym ("U.S.")
    return len(word) == 1 or bool(re.fullmatch(r"(?:[a-zа-я]\.)+[a-zа-я]", word))


def _split_block(text: str, offset: int, out: list[tuple[int, int]]) -> None:
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        mark = m.group()
        if mark[0] == "." and _is_abbreviation(text, m.start()):
            continue
        if mark[0] in ".!?":
            rest = text[end:].lstrip()
            if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘«(—–-" or not rest[0].isascii()):
                continue
        _emit(text, start, end, offset, out)
        start = end
    _emit(text, start, len(text), offset, out)


def _emit(text: str, start: int, end: int, offset: int, out: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append((offset + start + lead, offset + start + lead + len(stripped)))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, in order, without overlapping."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA.finditer(text):
        _split_block(text[pos : m.start()], pos, spans)
        pos = m.end()
    _split_block(text[pos:], pos, spans)
    # a single newline inside a block also ends a sentence when the next line starts fresh
    final: list[tuple[int, int]] = []
    for s, e in spans:
        seg = text[s:e]
        inner = 0
        for m in re.finditer(r"\n", seg):
            left = seg[inner : m.start()].strip()
            if left:
                a = s + inner + (len(seg[inner : m.start()]) - len(seg[inner : m.start()].lstrip()))
                final.append((a, a + len(left)))
            inner = m.end()
        left = seg[inner:].strip()
        if left:
            a = s + inner + (len(seg[inner:]) - len(seg[inner:].lstrip()))
            final.append((a, a + len(left)))
    return final
