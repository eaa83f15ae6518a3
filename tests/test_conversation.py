"""Follow-up questions: the bounded store of contexts, and questions read in their light."""

import pytest

from bot.core.conversation import Context, ContextStore
from bot.core.reply import Reply, answer
from tests.conftest import TODAY


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def context(entry: str = "challenge-director") -> Context:
    return Context(
        work="the-challenge",
        named=("the-challenge",),
        people=(),
        concepts=("direct",),
        qtype="who",
        entry=entry,
        lang="en",
    )


# --- the store -----------------------------------------------------------------------------
def test_a_context_is_kept_for_its_window_and_then_forgotten():
    clock = Clock()
    store: ContextStore[str] = ContextStore(seconds=600, max_keys=10, clock=clock)
    store.put("alice", context())
    clock.now += 600
    assert store.get("alice") == context()
    clock.now += 1
    assert store.get("alice") is None
    assert len(store) == 0


def test_the_store_never_holds_more_than_its_limit_dropping_the_least_recent():
    clock = Clock()
    store: ContextStore[int] = ContextStore(seconds=600, max_keys=3, clock=clock)
    for key in range(3):
        store.put(key, context(f"entry-{key}"))
        clock.now += 1
    store.put(0, context("entry-0-again"))  # 0 answered again: now the most recent
    store.put(3, context("entry-3"))
    assert len(store) == 3
    assert store.get(1) is None
    assert store.get(0) == context("entry-0-again")
    for key in range(4, 1000):
        store.put(key, context())
    assert len(store) == 3


def test_stale_contexts_are_dropped_when_others_are_added():
    clock = Clock()
    store: ContextStore[int] = ContextStore(seconds=10, max_keys=100, clock=clock)
    for key in range(50):
        store.put(key, context())
    clock.now += 11
    store.put(99, context())
    assert len(store) == 1


def test_a_window_of_zero_turns_follow_ups_off():
    store: ContextStore[str] = ContextStore(seconds=0, max_keys=10)
    store.put("alice", context())
    assert store.get("alice") is None
    assert len(store) == 0


def test_a_store_holds_at_least_one_key():
    with pytest.raises(ValueError, match="at least one"):
        ContextStore(max_keys=0)


# --- resolution ----------------------------------------------------------------------------
def dialogue(engine, *questions: str) -> list[Reply]:
    """Ask in turn, each question with the context the earlier answers left (as `chat` does)."""
    replies, last = [], None
    for question in questions:
        reply = answer(engine, question, today=TODAY, context=last)
        replies.append(reply)
        last = reply.context or last
    return replies


def entries(replies: list[Reply]) -> list[str | None]:
    return [r.entry.id if r.entry else r.status for r in replies]


def test_a_follow_up_without_a_film_is_about_the_last_answers_film(engine):
    replies = dialogue(engine, "who directed the challenge", "when did it come out?")
    assert entries(replies) == ["challenge-director", "challenge-release"]


def test_a_pronoun_means_the_person_of_the_last_answer(engine):
    replies = dialogue(engine, "when was peresild born", "where was she born?")
    assert entries(replies) == ["challenge-birth-peresild", "challenge-birth-peresild"]


def test_the_same_question_can_be_asked_of_the_other_film(engine):
    replies = dialogue(engine, "who directed vyzov", "and the cruise one?")
    assert entries(replies) == ["challenge-director", "cruise-director"]


def test_a_russian_follow_up_works_the_same_way(engine):
    replies = dialogue(engine, "кто режиссёр фильма вызов", "а когда он вышел?")
    assert entries(replies) == ["challenge-director", "challenge-release"]
    assert [r.lang for r in replies] == ["ru", "ru"]


def test_naming_a_film_after_which_film_answers_the_first_question(engine):
    replies = dialogue(engine, "who directed it?", "the cruise space movie")
    assert entries(replies) == ["ambiguous", "cruise-director"]


def test_without_a_context_a_follow_up_asks_which_film(engine):
    for question in ("when did it come out?", "and when did it come out?", "and who directed it?"):
        assert answer(engine, question, today=TODAY).status == "ambiguous", question


def test_and_the_role_asks_the_last_question_about_that_person_never_who_it_is(engine):
    # the fixture knows who directed the film, but not when the director was born
    replies = dialogue(engine, "when was peresild born", "and the director?")
    assert entries(replies) == ["challenge-birth-peresild", "abstained"]


def test_and_who_is_the_role_still_asks_who(engine):
    replies = dialogue(engine, "when did vyzov come out", "and who was the director?")
    assert entries(replies) == ["challenge-release", "challenge-director"]


