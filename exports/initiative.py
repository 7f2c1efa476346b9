"""An insats as a Markdown document: the detail view shows exactly this."""

from db.records import ContactRef, InitiativeDetail
from db.vocabulary import GoalKind, Orientation
from exports.markdown import email_link, escape_block, escape_inline, table
from exports.swedish import format_amount, format_date_long, format_period


def _contact_line(contact: ContactRef | None) -> str:
    if contact is None:
        return "kontaktperson saknas"
    parts = [escape_inline(contact.name)]
    if contact.title:
        parts.append(escape_inline(contact.title))
    if contact.email:
        parts.append(email_link(contact.email))
    if contact.phone:
        parts.append(escape_inline(contact.phone))
    return ", ".join(parts)


def initiative_markdown(detail: InitiativeDetail) -> str:
    d = detail.data
    start, end = detail.period
    out = [f"# {escape_inline(d.name)}", ""]
    facts = [
        ("Lokusgrupp", escape_inline(detail.group_name) or "–"),
        ("Status", detail.status_label),
        ("Period", format_period(start, end) or "–"),
        ("Beviljat totalt", format_amount(detail.total_granted)),
    ]
    if d.reference:
        facts.append(("Dnr", escape_inline(d.reference)))
    if d.orientation:
        facts.append(("Inriktning", Orientation.label_of(d.orientation)))
    if d.priority_groups:
        facts.append(("Prioriterad målgrupp", escape_inline(d.priority_groups)))
    out += [f"- **{label}:** {value}" for label, value in facts]
    out += [
        "",
        "## Insatsägare",
        "",
        f"- **{escape_inline(detail.owner_name) or 'Ingen insatsägare angiven'}**",
        f"- Kontaktperson: {_contact_line(detail.owner_contact)}",
        "",
    ]
    if detail.partners:
        out += ["## Samverkansparter", ""]
        out.append(
            table(
                ["Organisation", "Kontaktperson", "E-post", "Telefon"],
                [
                    [
                        p.organisation_name,
                        p.contact.name if p.contact else "",
                        p.contact.email if p.contact else "",
                        p.contact.phone if p.contact else "",
                    ]
                    for p in detail.partners
                ],
            )
        )
        out.append("")
    out += ["## Syfte", "", escape_block(d.purpose) or "*Inte ifyllt.*", ""]
    for kind in ("effect", "output"):
        goals = [g for g in d.goals if g.kind == kind]
        out += [f"## {GoalKind.label_of(kind).capitalize()}", ""]
        out += [f"{n}. {escape_inline(g.text)}" for n, g in enumerate(goals, 1)] or [
            "*Inga angivna.*"
        ]
        out.append("")
    for label, value in (
        ("Målgrupp", d.target_group),
        ("Metod", d.method),
        ("Bakgrund", d.background),
    ):
        out += [f"## {label}", "", escape_block(value) or "*Inte ifyllt.*", ""]
    out += ["## Finansieringsbeslut", ""]
    if not d.decisions:
        out += ["*Inga beslut registrerade.*", ""]
    for n, dec in enumerate(d.decisions, 1):
        title = f"### Beslut {n}"
        if dec.reference:
            title += f" (Dnr {escape_inline(dec.reference)})"
        out += [title, ""]
        out.append(f"- **Beslutsdatum:** {format_date_long(dec.decision_date) or '–'}")
        out.append(f"- **Period:** {format_period(dec.start_date, dec.end_date) or '–'}")
        out.append(f"- **Maximalt belopp:** {format_amount(dec.amount_max_sek)}")
        if dec.note:
            out.append(f"- **Anteckning:** {escape_inline(dec.note)}")
        out.append("")
        if dec.budget:
            out.append(
                table(
                    ["År", "Att rekvirera från förbundet", "Egenfinansiering"],
                    [
                        [
                            str(b.year),
                            format_amount(b.from_association_sek),
                            format_amount(b.own_financing_sek),
                        ]
                        for b in dec.budget
                    ],
                )
            )
            out.append("")
    return "\n".join(out).rstrip() + "\n"
