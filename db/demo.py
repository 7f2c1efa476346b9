"""Realistic fictional demo data modelled on the seeds (Uppsala län).

Names are invented and every address is under example.se. ``scale``
multiplies everything: scale 1 gives 8 lokusgrupper, 12 insatser, about 50
people and 96 meetings; scale 50 about 600 insatser, 2,500 people and 4,800
meetings. Rows are written with bulk inserts and explicit ids, so scale 50
takes seconds, not minutes.
"""

import random
from datetime import date, datetime, time, timedelta
from typing import TypedDict

from sqlalchemy import insert

from db import clock
from db.agenda_template import DEFAULT_AGENDA_TEMPLATE, FOLLOW_UP_TITLE, PARTIES_TITLE
from db.engine import Database
from db.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    BudgetLine,
    Decision,
    FundingDecision,
    Goal,
    Group,
    Initiative,
    InitiativePartner,
    Meeting,
    Membership,
    Minutes,
    Organisation,
    Person,
    ScanningEntry,
    Tracked,
)

MUNICIPALITIES = (
    "Uppsala",
    "Enköping",
    "Tierp",
    "Östhammar",
    "Älvkarleby",
    "Knivsta",
    "Heby",
    "Håbo",
)
FIRST = (
    "Anna",
    "Lena",
    "Karin",
    "Maria",
    "Sara",
    "Eva",
    "Johanna",
    "Ida",
    "Elin",
    "Frida",
    "Erik",
    "Lars",
    "Anders",
    "Johan",
    "Per",
    "Mikael",
    "Jonas",
    "Oskar",
    "Nils",
    "Åsa",
    "Märta",
    "Göran",
    "Örjan",
    "Björn",
    "Linnéa",
    "Hanna",
    "Amir",
    "Leila",
    "Sofia",
    "Dragan",
)
LAST = (
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Lindqvist",
    "Åberg",
    "Öberg",
    "Ekström",
    "Sjögren",
    "Bergström",
    "Lundgren",
    "Hägg",
    "Wikström",
    "Sandberg",
    "Nyström",
    "Holm",
    "Dahl",
    "Forsberg",
    "Håkansson",
    "Strand",
    "Björk",
    "Lind",
    "Engström",
    "Falk",
)
PARTIES = (
    ("employment_service", "Arbetsförmedlingen", "af", "Samverkansansvarig"),
    ("social_insurance", "Försäkringskassan", "fk", "Samordnare sjukförsäkring"),
    ("region", "Region Uppsala", "regionen", "Strateg försäkringsmedicin"),
)
# Omvärld: one note per group, of different kinds (the kinds of db.vocabulary)
SCANNING = (
    (
        "study_visit",
        "Studiebesök hos ett socialt företag",
        "Fiktiva Företaget AB",
        "Bra exempel på arbetsträning med handledare.",
    ),
    (
        "external_project",
        "Projekt om stöd till unga vuxna",
        "Fiktiva kommunförbundet",
        "Söker samverkanspartner för en ansökan till ESF.",
    ),
    (
        "study_visit",
        "Besök på ett rehabiliteringsteam",
        "Fiktiva vårdcentralen",
        "Teamet arbetar med gemensam kartläggning tillsammans med Försäkringskassan.",
    ),
    (
        "external_project",
        "Förstudie om språkstöd på arbetsplatsen",
        "Fiktiva folkhögskolan",
        "Kan bli en insats i gruppen; återkommer i höst.",
    ),
)
INITIATIVE_TEMPLATES = (
    (
        "Lokussamordnare {m}",
        "structural",
        "Säkerställa fortsatt fungerande samverkan i lokusgruppen i {m}.",
        "Lokusgruppen i {m} och dess fyra parter.",
        "Samordnaren förbereder dagordning med ordföranden, kallar till möten, för "
        "minnesanteckningar och omvärldsbevakar.",
        (
            "Fungerande samverkan mellan de fyra parterna kring individer med behov av samordnade "
            "rehabiliteringsinsatser.",
        ),
        (
            "Sammankalla, göra dagordning och föra minnesanteckningar vid fyra lokusgruppsmöten per år.",
            "Planera och genomföra två kompetenshöjande insatser per år.",
        ),
    ),
    (
        "Ungdomscoach {m}",
        "individual",
        "Stödja unga vuxna 16–29 år i {m} att närma sig arbete eller studier.",
        "Unga med funktionsnedsättning och/eller aktivitetsersättning.",
        "Individuell coachning, praktik och samordnade planeringar med parterna.",
        ("Minst 40 % av deltagarna går vidare till arbete eller studier.",),
        ("30 deltagare per år.", "Samordnade planeringar inom fyra veckor från start."),
    ),
    (
        "Samverkan – implementering av flerpartsrutin {m}",
        "structural",
        "Införa en gemensam rutin för flerpartsmöten mellan parterna i {m}.",
        "Chefer och medarbetare hos parterna.",
        "Processledning, utbildning av handläggare och uppföljning av rutinen.",
        ("Rutinen för flerpartsmöten är förankrad hos alla fyra parter.",),
        ("Rutinen antas av lokusgruppen.", "Samtliga berörda handläggare har fått utbildning."),
    ),
    (
        "Arbetsintegrerande socialt företag {m}",
        "individual",
        "Skapa arbetstillfällen för personer långt från arbetsmarknaden i {m}.",
        "Personer med långvarigt bidrags- och/eller ersättningsberoende.",
        "Arbetsträning i socialt företag med handledning och stegvis ökad tid.",
        ("Deltagare får ökad arbetsförmåga och närmar sig egen försörjning.",),
        ("15 deltagare i arbetsträning per år.",),
    ),
    (
        "Stegvis mot arbete {m}",
        "individual",
        "Ge personer med psykisk ohälsa i {m} stöd till arbete enligt IPS-metoden.",
        "Personer med psykisk ohälsa som vill arbeta.",
        "Supported employment (IPS) med arbetsspecialister i samverkan med regionen.",
        ("Minst 30 % av deltagarna har arbete efter ett år.",),
        ("25 deltagare per år.", "Trohetsmätning enligt IPS-skalan två gånger per år."),
    ),
    (
        "Kompetenslyft samverkan {m}",
        "structural",
        "Öka kunskapen om varandras uppdrag hos medarbetare i parterna i {m}.",
        "Medarbetare och chefer hos de fyra parterna.",
        "Utbildningsdagar, auskultation och gemensamma seminarier.",
        ("Medarbetare upplever bättre kunskap om parternas uppdrag.",),
        ("Två kompetenshöjande aktiviteter per år.",),
    ),
)
GROUP_TEMPLATES_PER_UNIT = 12  # insatser per 8 groups


