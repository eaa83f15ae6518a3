"""Follow-up questions: what the bot last answered someone, and reading a question in its light.

"who directed The Challenge?" then "and when did it come out?": the second question names no
film, so it is about the film of the first. "who plays the lead?" then "how old is she?":
"she" is the person of the first answer. "who directed it?" then "and the Cruise one?": the
same question, asked of the other film. A context is kept per asker (a Discord user in a
channel, a chat session) for a limited time, and the store holding them is bounded, so
memory stays flat however many people ask.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING, Generic, TypeVar

from bot.core.analysis import Reading
from bot.core.language import Lang, detector
from bot.core.lexicon import QUESTION_WORDS
from bot.core.loader import KnowledgeBase
from bot.core.normalize import stems, words

if TYPE_CHECKING:
    from bot.core.models import Entity, Entry

FOLLOWUP_SECONDS = 600.0  # ten minutes: long enough to read an answer and ask on
MAX_CONTEXTS = 10_000  # a few hundred bytes each: a few MB at most, however busy the server

# Words that can only mean a person already talked about.
PERSON_WORDS = frozenset("he him his she her hers himself herself hes shes".split())
# Words that may mean a person, or a thing: "they" (the crew, the studio), and Russian
# pronouns, whose gender follows the noun ("его" is the director, or the film: фильм).
MAYBE_PERSON_WORDS = frozenset(
    """
    they them their theirs themselves
    он его ему него нём нем им ним она её ее ей ней неё нее они их них
    ona ego emu nego oni ikh nikh nee ney ey ej
    """.split()
)
# Words that lean on what was said before without naming it ("when was it released?").
BACK_WORDS = (
    PERSON_WORDS
    | MAYBE_PERSON_WORDS
    | frozenset(
        """
    it its itself there that this then also too else
    там тогда это этот этом тоже ещё еще фильм фильме фильма
    tam togda eto etot tozhe eshche film filme filma
    """.split()
    )
)
# Words that, in a short question, stand for a film: "when did it come out?", "когда он вышел?"
WORK_WORDS = frozenset("it its itself он его него нём нем ego nego".split())
# Openings of a question that continues the last one: "and ...", "what about ...", "а ...".
FOLLOW_UP_OPENERS = (
    "and", "also", "what about", "how about", "а", "и", "а что", "ну а",
    # a fragment finishing the last question: "on what rocket?", "from where?"
    "on what", "on which", "in what", "in which", "from where", "from what", "with who",
    "with whom", "by who", "by whom", "at what",
)  # fmt: skip
# "and the director?" after "how long was she up there?": the same question about someone
# else, named by their role, not a question about the role itself
ROLE_WORDS = frozenset(
    """
    director actress actor cosmonaut cosmonauts commander cameraman cinematographer producer
    composer writer screenwriter editor pilot
    режиссёр режиссер режиссёра режиссера актриса актрисы актёр актер командир командира
    оператор оператора продюсер композитор сценарист
    rezhisser rezhissera aktrisa akter komandir operator prodyuser kompozitor stsenarist
    """.split()
)
FILM_WORDS = frozenset("film movie фильм фильме фильма кино kino filme filma".split())
# Pronouns that tell which person is meant: "who plays him?" after an answer about Zhenya and
# the cosmonaut she operates on. Russian "его" may also be the film's (фильм is masculine).
HE_WORDS = frozenset(
    "he him his himself hes он его ему него нём нем ним on ego emu nego nim".split()
)
SHE_WORDS = frozenset(
    "she her hers herself shes она её ее ей ней неё нее ona ee ey ej ney nee".split()
)
# Words for the thing last talked about: "how long did it last?" after the training
THING_WORDS = frozenset(
    "it this that thats thing those these это этого этом eto etogo etom".split()
)
# "они вернулись на нём же?" after the Soyuz they flew up on: «на нём», on it, is the craft
ON_IT_WORDS = frozenset("нём нем nyom".split())
# "how long did it take?": "it" is something that went on (the training), not the film; "last"
# counts only in a "how long" question ("how long did it last", not "the last trailer")
LASTING_WORDS = frozenset(
    "take took last lasted заняло заняла длилось длился zanyalo dlilos".split()
)
# Saying, which the reader takes for filler: "what did she say?" asks what was said of the
# last topic, not who she is
SPEECH_WORDS = frozenset(
    """
    say said says answer answered answers tell told think thought
    сказала сказал сказали ответила ответил ответили говорила говорил говорили
    skazala skazal otvetila otvetil govorila govoril
    """.split()
)
# Words for the place last talked about: "does Cruise film there?" after SEE-1
PLACE_WORDS = frozenset("there там tam".split())
_ON = re.compile(r"\bon\b", re.IGNORECASE)
_UP_THERE = re.compile(r"\bup there\b")
_CHANGES_TOPIC = re.compile(
    r"\b(?:off ?topic|unrelated|different (?:topic|question)|another question|random question"
    r"|side question|не по теме|не в тему|другой вопрос|другая тема|оффтоп|ne po teme|ne v temu"
    r"|drugoy vopros|offtop)\b"
)
# "what did he shoot before that?", «а что он снимал до этого?»: a time, not the last topic
_BEFORE_THAT = re.compile(
    r"\b(?:before|after|since|до|после|do|posle) (?:that|this|then|этого|того|etogo|togo)\b"
)
# "and the second one?": the last question, about the next of something
ORDINAL_WORDS = frozenset(
    "second third fourth next last final второй вторая второе третий третья следующий "
    "последний vtoroy vtoraya tretiy sleduyushchiy posledniy".split()
)
MIN_TOPIC_WORDS = 2  # fewer, asked "what ...?" with no word leaning back, is a new topic
# "when?", "а почему?", "how long??": a question word alone asks it of the last topic; words
# around it that add nothing ("so when then?", "а где же?") are dropped before looking
_BARE_ASKS = frozenset(phrase for phrase, _ in QUESTION_WORDS)
# "from where?", «а откуда?» is where
_AROUND_ASK = frozenset(
    "and so ok okay but then exactly tho though again from а и ну так тогда же именно a i nu tak"
    " togda zhe".split()
)

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Context:
    """What the bot last answered one asker: enough to read their next question."""

    work: str | None  # the film the answer was about
    named: tuple[str, ...]  # the entities the question was about
    people: tuple[str, ...]  # who "she", "him", "they" would mean
    concepts: tuple[str, ...]  # what was asked, for "and the Cruise one?"
    qtype: str | None
    entry: str | None  # the entry answered; None after "which film?"
    lang: Lang
    # what "it" would mean besides a film: the craft, place or company last talked about
    things: tuple[str, ...] = ()


class ContextStore(Generic[K]):
    """The last context per key, for `seconds` after it was set, for at most `max_keys` keys.

    The least recently answered key is dropped first when the store is full.
    """

    def __init__(
        self,
        *,
        seconds: float = FOLLOWUP_SECONDS,
        max_keys: int = MAX_CONTEXTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_keys < 1:
            raise ValueError("a context store holds at least one key")
        self.seconds = seconds
        self.max_keys = max_keys
        self._clock = clock
        self._items: OrderedDict[K, tuple[float, Context]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K) -> Context | None:
        """The key's context, or None when there is none or it is older than the window."""
        found = self._items.get(key)
        if found is None or self.seconds <= 0:
            return None
        at, context = found
        if self._clock() - at > self.seconds:
            del self._items[key]
            return None
        return context

    def put(self, key: K, context: Context) -> None:
        if self.seconds <= 0:  # follow-ups turned off: remember nothing
            return
        self._items[key] = (self._clock(), context)
        self._items.move_to_end(key)
        self._prune()

    def forget(self, key: K) -> None:
        self._items.pop(key, None)

    def _prune(self) -> None:
        now = self._clock()
        # oldest first: stop at the first one still inside the window
        while self._items:
            key, (at, _) = next(iter(self._items.items()))
            if now - at <= self.seconds and len(self._items) <= self.max_keys:
                break
            del self._items[key]


