from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.loader import KnowledgeBase, load

FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"
REAL_KNOWLEDGE = Path(__file__).parent.parent / "knowledge"
TODAY = dt.date(2026, 11, 21)


def copy_fixture_knowledge(directory: Path) -> None:
    """Put the fixture knowledge base in `directory`, for tests that add a broken file to it."""
    for source in FIXTURES.glob("*.yaml"):
        (directory / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load(FIXTURES)


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb)


@pytest.fixture(scope="session")
def real_engine() -> Engine:
    return Engine(load(REAL_KNOWLEDGE))
