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

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
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
        if len(lines) != self._line_count:
            # A taller or lower bar moves the screen's lower edge: keep the field
            # being typed in on the screen once the new layout is done.
            self._line_count = len(lines)
            self.call_after_refresh(self._keep_focus_in_sight)
        for n, line in enumerate(lines):
            with Horizontal():
                for binding, enabled, tooltip in line:
                    yield FooterKey(
                        binding.key,
                        self.app.get_key_display(binding),
                        swedish(binding.description),
                        binding.action,
                        disabled=not enabled,
                        tooltip=tooltip,
                    ).data_bind(compact=Footer.compact)
                if n == 0 and palette is not None and self.show_command_palette:
                    binding, enabled, tooltip = palette
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
        focused = self.screen.focused
        if focused is not None and focused.is_attached:
            focused.scroll_visible(animate=False, immediate=True)

    def on_resize(self) -> None:
        self.refresh(recompose=True)
