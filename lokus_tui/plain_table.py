"""``PlainTable``: a DataTable of plain text (lokus_tui/plain.py) whose columns fit
the width. Its own module: Textual's DataTable is not imported at start-up, where
the first screen (Översikt) has no table."""

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from lokus_tui.plain import plain
from lokus_tui.table_columns import Column, fit_columns


def _cell_width(cell) -> int:
    text = cell.plain if isinstance(cell, Text) else str(cell)
    return max((cell_len(line) for line in text.split("\n")), default=0)


def _same_cell(a, b) -> bool:
    """The same text in the same style (rich's == leaves the base style out)."""
    if isinstance(a, Text) and isinstance(b, Text):
        return a.plain == b.plain and a.style == b.style and a.spans == b.spans
    return a == b


class PlainTable(DataTable):
    """A DataTable whose string cells are plain text, never markup or escapes.

    Columns given with ``set_columns`` fit the width: the least important go first
    when the table is too narrow, and what stays is never cut mid-word (see
    lokus_tui.table_columns)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._spec: list[Column] | None = None
        self._all_rows: dict[str, tuple[list, int | None, Text | None]] = {}
        self._widths: list[int] = []
        self._shown: tuple[int, ...] = ()
        self._flex: dict[int, int] = {}
        self._fit_scheduled = False

    def set_columns(self, *columns: "Column | str") -> None:
        """Before the table has its width (a new screen, a tab shown for the first
        time) no column is shown yet: the rows are kept, and given to the table once
        the columns that fit are known, from the terminal's width once they are all
        given (``fit_before_layout``) or else from the table's own at its first resize.
        (Shown at once in every column, they were measured and drawn once for
        nothing: at 80 columns Möten shows 3 of its 7.)"""
        self._spec = [c if isinstance(c, Column) else Column(c) for c in columns]
        self._all_rows = {}
        self._widths = [cell_len(c.label) for c in self._spec]
        laid_out = self.size.width > 0
        self._shown, self._flex = tuple(range(len(self._spec))) if laid_out else (), {}
        self._add_shown_columns()
        self._schedule_fit()

    @property
    def current_key(self) -> str | None:
        """The key of the row the cursor is on (None in an empty table)."""
        if not self.row_count:
            return None
        if self.columns:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.ordered_rows[self.cursor_row].key.value  # (no column shown yet)

    @property
    def shown_columns(self) -> list[str]:
        """The labels of the columns on screen."""
        return [self._spec[i].label for i in self._shown] if self._spec else []

    @property
    def cut_columns(self) -> list[str]:
        """Labels of shown columns narrower than their content (only flex ones may be)."""
        if self._spec is None:
            return []
        return [
            self._spec[i].label
            for i in self._shown
            if self.columns[ColumnKey(self._spec[i].column_key)].get_render_width(self)
            < self._widths[i] + 2 * self.cell_padding
        ]

    def _add_shown_columns(self) -> None:
        assert self._spec is not None
        for i in self._shown:
            column = self._spec[i]
            super().add_column(column.label, key=column.column_key, width=self._flex.get(i))

    def add_row(self, *cells, height: int | None = 1, key=None, label=None):
        cells = tuple(plain(c, multiline=False) if isinstance(c, str | Text) else c for c in cells)
        label = plain(label) if isinstance(label, str) else label
        if self._spec is None:
            return super().add_row(*cells, height=height, key=key, label=label)
        if key is None:
            key = f"rad-{len(self._all_rows)}"
        self._all_rows[key] = (list(cells), height, label)
        grown = False
        for i, cell in enumerate(cells):
            width = _cell_width(cell)
            if width > self._widths[i]:
                self._widths[i], grown = width, True
        if grown:
            self._schedule_fit()
        return super().add_row(*self._shown_cells(cells), height=height, key=key, label=label)

    def _shown_cells(self, cells) -> list:
        """The cells of the shown columns; a narrowed (flex) column ends a text it
        cuts with "…", so two long names that begin alike are not taken as one."""
        return [self._shown_cell(i, cells[i]) for i in self._shown]

    def _shown_cell(self, i: int, cell):
        if i in self._flex and isinstance(cell, Text):
            cell = cell.copy()
            cell.overflow, cell.no_wrap = "ellipsis", True
        return cell

    def show_rows(self, rows: Sequence[tuple[str, Sequence]]) -> None:
        """Show these rows (key, cells), keeping the cursor on its row number.

        When the same rows are already shown in the same order, only the cells that
        read differently are changed: no new layout, only those lines are drawn again
        (one Närvaro key used to clear and refill the whole table)."""
        if self._spec is not None and [key for key, _ in rows] == list(self._all_rows):
            changes = []
            for key, cells in rows:
                shown = self._all_rows[key][0]
                for i, cell in enumerate(cells):
                    value = plain(cell, multiline=False) if isinstance(cell, str | Text) else cell
                    if not _same_cell(value, shown[i]):
                        changes.append((key, i, value))
            if all(_cell_width(value) <= self._widths[i] for _key, i, value in changes):
                for key, i, value in changes:
                    self.update_cell(key, self._spec[i].column_key, value)
                return
        row = self.cursor_row
        self.clear()
        for key, cells in rows:
            self.add_row(*cells, key=key)
        self.fit_before_layout()
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def update_cell(self, row_key, column_key, value, *, update_width: bool = False) -> None:
        value = plain(value, multiline=False) if isinstance(value, str) else value
        if self._spec is not None:
            row = str(getattr(row_key, "value", row_key))
            column = str(getattr(column_key, "value", column_key))
            index = next(i for i, c in enumerate(self._spec) if c.column_key == column)
            self._all_rows[row][0][index] = value
            if index not in self._shown:
                return
            value = self._shown_cell(index, value)
        super().update_cell(row_key, column_key, value, update_width=update_width)

    def update_cell_at(self, coordinate, value, *, update_width: bool = False) -> None:
        row_key, column_key = self.coordinate_to_cell_key(coordinate)
        self.update_cell(row_key, column_key, value, update_width=update_width)

    def clear(self, columns: bool = False):
        if self._spec is not None:
            if columns:
                self._spec = None
            self._all_rows = {}
            if self._spec is not None:
                self._widths = [cell_len(c.label) for c in self._spec]
        return super().clear(columns)

    def on_resize(self) -> None:
        if self._spec is not None and not self._shown:
            self._fit()  # its first width: the rows kept until now show in the next frame
        else:
            self._schedule_fit()

    def _schedule_fit(self) -> None:
        if not self._fit_scheduled:
            self._fit_scheduled = True
            self.call_after_refresh(self._fit)

    def fit_before_layout(self) -> None:
        """Call once the rows are given: a table that has no width yet (a new screen
        or tab) shows the columns that fit the terminal's width at once, in its first
        frame, instead of no column until its own width is known. Then its columns
        change again only if its own width needs others."""
        if self._spec is not None and not self._shown and self.size.width == 0:
            self._fit(self.app.size.width)

    def _fit(self, width: int = 0) -> None:
        self._fit_scheduled = False
        width = width or self.size.width
        if self._spec is None or width == 0:
            return
        available = width - self.styles.scrollbar_size_vertical
        shown, flex = fit_columns(self._spec, self._widths, available, self.cell_padding)
        if (shown, flex) == (self._shown, self._flex):
            return
        self._shown, self._flex = shown, flex
        current = self.current_key
        super().clear(columns=True)
        self._add_shown_columns()
        for key, (cells, height, label) in self._all_rows.items():
            super().add_row(*self._shown_cells(cells), height=height, key=key, label=label)
        if current is not None and current in self._all_rows:
            self.move_cursor(row=self.get_row_index(current))
