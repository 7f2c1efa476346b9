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
