"""The arguments of the `lokus` command, with argparse's own texts in Swedish."""

import argparse
import sys

EXIT_USAGE = 2

_ARGPARSE_SV = (
    (r"the following arguments are required: (.*)", r"dessa argument saknas: \1"),
    (
        r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)",
        r"argument \1: \2 är inget giltigt val (välj bland \3)",
    ),
    (r"argument (\S+): invalid int value: (\S+)", r"argument \1: \2 är inget heltal"),
    (r"argument (\S+): expected one argument", r"argument \1: ett värde saknas"),
    (r"unrecognized arguments: (.*)", r"okända argument: \1"),
)


_HELP_SV = {
    "usage: ": "användning: ",
    "options": "flaggor",
    "positional arguments": "argument",
    "show this help message and exit": "visa den här hjälpen och avsluta",
}
# argparse looks its fixed texts up through its module-level gettext function
# (``argparse._``, which the type stubs do not declare).
setattr(argparse, "_", lambda text: _HELP_SV.get(text, text))  # noqa: B010


class SwedishArgumentParser(argparse.ArgumentParser):
    """Usage errors in Swedish, exit code 2, no traceback."""

    def error(self, message: str):
        import re

        for pattern, replacement in _ARGPARSE_SV:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"lokus: fel: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    db_help = "databasfil eller SQLAlchemy-URL (annars LOKUS_DB eller standardfilen)"
    # --db may stand before or after the command; both end up in args.db (see main).
    common = SwedishArgumentParser(add_help=False)
    common.add_argument("--db", dest="db_after", metavar="SÖKVÄG", help=db_help)
    parser = SwedishArgumentParser(
        prog="lokus",
        description="lokus – för LOKUS-samordnare: insatser, kontakter, möten och anteckningar.",
    )
    parser.add_argument("--db", dest="db", metavar="SÖKVÄG", help=db_help)
    parser.add_argument(
        "--demo", action="store_true", help="öppna appen på en ny tillfällig databas med demodata"
    )
    sub = parser.add_subparsers(
        dest="command", metavar="KOMMANDO", parser_class=SwedishArgumentParser
    )
    demo = sub.add_parser("demo", parents=[common], help="skriv demodata till en databasfil")
    demo.add_argument(
        "--scale",
        type=int,
        default=1,
        metavar="N",
        help="multiplicera mängden data (50 ger ca 600 insatser)",
    )
    sub.add_parser("where", parents=[common], help="visa var databasen ligger")
    meetings = sub.add_parser("meetings", parents=[common], help="lista möten med id")
    meetings.add_argument("--group", metavar="GRUPP", help="lokusgruppens namn (eller del av det)")
    meetings.add_argument(
        "--from", dest="from_date", metavar="DATUM", help="bara möten från detta datum (ÅÅÅÅ-MM-DD)"
    )
    export = sub.add_parser("export", parents=[common], help="exportera dokument")
    export.add_argument(
        "document",
        choices=["kallelse", "minnesanteckningar", "inbjudan"],
        help="vad som exporteras (inbjudan: till en gäst, med --gäst)",
    )
    export.add_argument("meeting_id", metavar="MÖTES_ID", help="mötets id (se lokus meetings)")
    export.add_argument(
        "--format",
        choices=["md", "ics", "eml", "pdf", "docx", "alla"],
        action="append",
        help="filformat, flera går att ange (standard: alla = md, ics och eml med PDF; "
        "med docx bifogas Word i stället för PDF; minnesanteckningar har inte ics)",
    )
    export.add_argument(
        "--markera-skickad",
        dest="mark_sent",
        action="store_true",
        help="kallelse: markera den som skickad i dag när filerna är skrivna",
    )
    export.add_argument(
        "-o", "--output", metavar="MAPP", help="mapp att skriva till (standard: Dokument/lokus)"
    )
    export.add_argument(
        "--gäst",
        "--gast",
        dest="guest",
        metavar="NAMN",
        help="inbjudan: gästens namn (eller en del av det) bland mötets gäster",
    )
    from lokus_tui.cli_import import add_import_parser

    add_import_parser(sub, common)
    from lokus_tui.cli_report import add_report_parser

    add_report_parser(sub, common)
    from lokus_tui.cli_copy import add_db_parser

    add_db_parser(sub, common)
    return parser
