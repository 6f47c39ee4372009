"""Stored conflicts and the reviewer's decisions on them."""

from __future__ import annotations


def conflicts_for_statement(db, statement_id: str) -> list:
    return []
