"""A DataTable that loads its rows from the database a page at a time.

Filling a DataTable with thousands of rows costs seconds; this one asks for
``page_size`` rows and fetches the next page when the cursor nears the end.
"""

from collections.abc import Callable

from textual.events import Key
from textual.widgets import DataTable, Input

from lokus_tui.plain_table import PlainTable

# How far a list pages on to show a new record as the current row: about 0.2 s at
# scale 50 (each 100 rows are read and drawn; 5,000 took a second).
SELECT_ROWS = 1000


class PagedTable(PlainTable):
    def __init__(
        self,
        fetch: Callable,
        render: Callable,
        page_size: int = 100,
        filter_id: str | None = None,
        **kwargs,
    ):
        """``fetch(limit, offset) -> Page``; ``render(record) -> (key, cells)``.

        With ``filter_id``, a letter typed while the table has focus goes to that
        filter field (type-to-filter); digits are left to the section keys.
        """
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        self._fetch_page = fetch
        self._row_cells = render
        self.filter_id = filter_id
        self.page_size = page_size
        self.total = 0
        self.records: dict[str, object] = {}

    def reload(
        self, keep_key: str | None = None, choose_key: str | None = None, most_rows: int = 0
    ) -> bool:
        """Read the first page again, with the cursor on ``choose_key`` if it is among the
        first ``most_rows`` rows (a new record: paging far costs a second per 5,000
        rows), else on ``keep_key`` (the row the user was on, paged to where it is now
        if it is within SELECT_ROWS of where it was). When that record is gone (it was
        deleted, or the filter no longer shows it), the cursor stays on the row where it
        was: on the next record, not back at the top. Whether ``choose_key`` is the
        current row."""
        row = self.cursor_row
        self.clear()
        self.records.clear()
        self.total = 0
        self._load_page(0)
        if choose_key is not None and self._page_to(choose_key, most_rows):
            return True
        if keep_key is not None and not self._page_to(keep_key, row + SELECT_ROWS):
            self.go_to_row(row)
        return False

    def go_to_row(self, row: int) -> None:
        """The cursor on row ``row`` (paging on to it), or on the last row if there are
        fewer."""
        while self.row_count <= row < self.total:
            self._load_page(self.row_count)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def read_again(self, keep_current: bool = False, select: int | None = None) -> bool:
        """``reload`` for records with an ``id``: the cursor on record ``select`` if it is
        among the first SELECT_ROWS rows, else (``keep_current``) on the record it was
        on. Whether ``select`` is the current row."""
        current = self.current_record if keep_current else None
        return self.reload(
            keep_key=None if current is None else str(current.id),
            choose_key=None if select is None else str(select),
            most_rows=SELECT_ROWS,
        )

    def _page_to(self, key: str, most_rows: int) -> bool:
        while key not in self.records and self.row_count < min(self.total, most_rows):
            self._load_page(self.row_count)
        if key not in self.records:
            return False
        self.move_cursor(row=self.get_row_index(key))
        return True

    @property
    def all_loaded(self) -> bool:
        return self.row_count >= self.total

    def _load_page(self, offset: int) -> None:
        page = self._fetch_page(self.page_size, offset)
        self.total = page.total
        for record in page.rows:
            key, cells = self._row_cells(record)
            if key in self.records:
                continue
            self.records[key] = record
            self.add_row(*cells, key=key)
        self.fit_before_layout()

    def load_all(self) -> None:
        while self.row_count < self.total:
            self._load_page(self.row_count)

    def on_key(self, event: Key) -> None:
        if (
            self.filter_id
            and event.is_printable
            and event.character
            and not event.character.isdigit()
        ):
            filt = self.screen.query_one(f"#{self.filter_id}", Input)
            filt.focus()
            filt.insert_text_at_cursor(event.character)
            event.stop()

    @property
    def current_record(self):
        key = self.current_key
        return None if key is None else self.records.get(key)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self.row_count - 10 and self.row_count < self.total:
            self._load_page(self.row_count)

    def action_scroll_bottom(self) -> None:
        self.load_all()
        super().action_scroll_bottom()

    def action_page_down(self) -> None:
        if self.row_count < self.total:
            self._load_page(self.row_count)
        super().action_page_down()
