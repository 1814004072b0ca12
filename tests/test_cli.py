"""Every command explains itself."""

from __future__ import annotations

import pytest

from kg.cli import main

COMMANDS = sorted(main.commands)


def test_the_contract_commands_exist():
    for name in ("build", "query", "export", "actors", "render"):
        assert name in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(runner, name):
    result = runner.invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert main.commands[name].help, f"kg {name} has no help text"
    assert "Usage: " in result.output


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and "kg, version" in result.output


def test_relations_lists_the_vocabulary(runner):
    result = runner.invoke(main, ["relations"])
    assert result.exit_code == 0
    assert '"relation": "setDeadline"' in result.output
    assert '"goldstein": -7.0' in result.output
