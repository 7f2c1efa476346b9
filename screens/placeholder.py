"""Sections that later issues fill: a short note instead of an empty screen."""

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from lokus_tui.sections import SECTIONS, SectionBar

TEXTS = {
    "moten": "Möten, dagordning, kallelse och minnesanteckningar kommer här.",
    "omvarld": "Omvärldsbevakning och studiebesök kommer här.",
}


class PlaceholderScreen(Screen):
    def __init__(self, section: str):
        super().__init__()
        self.section = section

    def compose(self) -> ComposeResult:
        title = next(t for n, _k, t in SECTIONS if n == self.section)
        yield Header()
        yield SectionBar(self.section)
        yield Static(f"[b]{title}[/b]\n\n{TEXTS.get(self.section, 'Kommer snart.')}",
                     classes="title")
        yield Footer()
