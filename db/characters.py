"""Which characters text may hold, and how text from anywhere is made safe to show.

Data is text: a name or a note may never steer the terminal, the layout of a
document or the reading direction. Two tools:

- ``forbidden(text, multiline)`` finds what validation refuses: control
  characters (C0 except newline and tab in multi-line fields, DEL, C1),
  the line and paragraph separators U+2028/U+2029 (and, outside multi-line
  fields, every line break), and the bidirectional embedding, override and
  isolate characters that make a name read differently from what it is.
- ``printable(text, multiline)`` is what every screen and every export does with
  text from the database or a file (older data, imports): the same characters
  removed, line separators turned into a space or a newline.
"""

import unicodedata

LINE_BREAKS = {"\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"}
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))} | {
    "\u200e",
    "\u200f",
    "\u061c",
}


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F


def describe(char: str) -> str:
    """'U+001B' (and the Unicode name when there is one)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name.lower()}" if name else "")


def forbidden(text: str, multiline: bool = False) -> tuple[str, str] | None:
    """(kind, the character) of the first character the field may not hold, or None.

    kind: "linebreak", "bidi" or "control"."""
    for char in text or "":
        if char in ("\n", "\t") and multiline:
            continue
        if char in LINE_BREAKS or char in ("\u2028", "\u2029"):
            return (
                "linebreak" if not multiline or char in ("\u2028", "\u2029", "\x85") else "control",
                char,
            )
        if char in BIDI:
            return "bidi", char
        if _is_control(char):
            return "control", char
    return None


def printable(text, multiline: bool = False, marker: str = "") -> str:
    """Text with nothing that could steer a terminal, a document or the reading order.

    Line breaks become newlines (multi-line) or spaces; tabs become spaces outside
    multi-line text; every other control and bidi character is replaced by
    ``marker`` (by default removed)."""
    if text is None:
        return ""
    text = str(text)
    if text.isprintable() and "\u2028" not in text and not (BIDI & set(text)):
        return text
    text = text.replace("\r\n", "\n")
    out = []
    for char in text:
        if char in LINE_BREAKS:
            out.append("\n" if multiline else " ")
        elif char == "\t":
            out.append("\t" if multiline else " ")
        elif char in BIDI or _is_control(char):
            out.append(marker)
        else:
            out.append(char)
    return "".join(out)
