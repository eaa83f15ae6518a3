"""Words the engine knows regardless of the knowledge base: fillers, question words, synonyms.

All lists are written as people type them (English, Russian, Russian in Latin letters,
Discord slang); the engine stems them the same way it stems questions.
"""

from __future__ import annotations

# Words that carry no topic: grammar, politeness, Discord filler. Question words are here too:
# what is asked is read separately (QUESTION_WORDS), not matched as a topic.
FILLER = """
a an the of to in on at by for from with about into onto over than then as is are was were be been
being am do does did done doing has have had having it its it's this that these those there here
they them their theirs he him his she her hers we us our you your yours u ur ya yall y'all i me my
mine and or but so if not no yes yeah yep nope also too very really actually just only even still
ever any some all each every much many more most such own same other another
what whats what's which who whom whose when where why how hows whats
can could would should shall will wont won't may might must gonna wanna gotta let lets
tell say know knows knew think thought wonder wondering wondered curious question questions quick
please pls plz thanks thank thx ty hey hi hello yo sup hiya bro bruh dude guys guy fam folks
smth sth smthn wat wut wot w abt bc rn imma ig iirc afaik ik idc ofc nvm
lol lmao lmfao rofl haha hahaha ngl tbh imo imho idk fr frfr btw fyi ok okay k kk hmm hm um uh
like kinda sorta basically literally anyway anyone someone somebody anybody everyone people ppl
bot help explain mean means meant right correct true thing things stuff something anything
one ones way get got getting go going went come came make made put see seen look looking
exactly approximately roughly around about actually already yet ago
name named called call
wait whos who's tf wtf huh nah naw lmaooo lmaoo yall omg omfg wow damn dang heck hell jeez geez
sheesh obv obvs obviously ладно ladno
aswell as well part take took takes taking need needed needs want wanted wants gotten
while during since because becuase cause cuz coz though tho although however also
actual actually actualy actuali really rly srsly seriously honestly legit literally kinda
up down there ther thier here where's when's who'll it'll that's there's
someone told tell telling heard hear reading read saw seen watching watched video article
articles post posts reddit twitter youtube online internet google friend friends mate mates
everyone everybody anybody
remember forgot confused confusing interesting cool awesome crazy insane wild amazing nice
good great bad weird funny love loved hate hated guess guessing sure wonder believe thinking
ask asked asking answer answers info information details detail fact facts exact exactly
supposed suppose supposedly apparently allegedly reportedly basically generally probably
maybe perhaps
howd wheres whens whys whered whod whend whatd whyd eshe finally finaly
isnt wasnt arent werent dont doesnt didnt hasnt havent
hadnt cant couldnt wouldnt shouldnt aint hav said says saying besides except absolutely totally
completely super pretty quite extremely
lowkey highkey deadass publicly himself herself themselves itself member members wise
gona gunna wana finna tryna briefly коротко korotko mention mentions mentioned mentioning
ayo давал давала давали daval davala davali
спойлер спойлеры спойлеров без spoiler spoilers spoylerov spoylery
ever never always sometimes often still already yet soon ago later earlier now today
film movie flick kino фильм фильма фильме фильмом кино film's movie's
фильму filmu filma filme filmom
и в во не что чё че он на я с со как а то все всё она так его но да ты к у же вы за бы по только
ее её мне было вот от меня еще ещё нет о из ему теперь ли если уже или ни быть был него до вас
нибудь опять уж вам ведь там потом себя ничего ей может они тут есть надо ней для мы тебя их чем
была сам чтоб без будто чего раз тоже себе под будет ж тогда этот того потому этого совсем ним
здесь этом один почти мой тем чтобы нее сейчас были всех никогда можно при об другой хоть
над больше тот через эти нас про всего них много разве эту моя впрочем хорошо свою этой перед
иногда лучше чуть том нельзя такой им более всегда конечно всю между это эта
привет подскажите подскажи скажите скажи знает знаете кто-нибудь пожалуйста спасибо вопрос
правда вообще реально интересно слышал слышала читал читала говорят говорил
свой свою своего своём вроде типа короче ну блин кстати именно точно просто
privet pravda voobshche realno interesno slyshal govoryat svoy svoi tipa koroche nu kstati
dela зовут zovut такой такая takoy takaya вообще voobshe
хотел хотела хотели хочет хотят хотеть хочу khotel khotela khoteli khochet khotyat khotet
дали дал дала dali dal dala выйти vyyti дать давать
какого каким каких всей котором деле чей чья
неужели kakogo kakim kakikh kotorom chey chya neuzheli какому которую kakomu kotoruyu
какой какая какое какие каком какую
куда kuda конкретно konkretno кратко kratko
officially официально ofitsialno
ой ах oy спрашивал спрашивала спрашиваю спросил спросила sprashival sprashivala sprashivayu
оттуда туда сюда отсюда ottuda tuda syuda otsyuda
основном osnovnom
должен должна должны должно dolzhen dolzhna dolzhny dolzhno собирался собиралась собирались
sobiralsya sobiralas sobiralis
cousin cousins grandma grandpa granny nerd nerds dinner lunch essay argue arguing argued insist
insists insisting insisted swear swears swore random vibe vibes brag brags bragged bragging flex
flexed flexing bother bothered
расскажи расскажите расскажешь рассказать rasskazhi rasskazhite rasskazhesh rasskazat
kto chto kogda gde skolko pochemu zachem kak kakoy kakaya kakie eto etot eta v na s i a no
ili ne ni da net uzhe esche eshche tolko privet podskazhite skazhite pozhaluysta spasibo
""".split()

