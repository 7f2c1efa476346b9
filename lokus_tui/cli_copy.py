"""`lokus db copy --from FIL --to URL`: move a coordinator's database into the shared one."""

from pathlib import Path

from exports.swedish import count_of

# table -> (one, several) in the report
LABELS = {
    "organisation": ("organisation", "organisationer"),
    "person": ("person", "personer"),
    "lokus_group": ("lokusgrupp", "lokusgrupper"),
    "group_goal": ("årsmål för en grupp", "årsmål för grupper"),
    "own_group": ("egen grupp", "egna grupper"),
    "membership": ("medlemskap", "medlemskap"),
    "initiative": ("insats", "insatser"),
    "initiativepartner": ("samverkanspart", "samverkansparter"),
    "goal": ("mål", "mål"),
    "fundingdecision": ("finansieringsbeslut", "finansieringsbeslut"),
    "budgetline": ("budgetrad", "budgetrader"),
    "meeting": ("möte", "möten"),
    "agendaitem": ("dagordningspunkt", "dagordningspunkter"),
    "agendaproposal": ("förslag till punkt", "förslag till punkter"),
    "pointsrequest": ("förfrågan om punkter", "förfrågningar om punkter"),
    "guestinvitation": ("gästinbjudan", "gästinbjudningar"),
    "attendance": ("närvaronotering", "närvaronoteringar"),
    "decision": ("beslut", "beslut"),
    "actionitem": ("åtgärd", "åtgärder"),
    "minutes": ("minnesanteckningar", "minnesanteckningar"),
    "minutescomment": ("synpunkt", "synpunkter"),
    "exportrecord": ("sparad export", "sparade exporter"),
    "scanningentry": ("omvärldsnotering", "omvärldsnoteringar"),
}


def add_db_parser(sub, common) -> None:
    """`lokus db copy`: the database as a whole (``common`` is not used: --from and --to
    name the two databases)."""
    db = sub.add_parser("db", help="hela databasen: kopiera in en annan databas")
    commands = db.add_subparsers(dest="db_command", metavar="KOMMANDO", required=True)
    copy = commands.add_parser(
        "copy",
        help="kopiera en samordnares databas in i en annan (t.ex. förbundets PostgreSQL)",
        description="Kopierar allt i en lokus-databas in i en annan. Organisationer och "
        "lokusgrupper som redan finns slås ihop på namn, personer på e-post och sedan namn, "
        "insatser på Dnr och sedan namn, möten på grupp, datum och starttid. Allt eller "
        "ingenting: en körning till ändrar ingenting.",
    )
    copy.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="FIL",
        help="databasen att kopiera från (en lokus-fil eller URL)",
    )
    copy.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL",
        help="databasen att kopiera till (en URL som postgresql+psycopg://användare@värd/lokus "
        "eller en fil); skapas och uppgraderas vid behov",
    )
    copy.add_argument(
        "--dry-run", action="store_true", help="visa vad som skulle kopieras; spara ingenting"
    )


def _target(value: str) -> str | Path:
    return value if "://" in value else Path(value).expanduser()


def _same(a: str | Path, b: str | Path) -> bool:
    if isinstance(a, Path) and isinstance(b, Path):
        return a.resolve() == b.resolve()
    return str(a) == str(b)


def cmd_db(args) -> int:
    from lokus_tui.cli import _open, _shown, fail

    source, target = _target(args.source), _target(args.target)
    if _same(source, target):
        return fail("--from och --to är samma databas; ingenting kopierades")
    if isinstance(source, Path) and not source.exists():
        return fail(f"--from: filen {source} finns inte", 4)
    from db.copy import copy_database

    source_db = _open(source, create=False, migrate=True, empty_ok=False, make_folder=False)
    try:
        target_db = _open(target, create=True, migrate=True, make_folder=False)
        try:
            report = copy_database(source_db, target_db, dry_run=args.dry_run)
        finally:
            target_db.close()
    finally:
        source_db.close()
    print(describe(report, _shown(source), _shown(target)))
    return 0


def describe(report, source: str, target: str) -> str:
    """The report in Swedish: one line a kind of row, then the sums."""
    head = "Provkörning, ingenting sparades" if report.dry_run else "Kopierat"
    lines = [f"{head}: {source} → {target}"]
    order = list(LABELS)
    tables = sorted(
        report.tables, key=lambda t: order.index(t.table) if t.table in order else len(order)
    )
    for t in tables:
        if not t.rows:
            continue
        one, several = LABELS.get(t.table, (t.table, t.table))
        how = ", ".join(
            f"{n} på {what}" for what, n in sorted(t.matched.items(), key=lambda m: -m[1])
        )
        text = f"  {count_of(t.rows, one, several)}: {count_of(t.new, 'ny', 'nya')}"
        if t.existing:
            text += f", {t.existing} fanns redan ({how})"
        if t.filled:
            text += f"; {t.filled} kompletterade med uppgifter som saknades"
        lines.append(text)
    if report.new == 0 and report.filled == 0:
        lines.append("Ingenting nytt: allt fanns redan i måldatabasen.")
    else:
        lines.append(
            f"Totalt {count_of(report.new, 'ny rad', 'nya rader')}, "
            f"{report.existing} fanns redan, {report.filled} kompletterade."
        )
    return "\n".join(lines)
