"""E-mail headers built from parts, never from strings a name could rewrite.

A recipient is a display name and an address, each given to the standard
library separately (``email.headerregistry.Address``): whatever a name holds
(``<``, ``>``, ``,``, ``"``, ``@``, ``;``, non-ASCII, line breaks) it stays the
display name of that one address and can never add, change or remove a
recipient. Text that goes into a header is first made printable.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime, formataddr, make_msgid

from db.characters import printable
from exports.swedish import stockholm

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


MIME_TYPES = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "ics": ("application", "ics"),
    "md": ("text", "markdown"),
}


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes

    @property
    def mime(self) -> tuple[str, str]:
        return MIME_TYPES[self.filename.rpartition(".")[2]]


@dataclass(frozen=True)
class Draft:
    """An e-mail draft: who, what, and the document it carries (as Markdown)."""

    subject: str
    sender: tuple[tuple[str, str], ...]
    to: tuple[tuple[str, str], ...]
    markdown: str
    cc: tuple[tuple[str, str], ...] = ()
    calendar: bytes = b""  # an invitation: the iCalendar text, shown by the mail program
    method: str = "REQUEST"
    attachments: tuple[Attachment, ...] = ()


def mail_date(now: datetime) -> str:
    """The Date header in Swedish time with its offset: 'Wed, 20 Jan 2027 13:00:00 +0100'."""
    return format_datetime(now.astimezone(stockholm()))


def draft_eml(draft: Draft, now: datetime) -> bytes:
    """The draft as an .eml file, the way mail programs expect it:

    multipart/mixed
      multipart/alternative
        text/plain; charset=utf-8     (the document as plain text, no Markdown)
        text/html; charset=utf-8      (tables with borders, links clickable)
        text/calendar; method=…; charset=utf-8   (invitations: what Outlook
                                       and Thunderbird read as a meeting request)
      the attachments (the .ics to import, the document as PDF / Word …)
    """
    from exports.document import html_document, plain_text

    msg = new_message()
    msg["Subject"] = header_text(draft.subject)
    set_recipients(msg, "From", draft.sender)
    seen: set[str] = set()
    set_recipients(msg, "To", draft.to, seen)
    set_recipients(msg, "Cc", draft.cc, seen)
    msg["Date"] = mail_date(now)
    msg["Message-ID"] = make_msgid(domain="lokus.invalid")
    msg["X-Unsent"] = "1"  # Outlook opens it as a draft, ready to send
    # quoted-printable: the text stays readable in the file itself
    msg.set_content(plain_text(draft.markdown), charset="utf-8", cte="quoted-printable")
    msg.add_alternative(
        html_document(draft.markdown, draft.subject),
        subtype="html",
        charset="utf-8",
        cte="quoted-printable",
    )
    if draft.calendar:
        msg.add_alternative(
            draft.calendar.decode("utf-8"),
            subtype="calendar",
            charset="utf-8",
            params={"method": draft.method},
        )
    for attachment in draft.attachments:
        maintype, subtype = attachment.mime
        if maintype == "text":
            msg.add_attachment(
                attachment.content.decode("utf-8"),
                subtype=subtype,
                charset="utf-8",
                filename=attachment.filename,
            )
        else:
            msg.add_attachment(
                attachment.content,
                maintype=maintype,
                subtype=subtype,
                filename=attachment.filename,
            )
    return bytes(msg)
