"""The design card's layers, checked: db/ and exports/ never import textual;
screens/ never imports SQLAlchemy or SQLModel (they call db functions)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


RULES = [
    ("db", {"textual", "screens", "lokus_tui"}),
    ("exports", {"textual", "screens", "lokus_tui", "sqlalchemy", "sqlmodel"}),
    ("screens", {"sqlalchemy", "sqlmodel", "sqlite3", "alembic"}),
    ("lokus_tui", {"sqlalchemy", "sqlmodel", "sqlite3", "alembic"}),
]


@pytest.mark.parametrize(("package", "forbidden"), RULES)
def test_layer_does_not_import(package, forbidden):
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_modules(path) & forbidden
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


def test_rule_detects_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from sqlalchemy import select\nimport textual.app\n")
    assert imported_modules(bad) == {"sqlalchemy", "textual"}


def test_styles_live_in_tcss_files():
    for path in (ROOT / "screens").rglob("*.py"):
        assert "DEFAULT_CSS" not in path.read_text(encoding="utf-8"), path
        assert "CSS = " not in path.read_text(encoding="utf-8"), path
