"""One reminder message per person: what waits, grouped by why, the most urgent first. No report
text - only reference, area, unit and how long it has waited (the message goes to a direct message,
but says no more than needed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from intents.reminders.selection import LEX_MARIA, LEX_SARAH, NEW, NO_FEEDBACK, REASONS, ReminderItem, ReminderPeriods

MAX_PER_REASON = 10


def _titles(periods: ReminderPeriods) -> dict[str, str]:
    return {
        LEX_MARIA: f"Möjliga lex Maria som inte är bedömda (mer än {periods.lex_hours} timmar)",
        LEX_SARAH: f"Möjliga lex Sarah som inte är bedömda (mer än {periods.lex_hours} timmar)",
        NEW: f"Nya rapporter som ingen har börjat hantera (mer än {periods.new_working_days} arbetsdagar)",
        NO_FEEDBACK: (f"Åtgärdade men utan återkoppling till den som rapporterade "
                      f"(mer än {periods.feedback_days} dagar)"),
    }


_HOW = {
    LEX_MARIA: "Bedöm med t.ex. ”{ref} lex maria: anmäls till IVO” eller ”{ref} lex maria: ej anmälningspliktig”.",
    LEX_SARAH: "Bedöm med t.ex. ”{ref} lex sarah: inget missförhållande, ej anmälningspliktig”.",
    NEW: "Skriv ”{ref}” för att öppna den, eller ”visa nya avvikelser”.",
    NO_FEEDBACK: "Skriv ”{ref} återkoppling: …” så får den som rapporterade veta.",
}


def waited(since: datetime, now: datetime) -> str:
    hours = max(0, int((now - since).total_seconds() // 3600))
    if hours < 48:
        return f"{hours} tim"
    return f"{hours // 24} dagar"


def reminder_text(items: Sequence[ReminderItem], now: datetime, periods: ReminderPeriods) -> str:
    titles = _titles(periods)
    lines = ["God morgon! Det här väntar på dig:"]
    for reason in REASONS:
        chosen = [i for i in items if i.reason == reason]
        if not chosen:
            continue
        lines += ["", f"{titles[reason]}:"]
        lines += [f"• {i.waiting.reference} – {i.waiting.area}, {i.waiting.unit_name}, har väntat "
                  f"{waited(i.waiting.since, now)}" for i in chosen[:MAX_PER_REASON]]
        if len(chosen) > MAX_PER_REASON:
            lines.append(f"… och {len(chosen) - MAX_PER_REASON} till.")
        lines.append(_HOW[reason].format(ref=chosen[0].waiting.reference))
    lines += ["", "Du får en sådan påminnelse per vardag så länge något väntar."]
    return "\n".join(lines)
