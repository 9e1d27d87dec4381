"""A longer answer in parts: the part that answers the question, questions to the bot, and the rest.

- "måttlig, hon har ont i armen" answers the consequence with "måttlig"; "hon har ont i armen" is told
  about the event and goes into the description.
- "ikväll 21.45. och larmet på rum 5 har inte fungerat" answers the time; the rest may be another event.
- "ringde ssk som kom och bytte, vad gör jag med dosetten nu?" answers what was done and asks the bot.
- "vet inte riktigt, ssk bedömer" answers the consequence ("vet ej"), and the rest says what was done.

An answer part must be a pure answer to the question (a time with no story in it, a named level, a
unit name) and come first: a part that tells the event itself ("bru på Björkhagen ramlade i går kl 22")
is no answer part, so a whole new report sent mid-dialogue is still seen as one (new_event.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.intake import asks_something, content_words
from intents.report_dialogue.questions import answer_question
from intents.report_dialogue.slot_answers import resolve_time
from intents.turn import Turn
from nlp_models.answers import AnswerKind, answer_words, explicit_option, phrase, read_answer
from nlp_models.answers.clauses import Clause, clauses
from nlp_models.reports.rules import word_list
from nlp_models.reports.synpunkt_details import contact_wish, giver
from nlp_models.times.expressions import said_precision

QUESTION_INTENTS = {"count", "routine", "indicator"}
SPLIT_SLOTS = {"time", "consequence", "consequence_which", "action", "unit", "given_by", "contact", "contact_which"}
SHORT_ANSWER_WORDS = 4  # a unit or a giver said in a part of its own
# "vet inte riktigt", "hoppa över": an answer of its own, whatever the question
_CLASS_ANSWERS = {AnswerKind.UNKNOWN, AnswerKind.SKIP, AnswerKind.LATER, AnswerKind.NO, AnswerKind.YES_WHICH,
                  AnswerKind.OPTION}


@dataclass(frozen=True)
class AnswerParts:
    answer: str  # the parts that answer the question, as written ("" when only questions and the rest)
    questions: tuple[str, ...] = ()  # questions to the bot
    rest: str = ""  # everything else, as written: told about the event, a correction, or another event

    @property
    def whole(self) -> bool:
        """All of the message answers the question."""
        return not self.questions and not self.rest


def reading(turn: Turn, text: str) -> Turn:
    """The same turn reading another text (its own understanding), the original left as it was."""
    return replace(turn, message=replace(turn.message, text=text), _understanding=None)


def is_question(turn: Turn, text: str) -> bool:
    """A question to the bot in the middle of an answer ("vad gör jag med dosetten nu?")."""
    return asks_something(text) and reading(turn, text).understand().intent in QUESTION_INTENTS


def quote(text: str, parts: list[Clause]) -> str:
    """The parts as written: one stretch of the text when they follow each other, else joined."""
    if not parts:
        return ""
    between = [c for c in clauses(text[parts[0].start:parts[-1].end])]
    if len(between) == len(parts):
        return text[parts[0].start:parts[-1].end]
    return ", ".join(c.text for c in parts)


def _consequence_parts(turn: Turn, draft: ReportDraft, slot: str, parts: list[Clause]) -> list[Clause]:
    question = answer_question(slot, draft)
    named = [c for c in parts if explicit_option(c.text, question) is not None]
    if named:
        return named[:1]
    readings = [(c, read_answer(c.text, question)) for c in parts if not turn.understand(c.text).report.area_evidence]
    chosen = [(c, answer) for c, answer in readings if answer.kind in _CLASS_ANSWERS]
    values = {answer.option.value if answer.option else answer.kind for _, answer in chosen}
    return [chosen[0][0]] if len(values) == 1 else []


def _answers(turn: Turn, draft: ReportDraft, slot: str, part: Clause) -> bool:
    """Whether `part` on its own is a pure answer to `slot`."""
    text = part.text
    if slot == "time":
        return resolve_time(draft, text, turn.now) is not None and not turn.understand(text).report.area_evidence
    if slot == "unit":
        matcher = turn.services.nlu.units
        return content_words(text) <= SHORT_ANSWER_WORDS and bool(matcher.lookup(text) or matcher.find(text))
    if slot == "given_by":
        answer = read_answer(text, answer_question(slot, draft))
        return content_words(text) <= SHORT_ANSWER_WORDS and (answer.kind in _CLASS_ANSWERS or bool(giver(text)))
    if slot in ("contact", "contact_which"):
        answer = read_answer(text, answer_question(slot, draft))
        return answer.kind in _CLASS_ANSWERS or contact_wish(text) is not None
    return False


def _names_action(turn: Turn, text: str) -> bool:
    """An action in so many words ("ringde ssk", "ssk ringd"), or only who was called ("ssk o ambulans")."""
    if turn.understand(text).report.action_cues:
        return True
    vocabulary = answer_words()
    contacted = vocabulary.topics.get("action", {}).get("contacted", frozenset())
    words = [w for w in phrase(text).split() if w not in vocabulary.fillers]
    return bool(words) and all(w in contacted for w in words)


_SUBJECTS = frozenset({"hon", "han", "hen", "de", "det"})  # "hon var rädd": about the care recipient


@lru_cache(maxsize=1)
def recipient_words() -> frozenset[str]:
    """Single words for the care recipient ("bru", "brukaren", "boende"): rules/lists/mottagare.csv and the
    answer words for a synpunkt from the brukare."""
    words = {phrase(w) for w in word_list("mottagare")}
    words |= {said for said in answer_words().topics.get("given_by", {}).get("brukare", ()) if " " not in said}
    return frozenset(words)


def _about_recipient(turn: Turn, text: str) -> bool:
    """A part that starts telling about the care recipient or the event ("hon var medvetslös", "bru föll")."""
    words = phrase(text).split()
    analysis = turn.understand(text).report
    starts_with_subject = bool(words) and (words[0] in _SUBJECTS or words[0] in recipient_words())
    return starts_with_subject or bool(analysis.area_evidence or analysis.severity_evidence)


def _action_parts(turn: Turn, parts: list[Clause]) -> list[Clause]:
    """What was done: read in order, a part that names an action is the action and a part about the care
    recipient or the event ("hon var medvetslös") the rest; a part that is neither goes with the one before it
    (the rest, when it comes first)
    ("ringde ssk som kom o bytte", "han var lite skakig o rädd efteråt"). Nothing when no part names an action:
    then the message is read whole (it may be another event)."""
    if not any(_names_action(turn, p.text) for p in parts):
        return []
    chosen, in_action, before = [], False, []
    for part in parts:
        if _names_action(turn, part.text):
            in_action = True
            # short words before the first action are part of it ("plåster och ssk informerad")
            chosen += [p for p in before if content_words(p.text) <= SHORT_ANSWER_WORDS - 1]
            before = []
        elif _about_recipient(turn, part.text):
            in_action = False
        elif not chosen and not in_action:
            before.append(part)
        if in_action:
            chosen.append(part)
    return sorted(chosen, key=lambda p: p.start)


def split_answer(turn: Turn, draft: ReportDraft, slot: str, text: str) -> AnswerParts | None:
    """The answer to `slot` and what else the message holds, or None when the message is one part, or holds
    no pure answer part first, and is read whole."""
    if slot not in SPLIT_SLOTS:
        return None
    parts = clauses(text)
    if len(parts) < 2:
        return None
    said_already = answer_words().already_said
    questions = [p for p in parts if is_question(turn, p.text)]
    others = [p for p in parts if p not in questions and phrase(p.text) not in said_already]
    if slot == "action":
        answering = _action_parts(turn, others)
    elif slot in ("consequence", "consequence_which"):
        answering = _consequence_parts(turn, draft, slot, others)
    else:
        answering = [p for p in others if _answers(turn, draft, slot, p)]
        if slot != "time":
            answering = answering[:1]
    if not answering and questions and others:  # "ringde ssk, vad gör jag med dosetten?" at another question
        return AnswerParts("", tuple(p.text for p in questions), quote(text, others))
    # a person answers first and adds after ("måttlig, hon har ont i armen"); a message that starts by telling an
    # event and has an answer-like part later ("… ramlade ur stolen, ingen skada") may be a whole other report
    if not answering or answering[0] is not others[0]:
        return None
    rest = [p for p in others if p not in answering]
    # (all of it may be the answer: "ambulans på väg, ssk på plats" is then no new event, whatever its words)
    return AnswerParts(quote(text, answering), tuple(p.text for p in questions), quote(text, rest))


# Small words that tell nothing on their own ("på", "hon", "det").
_FUNCTION_WORDS = frozenset(phrase(w) for w in """
    på i av till ur om med vid en ett och o som från under över har hade var är den det sig inte hon han hen
    jag vi de dem henne honom hennes hans ju väl så då nu bara lite mycket kl klockan ca runt typ
    """.split())


def _without(words: list[str], phrases) -> list[str]:
    """`words` with every occurrence of the (folded, multi-word) phrases taken out."""
    text = f" {' '.join(words)} "
    for said in sorted(phrases, key=len, reverse=True):
        text = text.replace(f" {said} ", " ")
    return text.split()


def carries_detail(turn: Turn, draft: ReportDraft, slot: str, text: str) -> bool:
    """An answer that also tells about the event ("skrapsår på knät", "i går kl 22 när hon ramlade"): besides
    the words that answer, it has words of its own, and the report rules find something in it. "nej ingen skada
    verkar det som" carries nothing: its words are the answer, a hedge and small words."""
    analysis = turn.understand(text).report
    if not (analysis.area_evidence or analysis.consequence_cues or analysis.action_cues or analysis.severity_evidence):
        return False
    vocabulary = answer_words()
    question = answer_question(slot, draft)
    topic = vocabulary.topics.get(question.topic, {})
    answering = {phrase(o.label) for o in question.options} | {phrase(o.value) for o in question.options}
    answering |= {said for phrases in topic.values() for said in phrases}
    answering |= {said for phrases in vocabulary.explicit.get(question.topic, {}).values() for said in phrases}
    words = _without(phrase(text).split(), set(vocabulary.hedges) | answering)
    left = [w for w in words if w not in vocabulary.fillers | vocabulary.yes | vocabulary.no | _FUNCTION_WORDS]
    if slot == "time":
        left = [w for w in left if not w.isdigit() and said_precision(w) is None]
    if slot == "unit":
        unit = turn.services.nlu.units.find(text)
        left = [w for w in left if not unit or w not in phrase(unit.matched_text).split()]
    return bool(left)
