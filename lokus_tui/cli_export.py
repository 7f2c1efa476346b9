"""`lokus export kallelse|minnesanteckningar|inbjudan MÖTES_ID`: a meeting's documents
written as files (never over an existing file) and kept in the meeting's history."""

import sys
from pathlib import Path

from lokus_tui.cli import _existing_database, fail


def cmd_export(args) -> int:
    if not args.meeting_id.isdigit():
        return fail(f"MÖTES_ID: ”{args.meeting_id}” är inget id; se lokus meetings")
    from lokus_tui.config import export_dir

    folder = Path(args.output).expanduser() if args.output else export_dir()
    if folder.exists() and not folder.is_dir():
        return fail(f"-o: {folder} är ingen mapp")
    chosen = list(dict.fromkeys(args.format or ["alla"]))
    if args.document == "minnesanteckningar" and "ics" in chosen:
        return fail("--format: minnesanteckningar finns som md, eml, pdf eller docx")
    if args.document != "kallelse" and args.mark_sent:
        return fail("--markera-skickad: gäller bara kallelsen")
    if args.document == "inbjudan":
        return _export_invitation(args, folder, chosen)
    if args.guest:
        return fail("--gäst: gäller bara inbjudan")
    database = _existing_database(args)
    from lokus_tui.documents import (
        MINUTES_FORMATS,
        NOTICE_FORMATS,
        export_minutes,
        export_notice,
    )

    minutes = args.document == "minnesanteckningar"
    formats = _formats(chosen, MINUTES_FORMATS if minutes else NOTICE_FORMATS)
    if minutes:
        paths = export_minutes(database, int(args.meeting_id), folder, formats)
    else:
        paths = export_notice(
            database, int(args.meeting_id), folder, formats, mark_sent=args.mark_sent
        )
    for path in paths:
        print(path)
    if args.mark_sent:
        from db import clock

        print(f"Kallelsen är markerad som skickad {clock.today().isoformat()}.", file=sys.stderr)
    if database.read_only:
        print(
            f"lokus: obs: databasen är skrivskyddad ({database.read_only_reason}); exporten "
            "sparades inte i mötets historik.",
            file=sys.stderr,
        )
    database.close()
    return 0


def _formats(chosen: list[str], every: tuple[str, ...]) -> tuple[str, ...]:
    """The --format values asked for, "alla" standing for every format, each once."""
    return tuple(dict.fromkeys(f for c in chosen for f in (every if c == "alla" else (c,))))


def _export_invitation(args, folder: Path, chosen: list[str]) -> int:
    """`lokus export inbjudan MÖTES_ID --gäst NAMN`: the invitation to one guest."""
    if "ics" in chosen:
        return fail("--format: inbjudan finns som md, eml, pdf eller docx")
    if not args.guest:
        return fail("--gäst: ange vilken gäst inbjudan gäller (namnet eller en del av det)")
    from db.guests import list_guests
    from lokus_tui.documents import INVITATION_FORMATS, export_invitation

    database = _existing_database(args)
    try:
        guests = list_guests(database, int(args.meeting_id))
        wanted = args.guest.casefold()
        found = [g for g in guests if wanted in g.name.casefold()]
        found = [g for g in found if g.name.casefold() == wanted] or found
        if len(found) != 1:
            names = ", ".join(g.name for g in guests) or "mötet har inga gäster"
            return fail(f"--gäst: ”{args.guest}” matchar {len(found)} av mötets gäster ({names})")
        formats = _formats(chosen, (*INVITATION_FORMATS, "pdf"))
        for path in export_invitation(database, int(args.meeting_id), found[0], folder, formats):
            print(path)
    finally:
        database.close()
    return 0