class _DemoGroup(TypedDict):
    id: int
    m: str  # municipality
    slug: str  # e-mail domain part
    members: list[tuple[int, str, int]]  # person id, role, organisation id
    chair: int
    coordinator: int


def _now() -> datetime:
    return clock.utcnow()


def _stamp(rows: list[dict]) -> None:
    """Bulk inserts bypass the models' defaults: add the tracking columns."""
    now = _now()
    for row in rows:
        row.setdefault("created_at", now)
        row.setdefault("updated_at", now)
        row.setdefault("version", 1)
        row.setdefault("changed_by", "demodata")


def _meeting_dates(year: int, rng: random.Random) -> list[tuple[date, str]]:
    out = []
    for month in (2, 4, 9, 11):
        day = date(year, month, 8 + rng.randrange(14))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        out.append((day, "lokus_meeting"))
    for month in (3, 10):
        day = date(year, month, 10 + rng.randrange(10))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        out.append((day, "competence_activity"))
    return sorted(out)


def generate(db: Database, scale: int = 1, seed: int = 1, today: date | None = None) -> dict:
    """Write demo data into an empty, migrated database. Returns counts."""
    rng = random.Random(seed)
    today = today or clock.today()
    years = (today.year - 1, today.year)
    ids = {"org": 0, "person": 0, "group": 0, "ini": 0, "meeting": 0, "item": 0, "fd": 0}

    def next_id(key: str) -> int:
        ids[key] += 1
        return ids[key]

    tables: dict = {}

    def add(model, row: dict) -> None:
        tables.setdefault(model, []).append(row)

    party_org = {}
    for kind, name, _slug, _title in PARTIES:
        oid = next_id("org")
        party_org[kind] = oid
        add(Organisation, {"id": oid, "name": name, "kind": kind, "note": ""})
    forbund = next_id("org")
    add(
        Organisation,
        {
            "id": forbund,
            "name": "Samordningsförbundet Uppsala län",
            "kind": "association",
            "note": "Fiktivt förbund i demodata",
        },
    )
    kommun_org = {}
    for m in MUNICIPALITIES:
        oid = next_id("org")
        kommun_org[m] = oid
        add(Organisation, {"id": oid, "name": f"{m} kommun", "kind": "municipality", "note": ""})

    used_emails: set[str] = set()

    def person(org_id: int, slug: str, title: str) -> int:
        pid = next_id("person")
        first, last = rng.choice(FIRST), rng.choice(LAST)
        local = (
            f"{first}.{last}".lower()
            .replace("å", "a")
            .replace("ä", "a")
            .replace("ö", "o")
            .replace("é", "e")
        )
        email = f"{local}@{slug}.example.se"
        n = 2
        while email in used_emails:
            email = f"{local}{n}@{slug}.example.se"
            n += 1
        used_emails.add(email)
        add(
            Person,
            {
                "id": pid,
                "name": f"{first} {last}",
                "title": title,
                "email": email,
                "phone": f"070-{rng.randrange(100, 999)} {rng.randrange(10, 99)} "
                f"{rng.randrange(10, 99)}",
                "organisation_id": org_id,
                "note": "",
            },
        )
        return pid

    groups: list[_DemoGroup] = []
    for unit in range(scale):
        for m in MUNICIPALITIES:
            gid = next_id("group")
            name = f"LOKUS {m}" if unit == 0 else f"LOKUS {m} {unit + 1}"
            slug = m.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
            members = []
            k = person(kommun_org[m], slug, "Enhetschef arbetsmarknad")
            members.append((k, "member", kommun_org[m]))
            for kind, _n, pslug, title in PARTIES:
                members.append((person(party_org[kind], pslug, title), "member", party_org[kind]))
            coordinator = person(kommun_org[m], slug, "Lokussamordnare")
            members.append((coordinator, "coordinator", kommun_org[m]))
            chair_index = rng.randrange(4)
            members[chair_index] = (members[chair_index][0], "chair", members[chair_index][2])
            add(
                Group,
                {
                    "id": gid,
                    "name": name,
                    "municipality": m,
                    "note": "",
                    "agenda_template": "",
                    "coordinator_id": coordinator,
                },
            )
            for pid, role, _org in members:
                add(Membership, {"group_id": gid, "person_id": pid, "role": role})
            groups.append(
                {
                    "id": gid,
                    "m": m,
                    "slug": slug,
                    "members": members,
                    "chair": members[chair_index][0],
                    "coordinator": coordinator,
                }
            )

    # insatser: 12 per unit of 8 groups
    for unit in range(scale):
        unit_groups = groups[unit * 8 : (unit + 1) * 8]
        for n in range(GROUP_TEMPLATES_PER_UNIT):
            g = unit_groups[n % 8]
            tpl = INITIATIVE_TEMPLATES[(n + unit) % len(INITIATIVE_TEMPLATES)]
            name_t, orient, purpose, target, method, effects, outputs = tpl
            iid = next_id("ini")
            lead = person(kommun_org[g["m"]], g["slug"], "Projektledare")
            start = date(today.year - rng.choice((3, 2, 1, 0)), rng.choice((1, 4, 9)), 1)
            length = rng.choice((2, 2, 3))
            end = date(start.year + length, start.month, 1) - timedelta(days=1)
            if n == 3:  # one that ends soon, to show the status
                end = today + timedelta(days=45)
            manual = "application" if n == 11 else ""
            name = name_t.format(m=g["m"])
            if unit:
                name += f" ({unit + 1})"
            add(
                Initiative,
                {
                    "id": iid,
                    "name": name,
                    "group_id": g["id"],
                    "reference": f"{start.year}:{rng.randrange(10, 99)}",
                    "owner_org_id": kommun_org[g["m"]],
                    "owner_contact_id": lead,
                    "purpose": purpose.format(m=g["m"]),
                    "target_group": target.format(m=g["m"]),
                    "method": method,
                    "background": (
                        f"Parterna i LOKUS {g['m']} har sett ett behov av insatsen. Ansökan har "
                        "diskuterats vid lokusgruppens möten och alla parter står bakom den."
                    ),
                    "orientation": orient,
                    "priority_groups": "Personer med långvarigt bidrags- och/eller ersättningsberoende",
                    "start_date": start,
                    "end_date": end,
                    "manual_status": manual,
                },
            )
            pos = 0
            for kind, texts in (("effect", effects), ("output", outputs)):
                for text in texts:
                    add(Goal, {"initiative_id": iid, "kind": kind, "text": text, "position": pos})
                    pos += 1
            for pos, (kind, _n, _s, _t) in enumerate(PARTIES):
                contact = next(p for p, _r, o in g["members"] if o == party_org[kind])
                add(
                    InitiativePartner,
                    {
                        "initiative_id": iid,
                        "organisation_id": party_org[kind],
                        "contact_id": contact,
                        "position": pos,
                    },
                )
            if manual:
                continue
            split = (
                start if length == 2 or rng.random() < 0.5 else date(start.year + 2, start.month, 1)
            )
            periods = (
                [(start, end)]
                if split == start
                else [(start, split - timedelta(days=1)), (split, end)]
            )
            for pos, (p_start, p_end) in enumerate(periods):
                fid = next_id("fd")
                per_year = rng.randrange(15, 80) * 10_000
                years_span = list(range(p_start.year, p_end.year + 1))
                add(
                    FundingDecision,
                    {
                        "id": fid,
                        "initiative_id": iid,
                        "reference": f"{p_start.year - (1 if p_start.month == 1 else 0)}:"
                        f"{rng.randrange(10, 99)}",
                        "decision_date": p_start - timedelta(days=rng.randrange(30, 90)),
                        "start_date": p_start,
                        "end_date": p_end,
                        "amount_max_sek": per_year * len(years_span),
                        "note": "Tilläggsansökan" if pos else "",
                        "position": pos,
                    },
                )
                for y in years_span:
                    add(
                        BudgetLine,
                        {
                            "funding_decision_id": fid,
                            "year": y,
                            "organisation_id": kommun_org[g["m"]],
                            "from_association_sek": per_year,
                            "own_financing_sek": 0,
                        },
                    )

    # meetings, two years per group
    open_actions: dict[int, list[int]] = {}
    action_id = 0
    for g in groups:
        meetings = [(d, k) for y in years for d, k in _meeting_dates(y, rng)]
        if not any(today <= d <= today + timedelta(days=60) for d, _k in meetings):
            # always a coming meeting to prepare and hold in the demo
            soon = today + timedelta(days=7 + g["id"] % 14)
            while soon.weekday() >= 5:
                soon += timedelta(days=1)
            meetings.append((soon, "lokus_meeting"))
        for mdate, kind in meetings:
            mid = next_id("meeting")
            held = mdate < today
            recent = held and (today - mdate).days < 21
            status = ("minutes_in_review" if recent else "minutes_final") if held else "planned"
            start_t = time(13, 0) if kind == "lokus_meeting" else time(9, 0)
            end_t = time(15, 0) if kind == "lokus_meeting" else time(12, 0)
            add(
                Meeting,
                {
                    "id": mid,
                    "group_id": g["id"],
                    "kind": kind,
                    "status": status,
                    "title": ""
                    if kind == "lokus_meeting"
                    else "Kompetenshöjande aktivitet: "
                    + rng.choice(
                        (
                            "Psykisk ohälsa och arbete",
                            "Aktivitetsersättning",
                            "Samordnad rehabilitering",
                        )
                    ),
                    "meeting_date": mdate,
                    "start_time": start_t,
                    "end_time": end_t,
                    "room": rng.choice(("Sal Fyris", "Rum Linné", "Stora konferensrummet")),
                    "address": f"Storgatan {rng.randrange(1, 40)}, {g['m']}",
                    "link": "" if rng.random() < 0.7 else "https://meet.example.se/lokus",
                    "chair_id": g["chair"],
                    "note_taker_id": g["coordinator"],
                    "points_deadline": mdate - timedelta(days=14),
                    "notice_planned_date": mdate - timedelta(days=10),
                    "notice_sent_date": mdate - timedelta(days=10) if held else None,
                    "notice_sequence": 1 if held else 0,
                    "notice_fingerprint": "",
                    "cancelled_reason": "",
                },
            )
            titles = (
                list(DEFAULT_AGENDA_TEMPLATE)
                if kind == "lokus_meeting"
                else ["Inledning", "Föreläsning", "Gruppdiskussion", "Sammanfattning"]
            )
            minutes_each = 10 if kind == "lokus_meeting" else 40
            first_item = None
            for pos, title in enumerate(titles):
                item_id = next_id("item")
                first_item = first_item or item_id
                notes = ""
                if held:
                    notes = {
                        FOLLOW_UP_TITLE: "Åtgärderna från föregående möte gicks igenom.",
                        PARTIES_TITLE: "Arbetsförmedlingen informerade om nya arbetssätt. "
                        "Försäkringskassan berättade om förändrade handläggningstider.",
                        "Övriga frågor": "Inga övriga frågor.",
                    }.get(title, "")
                add(
                    AgendaItem,
                    {
                        "id": item_id,
                        "meeting_id": mid,
                        "position": pos,
                        "title": title,
                        "description": "",
                        "kind": "discussion" if title == PARTIES_TITLE else "information",
                        "presenter_id": None,
                        "presenter_text": "",
                        "minutes_allotted": 30 if title == PARTIES_TITLE else minutes_each,
                        "initiative_id": None,
                        "prep_notes": "",
                        "attachments": "",
                        "notes": notes,
                        "notes_saved_at": _now() if notes else None,
                    },
                )
                if held and title == PARTIES_TITLE:
                    add(
                        Decision,
                        {
                            "agenda_item_id": item_id,
                            "position": 0,
                            "text": "Lokusgruppen tar del av informationen.",
                        },
                    )
                    for n in range(rng.choice((1, 2))):
                        action_id += 1
                        owner = rng.choice(g["members"])[0]
                        due = mdate + timedelta(days=30 + 15 * n)
                        done = due < today - timedelta(days=60)
                        add(
                            ActionItem,
                            {
                                "id": action_id,
                                "meeting_id": mid,
                                "agenda_item_id": item_id,
                                "text": rng.choice(
                                    (
                                        "Skicka ut presentationen till alla parter",
                                        "Bjuda in projektledaren för Ungdomscoach till nästa möte",
                                        "Ta fram statistik över samordnade planeringar",
                                        "Undersöka möjligheten till studiebesök i grannkommunen",
                                    )
                                ),
                                "owner_id": owner,
                                "owner_text": "",
                                "due_date": due,
                                "status": "done" if done else "open",
                                "closed_date": due if done else None,
                                "followed_up_meeting_id": None,
                            },
                        )
                        if not done:
                            open_actions.setdefault(g["id"], []).append(action_id)
            if held:
                add(
                    Minutes,
                    {
                        "meeting_id": mid,
                        "status": "in_review" if recent else "final",
                        "sent_for_review_date": mdate + timedelta(days=3),
                        "comment_deadline": mdate + timedelta(days=17),
                        "final_date": None if recent else mdate + timedelta(days=20),
                    },
                )
                for pid, _role, org in g["members"]:
                    present = rng.random() < 0.85
                    add(
                        Attendance,
                        {
                            "meeting_id": mid,
                            "person_id": pid,
                            "organisation_id": org,
                            "status": "present" if present else "excused",
                            "is_substitute": False,
                            "is_guest": False,
                        },
                    )
        kind, title, who, note = SCANNING[(g["id"] - 1) % len(SCANNING)]
        add(
            ScanningEntry,
            {
                "group_id": g["id"],
                "kind": kind,
                "entry_date": date(years[0], 3 + (g["id"] * 2) % 9, 4 + g["id"] % 20),
                "title": f"{title} ({g['m']})",
                "organisation_text": who,
                "contact_id": None,
                "link": "",
                "notes": note,
            },
        )

    order: list[type[Tracked]] = [
        Organisation,
        Person,
        Group,
        Membership,
        Initiative,
        Goal,
        InitiativePartner,
        FundingDecision,
        BudgetLine,
        Meeting,
        AgendaItem,
        Decision,
        ActionItem,
        Minutes,
        Attendance,
        ScanningEntry,
    ]
    counts = {}
    with db.engine.begin() as conn:
        for model in order:
            rows = tables.get(model, [])
            if not rows:
                continue
            _stamp(rows)
            table = model.__table__  # type: ignore[attr-defined]  # SQLModel does not declare it
            for first in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[first : first + 5000])
            counts[table.name] = len(rows)
    db.sync_id_sequences()  # PostgreSQL: new rows continue after the demo's ids
    return counts
