"""Bytes to text: binary sniffing, BOMs, declared charsets and charset detection.

The order of trust is:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. strict UTF-8 (valid multi-byte UTF-8 is almost never an accident);
3. a declared charset (``<meta charset>``, ``http-equiv``, the XML declaration),
   but only when the bytes decode cleanly with it *and* the result reads no worse
   than charset-normalizer's own guess (so a ``<meta charset>`` that lies loses);
   when it reads so cleanly that nothing could read better, the guess is not
   computed at all (see ``_clean_declared``);
4. charset-normalizer's best guess.

Anything that looks like a binary file (magic numbers, NUL bytes, many control
characters) is refused with :class:`DecodeError`.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable

__all__ = ["DecodeError", "decode_bytes", "declared_charset", "sniff_binary"]

log = logging.getLogger(__name__)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise (message: one line)."""


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE/MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"\x00\x00\x01\x00", "icon file"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})""", re.I
)
_XML_DECL = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]{2,40})["']""", re.I
)

# Control characters other than TAB, LF, CR, FF, ESC: their presence means binary.
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


def sniff_binary(data: bytes) -> str | None:
    """A short description if ``data`` looks like a binary file (``"PNG image"``...), else None.

    BOM-marked UTF-16/32 text is not binary. Looks at magic numbers and at the first
    8 KiB: any NUL byte, or more than 5% other control characters, means binary.
    """
    for bom, _enc in _BOMS:
        if data.startswith(bom):
            return None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"MZ" and len(data) > 64 and b"This program" not in data[:512]:
                continue  # "MZ" alone is too weak a signal
            return what
    head = data[:8192]
    if not head:
        return None
    if b"\x00" in head:
        if _looks_utf16(head):
            return None
        return "NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls / len(head) > 0.05:
        return "control characters"
    return None


