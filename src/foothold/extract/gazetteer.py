"""Gazetteer: the case's actors and aliases matched in text.

Every canonical name and alias of the case's ``actors`` is compiled once per
case into one regular expression built as a trie (shared prefixes are merged,
so the engine dispatches on the first characters instead of trying hundreds of
alternatives).  Matching rules:

* Latin and Cyrillic aliases match on word boundaries; Korean and Chinese
  aliases match anywhere, since those scripts attach particles ("북한의").
* Short all-capital acronyms (US, UN, FSB, ФСБ...) are case-sensitive; other
  aliases are case-insensitive, except that an alias written with a capital
  first letter does not match a lower-case word ("Honor" is not "honor").
* A multi-word Cyrillic alias also matches with a lower-case first letter
  ("пограничной службы ФСБ"); single Cyrillic words keep the capital rule.
* Cyrillic words are matched by stem, so inflected forms are found
  ("России", "Россией", "Пограничной службы ФСБ России").
* The longest match wins; ``US$`` is not the United States.

Name normalisation follows ``ANNOTATION.md`` §8 (aliases map to one canonical
name; city names are not aliases of countries).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

from foothold.case import Actor, Case

__all__ = ["Gazetteer", "Mention", "alias_key", "is_cjk"]

log = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class Mention:
    """An actor mentioned at ``start:end`` of a text, by canonical ``name`` and ``type``.

    ``alias`` is the text as it appears at ``start:end``.
    """

    name: str
    type: str
    start: int
    end: int
    alias: str


_CJK_RE = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_CYR_RE = re.compile(r"[\u0400-\u04ff]")
_APOS = "'\u2019\u2018\u02bc`"
_DASHES = "-\u2010\u2011\u2012\u2013"
# Russian inflectional endings stripped to get a stem (longest first).
_RU_ENDINGS = sorted(
    """ами ями ого его ому ему ыми ими ой ей ий ый ая яя ое ее ые ие ых их ую юю ом ем ам ям ах ях
    ия ию ии ья ье ьи а я о е ы и у ю й ь""".split(),
    key=len,
    reverse=True,
)
_RU_SUFFIX = "[а-яёіїєґў]{0,4}"
# Chinese words that contain a short actor alias but name something else (the Great
# Wall, Chang'an Avenue): matched as a whole and resolved to nothing, so the alias
# inside them ("长城", "长安") is not a mention.
_CJK_NOT_NAMES = (
    "万里长城", "八达岭长城", "慕田峪长城", "长城脚下", "登长城", "爬长城", "游长城", "长城遗址",
    "长安街", "长安大街", "长安城", "古都长安",
)


def is_cjk(text: str) -> bool:
    """True when ``text`` contains Korean or Chinese/Japanese characters."""
    return bool(_CJK_RE.search(text))


def alias_key(text: str) -> str:
    """Lookup key of a name: NFKC, casefolded, apostrophes and dashes unified, spaces collapsed."""
    t = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    for ch in _APOS:
        t = t.replace(ch, "'")
    for ch in _DASHES:
        t = t.replace(ch, " ")
    t = t.replace("«", " ").replace("»", " ").replace('"', " ")
    return " ".join(t.split())


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 1 < len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _ru_stem(word: str) -> str:
    low = word.lower()
    for end in _RU_ENDINGS:
        if low.endswith(end) and len(word) - len(end) >= 3:
            return word[: len(word) - len(end)]
    return word


def _word_atoms(word: str) -> list[str]:
    """Regex atoms for one word of an alias, matched against lower-cased text.

    Literal letters become one atom each, so the compiled trie branches on single
    characters (fast dispatch); a Cyrillic word becomes its stem plus an ending.
    """
    low = word.lower().replace("ё", "е")
    if _CYR_RE.search(word) and word.isalpha() and not _is_acronym(word):
        if len(word) >= 3:
            return [re.escape(c) for c in _ru_stem(low)] + [_RU_SUFFIX]
        return [re.escape(c) for c in low] + ["[а-яёіїєґў]{0,2}"]
    return [re.escape(c) for c in low]


_ATOM_RE = re.compile(r"\s+|[^\W_]+(?:[.][^\W_]+)*\.?|[^\w\s]", re.UNICODE)


def _alias_atoms(alias: str) -> list[str]:
    """Split an alias into regex atoms: words and separators (spaces, apostrophes, dashes)."""
    atoms: list[str] = []
    for tok in _ATOM_RE.findall(alias):
        if tok.isspace():
            atoms.append("\\s+")
        elif tok in _APOS:
            atoms.append("['\u2019\u2018\u02bc`]")
        elif tok in _DASHES:
            atoms.append("[\\s\\-\u2010\u2011\u2012\u2013]+")
        elif tok in '«»"':
            atoms.append('[«»"\u201c\u201d]?')
        elif tok[0].isalnum():
            atoms.extend(_word_atoms(tok))
        else:
            atoms.append(re.escape(tok))
    return atoms


def _cjk_atoms(alias: str) -> list[str]:
    out: list[str] = []
    for part in alias.split():
        if out:
            out.append("\\s*")
        out.extend(re.escape(ch) for ch in part)
    return out


class _Trie:
    __slots__ = ("children", "end")

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.end = False

    def add(self, atoms: list[str]) -> None:
        node = self
        for a in atoms:
            node = node.children.setdefault(a, _Trie())
        node.end = True

    def pattern(self) -> str:
        if not self.children:
            return ""
        # longer atoms first so the regex prefers the longest alternative
        alts = [
            a + c.pattern()
            for a, c in sorted(self.children.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        ]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if self.end:
            return "(?:" + body + ")?" if len(alts) > 1 or len(alts[0]) > 1 else body + "?"
        return body


@dataclass(slots=True)
class _Entry:
    actor: Actor
    alias: str
    upper_initial: bool
    acronyms: tuple[str, ...]
    pattern: re.Pattern[str] | None


def _lower(text: str) -> str:
    """Lower-cased text of the same length (offsets stay valid); ё folded to е."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("ё", "е")