def test_a_question_naming_its_film_ignores_the_context(engine):
    replies = dialogue(engine, "who directed vyzov", "who directs cruise space movie")
    assert entries(replies) == ["challenge-director", "cruise-director"]


def test_a_non_answer_leaves_no_new_context(engine):
    first, unknown = dialogue(engine, "who directed vyzov", "what is the capital of peru")
    assert first.context is not None
    assert unknown.status == "abstained"
    assert unknown.context is None


def test_a_follow_up_keeps_the_conversations_language_when_its_words_do_not_tell(engine):
    replies = dialogue(engine, "кто режиссёр фильма вызов", "peresild")
    assert replies[1].lang == "ru"


def test_one_askers_context_is_not_anothers(engine):
    store: ContextStore[str] = ContextStore()
    first = answer(engine, "who directed vyzov", today=TODAY, context=store.get("alice"))
    assert first.context is not None
    store.put("alice", first.context)
    alice = answer(engine, "when did it come out?", today=TODAY, context=store.get("alice"))
    bob = answer(engine, "when did it come out?", today=TODAY, context=store.get("bob"))
    assert alice.entry is not None
    assert alice.entry.id == "challenge-release"
    assert bob.status == "ambiguous"


def test_a_stale_context_is_no_context(engine):
    clock = Clock()
    store: ContextStore[str] = ContextStore(seconds=600, clock=clock)
    first = answer(engine, "who directed vyzov", today=TODAY)
    assert first.context is not None
    store.put("alice", first.context)
    clock.now += 601
    late = answer(engine, "when did it come out?", today=TODAY, context=store.get("alice"))
    assert late.status == "ambiguous"


def test_it_after_a_topic_is_that_topic_and_after_a_film_is_the_film(real_engine):
    replies = dialogue(
        real_engine, "how was peresild prepared for the flight", "how long did it last?"
    )
    assert entries(replies) == ["challenge-training", "challenge-training-duration"]
    replies = dialogue(real_engine, "who directed the challenge", "and how long is it?")
    assert entries(replies) == ["challenge-director", "challenge-runtime"]


def test_she_after_an_actress_and_her_character_is_tried_as_each_before_both(real_engine):
    replies = dialogue(
        real_engine, "who's the lead actress in the challenge", "who does she play?",
        "how long was she up there?",
    )  # fmt: skip
    assert entries(replies)[-1] == "challenge-days-aboard-iss"


def test_it_is_the_last_topic_when_the_question_names_the_film_separately(real_engine):
    replies = dialogue(
        real_engine, "How much footage did they shoot on the ISS for The Challenge?",
        "how much of it ended up in the film?",
    )  # fmt: skip
    assert entries(replies) == ["challenge-footage-hours", "challenge-space-minutes-in-film"]


def test_he_after_who_is_the_person_the_answer_introduced(real_engine):
    # "he" is Novitsky, who flew them home: not Peresild (she), nor Shipenko (named, not asked)
    replies = dialogue(
        real_engine, "Who brought Peresild and Shipenko back to Earth?",
        "How long had he been in orbit by then?",
    )  # fmt: skip
    assert entries(replies) == ["challenge-return-spacecraft", "challenge-novitsky-mission-length"]


def test_he_is_still_the_last_person_when_the_question_names_a_company(real_engine):
    replies = dialogue(
        real_engine,
        "who's directing tom cruise's space movie",
        "wasnt he at some spacex launch too?",
    )
    assert entries(replies) == ["cruise-director", "cruise-liman-demo2"]


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("When did the first trailer for Vyzov come out?", "and the second one?"),
        ("когда вышел первый трейлер Вызова", "а второй?"),
    ],
)
def test_and_the_second_one_asks_the_last_question_of_the_next(real_engine, first, then):
    assert entries(dialogue(real_engine, first, then)) == [
        "challenge-first-trailer",
        "challenge-new-trailer",
    ]


def test_on_typed_in_latin_letters_is_the_russian_pronoun_in_a_russian_question(real_engine):
    replies = dialogue(real_engine, "kto rezhisser vyzova?", "chto on eshe snimal?")
    assert entries(replies) == ["challenge-director", "challenge-shipenko-previous-films"]


def test_it_beside_a_named_film_is_the_thing_asked_about_before(real_engine):
    replies = dialogue(
        real_engine, "What is the SEE-1 space studio module?",
        "is it connected to the Tom Cruise movie?",
    )  # fmt: skip
    assert entries(replies) == ["cruise-see1-studio", "cruise-see1-link-conflict"]


def test_naming_a_person_after_which_film_picks_their_film(real_engine):
    replies = dialogue(real_engine, "whats the latest on the space movie", "cruises")
    assert [r.status for r in replies] == ["ambiguous", "answered"]
    assert entries(replies)[-1] == "cruise-status"