# Words that general stop-word lists call filler but that can carry what a fan asks about
# ("Shipenko's next film", "how old", "in which year"): these stay topic words.
NOT_FILLER = frozenset(
    """
next previous previously prior later latest newest newer older oldest young younger youngest
high higher highest low lower small smaller big bigger biggest third second million billion
trillion thousand hundred eight nine seven eleven fifteen fifty forty sixty seventy eighty
ninety twice novel computer fire free room rooms man miss web website value system group groups
line index bill ring mug side sides thick thin important words works face faces cry stop move
turn turned problems present presented opens order ended beginning began became become
interest interested available possible welcome width mil mill against
откуда otkuda против protiv
лет человек люди миллионов тысяч процентов жизнь мира имя раньше позже недавно давно долго
два две двух три четыре пять шесть семь восемь девять десять второй третий первый весь вся
""".split()
)

# Word pairs that mean one thing and would otherwise be misread: "zero gravity" is not the
# film «Gravity». Rewritten before names are looked up.
PHRASES: dict[str, str] = {
    "zero gravity": "weightlessness",
    "zero g": "weightlessness",
    "microgravity": "weightlessness",
    "b4": "before",
    "выйти в открытый космос": "spacewalk",
    "выходила в открытый космос": "spacewalk",
    "выходил в открытый космос": "spacewalk",
    "выйдет в открытый космос": "spacewalk",
    "вышла в открытый космос": "spacewalk",
    "вышел в открытый космос": "spacewalk",
    "выход в открытый космос": "spacewalk",
    "выходить в открытый космос": "spacewalk",
    "открытый космос": "spacewalk",
    "открытом космосе": "spacewalk",
    "открытого космоса": "spacewalk",
    "vyyti v otkrytyy kosmos": "spacewalk",
    "otkrytyy kosmos": "spacewalk",
    "walk in space": "spacewalk",
    "walked in space": "spacewalk",
    "walking in space": "spacewalk",
    "space walk": "spacewalk",
    "up there": "in orbit",
    # helping someone is a topic ("did anyone help him?"); "help" alone asks the bot for help
    **{f"help {whom}": f"helped {whom}" for whom in ("him", "her", "them", "shipenko")},
    # «уик-энд», split at its hyphen, is the weekend («уикенд»)
    "уик энд": "уикенд",
    "uik end": "uikend",
    # how a film did is how well it did: at the box office, with critics
    "how did it do": "how successful was it",
    "how'd it do": "how successful was it",
    "how did the film do": "how successful was the film",
    "how did the movie do": "how successful was the movie",
    # «все были за эту идею?»: for it, on board with it
    "за эту идею": "on board",
    "za etu ideyu": "on board",
    # saying something back is answering, not coming back
    "say back": "reply",
    "said back": "replied",
    "say in response": "reply",
    # money put into a film is spent on it
    "putting into": "spending on",
    "put into": "spent on",
    "pouring into": "spending on",
    "poured into": "spent on",
    # flying a craft is piloting it, where flying in one is launching: "who was flying it?"
    "flying it": "piloting it",
    "flew it": "piloted it",
    "flying the soyuz": "piloting the soyuz",
    "flew the soyuz": "piloted the soyuz",
    "flying the thing": "piloting the thing",
    "flying the ship": "piloting the ship",
    "flew the ship": "piloted the ship",
    # flying home is coming back, with no launch in it: "what did they fly home on?"
    "fly home": "come home",
    "flew home": "came home",
    "flying home": "coming home",
    "fly back": "come back",
    "flew back": "came back",
    "flying back": "coming back",
    # what someone thought of it is how they took it
    "think of": "reaction",
    "thought of": "reaction",
    "think about": "reaction",
    "thought about": "reaction",
    "feel about": "reaction",
    "felt about": "reaction",
    # the flight back is the return, not a launch: "who commanded the return flight?"
    "return flight": "return",
    "flight home": "return",
    "flight back": "return",
    "обратный полёт": "возвращение",
    "обратный полет": "возвращение",
    "обратным полётом": "возвращение",
    "обратным полетом": "возвращение",
    "обратного полёта": "возвращение",
    "обратного полета": "возвращение",
    "обратном полёте": "возвращение",
    "обратном полете": "возвращение",
    # a crew goes up and comes down: launch and landing
    "go up": "launch",
    "blast off": "launch",
    "blasted off": "launch",
    "take off": "launch",
    "took off": "launch",
    "lift off": "launch",
    "lifted off": "launch",
    "goes up": "launch",
    "going up": "launch",
    "went up": "launch",
    "come down": "land",
    "comes down": "land",
    "coming down": "land",
    "came down": "land",
    # footage that ended up in the film was used there
    "ended up in": "used in",
    "end up in": "used in",
    "ends up in": "used in",
    "made it into": "used in",
    "make it into": "used in",
    "ended up": "",  # "how much of it ended up in the film": no ending, no landing
    "in person": "",  # "did Liman watch a launch in person": no person is asked about
    "show up": "",  # "did Rogozin show up at the landing": there, not a show
    "showed up": "",
    "shows up": "",
    "turn up": "",
    "turned up": "",
    "fake news": "",  # "or is that fake news": whether it is true, asked anyway
    "end up": "",
    "ends up": "",
    "picked it up": "acquired it",
    "picked up": "acquired",
    "every scene": "whole film",
    # "out" is a release only after a verb of being or coming: "help out", "find out" are not
    "help out": "",
    "come out": "release",
    "came out": "release",
    "comes out": "release",
    "coming out": "release",
    "out yet": "release",
    "be out": "release",
    "is out": "release",
    "was out": "release",
    "it out": "release",
    "out in": "release in",
    "out on": "release on",
    "all of it": "whole",
    "in the first place": "",
    # something that went wrong was a problem, not a wrong name
    "go wrong": "problem",
    "goes wrong": "problem",
    "went wrong": "problem",
    "gone wrong": "problem",
    "going wrong": "problem",
    # "is it any good?": what critics and viewers thought
    "is it good": "reviews",
    "is it any good": "reviews",
    "actually good": "reviews",
    "any good": "reviews",
    "worth watching": "reviews",
    "worth seeing": "reviews",
    # «кто снимает фильм» asks who directs it («кто снимал на МКС» may be the camera)
    "кто снимает": "кто режиссёр",
    "кто будет снимать": "кто режиссёр",
    "kto snimaet": "kto rezhisser",
    "kto budet snimat": "kto rezhisser",
    "в итоге": "",
    # «а если точно, по часам?»: exactly, not "for sure"
    "если точно": "точное",
    "если точнее": "точное",
    "esli tochno": "tochnoe",
    # «а Рогозин там каким боком?»: how is he involved
    "каким боком": "involved",
    "kakim bokom": "involved",
    # how to answer, not what: "no spoilers please", «без сильных спойлеров»
    "без сильных спойлеров": "",
    "без спойлеров": "",
    "bez spoylerov": "",
    "no spoilers": "",
    "without spoilers": "",
    "spoilers are fine": "",
    "spoilers are ok": "",
    "spoiler free": "",
    "make up": "makeup",  # "make-up" splits into two filler words
    "make-up": "makeup",
    # recouping the budget is box office measured against cost
    "make its money back": "gross budget",
    "made its money back": "gross budget",
    "its money back": "budget",  # after "did it make" has been read as "did it gross"
    "their money back": "budget",
    "break even": "gross budget",
    "broke even": "gross budget",
    # «на чём вернулись?»: on which craft
    "на чём": "на каком корабле",
    "на чем": "на каком корабле",
    "na chem": "na kakom korable",
    "v itoge": "",
    "final film": "film",  # the film as released; "finally" alone is filler
    "final cut": "film",
    "finished film": "film",
    "final version": "film",
    "final movie": "movie",
    "finished movie": "movie",
    # "how much did it make": money made at the box office
    "did it make": "did it gross",
    "movie make": "movie gross",
    "film make": "film gross",
    "at the time": "",  # "how old was she at the time?": then, not a clock time
    "at that time": "",
    "back then": "",
    # "did NASA back it?": support, not coming back
    "back it": "support it",
    "back the film": "support the film",
    "back the movie": "support the movie",
    "back the project": "support the project",
    # time spent in orbit, not money spent
    "spent in space": "in space",
    "spend in space": "in space",
    "spent in orbit": "in orbit",
    "spent up there": "up there",
    "spent on the iss": "on the iss",
    "spent on the station": "on the station",
    # flying again, not coming home: "will she ever go back to space?"
    "go back to space": "fly again",
    "going back to space": "fly again",
    "go back into space": "fly again",
    "return to space": "fly again",
    "been back to space": "fly again",
    "been back in space": "fly again",
    "been back to the iss": "fly again to the iss",
    "went back to space": "fly again",
    "gone back to space": "fly again",
    # a project that is still happening has a status; what happens on screen does not
    "still happening": "status",
    "actually happening": "status",
    "even happening": "status",
    "is it happening": "status",
    "what is happening": "status",
    "whats happening": "status",
    "going on with": "status",  # "what's going on with Cruise's film?"
    "whats up with": "what status",  # not "teamed up with"
    "these days": "currently",  # "what is Vande Hei doing these days?": not a count of days
    "nowadays": "currently",
    "что сейчас с": "что status",  # «что сейчас с фильмом Круза?»
    "что там с": "что status",
    "как там": "что status",
    "chto seychas s": "chto status",
    "chto tam s": "chto status",
    "kak tam": "chto status",
    # "was NASA really into it?": keen on it, not a part of it
    "really into it": "excited about it",
    "was into it": "excited about it",
    "were into it": "excited about it",
    "is into it": "excited about it",
    "are into it": "excited about it",
    # who ran an agency headed it ("who ran the camera" is no agency: only these phrases)
    "running nasa": "head of nasa",
    "ran nasa": "head of nasa",
    "running roscosmos": "head of roscosmos",
    "ran roscosmos": "head of roscosmos",
    "in charge of": "head of",
    "touch down": "land",
    "touched down": "land",
    "touches down": "land",
    "in a row": "consecutive",  # "how many days in a row": a record, not a count of rows
    "by hand": "manually",
    # "how much of it made it into the film?": a share of what was just talked about
    "how much of it": "how much share of it",
    "how much of that": "how much share of that",
    "how much of the footage": "how much share of the footage",
    # "read" is mostly "I read that ..."; what someone had to read out is a recitation
    "have to read": "recite",
    "had to read": "recite",
    "them read": "them recite",
    "mess with": "edit",
    "messed with": "edit",
    "mess around with": "edit",
    "penciled in": "planned",  # "wasn't Cruise penciled in for Ax-1?"
    "pencilled in": "planned",
    "started the company": "founded the company",  # not a launch
    "start the company": "founded the company",
    "set up the company": "founded the company",
    "hyped up": "",  # "who hyped up the spacewalk": who talked of it
    "hype up": "",
    "get out of it": "paid",  # "how much is Tom getting out of it?"
    "getting out of it": "paid",
    "make out of it": "paid",
    "making out of it": "paid",
    "make off it": "paid",
    "making off it": "paid",
    "make off the": "paid for the",
    "originally from": "hometown",  # "where's Peresild from originally?"
    "from originally": "hometown",
    "sent in": "",  # "how many women sent in applications": applied
    "send in": "",
    "back in": "in",  # "back in 2020": then, not a return
    "come back in": "come back",  # "did they come back in the same soyuz?": a return
    "came back in": "came back",
    "coming back in": "coming back",
    "up to the iss": "launch to the iss",  # "which spacecraft carried them up to the ISS"
    "up to the station": "launch to the station",
    "went to see": "viewers",  # "how many people went to see it": admissions
    "go to see": "viewers",
    "figure out": "",  # "did they ever figure out insurance": the insurance is the topic
    "figured out": "",
    "sort out": "",
    "sorted out": "",
    # "how many hours did he film": the verb, where "film" alone is the film
    "manage to film": "shoot",  # before "manage to" is dropped, leaving "film" the film
    "managed to film": "shoot",
    "he film": "he shoot",
    "she film": "she shoot",
    "they film": "they shoot",
    "we film": "we shoot",
    # taking part in something is being involved in it, not a part of the film
    "took part in": "involved in",
    "take part in": "involved in",
    "taking part in": "involved in",
    "takes part in": "involved in",
    "manage to": "",
    "managed to": "",
    "dealt with": "",  # coping, not a contract: "the deal with Universal" stays a deal
    "dealing with": "",
    "to deal with": "",
    "they deal with": "",
    "broke the story": "announced",
    "broke the news": "announced",
    # a tag that asks for yes or no: "is it dead or what", not a question about a thing
    "or what": "",
    # a trailer that drops comes out; a project that is dropped is cancelled
    "trailer drop": "trailer release",
    "trailer dropped": "trailer release",
    "trailer drops": "trailer release",
    "съёмочная группа": "crew",
    "съемочная группа": "crew",
    "съёмочной группы": "crew",
    "съемочной группы": "crew",
    "съёмочную группу": "crew",
    "съемочную группу": "crew",
    "съёмочной группой": "crew",
    "съемочной группой": "crew",
    "semochnaya gruppa": "crew",
    "semochnoy gruppy": "crew",
    "syomochnaya gruppa": "crew",  # "how long was she up there?": in space, not the trip up
    # "лет" reads as the English filler "let" once transliterated
    "сколько лет": "сколько возраст",
    "skolko let": "skolko vozrast",
    # «скока»: сколько as chats spell it
    "скока лет": "сколько возраст",
    "skoka let": "skolko vozrast",
    # "did the state chip in?": put money in; "it cleaned up at the awards": won them
    "chip in": "fund",
    "chipped in": "funded",
    "chips in": "funds",
    "cleaned up at": "won at",
    "clean up at": "win at",
    # "what did Liman say about it last?": said most recently, not how long something lasted
    "about it last": "about it recently",
    "say last": "say recently",
    "said last": "said recently",
    "last said": "recently said",
    # "наши обогнали Круза": ours, to a Russian fan, are the Russians
    "наши": "русские",
    "nashi": "russkie",
    "наших": "русских",
    "nashikh": "russkikh",
    "скока": "сколько",
    "skoka": "skolko",
    "сколько ему было лет": "сколько возраст",
    "сколько ей было лет": "сколько возраст",
    # "I read 35 min somewhere, is that wrong?": a check of what was just said, as "right?" is
    "is that wrong": "is that right",
    "is this wrong": "is this right",
    "was that wrong": "was that right",
    "is it wrong": "is it right",
    # «кто снимал, режиссёр в смысле»: "I mean", not the meaning of something
    "в смысле": "",
    "v smysle": "",
    # "that space film ppl keep talking about": what people talk of is not the topic
    "keep talking about": "",
    "keeps talking about": "",
    "kept talking about": "",
    "been talking about": "",
    # «кто командиром был на обратном пути?»: the way back is the return («путь» is no "put")
    "на обратном пути": "возвращение",
    "обратном пути": "возвращение",
    "обратный путь": "возвращение",
    "обратного пути": "возвращение",
    "na obratnom puti": "vozvrashchenie",
    "obratnom puti": "vozvrashchenie",
    "obratnyy put": "vozvrashchenie",
    # "who's footing the bill?": paying for the film, not being paid
    "footing the bill": "funding",
    "foot the bill": "fund",
    "footed the bill": "funded",
    "foots the bill": "funds",
    # «про что Вызов, в двух словах?»: said briefly, which is not a topic
    "в двух словах": "",
    "v dvukh slovakh": "",
    "in a nutshell": "",
    # a film shown "outside Russia" was shown abroad
    "outside russia": "abroad",
    "outside of russia": "abroad",
    # "how many ppl were on the station?": people are the topic here, not filler
    **{
        f"how many {people} {on}": f"how many crew {on}"
        for people in ("people", "ppl")
        for on in ("were on", "on", "aboard", "were aboard", "on board", "were on board")
    },
    # "what training did they go through?": underwent
    "go through": "",
    "went through": "",
    "going through": "",
    # "what day did they come back?": when, with no count of days in it
    "on what day": "when",
    "on what date": "when",
    "on which day": "when",
    "what day": "when",
    "what date": "when",
    "which day": "when",
    # "is it in russian only?": the language it is in, not its Russian title
    "in russian only": "language russian",
    "only in russian": "language russian",
    "russian only": "language russian",
    # "the first film partly shot in orbit": shot there, not a part of a film
    "partly shot": "shot",
    "partly filmed": "filmed",
    "partially shot": "shot",
    "partially filmed": "filmed",
    # "was it mid?": mediocre, a verdict asked for (not the middle of May)
    "was it mid": "reviews",
    "is it mid": "reviews",
    "or mid": "",
    # «а всего по России?»: in all, where «всего» alone is mostly "only"
    "а всего": "а total",
    "всего по": "total по",
    "a vsego": "a total",
    "vsego po": "total po",
    # "why do some sites call it ...": web listings, not a launch or landing site
    "some sites": "listings",
    "some websites": "listings",
    "other sites": "listings",
    "sites call": "listings call",
    "sites list": "listings",
    # «Вызов взял Золотого орла?»: took an award is won it («взяли на роль» is cast)
    **{
        f"{took} {award}": f"выиграл {award}"
        for took in ("взял", "взяла", "взяли")
        for award in ("золотого орла", "премию", "приз", "награду", "госпремию", "оскар")
    },
    **{
        f"{took} {award}": f"vyigral {award}"
        for took in ("vzyal", "vzyala", "vzyali")
        for award in ("zolotogo orla", "premiyu", "priz", "nagradu", "gospremiyu", "oskar")
    },
    # "what's it even called?": the film's title
    "is it called": "title",
    "it even called": "title",
    "its called": "title",
    "it gonna be called": "title",
    "will it be called": "title",
    # "how long were they on the iss?": how long they stayed, not how long its scenes run
    **{
        f"long {be} {who} {on}": f"long stay {on}"
        for be, who in (("were", "they"), ("was", "she"), ("was", "he"))
        for on in ("on", "aboard", "at")
    },
}
# what a cinema ticket costs is no budget and no box office: a topic nothing we know answers
_TICKET_PRICE = (
    "ticket price", "ticket prices", "tickets cost", "ticket cost", "a ticket cost", "is a ticket",
    "are tickets", "were tickets", "was a ticket", "сколько стоит билет", "сколько стоил билет",
    "сколько стоили билеты", "сколько стоят билеты", "билеты сколько стоили",
    "билет сколько стоит", "цена билета", "цены на билеты", "skolko stoit bilet",
    "skolko stoili bilety", "bilety skolko stoili", "tsena bileta",
)  # fmt: skip
PHRASES |= dict.fromkeys(_TICKET_PRICE, "ticketprice")
# «снимался в "Вызове"» («в фильме снялась») is acting in the film, where «снимался» alone is
# being filmed
_ACTED = ("snimalsya", "snimalas", "snimalis", "snyalsya", "snyalas", "snyalis")
_IN_FILM = ("v vyzove", "v filme", "v kino", "tam")  # «кто там снялся?»: in the film
PHRASES |= {f"{verb} {film}": f"igraet {film}" for verb in _ACTED for film in _IN_FILM}
PHRASES |= {f"{film} {verb}": f"{film} igraet" for verb in _ACTED for film in _IN_FILM}
# a film plays in cinemas, or hits them: shown there, not acted in, nor a hit (the "us" of
# "US cinemas" is spelt out here too: phrases are replaced once, from the left, so "hit" would
# be left before "us cinemas")
_SHOWN = ("play in", "played in", "playing in", "hit", "hits")
_CINEMAS = ("cinemas", "theaters", "theatres")
PHRASES |= {
    f"{verb} {where}{place}": f"released in {country}{place}"
    for verb in _SHOWN
    for where, country in (("", ""), ("american ", "american "), ("us ", "american "))
    for place in (*_CINEMAS, *(("imax",) if verb.startswith("play") else ()))
}
# "US theaters": with the capitals gone, "us" before a word of film-going is the country,
# not "tell us"
PHRASES |= {
    f"us {noun}": f"american {noun}"
    for noun in (
        "theaters", "theatres", "theater", "theatre", "cinemas", "cinema", "release", "box office",
        "audiences", "audience", "premiere", "market", "viewers", "distribution", "distributor",
    )
}  # fmt: skip

