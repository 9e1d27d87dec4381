"""Names: once, before a report is saved, ask whether what looks like a person's name may be replaced
with [namn]. The person who wrote it decides; nothing is replaced without a yes.

Hooked into the dialogue at two points: `ask_once` when the user chooses to send, and
`read_answer` for the reply to the question (`draft.pending == PENDING`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from intents.choice_matching import match_yes_no_choice
from intents.messages import Choice, Reply
from intents.report_dialogue.draft import ReportDraft
from intents.turn import Turn
from nlp_models.personal_data.names import PLACEHOLDER, find_names, replace_names
from storage.drafts import save_draft

PENDING = "names"
CHOICES = [Choice("Ja, byt ut", "ja"), Choice("Nej, spara som det är", "nej")]


@dataclass
class NameAnswer:
    replies: list[Reply] = field(default_factory=list)
    ask_again: bool = False


def names_in(services, *texts: str | None) -> list[str]:
    """What looks like a person's name in the texts; unit names (the words of them) never count."""
    units = getattr(services.nlu, "units", None)
    unit_words = [w for name in (units.names if units is not None else []) for w in name.split()]
    return find_names(" \n ".join(t or "" for t in texts), unit_words)


def question(names: list[str], start: str = "Texten") -> str:
    what = "ett namn" if len(names) == 1 else "namn"
    return (f"{start} verkar innehålla {what} ({quoted(names)}). Får jag byta ut "
            f"{'det' if len(names) == 1 else 'dem'} mot {PLACEHOLDER}?")


def _names(turn: Turn, draft: ReportDraft) -> list[str]:
    return names_in(turn.services, draft.description, draft.immediate_action)


def _save(turn: Turn, draft: ReportDraft) -> None:
    save_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
               state=draft.to_state(), now=turn.now)


def quoted(names: list[str]) -> str:
    shown = [f"”{n}”" for n in names[:3]]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " och " + shown[-1]


def ask_once(turn: Turn, draft: ReportDraft) -> list[Reply] | None:
    """The question, when the texts hold a name and it was not asked before; None: go on and save."""
    if draft.names_asked:
        return None
    names = _names(turn, draft)
    if not names:
        return None
    draft.names_asked, draft.pending = True, PENDING
    _save(turn, draft)
    return [Reply(f"Innan jag sparar: {question(names, start='texten')} Rapporten behöver inga "
                  "namn – ”brukaren” räcker.", list(CHOICES))]


def read_answer(turn: Turn, draft: ReportDraft, text: str) -> NameAnswer:
    """Yes: replace the names and save; no: save as written; anything else: ask again."""
    choice = match_yes_no_choice(text, CHOICES)
    if choice is None:
        _save(turn, draft)
        return NameAnswer([Reply(f"Svara ja för att byta ut namnet mot {PLACEHOLDER}, eller nej för att spara "
                                 "texten som den är.", list(CHOICES))], ask_again=True)
    draft.pending = "confirm"
    if choice.value == "nej":
        return NameAnswer()
    names = _names(turn, draft)
    draft.description = replace_names(draft.description, names)
    if draft.immediate_action:
        draft.immediate_action = replace_names(draft.immediate_action, names)
    return NameAnswer([Reply(f"Jag bytte ut {quoted(names)} mot {PLACEHOLDER}.")])