def test_he_after_a_question_naming_someone_is_that_person_not_another_in_the_answer(
    real_engine,
):
    # McQuarrie's pay is not known: "he" must not fall through to Cruise's pay
    replies = dialogue(
        real_engine, "is mcquarrie on tom's space project, and whats his job on it",
        "how much is he getting paid for it",
    )  # fmt: skip
    assert [r.status for r in replies] == ["answered", "abstained"]


def test_after_a_yes_or_no_question_a_word_of_it_is_still_its_topic(real_engine):
    replies = dialogue(
        real_engine, "can tom cruise still be the first civilian to do a spacewalk",
        "who got there first then",
    )  # fmt: skip
    assert entries(replies) == [
        "cruise-first-civilian-spacewalk-myth",
        "cruise-first-civilian-spacewalk-myth",
    ]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("how long did peresild train for the flight", "where?", "challenge-training"),
        # "last" / «длилась» says how long in a topic word: "where?" does not ask it
        ("how long did the training last", "and where?", "challenge-training"),
        ("сколько длилась подготовка к полёту", "а где?", "challenge-training"),
        ("когда вышел вызов", "а где?", "challenge-premiere"),
        ("can tom cruise still be the first civilian to do a spacewalk", "so when?",
         "cruise-first-civilian-spacewalk-myth"),
    ],
)  # fmt: skip
def test_a_question_word_alone_asks_it_of_the_last_topic(real_engine, first, then, expected):
    replies = dialogue(real_engine, first, then)
    assert [r.status for r in replies] == ["answered", "answered"]
    assert entries(replies)[-1] == expected


def test_a_question_word_alone_after_who_is_not_guessed(real_engine):
    # "when?" after "who is directing it?": when he joined, when it comes out, when he was born
    replies = dialogue(real_engine, "who is directing the tom cruise space film", "when?")
    assert entries(replies)[0] == "cruise-director"
    assert replies[1].status != "answered"


@pytest.mark.parametrize(
    "then", ["the one where tom cruise is", "тот, где Том Круз", "nu tot gde tom kruz"]
)
def test_the_film_named_after_which_film_is_asked_the_same_question(real_engine, then):
    # "where" in "the one where ..." asks nothing: the question is still "who directed it?"
    replies = dialogue(real_engine, "who directed the space movie?", then)
    assert [r.status for r in replies] == ["ambiguous", "answered"]
    assert entries(replies)[-1] == "cruise-director"


def test_it_that_is_directed_is_the_film_not_the_last_topic(real_engine):
    replies = dialogue(
        real_engine, "who announced first, cruise or the russians", "ok who's directing it"
    )
    assert entries(replies) == ["cruise-announcement", "cruise-director"]


def test_and_the_russian_one_asks_the_same_of_the_other_film(real_engine):
    replies = dialogue(
        real_engine, "who's directing tom cruise's space movie", "and the russian one?"
    )
    assert entries(replies) == ["cruise-director", "challenge-director"]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        (
            "how much is universal putting into the cruise space film",
            "and what did the russian one cost?",
            ["cruise-budget", "challenge-budget"],
        ),
        (
            "who directed the space movie?",
            "i mean the tom cruise one",
            ["ambiguous", "cruise-director"],
        ),
    ],
)
def test_the_russian_one_and_the_cruise_one_name_a_film_in_a_longer_question(
    real_engine, first, then, expected
):
    # not only "and the russian one?" alone: "the russian one" beside a question of its own
    assert entries(dialogue(real_engine, first, then)) == expected


def test_he_before_a_named_person_is_the_last_answers_person_not_that_one(real_engine):
    # "what has he done with cruise before?": "he" cannot be Cruise, so it is Liman
    replies = dialogue(
        real_engine,
        "who is directing the tom cruise space film",
        "what has he done with cruise before",
    )
    assert entries(replies) == ["cruise-director", "cruise-director"]
    assert "Edge of Tomorrow" in replies[1].text


def test_he_after_an_unanswered_question_is_the_person_it_named(real_engine):
    replies = dialogue(
        real_engine, "what is mark vande hei's favourite food", "is he in the movie?"
    )
    assert [r.status for r in replies] == ["abstained", "answered"]
    assert "Vande Hei" in replies[1].text


def test_he_after_an_unanswered_message_is_whom_any_question_in_it_named(real_engine):
    replies = dialogue(
        real_engine,
        "what is the favourite food of the commander, is it novitsky or novitskiy?",
        "how long had he been up there by then",
    )
    assert replies[0].status == "abstained"
    assert entries(replies)[1] == "challenge-novitsky-mission-length"


