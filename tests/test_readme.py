"""The README's example of the main job is what the main job prints."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_main_job_output_matches_the_cli(run):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"\$ quotetrack conflicts\n(.*?)```", readme, re.S)
    assert block, "the README shows the output of `quotetrack conflicts`"
    assert run("import", str(ROOT / "data" / "idlib-2020.csv")).exit_code == 0
    result = run("conflicts")
    assert result.exit_code == 0
    shown = [line.rstrip() for line in block.group(1).strip().splitlines()]
    assert [line.rstrip() for line in result.stdout.strip().splitlines()] == shown


def test_every_command_is_documented_in_the_readme(run):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = run("--help").stdout
    commands = re.findall(r"^\s{2}(\w[\w-]*)\s{2,}", help_text.split("Commands:")[1], re.M)
    assert commands
    for command in commands:
        assert f"quotetrack {command}" in readme, f"`quotetrack {command}` is not in the README"


def test_readme_show_example_is_what_show_prints_after_the_readme_import_and_add(run):
    """The `show qjhteun` example: the statement added in `quotetrack add` after the import of the
    main job shows its speaker by the identity's name (Erdoğan folds to the imported Erdogan)."""
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    add = re.search(r"\$ (quotetrack add .*?)\nqjhteun\n", readme, re.S)
    show = re.search(r"\$ quotetrack show qjhteun\n(.*?)```", readme, re.S)
    assert add and show, "the README shows `quotetrack add` giving qjhteun, then `show qjhteun`"
    assert run("import", str(ROOT / "data" / "idlib-2020.csv")).exit_code == 0
    args = shlex.split(add.group(1).replace("\\\n", " "))[1:]
    assert run(*args).stdout.strip() == "qjhteun"
    result = run("show", "qjhteun")
    assert result.exit_code == 0, result.output
    # The time it was added is the day's; every other line is as shown.
    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.strip().splitlines() if not line.startswith("added")]

    assert lines(result.stdout) == lines(show.group(1))
