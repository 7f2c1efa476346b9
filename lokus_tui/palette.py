"""The command palette (ctrl+p) in Swedish: its prompt, its keys and its "nothing
found". Textual's own palette says "Search for commands…" and "No matches found"."""

from rich.align import Align
from rich.text import Text
from textual import on
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import Button, Input
from textual.widgets.option_list import Option

from lokus_tui.key_words import swedish

NOTHING_FOUND = "Inget hittades"
PROMPT = "Sök möten, grupper, insatser, personer eller kommandon …"


class SwedishPalette(CommandPalette):
    BINDINGS = [
        Binding(b.key, b.action, swedish(b.description), show=b.show)
        for b in CommandPalette.BINDINGS
        if isinstance(b, Binding)
    ]

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("placeholder", PROMPT)
        super().__init__(**kwargs)
        self._closed_once = False

    # Enter pressed twice at once chose the command twice: Textual's palette then
    # closed twice, the second time the screen under it, and lokus stopped with "ett
    # oväntat fel" (8 of 10 runs of a fault probe). Closed once, it takes no more.
    def dismiss(self, result: None = None) -> AwaitComplete:
        if self._closed_once:
            return AwaitComplete()
        self._closed_once = True
        return super().dismiss(result)

    @on(Input.Submitted)
    @on(Button.Pressed)
    def _nothing_after_closing(self, event: Input.Submitted | Button.Pressed) -> None:
        if self._closed_once:
            event.prevent_default()  # (Textual's own handler would choose again)
            event.stop()

    # Textual's private countdown, word for word but for the Swedish text: after a
    # pause with no hits the list says so.
    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_nothing_found() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(NOTHING_FOUND, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_nothing_found)
