"""Nothing the user typed is ever written to the terminal or the error log."""

import os
import stat

from lokus_tui.error_log import describe, redacted_traceback, write_error_log

SECRET = "Personen X har diagnos Y och bor på Z"


def failing():
    try:
        raise ValueError(f"kunde inte spara: {SECRET}")
    except ValueError as exc:
        raise RuntimeError(f"UPDATE agendaitem SET notes='{SECRET}'") from exc


def test_the_log_keeps_where_and_what_type_but_no_message(tmp_path, monkeypatch):
    monkeypatch.setenv("LOKUS_DATA_DIR", str(tmp_path))
    try:
        failing()
    except RuntimeError as exc:
        error = exc
    where = write_error_log(error)
    log = tmp_path / "lokus-fel.log"
    text = log.read_text()
    assert str(log) in where
    assert "ValueError" in text and "RuntimeError" in text and "failing" in text
    assert SECRET not in text and "diagnos" not in text
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    assert SECRET not in describe(error) and "RuntimeError" in describe(error)
    assert SECRET not in redacted_traceback(error)
