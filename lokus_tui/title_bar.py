"""The line at the top of every screen: lokus's title and what is open (the app's
title and sub-title, or the screen's own), as plain text.

Instead of Textual's ``Header``. That one is four widgets, and its title watcher
asks for its ``HeaderTitle`` child after a quickly closed screen has taken the
child away: Enter, Esc, Enter, Esc on Möten, typed fast, stopped lokus with "ett
oväntat fel" (NoMatches, in 17 of 50 runs of a fault probe). This one is one
widget that updates itself, and only while it is on a screen.
"""

from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        padding: 0 10 0 8;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
    }
    """

    def __init__(self) -> None:
        super().__init__(markup=False)

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._show_title, init=False)
            self.watch(node, "sub_title", self._show_title, init=False)
        self._show_title()

    def _show_title(self) -> None:
        if not self.is_attached:
            return  # (its screen was closed before the change reached it)
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        self.update(app.format_title(title, sub_title))