def test_an_unanswered_question_naming_no_one_keeps_the_last_context(real_engine):
    replies = dialogue(
        real_engine,
        "Who is Klim Shipenko?",
        "what's the weather like in Moscow today?",
        "how old was he when he flew?",
    )
    assert entries(replies) == ["challenge-shipenko-profile", "abstained", "challenge-shipenko-age"]


def test_an_unanswered_question_naming_both_films_leaves_it_open(real_engine):
    # "when does it come out?" after a question about both films: which one?
    replies = dialogue(
        real_engine,
        "so there were two movies trying to shoot in space, a russian one and a tom cruise one?",
        "when does it come out?",
    )
    assert replies[1].status == "ambiguous"


def test_a_belief_about_the_last_answer_is_checked_not_asked_again(real_engine):
    # "that was on Soyuz MS-18, right?" after the launch date: they went up on MS-19 (MS-18
    # brought them home); not the MS-18 landing time, the last "when" asked of MS-18
    replies = dialogue(
        real_engine,
        "when did the movie crew launch? the russian one not tom",
        "that was on soyuz ms-18 right",
    )
    assert replies[1].status == "answered"
    assert entries(replies)[1] != "challenge-landing-time"
    assert "MS-19" in replies[1].text


def test_that_asked_of_an_organisation_is_the_last_topic(real_engine):
    # "who was the NASA guy saying all that": NASA's words on the topic, not NASA's role
    replies = dialogue(
        real_engine,
        "was nasa actually cool with tom cruise filming on the iss",
        "who was the nasa guy saying all that",
    )
    assert entries(replies) == ["cruise-nasa-bridenstine", "cruise-nasa-bridenstine"]


def test_who_wrote_it_is_about_the_film_not_the_last_topic(real_engine):
    # "it" is the film: "did he write it" after his age does not ask his age again
    replies = dialogue(
        real_engine, "who directed vyzov", "how old was he when he went up", "did he write it too"
    )
    assert entries(replies)[:2] == ["challenge-director", "challenge-shipenko-age"]
    assert entries(replies)[2] != "challenge-shipenko-age"


def test_who_asked_on_of_the_last_topic_is_about_that_topic(real_engine):
    # "а кто был против?": who objected to the Hero of Russia proposal just talked about, not
    # who objected to the film flight in general
    replies = dialogue(
        real_engine, "правда что Пересильд хотели дать героя россии", "а кто был против"
    )
    assert entries(replies) == ["challenge-hero-of-russia", "challenge-hero-of-russia"]


def test_a_typed_in_latin_letters_continues_the_last_question(real_engine):
    # «а командир кто был?» after the craft that brought her back: that craft's commander
    replies = dialogue(
        real_engine, "na kakom korable peresild vernulas s mks", "a komandir kto byl"
    )
    assert entries(replies) == ["challenge-return-spacecraft", "challenge-return-spacecraft"]


@pytest.mark.parametrize(
    "then", ["will tom cruise shoot his film in it?", "does tom cruise film there"]
)
def test_it_after_a_thing_is_that_thing_beside_the_person_of_a_film(real_engine, then):
    # Cruise stands for his film here, and "it"/"there" is still the studio module
    replies = dialogue(real_engine, "what is SEE-1", then)
    assert entries(replies) == ["cruise-see1-studio", "cruise-see1-shot-myth"]


def test_how_long_did_it_take_is_the_topic_even_after_the_film_was_named(real_engine):
    # "it" took a while: the training, not the film's running time
    replies = dialogue(real_engine, "how did peresild train for vyzov", "how long did it take")
    assert entries(replies) == ["challenge-training", "challenge-training-duration"]
    # and it is never the film's running time, even when the topic has no such answer
    replies = dialogue(
        real_engine, "how did they pick the actress for vyzov", "how long did it take"
    )
    assert entries(replies)[1] != "challenge-runtime"


def test_there_is_the_place_the_last_question_named(real_engine):
    replies = dialogue(real_engine, "вызов выходил в китае?", "а сколько он там собрал")
    assert entries(replies) == ["challenge-china-release", "challenge-china-box-office"]


def test_and_who_are_the_producers_asks_for_the_producers(real_engine):
    # a job of the film crew is asked of the film, not of the last topic (the script)
    replies = dialogue(real_engine, "kto pisal scenarij vyzova", "a prodyusery kto")
    assert entries(replies) == ["challenge-screenwriters", "challenge-producers"]


@pytest.mark.parametrize(
    "then", ["how much of that ended up in the film", "how much of it made it into the final cut"]
)
def test_how_much_of_it_asks_for_a_share_of_the_last_topic(real_engine, then):
    # after the hours of footage shot, "how much of it" is the share that is in the film
    replies = dialogue(real_engine, "how many hours of footage did shipenko shoot up there", then)
    assert entries(replies) == ["challenge-footage-hours", "challenge-space-minutes-in-film"]


