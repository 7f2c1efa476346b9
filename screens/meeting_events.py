"""Messages the panes of a meeting send to the meeting screen."""

from textual.message import Message


class MeetingChanged(Message):
    """Something a pane saved changed the meeting (its status, its record): reload."""