# A message that opens like an order to the bot is not a question, whatever follows it.
COMMAND_OPENERS = (
    "ignore", "disregard", "forget", "repeat", "say", "print", "pretend", "act as", "you are now",
    "from now on", "reveal", "output", "write", "translate", "roleplay", "simulate",
    "игнорируй", "забудь", "повтори", "скажи", "притворись",
)  # fmt: skip

# First matching phrase decides the kind of question. Longer phrases first.
QUESTION_WORDS: tuple[tuple[str, str], ...] = (
    ("how long ago", "when"), ("во сколько часов", "when"), ("vo skolko chasov", "when"),
    ("во сколько", "when"), ("vo skolko", "when"),  # at what time, not how many
    ("в котором часу", "when"), ("v kotorom chasu", "when"),
    ("how long", "how-long"), ("how many days", "how-long"), ("how many hours", "how-many"),
    ("how many minutes", "how-many"), ("how much time", "how-long"), ("how many", "how-many"),
    ("how much", "how-much"), ("what year", "when"), ("which year", "when"),
    ("what date", "when"), ("what day", "when"), ("release date", "when"),
    ("what time", "when"), ("what role", "role"), ("which role", "role"),
    ("who played", "role"), ("who plays", "role"), ("who did", "role"),
    ("сколько времени", "how-long"), ("сколько дней", "how-long"), ("как долго", "how-long"),
    ("сколько", "how-many"), ("насколько", "how-much"), ("naskolko", "how-much"),
    ("skolko", "how-many"), ("в каком году", "when"), ("v kakom godu", "when"),
    ("кого играет", "role"), ("кого сыграла", "role"), ("kogo igraet", "role"),
    ("who", "who"), ("whos", "who"), ("whom", "who"), ("whose", "who"),
    ("как зовут", "who"), ("kak zovut", "who"), ("кто такая", "who"), ("кто такой", "who"),
    ("kto takaya", "who"), ("kto takoy", "who"),
    ("кто", "who"), ("kto", "who"), ("кому", "who"), ("komu", "who"), ("с кем", "who"),
    ("s kem", "who"),
    ("when", "when"), ("когда", "when"), ("kogda", "when"),
    ("where", "where"), ("где", "where"), ("gde", "where"), ("куда", "where"), ("откуда", "where"),
    ("why", "why"), ("почему", "why"), ("зачем", "why"), ("pochemu", "why"), ("zachem", "why"),
    ("which", "which"), ("какой", "which"), ("какая", "which"), ("какие", "which"),
    ("каком", "which"), ("какую", "which"), ("каким", "which"), ("какого", "which"),
    ("kakom", "which"), ("kakuyu", "which"), ("kakim", "which"), ("kakogo", "which"),
    ("kakoy", "which"), ("kakaya", "which"), ("kakie", "which"),
    ("what", "what"), ("whats", "what"), ("howd", "how"), ("wheres", "where"),
    ("whered", "where"), ("whod", "who"), ("whend", "when"), ("whatd", "what"), ("whyd", "why"),
    ("whens", "when"), ("whys", "why"), ("wat", "what"), ("wen", "when"),
    ("что", "what"), ("chto", "what"),
    ("how", "how"), ("как", "how"), ("kak", "how"),
)  # fmt: skip

