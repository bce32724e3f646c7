"""Charset decisions of :mod:`foothold.ingest.encoding`.

- Lying declarations (``<meta charset>``, the XML declaration or the ``declared``
  argument naming the wrong codec) lose to the codec the bytes are really in.
- Honest declarations are taken without running charset-normalizer, and that shortcut
  gives exactly what the full comparison of all candidates gives.
- The class-string versions of ``_case_chaos`` and ``_script_penalty`` give the same
  numbers as their per-character definitions, written out here as reference loops.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foothold.ingest import encoding
from foothold.ingest.encoding import decode_bytes

RU = (
    "Число въездов граждан КНДР в Россию выросло. В первом полугодии в Россию въехали "
    "несколько тысяч граждан КНДР, сообщает издание со ссылкой на статистику пограничной службы."
)
KO = "북한 노동자들이 러시아 건설 현장에 파견되었다고 정보 당국이 밝혔다. 이들은 하루 12시간 일하는 것으로 알려졌다."
ZH = "情报部门表示，朝鲜工人被派往俄罗斯建筑工地。这些工人每天工作十二个小时。"

# Codec names decode_bytes may report for bytes really in a given codec (same text).
SAME = {
    "cp1251": {"cp1251"},
    "koi8_r": {"koi8-r"},
    "euc_kr": {"euc_kr", "cp949"},
    "gb18030": {"gb18030"},
}


def _html(body: str, charset: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>T</title></head>'
        f"<body><p>{body}</p></body></html>"
    )


def _xml(body: str, charset: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{charset}"?><rss><item><title>{body}</title></item></rss>'
    )


LIES = [
    (RU, "koi8_r", "windows-1251"),
    (RU, "koi8_r", "iso-8859-1"),
    (RU, "cp1251", "koi8-r"),
    (RU, "cp1251", "utf-8"),
    (RU, "cp1251", "iso-8859-1"),
    (RU, "cp1251", "windows-1254"),
    (RU, "cp1251", "x-mac-cyrillic"),
    (RU, "cp1251", "iso-8859-5"),
    (RU, "cp1251", "ibm866"),
    (KO, "euc_kr", "windows-1251"),
    (KO, "euc_kr", "koi8-r"),
    (KO, "euc_kr", "gb2312"),
    (KO, "euc_kr", "big5"),
    (ZH, "gb18030", "euc-kr"),
    (ZH, "gb18030", "windows-1251"),
    (ZH, "gb18030", "iso-8859-1"),
]

HONEST = [
    (RU, "cp1251", "windows-1251"),
    (RU, "koi8_r", "koi8-r"),
    (KO, "euc_kr", "euc-kr"),
    (ZH, "gb18030", "gb2312"),
]
# Texts whose honest declaration scores within encoding._TIE of 0, so that no other
# candidate can beat it. Not the Chinese one: its full-width punctuation fits no script
# block and counts half against it in _script_penalty (about 0.04), so charset-normalizer
# still runs for it; the result is the same, as the next test checks.
CLEAN = HONEST[:3]


@pytest.mark.parametrize(("text", "codec", "label"), HONEST)
def test_honest_declaration_wins(text, codec, label):
    markup = _html(text, label)
    assert decode_bytes(markup.encode(codec)) == (markup, encoding._normalise_codec(label))
    assert decode_bytes(text.encode(codec), declared=label) == (
        text,
        encoding._normalise_codec(label),
    )


@pytest.mark.parametrize("wrap", [_html, _xml])
@pytest.mark.parametrize(("text", "codec", "lie"), LIES)
def test_lying_declaration_in_the_bytes_loses(text, codec, lie, wrap):
    markup = wrap(text, lie)
    decoded, enc = decode_bytes(markup.encode(codec))
    assert decoded == markup
    assert enc in SAME[codec]


@pytest.mark.parametrize(("text", "codec", "lie"), LIES)
def test_lying_declared_argument_loses(text, codec, lie):
    decoded, enc = decode_bytes(text.encode(codec), declared=lie)
    assert decoded == text
    assert enc in SAME[codec]


@pytest.mark.parametrize(("text", "codec", "label"), CLEAN)
def test_honest_declaration_is_taken_without_the_detector(text, codec, label, monkeypatch):
    def no_guess(data: bytes) -> None:
        raise AssertionError("charset-normalizer should not run for an honest declaration")

    monkeypatch.setattr(encoding, "_guess", no_guess)
    markup = _html(text, label)
    assert decode_bytes(markup.encode(codec)) == (markup, encoding._normalise_codec(label))
    assert decode_bytes(text.encode(codec), declared=label) == (
        text,
        encoding._normalise_codec(label),
    )


@pytest.mark.parametrize(("text", "codec", "lie"), LIES)
def test_lying_declaration_consults_the_detector(text, codec, lie, monkeypatch):
    calls = []
    real_guess = encoding._guess

    def counting_guess(data: bytes):
        calls.append(data)
        return real_guess(data)

    monkeypatch.setattr(encoding, "_guess", counting_guess)
    decode_bytes(text.encode(codec), declared=lie)
    assert calls


@pytest.mark.parametrize(
    ("codec", "argument", "meta", "expect"),
    [
        ("koi8_r", "windows-1251", "koi8-r", "koi8-r"),  # the argument lies, the meta does not
        ("koi8_r", "koi8-r", "windows-1251", "koi8-r"),  # the meta lies, the argument does not
        ("cp1251", "koi8-r", "iso-8859-1", "cp1251"),  # both lie
    ],
)
def test_two_declarations(codec, argument, meta, expect):
    markup = _html(RU, meta)
    assert decode_bytes(markup.encode(codec), declared=argument) == (markup, expect)


# ---------------------------------------------------------------------------
# the shortcut for honest declarations changes nothing


def _full(data: bytes, declared: str | None, monkeypatch) -> tuple[str, str] | str:
    """decode_bytes with the declared-charset shortcut switched off (or the error message)."""
    with monkeypatch.context() as m:
        m.setattr(encoding, "_clean_declared", lambda *_a: None)
        try:
            return decode_bytes(data, declared)
        except encoding.DecodeError as exc:
            return str(exc)


def _fast(data: bytes, declared: str | None) -> tuple[str, str] | str:
    try:
        return decode_bytes(data, declared)
    except encoding.DecodeError as exc:
        return str(exc)


LABELS = [
    "windows-1251",
    "koi8-r",
    "iso-8859-1",
    "utf-8",
    "euc-kr",
    "gb2312",
    "big5",
    "shift_jis",
    "iso-8859-5",
    "x-mac-cyrillic",
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.sampled_from([RU, KO, ZH, RU + " iPhone МегаФон", f"{RU} {KO}", "Ёж"]),
    codec=st.sampled_from(["cp1251", "koi8_r", "euc_kr", "gb18030", "mac_cyrillic", "cp866"]),
    meta=st.sampled_from([None, *LABELS]),
    argument=st.sampled_from([None, *LABELS]),
    repeat=st.integers(min_value=1, max_value=4),
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=3),
)
def test_shortcut_agrees_with_full_comparison(
    text, codec, meta, argument, repeat, flips, monkeypatch
):
    body = " ".join([text] * repeat)
    markup = _html(body, meta) if meta else body
    try:
        data = bytearray(markup.encode(codec))
    except UnicodeEncodeError:
        data = bytearray(markup.encode(codec, errors="replace"))
    for pos, value in flips:  # a few corrupted bytes
        data[pos % len(data)] = value
    assert _fast(bytes(data), argument) == _full(bytes(data), argument, monkeypatch)


_SCORE = st.floats(min_value=0.0, max_value=0.1).map(lambda x: round(x, 3))


@settings(max_examples=500, deadline=None)
@given(
    declared=st.lists(_SCORE, min_size=1, max_size=3),
    others=st.lists(_SCORE, max_size=4),
)
def test_clean_declared_picks_what_the_full_rule_picks(declared, others):
    """Whatever the other candidates score, the shortcut's pick is the full rule's pick."""
    texts = [(f"declared {i}", f"enc{i}") for i in range(len(declared))]
    score = {t: m for (t, _e), m in zip(texts, declared, strict=True)}
    picked = encoding._clean_declared(texts, score.__getitem__)
    if picked is None:
        return
    # The full rule of encoding._decode: the first candidate within _TIE of the best.
    messes = declared + others
    best = min(messes)
    first = next(i for i, m in enumerate(messes) if m <= best + encoding._TIE)
    assert picked == texts[first]


@pytest.mark.parametrize(
    ("declared", "expect"),
    [
        ([0.0], 0),
        ([0.02], 0),
        ([0.021], None),  # might lose to a candidate scoring 0
        ([0.5, 0.01], 1),  # the first one loses to the second whatever else there is
        ([0.025, 0.01], None),  # the first one wins if nothing scores below 0.005
        ([0.01, 0.0], 0),
        ([0.3, 0.2], None),
    ],
)
def test_clean_declared_cases(declared, expect):
    texts = [(f"declared {i}", f"enc{i}") for i in range(len(declared))]
    score = {t: m for (t, _e), m in zip(texts, declared, strict=True)}
    picked = encoding._clean_declared(texts, score.__getitem__)
    assert picked == (None if expect is None else texts[expect])


# ---------------------------------------------------------------------------
# class-string scoring = per-character definitions


def _case_chaos_reference(sample: str) -> float:
    words = encoding._WORD.findall(sample)
    if not words:
        return 0.0
    bad = sum(
        1 for w in words if any(a.islower() and b.isupper() for a, b in zip(w, w[1:], strict=False))
    )
    return bad / len(words)


def _script_penalty_reference(sample: str) -> float:
    counts: dict[str, int] = {}
    odd = total = 0
    for ch in sample:
        o = ord(ch)
        if o < 128:
            continue
        total += 1
        for name, lo, hi in encoding._BLOCKS:
            if lo <= o <= hi:
                counts[name] = counts.get(name, 0) + 1
                break
        else:
            if ch not in encoding._OK_SYMBOLS:
                odd += 1
    if total == 0:
        return 0.0
    main = max(counts.values()) if counts else 0
    if "kana" in counts and "han" in counts:
        main = max(main, counts["kana"] + counts["han"])
    return (total - main - odd) / total * 0.5 + odd / total


# Edges of the script blocks and of the symbol ranges, letters of both cases, digits,
# underscores and separators: where a per-character definition is easy to get wrong.
_EDGES = sorted(
    {c + d for _n, lo, hi in encoding._BLOCKS for c in (lo, hi) for d in (-1, 0, 1)}
    | {0x2FFF, 0x3000, 0x303F, 0x3040, 0xFF00, 0xFF01, 0xFF5E, 0xFF5F, 0xD7, 0xF7, 0xA0}
)
_TRICKY = st.sampled_from(
    [chr(c) for c in _EDGES]
    + list("aZжЖß_0٣ǅªⅠⅰⒶⓐ𝐀𝐚 \n-«»—…№€×÷\u0345")
    + sorted(encoding._OK_SYMBOLS)[:40]
)


@settings(max_examples=400, deadline=None)
@given(sample=st.text(alphabet=st.one_of(_TRICKY, st.characters()), max_size=300))
def test_scoring_matches_per_character_definitions(sample):
    assert encoding._case_chaos(sample) == _case_chaos_reference(sample)
    assert encoding._script_penalty(sample) == _script_penalty_reference(sample)


def test_scoring_matches_per_character_definitions_on_many_characters():
    # Every character of the Basic Multilingual Plane, and every 61st one beyond it (all of
    # them would take half a minute).
    codes = [*range(0x10000), *range(0x10000, sys.maxunicode + 1, 61)]
    chars = [chr(c) for c in codes]
    for start in range(0, len(chars), 0x4000):
        chunk = chars[start : start + 0x4000]
        for sample in (
            " ".join(f"a{c}B" for c in chunk),
            " ".join(f"{c}{c}Ж" for c in chunk),
            "".join(chunk),
        ):
            assert encoding._case_chaos(sample) == _case_chaos_reference(sample), hex(start)
            assert encoding._script_penalty(sample) == _script_penalty_reference(sample), hex(start)
