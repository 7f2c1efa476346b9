"""The meeting's row of tabs: Textual's TabbedContent, which also shows the tab of a
widget that gets the focus. That focus reaches the tabs a moment later, as a message;
if another tab was chosen in between (ctrl+pagedown right after the meeting opened,
while its first focus was on the way), it took the tab back and the key was lost."""

from textual.widgets import TabbedContent, TabPane


class MeetingTabs(TabbedContent):
    def on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is None or event.tab_pane not in focused.ancestors:
            # The focus has moved on since: keep the tab that is shown (and skip
            # TabbedContent's own handler, which would show the pane of the old focus).
            event.prevent_default()
            event.stop()