# Kinds of question that an entry can answer for each kind asked.
COMPATIBLE_ASKS: dict[str, frozenset[str]] = {
    "who": frozenset({"who", "role"}),
    "role": frozenset({"role", "who"}),
    "when": frozenset({"when"}),
    "where": frozenset({"where"}),
    "why": frozenset({"why", "how", "what"}),
    # "how did they ...": the way something went, or how it did ("at the box office")
    "how": frozenset({"how", "what", "why", "how-much", "how-many", "yes-no"}),
    "how-long": frozenset({"how-long", "how-many"}),
    "how-many": frozenset({"how-many", "how-much", "how-long"}),
    "how-much": frozenset({"how-much", "how-many"}),
}

# Groups of words meaning one thing; the first word names the group.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("direct", "director", "directed", "directing", "directs", "dir", "helmed", "helm", "helmer",
     "filmmaker", "режиссёр", "режиссер", "режиссировал", "rezhisser", "rezhiser", "rejisser",
     "rezisser", "snyal", "снял", "постановщик"),
    ("actress", "actor", "star", "starred", "starring", "lead", "leading", "актриса", "актёр",
     "актер", "aktrisa", "akter", "главная", "glavnaya"),
    ("play", "played", "plays", "playing", "portray", "portrayed", "portrays", "role", "roles",
     "играет", "играла", "сыграла", "сыграл", "роль", "роли", "igraet", "igrala", "sygrala",
     "rol"),
    # the person in the story, not the actor: "Peresild's character" is Zhenya ("hero" is also
    # a title, Hero of Russia)
    ("character", "characters", "heroine", "protagonist", "персонаж", "персонажа", "героиня",
     "героини", "героиню", "героиней", "geroinya", "geroini", "personazh"),
    ("cast", "actors", "castmembers", "актёры", "актеры", "актёрский", "aktery", "состав"),
    ("release", "released", "releases", "releasing", "premiere", "premiered", "premieres",
     "debut", "debuted", "opened", "opening", "theaters", "theatres", "cinemas", "cinema",
     "выход", "вышел", "выйдет", "выходит", "премьера", "премьеры", "прокат", "прокате",
     "vyshel", "vyidet", "vyydet", "premiera", "premyera", "prokat", "kinoteatr", "кинотеатрах"),
    ("budget", "cost", "costs", "costed", "expensive", "price", "money", "spent", "spend",
     "бюджет", "стоил", "стоимость", "byudzhet", "budzhet", "stoil"),
    ("gross", "grossed", "earn", "earned", "earnings", "boxoffice", "box", "revenue", "office",
     "sales", "сборы", "собрал", "касса", "sbory", "sobral", "kassa"),
    ("reaction", "hype", "hyped", "hyping", "react", "reacted", "reacts", "comment", "commented",
     "comments", "respond", "responded", "response", "реакция", "реакцию", "отреагировал",
     "отреагировали", "прокомментировал", "прокомментировали", "комментарий", "reaktsiya",
     "otreagiroval", "отнеслись", "отнёсся", "отнесся", "отнеслась", "otneslis", "otnessya"),
    ("injured", "injury", "injuries", "hurt", "hurts", "wounded", "wound", "травма", "травмы",
     "травму", "травмой", "травмирован", "травмированного", "травмированный", "раненый",
     "раненого", "ранен", "ранение", "travma", "travmu", "travmy", "ranen", "ranenyy"),
    ("long", "length", "runtime", "duration", "lasts", "last", "longer", "длится", "длилось",
     "длилась", "длился", "длились", "dlilos", "dlilas", "dlilsya", "dlitsya",
     "длительность", "хронометраж", "dlitsya", "dlitelnost", "длинный", "длинная", "длинное",
     "dlinnyy", "dlinnyi", "dlinnyj", "dlinnaya"),
    ("born", "birth", "birthday", "birthdays", "bday", "birthdate"),
    ("day", "days", "дней", "дня", "сутки", "суток", "dney", "dnei", "sutok", "week", "weeks"),
    # "how long did they chill on the iss": stay there
    ("stay", "stays", "stayed", "staying", "chill", "chilled", "chilling"),
    ("month", "months", "месяц", "месяца", "месяцев", "полгода", "mesyats", "mesyatsev",
     "polgoda"),
    ("hour", "hours", "hrs", "часов", "часа", "chasov"),
    ("minute", "minutes", "mins", "min", "минут", "минуты", "minut"),
    ("footage", "material", "materials", "отснятый", "отснятого", "материал", "материала",
     "otsnyatyy"),
    ("shoot", "shot", "shooting", "shoots", "film", "filmed", "filming", "record", "recorded",
     "снимали", "снимал", "съёмки", "съемки", "съёмок", "снято", "сняли", "сняла", "снят",
     "snyali", "snyala", "snyat",
     "snimali", "semki", "syomki", "снимать", "снимут", "снимает",
     "снимают", "снимала", "snimat", "snimut", "snimaet", "snimayut", "snimala"),
    ("space", "orbit", "orbital", "outer", "космос", "космосе", "космическ", "kosmos", "kosmose",
     "орбите", "orbite", "zero", "gravity", "weightlessness", "невесомости"),
    ("launch", "launched", "blast", "blasted", "liftoff", "lift", "flew", "fly", "flies", "flys",
     "flight", "flying", "старт", "стартовали", "полёт", "полет", "полетели", "улетели",
     "polet", "zapusk", "запуск", "прилетели", "летал", "летала", "полетела", "prileteli",
     "letal", "letala", "poletela", "лететь", "letet", "полететь", "poletet"),
    ("land", "landed", "landing", "return", "returned", "back", "came", "home",
     "приземлились", "посадка", "посадки", "вернулись", "возвращение", "posadka", "posadki",
     "vernulis", "вернуть", "вернуться", "vernut", "vernutsya", "приземлилась", "вернулась",
     "возвращались", "возвращалась", "возвращался", "vozvrashchalis", "vozvrashchalas",
     "вернулся", "prizemlilas", "vernulas", "vernulsya", "обратно", "obratno"),
    ("problem", "problems", "trouble", "troubles", "issue", "issues", "glitch", "glitches",
     "malfunction", "проблема", "проблемы", "проблемой", "сбой", "problema", "problemy", "sboy"),
    # «сценарий» is the script: its stem is not the English word's
    ("script", "scripts", "screenplay", "screenplays", "сценарий", "сценария", "сценарию",
     "сценарии", "stsenariy", "stsenariya", "scenariy", "scenariya"),
    ("trailer", "teaser", "trailers", "трейлер", "тизер", "treiler", "treyler", "tizer"),
    ("award", "awards", "prize", "prizes", "won", "win", "wins", "winning", "honour", "honor",
     "премия", "награда", "награды", "nagrada", "premiya", "nominated", "nomination", "выиграл",
     "выиграла", "выиграли", "vyigral", "vyigrala", "vyigrali"),
    ("stream", "streaming", "watch", "online", "netflix", "digital", "rent", "vod", "смотреть",
     "посмотреть", "онлайн", "smotret", "posmotret"),
    ("plot", "story", "synopsis", "storyline", "premise", "сюжет", "syuzhet"),
    ("country", "countries", "abroad", "international", "worldwide", "страны", "странах",
     "strany", "overseas", "foreign"),
    ("train", "training", "trained", "prepare", "prepared", "preparation", "подготовка",
     "готовились", "готовилась", "готовился", "подготовилась", "тренировки", "podgotovka"),
    ("cosmonaut", "cosmonauts", "astronaut", "astronauts", "космонавт", "космонавты",
     "kosmonavt", "kosmonavty", "астронавт", "астронавты", "астронавтом", "астронавтами",
     "astronavt", "astronavty"),
    ("spacewalk", "eva", "выход в открытый космос"),
    ("cancel", "cancelled", "canceled", "scrapped", "shelved", "dead", "dropped", "abandoned",
     "canned", "axed",
     "отменён", "отменили", "отменен"),
    ("status", "update", "updates", "news", "latest", "progress", "now", "current",
     "currently", "recent", "recently", "lately"),
    ("previous", "previously", "prior", "раньше", "ранее", "прежде", "предыдущий", "предыдущие",
     "предыдущих", "ranshe", "ranee", "prezhde", "predydushchie"),
    ("candidate", "candidates", "кандидат", "кандидата", "кандидатка", "кандидатки",
     "кандидаток", "кандидаткам", "претендентка", "претендентки", "претенденток", "kandidat",
     "kandidatka", "kandidatki", "kandidatok", "pretendentka", "pretendentok"),
    # "who was against it?" asks who objected: stop-word lists drop "against" and «против»
    ("against", "oppose", "opposed", "opposing", "opposition", "object", "objected", "objection",
     "против", "противник", "противники", "возражал", "возражали", "protiv", "protivniki"),
    ("write", "wrote", "written", "writes", "writing", "написал", "написала", "писал", "писала",
     "napisal", "napisala", "pisal", "pisala"),
    # the camera itself, not filming in general: "how did the cameras get up there?"
    ("camera", "cameras", "камера", "камеры", "камер", "камеру", "kamera", "kamery", "kamer",
     "kameru"),
    ("head", "administrator", "boss", "chief", "ceo", "глава", "руководитель", "glava",
     "rukovoditel"),
    ("involved", "involvement", "participate", "participated", "участвовал", "участвовало",
     "участвовала", "участвовали", "участие", "uchastvoval", "uchastvovalo", "uchastvovali",
     "uchastie"),
    ("build", "built", "building", "строили", "построили", "строит", "построить", "stroili",
     "postroili", "stroit", "postroit"),
    ("angry", "mad", "upset", "furious", "outraged", "pissed", "annoyed", "возмутились",
     "возмущены", "недовольны", "злились", "vozmutilis", "vozmushcheny", "nedovolny"),
    ("pilot", "piloted", "piloting", "pilots", "пилот", "пилотировал", "пилотировала",
     "pilotiroval", "pilotirovala", "управлял", "управляла", "управлять", "upravlyal",
     "upravlyala", "upravlyat"),
    # «командир» is the commander: its stem is not the English one
    ("commander", "commanders", "commanded", "commanding", "command", "командир", "командира",
     "командиром", "командовал", "командовала", "komandir", "komandira", "komandirom",
     "komandoval"),
    ("private", "privately", "частный", "частного", "частном", "частная", "частной", "частным",
     "chastnyy", "chastnogo", "chastnom", "chastnaya", "chastnoy", "chastnym"),
    ("feature", "художественный", "художественного", "художественном", "игровой",
     "khudozhestvennyy", "khudozhestvennogo", "igrovoy"),
    ("first", "firsts", "первый", "первым", "первая", "perviy", "pervyy", "pervy", "before",
     "beat", "ahead", "race", "обогнали", "obognali", "обогнать", "obognat", "опередили",
     "operedili"),
    ("dock", "docked", "docking", "стыковка", "stykovka", "park", "parked", "parking", "стыковал",
     "стыковали", "состыковался", "состыковались", "пристыковался", "пристыковались",
     "stykoval", "stykovali", "sostykovalis", "sostykovalsya", "pristykovalsya", "pristykovalis"),
    # Russian verb and adjective forms the stemmer leaves apart from the noun
    ("manual", "manually", "ручной", "ручном", "ручную", "ручного", "вручную", "ruchnoy",
     "ruchnom", "vruchnuyu"),
    ("sad", "sadness", "upset", "грустила", "грустил", "грустно", "грустная", "грусть",
     "печально", "grustila", "grustno"),
    # not "change": a known word, it would take "chalange" from the film's name
    ("edit", "edited", "edits", "revise", "revised", "rewrite", "rewrote", "rewritten",
     "переписал", "переписывал", "редактировал", "perepisal"),
    ("crew", "team", "экипаж", "ekipazh", "киношники", "киношников", "kinoshniki", "kinoshnikov"),
    ("pay", "paid", "payed", "pays", "paying", "payment", "fee", "salary", "заплатил",
     "заплатили", "гонорар", "zaplatil", "zaplatili", "gonorar"),
    ("media", "press", "newspapers", "papers", "outlets", "journalists", "сми", "пресса",
     "smi", "pressa"),
    # months: the names, their short forms (not "may", a word of its own) and Russian cases
    ("january", "jan", "январь", "января", "yanvar", "yanvarya"),
    ("february", "feb", "февраль", "февраля", "fevral", "fevralya"),
    ("march", "mar", "март", "марта", "mart", "marta"),
    ("mars", "марс", "марса", "марсе"),  # the planet, whose stem is the month's "mar"
    ("april", "apr", "апрель", "апреля", "aprel", "aprelya"),
    ("june", "jun", "июнь", "июня", "iyun", "iyunya"),
    ("july", "jul", "июль", "июля", "iyul", "iyulya"),
    ("august", "aug", "август", "августа", "avgust", "avgusta"),
    ("september", "sep", "sept", "сентябрь", "сентября", "sentyabr", "sentyabrya"),
    ("october", "oct", "октябрь", "октября", "oktyabr", "oktyabrya"),
    ("november", "nov", "ноябрь", "ноября", "noyabr", "noyabrya"),
    ("december", "dec", "декабрь", "декабря", "dekabr", "dekabrya"),
    ("surgeon", "surgery", "surgeons", "doctor", "хирург", "хирурга", "операция", "khirurg",
     "operation", "operate", "оперировать", "прооперировать", "операцию", "operirovat",
     "prooperirovat", "operatsiya", "operatsiyu", "operaciyu"),
    ("time", "время", "времени", "vremya", "vremeni", "moment"),
    ("earth", "ground", "земля", "земле", "земные", "земных", "zemlya", "zemle", "zemnye"),
    ("show", "shown", "showed", "screen", "screened", "screening", "показали", "показ",
     "pokazali", "pokaz", "покажут", "показывали", "показывают", "pokazhut", "pokazyvali",
     "pokazyvayut"),
    ("bring", "brought", "brings", "bringing", "carry", "carried", "carries", "carrying",
     "ferry", "ferried"),
    ("support", "supported", "supports", "backed", "backing", "endorsed", "endorse",
     "поддержал", "поддержало", "поддержали", "поддержка", "podderzhal", "podderzhka"),
    ("controversy", "drama", "beef", "backlash", "scandal", "скандал", "skandal"),
    ("sell", "sold", "ticket", "tickets", "admissions", "viewers", "билетов", "зрителей"),
    # not "officially": "is it officially cancelled?" asks whether it is cancelled
    ("confirm", "confirmed", "confirms", "подтвердил", "подтвердили", "official"),
    ("delete", "deleted", "removed", "удалил"),
    ("cinematographer", "cinematography", "cameraman", "camerawork", "operator", "operators",
     "оператор", "оператора", "кинооператор", "operatora", "kinooperator", "dop"),
    ("films", "movies", "flicks", "filmography", "фильмы", "фильмов", "фильмах", "фильмам",
     "фильмография", "filmy", "filmov", "filmakh", "filmografiya"),
    # not "ves" (весь typed in Latin letters): it is the stem of «весило», «вес» (weight) too
    ("whole", "entire", "entirely", "весь", "вся", "целиком", "полностью", "vsya",
     "tselikom", "polnostyu"),
    ("critic", "critics", "критик", "критики", "критиков", "критикам", "критиками", "kritik",
     "kritiki", "kritikov", "kritikam"),
    ("weigh", "weighs", "weighed", "weight", "вес", "весил", "весила", "весило", "весили"),
    ("deal", "deals", "acquired", "acquire", "bought", "buy", "signed", "sign", "contract",
     "сделка", "сделку", "контракт", "sdelka", "kontrakt"),
    ("success", "successful", "hit", "flop", "flopped", "flops", "bomb", "bombed", "popular",
     "popularity", "успех", "успешный", "провал", "провалился", "uspekh", "proval", "зашло",
     "зашёл", "зашел", "зашла", "зашли", "zashlo", "zashel", "zashla", "zashli"),
    ("age", "aged", "old", "older", "oldest", "young", "younger", "youngest", "возраст",
     "возрасте", "vozrast", "vozraste"),
    ("woman", "women", "girl", "lady", "chick", "female", "женщина", "женщины", "женщин",
     "zhenshchina", "zhenshchiny"),
    ("apply", "applied", "applicants", "applications", "casting", "audition", "auditions",
     "кастинг", "kasting", "selected", "selection", "chosen", "choose", "picked", "выбирали",
     "выбрали", "выбор", "vybirali", "vybrali", "vybor"),
)  # fmt: skip
