"""Which columns of a table fit the terminal's width.

A table names its columns with a rank: rank 0 columns (a date, a name, a status)
always stay; when the table is too narrow for every column at its content's
width, the column with the highest rank goes first, then the next. Nothing that
stays is cut, except a column marked ``flex`` (a free-text column such as an
agenda point), which takes the width that is left and no less than ``min_width``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    label: str
    rank: int = 0
    flex: bool = False
    min_width: int = 12
    key: str | None = None

    @property
    def column_key(self) -> str:
        return self.key or self.label


def fit_columns(
    columns: list[Column], widths: list[int], available: int, padding: int = 1
) -> tuple[tuple[int, ...], dict[int, int]]:
    """The indexes of the columns to show, and the width of each flex column shown.

    ``widths`` is each column's content width (its label included); every shown
    column also takes ``padding`` on each side."""
    shown = list(range(len(columns)))

    def total(indexes, flex_at_min=False) -> int:
        return sum(
            (min(widths[i], columns[i].min_width) if flex_at_min and columns[i].flex else widths[i])
            + 2 * padding
            for i in indexes
        )

    # drop by rank (highest first, the rightmost of a rank first) while even the
    # flex columns at their narrowest do not leave room
    while total(shown, flex_at_min=True) > available:
        droppable = [i for i in shown if columns[i].rank > 0]
        if not droppable:
            break
        shown.remove(max(droppable, key=lambda i: (columns[i].rank, i)))
    flex_widths: dict[int, int] = {}
    flexible = [i for i in shown if columns[i].flex]
    if flexible and total(shown) > available:
        fixed = sum(widths[i] + 2 * padding for i in shown if not columns[i].flex)
        room = available - fixed - 2 * padding * len(flexible)
        share = room // len(flexible)
        for i in flexible:
            flex_widths[i] = max(min(columns[i].min_width, widths[i]), min(widths[i], share))
    return tuple(shown), flex_widths
