"""The kallelse's export in the TUI offers the same formats as the command line:
the usual files, plus PDF or Word, chosen with the keys at 80×24."""

import io
from email import message_from_bytes, policy

from docx import Document
from textual.widgets import Input, RadioSet

from db.meetings import list_meetings
from lokus_tui.app import make_app
from tests.conftest import TODAY
from tests.waiting import go_to_tab, until


async def export_with_choice(demo_db, tmp_path, downs: int) -> list[str]:
    meeting = list_meetings(demo_db, from_date=TODAY).rows[0]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="meeting")
        screen = app.screen
        assert screen.meeting_id == meeting.id
        await go_to_tab(pilot, screen, "tab-notice")
        await pilot.press("x")
        await until(pilot, lambda: type(app.screen).__name__ == "ExportPrompt", what="prompt")
        prompt = app.screen
        region = prompt.query_one(RadioSet).region  # every choice visible at 80×24
        assert region.height >= 3 and region.bottom <= 24
        prompt.query_one("#prompt-input", Input).value = str(tmp_path / "ut")
        await pilot.press("tab")  # to the formats
        for _ in range(downs):
            await pilot.press("down")
        await pilot.press("enter")  # choose the highlighted format
        await pilot.press("ctrl+s")
        await until(pilot, lambda: (tmp_path / "ut").exists(), what="the files")
    return sorted(p.name.rsplit(".", 1)[1] for p in (tmp_path / "ut").iterdir())


async def test_choosing_word_writes_a_docx_and_the_mail_carries_it(demo_db, tmp_path):
    assert await export_with_choice(demo_db, tmp_path, 2) == ["docx", "eml", "ics", "md"]
    folder = tmp_path / "ut"
    docx = next(folder.glob("*.docx"))
    heading = Document(io.BytesIO(docx.read_bytes())).paragraphs[0]
    assert heading.style.name == "Heading 1" and heading.text.startswith("Kallelse till")
    mail = message_from_bytes(next(folder.glob("*.eml")).read_bytes(), policy=policy.strict)
    attached = list(mail.iter_attachments())[-1]
    assert attached.get_filename() == docx.name
    assert attached.get_content() == docx.read_bytes()  # the very file beside it


async def test_choosing_pdf_writes_a_pdf(demo_db, tmp_path):
    assert await export_with_choice(demo_db, tmp_path, 1) == ["eml", "ics", "md", "pdf"]
    pdf = next((tmp_path / "ut").glob("*.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF")
    mail = message_from_bytes(next((tmp_path / "ut").glob("*.eml")).read_bytes())
    attached = list(mail.walk())[-1]
    assert attached.get_filename() == pdf.name
    assert attached.get_payload(decode=True) == pdf.read_bytes()  # the very file beside it


async def test_the_next_export_offers_the_folder_used_last(demo_db, tmp_path, monkeypatch):
    """Saved once to a folder of one's own: the next export offers it (kept in a
    private file), not the default folder again."""
    import stat

    from lokus_tui.config import data_dir

    monkeypatch.delenv("LOKUS_EXPORT_DIR")
    await export_with_choice(demo_db, tmp_path, 0)
    remembered = data_dir() / "senaste-exportmapp.txt"
    assert stat.S_IMODE(remembered.stat().st_mode) == 0o600
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="meeting")
        screen = app.screen
        await go_to_tab(pilot, screen, "tab-notice")
        await pilot.press("x")
        await until(pilot, lambda: type(app.screen).__name__ == "ExportPrompt", what="prompt")
        assert app.screen.query_one("#prompt-input", Input).value == str(tmp_path / "ut")
    (tmp_path / "ut").rename(tmp_path / "borta")  # a folder that is gone: the default
    from lokus_tui.config import export_dir, last_export_dir

    assert last_export_dir() == export_dir()
