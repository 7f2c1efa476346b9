from datetime import date

import pytest

from db import demo
from db.engine import open_database

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Drafts and error logs of a test go to its own folder, not the user's."""
    monkeypatch.setenv("LOKUS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOKUS_EXPORT_DIR", str(tmp_path / "exporter"))


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "lokus.db")
    yield db
    db.close()


@pytest.fixture
def demo_db(tmp_path):
    db = open_database(tmp_path / "demo.db")
    demo.generate(db, scale=1, today=TODAY)
    yield db
    db.close()
