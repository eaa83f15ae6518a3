"""The pure core and the command line never import discord (fast start-up, testable alone)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PURE = [
    *sorted((ROOT / "bot" / "core").glob("*.py")),
    ROOT / "bot" / "cli.py",
    ROOT / "bot" / "__main__.py",
]


@pytest.mark.parametrize("path", PURE, ids=lambda p: p.name)
def test_module_does_not_import_discord(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name.split(".")[0] == "discord"}


def test_cli_start_up_does_not_load_discord():
    code = "import sys, bot.cli; print('discord' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"
