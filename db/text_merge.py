"""Three-way merges of text and of form fields.

When two windows edit the same thing, lokus merges against what each window
started from (the base), never by pasting one text after the other:

- a change on one side only is taken as it is;
- the same change on both sides counts once;
- both sides adding at the same place keeps both additions, the stored one first;
- both sides changing the same words is a real conflict: both versions are kept
  once, between clear Swedish markers, for the user to settle.

Merging works line by line and, inside a conflicting block of lines, word by
word, using ``merge3`` (the diff3 algorithm from Breezy).
"""

import re
from dataclasses import dataclass

from merge3 import Merge3

MINE_MARKER = "<<<<<<< Din text"
MIDDLE_MARKER = "======= Sparat i ett annat fönster"
END_MARKER = ">>>>>>> Slut på skillnaden"
_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class MergedText:
    text: str
    conflicts: int  # how many blocks were changed differently on both sides


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _tokens(text: str) -> list[str]:
    return _WORDS.findall(text)


def _merge_tokens(base: str, mine: str, theirs: str) -> str | None:
    """A word-level merge of one conflicting block, or None if words conflict too."""
    out: list[str] = []
    b, m, t = _tokens(base), _tokens(mine), _tokens(theirs)
    for region in Merge3(b, m, t).merge_regions():
        match region:
            case ("unchanged", start, end):
                out += b[start:end]
            case ("a" | "same", start, end):
                out += m[start:end]
            case ("b", start, end):
                out += t[start:end]
            case ("conflict", zs, ze, ms, me, ts, te):
                if zs != ze:
                    return None
                out += t[ts:te] + m[ms:me]  # both inserted words at the same place
    return "".join(out)


def _ensure_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def merge_text(base: str, mine: str, theirs: str) -> MergedText:
    """Merge ``mine`` and ``theirs``, both edited from ``base``."""
    if mine == theirs or theirs == base:
        return MergedText(mine, 0)
    if mine == base:
        return MergedText(theirs, 0)
    b, m, t = _lines(base), _lines(mine), _lines(theirs)
    out: list[str] = []
    conflicts = 0
    for region in Merge3(b, m, t).merge_regions():
        match region:
            case ("unchanged", start, end):
                out += b[start:end]
            case ("a" | "same", start, end):
                out += m[start:end]
            case ("b", start, end):
                out += t[start:end]
            case ("conflict", zs, ze, ms, me, ts, te):
                base_block, mine_block = "".join(b[zs:ze]), "".join(m[ms:me])
                theirs_block = "".join(t[ts:te])
                words = _merge_tokens(base_block, mine_block, theirs_block)
                if words is not None:
                    out.append(words)
                    continue
                conflicts += 1
                out += [
                    MINE_MARKER + "\n",
                    _ensure_newline(mine_block),
                    MIDDLE_MARKER + "\n",
                    _ensure_newline(theirs_block),
                    END_MARKER + "\n",
                ]
    text = "".join(out)
    if not mine.endswith("\n") and text.endswith("\n") and not conflicts:
        text = text[:-1]
    return MergedText(text, conflicts)


@dataclass(frozen=True)
class MergedFields:
    values: dict  # what the form should show now
    conflicts: dict  # field -> the other window's value, where both changed it differently


def merge_fields(base: dict, mine: dict, theirs: dict) -> MergedFields:
    """Per field: my change wins where only I changed it, theirs where only they did.

    Text fields (str values with a line break on any side) changed on both sides
    are merged as text; any other field changed differently on both sides keeps
    my value and is reported with theirs."""
    values = dict(theirs)
    conflicts: dict = {}
    for key, my_value in mine.items():
        base_value = base.get(key)
        their_value = theirs.get(key, base_value)
        if my_value in (base_value, their_value):
            continue
        if their_value == base_value:
            values[key] = my_value
            continue
        if (
            isinstance(base_value, str)
            and isinstance(my_value, str)
            and isinstance(their_value, str)
            and any("\n" in v for v in (base_value, my_value, their_value))
        ):
            merged = merge_text(base_value, my_value, their_value)
            values[key] = merged.text
            if merged.conflicts:
                conflicts[key] = their_value
            continue
        values[key] = my_value
        conflicts[key] = their_value
    return MergedFields(values, conflicts)
