"""One meeting: the header (what, when, where, status, warnings) and the tabs.

The screen holds the meeting as last read and routes between the tabs; each tab
is a pane (screens/meeting/*.py) that owns its keys and loads its own data.
When a pane changes the meeting it posts MeetingChanged: the screen reads the
meeting again, and every pane reloads its data when it is next in view.
"""

import asyncio
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane

from db.changes import meeting_stamp
from db.errors import LokusError, NotFoundError
from db.meeting_changes import cancel_meeting, reopen_meeting, update_meeting
from db.meeting_warnings import meeting_warnings
from db.meetings import get_meeting
from db.records import MeetingDetail
from db.vocabulary import MeetingStatus
from exports.swedish import format_when
from lokus_tui.context import app_database, taken_down
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, plain_str
from lokus_tui.sections import SectionBar
from lokus_tui.stylesheet import StyledOnce, add_screen_styles
from lokus_tui.title_bar import TitleBar
from screens.meeting.events import MeetingChanged
from screens.meeting.notes import NotesPane
from screens.meeting.pane import MeetingPane
from screens.meeting.tabs import PANES, TAB_IDS, TABS, MeetingTabs

CSS_FILE = Path(__file__).absolute().with_name("meeting.tcss")


class MeetingScreen(StyledOnce, Screen):
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="meeting-back"),
        Binding("right_square_bracket", "tab(1)", "Nästa flik", id="meeting-next-tab"),
        Binding("left_square_bracket", "tab(-1)", "Förra fliken", show=False),
        # in the notes, where ] is typed as text, the key bar shows this one instead
        Binding("ctrl+pagedown", "tab(1)", "Nästa flik", key_display="^PgDn", priority=True),
        Binding("ctrl+pageup", "tab(-1)", "Förra fliken", show=False, priority=True),
        Binding("ctrl+e", "edit_meeting", "Redigera möte", id="meeting-edit"),
        Binding("ctrl+x", "cancel_meeting", "Ställ in/återuppta", id="meeting-cancel"),
    ]

    def __init__(self, meeting_id: int):
        super().__init__()
        self.meeting_id = meeting_id
        self.detail: MeetingDetail | None = None
        self._header_texts: dict[str, str] = {}  # the header's lines as shown
        self._built: dict[str, asyncio.Event] = {}  # tab id -> set once its pane is mounted

    def compose(self) -> ComposeResult:
        add_screen_styles(self.app, CSS_FILE)  # (lokus_tui/stylesheet.py: not CSS_PATH)
        yield TitleBar()
        yield SectionBar("meetings")
        yield Plain("", id="meeting-info")
        yield Plain("", id="meeting-warning")
        # Only the first tab's pane is built now; each other one when its tab is first
        # shown (_pane_of): building all seven took a third of the time of an open.
        with MeetingTabs(id="meeting-tabs"):
            for tab_id, title, pane, pane_id in TABS:
                with TabPane(title, id=tab_id):
                    if tab_id == TAB_IDS[0]:
                        yield pane(id=pane_id)
        yield KeyBar()

    def on_mount(self) -> None:
        if taken_down(self):  # (left, or lokus quit, before it was built: keys run on)
            return
        if self.read_meeting() and self.active_tab:
            # (with no tab active yet, the first TabActivated loads the pane)
            self.active_pane.reload()
            # At once, not with focus() after the next refresh: the key bar is then
            # built once, for the agenda, not first for the tabs' row.
            self.set_focus(self.query_one("#agenda-table"))

    # --- the meeting and its header ------------------------------------------------------
    def read_meeting(self) -> bool:
        try:
            self.detail = d = get_meeting(app_database(self), self.meeting_id)
        except NotFoundError as exc:
            self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return False
        data = d.data
        place = ", ".join(p for p in (data.room, data.address) if p) or "plats saknas"
        if data.link:
            place += " + digitalt"
        self.sub_title = plain_str(f"{d.group_name} {data.meeting_date.isoformat()}")
        info = (
            f"{d.kind_label}, {d.group_name}: "
            f"{format_when(data.meeting_date, data.start_time, data.end_time)} — {place}. "
            f"Ordförande: {d.chair_name or 'saknas'}. Status: {d.status_label}"
        )
        if d.notice_sent_date:
            info += f" (kallelse skickad {d.notice_sent_date.isoformat()})"
        self._update_text("#meeting-info", info)
        warnings = meeting_warnings(app_database(self), d)
        if not d.notice_outdated:
            from lokus_tui.documents import notice_changed_since_export

            changed = notice_changed_since_export(app_database(self), d)
            if changed:
                warnings.append(
                    f"Kallelsen har ändrats sedan den exporterades {changed:%Y-%m-%d}. "
                    "Exportera igen innan du skickar den."
                )
        self._update_text("#meeting-warning", "\n".join(warnings))
        self.query_one("#meeting-warning").display = bool(warnings)
        return True

    def _update_text(self, selector: str, text: str) -> None:
        """Update a line of the header only when it reads differently: an update lays
        out the whole screen again (after every key in a tab, mostly unchanged)."""
        if self._header_texts.get(selector) != text:
            self._header_texts[selector] = text
            self.query_one(selector, Plain).update(text)

    def change_stamp(self) -> tuple:
        return meeting_stamp(app_database(self), self.meeting_id)

    def changed_elsewhere(self) -> None:
        """Saved elsewhere: read again; typed notes stay (their save merges)."""
        shown = self.shown_pane
        if isinstance(shown, NotesPane):
            if self.read_meeting():
                for pane in self.query(MeetingPane):
                    if pane is not shown:
                        pane.stale = True
        else:
            self.reload()

    @on(MeetingChanged)
    def _meeting_changed(self, event: MeetingChanged) -> None:
        event.stop()
        self.reload(header=event.header, shown_by=event.shown_by)

    def reload(self, header: bool = True, shown_by: object = None) -> None:
        if header and not self.read_meeting():
            return
        for pane in self.query(MeetingPane):
            if pane is not shown_by:
                pane.stale = True
        shown = self.shown_pane
        if shown is not None and shown is not shown_by:
            shown.reload()

    # --- tabs ------------------------------------------------------------------------------
    @property
    def active_tab(self) -> str:
        """The active tab's id; "" before the tabs are built or after they are gone."""
        tabs = self.query("#meeting-tabs")
        return tabs.first(TabbedContent).active if tabs else ""

    @property
    def active_pane(self) -> MeetingPane:
        return self.query_one(f"#{self.active_tab}").query_one(MeetingPane)

    @property
    def shown_pane(self) -> MeetingPane | None:
        """The active tab's pane; None while it is still being built (it loads once mounted)."""
        tab = self.active_tab
        found = self.query_one(f"#{tab}").query(MeetingPane) if tab else None
        return found.first() if found and found.first().is_mounted else None

    async def _pane_of(self, tab_id: str) -> MeetingPane:
        """The tab's pane, built and mounted first if the tab was not shown before."""
        tab = self.query_one(f"#{tab_id}", TabPane)
        if not tab.query(MeetingPane) and tab_id not in self._built:
            self._built[tab_id] = built = asyncio.Event()
            pane_class, pane_id = PANES[tab_id]
            await tab.mount(pane_class(id=pane_id))
            built.set()
        elif tab_id in self._built:
            await self._built[tab_id].wait()  # (being built for an earlier activation)
        return tab.query_one(MeetingPane)

    @on(TabbedContent.TabActivated)
    async def _tab_changed(self) -> None:
        if self.detail is None or taken_down(self):
            return
        tab_id = self.active_tab
        pane = await self._pane_of(tab_id)
        if self.active_tab != tab_id or taken_down(pane):
            return  # another tab was chosen while this one's pane was built
        if pane.stale:
            pane.reload()
        self.refresh_bindings()
        # Focus the tab's main widget once the tab is shown. Focusing at once, while
        # keys are still arriving, could leave the focus on a widget out of sight
        # (typing into a hidden table instead of the notes).
        self.call_after_refresh(self._focus_tab, tab_id)

    def _focus_tab(self, tab_id: str) -> None:
        """Focus the tab's main widget, unless another tab was chosen or it is not built yet."""
        pane = self.shown_pane
        if self.active_tab != tab_id or pane is None or taken_down(pane):
            return
        widget = pane.query_one(pane.first_widget)
        if self.focused is not widget:
            widget.focus()

    def action_tab(self, delta: int) -> None:
        if not self.active_tab:  # (pressed as the meeting opens, before its tabs exist)
            return
        tabs = self.query_one("#meeting-tabs", TabbedContent)
        # Nothing may keep the focus in the tab being left: Textual would move it to
        # another widget there, and that late focus would take the tab back (quick
        # presses of ] were lost that way).
        self.set_focus(None)
        tabs.active = TAB_IDS[(TAB_IDS.index(tabs.active) + delta) % len(TAB_IDS)]
        self._focus_tab(tabs.active)

    # --- leaving -------------------------------------------------------------------------
    def action_back(self) -> None:
        warning = self.flush_pending()
        if warning:
            self.notify(warning[0].upper() + warning[1:] + ".", severity="warning", timeout=10)
        self.app.pop_screen()

    def on_screen_suspend(self) -> None:
        self.flush_pending()

    def flush_pending(self) -> str:
        """Save typed notes now (also before quitting); a sentence on what could not be."""
        panes = self.query(NotesPane)
        return panes.first().flush_pending() if panes and panes.first().is_mounted else ""

    # --- the meeting itself --------------------------------------------------------------
    def action_edit_meeting(self) -> None:
        from screens.meeting_form import MeetingForm

        db, meeting_id = app_database(self), self.meeting_id

        def save(data, version):
            return update_meeting(db, meeting_id, data, version)

        self.app.push_screen(
            MeetingForm(self.detail, save=save, fetch=lambda: get_meeting(db, meeting_id)),
            lambda _r: self.reload(),
        )

    def action_cancel_meeting(self) -> None:
        if self.detail is None:
            return
        version = self.detail.version
        if self.detail.status == MeetingStatus.CANCELLED:
            self._run(reopen_meeting, self.meeting_id, version, success="Mötet är återupptaget.")
            return
        from screens.text_prompt import TextPrompt

        def answered(reason):
            if reason is not None:
                self._run(
                    cancel_meeting,
                    self.meeting_id,
                    reason,
                    version,
                    success="Mötet är inställt. Allt som förberetts finns kvar.",
                )

        self.app.push_screen(
            TextPrompt("Varför ställs mötet in? (valfritt)", required=False, ok_label="Ställ in"),
            answered,
        )

    def _run(self, fn, *args, success: str = "") -> None:
        try:
            fn(app_database(self), *args)
        except LokusError as exc:
            self.notify(str(exc), severity="error")
        else:
            if success:
                self.notify(success, timeout=3)
        self.reload()
