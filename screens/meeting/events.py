"""Messages the panes of a meeting send to the meeting screen."""

from textual.message import Message
from textual.widget import Widget


class MeetingChanged(Message):
    """A pane saved something that changes the meeting: the screen reloads its header
    and every pane reloads its own data when it is next shown.

    ``header=False``: the change cannot alter the meeting itself (its time, status or
    warnings), so the header is not read again (an attendance mark that did not make
    the meeting held). ``shown_by``: the pane that already shows the change and is not
    read again."""

    def __init__(self, header: bool = True, shown_by: Widget | None = None) -> None:
        super().__init__()
        self.header = header
        self.shown_by = shown_by
