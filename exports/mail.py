"""E-mail headers built from parts, never from strings a name could rewrite.

A recipient is a display name and an address, each given to the standard
library separately (``email.headerregistry.Address``): whatever a name holds
(``<``, ``>``, ``,``, ``"``, ``@``, ``;``, non-ASCII, line breaks) it stays the
display name of that one address and can never add, change or remove a
recipient. Text that goes into a header is first made printable.
"""

import re
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage

from db.characters import printable

_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"\\]+@[^@\s<>()\[\],;:\"\\]+\.[^@\s<>()\[\],;:\"\\]{2,}$")


def address(name: str, email: str) -> Address | None:
    """One recipient, or None when the address is not a usable e-mail address."""
    email = printable(email).strip()
    if not _ADDRESS.match(email):
        return None
    try:
        return Address(display_name=printable(name).strip(), addr_spec=email)
    except (HeaderParseError, ValueError, IndexError):
        return None


def recipients(people, seen: set[str] | None = None) -> tuple[Address, ...]:
    """(name, email) pairs -> addresses, each e-mail address once (case-insensitive)."""
    seen = set() if seen is None else seen
    out = []
    for name, email in people:
        found = address(name, email)
        if found is None or found.addr_spec.lower() in seen:
            continue
        seen.add(found.addr_spec.lower())
        out.append(found)
    return tuple(out)


def set_recipients(msg: EmailMessage, header: str, people, seen: set[str] | None = None) -> None:
    found = recipients(people, seen)
    if found:
        msg[header] = found


def header_text(text: str) -> str:
    """A subject or other free-text header: one printable line."""
    return " ".join(printable(text).split())
