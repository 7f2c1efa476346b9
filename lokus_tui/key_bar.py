"""The key bar at the bottom of every screen: all keys of the current screen and pane,
on as many lines as they need (at most three), never cut off at 80 columns.

Textual's Footer shows its keys on one line and drops whatever does not fit; at 80
columns that hid most of a tab's keys. This bar keeps Footer's behaviour (it follows
the focus and the screen's bindings, a click runs the key, ^p sits on the right of
the first line) and wraps. The keys of the focused pane come first, then the
screen's, then the app's.

It is one widget that draws its lines, not a widget per key: Footer rebuilds its key
widgets at every change of focus, and opening a meeting built about a hundred of
them, half the time of the whole open.
"""

from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from lokus_tui.key_words import swedish

MAX_LINES = 3
PALETTE_ACTIONS = ("command_palette", "app.command_palette")


class KeyPlace(NamedTuple):  # (not a dataclass: made at start-up, see db/records/overview.py)
    """One key as the bar shows it: where (line, first column, width) and what."""

    key: str
    shown_as: str  # "^e"
    description: str  # "Redigera möte"
    action: str
    enabled: bool
    tooltip: str
    line: int
    x: int
    width: int

    def contains(self, x: int, y: int) -> bool:
        return y == self.line and self.x <= x < self.x + self.width


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--separator",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        max-height: 3;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-bar--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.places: list[KeyPlace] = []  # what is shown, in order; ^p last
        self._line_count = 0
        self._height = 0  # as laid out
        self._width = 0
        self._hover: KeyPlace | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._lay_out()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()
        if event.size.height != self._height:
            # A taller or lower bar has moved the screen's lower edge: keep the field
            # being typed in on the screen, now that the new layout is done.
            self._height = event.size.height
            self.call_after_refresh(self._keep_focus_in_sight)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._lay_out()

    # -- which keys, on which line ----------------------------------------------------

    def _lay_out(self) -> None:
        keys, palette = self._active_keys()
        width = max(self.size.width or self.app.size.width, 20)
        places: list[KeyPlace] = []
        palette_width = 0
        if palette is not None:
            shown_as = self.app.get_key_display(palette[0])
            palette_width = 1 + cell_len(shown_as) + 1 + cell_len(swedish(palette[0].description))
        line, x = 0, 0
        for binding, enabled, tooltip in keys:
            shown_as = self.app.get_key_display(binding)
            description = swedish(binding.description)
            need = cell_len(shown_as) + 1 + cell_len(description)
            room = width - (palette_width + 2 if line == 0 else 0)  # two blanks before ^p
            if x and x + need > room and line < MAX_LINES - 1:
                line, x = line + 1, 0
            place = KeyPlace(
                binding.key, shown_as, description, binding.action, enabled, tooltip, line, x, need
            )
            places.append(place)
            x += need + 1
        if palette is not None:
            binding, enabled, tooltip = palette
            description = swedish(binding.description)
            shown_as = self.app.get_key_display(binding)
            x = width - palette_width + 1  # after the separator
            tip = tooltip or description
            place = KeyPlace(
                binding.key,
                shown_as,
                description,
                binding.action,
                enabled,
                tip,
                0,
                x,
                palette_width - 1,
            )
            places.append(place)
        lines = 1 + max((p.line for p in places), default=0)
        if places == self.places and width == self._width:
            return
        self.places, self._width = places, width
        if lines != self._line_count:
            self._line_count = lines
            self.styles.height = lines  # (the field being typed in is kept in sight: on_resize)
        self.refresh()

    def _active_keys(self) -> tuple[list[tuple[Binding, bool, str]], tuple | None]:
        keys: list[tuple[Binding, bool, str]] = []
        seen_actions: set[str] = set()
        palette = None
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.action in PALETTE_ACTIONS:
                if self.app.ENABLE_COMMAND_PALETTE:
                    palette = (binding, enabled, tooltip)
                continue
            if not binding.show or binding.action in seen_actions:
                continue
            seen_actions.add(binding.action)
            keys.append((binding, enabled, tooltip))
        return keys, palette

    def _keep_focus_in_sight(self) -> None:
        focused = self.screen.focused
        if focused is not None and focused.is_attached:
            focused.scroll_visible(animate=False, immediate=True)

    # -- drawing ----------------------------------------------------------------------

    def render(self) -> Text:
        base = self.rich_style
        key_style = base + self.get_component_rich_style("key-bar--key")
        text_style = base + self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover")
        separator = base + self.get_component_rich_style("key-bar--separator")
        lines = [Text(style=base, end="") for _ in range(max(self._line_count, 1))]
        for place in sorted(self.places, key=lambda p: (p.line, p.x)):
            line = lines[place.line]
            gap = place.x - line.cell_len
            if place.action in PALETTE_ACTIONS:
                line.append(" " * max(gap - 1, 0))
                line.append("▏", separator)
            else:
                line.append(" " * max(gap, 0))
            extra = hover_style if place == self._hover else Style()
            dim = Style() if place.enabled else Style(dim=True)
            line.append(place.shown_as, key_style + extra + dim)
            line.append(" " + place.description, text_style + extra + dim)
        text = Text("\n", style=base, end="").join(lines)
        text.no_wrap, text.overflow = True, "ellipsis"
        return text

    # -- the mouse --------------------------------------------------------------------

    def _place_at(self, x: int, y: int) -> KeyPlace | None:
        return next((p for p in self.places if p.contains(x, y)), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        place = self._place_at(event.x, event.y)
        if place != self._hover:
            self._hover = place
            self.tooltip = place.tooltip if place and place.tooltip else None
            self.refresh()

    def on_leave(self) -> None:
        self.tooltip = None
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        place = self._place_at(event.x, event.y)
        if place is None:
            return
        if place.enabled:
            self.app.simulate_key(place.key)
        else:
            self.app.bell()
