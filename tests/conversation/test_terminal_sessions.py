"""I terminalen är varje chatt en persons egen session: beskedet till rapportören syns i rapportörens
session (när den öppnas, en gång), aldrig i chefens fönster."""

from __future__ import annotations

from bot.terminal_chat import run_chat

FEEDBACK = "Tack för din rapport"


def session(conversation, user: str, *lines: str) -> str:
    """One terminal session of `user` typing `lines`, then "sluta"; everything it showed."""
    script = iter([*lines, "sluta"])
    shown: list[str] = []
    run_chat(conversation.engine, user, clock=lambda: conversation.now, read=lambda _prompt: next(script),
             write=shown.append)
    return "\n".join(shown)


def test_aterkopplingen_syns_i_rapportorens_egen_session_inte_i_chefens(conversation):
    reporter = session(conversation, "U-usk",
                       "brukaren hittad på golvet i badrummet på Solgården i natt kl 3, ingen skada, ssk kontaktad",
                       "skicka")
    assert "AV-2026-00001" in reporter
    chef = session(conversation, "U-chef",
                   "AV-2026-00001 åtgärd: sänglarm beställt. återkoppling: tack, sänglarm är beställt. status åtgärdad")
    assert "sänglarm beställt" in chef  # the chef's own confirmation
    assert FEEDBACK not in chef and "📬" not in chef and "U-usk" not in chef

    later = session(conversation, "U-usk")  # the reporter opens their session
    assert "📬 Meddelande till dig" in later and FEEDBACK in later and "sänglarm" in later
    assert FEEDBACK not in session(conversation, "U-usk")  # shown once


def test_chefens_egen_rapport_far_beskedet_i_chefens_egen_session(conversation):
    conversation.file_report(reporter="U-chef")  # the chef reported it, the MAS handles it
    shown = session(conversation, "U-mas", "AV-2026-00001 återkoppling: tack, vi har sett över rutinen")
    assert FEEDBACK not in shown
    own = session(conversation, "U-chef")
    assert FEEDBACK in own


def test_paminnelsen_syns_i_chefens_egen_session(conversation):
    from bot.scheduling.reminders import queue_due_reminders
    from bot.settings import Settings

    reference = conversation.file_report(hours_ago=24 * 8)
    assert queue_due_reminders(engine=conversation.db, settings=Settings(_env_file=None), now=conversation.now) == 1
    assert "väntar på dig" not in session(conversation, "U-usk")
    chef = session(conversation, "U-chef")
    assert "📬 Meddelande till dig" in chef and reference in chef and "väntar på dig" in chef


def test_mas_bedomer_lex_maria_i_terminalen(conversation):
    reference = conversation.file_report("fick dubbel dos, blev medvetslös, ambulans", area="läkemedel",
                                         lex_maria_candidate=True, severe=True)
    shown = session(conversation, "U-mas", "visa lex maria", f"{reference} lex maria: ej anmälningspliktig")
    assert reference in shown and "lex Maria: ej anmälningspliktig" in shown
    listed = session(conversation, "U-mas", "visa lex maria")
    assert "[lex Maria: ej anmälningspliktig]" in listed and "ej bedömd" not in listed
