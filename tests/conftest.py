from datetime import date

import pytest

from db import demo
from db.engine import open_database

TODAY = date(2026, 11, 24)


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
