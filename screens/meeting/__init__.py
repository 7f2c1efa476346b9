"""The meeting workspace: a screen with one pane per tab."""

from screens.meeting.screen import MeetingScreen

__all__ = ["MeetingScreen"]