def _looks_utf16(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs sit on alternate bytes as in BOM-less UTF-16 text."""
    if len(head) < 4:
        return None
    even = head[0::2]
    odd = head[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares for itself (XML declaration or ``<meta>``), normalised.

    Only the first 4 KiB are searched. Returns a Python codec name, or None if
    there is no declaration or it names an unknown codec.
    """
    head = data[:4096]
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").strip().lower()
    return _normalise_codec(name)


_ALIASES = {
    "x-euc-kr": "euc_kr",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "windows-949": "cp949",
    "x-windows-949": "cp949",
    "gb2312": "gb18030",  # GB2312 and GBK are subsets of GB18030; decoding as the superset is safe
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "iso-8859-1": "cp1252",  # what browsers actually do
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "x-cp1251": "cp1251",
    "unicode": "utf-16",
}


def _normalise_codec(name: str) -> str | None:
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _readable_sample(text: str, limit: int = 12000) -> str:
    """The prose-like part of ``text``: markup removed, lines with non-ASCII letters first."""
    if "<" in text:
        text = re.sub(
            r"<script\b.*?</script>|<style\b.*?</style>", " ", text[: limit * 8], flags=re.S | re.I
        )
        text = re.sub(r"<[^>]{0,2000}>", " ", text)
    text = re.sub(r"\s+", " ", text)
    return text[:limit]


#: Implausibility above which bytes count as undecodable when charset-normalizer has no guess
#: (clean text scores about 0; mojibake and random bytes score 1 and more).
_IMPLAUSIBLE = 0.6
#: Two candidates whose implausibility differs by at most this much read equally well; the one
#: earlier in the candidate list (a declared charset before the detector's guess) is kept.
_TIE = 0.02
_COMMON_LEGACY = ("cp1251", "koi8-r", "cp949", "gb18030", "big5", "shift_jis", "cp1252")
_BLOCKS = (
    ("cyrillic", 0x0400, 0x04FF),
    ("hangul", 0xAC00, 0xD7A3),
    ("hangul", 0x1100, 0x11FF),
    ("hangul", 0x3130, 0x318F),
    ("han", 0x4E00, 0x9FFF),
    ("han", 0x3400, 0x4DBF),
    ("kana", 0x3040, 0x30FF),
    ("latin", 0x00C0, 0x024F),
)
_OK_SYMBOLS = (
    set("«»“”„‘’‚—–…№•·€°×÷±§©®™\u00a0")
    | {chr(c) for c in range(0x3000, 0x3040)}
    | {chr(c) for c in range(0xFF01, 0xFF5F)}
)

# --- Character classes -------------------------------------------------------------------
#
# _case_chaos and _script_penalty look at every character of a sample of up to 12,000
# characters. Instead of a Python loop per character, the sample is translated once into a
# string of ASCII class letters (str.translate, in C) and the letters are then counted with
# regular expressions and str.count. Each character's class is computed by the very
# predicates the per-character definitions use, so the results are the same numbers.
#
# A class letter stands for a pair (case class, script class):
# - case class: " " if the character cannot be part of a word ([^\W\d_], as in _WORD),
#   else "l" (islower), "u" (isupper), "b" (both, which Unicode does not currently have)
#   or "w" (neither, e.g. Han or Hangul);
# - script class: "A" for ASCII, else the first of _BLOCKS it falls in ("c" Cyrillic,
#   "h" Hangul, "n" Han, "k" kana, "L" Latin), else "s" if it is one of _OK_SYMBOLS,
#   else "o" (odd).

_WORD = re.compile(r"[^\W\d_]{2,}")
_WORD_CHAR = re.compile(r"[^\W\d_]")
_CASES = " lubw"
_SCRIPTS = "AchnkLso"
_SCRIPT_OF_BLOCK = {"cyrillic": "c", "hangul": "h", "han": "n", "kana": "k", "latin": "L"}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"  # len(_CASES) * len(_SCRIPTS) of them
_LETTER = {
    (case, script): _LETTERS[i * len(_SCRIPTS) + j]
    for i, case in enumerate(_CASES)
    for j, script in enumerate(_SCRIPTS)
}


def _letters(cases: str = _CASES, scripts: str = _SCRIPTS) -> str:
    """All class letters whose case class is in ``cases`` and script class in ``scripts``."""
    return "".join(_LETTER[c, s] for c in cases for s in scripts)


# Words are the maximal runs of word characters of length two or more, exactly what
# _WORD.findall returns. A word is "chaotic" if it holds a lower-case letter directly
# followed by an upper-case one; counting the matches of the second pattern counts such
# words once each: a match starts at the first such pair of a word and takes the rest of it.
_CLASS_WORD = re.compile(f"[{_letters('lubw')}]{{2,}}")
_CLASS_CHAOTIC_WORD = re.compile(f"[{_letters('lb')}][{_letters('ub')}][{_letters('lubw')}]*")
# Class letter -> script letter, ASCII characters deleted: the script penalty only looks at
# non-ASCII characters. The input and output are ASCII, which str.translate does quickly.
_SCRIPT_OF_CLASS: dict[int, str | None] = {
    ord(letter): None if script == "A" else script for (_c, script), letter in _LETTER.items()
}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

#: How many code points _CLASS_TABLE remembers at most. A text in one script uses a few
#: hundred distinct characters, so the table fills up quickly and then stops growing; past
#: the limit, unknown characters are classified anew on every call instead of being stored.
#: It bounds memory (a few MB at most) and affects speed only, never a result.
_TABLE_LIMIT = 1 << 16


def _classify(ch: str) -> str:
    """The class letter of one character (see the comment above)."""
    o = ord(ch)
    if not _WORD_CHAR.match(ch):
        case = " "
    else:
        lower, upper = ch.islower(), ch.isupper()
        case = "b" if lower and upper else "l" if lower else "u" if upper else "w"
    if o < 128:
        script = "A"
    else:
        for name, lo, hi in _BLOCKS:
            if lo <= o <= hi:
                script = _SCRIPT_OF_BLOCK[name]
                break
        else:
            script = "s" if ch in _OK_SYMBOLS else "o"
    return _LETTER[case, script]


# A plain dict: str.translate looks it up faster than a dict subclass with __missing__.
# Characters it lacks are left untouched by str.translate, which _char_classes notices.
_CLASS_TABLE: dict[int, str] = {c: _classify(chr(c)) for c in range(128)}


class _Classifier:
    """Mapping for ``str.translate`` once :data:`_CLASS_TABLE` is full: classifies what it lacks."""

    def __getitem__(self, key: int) -> str:
        return _CLASS_TABLE.get(key) or _classify(chr(key))


def _char_classes(sample: str) -> str:
    """``sample`` with each character replaced by its ASCII class letter (same length)."""
    classes = sample.translate(_CLASS_TABLE)
    if classes.isascii():
        return classes
    # Characters not in the table yet are still there, as themselves: classify them.
    for ch in set(_NON_ASCII.findall(classes)):
        if len(_CLASS_TABLE) >= _TABLE_LIMIT:
            return sample.translate(_Classifier())
        _CLASS_TABLE[ord(ch)] = _classify(ch)
    return sample.translate(_CLASS_TABLE)


def _case_chaos(sample: str) -> float:
    """Share of words with a capital after a small letter ("вХЯКН"): the mark of a wrong Cyrillic codec."""
    return _case_chaos_of(_char_classes(sample))


def _case_chaos_of(classes: str) -> float:
    """:func:`_case_chaos` of the sample whose :func:`_char_classes` are ``classes``."""
    words = len(_CLASS_WORD.findall(classes))
    if not words:
        return 0.0
    return len(_CLASS_CHAOTIC_WORD.findall(classes)) / words


def _script_penalty(sample: str) -> float:
    """Share of non-ASCII characters that do not fit one script: mixed scripts and odd symbols."""
    return _script_penalty_of(_char_classes(sample))


def _script_penalty_of(classes: str) -> float:
    """:func:`_script_penalty` of the sample whose :func:`_char_classes` are ``classes``."""
    scripts = classes.translate(_SCRIPT_OF_CLASS)
    total = len(scripts)
    if total == 0:
        return 0.0
    odd = scripts.count("o")
    han = scripts.count("n")
    kana = scripts.count("k")
    main = max(scripts.count("c"), scripts.count("h"), han, kana, scripts.count("L"))
    # Korean text may carry some Hanja and Japanese mixes kana with kanji: count them as one.
    # (With no kana, or no Han, the sum is just the other count, which main already covers.)
    main = max(main, kana + han)
    return (total - main - odd) / total * 0.5 + odd / total


def _mess(text: str) -> float:
    """How implausible ``text`` looks as natural language (0 = clean, never negative); lower is better.

    Never negative matters: :func:`_clean_declared` relies on it.
    """
    from charset_normalizer.md import mess_ratio

    sample = _readable_sample(text)
    try:
        mess = max(0.0, float(mess_ratio(sample, maximum_threshold=1.0)))
    except Exception:  # pragma: no cover - defensive; the detector is third-party
        mess = 1.0
    classes = _char_classes(sample)
    return mess + _case_chaos_of(classes) + _script_penalty_of(classes)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text.

    Args:
        data: raw file content.
        declared: a charset hint from outside the bytes (JSON field, HTTP header), if any;
            a charset declared inside the bytes is found by :func:`declared_charset`.

    Returns:
        ``(text, encoding)``: the text without BOM, with ``\\r\\n``/``\\r`` turned into
        ``\\n``, and the Python codec name used (``utf-8``, ``cp1251``, ``koi8-r``...).

    Raises:
        DecodeError: binary content, or bytes that no candidate encoding decodes plausibly.
    """
    what = sniff_binary(data)
    if what:
        raise DecodeError(f"binary file ({what})")
    text, enc = _decode(data, declared)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text, enc


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError:
                return data[len(bom) :].decode(enc, errors="replace"), enc
    if b"\x00" in data[:8192]:
        enc16 = _looks_utf16(data[:8192])
        if enc16:
            return data.decode(enc16, errors="replace"), enc16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A file cut inside its last multi-byte character, or a stray bad byte or two
        # in otherwise valid UTF-8, is still UTF-8.
        if exc.start >= len(data) - 3:
            return data.decode("utf-8", errors="replace"), "utf-8"
        if _mostly_utf8(data):
            return data.decode("utf-8", errors="replace"), "utf-8"
    hints = [
        h
        for h in (_normalise_codec(declared.lower()) if declared else None, declared_charset(data))
        if h
    ]
    hints = [h for h in dict.fromkeys(hints) if h != "utf-8"]
    candidates: list[tuple[str, str]] = []
    for hint in hints:
        try:
            candidates.append((data.decode(hint), hint))
        except UnicodeDecodeError:
            log.debug("declared charset %s does not decode the bytes", hint)
    messes: dict[str, float] = {}  # text -> _mess(text): codecs that agree are scored once

    def mess_of(text: str) -> float:
        mess = messes.get(text)
        if mess is None:
            mess = messes[text] = _mess(text)
        return mess

    declared_text = _clean_declared(candidates, mess_of)
    if declared_text is not None:
        return declared_text
    guess = _guess(data)
    if guess is not None:
        candidates.append(guess)
    if guess is None or _high_bytes(data[:200_000]) < 400:
        # Short non-ASCII content is where statistical detection is weakest: also
        # weigh the usual legacy codecs of the case's languages.
        seen = {enc for _t, enc in candidates}
        for enc in _COMMON_LEGACY:
            if enc in seen:
                continue
            try:
                candidates.append((data.decode(enc), enc))
            except UnicodeDecodeError:
                continue
    if not candidates:
        raise DecodeError("undecodable bytes: no character encoding fits")
    if len(candidates) == 1 and guess is not None:
        return candidates[0]
    scored = [(mess_of(t), t, e) for t, e in candidates]
    best_mess = min(s[0] for s in scored)
    if guess is None and best_mess > _IMPLAUSIBLE:
        raise DecodeError("undecodable bytes: no character encoding gives readable text")
    # Prefer the declared charset (earlier in the list) unless it reads clearly worse.
    for mess, text, enc in scored:
        if mess <= best_mess + _TIE:
            return text, enc
    raise AssertionError("unreachable")  # pragma: no cover


def _clean_declared(
    declared: list[tuple[str, str]], mess_of: Callable[[str], float]
) -> tuple[str, str] | None:
    """The declared candidate :func:`_decode` picks whatever else it weighs, if that is already known.

    ``declared`` are the texts of the declared charsets that decode the bytes strictly, in
    the order :func:`_decode` lists them (before charset-normalizer's guess and the common
    legacy codecs). :func:`_decode` returns the first candidate whose implausibility is at
    most ``best + _TIE``, ``best`` being the lowest implausibility of all candidates.

    Implausibility is never negative, so ``best >= 0``: a declared text scoring
    ``mess <= _TIE`` qualifies whatever the other candidates score. It is the pick unless
    an earlier declared text qualifies too, and an earlier one scoring more than
    ``mess + _TIE`` cannot, because ``best <= mess``. Then charset-normalizer's guess and
    the legacy codecs cannot change the outcome, and the detector, the dearest step, is
    not run. Otherwise (no declared text scores within :data:`_TIE` of 0, or an earlier
    one is too close to call) this returns None and the full comparison runs.

    The threshold is :data:`_TIE` itself, the tolerance of the final choice, not a new
    tuning constant: that is why the shortcut gives exactly the result of the full
    comparison, never another one. Lying declarations are not at risk: a wrong codec
    makes mojibake scoring far above :data:`_TIE` (on a Russian, Korean or Chinese news
    paragraph: about 0.25 for KOI8-R read as windows-1251 and back, 0.12 for windows-1251
    read as x-mac-cyrillic, 0.17 for EUC-KR read as GB18030, 1.1 and more for
    windows-1251 read as a Western codec or EUC-KR read as windows-1251), so they take
    the full comparison, where they lose as before. Clean text in the right codec scores
    0 to 0.01; Chinese with full-width punctuation scores about 0.04 (such punctuation
    belongs to no script block) and takes the full comparison too.
    """
    for i, (text, enc) in enumerate(declared):
        mess = mess_of(text)
        if mess <= _TIE:
            # The earlier ones all score above _TIE, hence above this one.
            if all(mess_of(t) > mess + _TIE for t, _e in declared[:i]):
                return text, enc
            return None
    return None


#: The bytes with the high bit set; deleting them counts them (see _high_bytes).
_HIGH = bytes(range(128, 256))


def _high_bytes(data: bytes) -> int:
    """How many bytes of ``data`` are above 127."""
    return len(data) - len(data.translate(None, _HIGH))


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 with at most a stray bad byte per 200 non-ASCII characters (and at least 20 of them)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # Non-ASCII characters: all but those an ASCII encoding keeps.
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good >= 20 and bad <= max(2, good // 200)


def _guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    sample = data if len(data) <= 2_000_000 else data[:2_000_000]
    try:
        best = from_bytes(sample, preemptive_behaviour=False).best()
    except Exception as exc:  # pragma: no cover - defensive
        log.debug("charset-normalizer failed: %s", exc)
        return None
    if best is None or not best.encoding:
        return None
    enc = _normalise_codec(best.encoding) or best.encoding
    if enc in ("gb2312", "gbk"):
        enc = "gb18030"
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        try:
            text = data.decode(enc, errors="replace")
        except LookupError:
            return None
        if text.count("\ufffd") > max(3, len(text) // 1000):
            return None
    return text, enc
