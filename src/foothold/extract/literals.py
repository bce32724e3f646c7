"""Literal triggers of regular expressions, for skipping text no match can start in.

Python's ``re`` engine tries a pattern that opens with ``\\b`` and a long
alternation at every position of the text. Most cue patterns, though, can only
match where one of a few dozen literal words starts ("said", "according",
"citing"...). :class:`GatedPattern` finds those words in one Aho-Corasick pass
(pyahocorasick, in C) and runs the pattern only there, anchored with
``Pattern.match(text, pos)``, which still sees the text before ``pos`` for
``\\b`` and look-behinds. Taking candidate positions in ascending order and
moving past each match gives exactly the matches of ``Pattern.finditer``:
both report, from the current position on, the leftmost position at which the
pattern matches, and the match found there.

Alternatives whose literal start is shorter than two characters (``a\\s+annoncé``)
are located with a zero-width look-ahead scan of just those alternatives instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

__all__ = ["GatedPattern", "leading_literal", "split_alternatives", "start_alternatives", "start_literals"]

_META = set("\\()[]{}?*+.|^$")
_MIN_TRIGGER = 2


def leading_literal(alternative: str) -> str:
    """The literal text every match of ``alternative`` starts with ("" when there is none).

    A leading ``\\b`` is skipped; a top-level ``|`` means there is no single prefix;
    a character made optional by ``?``, ``*`` or ``{`` is not part of the prefix.
    """
    depth = 0
    for i, ch in enumerate(alternative):  # a top-level "|" means no single prefix
        if ch == "\\":
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0 and (i == 0 or alternative[i - 1] != "\\"):
            return ""
    text = alternative[2:] if alternative.startswith("\\b") else alternative
    run: list[str] = []
    for ch in text:
        if ch in _META:
            if ch in "?*{" and run:
                run.pop()  # the previous character is optional
            break
        run.append(ch)
    return "".join(run)


def _syntax(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, character, depth)`` of each group parenthesis and ``|`` of a regex source.

    Escaped characters and the inside of character classes are skipped; ``depth`` is
    the group nesting after an opening parenthesis and before a closing one.
    """
    depth = 0
    in_class = False
    i = start
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "(|)":
            if ch == "(":
                depth += 1
            yield i, ch, depth
            if ch == ")":
                depth -= 1
        i += 1


def _group_end(source: str, start: int) -> int:
    """Index just past the ``)`` closing the group opened at ``source[start]``; -1 if unbalanced."""
    for i, ch, depth in _syntax(source, start):
        if ch == ")" and depth == 1:
            return i + 1
    return -1


def split_alternatives(source: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex source (escapes, classes and groups respected)."""
    out: list[str] = []
    last = 0
    for i, ch, depth in _syntax(source):
        if ch == "|" and depth == 0:
            out.append(source[last:i])
            last = i + 1
    out.append(source[last:])
    return out


def start_alternatives(alternative: str, budget: int = 2000) -> list[str] | None:
    """Alternatives with no leading group that together can start wherever ``alternative`` can.

    A leading group (capturing or not) is distributed over what follows it:
    ``(?:a|b)c`` gives ``ac`` and ``bc``; ``(?:a)?c`` gives ``ac`` and ``c``; a
    leading class of a few plain letters is spelled out: ``[Oo]ne`` gives ``One``
    and ``one``.
    The result matches at the same start positions as ``alternative`` (not
    necessarily with the same match), which is all a trigger scan needs.
    Returns None when the start cannot be rewritten (a look-around group, a group
    under ``*``, ``+`` or ``{}``, a class with ranges or escapes) or more than
    ``budget`` alternatives would result.
    """
    if alternative.startswith("["):
        spelled = _class_alternatives(alternative)
        if spelled is None:
            return None
        out: list[str] = []
        for alt in spelled:
            expanded = start_alternatives(alt, budget)
            if expanded is None:
                return None
            out.extend(expanded)
        return out if len(out) <= budget else None
    if not alternative.startswith("("):
        return _literal_then_group(alternative, budget)
    if alternative.startswith("(?:"):
        opened = 3
    elif alternative.startswith("(?P<"):
        opened = alternative.find(">") + 1  # a named group starts where a plain one would
    elif alternative.startswith("(?"):
        return None  # look-around, flags, conditionals
    else:
        opened = 1  # a capturing group
    end = _group_end(alternative, 0)
    if end < 0 or opened <= 0:
        return None
    inner, rest = alternative[opened : end - 1], alternative[end:]
    optional = False
    if rest[:1] in ("*", "+", "{"):
        return None
    if rest[:1] == "?":
        optional = True
        rest = rest[1:]
        if rest[:1] in ("?", "+"):  # lazy or possessive: same start positions
            rest = rest[1:]
    out = []
    for part in split_alternatives(inner):
        expanded = start_alternatives(part + rest, budget)
        if expanded is None:
            return None
        out.extend(expanded)
        if len(out) > budget:
            return None
    if optional:
        expanded = start_alternatives(rest, budget)
        if expanded is None:
            return None
        out.extend(expanded)
    return out


_CLASS_MAX = 4
_SHORT_PREFIX = 3


def _literal_then_group(alternative: str, budget: int) -> list[str]:
    """``e(?:ight|leven)x`` as ``eightx`` and ``elevenx`` when the literal start is short.

    Distributing the group that follows a one- or two-character literal gives longer
    triggers; when it cannot be distributed the alternative is kept whole.
    """
    i = 0
    while i < len(alternative) and alternative[i] not in _META:
        i += 1
    if i == 0 or i >= _SHORT_PREFIX or i >= len(alternative) or alternative[i] != "(":
        return [alternative]
    expanded = start_alternatives(alternative[i:], budget)
    if expanded is None:
        return [alternative]
    return [alternative[:i] + e for e in expanded]



def _class_alternatives(alternative: str) -> list[str] | None:
    """``[Xx]rest`` as ``Xrest`` and ``xrest``; None for negated, ranged, escaped, optional or big classes."""
    close = alternative.find("]", 1)
    if close < 0:
        return None
    members = alternative[1:close]
    rest = alternative[close + 1 :]
    if (
        not members
        or len(members) > _CLASS_MAX
        or any(ch in _META or ch in "^-" for ch in members)
        or rest[:1] in ("?", "*", "{")
    ):
        return None
    return [ch + rest for ch in dict.fromkeys(members)]


def start_literals(
    alternatives: list[str], min_length: int = 1
) -> tuple[set[str], list[str]] | None:
    """The literal starts of regex ``alternatives``: ``(triggers, short)``.

    Each alternative is rewritten by :func:`start_alternatives` (a leading ``\\b`` is
    dropped first); every start whose :func:`leading_literal` has at least
    ``min_length`` characters gives a trigger, the other starts are returned in
    ``short``. None when an alternative's start cannot be rewritten.
    """
    triggers: set[str] = set()
    short: list[str] = []
    for alt in alternatives:
        starts = start_alternatives(alt[2:] if alt.startswith("\\b") else alt)
        if starts is None:
            return None
        for start in starts:
            lit = leading_literal(start)
            if len(lit) >= min_length:
                triggers.add(lit)
            else:
                short.append(start)
    return triggers, short


class GatedPattern:
    """``finditer`` of a compiled pattern, run only where a match can start.

    The pattern must be ``\\b(?:ALT|ALT|...)\\b``-shaped or any alternation whose
    alternatives each begin with a literal or a distributable group (see
    :func:`start_alternatives`), without ``re.IGNORECASE`` (callers lower-case the
    text first). A pattern that does not qualify is run with plain ``finditer``
    (``gated`` is then False); results are identical either way.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.gated = False
        self._automaton: ahocorasick.Automaton | None = None
        self._lengths: list[int] = []
        self._short: re.Pattern[str] | None = None
        source = pattern.pattern
        if pattern.flags & re.IGNORECASE:
            return
        body = source
        if body.startswith("\\b"):
            body = body[2:]
        found = start_literals(split_alternatives(body), _MIN_TRIGGER)
        if found is None:
            return
        triggers, short = found
        if not triggers:
            return
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for trigger in sorted(triggers):
            automaton.add_word(trigger, len(trigger))
            self._lengths.append(len(trigger))
        automaton.make_automaton()
        self._automaton = automaton
        if short:
            self._short = re.compile("(?=" + "|".join(f"(?:{a})" for a in short) + ")")
        self.gated = True

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``self.pattern.finditer(text)`` gives, in order."""
        if self._automaton is None:
            yield from self.pattern.finditer(text)
            return
        positions = {end - length + 1 for end, length in self._automaton.iter(text)}
        if self._short is not None:
            positions.update(m.start() for m in self._short.finditer(text))
        match = self.pattern.match
        cursor = 0
        for pos in sorted(positions):
            if pos < cursor:
                continue
            m = match(text, pos)
            if m is not None:
                yield m
                cursor = m.end() if m.end() > pos else pos + 1
