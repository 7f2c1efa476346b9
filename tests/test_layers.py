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


# Issue 10: no module and no class over 300 lines, so each stays readable as one piece.
# The demo data (db/demo.py) and Alembic's migrations are generated or data, not logic.
MAX_LINES = 300
SIZE_EXEMPT = {"db/demo.py"}


def too_long(path: Path, root: Path = ROOT) -> list[str]:
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    found = []
    if len(text.splitlines()) > MAX_LINES:
        found.append(f"{name}: {len(text.splitlines())} lines")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_LINES:
                found.append(f"{name}: class {node.name}, {length} lines")
    return found


def test_no_module_or_class_is_over_300_lines():
    offenders = []
    for package in ("lokus_tui", "screens", "db", "exports", "imports", "bench"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative in SIZE_EXEMPT or "/migrations/" in relative:
                continue
            offenders += too_long(path)
    assert not offenders, "\n".join(offenders)


def test_the_size_rule_sees_a_long_module_and_class(tmp_path):
    path = tmp_path / "big.py"
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_LINES))
    path.write_text(f"class Big:\n{body}\n", encoding="utf-8")
    assert too_long(path, tmp_path) == [
        f"big.py: {MAX_LINES + 1} lines",
        f"big.py: class Big, {MAX_LINES + 1} lines",
    ]
    path.write_text(f"class Small:\n{body}\n".replace("    x0 = 0\n", ""), encoding="utf-8")
    assert too_long(path, tmp_path) == []
