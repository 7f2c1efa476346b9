"""The meeting's tabs: the pane each one shows, in order, and the row of tabs."""

from textual.widgets import TabbedContent, TabPane

from screens.meeting.agenda import AgendaPane
from screens.meeting.attendance import AttendancePane
from screens.meeting.guests import GuestsPane
from screens.meeting.notes import NotesPane
from screens.meeting.notice import NoticePane
from screens.meeting.proposals import ProposalsPane
from screens.meeting.review import ReviewPane

TABS = (
    ("tab-agenda", "Dagordning", AgendaPane, "agenda-pane"),
    ("tab-proposals", "Förslag", ProposalsPane, "proposals-pane"),
    ("tab-guests", "Gäster", GuestsPane, "guests-pane"),
    ("tab-notice", "Kallelse", NoticePane, "notice-pane"),
    ("tab-attendance", "Närvaro", AttendancePane, "attendance-pane"),
    ("tab-notes", "Anteckningar", NotesPane, "notes-pane"),
    ("tab-review", "Granskning", ReviewPane, "review-pane"),
)
TAB_IDS = tuple(t[0] for t in TABS)
PANES = {tab_id: (pane, pane_id) for tab_id, _title, pane, pane_id in TABS}


class MeetingTabs(TabbedContent):
    """Textual's TabbedContent, which also shows the tab of a widget that gets the
    focus. That focus reaches the tabs a moment later, as a message; if another tab
    was chosen in between (ctrl+pagedown right after the meeting opened, while its
    first focus was on the way), it took the tab back and the key was lost."""

    def on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is None or event.tab_pane not in focused.ancestors:
            # The focus has moved on since: keep the tab that is shown (and skip
            # TabbedContent's own handler, which would show the pane of the old focus).
            event.prevent_default()
            event.stop()
