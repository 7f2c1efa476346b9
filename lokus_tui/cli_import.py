"""`lokus import FIL`: read an application or a decision; print it, or save it with --yes."""

import json
import sys
from pathlib import Path

from exports.swedish import count_of

EXIT_BAD_FILE = 2


def add_import_parser(sub, common) -> None:
    parser = sub.add_parser(
        "import",
        parents=[common],
        help="läs in en ansökan eller ett beslut (.txt, .md, .docx, .pdf)",
    )
    parser.add_argument("file", metavar="FIL", help="dokumentet att läsa in")
    parser.add_argument(
        "--dry-run", action="store_true", help="visa vad som hittades; spara ingenting"
    )
    parser.add_argument("--json", action="store_true", help="skriv det som hittades som JSON")
    parser.add_argument(
        "--yes", action="store_true", help="spara utan granskning (annars: granska i appen)"
    )


def _fail(message: str, code: int = EXIT_BAD_FILE) -> int:
    print(f"lokus: {message}", file=sys.stderr)
    return code


def cmd_import(args) -> int:
    from imports.model import ReadError
    from imports.parse import import_file

    try:
        doc = import_file(Path(args.file).expanduser())
    except ReadError as exc:
        return _fail(f"{exc}. Ingenting sparades.")
    if args.json:
        print(json.dumps(doc.to_json(), ensure_ascii=False, indent=2))
    else:
        print(summary(doc))
    if args.dry_run:
        return 0
    if not args.yes:
        print(
            "lokus: ingenting sparades. Granska och spara i appen (Insatser, "
            "”Importera ansökan/beslut”) eller kör igen med --yes.",
            file=sys.stderr,
        )
        return 0
    return _save(args, doc)


def _save(args, doc) -> int:
    from db.errors import ValidationError
    from db.initiative_import import save_import
    from lokus_tui.cli import _open
    from lokus_tui.config import default_database, resolve_database

    target = resolve_database(args.db)
    is_default = isinstance(target, Path) and target == default_database()
    # as the app does: a new file in an existing folder; only the default gets a folder
    database = _open(target, create=True, make_folder=is_default, empty_ok=is_default)
    try:
        outcome = save_import(database, doc)
    except ValidationError as exc:
        lines = "\n".join(f"  • {e}" for e in exc.errors)
        return _fail(f"dokumentet kan inte sparas; ingenting sparades:\n{lines}")
    finally:
        database.close()
    what = "Ny insats sparad" if outcome.created else "Insatsen kompletterad"
    extra = []
    if outcome.decision_added and not outcome.created:
        extra.append("ett nytt finansieringsbeslut")
    if outcome.organisations_created:
        extra.append(
            count_of(outcome.organisations_created, "ny organisation", "nya organisationer")
        )
    if outcome.people_created:
        extra.append(count_of(outcome.people_created, "ny person", "nya personer"))
    if not outcome.created and not outcome.decision_added and not extra:
        what = "Redan inläst; ingenting ändrades"
    tail = f" ({', '.join(extra)})" if extra else ""
    print(f"{what}: ”{doc.name}” (id {outcome.initiative_id}){tail}.", file=sys.stderr)
    return 0


def summary(doc) -> str:
    """What was found, in Swedish, one field a line."""
    from exports.swedish import format_amount
    from imports.model import KIND_LABELS, LABELS

    def party(p) -> str:
        email = f" <{p.email}>" if p.email else ""
        return ", ".join(x for x in (p.organisation, p.contact) if x) + email

    rows = [("Typ", KIND_LABELS[doc.kind]), ("name", doc.name), ("reference", doc.reference)]
    if any(doc.owner.to_json().values()):
        rows.append(("owner", party(doc.owner)))
    rows += [("partners", "; ".join(party(p) for p in doc.partners))]
    rows += [(k, getattr(doc, k)) for k in ("purpose", "target_group", "method", "background")]
    rows += [("effect_goals", " | ".join(doc.effect_goals))]
    rows += [("output_goals", " | ".join(doc.output_goals))]
    rows += [(k, getattr(doc, k)) for k in ("period_start", "period_end")]
    rows += [("budget", "; ".join(f"{b.year}: {format_amount(b.amount_sek)}" for b in doc.budget))]
    if doc.total_sek is not None:
        rows.append(("total_sek", format_amount(doc.total_sek)))
    if doc.decision is not None:
        d = doc.decision
        amount = format_amount(d.amount_max_sek) if d.amount_max_sek is not None else "?"
        rows.append(("decision", f"{amount}, {d.start or '?'} – {d.end or '?'}"))
    out = []
    for key, value in rows:
        if value in (None, ""):
            continue
        text = " ".join(str(value).split())
        text = text if len(text) <= 100 else text[:99] + "…"
        out.append(f"{LABELS.get(key, key)}: {text}")
    missing = [LABELS.get(k, k) for k in doc.missing]
    if missing:
        out.append("Saknas: " + ", ".join(missing))
    unsure = [LABELS.get(k) or LABELS.get(k.split(".")[0], k) for k in doc.uncertain]
    if unsure:
        out.append("Osäkert, kontrollera: " + ", ".join(dict.fromkeys(unsure)))
    return "\n".join(out)
