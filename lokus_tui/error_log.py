"""Unexpected errors: details to a private log file, one Swedish sentence to the user.

Neither the log nor the sentence carries an exception's message: messages of
database and widget errors can contain what the user typed (a note, a name).
The log keeps what a developer needs — the exception types and where they
happened — and nothing of the user's text.
"""

import os
import traceback

from db import clock
from db.private_folders import make_private_folder
from lokus_tui.config import data_dir


def redacted_traceback(error: BaseException) -> str:
    """The traceback with frames and exception types, but no messages."""
    lines: list[str] = []
    te: traceback.TracebackException | None = traceback.TracebackException.from_exception(error)
    chain: list[traceback.TracebackException] = []
    while te is not None:
        chain.append(te)
        te = te.__cause__ or (te.__context__ if not te.__suppress_context__ else None)
    for n, part in enumerate(reversed(chain)):
        if n:
            lines.append("\nDärefter:\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(part.stack.format())
        lines.append(
            f"{_type_name(part)} (meddelandet visas inte: det kan innehålla användarens text)\n"
        )
    return "".join(lines)


def _type_name(part: traceback.TracebackException) -> str:
    name = getattr(part, "exc_type_str", None)  # Python 3.13+
    if name:
        return name
    kind = part.exc_type
    return f"{kind.__module__}.{kind.__qualname__}" if kind else "okänt fel"


def write_error_log(error: BaseException | None) -> str:
    """Append the redacted traceback to lokus-fel.log (0600); returns '; detaljer i PATH'."""
    if error is None:
        return ""
    log = data_dir() / "lokus-fel.log"
    try:
        make_private_folder(log.parent)
        fd = os.open(log, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(
                f"--- {clock.now().isoformat(timespec='seconds')}\n"
                + redacted_traceback(error)
                + "\n"
            )
    except OSError:
        return ""
    return f"; detaljer i {log}"


def describe(error: BaseException | None) -> str:
    if error is None:
        return "ett oväntat fel inträffade"
    return f"ett oväntat fel inträffade ({type(error).__name__})"
