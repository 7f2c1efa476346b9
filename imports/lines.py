"""A document's text as numbered lines, cleaned of the marks word processors and
e-mail leave (``**bold**``, ``*italic*``, ``(*)`` after a heading, ``#`` headings),
and the headings of the förbund's forms recognised by meaning, not by position."""

import re
from dataclasses import dataclass

from imports.model import Line

# A heading's meaning -> the words it is written with (the whole line, case-folded).
HEADINGS: dict[str, str] = {
    "name": r"(insatsens|projektets) ?namn|namn på (insatsen|projektet)|insats|projektnamn",
    "owner": r"(huvud)?insatsägare|projektägare|insatsägare och kontaktperson",
    "partners": r"samverkansparter|samverkanspart(er)?|medsökande( parter)?|övriga parter",
    "purpose": r"(beskriv )?syfte(t)?( med (insatsen|projektet))?",
    "goals": r"(beskriv )?(målen|mål)( med (insatsen|projektet))?",
    "effect_goals": r"effektmål",
    "output_goals": r"insatsmål|aktivitetsmål|projektmål",
    "background": r"(beskriv )?(bakgrund|behov)(en|et)?\b.*",
    "period": r"(planerad )?(insatstid|period|tidsperiod|tidsplan)|insatsens period|projekttid",
    "target_group": r"(beskriv )?målgrupp(en|er)?( för (insatsen|projektet))?",
    "method": r"(beskriv )?(metod|metoder|arbetssätt)\b.*",
    "budget": r"(ange )?(budget|finansiering)\b.*|budget och finansiering",
}
# Headings that end a section without starting one of ours.
OTHER_HEADINGS = (
    r"(beskriv|ange|har|bifoga) .*|.*\?|överenskommelse|lagar och förordningar|"
    r"arbetsgivaransvar|information från insatsen|kostnader|underskrifter.*|ärendet|ärende|"
    r"bedömning|budgetsammanställning.*|bilagor?|kontaktuppgifter|uppföljning.*|"
    r"förslag till beslut|beslut|implementering"
)
_HEADING_RES = {key: re.compile(rf"(?:{words})", re.IGNORECASE) for key, words in HEADINGS.items()}
_OTHER_RE = re.compile(OTHER_HEADINGS, re.IGNORECASE)
# control characters and the ones that turn the reading direction: never part of a value
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
GENERIC = {"ansökan", "beslut", "förslag till beslut", "tjänsteskrivelse", "ärendet", "ärende"}


@dataclass(frozen=True)
class Cleaned:
    line: Line
    heading_mark: bool  # "#", "(*)" or a Word heading style said it is a heading

    @property
    def text(self) -> str:
        return self.line.text


def clean_lines(text: str) -> list[Cleaned]:
    """Numbered, cleaned lines; a line ``A**B**C`` of run-together bold fields is split."""
    out: list[Cleaned] = []
    # every line break Unicode knows (also U+2028, form feed …) ends a line
    for number, raw in enumerate(text.splitlines(), 1):
        line = _UNSAFE.sub("", raw.replace("\u00a0", " ").replace("\t", " ")).strip()
        mark = False
        if line.startswith("#"):
            line, mark = line.lstrip("#").strip(), True
        whole = re.fullmatch(r"\*\*([^*]+)\*\*:?", line)
        if whole:
            line, mark = whole.group(1).strip(), True
        # "**Effektmål** Underlätta …": a bold label before its text
        line = re.sub(r"^\*\*([^*]+)\*\*\s+", r"\1**", line)
        # bold closed before a space is emphasis ("att** bevilja")
        line = re.sub(r"(?<=\w)\*\*(?=\s|$)", "", line)
        # "(*)" ends a heading of the form ("Insatsägare (*)"); bold between words
        # separates fields that lost their line breaks ("Insatsens namn**Ansökan**…")
        if "(*)" in line:
            line, mark = line.replace("(*)", "**"), True
        parts = line.split("**") if not line.startswith("|") else [line]
        for n, part in enumerate(parts):
            part = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])", r"\1", part)
            part = " ".join(part.split())
            if part or len(parts) == 1:
                out.append(Cleaned(Line(number, part), mark and n == 0))
    return out


def heading_key(item: Cleaned) -> tuple[str | None, str, bool]:
    """(our key or None, the rest after "Heading:", is it a heading at all)."""
    text = item.text
    if not text or text.startswith(("|", "- ", "• ")) or len(text) > 90:
        return None, "", False
    head, sep, rest = text.partition(":")
    candidates = [(text.rstrip(":").strip(), "")]
    if sep and rest.strip() and head[:1].isupper():
        candidates.append((head.strip(), rest.strip()))
    for words, after in candidates:
        if words.endswith(".") or not words:
            continue
        for key, pattern in _HEADING_RES.items():
            if pattern.fullmatch(words):
                return key, after, True
    other = _OTHER_RE.fullmatch(text.rstrip(":")) and text.casefold() not in GENERIC
    if not text.endswith(".") and (other or item.heading_mark):
        return None, "", True
    return None, "", False


def table_cells(text: str) -> list[str] | None:
    """The cells of a Markdown/Word table row, or None for a separator or no table."""
    if not text.startswith("|"):
        return None
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    if all(re.fullmatch(r":?-*:?", c) for c in cells):
        return None
    return cells


def strip_bullet(text: str) -> tuple[str, bool]:
    m = re.match(r"^(?:[-•*–]|\d+[.)])\s+(.*)$", text)
    return (m.group(1), True) if m else (text, False)


def glue(before: str, after: str) -> str:
    """Two pieces of a wrapped line: "LOKUS-" + "samordnare" keeps the hyphen, no space."""
    if not before:
        return after
    if re.search(r"\w-$", before) and after[:1].isalpha():
        return before + after
    return f"{before} {after}"


def join_text(lines: list[Line]) -> str:
    """Lines of one section as text: wrapped lines joined, paragraphs apart, bullets kept."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        text = line.text
        if not text:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        _, bullet = strip_bullet(text)
        if bullet and current:
            current += "\n" + text
        else:
            current = glue(current, text)
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)