def _continues(tokens: list[str]) -> bool:
    """Does the question open like one continuing the last ("and ...", "а ...")?"""
    opening = " ".join(tokens[:2])
    return any(opening == o or opening.startswith(o + " ") for o in FOLLOW_UP_OPENERS)


def pinned_works(reading: Reading, kb: KnowledgeBase) -> tuple[str, ...]:
    """The works the question's names point at (a work, or a person of one work)."""
    works: dict[str, None] = {}
    for entity_id in (*reading.entities, *reading.context_entities):
        entity = kb.entities[entity_id]
        if entity.kind == "work":
            works[entity.id] = None
        elif entity.kind != "ambiguous" and len(entity.works) == 1:
            works[entity.works[0]] = None
    return tuple(works)


def _names_a_choice(reading: Reading, kb: KnowledgeBase) -> bool:
    return any(kb.entities[e].kind == "ambiguous" for e in reading.entities)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A reading to score, and whether it still needs a film that nothing gave."""

    reading: Reading
    needs_work: bool = False


def resolve(
    question: str, reading: Reading, context: Context | None, kb: KnowledgeBase
) -> tuple[Resolved, ...]:
    """Readings of `question` to try, using `context` for what it leaves out.

    The engine answers with the first of them it can answer; when it answers none, the first
    one's decision stands (it asks which film, or says it does not know).
    """
    if _ON.search(question) and detector(kb).detect(question) == "ru":
        question = _ON.sub("он", question)  # "chto on eshe snimal?": он, not English "on"
    tokens = words(question)
    said = set(tokens)
    joined = " ".join(tokens)
    if context is not None and context.work and not reading.entities:
        film = _film_by_a_word(tokens, reading, context.work, kb)
        if film:  # "and the russian one?" after an answer about Cruise's film
            reading = replace(reading, entities=(film,), concepts=())
    elif context is not None and context.entry is None and not reading.entities:
        film = _film_chosen(reading, kb)
        if film:  # «русский» after "which film do you mean?"
            reading = replace(reading, entities=(film,), concepts=())
    named_person = any(kb.entities[e].kind == "person" for e in reading.entities)
    # "what has he done with cruise before?", "did shipenko say anything about beating him?":
    # the pronoun is someone else, the last answer's person
    someone_else = named_person and _someone_else(tokens, reading, kb)
    named_person = named_person and not someone_else
    # "was he at a SpaceX launch?": SpaceX pins the film, and "he" is still the last person
    someone = bool(PERSON_WORDS & said) and not named_person and context is not None
    pinned = pinned_works(reading, kb) and not (someone and context and context.people)
    # "was anything filmed up there before?": "up there" is space, not the place last named
    here = said - PLACE_WORDS if _UP_THERE.search(joined) else said
    if context is not None and (thing := _thing_beside_film(here, reading, context, kb)):
        # "is it connected to the Tom Cruise movie?" after SEE-1: "it" is not the film it names
        return (Resolved(thing), Resolved(reading))
    if pinned or _names_a_choice(reading, kb):
        # "which film?" answered ("the Cruise one"), or the same question of another film
        if (
            context is not None
            and context.concepts
            and (not reading.concepts or context.entry is None)
        ):
            return (Resolved(_same_question(reading, context, kb)), Resolved(reading))
        return (Resolved(reading),)
    thin = len(reading.concepts) + len(reading.entities) < MIN_TOPIC_WORDS
    continues = _continues(tokens)  # "and ...", "what about ...", "а ..."
    # "a komandir kto byl?": «а» typed in Latin letters, where English "a" cannot open a question
    continues = continues or (
        tokens[:1] in (["a"], ["i"]) and detector(kb).detect(question) == "ru"
    )
    leans_back = continues or bool(BACK_WORDS & said)
    # "who played her?", "and the budget?", "when did it come out?" with no film before them:
    # ask which film rather than guess. Only an opener or a word that must mean a person
    # counts: "is it true ...", "how long were they up there" are asked out of the blue as
    # often as after an answer (and "is it true that ..." is not thin)
    needs_work = continues or bool(PERSON_WORDS & said) or (thin and bool(WORK_WORDS & said))
    if context is None or context.work is None:
        return (Resolved(reading, needs_work=needs_work),)
    placed = replace(reading, context_entities=(*reading.context_entities, context.work))
    bare = reading.qtype is None  # "and the director?"; "and who is the director?" asks who
    role, ordinal = ROLE_WORDS & said, ORDINAL_WORDS & said
    if continues and bare and (role or ordinal) and len(reading.concepts) <= 1:
        # the last question asked again: of the director ("and the director?"), or of the next
        # one ("when was the first trailer out?" then "and the second one?")
        next_one = ordinal and not role
        kept = (c for c in context.concepts if not next_one or c != _FIRST_CONCEPT)
        asked = replace(placed, concepts=_with_topic(kept, reading), qtype=context.qtype)
        # after "and the director?", answering "who is the director?" would be a wrong answer
        return (Resolved(asked),) if role else (Resolved(asked), Resolved(reading))
    last_places = [e for e in context.named if kb.entities[e].kind == "place"]
    if (
        continues
        and reading.qtype in (None, "what")
        and not reading.entities
        and len(reading.concepts) == 1
        and last_places
    ):
        # "what about in Russia?" after "can I watch it in the US?": the last question, asked
        # of the place this one names instead
        others = tuple(e for e in context.named if e not in last_places)
        asked = replace(
            placed,
            concepts=_with_topic(context.concepts, reading),
            entities=others,
            qtype=context.qtype,
        )
        return (Resolved(asked), Resolved(reading))
    # "any other trailers after that?": the last topic named again, with "other"
    own_topic = set(reading.concepts) - _ORDINAL_CONCEPTS - {_AFTER_CONCEPT}
    names_it_again = bool(own_topic) and own_topic <= set(context.concepts)
    if (
        (_ONE & said or names_it_again)
        and (ORDINAL_WORDS | _OTHER_WORDS) & said
        and not reading.entities
        and len(set(reading.concepts) - _ORDINAL_CONCEPTS) <= 1 + names_it_again
        and context.concepts
    ):
        # "was there a second one?", "another one later?" after the first trailer: the next of
        # what was asked about, asked as this question asks it
        kept = (c for c in context.concepts if c != _FIRST_CONCEPT)
        # "another one" or "the next one" after the first is the second
        after_first = _FIRST_CONCEPT in context.concepts and _NEXT_CONCEPT in reading.concepts
        then = () if ORDINAL_WORDS & said and not after_first else (_SECOND_CONCEPT,)
        own_words = (c for c in reading.concepts if not (after_first and c == _NEXT_CONCEPT))
        own = replace(reading, concepts=tuple(own_words))
        asked = replace(placed, concepts=(*_with_topic(kept, own), *then))
        return (Resolved(asked), Resolved(reading))
    # after "who directed it?", a bare "when?" may ask when he was picked, when it came out or
    # when he was born: too open to guess
    if _bare_ask(tokens) and context.qtype not in ("who", "role") and context.concepts:
        # "а где?" after "how long did Peresild train?": where did she train (not for how long:
        # «сколько длилась подготовка» says "long" in a word of its topic)
        kept = (c for c in context.concepts if c != _LONG_CONCEPT or reading.qtype == "how-long")
        asked = replace(placed, concepts=_with_topic(kept, reading), entities=context.named)
        # "how long??" after the seat a NASA astronaut lost: how long he, the person the
        # answer was about, stayed
        people = tuple(p for p in context.people if p not in context.named)
        of_them = replace(placed, entities=people)
        return (Resolved(asked), *((Resolved(of_them),) if people else ()), Resolved(reading))
    # one topic word, asked as "what ...?" with nothing leaning back, opens a new topic
    # ("what's the weather like in Moscow?"); "who was the commander?" continues the last one
    opens = thin and reading.qtype in (None, "what")
    # "how long did it last?" after a question about Peresild's training: "it" is the training,
    # so try that first; after a question that named the film, "it" is the film, unless this
    # one names the film too ("how much of it ended up in the film?")
    named_film = any(kb.entities[e].kind == "work" for e in context.named)
    # "how long did it take / last?": something that went on (the training), never the film
    lasting = reading.qtype == "how-long" and bool(LASTING_WORDS & said)
    named_film = named_film and not FILM_WORDS & said and not lasting
    # who can say something about it: "what did Shipenko / NASA say about it?"
    names_speakers_only = all(
        kb.entities[e].kind in ("person", "organisation") for e in reading.entities
    )
    topic: list[Resolved] = []
    if (
        THING_WORDS & set(_BEFORE_THAT.sub(" ", joined).split())
        and not _FILM_ROLES & set(reading.concepts)  # "who's directing it?": it is a film
        and (not reading.entities or (not reading.concepts and names_speakers_only))
        and len(reading.concepts) <= 1
        and context.concepts
        and not named_film
    ):
        # "what did Shipenko say about it?": the topic, asked of whoever this one names
        concepts = _with_topic(context.concepts, reading)
        entities = reading.entities or context.named
        topic.append(Resolved(replace(placed, concepts=concepts, entities=entities)))
        if lasting:  # the topic, or no answer: not the film's running time
            return tuple(topic)
    craft = (THING_WORDS | ON_IT_WORDS) & said
    # "when was it?" after "what was Polaris Dawn?" (not answered): the thing, asked anew
    asks_of_thing = bool(reading.concepts) or (reading.qtype is not None and not context.concepts)
    if craft and context.things and asks_of_thing and not reading.entities:
        # "who was flying it?" after "what did they fly up on?": it is the craft answered
        topic.insert(0, Resolved(replace(placed, entities=context.things)))
    if (
        context.qtype == "yes-no"
        and reading.concepts
        and set(reading.concepts) < set(context.concepts)
        and set(reading.entities) <= set(context.named)
    ):
        # "can Cruise still be the first civilian to do a spacewalk?" then "who got there
        # first then?": after a yes-or-no question, a word of it asked about is still its topic
        merged = replace(placed, concepts=context.concepts, entities=context.named)
        topic.append(Resolved(merged))
    if (
        continues
        and reading.qtype == "who"
        and not reading.entities
        and len(reading.concepts) == 1
        and not _FILM_ROLES & set(reading.concepts)  # "and who directed it?" asks of the film
        and context.named
    ):
        # "а кто был против?" after the Hero of Russia proposal: who objected to that
        merged = replace(
            placed, concepts=_with_topic(context.concepts, reading), entities=context.named
        )
        topic.append(Resolved(merged))
    people = _fitting(context.people, said, kb)
    if (
        (SPEECH_WORDS & said or reading.concepts)
        and set(reading.concepts) <= _SPEECH_CONCEPTS
        and context.concepts
        and names_speakers_only
    ):
        # "what did she say back?", "how did NASA react?": to the last topic, not who she is
        speakers = reading.entities or (people[:1] if PERSON_WORDS & said else context.named)
        concepts = _with_topic(context.concepts, reading)
        topic.append(Resolved(replace(placed, concepts=concepts, entities=speakers)))
    asks_of_them = reading.qtype != "yes-no" or bool(FILM_WORDS & said)  # not "did anyone ..."
    only_who = not (reading.concepts or reading.entities) and bool(PERSON_WORDS & said)
    if only_who and people and asks_of_them:
        # "where's she from?", "is she in the film?": all it says is who, and "she" says it
        return (*topic, Resolved(replace(placed, entities=people[:1])))
    if not (reading.concepts or reading.entities) or (opens and not leans_back):
        return (*topic, Resolved(reading))  # "how much of it ended up in the film?"
    if context.qtype not in ("who", "role") and len(people) > 1 and not someone_else:
        # "is McQuarrie on Tom's space project?" then "how much is he paid?": he is the one the
        # question named, not another the answer mentions ("who ...?" asks for that one)
        people = tuple(p for p in people if p in context.named) or people
    places = tuple(e for e in context.named if kb.entities[e].kind == "place")
    if PLACE_WORDS & said and places and not reading.entities:
        # "а сколько там собрал?" after a question about China: there is China
        topic.append(Resolved(replace(placed, entities=places)))
    if not people or named_person or not BACK_WORDS & said - _NOT_PEOPLE:
        return (*topic, Resolved(placed))
    # "she" after an answer about an actress and her character: try each, then them together;
    # what the question names besides ("was he at a SpaceX launch?") stays
    groups = [*((p,) for p in people), people] if len(people) > 1 else [people]
    tries = [Resolved(replace(placed, entities=(*reading.entities, *g))) for g in groups]
    if not PERSON_WORDS & said:
        tries.append(Resolved(placed))  # "его" may be the film's: try it without the people
    return (*topic, *tries)


_NOT_PEOPLE = BACK_WORDS - PERSON_WORDS - MAYBE_PERSON_WORDS
_ONE = frozenset({"one", "ones"})
_OTHER_WORDS = frozenset({"another", "other"})  # "another one", "the other one"
_OBJECT_WORDS = frozenset({"him"})  # "her" may be her own ("did Peresild like her role?")
_ROLE_CONCEPT = "play"  # the synonym group of "play", "role", "играет"
# replying and reacting (their synonym groups and stems): said in answer to something
_SPEECH_CONCEPTS = frozenset({"repli", "reaction", "otvet"})
_FIRST_CONCEPT = "first"  # the synonym group of "first", «первый»
_SECOND_CONCEPT = "second"
_NEXT_CONCEPT = "next"
_AFTER_CONCEPT = "after"
# the topic words of ordinal words ("the next one"): where they are, not what
_ORDINAL_CONCEPTS = frozenset(
    {_NEXT_CONCEPT, _SECOND_CONCEPT, "third", "last", "final", _FIRST_CONCEPT}
)
_LONG_CONCEPT = "long"  # "long", "last", «длилась»: how long something went on
# who makes or is in a film (a Russian job keeps its own stem: «продюсер» is prodyuser)
_FILM_ROLES = frozenset(
    "direct actress cast play write produc prodyuser compos kompozitor screenwrit stsenarist"
    " cinematograph".split()
)


def _with_topic(topic: Iterable[str], reading: Reading) -> tuple[str, ...]:
    """The last question's topic words, then this one's, each once."""
    return tuple(dict.fromkeys((*topic, *reading.concepts)))


def _bare_ask(tokens: list[str]) -> bool:
    """Is the question a question word and nothing else ("and when?", "а почему?")?"""
    kept = [t for t in tokens if t not in _AROUND_ASK]
    return bool(kept) and " ".join(kept) in _BARE_ASKS


def _someone_else(tokens: list[str], reading: Reading, kb: KnowledgeBase) -> bool:
    """Does a pronoun stand for someone besides the people the question names: "he" / "she"
    before every word of their names, or "him" anywhere ("him" is never the sentence's own
    subject: that would be "himself")?"""
    if _OBJECT_WORDS.intersection(tokens):
        return True
    pronoun = next((i for i, t in enumerate(tokens) if t in PERSON_WORDS), None)
    if pronoun is None:
        return False
    names = {
        word
        for e in reading.entities
        if kb.entities[e].kind == "person"
        for alias in kb.entities[e].aliases
        for word in words(alias)
    }
    named_at = [i for i, t in enumerate(tokens) if t in names]
    return bool(named_at) and pronoun < named_at[0]


def _film_by_a_word(
    tokens: list[str], reading: Reading, current: str, kb: KnowledgeBase
) -> str | None:
    """The other film, in a follow-up that names it by one word of its nicknames only: "and
    the russian one?", "what about the hollywood one?"."""
    if not _continues(tokens) or len(reading.concepts) != 1:
        return None
    word = tokens[-2] if tokens[-1] in ("one", "film", "movie") and len(tokens) > 1 else None

    def named_by(entity: Entity) -> bool:
        return any(word in a.casefold().split() for a in entity.aliases)

    # a word of this film's names too ("the") tells the films apart no more than "one" does
    if word is None or named_by(kb.entities[current]):
        return None
    return _the_one_film(kb, named_by)


