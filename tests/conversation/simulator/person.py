"""A simulated person: recognises what the bot asks by its topic and answers from the hidden truth."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.conversation.simulator.personas import Persona
from tests.conversation.simulator.styles import Style, hurried, unit_as_typed
from tests.conversation.simulator.truth import Truth

# What a bot message is about, by its words (the first match wins; the last question in a turn counts).
TOPICS = [
    ("stored", r"registrerad som|registrerat som"),
    ("staff", r"arbetsmiljösystem"),
    ("new_or_answer", r"svar på frågan eller en ny händelse|”ny” om det är en annan|till samma händelse, eller"),
    ("duplicate", r"samma händelse som rapporterades|om det är samma händelse"),
    ("summary", r"sammanfattning av din"),
    ("edit", r"vad vill du ändra|välj vad som ska ändras"),
    ("what", r"berätta kort|berätta med några ord|skriv med egna ord"),
    ("area", r"vilket område|behöver veta området"),
    ("unit", r"vilken enhet|enhetens namn|flera enheter som passar|hittar ingen enhet"),
    ("time", r"när hände det|ungefärlig tid"),
    ("consequence_which", r"hur allvarlig|välj lindrig"),
    ("consequence", r"någon skada|konsekvens som passar|frågar igen om konsekvensen"),
    ("action", r"vad gjorde ni"),
    ("given_by", r"vem lämnade|vem synpunkten kom från"),
    ("contact_which", r"per telefon eller skriftligt|skriv ”telefon” eller"),
    ("contact", r"kontaktad om svaret|”ja, per telefon”"),
]
QUESTIONS = {topic for topic, _ in TOPICS} - {"stored", "staff"}
# A hurried person's words for each answer; the seed picks one, so runs differ.
_AREA_WORDS = {"fall": ["fall", "ett fall", "ramlade"], "läkemedel": ["medicin", "lakemedel", "lm"],
               "trycksår": ["trycksar", "trycksår", "tryckskada"], "larm": ["larm", "larmet", "trygghetslarm"],
               "övrigt": ["ovrigt", "annat", "övrigt"]}
_TIDY_CONSEQUENCE = {"ingen": "Ingen skada", "lindrig": "Lindrig", "måttlig": "Måttlig", "allvarlig": "Allvarlig",
                     "okänd": "Vet ej"}
_HURRIED_CONSEQUENCE = {"ingen": ["nä", "ingen skada", "nej inga skador", "inga"],
                        "lindrig": ["ja", "lindrig", "lindig"], "måttlig": ["ja", "mattlig", "måttlig"],
                        "allvarlig": ["ja", "allvarlig", "allvarligt"], "okänd": ["vet inte", "vet ej", "ingen aning"]}
_NO_ACTION = ["inget", "hoppa över", "nej", "ingenting"]
_NO_CONTACT = ["nä", "nej", "ingen kontakt", "nej tack"]
_YES_CONTACT = {"telefon": ["ja", "ja per telefon", "tel"], "skriftligt": ["ja", "ja skriftligt", "skriftligt"]}
_GIVER_LABEL = {"brukare": "Brukare", "anhörig": "Anhörig", "personal": "Personal", "annan": "Annan"}
_CONFIRM = {Style.TIDY: ["Skicka", "Ja"], Style.HURRIED: ["ok skicka", "kör", "skicka den", "ja", "ok"]}
# A chatty person: a greeting first, and answers with more in them. A level is named with a sign of ANOTHER
# level after it ("måttlig, hon har ont i armen"): the level named must win.
_GREETINGS = ["Hej! ", "God morgon, ", "Hej, jag jobbar natt. ", "Hallå! ", "Hej hej. Jag är usk här. "]
_CHATTY_CONSEQUENCE = {"ingen": ["ingen skada men hon blev lite orolig", "inga skador, han var mest rädd"],
                       "lindrig": ["lindrig, hon var lite förvirrad en stund", "lindrig tror jag, han var kall"],
                       "måttlig": ["måttlig, hon har ont i armen", "måttlig skulle jag säga, ett blåmärke på låret"],
                       "allvarlig": ["allvarlig, hon har ont och ett stort blåmärke",
                                     "allvarlig tror jag, han är yr och kall"],
                       "okänd": ["vet inte riktigt än, vi får se i morgon", "vet ej än, får se hur det blir"]}
_CHATTY_AFTER_ACTION = ["hon var lugn efteråt", "han verkade okej sen", "hon somnade om efteråt"]
_CHATTY_CONTACT = {"telefon": "ja, per telefon. hon vill bli uppringd", "skriftligt": "ja, hon vill hellre ha svar via brev"}
_NEW = ["ny", "ny händelse", "en ny", "det är en ny"]
_OTHER_EVENT = ["nej", "nä", "en annan", "nej en annan"]


def topic_of(text: str) -> str | None:
    lowered = text.lower()
    for topic, pattern in TOPICS:
        if re.search(pattern, lowered):
            return topic
    return None


@dataclass
class SimulatedPerson:
    persona: Persona
    style: Style
    seed: int = 0
    # second thoughts: a wrong unit or a time without its hour in the story, corrected at the summary
    slip: str | None = None  # "time" or "unit"
    slip_corrected: bool = False
    # second thoughts: another event told while the bot asks something
    extra: Persona | None = None
    extra_sent: bool = False
    current: Persona | None = None
    said: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.current = self.persona

    @property
    def typing(self) -> Style:
        return Style.HURRIED if self.style == Style.HURRIED else Style.TIDY

    @property
    def chatty(self) -> bool:
        return self.style == Style.CHATTY

    def _type(self, text: str) -> str:
        if self.typing != Style.HURRIED:
            return text
        return hurried(text, self.seed + len(self.said), keep=(self.truth.unit,))

    @property
    def truth(self) -> Truth:
        return self.current.truth

    # ---- what the person writes first

    def story(self, persona: Persona | None = None) -> str:
        persona = persona or self.current
        truth = persona.truth
        when = truth.when.hurried if self.typing == Style.HURRIED else truth.when.tidy
        if self.chatty:
            when = truth.when.four_digits
        unit = unit_as_typed(truth.unit, self.typing)
        if persona is self.persona and self.slip == "time":
            when = truth.when.day_only
        if persona is self.persona and self.slip == "unit":
            unit = _other_unit(truth.unit)
        text = persona.story.replace("{time}", "{t}").replace("{unit}", "{u}")
        if self.typing == Style.HURRIED:
            text = hurried(text, self.seed, keep=(truth.unit,))
        return text.replace("{t}", when).replace("{u}", unit)

    def first_message(self) -> str:
        if self.chatty:
            return self._pick(_GREETINGS) + (self.persona.opening or self.story())
        return self.persona.opening or self.story()

    # ---- answers

    def _pick(self, words: list[str]) -> str:
        return words[(self.seed + len(self.said)) % len(words)]

    def answer(self, topic: str, bot_text: str) -> str:
        t, style = self.truth, self.typing
        tidy = style == Style.TIDY
        if topic == "new_or_answer":
            return "Ny händelse" if tidy else self._pick(_NEW)
        if topic == "duplicate":  # each simulated event is the person's own
            return "Nej, en annan" if tidy else self._pick(_OTHER_EVENT)
        if topic == "what":
            return self.story()
        if self.chatty and (said := self._chatty(topic)) is not None:
            return said
        if topic == "area":
            return {"övrigt": "Övrigt"}.get(t.area, t.area.capitalize()) if tidy else self._pick(_AREA_WORDS[t.area])
        if topic == "unit":
            return unit_as_typed(t.unit, style)
        if topic == "time":
            return t.when.tidy if tidy else t.when.hurried
        if topic == "consequence":
            return _TIDY_CONSEQUENCE[t.consequence or "okänd"] if tidy \
                else self._pick(_HURRIED_CONSEQUENCE[t.consequence or "okänd"])
        if topic == "consequence_which":
            return {"måttlig": "mattlig", "allvarlig": "allvarlig"}.get(t.consequence, "lindrig") \
                if not tidy else t.consequence.capitalize()
        if topic == "action":
            if t.action is None:
                return "Hoppa över" if tidy else self._pick(_NO_ACTION)
            return self._type(t.action)
        if topic == "given_by":
            return _GIVER_LABEL[t.given_by] if tidy else t.phrases.get("given_by", t.given_by)
        if topic == "contact":
            if t.contact is None:
                return "Nej, ingen kontakt" if tidy else self._pick(_NO_CONTACT)
            return {"telefon": "Ja, per telefon", "skriftligt": "Ja, skriftligt"}[t.contact] if tidy \
                else self._pick(_YES_CONTACT[t.contact])
        if topic == "contact_which":
            return {"telefon": "telefon", "skriftligt": "skriftligt"}.get(t.contact or "", "vet ej")
        if topic == "summary":
            return self._at_summary(bot_text)
        if topic == "edit":
            return "tid"
        raise ValueError(f"unknown topic {topic}")

    def _chatty(self, topic: str) -> str | None:
        """A chatty answer, or None where a chatty person answers as a tidy one."""
        t = self.truth
        if topic == "time":
            return t.when.four_digits
        if topic == "consequence":
            return self._pick(_CHATTY_CONSEQUENCE[t.consequence or "okänd"])
        if topic == "action" and t.action is not None:
            return f"{t.action}, {self._pick(_CHATTY_AFTER_ACTION)}"
        if topic == "given_by":
            return f"det var {t.phrases.get('given_by', t.given_by)}"
        if topic == "contact" and t.contact is not None:
            return _CHATTY_CONTACT[t.contact]
        return None

    def _at_summary(self, bot_text: str) -> str:
        if self.slip and not self.slip_corrected and self.current is self.persona:
            self.slip_corrected = True
            if self.slip == "time":
                when = self.truth.when
                return [f"nej det var typ {when.clock()}", f"tiden är fel, det var {when.tidy}",
                        f"{when.day_only} runt {when.clock()}"][self.seed % 3]
            return [f"fel enhet, det var {self.truth.unit}", f"nej det var på {self.truth.unit}",
                    f"enheten ska vara {self.truth.unit}"][self.seed % 3]
        return self._pick(_CONFIRM[self.typing])


def _other_unit(unit: str) -> str:
    swaps = {"Solgården": "Björkhagen", "Björkhagen": "Solgården", "Ekgården": "Solgården",
             "Hemtjänst Norr": "Hemtjänst Syd", "Hemtjänst Syd": "Hemtjänst Norr",
             "Korttidsboendet Linden": "Ekgården", "Larm och natt": "Hemtjänst Norr",
             "Dagverksamheten Kastanjen": "Solgården"}
    return swaps[unit]
