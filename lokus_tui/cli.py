"""The `lokus` command. Imports are lazy so that the app's first frame is fast."""

import sys
import tempfile
from pathlib import Path

from db.private_folders import make_private_folder
from exports.swedish import count_of
from lokus_tui.cli_parser import EXIT_USAGE, build_parser


def fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"lokus: {message}", file=sys.stderr)
    return code


def _choose_db(parser, args) -> None:
    after = getattr(args, "db_after", None)
    if after is not None and args.db is not None and after != args.db:
        parser.error(
            f"--db anges två gånger med olika värden ({_shown(args.db)} och {_shown(after)})"
        )
    args.db = args.db if args.db is not None else after


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _choose_db(parser, args)
    try:
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "meetings":
            return cmd_meetings(args)
        if args.command == "export":
            from lokus_tui.cli_export import cmd_export

            return cmd_export(args)
        if args.command == "report":
            from lokus_tui.cli_report import cmd_report

            return cmd_report(args)
        if args.command == "import":
            from lokus_tui.cli_import import cmd_import

            return cmd_import(args)
        if args.command == "db":
            from lokus_tui.cli_copy import cmd_db

            return cmd_db(args)
        if args.command == "where":
            from lokus_tui.config import resolve_database

            print(_shown(resolve_database(args.db)))
            return 0
        return cmd_app(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks
        from db.errors import LokusError

        if isinstance(exc, LokusError):
            return fail(str(exc), getattr(exc, "exit_code", 1))
        return _unexpected(exc)


def _closed_pipe() -> int:
    """`lokus meetings | head -1`: the reader has gone; end quietly, like other tools."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0


def _unexpected(exc: BaseException) -> int:
    """Write the details to a private log file; tell the user in one sentence."""
    from lokus_tui.error_log import describe, write_error_log

    return fail(describe(exc) + write_error_log(exc), 1)


def _open(target, **options):
    """Open (and, when allowed, migrate) the database before the app starts."""
    from db.opening import open_database

    database = open_database(target, **options)
    if database.backup is not None:
        print(
            f"lokus: databasen uppgraderades; en kopia av den gamla finns i {database.backup}",
            file=sys.stderr,
        )
    return database


def _existing_database(args):
    """Open the database for a read command: never create, migrate or change it."""
    from lokus_tui.config import resolve_database

    return _open(
        resolve_database(args.db), create=False, migrate=False, empty_ok=False, make_folder=False
    )


def _shown(target) -> str:
    """A path, or a URL with its password replaced by ***."""
    if isinstance(target, Path) or "://" not in str(target):
        return str(target)
    from db.opening import display_url

    return display_url(target)


def cmd_meetings(args) -> int:
    from datetime import date

    from exports.swedish import format_time

    from_date = None
    if args.from_date:
        try:
            from_date = date.fromisoformat(args.from_date)
        except ValueError:
            return fail(f"--from: ”{args.from_date}” är inget datum; skriv ÅÅÅÅ-MM-DD")
    database = _existing_database(args)
    from db.groups import group_options
    from db.meetings import list_meetings

    group_id = None
    if args.group:
        wanted = args.group.casefold()
        groups = [
            g
            for g in group_options(database, include_archived=True)
            if wanted in g.label.casefold()
        ]
        exact = [g for g in groups if g.label.casefold() == wanted]
        groups = exact or groups
        if len(groups) != 1:
            names = ", ".join(g.label for g in groups[:8]) or "ingen"
            return fail(f"--group: ”{args.group}” matchar {len(groups)} lokusgrupper ({names})")
        group_id = groups[0].id
    offset = 0
    print(f"{'id':>6}  {'datum':10}  {'tid':11}  {'grupp':24}  {'typ':26}  status")
    while True:
        page = list_meetings(
            database, group_id=group_id, from_date=from_date, limit=500, offset=offset
        )
        for m in page.rows:
            span = f"{format_time(m.start_time)}–{format_time(m.end_time)}" if m.start_time else ""
            print(
                f"{m.id:>6}  {m.meeting_date.isoformat():10}  {span:11}  "
                f"{m.group_name[:24]:24}  {m.kind_label[:26]:26}  {m.status_label}"
            )
        offset += len(page.rows)
        if offset >= page.total or not page.rows:
            break
    database.close()
    return 0


def cmd_demo(args) -> int:
    from lokus_tui.config import resolve_database

    if args.scale < 1 or args.scale > 500:
        return fail("--scale måste vara ett heltal mellan 1 och 500")
    if not args.db:
        return fail("ange filen att skriva demodata till med --db SÖKVÄG")
    target = resolve_database(args.db)
    if (
        isinstance(target, Path)
        and target.exists()
        and (target.is_dir() or target.stat().st_size > 0)
    ):
        return fail(f"filen {target} finns redan; välj en ny fil för demodata")
    from db import demo

    database = _open(target, make_folder=False)
    counts = demo.generate(database, scale=args.scale)
    database.close()
    print(
        f"Demodata skrivet till {_shown(target)}: "
        f"{count_of(counts.get('initiative', 0), 'insats', 'insatser')}, "
        f"{count_of(counts.get('person', 0), 'person', 'personer')}, "
        f"{count_of(counts.get('meeting', 0), 'möte', 'möten')}."
    )
    return 0


def cmd_app(args) -> int:
    from lokus_tui.config import default_database, resolve_database

    options: dict = {}
    if args.demo:
        folder = Path(tempfile.mkdtemp(prefix="lokus-demo-"))
        target: str | Path = folder / "demo.db"
        from db import demo

        database = _open(target)
        demo.generate(database)
        database.close()
    else:
        target = resolve_database(args.db)
        if isinstance(target, Path):
            # A new database may be created in an existing folder; only the default
            # database gets its folder created (a typo must not create folders), and
            # an empty file is used only when it is the default database.
            is_default = target == default_database()
            options = {"create": True, "make_folder": is_default, "empty_ok": is_default}
            if is_default:
                make_private_folder(target.parent)
            from db.schema import inspect_file

            state = inspect_file(target, missing_ok=True, empty_ok=is_default)
            if state.state != "current":
                _open(target, **options).close()
        else:
            _open(target).close()
    from lokus_tui.app import make_app

    app = make_app(target, demo=args.demo, open_options=options)
    try:
        app.run()
    finally:
        if args.demo:  # a try-out: nothing of it stays behind in the temporary folder
            import shutil

            shutil.rmtree(Path(target).parent, ignore_errors=True)
    if args.demo:
        print(
            "lokus: demodatabasen är borttagen. Vill du spara demodata: "
            "lokus demo --db FIL och sedan lokus --db FIL",
            file=sys.stderr,
        )
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
