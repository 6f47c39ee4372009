"""Helpers the test modules import (pytest puts this folder on sys.path)."""

from __future__ import annotations

from typer.testing import CliRunner, Result

from quotetrack.cli import app


def invoke(args: list[str], *, input: str | bytes | None = None,
           env: dict[str, str] | None = None) -> Result:
    """Run the CLI in process. Any exception other than an exit is a bug and fails the test."""
    return CliRunner().invoke(app, args, input=input, env=env, catch_exceptions=False)


def add_args(text: str = "We will respond.", speaker: str = "Hulusi Akar",
             outlet: str = "Anadolu", date: str = "2020-02-27", *extra: str) -> list[str]:
    return ["add", text, "--speaker", speaker, "--outlet", outlet, "--date", date, *extra]


def assert_one_line_error(result, *fragments: str) -> None:
    """Exit 1 with one line on standard error, 'Error: ...', holding each fragment; no traceback."""
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert message.startswith("Error: ") and "\n" not in message, message
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in message, message
