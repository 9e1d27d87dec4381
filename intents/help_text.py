"""What the bot can do, with examples that fit the user's role."""

from __future__ import annotations

from storage.vocabulary import Role

_STAFF = """Hej! Det här kan jag hjälpa dig med:
• Rapportera en avvikelse – skriv bara vad som hände, t.ex. ”hittade bru på golvet i badrummet i natt, ssk kontaktad”.
• Lämna en synpunkt från en brukare eller anhörig, t.ex. ”dottern till en brukare tycker att maten är kall”.
• Svara på hur man gör enligt rutinerna, t.ex. ”vad gör jag om någon har ramlat?”.
• Visa status på dina egna rapporter: ”mina rapporter”.
Skriv ”avbryt” när som helst för att avbryta en rapport. Vi rapporterar händelsen, inte personen."""

_STATS = """
Statistik för {scope}, t.ex.:
• ”hur många fallavvikelser i mars”
• ”läkemedelsavvikelser på Solgården förra veckan”
• ”antal avvikelser per enhet i år”
• ”status på indikatorerna”"""


_HANDLING = """
Hantera rapporter: ”visa nya avvikelser”, ”visa AV-2026-00042”,
”AV-2026-00042 åtgärd: extra tillsyn nattetid, status åtgärdad”. Den som rapporterade får besked automatiskt."""


def help_text(role: str) -> str:
    text = _STAFF
    if role == Role.SJUKSKOTERSKA.value:
        text += _STATS.format(scope="dina enheter")
    elif role == Role.CHEF.value:
        text += _STATS.format(scope="enheterna du är chef för") + _HANDLING
    elif role in (Role.MAS.value, Role.ADMIN.value):
        text += _STATS.format(scope="hela kommunen") + _HANDLING
    return text
