"""Shared fixtures: a fresh database per test, and the CLI run against it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from helpers import invoke
from quotetrack.db import open_db

Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def _no_database_from_the_environment(monkeypatch, tmp_path):
    """A developer's own QUOTETRACK_DB (or app folder) must never be touched by a test."""
    monkeypatch.delenv("QUOTETRACK_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "quotetrack.db"


@pytest.fixture
def db(db_path):
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def run(db_path) -> Run:
    """`run("add", "text", ...)` runs quotetrack with --db pointing at this test's database."""

    def run_with_db(*args: str, input: str | bytes | None = None,
                    env: dict[str, str] | None = None) -> Result:
        return invoke(["--db", str(db_path), *args], input=input, env=env)

    return run_with_db