def test_a_belief_stated_as_a_follow_up_gets_the_entry_that_weighs_it(real_engine):
    # "I thought it opened on 12 April": the release-date conflict (premiere 12, wide release
    # 20 April), not the entry on why 12 April was chosen for the premiere
    replies = dialogue(
        real_engine,
        "when did the challenge come out",
        "hold on, i thought it opened in cinemas on april 12",
    )
    assert entries(replies) == ["challenge-release-date", "challenge-release-date"]


def test_the_movie_after_and_is_not_the_other_film_for_sharing_the_word_the(real_engine):
    # "the Tom Cruise space movie" is one of its names, but so is "the Russian space movie"
    replies = dialogue(
        real_engine,
        "how many hours of footage did they shoot in orbit for vyzov",
        "and how much of it is actually in the movie",
    )
    assert entries(replies) == ["challenge-footage-hours", "challenge-space-minutes-in-film"]
    replies = dialogue(real_engine, "who directed vyzov", "and the hollywood one?")
    assert entries(replies) == ["challenge-director", "cruise-director"]


def test_a_bare_ask_after_an_answer_about_someone_unnamed_is_asked_of_them(real_engine):
    # the question said "some nasa guy"; the answer was about Mark Vande Hei
    replies = dialogue(
        real_engine, "didnt some nasa guy lose his ride home bc of the russian movie", "how long??"
    )
    assert entries(replies) == ["challenge-vande-hei-seat", "challenge-vande-hei-return-record"]


def test_who_was_flying_it_after_the_launch_asks_who_piloted_the_craft(real_engine):
    replies = dialogue(
        real_engine, "when did the soyuz with the film crew launch", "who was flying it"
    )
    assert entries(replies) == ["challenge-launch-date", "challenge-launch-crew"]


@pytest.mark.parametrize(
    "then", ["so who was flying it", "who was flying the thing", "n who piloted it"]
)
def test_it_after_an_answer_naming_a_craft_is_that_craft(real_engine, then):
    # the question named no craft: the answer did (Soyuz MS-19)
    replies = dialogue(real_engine, "what did peresild ride up to the iss on", then)
    assert entries(replies) == ["challenge-launch-vehicle", "challenge-launch-crew"]


@pytest.mark.parametrize(
    "question", ["what did peresild ride up to the iss on", "wat did they go up in"]
)
def test_a_question_about_going_up_is_not_answered_with_the_way_back(real_engine, question):
    assert entries(dialogue(real_engine, question)) == ["challenge-launch-vehicle"]


def test_a_fragment_opening_with_a_preposition_finishes_the_last_question(real_engine):
    replies = dialogue(real_engine, "when did the actress and director launch", "on what rocket?")
    assert entries(replies) == ["challenge-launch-date", "challenge-launch-vehicle"]


@pytest.mark.parametrize(
    ("then", "expected"),
    [
        ("where is she from?", "challenge-peresild-birth"),
        ("when was she born", "challenge-peresild-birth"),
    ],
)
def test_a_question_saying_only_she_is_asked_of_the_last_person(real_engine, then, expected):
    replies = dialogue(real_engine, "who plays the lead in vyzov", then)
    assert entries(replies) == ["challenge-lead-actress", expected]


def test_those_after_an_answer_listing_films_are_those_films(real_engine):
    replies = dialogue(
        real_engine, "what films did shipenko make before vyzov", "were any of those a big hit"
    )
    assert entries(replies) == [
        "challenge-shipenko-previous-films",
        "challenge-shipenko-previous-films",
    ]


def test_an_unanswered_question_naming_a_place_keeps_who_she_is(real_engine):
    # Dubai names no film and no one: "she" is still the actress of the last answer
    replies = dialogue(
        real_engine, "who plays the lead in vyzov", "did she like dubai", "how old was she"
    )
    assert entries(replies) == ["challenge-lead-actress", "abstained", "challenge-peresild-age"]


def test_it_after_an_unanswered_question_naming_a_thing_is_that_thing(real_engine):
    # "it" is the Soyuz just asked about, not Peresild's training answered before
    replies = dialogue(
        real_engine,
        "how long did peresild train",
        "how much does a soyuz weigh",
        "when did it launch",
    )
    assert entries(replies) == ["challenge-training-duration", "abstained", "challenge-launch-date"]


def test_up_there_is_space_not_the_thing_last_named(real_engine):
    replies = dialogue(
        real_engine,
        "who directed the challenge",
        "what does salyut 7 mean",
        "was anything filmed up there before the challenge then",
    )
    assert entries(replies) == ["challenge-director", "abstained", "race-first-film-in-space"]