def _film_chosen(reading: Reading, kb: KnowledgeBase) -> str | None:
    """The film a one-word reply to "which film do you mean?" picks: «русский», "ya pro
    russkij" name The Challenge by a word only its names have («русский фильм»)."""
    if len(reading.concepts) != 1 or reading.qtype is not None:
        return None
    word = reading.concepts[0]
    return _the_one_film(
        kb, lambda film: any(word in stems(w) for a in film.aliases for w in words(a))
    )


def _the_one_film(kb: KnowledgeBase, named_by: Callable[[Entity], bool]) -> str | None:
    """The film `named_by` holds for, if it holds for one only."""
    fits = [e.id for e in kb.entities.values() if e.kind == "work" and named_by(e)]
    return fits[0] if len(fits) == 1 else None


def _thing_beside_film(
    said: set[str], reading: Reading, context: Context, kb: KnowledgeBase
) -> Reading | None:
    """ "it" in a question that names only a film (or the one person of a film: "is Cruise
    filming in it?"), when the last one named a thing."""
    if not (THING_WORDS | PLACE_WORDS) & said or not reading.entities:
        return None
    if not all(_stands_for_a_film(kb.entities[e]) for e in reading.entities):
        return None
    things = tuple(
        e for e in context.named if kb.entities[e].kind not in ("work", "person", "ambiguous")
    )
    return replace(reading, entities=(*things, *reading.entities)) if things else None


