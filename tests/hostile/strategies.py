"""Hypothesis strategies for text a person, a phone keyboard, a copy-paste or an attacker can produce."""

from __future__ import annotations

from hypothesis import strategies as st

# What care staff write, so that random text also reaches deep into the dialogue.
SWEDISH = [
    "brukare på Solgården föll i natt", "glömde ge kvällsmedicinen", "ssk kontaktad", "ingen skada",
    "hur många fallavvikelser i mars", "vad gör jag om någon har ramlat?", "skicka", "ändra", "avbryt", "1", "2",
    "i går kväll", "kl 3", "Björkhagen", "trycksår på hälen", "larmet fungerade inte", "anhörig klagar",
    "19450101-1234", "070-123 45 67", "anna@example.se", "per enhet", "vecka 12", "förra året", "hjälp",
]
# Characters that break naive code: NUL and other controls, bidi overrides, zero-width and combining
# marks, case-folding that changes length (İ, ß, ﬁ), emoji with joiners, lone BOM, Slack markup.
HOSTILE = [
    "\x00", "\x01", "\x07", "\x1b[31m", "\r\n", "\t", "\x7f", "\u0085", "\u2028", "\u2029", "\u202e", "\u202d",
    "\u200b", "\u200d", "\ufeff", "\u0301", "İ", "ß", "ﬁ", "🧓🏻", "👩‍⚕️", "🇸🇪", "\U0010ffff", "\ufffd",
    "שלום עולם", "مرحبا", "<!channel>", "<@U123>", "<https://evil.example|klicka>", "'); DROP TABLE report;--",
    "1 OR 1=1", "%s", "{0}", "${jndi:ldap://x}", "../../etc/passwd", "&amp;", "&lt;", "*fet*", "_kursiv_", "`kod`",
    "9" * 40, "2026-13-45", "kl 25:99", "vecka 99", "0000-00-00",
]

any_character = st.characters(codec=None, exclude_categories=["Cs"])  # every code point a str can carry in UTF-8
fragment = st.one_of(st.sampled_from(SWEDISH), st.sampled_from(HOSTILE), st.text(any_character, max_size=20))
messages = st.lists(fragment, max_size=12).map(" ".join) | st.text(any_character, max_size=200)
long_messages = st.tuples(st.sampled_from(SWEDISH + HOSTILE), st.integers(500, 6000)).map(
    lambda t: " ".join([t[0]] * (t[1] // max(1, len(t[0])) + 1)))