def test_him_beside_a_named_person_is_the_last_answers_person(real_engine):
    # "him" is never Shipenko, the one doing the saying: it is Cruise, of the last answer
    replies = dialogue(
        real_engine,
        "when was tom cruise's space film announced",
        "did shipenko say anything about racing him",
    )
    assert entries(replies) == ["cruise-announcement", "race-shipenko-on-cruise"]


def test_na_nyom_after_an_answer_naming_a_craft_is_that_craft(real_engine):
    # «на нём», on it: the Soyuz they went up on; they came back on another (MS-18)
    replies = dialogue(
        real_engine, "на каком корабле летели пересильд и шипенко", "а вернулись они тоже на нём?"
    )
    assert entries(replies) == ["challenge-launch-vehicle", "challenge-return-spacecraft"]
    assert "МС-18" in replies[1].text


@pytest.mark.parametrize("then", ["а что он снимал до этого", "what did he make before that"])
def test_before_that_is_a_time_not_the_last_topic(real_engine, then):
    # not his age again: "before that" says when, it does not point at what was asked
    replies = dialogue(
        real_engine, "кто режиссёр вызова", "сколько лет было шипенко при полёте", then
    )
    assert entries(replies)[1] == "challenge-shipenko-age"
    assert entries(replies)[2] in ("challenge-shipenko-previous-films", "abstained")


def test_who_acted_there_is_who_is_in_the_film(real_engine):
    # «снялись» here is acting in it, not directing
    replies = dialogue(real_engine, "о чём вызов", "а какие космонавты там снялись")
    assert entries(replies) == ["challenge-plot", "challenge-cosmonauts-as-actors"]


def test_were_they_all_for_the_idea_asks_who_objected(real_engine):
    # «за эту идею»: on board with it
    replies = dialogue(
        real_engine,
        "как выбирали актрису для вызова",
        "а в космической отрасли все были за эту идею?",
    )
    assert entries(replies)[1] == "challenge-industry-opposition"


@pytest.mark.parametrize(
    "aside", ["off topic but who was yuri gagarin", "не по теме, а кто такой юрий гагарин"]
)
def test_an_unanswered_aside_that_says_it_changes_topic_leaves_the_last_people(real_engine, aside):
    # "he" is Gagarin now, whom the bot knows nothing of, not the director: which film?
    replies = dialogue(real_engine, "who directed vyzov", aside, "when did he fly")
    assert entries(replies) == ["challenge-director", "abstained", "ambiguous"]


def test_a_correction_naming_the_other_films_people_keeps_its_own_film(real_engine):
    # the SpaceX correction is about The Challenge's flight, though Musk belongs to Cruise's film
    replies = dialogue(
        real_engine,
        "на чём пересильд полетела в космос",
        "это ведь была капсула илона маска?",
        "а обратно на чём?",
    )
    assert entries(replies) == [
        "challenge-launch-vehicle",
        "misc-spacex-myth",
        "challenge-return-spacecraft",
    ]
    assert replies[1].context is not None
    assert replies[1].context.work == "the-challenge"


@pytest.mark.parametrize("then", ["and what did she answer them", "what did she say back to them"])
def test_what_she_said_back_after_the_row_is_her_reply(real_engine, then):
    # what she said of the last topic, not who she is
    replies = dialogue(real_engine, "why did cosmonauts get angry with peresild", then)
    assert entries(replies) == ["challenge-hero-of-russia", "challenge-hero-of-russia"]


def test_how_it_did_there_is_how_well_it_did_in_the_place_just_named(real_engine):
    replies = dialogue(real_engine, "did the challenge come out in china", "how'd it do over there")
    assert entries(replies) == ["challenge-china-release", "challenge-china-box-office"]


def test_did_anyone_help_him_asks_who_helped_the_last_answers_person(real_engine):
    replies = dialogue(
        real_engine, "who ran the camera on the iss for vyzov", "did anyone help him"
    )
    assert entries(replies) == [
        "challenge-shipenko-one-man-crew",
        "challenge-people-on-camera-in-orbit",
    ]


@pytest.mark.parametrize("then", ["was there another one later", "was there a second one"])
def test_another_one_after_the_first_is_the_next_of_it(real_engine, then):
    replies = dialogue(real_engine, "when did the first vyzov trailer drop", then)
    assert entries(replies) == ["challenge-first-trailer", "challenge-new-trailer"]


