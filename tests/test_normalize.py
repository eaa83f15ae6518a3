import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.normalize import (
    _LAT_TO_CYR,
    _any_words,
    has_words,
    normalize,
    possessed,
    stems,
    surface,
    words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Кто режиссёр «Вызова»?", "kto rezhisser vyzova"),
        ("Yulia PERESILD!!", "yulia peresild"),
        ("Miloš Biković", "milos bikovic"),
        ("Tom Cruise's space movie", "tom cruise space movie"),
        ("Soyuz MS-19", "soyuz ms 19"),
    ],
)
def test_normalize_folds_case_script_accents_and_punctuation(text, expected):
    assert normalize(text) == expected


def test_russian_inflections_share_a_stem_in_either_script():
    cyrillic = {stems(w)[0] for w in ("режиссёр", "режиссёра", "режиссером")}
    assert len(cyrillic) == 1
    assert cyrillic.pop() in stems("rezhissera")


def test_every_latin_letter_group_is_looked_for_in_the_words_that_may_hold_it():
    # stems() tries the letter groups only on words with an "h", a "y" or a "ts" in them
    groups = [lat for lat, _ in _LAT_TO_CYR if len(lat) > 1]
    assert groups
    assert all("h" in g or "y" in g or "ts" in g for g in groups)


def test_english_word_forms_share_a_stem():
    assert stems("directed")[0] == stems("directing")[0]


def test_possessed_marks_the_word_after_a_possessive():
    assert possessed("When was Peresild's cat born") == frozenset({3})
    assert possessed("Tom Cruise’s space film and the film's budget") == frozenset({2, 7})
    assert possessed("no possessive here") == frozenset()
    assert possessed("Ｐｅｒｅｓｉｌｄ＇ｓ ｃａｔ") == frozenset({1})  # full-width, NFKC'd


@pytest.mark.parametrize(
    "text",
    [
        *("budget", "  ", "?!", "_'s", "'s", "x's", "4", "_", "ъ", "ъ ъ", "ь!", "Пересильд", "Ｆ"),
        *("", "«ъ»", "ъ Пересильд", "Пересильд ъ", "ъ’s", "Ъ＇ｓ", "ё", "ЪЬ"),
    ],
)
def test_has_words_says_whether_anything_is_left_once_normalised(text):
    # text without quotes takes a short cut (ASCII text a shorter one): it must agree with
    # the long way
    assert has_words(text) == bool(normalize(text))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("4to", "chto"), ("slu4ilos", "sluchilos"), ("kakoi", "kakoy"), ("pervyi", "pervyy")],
)
def test_russian_typed_the_chat_way_meets_our_transliteration(typed, meant):
    assert normalize(typed) == meant


@pytest.mark.parametrize(
    ("word", "kept"), [("mp4", "mp4"), ("4K", "4k"), ("2024", "2024"), ("Вызов", "vyzov")]
)
def test_chat_spelling_leaves_other_words_alone(word, kept):
    assert normalize(word) == kept


def test_short_words_ending_in_j_are_spelt_like_their_y_forms():
    # chats type й as j: "moj" is «мой», "ej" is «ей»; an English "koi" keeps its i
    assert [surface(w) for w in ("moj", "ej", "koi")] == ["moy", "ey", "koi"]


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_is_split_into_the_words_any_text_is(text):
    # ASCII text takes a short cut: it must agree with the way any text is split
    assert words(text) == _any_words(text)


@pytest.mark.parametrize("text", ["Tom Cruise's film_2021", "d'Arc `quoted` x's _'s", "A-B_C 4k"])
def test_ascii_text_is_split_as_any_text_is(text):
    assert words(text) == _any_words(text)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [("kosmicheskoy", "космической"), ("propagandoy", "пропагандой"), ("glavnoy", "главной")],
)
def test_a_y_after_a_vowel_is_the_short_i_of_its_cyrillic_spelling(latin, cyrillic):
    # "kakoy", "propagandoy": typed Russian ends in -oy where Cyrillic has -ой, and stems alike
    assert stems(cyrillic)[0] in stems(latin)
