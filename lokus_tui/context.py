"""Typed access from any widget or screen to the running lokus App and its database.

Textual types ``node.app`` as a plain ``App``; these helpers name what lokus adds."""

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from db.engine import Database
    from lokus_tui.app import LokusApp


def lokus_app(node: "DOMNode") -> "LokusApp":
    return cast("LokusApp", node.app)


def app_database(node: "DOMNode") -> "Database":
    """The open database of the app that shows ``node``."""
    return lokus_app(node).database


def taken_down(node: "DOMNode") -> bool:
    """Whether the screen that shows ``node`` was closed or lokus is quitting.

    Keys are handled while screens are built and taken down (escape or ctrl+q typed
    right after enter), so a handler may run after its widgets are gone; it then does
    nothing. (Textual's ``display`` is False for a node being removed; a screen is not
    hidden otherwise.)"""
    if not node.is_attached:
        return True
    try:
        return not node.screen.display
    except Exception:  # noqa: BLE001 - no screen any more
        return True
