"""A filter field that steers the table under it: arrows move the table's
cursor, Enter opens the highlighted row."""

from textual.binding import Binding
from textual.widgets import DataTable

from lokus_tui.plain import TextInput


class FilterInput(TextInput):
    BINDINGS = [
        Binding("down", "table('cursor_down')", "Ner", show=False),
        Binding("up", "table('cursor_up')", "Upp", show=False),
        Binding("pagedown", "table('page_down')", "Sida ner", show=False),
        Binding("pageup", "table('page_up')", "Sida upp", show=False),
    ]

    def __init__(self, table_id: str, **kwargs):
        super().__init__(**kwargs)
        self.table_id = table_id

    async def action_table(self, action: str) -> None:
        table = self.screen.query_one(f"#{self.table_id}", DataTable)
        await table.run_action(action)
