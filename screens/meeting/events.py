"""Messages the panes of a meeting send to the meeting screen."""

from textual.message import Message


class MeetingChanged(Message):
    """A pane saved something that changes the meeting: the screen reloads its header
    and every pane reloads its own data when it is next shown."""