def test_ej_typed_for_her_in_latin_letters_is_the_last_answers_actress(real_engine):
    # й typed as j: "ej" is «ей», her
    replies = dialogue(real_engine, "kto igral glavnuyu rol v vyzove", "skolko ej bylo let togda")
    assert entries(replies) == ["challenge-lead-actress", "challenge-peresild-age"]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("что с фильмом круза", "а на чём круз собирался лететь?", "cruise-spacex-nasa-roles"),
        ("что с фильмом круза", "а кто должен был быть там режиссёром?", "cruise-director"),
        ("сколько собрал вызов", "а кто выпускал его в прокат?", "challenge-distributor"),
        ("что сказал путин про вызов", "а критикам фильм зашёл?", "challenge-critical-reception"),
    ],
)
def test_russian_follow_ups_with_words_that_ask_nothing_or_name_the_topic(
    real_engine, first, then, expected
):
    # «собирался», «должен был» (was going to) ask nothing; «выпускал в прокат» is
    # distributing; «зашло» (went down well) with critics is their reception
    assert entries(dialogue(real_engine, first, then))[1] == expected


def test_an_aside_that_changes_topic_and_names_a_thing_leaves_her_behind_too(real_engine):
    replies = dialogue(
        real_engine,
        "who plays the lead in vyzov",
        "off topic, how much does a soyuz weigh",
        "how old is she",
    )
    assert entries(replies)[1:] == ["abstained", "abstained"]


def test_thats_after_a_thing_is_that_thing_not_the_film_it_names(real_engine):
    # "thats where Cruise will film?" (no apostrophe) after SEE-1 checks a belief about SEE-1
    replies = dialogue(
        real_engine, "what is see-1", "oh so thats where tom cruise is filming", "has it launched"
    )
    assert entries(replies) == ["cruise-see1-studio", "cruise-see1-shot-myth", "cruise-see1-studio"]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        (
            "when did the film crew launch",
            "and they docked automatically, no issues, right?",
            "challenge-docking-problem",
        ),
        ("how much did vyzov gross", "so it bombed?", "challenge-hit-or-flop"),
    ],
)
def test_a_belief_a_fact_refutes_gets_that_fact(real_engine, first, then, expected):
    replies = dialogue(real_engine, first, then)
    assert entries(replies)[1] == expected
    assert real_engine.kb.entries[expected].weighs_beliefs


@pytest.mark.parametrize("then", ["это ведь был союз мс-19, да?", "that was soyuz ms-19 right?"])
def test_checking_the_last_answer_gets_it_again_when_another_scores_as_high(real_engine, then):
    replies = dialogue(real_engine, "на чём пересильд полетела на мкс", then)
    assert entries(replies) == ["challenge-launch-vehicle", "challenge-launch-vehicle"]


def test_a_so_statement_after_an_answer_is_checked_as_a_belief(real_engine):
    replies = dialogue(
        real_engine, "vyzov release date?", "so the 12th of april was when it hit theatres"
    )
    assert entries(replies) == ["challenge-release-date", "challenge-release-date"]


def test_what_they_paid_after_the_ax1_crew_is_the_crews_seat_price(real_engine):
    # "they" are the passengers the last answer named first, not Cruise, whom it names too
    replies = dialogue(real_engine, "who went up on ax-1", "and how much did they have to pay")
    assert entries(replies) == ["cruise-ax-1-crew", "cruise-ax-1-crew"]


def test_what_about_another_place_asks_the_last_question_of_it(real_engine):
    # the place the last question named gives way to the one this names
    replies = dialogue(real_engine, "can you stream vyzov in the usa", "what about in russia?")
    assert entries(replies) == ["challenge-us-release", "challenge-where-to-watch"]


def test_from_where_asks_where_of_the_last_topic(real_engine):
    replies = dialogue(real_engine, "when did the vyzov crew lift off", "from where?")
    assert entries(replies) == ["challenge-launch-date", "challenge-launch-vehicle"]


def test_the_next_one_after_the_first_is_the_second(real_engine):
    replies = dialogue(real_engine, "vyzov first trailer date?", "and when was the next one out")
    assert entries(replies) == ["challenge-first-trailer", "challenge-new-trailer"]


def test_what_he_said_last_is_his_latest_word_not_how_long_it_lasted(real_engine):
    replies = dialogue(
        real_engine, "is the tom cruise space movie still happening", "what has liman said last?"
    )
    assert entries(replies)[1] == "cruise-liman-2025-update"


def test_other_trailers_after_the_first_is_the_next_one(real_engine):
    replies = dialogue(
        real_engine, "when was the first vyzov trailer out", "were there other trailers?"
    )
    assert entries(replies) == ["challenge-first-trailer", "challenge-new-trailer"]


def test_when_was_it_after_an_unanswered_thing_asks_about_that_thing(real_engine):
    replies = dialogue(
        real_engine,
        "who plays the lead in vyzov",
        "off topic, but what was polaris dawn exactly",
        "when was that",
    )
    assert entries(replies) == [
        "challenge-lead-actress",
        "abstained",
        "cruise-first-civilian-spacewalk-myth",
    ]


