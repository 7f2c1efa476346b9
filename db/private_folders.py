"""Folders for personal data: created 0700, every level lokus creates.

``Path.mkdir(parents=True, mode=0o700)`` gives the mode to the last folder only; the
parents it creates get the umask's mode (0755, readable by every user of the
machine). Folders that exist already keep their mode (a home folder is not ours).
"""

import contextlib
from pathlib import Path


def make_private_folder(folder: Path) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        with contextlib.suppress(FileExistsError):  # (another lokus made it meanwhile)
            new.mkdir(mode=0o700)