def _stands_for_a_film(entity: Entity) -> bool:
    return entity.kind == "work" or (entity.kind == "person" and len(entity.works) == 1)


def _fitting(people: tuple[str, ...], said: set[str], kb: KnowledgeBase) -> tuple[str, ...]:
    """The people a question's pronoun can mean: "him" is not the heroine."""
    he, she = bool(HE_WORDS & said), bool(SHE_WORDS & said)
    if he == she:
        return people  # no pronoun, or both: nothing to go by
    wanted = "he" if he else "she"
    return tuple(p for p in people if kb.entities[p].pronoun in (wanted, None))


def _same_question(reading: Reading, context: Context, kb: KnowledgeBase) -> Reading:
    """ "and the Cruise one?", or the answer to "which film?": the last question, asked of
    what this one names."""
    about_people = any(kb.entities[e].kind == "person" for e in context.named)
    entities = []
    for entity_id in reading.entities:
        entity = kb.entities[entity_id]
        # after a question about one film, a person of another film stands for that film
        # (after "which film?", any person of one film stands for it: "Cruise's")
        other_film = len(entity.works) == 1 and entity.works[0] != context.work
        if entity.kind == "person" and not about_people and other_film:
            entities.append(entity.works[0])
        elif context.entry is not None or entity.kind in ("work", "person"):
            entities.append(entity_id)  # after "which film?", only the film or person counts
    # after "which film?", "the one where Tom Cruise is" («тот, где ...») asks nothing new
    asked_which = context.entry is None and not reading.concepts
    qtype = context.qtype if reading.qtype in (None, "what") or asked_which else reading.qtype
    if reading.premised and not asked_which:
        # "so that was Soyuz MS-18, right?" after "when did they launch?" checks a belief about
        # the launch: it does not ask when again
        qtype = reading.qtype
    return replace(
        reading, concepts=context.concepts, entities=tuple(dict.fromkeys(entities)), qtype=qtype
    )


