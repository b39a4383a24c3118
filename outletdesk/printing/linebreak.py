"""Line breaking for mixed Chinese and Latin text, with the Chinese rules (禁则, kinsoku).

Latin words break at spaces; Chinese may break between any two characters, except that closing
punctuation (。，、）」 …) never starts a line and opening punctuation (（「《 …) never ends one.
When a closing mark would start a line, the character before it goes down with it, so nothing
hangs past the printable width (a thermal head cannot print there).
"""

from __future__ import annotations

from collections.abc import Callable

# Marks that may not start a line: Chinese and full-width closing punctuation, and the ASCII ones.
NO_START = frozenset(
    "。，、；：？！）」』】〕〉》〗〙〛〞”’…‥·・ー々〻ゝゞヽヾ％‰℃．，；：？！）］｝＞.,;:!?)]}%"
)
# Marks that may not end a line: opening punctuation and currency signs before an amount.
NO_END = frozenset("（「『【〔〈《〖〘〚〝“‘([{＜［｛（¥$￥＄")


def is_cjk(ch: str) -> bool:
    """A character Chinese (or Japanese, Korean) text may break before or after."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, ideographs (with ext. A)
        or 0xAC00 <= code <= 0xD7AF  # Hangul
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # vertical forms
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF  # ideographs, extensions B and on
    )


def _units(word: str) -> list[str]:
    """The pieces a word (no spaces in it) may break between: Latin letters together, a Chinese
    character alone, punctuation kept with the character it belongs to."""
    units: list[str] = []
    for ch in word:
        if units:
            prev = units[-1][-1]
            glue = (
                ch in NO_START
                or prev in NO_END
                or not (is_cjk(ch) or is_cjk(prev))  # letters of one Latin word
            )
            if glue:
                units[-1] += ch
                continue
        units.append(ch)
    return units


def _split_long(unit: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """A piece wider than a line (a long number, a web address) cut between characters, still
    never starting a line with a closing mark."""
    pieces: list[str] = []
    current = ""
    for ch in unit:
        if current and measure(current + ch) > width:
            cut, starts = len(current), ch
            while starts in NO_START and cut > 1:  # take characters down until one may start
                cut -= 1
                starts = current[cut]
            if starts in NO_START:  # nothing but closing marks: cut where it overflows
                cut = len(current)
            pieces.append(current[:cut])
            current = current[cut:]
        current += ch
    pieces.append(current)
    return pieces


def break_lines(text: str, measure: Callable[[str], float], width: float) -> list[str]:
    """`text` in lines no wider than `width` as `measure` counts, its own line breaks kept.

    Words (between spaces) move to the next line whole when they fit there, so a short Chinese
    name stays in one piece; only a word longer than a line is broken inside, where the Chinese
    rules allow, filling the line it starts on.
    """
    lines: list[str] = []
    for hard in text.split("\n"):
        current = ""
        for word in hard.split():
            joined = f"{current} {word}" if current else word
            if measure(joined) <= width:
                current = joined
                continue
            if measure(word) <= width:
                lines.append(current)
                current = word
                continue
            for n, unit in enumerate(_units(word)):
                joined = f"{current} {unit}" if current and n == 0 else current + unit
                if not current or measure(joined) <= width:
                    current = joined
                else:
                    lines.append(current)
                    current = unit
                if measure(current) > width:  # one piece alone is too wide: cut it
                    *full, current = _split_long(current, width, measure)
                    lines += full
        lines.append(current)
    return lines
