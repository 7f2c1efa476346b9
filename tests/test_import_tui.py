"""The review form of an import in Insatser: find the file, check and edit what was
found, save with ctrl+s; esc saves nothing. And a snapshot of it at 80×24."""

from pathlib import Path

from textual.widgets import Input, TextArea

from db.initiatives import get_initiative, list_initiatives
from db.opening import open_database
from lokus_tui.app import make_app
from screens.initiative_import import ImportReviewForm
from tests.conftest import copy_of
from tests.test_import_seeds import seed
from tests.waiting import palette_choice, until


def app_for(db):
    return make_app(db.path, database=db, start_section="initiatives")


async def open_review(app, pilot, path: Path) -> ImportReviewForm:
    await until(pilot, lambda: app.screen.query_one("#initiatives-table"), what="Insatser")
    await pilot.press("ctrl+l")
    await until(pilot, lambda: app.screen.query_one("#prompt-input"), what="the file prompt")
    app.screen.query_one("#prompt-input", Input).value = str(path)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ImportReviewForm), what="the review form")
    form = app.screen
    assert isinstance(form, ImportReviewForm)
    await until(pilot, lambda: form.base_values is not None, what="the form loaded")
    return form


def text_of(form, widget_id: str) -> str:
    return str(form.query_one(f"#{widget_id}").render())


async def test_review_edit_and_save(database):
    app = app_for(database)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        form = await open_review(app, pilot, seed("004"))
        assert form.query_one("#name", Input).value == "LOKUS-samordnare LOKUS Uppsala"
        assert form.query_one("#owner_email", Input).value == "lena.winterbom@uppsala.se"
        assert form.query_one("#budget", TextArea).text == "2021: 360 000 kr\n2022: 360 000 kr"
        # each field says where it came from; a corrected address is to be checked
        assert text_of(form, "src-reference") == "Från rad 3: Dnr. 2019:31"
        assert text_of(form, "src-owner_email").startswith(
            "OSÄKERT, kontrollera – rad 13: E-post: lena.winterbom@ uppsala.se"
        )
        assert text_of(form, "src-decision_amount").startswith("Ansökan: inget beslut ännu")
        assert list_initiatives(database).total == 0  # nothing saved while reviewing
        assert "8 läggs till" in text_of(form, "import-plan")  # 4 organisations, 4 people
        form.query_one("#name", Input).value = "LOKUS-samordnare Uppsala 2021–2022"
        form.query_one("#effect_goals", TextArea).load_text(
            "Underlätta parternas medverkan.\nFyra möten om året."
        )
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ImportReviewForm), what="saved")
        assert any("är sparad" in m for m in app.notified)
    (row,) = list_initiatives(database).rows
    detail = get_initiative(database, row.id)
    assert detail.name == "LOKUS-samordnare Uppsala 2021–2022"
    assert [g.text for g in detail.data.goals if g.kind == "effect"] == [
        "Underlätta parternas medverkan.",
        "Fyra möten om året.",
    ]
    assert detail.owner_name == "Uppsala kommun"


async def test_escape_saves_nothing(database):
    app = app_for(database)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_review(app, pilot, seed("001"))
        form.query_one("#name", Input).value = "Något annat"
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ImportReviewForm), what="closed")
    assert list_initiatives(database).total == 0


async def test_a_missing_name_and_a_bad_date_are_named(database):
    app = app_for(database)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        form = await open_review(app, pilot, seed("000"))
        # a decision that names no owner: the fields say the document lacks them
        assert text_of(form, "src-owner_organisation").startswith("SAKNAS")
        assert text_of(form, "src-decision_date").startswith("SAKNAS")
        form.query_one("#name", Input).value = ""
        form.query_one("#decision_end", Input).value = "31 mars"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Rätta följande" in text_of(form, "form-errors"))
        assert "Insatsens namn: måste fyllas i" in text_of(form, "err-name")
        assert "Beslutets slutdatum" in text_of(form, "err-decision_end")
        assert app.screen is form
    assert list_initiatives(database).total == 0


async def test_a_decision_about_a_known_insats_says_so(database):
    from db.initiative_import import save_import
    from imports.parse import import_file

    save_import(database, import_file(seed("001")))
    app = app_for(database)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        form = await open_review(app, pilot, seed("000"))
        plan = text_of(form, "import-plan")
        assert "Finns redan (samma namn)" in plan
        # 000 names no organisation; 001 named four, saved above
        assert "Organisationer och personer" not in plan
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ImportReviewForm), what="saved")
        assert any("Finansieringsbeslutet är tillagt" in m for m in app.notified)
    (row,) = list_initiatives(database).rows
    assert row.total_granted == 270_000 + 316_000


async def test_an_unreadable_file_is_named_and_nothing_opens(database, tmp_path):
    bad = tmp_path / "ansokan.pdf"
    bad.write_bytes(b"%PDF-1.4 trasig")
    app = app_for(database)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: app.screen.query_one("#initiatives-table"))
        await pilot.press("ctrl+l")
        await until(pilot, lambda: app.screen.query_one("#prompt-input"))
        app.screen.query_one("#prompt-input", Input).value = str(bad)
        await pilot.press("enter")
        await until(pilot, lambda: any("kunde inte läsas som PDF" in m for m in app.notified))
        assert not isinstance(app.screen, ImportReviewForm)


def test_review_form_at_80x24(snap_compare, tmp_path, database_files):
    db = open_database(copy_of(database_files["lokus.db"], tmp_path / "snap.db"))
    app = make_app(db.path, database=db, start_section="initiatives")

    async def open_form(pilot):
        await open_review(app, pilot, seed("001"))
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)
    finally:
        db.close()


def test_review_form_scrolled_to_the_decision_at_80x24(snap_compare, tmp_path, database_files):
    """The last fields are reached by scrolling: every field is visible at 80×24."""
    db = open_database(copy_of(database_files["lokus.db"], tmp_path / "snap.db"))
    app = make_app(db.path, database=db, start_section="initiatives")

    async def scroll_down(pilot):
        form = await open_review(app, pilot, seed("001"))
        form.query_one("#decision_end").focus()
        await until(
            pilot,
            lambda: form.query_one("#src-decision_end").region.height > 0,
            what="the last field's source line on screen",
        )
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=scroll_down)
    finally:
        db.close()


async def test_every_field_is_reached_with_tab_and_shown_at_80x24(database):
    from screens.initiative_import import FIELDS

    app = app_for(database)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_review(app, pilot, seed("004"))
        seen: list[str] = []
        for _ in range(40):
            focused = app.focused
            assert focused is not None
            dialog = form.query_one(".form-dialog").region

            def shown(f=focused, box=dialog) -> bool:
                r = f.region
                return r.height > 0 and r.y >= box.y and r.bottom <= box.bottom

            await until(pilot, shown, what=f"#{focused.id} on screen")
            assert focused.region.right <= 80, focused.id
            if focused.id and focused.id not in seen:
                seen.append(focused.id)
            await pilot.press("tab")
        assert app.screen is form
    assert [f for f, *_ in FIELDS if f not in seen] == []
    assert seen[: len(FIELDS)] == [f for f, *_ in FIELDS]


async def test_the_palette_offers_the_import(database):
    app = app_for(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#initiatives-table"), what="Insatser")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"importera")
        await until(
            pilot,
            lambda: palette_choice(app).startswith("Importera ansökan/beslut (^l)"),
            what="the palette to offer the import",
        )
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query_one("#prompt-input"), what="the file prompt")