def context_after(reading: Reading, entry: Entry | None, kb: KnowledgeBase, lang: Lang) -> Context:
    """What to remember after answering (`entry`) or asking which film (`entry` None)."""
    works = pinned_works(reading, kb)
    # a correction of a mix-up of both films is about the one it names: "it was Musk's ship,
    # right?" is answered about The Challenge's flight, whatever Musk pins
    about = [e for e in entry.about if _is_work(e, kb)] if entry is not None else []
    if entry is not None and entry.work:
        work: str | None = entry.work
    elif len(about) == 1:
        work = about[0]
    else:
        work = works[0] if works else None
    named = tuple(e for e in reading.entities if kb.entities[e].kind != "work")
    people = tuple(e for e in named if kb.entities[e].kind == "person")
    if entry is not None:
        # "who plays the lead?", "who flew them home?": the answer introduced the person that
        # "she" or "he" will mean, before anyone the question named; after "who does she
        # play?" she is still the actress, and the character comes second
        answered = tuple(
            e
            for e in entry.about
            if e in kb.entities and kb.entities[e].kind == "person" and e not in people
        )
        playing = reading.qtype == "role" or _ROLE_CONCEPT in reading.concepts
        first_answer = reading.qtype == "who" and not playing
        people = (*answered, *people) if first_answer or not people else (*people, *answered)
    return Context(
        things=_things(reading, entry, kb),
        work=work,
        named=reading.entities,
        people=people,
        concepts=reading.concepts,
        qtype=reading.qtype,
        entry=entry.id if entry is not None else None,
        lang=lang,
    )


