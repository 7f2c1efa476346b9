"""kill -9 of a real lokus process during steady typing (in a pseudo-terminal).

The same driver as bench/kill_probe.py, which repeats it 30 times and prints
the figures. Here: two kills, 0.2 s and 1.2 s after the last key.
"""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("kill_probe", ROOT / "bench" / "kill_probe.py")
kill_probe = importlib.util.module_from_spec(spec)
spec.loader.exec_module(kill_probe)


@pytest.mark.slow
@pytest.mark.parametrize("wait", [0.2, 1.2])
def test_kill_during_steady_typing_loses_at_most_two_seconds(tmp_path, wait):
    result = kill_probe.one_round(tmp_path, seconds=5.0, wait=wait)
    assert result.typed >= 40
    assert result.lost_seconds <= 2.0, result
    assert result.found >= result.typed - 20, result  # 10 characters a second
    assert result.integrity == "ok"


@pytest.mark.slow
def test_a_closed_terminal_saves_what_was_just_typed(tmp_path):
    """SIGHUP (the terminal window closed) right after the last key, before any
    autosave: lokus quits as with ctrl+q, and every character is in the database."""
    import os
    import signal
    import time

    path, term = kill_probe.start_in_notes(tmp_path)
    try:
        text = f"{kill_probe.MARK}0 Stängt fönster mitt i en mening"
        term.send(text)
        time.sleep(0.3)  # drawn, but far from the 2 s autosave
        os.kill(term.pid, signal.SIGHUP)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            done, _status = os.waitpid(term.pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("lokus did not end on SIGHUP")
    finally:
        try:
            os.kill(term.pid, signal.SIGKILL)
            os.waitpid(term.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    assert kill_probe.typed_text_in(path) == text
    assert kill_probe.integrity(path) == "ok"