def test_dlinnyy_is_long(real_engine):
    replies = dialogue(real_engine, "kogda vyshel vyzov", "a on ochen dlinnyy?")
    assert entries(replies) == ["challenge-release-date", "challenge-runtime"]


def test_who_piloted_the_craft_home_after_how_they_came_back(real_engine):
    replies = dialogue(real_engine, "what did the vyzov crew come home in", "who piloted it?")
    assert entries(replies) == ["challenge-return-spacecraft", "challenge-return-spacecraft"]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("who produced vyzov", "did the government chip in too?", "challenge-funding"),
        (
            "did the challenge get any prizes",
            "i bet it cleaned up at the golden eagles",
            "challenge-golden-eagle",
        ),
    ],
)
def test_chipping_in_is_funding_and_cleaning_up_at_awards_is_winning(
    real_engine, first, then, expected
):
    assert entries(dialogue(real_engine, first, then))[1] == expected


def test_is_that_wrong_checks_the_claim_just_made(real_engine):
    replies = dialogue(
        real_engine,
        "how many minutes of vyzov were filmed in space",
        "someone told me 35 min, is that wrong?",
    )
    assert entries(replies) == ["challenge-space-minutes-in-film"] * 2


def test_the_film_everyone_keeps_talking_about_is_asked_which_then_answered(real_engine):
    replies = dialogue(
        real_engine,
        "who's directing the space film everyone keeps talking about",
        "the cruise one obv",
    )
    assert entries(replies) == ["ambiguous", "cruise-director"]


def test_who_flew_them_on_the_way_back_is_the_return_crew(real_engine):
    replies = dialogue(
        real_engine, "на каком союзе вернулась пересильд", "а кто им управлял на обратном пути?"
    )
    assert entries(replies) == ["challenge-return-spacecraft"] * 2


@pytest.mark.parametrize("reply", ["русский", "ya pro russkij"])
def test_one_word_for_the_russian_film_answers_which_film(real_engine, reply):
    replies = dialogue(real_engine, "сколько стоил фильм про космос?", reply)
    assert entries(replies) == ["ambiguous", "challenge-budget"]


def test_whoever_foots_the_bill_funds_the_film(real_engine):
    replies = dialogue(real_engine, "who footed the bill for vyzov")
    assert entries(replies) == ["challenge-funding"]


def test_did_they_land_in_russia_is_corrected_with_kazakhstan(real_engine):
    replies = dialogue(
        real_engine, "how many days was peresild on the iss", "did they land in russia?"
    )
    assert entries(replies)[1] == "challenge-landing-site"
    assert "Kazakhstan, not Russia" in replies[1].text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("о чём «Вызов», в двух словах?", "challenge-plot"),
        ("вызов: там героиня кардиохирург и оперирует сердце?", "challenge-synopsis-conflict"),
    ],
)
def test_in_two_words_and_a_heart_surgeon_who_operates(real_engine, question, expected):
    assert entries(dialogue(real_engine, question)) == [expected]


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        (
            "how long did yulia peresild train for the flight",
            "they trained with nasa in houston, right?",
            "challenge-training",
        ),
        ("what's the plot of tom cruise's space movie", "what is it called?", "cruise-title"),
        ("what is SEE-1", "who owns that company then?", "cruise-lesnevskys"),
    ],
)
def test_houston_a_name_and_an_owner_asked_after_the_topic(real_engine, first, then, expected):
    assert entries(dialogue(real_engine, first, then))[1] == expected


def test_mashkov_flying_up_too_is_corrected(real_engine):
    replies = dialogue(
        real_engine, "is vladimir mashkov in vyzov", "did he fly to the iss with them too?"
    )
    assert entries(replies)[1] == "challenge-ground-shooting-after-flight"
    assert "never went to the station" in replies[1].text


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("who does milos bikovic play in vyzov", "he's russian right?", "challenge-bikovic-role"),
        (
            "who directed the challenge",
            "did he also write it?",
            "challenge-screenwriters",
        ),
    ],
)
def test_bikovics_country_and_the_directors_script(real_engine, first, then, expected):
    assert entries(dialogue(real_engine, first, then))[1] == expected


def test_in_all_in_russia_is_not_taken_for_the_countries_it_opened_in(real_engine):
    # «всего» is "in all" here: it was dropped as filler, leaving «по России», which the
    # international release answered; with a total asked and no total for Russia found, the
    # honest answer is that the bot does not know
    replies = dialogue(real_engine, "сколько вызов собрал за первый уикенд", "а всего по россии?")
    assert entries(replies)[1] != "challenge-international-release"
