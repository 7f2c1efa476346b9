"""The `lokus` command. Imports are lazy so that the app's first frame is fast."""

import argparse
import sys
import tempfile
from pathlib import Path

EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="SÖKVÄG",
                        help="databasfil eller SQLAlchemy-URL (annars LOKUS_DB eller standardfilen)")
    parser = argparse.ArgumentParser(
        prog="lokus", parents=[common],
        description="lokus – för LOKUS-samordnare: insatser, kontakter, möten och anteckningar.")
    parser.add_argument("--demo", action="store_true",
                        help="öppna appen på en ny tillfällig databas med demodata")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    demo = sub.add_parser("demo", parents=[common], help="skriv demodata till en databasfil")
    demo.add_argument("--scale", type=int, default=1, metavar="N",
                      help="multiplicera mängden data (50 ger ca 600 insatser)")
    sub.add_parser("where", parents=[common], help="visa var databasen ligger")
    return parser


def fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"lokus: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "where":
            from lokus_tui.config import resolve_database

            print(resolve_database(args.db))
            return 0
        return cmd_app(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no tracebacks
        from db.errors import LokusError

        if isinstance(exc, LokusError):
            return fail(str(exc), getattr(exc, "exit_code", 1))
        raise


def _open(target):
    """Open and migrate the database (used before the app starts)."""
    from db.engine import open_database

    database = open_database(target)
    if database.backup is not None:
        print(f"lokus: databasen uppgraderades; en kopia av den gamla finns i {database.backup}",
              file=sys.stderr)
    return database


def cmd_demo(args) -> int:
    from lokus_tui.config import resolve_database

    if args.scale < 1 or args.scale > 500:
        return fail("--scale måste vara ett heltal mellan 1 och 500")
    if not args.db:
        return fail("ange filen att skriva demodata till med --db SÖKVÄG")
    target = resolve_database(args.db)
    if isinstance(target, Path) and target.exists() and target.stat().st_size > 0:
        return fail(f"filen {target} finns redan; välj en ny fil för demodata")
    from db import demo

    database = _open(target)
    counts = demo.generate(database, scale=args.scale)
    database.close()
    print(f"Demodata skrivet till {target}: {counts.get('initiative', 0)} insatser, "
          f"{counts.get('person', 0)} personer, {counts.get('meeting', 0)} möten.")
    return 0


def cmd_app(args) -> int:
    from lokus_tui.config import resolve_database

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
            from db.schema import inspect_file

            state = inspect_file(target)
            if state.state in ("newer", "foreign"):
                from db.engine import explain_state

                err = explain_state(target, state)
                return fail(str(err), err.exit_code)
            if state.state != "current":
                _open(target).close()
        else:
            _open(target).close()
    from lokus_tui.app import make_app

    app = make_app(target, demo=args.demo)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
