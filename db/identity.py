"""Who is using lokus: the name each row records as the one who changed it last
(``changed_by``), and whose own groups come first in Översikt.

``LOKUS_USER`` names the user; otherwise the login name of the computer account.
Several coordinators sharing one PostgreSQL database each get their own name this
way without a log-in of lokus's own. Standard library only: the first screen reads
it before the database layer is loaded."""

import getpass
import os

ENV_USER = "LOKUS_USER"
MAX_LENGTH = 100


def current_user() -> str:
    name = os.environ.get(ENV_USER, "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):  # no login name (a container without a user entry)
            name = ""
    return " ".join(name.split())[:MAX_LENGTH]
