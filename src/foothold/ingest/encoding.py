"""Bytes to text: binary sniffing, BOMs, declared charsets and charset detection.

The order of trust is:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. strict UTF-8 (valid multi-byte UTF-8 is almost never an accident);
3. a declared charset (``<meta charset>``, ``http-equiv``, the XML declaration),
   but only when the bytes decode cleanly with it *and* the result reads no worse
   than charset-normalizer's own guess (so a ``<meta charset>`` that lies loses);
4. charset-normalizer's best guess.

Anything that looks like a binary file (magic numbers, NUL bytes, many control
characters) is refused with :class:`DecodeError`.
"""

from __future__ import annotations

import codecs
import logging
import re

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


_WORD = re.compile(r"[^\W\d_]{2,}")


def _case_chaos(sample: str) -> float:
    """Share of words with a capital after a small letter ("вХЯКН"): the mark of a wrong Cyrillic codec."""
    words = _WORD.findall(sample)
    if not words:
        return 0.0
    bad = sum(
        1 for w in words if any(a.islower() and b.isupper() for a, b in zip(w, w[1:], strict=False))
    )
    return bad / len(words)


#: Implausibility above which bytes count as undecodable when charset-normalizer has no guess
#: (clean text scores about 0; mojibake and random bytes score 1 and more).
_IMPLAUSIBLE = 0.6
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


def _script_penalty(sample: str) -> float:
    """Share of non-ASCII characters that do not fit one script: mixed scripts and odd symbols."""
    counts: dict[str, int] = {}
    odd = 0
    total = 0
    for ch in sample:
        o = ord(ch)
        if o < 128:
            continue
        total += 1
        for name, lo, hi in _BLOCKS:
            if lo <= o <= hi:
                counts[name] = counts.get(name, 0) + 1
                break
        else:
            if ch not in _OK_SYMBOLS:
                odd += 1
    if total == 0:
        return 0.0
    main = max(counts.values()) if counts else 0
    # Korean text may carry some Hanja and Japanese mixes kana with kanji: count them as one.
    if "kana" in counts and "han" in counts:
        main = max(main, counts["kana"] + counts["han"])
    return (total - main - odd) / total * 0.5 + odd / total


def _mess(text: str) -> float:
    """How implausible ``text`` looks as natural language (0 = clean); lower is better."""
    from charset_normalizer.md import mess_ratio

    sample = _readable_sample(text)
    try:
        mess = float(mess_ratio(sample, maximum_threshold=1.0))
    except Exception:  # pragma: no cover - defensive; the detector is third-party
        mess = 1.0
    return mess + _case_chaos(sample) + _script_penalty(sample)


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
    guess = _guess(data)
    candidates: list[tuple[str, str]] = []
    for hint in hints:
        try:
            candidates.append((data.decode(hint), hint))
        except UnicodeDecodeError:
            log.debug("declared charset %s does not decode the bytes", hint)
    if guess is not None:
        candidates.append(guess)
    high = sum(1 for b in data[:200_000] if b > 127)
    if high < 400 or guess is None:
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
    scored = [(_mess(t), i, t, e) for i, (t, e) in enumerate(candidates)]
    best_mess = min(s[0] for s in scored)
    if guess is None and best_mess > _IMPLAUSIBLE:
        raise DecodeError("undecodable bytes: no character encoding gives readable text")
    # Prefer the declared charset (earlier in the list) unless it reads clearly worse.
    for mess, _i, text, enc in scored:
        if mess <= best_mess + 0.02:
            return text, enc
    raise AssertionError("unreachable")  # pragma: no cover


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
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
