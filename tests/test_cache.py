"""The engine cache: faster start-up, never a stale or broken answer."""

from pathlib import Path

import pytest

from bot.core import language
from bot.core.cache import cache_dir, load_engine
from bot.core.loader import KnowledgeBaseError
from bot.core.reply import answer
from tests.conftest import TODAY, copy_fixture_knowledge


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def fixture_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "kb"
    directory.mkdir()
    copy_fixture_knowledge(directory)
    return directory


def ask(engine, question):
    return answer(engine, question, today=TODAY)


def test_second_load_comes_from_the_cache_and_answers_the_same(tmp_path):
    knowledge = fixture_copy(tmp_path)
    first = load_engine(knowledge)
    assert len(list(cache_dir().glob("engine-*.pickle"))) == 1
    second = load_engine(knowledge)
    assert second is not first
    assert second.kb.version == first.kb.version
    for question in ("who directed vyzov", "how tall is tom cruise", "когда вышел вызов"):
        assert ask(second, question) == ask(first, question)


def test_the_reply_language_detector_comes_from_the_cache_too(tmp_path, monkeypatch):
    # building it costs as much as the answer itself: a cached start must not rebuild it
    knowledge = fixture_copy(tmp_path)
    load_engine(knowledge)
    language._detectors.clear()
    engine = load_engine(knowledge)

    def rebuilt(*_: object) -> None:
        raise AssertionError("the language detector was rebuilt")

    monkeypatch.setattr(language.LanguageDetector, "for_kb", classmethod(rebuilt))
    assert ask(engine, "кто режиссёр вызова").lang == "ru"


def test_an_edited_knowledge_file_is_never_served_from_an_old_cache(tmp_path):
    knowledge = fixture_copy(tmp_path)
    before = load_engine(knowledge)
    path = knowledge / "challenge.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Klim Shipenko", "K. Shipenko"))
    after = load_engine(knowledge)
    assert after.kb.version != before.kb.version
    assert "K. Shipenko" in ask(after, "who directed vyzov").text


def test_a_corrupt_cache_file_means_a_rebuild(tmp_path):
    knowledge = fixture_copy(tmp_path)
    load_engine(knowledge)
    (cached,) = cache_dir().glob("engine-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert ask(load_engine(knowledge), "who directed vyzov").answered


def test_a_broken_knowledge_base_is_an_error_not_a_cached_engine(tmp_path):
    knowledge = fixture_copy(tmp_path)
    (knowledge / "broken.yaml").write_text("entries: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        load_engine(knowledge)
    assert not list(cache_dir().glob("engine-*.pickle"))


def test_an_unwritable_cache_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    knowledge = fixture_copy(tmp_path)
    assert ask(load_engine(knowledge), "who directed vyzov").answered