class Gazetteer:
    """Finds the case's actors by their names and aliases (compile once per case, reuse).

    Args:
        case: the loaded case; its ``actors`` list (canonical name, type, aliases).

    Attributes:
        actors: canonical name -> :class:`Actor`.
    """

    def __init__(self, case: Case) -> None:
        self.case = case
        self.actors: dict[str, Actor] = {}
        self._by_key: dict[str, list[_Entry]] = {}
        self._cyr_entries: list[_Entry] = []
        self._surnames: dict[str, str] = {}
        self._cache: dict[str, _Entry | None] = {}
        self._last: tuple[str, tuple[Mention, ...]] | None = None
        word_trie, cjk_trie = _Trie(), _Trie()
        country_word, country_cjk = _Trie(), _Trie()
        for actor in case.actors:
            self.actors.setdefault(actor.name, actor)
            for alias in [actor.name, *actor.aliases]:
                alias = alias.strip()
                if not alias:
                    continue
                cjk = is_cjk(alias)
                atoms = _cjk_atoms(alias.lower()) if cjk else _alias_atoms(alias)
                if not atoms:
                    continue
                (cjk_trie if cjk else word_trie).add(atoms)
                if actor.type == "country":
                    (country_cjk if cjk else country_word).add(atoms)
                words = re.findall(r"[^\W_]+(?:\.[^\W_]+)*\.?", alias)
                entry = _Entry(
                    actor=actor,
                    alias=alias,
                    # a multi-word Cyrillic name keeps matching when a lower-case
                    # first letter comes from its position mid-sentence ("по данным
                    # пограничной службы ФСБ"); single words keep the capital rule,
                    # since many are also common nouns ("ведомости", "эскадра")
                    upper_initial=alias[0].isupper()
                    and not (_CYR_RE.search(alias) and not cjk and len(words) > 1),
                    acronyms=tuple(w for w in words if _is_acronym(w)),
                    pattern=None,
                )
                if _CYR_RE.search(alias) and not cjk:
                    entry.pattern = re.compile("".join(atoms))
                    self._cyr_entries.append(entry)
                self._by_key.setdefault(alias_key(alias), []).append(entry)
            if actor.type == "person":
                parts = actor.name.split()
                if len(parts) >= 2:
                    self._surnames.setdefault(alias_key(parts[-1]), actor.name)
        for phrase in _CJK_NOT_NAMES:
            cjk_trie.add(_cjk_atoms(phrase))
        self._word_re, self._cjk_re = self._compile(word_trie, cjk_trie)
        self._cword_re, self._ccjk_re = self._compile(country_word, country_cjk)
        log.debug(
            "gazetteer: %d actors, pattern of %d chars",
            len(self.actors),
            len(self._word_re.pattern),
        )

    @staticmethod
    def _compile(word_trie: _Trie, cjk_trie: _Trie) -> tuple[re.Pattern[str], re.Pattern[str]]:
        wp = word_trie.pattern() or r"(?!x)x"
        cp = cjk_trie.pattern() or r"(?!x)x"
        # boundaries are Latin/Cyrillic letters and digits only, so "机构Autostat的" matches
        word = re.compile(
            r"(?<![0-9a-z_$à-ÿа-яёіїєґў])(?:" + wp + r")(?![0-9a-z_$€£¥à-ÿа-яёіїєґў])"
        )
        return word, re.compile(cp)

    # ------------------------------------------------------------------
    def _resolve(self, surface: str) -> _Entry | None:
        entries = self._by_key.get(alias_key(surface))
        if entries is None and _CYR_RE.search(surface):
            low = _lower(surface)
            best: _Entry | None = None
            for e in self._cyr_entries:
                if e.pattern is not None and e.pattern.fullmatch(low):
                    if best is None or len(e.alias) > len(best.alias):
                        best = e
            entries = [best] if best is not None else None
        if not entries:
            return None
        for e in entries:
            # acronyms are case-sensitive ("US" is not "us"); a capitalised alias
            # does not match a lower-case word ("Honor" is not "honor")
            if e.acronyms and not all(a in surface for a in e.acronyms):
                continue
            if e.upper_initial and surface[:1].islower():
                continue
            return e
        return None

    def _scan(self, word_re: re.Pattern[str], cjk_re: re.Pattern[str], text: str) -> list[Mention]:
        out: list[Mention] = []
        low = _lower(text)
        spans = self._word_spans(word_re, low, text)
        if _CJK_RE.search(text):
            spans.extend(m.span() for m in cjk_re.finditer(low))
            spans.sort(key=lambda se: (se[0], -se[1]))
        last = -1
        for s, e in spans:
            if s < last:
                continue
            surface = text[s:e]
            entry = self._entry(surface)
            if entry is None:
                continue
            out.append(Mention(entry.actor.name, entry.actor.type, s, e, surface))
            last = e
        return out

    def _word_spans(self, word_re: re.Pattern[str], low: str, text: str) -> list[tuple[int, int]]:
        """Spans of alias matches; a match no entry accepts is searched again from its second character.

        The alias regex takes the longest alias at each position. When that alias is
        refused on case ("republic of Tatarstan" for the alias "Republic of Tatarstan",
        "honor" for the brand "Honor"), a shorter alias inside it ("Tatarstan") must still
        be found, so the scan resumes just after the refused match's start.
        """
        spans: list[tuple[int, int]] = []
        pos = 0
        search = word_re.search
        while True:
            m = search(low, pos)
            if m is None:
                return spans
            s, e = m.span()
            if self._entry(text[s:e]) is None:
                pos = s + 1
                continue
            spans.append((s, e))
            pos = e

    def _entry(self, surface: str) -> _Entry | None:
        try:
            return self._cache[surface]
        except KeyError:
            entry = self._cache[surface] = self._resolve(surface)
            if len(self._cache) > 50000:
                self._cache.clear()
            return entry

    def find(self, text: str) -> list[Mention]:
        """All case actors mentioned in ``text``, in order, longest match first, not overlapping.

        Returns a list of :class:`Mention` (canonical name, actor type, offsets, surface text).
        Never raises on ordinary text; an empty text gives ``[]``.
        """
        if not text:
            return []
        last = self._last  # replaced whole, so a concurrent reader sees a consistent pair
        if last is not None and (text is last[0] or text == last[0]):
            return list(last[1])
        found = self._scan(self._word_re, self._cjk_re, text)
        self._last = (text, tuple(found))
        return found

    def find_countries(self, text: str) -> list[Mention]:
        """Country mentions only, including those nested in longer names
        ("South Korean intelligence officials" -> South Korea)."""
        if not text:
            return []
        return self._scan(self._cword_re, self._ccjk_re, text)

    def actor(self, name: str) -> Actor | None:
        """The actor with this canonical name, or None."""
        return self.actors.get(name)

    def lookup(self, name: str) -> Actor | None:
        """The actor whose canonical name or alias is exactly ``name`` (normalised), or None."""
        entry = self._resolve(name.strip())
        return entry.actor if entry else None

    def surname(self, word: str) -> str | None:
        """Canonical full name of a case person whose surname is ``word``, or None."""
        return self._surnames.get(alias_key(word))
