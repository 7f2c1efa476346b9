"""The columns every table shares and the UTC datetime type."""

from datetime import UTC, datetime

from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from db import clock
from db.identity import current_user


def utcnow() -> datetime:
    return clock.utcnow()


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, UTC stored, aware UTC datetimes out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Tracked(SQLModel):
    """Columns shared by every mutable table."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    version: int = Field(default=1, nullable=False)
    # who changed the row last (db/identity.py; migration 0006)
    changed_by: str = Field(
        default_factory=current_user, nullable=False, sa_column_kwargs={"server_default": ""}
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        # SQLAlchemy's version counter: UPDATE ... WHERE version = <loaded version>
        return {"version_id_col": cls.__table__.c.version} if hasattr(cls, "__table__") else {}
