"""The README documents what exists: every setting, and only commands the CLI has."""

from __future__ import annotations

import re
from pathlib import Path

from worker.cli import main
from worker.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table():
    for name in Settings.model_fields:
        assert f"`SAHELWATCH_{name.upper()}`" in README, name


def test_every_sahelwatch_command_in_the_readme_exists():
    for line in re.findall(r"^[ \t]+sahelwatch ([a-z-]+(?: [a-z-]+)?)", README, flags=re.MULTILINE):
        words = line.split()
        command = main.commands.get(words[0])
        assert command is not None, line
        if len(words) > 1 and hasattr(command, "commands") and not words[1].startswith("-"):
            assert words[1] in command.commands, line
