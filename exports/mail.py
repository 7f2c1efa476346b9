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
from email.policy import EmailPolicy
from email.utils import formataddr

from db.characters import printable

_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"\\]+@[^@\s<>()\[\],;:\"\\]+\.[^@\s<>()\[\],;:\"\\]{2,}$")


ADDRESS_HEADERS = ("from", "to", "cc", "bcc", "reply-to", "sender")


class AddressPolicy(EmailPolicy):
    """The standard policy, except how address headers are folded.

    Python's own folding can, for some names, put the comma between two addresses
    inside an encoded word (``=?utf-8?q?=2C?=``): a reader then sees one address
    less. Here every address is written whole (its display name encoded on its
    own when needed) and each one on its own line."""

    def fold_binary(self, name, value):
        addresses = getattr(value, "addresses", None)
        if name.lower() not in ADDRESS_HEADERS or not addresses:
            return super().fold_binary(name, value)
        parts = [formataddr((a.display_name, a.addr_spec), charset="utf-8") for a in addresses]
        text = f"{name}: " + ("," + self.linesep + " ").join(parts) + self.linesep
        return text.encode("utf-8")


POLICY = AddressPolicy(linesep="\n")


def new_message() -> EmailMessage:
    """An e-mail message that writes its address headers safely (see AddressPolicy)."""
    return EmailMessage(policy=POLICY)


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
