"""Unexpected errors: details to a private log file, one Swedish sentence to the user."""

import os
import traceback

from lokus_tui.config import data_dir


def write_error_log(error: BaseException | None) -> str:
    """Append the traceback to lokus-fel.log (0600); returns '; detaljer i PATH' or ''."""
    if error is None:
        return ""
    log = data_dir() / "lokus-fel.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(log, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(error)) + "\n")
    except OSError:
        return ""
    return f"; detaljer i {log}"


def describe(error: BaseException | None) -> str:
    if error is None:
        return "ett oväntat fel inträffade"
    return f"ett oväntat fel inträffade ({type(error).__name__}: {error})"
