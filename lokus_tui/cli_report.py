"""`lokus report`: the follow-up (Uppföljning) of one or every lokusgrupp for a year or
a period, as Markdown, Word or PDF. Also what the Uppföljning screen calls to write
the file: never over an existing file, never half-written (exports/files.py)."""

import sys
from datetime import date
from pathlib import Path

FORMATS = ("md", "docx", "pdf")


def add_report_parser(sub, common) -> None:
    parser = sub.add_parser(
        "report", parents=[common], help="uppföljning för ett år eller en period (md, docx, pdf)"
    )
    parser.add_argument("--year", type=int, metavar="ÅR", help="kalenderår (standard: i år)")
    parser.add_argument("--group", metavar="GRUPP", help="lokusgruppens namn (annars alla)")
    parser.add_argument("--from", dest="from_date", metavar="DATUM", help="periodens början")
    parser.add_argument("--to", dest="to_date", metavar="DATUM", help="periodens slut")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        action="append",
        help="filformat, flera går att ange (standard: md)",
    )
    parser.add_argument(
        "-o", "--output", metavar="MAPP", help="mapp att skriva till (standard: Dokument/lokus)"
    )


def report_text(database, start: date, end: date, group_id: int | None, group_name: str | None):
    """(title, Markdown) of the follow-up."""
    from db import clock
    from db.follow_up import follow_up
    from exports.follow_up import follow_up_markdown, report_title

    report = follow_up(database, start, end, clock.today(), group_id)
    return report_title(report, group_name), follow_up_markdown(report, group_name)


def write_report(
    database,
    start: date,
    end: date,
    group_id: int | None,
    group_name: str | None,
    fmt: str,
    folder: Path,
) -> Path:
    """Write the follow-up as a new file in ``folder``; its path."""
    from db import clock
    from exports.files import slug, write_new_file

    title, markdown = report_text(database, start, end, group_id, group_name)
    if fmt == "docx":
        from exports.word import docx_bytes

        data: bytes | str = docx_bytes(markdown, title, title, clock.now())
    elif fmt == "pdf":
        from exports.pdf import pdf_bytes

        data = pdf_bytes(markdown, title, title, clock.now())
    else:
        data = markdown
    when = (
        str(start.year)
        if (start, end) == (date(start.year, 1, 1), date(start.year, 12, 31))
        else f"{start}-{end}"
    )
    name = f"uppfoljning-{when}-{slug(group_name or 'alla lokusgrupper')}.{fmt}"
    return write_new_file(folder, name, data)


def _fail(message: str) -> int:
    print(f"lokus: {message}", file=sys.stderr)
    return 2


def _date(text: str | None, flag: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{flag}: ”{text}” är inget datum; skriv ÅÅÅÅ-MM-DD") from None


def cmd_report(args) -> int:
    from db import clock
    from db.errors import ValidationError
    from db.follow_up import period
    from exports.swedish import count_of
    from lokus_tui.cli import _existing_database
    from lokus_tui.config import export_dir

    try:
        start, end = _date(args.from_date, "--from"), _date(args.to_date, "--to")
    except ValueError as exc:
        return _fail(str(exc))
    if args.year is not None and start is not None:
        return _fail("--year: ange antingen --year eller --from och --to")
    try:
        start, end, _year = period(args.year or (None if start else clock.today().year), start, end)
    except ValidationError as exc:
        flags = {"from": "--from", "to": "--to", "year": "--year"}
        return _fail("; ".join(f"{flags[e.field]}: {e.message}" for e in exc.errors))
    folder = Path(args.output).expanduser() if args.output else export_dir()
    if folder.exists() and not folder.is_dir():
        return _fail(f"-o: {folder} är ingen mapp")
    database = _existing_database(args)
    try:
        group_id, group_name = None, None
        if args.group:
            from db.groups import group_options

            wanted = args.group.casefold()
            groups = [
                g
                for g in group_options(database, include_archived=True)
                if wanted in g.label.casefold()
            ]
            groups = [g for g in groups if g.label.casefold() == wanted] or groups
            if len(groups) != 1:
                names = ", ".join(g.label for g in groups[:8]) or "ingen"
                matches = count_of(len(groups), "lokusgrupp", "lokusgrupper")
                return _fail(f"--group: ”{args.group}” matchar {matches} ({names})")
            group_id, group_name = groups[0].id, groups[0].label
        for fmt in dict.fromkeys(args.format or ["md"]):
            print(write_report(database, start, end, group_id, group_name, fmt, folder))
    finally:
        database.close()
    return 0
