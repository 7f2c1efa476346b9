"""The key bar at the bottom of every screen: all keys of the current screen and pane,
on as many lines as they need (at most three), never cut off at 80 columns.

Textual's Footer shows its keys on one line and drops whatever does not fit; at 80
columns that hid most of a tab's keys. This one keeps Footer's behaviour (it
follows the focus and the screen's bindings, a click runs the key) and wraps.
The keys of the focused pane come first, then the screen's, then the app's.
"""

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # the Footer's own key widget

from lokus_tui.key_words import swedish

MAX_LINES = 3


class KeyBar(Footer):
    DEFAULT_CSS = """
    KeyBar {
        layout: vertical;
        height: auto;
        max-height: 3;
    }
    KeyBar > Horizontal {
        height: 1;
        width: 1fr;
    }
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(**kwargs)
        self._line_count = 0
        self._shown: tuple | None = None  # what the bar shows now (see _shown_as)

    def _key_lines(self) -> tuple[tuple[tuple, ...], ...]:
        """The keys to show, line by line: each key as (binding, enabled, tooltip);
        the command palette's key last on the first line, marked by a fourth item."""
        active = self.screen.active_bindings
        keys: list[tuple] = []
        seen_actions: set[str] = set()
        palette = None
        for _node, binding, enabled, tooltip in active.values():
            if binding.action in ("command_palette", "app.command_palette"):
                palette = (binding, enabled, tooltip)
                continue
            if not binding.show or binding.action in seen_actions:
                continue
            seen_actions.add(binding.action)
            keys.append((binding, enabled, tooltip))
        width = max(self.app.size.width, 20)
        palette_width = 0
        if palette is not None:
            palette_width = (
                len(self.app.get_key_display(palette[0])) + len(palette[0].description) + 4
            )
        lines: list[list[tuple]] = [[]]
        used = 0
        for key in keys:
            binding = key[0]
            need = (
                len(self.app.get_key_display(binding)) + 1 + len(swedish(binding.description)) + 1
            )
            room = width - (palette_width if len(lines) == 1 else 0)
            if used + need > room and lines[-1] and len(lines) < MAX_LINES:
                lines.append([])
                used = 0
            lines[-1].append(key)
            used += need
        if palette is not None and self.show_command_palette:
            lines[0].append((*palette, "palette"))
        return tuple(tuple(line) for line in lines)

    def _shown_as(self, lines: tuple[tuple[tuple, ...], ...]) -> tuple:
        """What the bar shows for these lines: recomposing to the same is skipped
        (the bindings are announced on every focus change, mostly unchanged)."""
        return (
            self.compact,
            tuple(
                tuple(
                    (
                        key[0].key,
                        self.app.get_key_display(key[0]),
                        key[0].description,
                        key[0].action,
                        key[1],
                        key[2],
                        len(key),
                    )
                    for key in line
                )
                for line in lines
            ),
        )

    async def recompose(self) -> None:
        if self._bindings_ready and self.is_attached and self._shown is not None:
            shown = self._shown_as(self._key_lines())
            if shown == self._shown:
                # as a recompose would have left it: the field with the focus in sight
                self.call_after_refresh(self._keep_focus_in_sight)
                return
            self._shown = shown  # a second call before this one has composed: skipped
        await super().recompose()

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        lines = self._key_lines()
        self._shown = self._shown_as(lines)
        if len(lines) != self._line_count:
            # A taller or lower bar moves the screen's lower edge: keep the field
            # being typed in on the screen once the new layout is done.
            self._line_count = len(lines)
            self.call_after_refresh(self._keep_focus_in_sight)
        for line in lines:
            with Horizontal():
                for key in line:
                    binding, enabled, tooltip = key[:3]
                    if len(key) == 3:
                        yield FooterKey(
                            binding.key,
                            self.app.get_key_display(binding),
                            swedish(binding.description),
                            binding.action,
                            disabled=not enabled,
                            tooltip=tooltip,
                        ).data_bind(compact=Footer.compact)
                    else:  # the command palette's key
                        yield FooterKey(
                            binding.key,
                            self.app.get_key_display(binding),
                            swedish(binding.description),
                            binding.action,
                            classes="-command-palette",
                            disabled=not enabled,
                            tooltip=tooltip or swedish(binding.description),
                        )

    def _keep_focus_in_sight(self) -> None:
        if not self.is_attached:  # the screen was closed meanwhile
            return
        focused = self.screen.focused
        if focused is not None and focused.is_attached:
            focused.scroll_visible(animate=False, immediate=True)

    def on_resize(self) -> None:
        self.refresh(recompose=True)