def changes_topic(question: str) -> bool:
    """ "off topic, but who was Gagarin?", «не по теме, ...»: what came before is left behind."""
    return bool(_CHANGES_TOPIC.search(" ".join(words(question))))


def _is_work(entity_id: str, kb: KnowledgeBase) -> bool:
    return entity_id in kb.entities and kb.entities[entity_id].kind == "work"


def unanswered_context(
    reading: Reading,
    kb: KnowledgeBase,
    lang: Lang,
    before: Context | None = None,
    *,
    new_topic: bool = False,
) -> Context | None:
    """After a question that was not answered: the film and people it named, which "he" or
    "it" in the next one still mean, but not its topic, which no answer settled. None: the
    context `before` it stands; after a question that says it changes the topic
    (`new_topic`), a blank one: "and when did he fly?" then means no one said before."""
    blank = Context(None, (), (), (), None, None, lang) if new_topic else None
    kept = tuple(e for e in reading.entities if kb.entities[e].kind in ("work", "person"))
    named = replace(reading, entities=kept)
    if len(pinned_works(named, kb)) > 1:  # "and when does it come out?": which one?
        return blank
    if kept:
        context = context_after(named, None, kb, lang)
        return replace(context, concepts=(), qtype=None)
    things = tuple(e for e in reading.entities if kb.entities[e].kind in _THING_KINDS)
    if not things or before is None:
        return blank
    # "what was Polaris Dawn?" (not answered): "it" is that now, not the last answer's topic;
    # "they" still means the people talked about before
    works = pinned_works(reading, kb)
    return Context(
        work=works[0] if len(works) == 1 else before.work,
        named=things,
        people=() if new_topic else before.people,
        concepts=(),
        qtype=None,
        entry=None,
        lang=lang,
        things=things,
    )


def _things(reading: Reading, entry: Entry | None, kb: KnowledgeBase) -> tuple[str, ...]:
    """What "it" can mean after this answer: a thing the question named ("the Soyuz"), else the
    one the answer is about ("what did they fly up on?" is answered with Soyuz MS-19, "how did
    they get back?" with Soyuz MS-18)."""
    named = tuple(e for e in reading.entities if kb.entities[e].kind in _THING_KINDS)
    if named or entry is None or reading.qtype in ("who", "role"):  # who: a person answers
        return named
    answered = (e for e in entry.about if e in kb.entities and kb.entities[e].kind in _THING_KINDS)
    return tuple(islice(answered, 1))


_THING_KINDS = frozenset({"spacecraft", "thing", "organisation", "place", "out-of-scope"})
