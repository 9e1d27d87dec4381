"""Claiming by insert: a row whose key is unique decides which caller does something once."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel


def insert_once(*, session: Session, row: SQLModel, key: object) -> bool:
    """Insert `row` unless a row with primary key `key` exists; False when it does, or when another
    process inserted it between our look and our insert."""
    if session.get(type(row), key) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True
